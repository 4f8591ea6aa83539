package game

// scoreObjectives awards the points of every objective of the given timing
// whose condition holds now: every-turn objectives after each resolution,
// end objectives when the game is over.
func (a *applier) scoreObjectives(everyTurn bool) {
	st := &a.st
	ix := st.sc.ix
	seats := a.seats()
	for i := range seats {
		s := &seats[i]
		pub := ix.objectives[i]
		award := func(k int, o *objectiveIndex, id string, public bool) {
			if o.everyTurn != everyTurn || o.points == 0 || !holds(st, o, i) {
				return
			}
			s.Points[k] += o.points
			s.Ind[Score] += o.points
			ev := Event{Kind: EvObjective, Seat: i, Value: o.points, Ref: id, Public: public}
			ev.Audience = ev.Audience.With(i)
			a.emit(ev)
		}
		for k := range pub {
			award(k, &pub[k], st.sc.Seats[i].Objectives[k].ID, true)
		}
		for n, p := range s.Secret[:s.NSecret] {
			award(len(pub)+n, &ix.pool[i][p], st.sc.Seats[i].Secret.Pool[p].ID, false)
		}
	}
}

// holds evaluates an objective's condition for its holder.
func holds(st *State, o *objectiveIndex, holder int) bool {
	seat := o.seat
	if seat < 0 {
		seat = holder
	}
	cmp := func(x, bound float64) bool {
		if o.atLeast {
			return x >= bound
		}
		return x <= bound
	}
	switch o.kind {
	case condIndicator:
		return cmp(st.Seats[seat].Ind[o.indicator], o.value)
	case condWorld:
		return cmp(st.World[o.world], o.value)
	case condLever:
		if !st.sc.ix.levers[o.lever].setters.Has(seat) {
			return false
		}
		slot := 0
		if o.towards >= 0 {
			slot = o.towards
		}
		return cmp(float64(st.Seats[seat].Policy[o.lever][slot]), float64(o.level))
	case condDeal:
		for i := range st.Deals {
			d := &st.Deals[i]
			if d.Status == InForce && d.Party(seat) && d.Party(o.dealWith) {
				return true
			}
		}
	}
	return false
}
