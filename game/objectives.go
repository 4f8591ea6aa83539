package game

// scoreObjectives awards the points of every objective of the given timing
// whose condition holds now: every-turn objectives after each resolution,
// end objectives when the game is over. A seat's objectives met in one
// scoring are told as one event per seat.
func (a *applier) scoreObjectives(everyTurn bool) {
	st := &a.st
	ix := st.sc.ix
	var ind [MaxSeats][MaxIndicators]float64
	var pacts [MaxSeats]SeatSet
	var pols [MaxSeats]Policy
	pos := st.position(&ind, pols[:len(st.Seats)], &pacts)
	seats := a.seats()
	for i := range seats {
		s := &seats[i]
		pub := ix.public.Seats[i].Objectives
		var total float64
		var met int
		award := func(k int, c *Condition, points float64) {
			if c.EveryTurn != everyTurn || points == 0 || !c.Holds(&pos) {
				return
			}
			s.Points[k] += points
			s.Ind[Score] += points
			total += points
			met++
		}
		for k := range pub {
			award(k, &pub[k].Cond, pub[k].Points)
		}
		for n, p := range s.Secret[:s.NSecret] {
			award(len(pub)+n, &ix.pool[i][p], st.sc.Seats[i].Secret.Pool[p].Points)
		}
		if met > 0 {
			// Scores are public (every view shows them); which objectives
			// earned them is not, so the event tells only the sum.
			a.emit(Event{Kind: EvObjective, Seat: i, Value: total, Count: met, Public: true})
		}
	}
}
