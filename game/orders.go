package game

import "slices"

func (a *applier) submit() error {
	if a.st.Phase != Orders {
		return a.fail(ErrWrongPhase, "orders are submitted in the orders phase, not %s", a.st.Phase)
	}
	return a.submitOrders(a.cmd.Orders)
}

// submitOrders checks every order before changing anything, so a bad
// order leaves the seat's orders as they were.
func (a *applier) submitOrders(orders []Order) error {
	sc := a.st.sc
	p := a.st.Seats[a.seat].Orders
	for _, o := range orders {
		l, ok := sc.ix.lever[o.Lever]
		if !ok {
			return a.fail(ErrUnknownLever, "%q", o.Lever)
		}
		li := &sc.ix.public.Levers[l]
		if !li.Setters.Has(a.seat) {
			return a.fail(ErrLeverNotYours, "%q", o.Lever)
		}
		j, ok := li.levels[o.Level]
		if !ok {
			return a.fail(ErrUnknownLevel, "%q has no level %q", o.Lever, o.Level)
		}
		slot := 0
		if li.Scope == ScopeEach {
			to, ok := sc.ix.seat[o.Towards]
			if !ok {
				return a.fail(ErrUnknownSeat, "%q", o.Towards)
			}
			if !sc.ix.mayTarget(l, a.seat, to) {
				return a.fail(ErrBadTarget, "%q towards %q", o.Lever, o.Towards)
			}
			slot = to
		} else if o.Towards != "" {
			return a.fail(ErrBadTarget, "%q has no target", o.Lever)
		}
		p[l][slot] = uint8(j)
	}
	s := &a.seats()[a.seat]
	s.Orders = p
	s.Submitted = true
	last := true
	for i := range a.st.Seats {
		last = last && a.st.Seats[i].Submitted
	}
	if last {
		// The resolution this submission triggers starts the news afresh:
		// starting it before the event spares a copy of the turn's news
		// that would be dropped at once.
		a.resetResolutionNews()
	}
	// Who has submitted is public; what they submitted is not.
	a.emit(Event{Kind: EvSubmitted, Seat: a.seat, Public: true})
	if last {
		a.resolveFresh()
	}
	return nil
}

// resetResolutionNews starts the report's news afresh: what the
// resolution found. The turn's earlier events were in the views of their
// time and stay in the command log. A resolution reports the submission
// that triggered it, two phase changes, its end, a scoring per seat, and
// now and then a breach or a failure; room for those is made once.
func (a *applier) resetResolutionNews() {
	a.resetNews(6 + len(a.st.Seats))
}

// resolve runs the Resolution phase: orders take force, deals are checked
// against them, the model runs, objectives score, and the Report opens.
func (a *applier) resolve() {
	a.resetResolutionNews()
	a.resolveFresh()
}

// resolveFresh is resolve once the news has been started afresh.
func (a *applier) resolveFresh() {
	a.moveTo(Resolution)
	st := &a.st
	seats := a.seats()
	for i := range seats {
		seats[i].Policy = seats[i].Orders
		seats[i].Submitted = false
		seats[i].Ready = false
	}
	a.checkDeals()
	a.coercion()
	st.Changes = nil
	if st.Model != nil {
		st.Model = st.Model.Clone()
	}
	st.sc.ix.model.Resolve(st, a.emit)
	a.commitments()
	a.scoreObjectives(true)
	a.emit(Event{Kind: EvResolved, Seat: -1, Public: true})
	a.moveTo(Report)
}

// checkDeals compares every binding clause with the orders now in force.
// A breach is told to whoever may know of the deal, costs the breacher
// their trust, and frees the other parties; a kept deal earns trust.
func (a *applier) checkDeals() {
	st := &a.st
	sc := st.sc
	seats := st.Seats
	for k := range st.Deals {
		if !st.Deals[k].Binds(st.Turn) {
			continue
		}
		d := &a.deals()[k]
		var breachers SeatSet
		for k := range d.Clauses {
			if c := &d.Clauses[k]; !c.Kept(&seats[c.Actor].Policy) {
				breachers = breachers.With(c.Actor)
			}
		}
		audience := d.Parties
		if d.Visibility == Public {
			audience = AllSeats(len(seats))
		}
		if breachers != 0 {
			d.Status = Broken
			d.Breachers = breachers
			for _, b := range breachers.Seats() {
				for j := range seats {
					if j == b || !audience.Has(j) {
						continue
					}
					seats[j].Trust[b] = clampTrust(seats[j].Trust[b] - sc.Rules.BreachTrust)
					seats[b].Known[j]++
				}
				a.emit(Event{Kind: EvBreach, Seat: b, Deal: d.ID, Audience: audience, Public: d.Visibility == Public})
			}
			continue
		}
		for _, i := range d.Parties.Seats() {
			for _, j := range d.Parties.Seats() {
				if i != j {
					seats[i].Trust[j] = clampTrust(seats[i].Trust[j] + sc.Rules.KeepTrust)
				}
			}
		}
	}
}

// coercion costs a seat trust with each seat it coerces: a coercive level
// towards a seat hits that seat's trust; a coercive world-wide level hits
// everyone's, at half strength.
func (a *applier) coercion() {
	st := &a.st
	sc := st.sc
	cost := sc.Rules.CoercionTrust
	if cost == 0 {
		return
	}
	seats := st.Seats
	for l := range sc.ix.public.Levers {
		li := &sc.ix.public.Levers[l]
		if li.Coercive < 0 {
			continue
		}
		for i := range seats {
			if !li.Setters.Has(i) {
				continue
			}
			if li.Scope != ScopeEach {
				if int(seats[i].Policy[l][0]) >= li.Coercive {
					for j := range seats {
						if j != i {
							seats[j].Trust[i] = clampTrust(seats[j].Trust[i] - cost/2)
						}
					}
				}
				continue
			}
			for j := range seats {
				if sc.ix.mayTarget(l, i, j) && int(seats[i].Policy[l][j]) >= li.Coercive {
					seats[j].Trust[i] = clampTrust(seats[j].Trust[i] - cost)
				}
			}
		}
	}
}

// commitments makes the capital spent on deals since the last resolution
// a cause of this resolution's change of capital, measured from the last
// resolution, so that a report's "from last turn" and its causes agree.
func (a *applier) commitments() {
	st := &a.st
	for i := range st.Seats {
		spent := st.Seats[i].Committed
		if spent == 0 {
			continue
		}
		a.seats()[i].Committed = 0
		c := Cause{Kind: CauseCommitments, Other: -1, Lever: -1, Level: -1, Value: spent, Delta: -spent}
		k := slices.IndexFunc(st.Changes, func(ch Change) bool { return ch.Seat == i && ch.Indicator == Capital })
		if k < 0 {
			to := st.Seats[i].Ind[Capital]
			st.Changes = append(st.Changes, Change{Seat: i, Indicator: Capital, From: to + spent, To: to, Causes: [MaxCauses]Cause{c}})
			continue
		}
		ch := &st.Changes[k]
		ch.From += spent
		ch.addCause(c)
	}
}
