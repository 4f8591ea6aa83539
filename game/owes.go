package game

// Owed is what a seat still owes in the present phase: boardgame.io's
// "active players", as the engine's rule.
type Owed struct {
	// Act: the seat has not said it is ready (events, negotiation,
	// report) or has not submitted its orders (orders).
	Act bool
	// Answer: a proposal awaits the seat's answer (negotiation).
	Answer bool
}

// Any reports whether the seat owes anything.
func (o Owed) Any() bool { return o.Act || o.Answer }

// Owes says what seat still owes in the state's present phase.
func Owes(st *State, seat int) Owed {
	var o Owed
	s := &st.Seats[seat]
	switch st.Phase {
	case Events, Report:
		o.Act = !s.Ready
	case Negotiation:
		o.Act = !s.Ready
		for i := range st.Deals {
			if st.Deals[i].Awaits(seat) {
				o.Answer = true
				break
			}
		}
	case Orders:
		o.Act = !s.Submitted
	}
	return o
}

// Owing is the set of seats that owe anything in the state's present
// phase.
func Owing(st *State) SeatSet {
	var set SeatSet
	for i := range st.Seats {
		if Owes(st, i).Any() {
			set = set.With(i)
		}
	}
	return set
}

// Owes says what seat still owes in the view's present phase: exactly for
// the viewer, and for other seats from what is public (whether they are
// ready or have submitted), since proposals to others may be secret.
func (v *View) Owes(seat int) Owed {
	var o Owed
	s := &v.Seats[seat]
	switch v.Phase {
	case Events, Report:
		o.Act = !s.Ready
	case Negotiation:
		o.Act = !s.Ready
		if seat == v.Viewer || v.Viewer == Facilitator || v.Viewer == Omniscient {
			for i := range v.Deals {
				if v.Deals[i].Awaits(seat) {
					o.Answer = true
					break
				}
			}
		}
	case Orders:
		o.Act = !s.Submitted
	}
	return o
}

// Owing is the set of seats the view shows owing anything.
func (v *View) Owing() SeatSet {
	var set SeatSet
	for i := range v.Seats {
		if v.Owes(i).Any() {
			set = set.With(i)
		}
	}
	return set
}
