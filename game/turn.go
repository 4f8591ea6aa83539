package game

// This file moves a game through its phases: who must be ready, what
// happens on entering a phase, and the end of the game.

func (a *applier) start() error {
	if a.st.Phase != Setup {
		return a.fail(ErrWrongPhase, "the game has already started")
	}
	a.emitPublic(EvStarted, -1)
	a.enterTurn(1)
	return nil
}

// ready marks the acting seat ready to leave the present phase; in Orders
// it submits the seat's orders unchanged.
func (a *applier) ready() error {
	switch a.st.Phase {
	case Orders:
		if a.cmd.Cancel {
			return a.fail(ErrWrongPhase, "submitted orders stand; submit new ones to change them")
		}
		return a.submitOrders(nil)
	case Events, Negotiation, Report:
	default:
		return a.fail(ErrWrongPhase, "")
	}
	if a.st.Seats[a.seat].Ready == !a.cmd.Cancel {
		return nil
	}
	a.seats()[a.seat].Ready = !a.cmd.Cancel
	ev := Event{Kind: EvReady, Seat: a.seat, Public: true, Value: 1}
	if a.cmd.Cancel {
		ev.Value = 0
	}
	a.emit(ev)
	if a.allReady() {
		a.closePhase(false)
	}
	return nil
}

func (a *applier) allReady() bool {
	for i := range a.st.Seats {
		if !a.st.Seats[i].Ready {
			return false
		}
	}
	return true
}

// clearReady makes every seat not ready, copying the seats only if one is.
func (a *applier) clearReady() {
	for i := range a.st.Seats {
		if a.st.Seats[i].Ready {
			seats := a.seats()
			for j := range seats {
				seats[j].Ready = false
			}
			return
		}
	}
}

// closePhase ends the present phase as if every seat were ready. With
// force (the facilitator's advance), negotiation closes at once instead of
// going another round.
func (a *applier) closePhase(force bool) {
	switch a.st.Phase {
	case Events:
		a.clearReady()
		a.st.Round, a.st.Activity = 1, false
		a.moveTo(Negotiation)
		a.st.Clock = a.st.sc.Negotiation.ClockSeconds
	case Negotiation:
		// Another round starts when something was proposed or answered in
		// this one, while rounds remain. A seat that said it was ready
		// stays ready in it, unless a proposal awaits its answer: a seat
		// says it is done once a turn, not once a round. If that leaves
		// no seat owing anything, negotiation is over.
		if !force && a.st.Activity && a.st.Round < a.st.sc.Rounds() && a.someoneAwaited() {
			a.st.Round++
			a.st.Activity = false
			for i := range a.st.Seats {
				if a.st.Seats[i].Ready && a.awaited(i) {
					a.seats()[i].Ready = false
				}
			}
			a.emit(Event{Kind: EvPhase, Seat: -1, Public: true, Value: float64(a.st.Round)})
			return
		}
		a.clearReady()
		a.lapseProposals()
		seats := a.seats()
		for i := range seats {
			seats[i].Orders = seats[i].Policy
			seats[i].Submitted = false
		}
		a.moveTo(Orders)
	case Orders:
		a.resolve()
	case Report:
		a.clearReady()
		if a.st.Turn >= a.st.sc.Turns {
			a.gameOver("the last turn is over")
		} else if a.settled() {
			a.gameOver("a settlement between the principal seats is in force")
		} else {
			a.enterTurn(a.st.Turn + 1)
		}
	}
}

// awaited reports whether a proposal awaits seat's answer.
func (a *applier) awaited(seat int) bool {
	for i := range a.st.Deals {
		if a.st.Deals[i].Awaits(seat) {
			return true
		}
	}
	return false
}

// someoneAwaited reports whether any proposal awaits anyone's answer.
func (a *applier) someoneAwaited() bool {
	for i := range a.st.Seats {
		if a.awaited(i) {
			return true
		}
	}
	return false
}

// lapseProposals closes the proposals nobody finished answering.
func (a *applier) lapseProposals() {
	for k := range a.st.Deals {
		if a.st.Deals[k].Status != Proposed {
			continue
		}
		d := &a.deals()[k]
		d.Status = Lapsed
		a.emit(Event{Kind: EvClosed, Seat: -1, Deal: d.ID, Status: Lapsed, Audience: d.Parties})
	}
}

// settled reports whether the scenario's end condition holds: a deal in
// force that settles the game.
func (a *applier) settled() bool {
	for i := range a.st.Deals {
		if d := &a.st.Deals[i]; d.Status == InForce && a.st.sc.ix.public.Settles(d) {
			return true
		}
	}
	return false
}

// enterTurn begins turn t: news and messages start afresh, deals whose
// last turn is over expire, and the turn's events fire.
func (a *applier) enterTurn(t int) {
	a.st.Turn = t
	a.resetNews(8)
	a.st.Messages, a.msgsOwned = nil, false
	a.st.Changes = nil
	// Only open deals carry over; the closed ones stay in the log.
	var keep []Deal
	for _, d := range a.st.Deals {
		if d.Status == InForce && d.End < t {
			d.Status = Expired
			a.emit(Event{Kind: EvClosed, Seat: -1, Deal: d.ID, Status: Expired, Audience: d.Parties, Public: d.Visibility == Public})
		}
		if d.Status.Open() {
			keep = append(keep, d)
		}
	}
	a.st.Deals, a.dealsOwned = keep, true
	seats := a.seats()
	for i := range seats {
		seats[i].Ready = false
		seats[i].Submitted = false
		seats[i].Orders = seats[i].Policy
	}
	a.moveTo(Events)
	ix := a.st.sc.ix
	for k, e := range a.st.sc.Timeline {
		if e.Turn == t {
			a.fire(EvScheduled, &a.st.sc.Timeline[k], &ix.timeline[k])
		}
	}
	if t > 1 && len(ix.deck) > 0 && a.st.RNG.Float64() < a.st.sc.Deck.Chance {
		k := a.draw()
		a.fire(EvDrawn, &a.st.sc.Deck.Events[k], &ix.deck[k])
	}
}

// draw picks a deck event by weight.
func (a *applier) draw() int {
	var total float64
	for _, e := range a.st.sc.Deck.Events {
		total += e.Weight
	}
	x := a.st.RNG.Float64() * total
	for k, e := range a.st.sc.Deck.Events {
		if x < e.Weight {
			return k
		}
		x -= e.Weight
	}
	return len(a.st.sc.Deck.Events) - 1
}

// fire announces an event card and applies its effects.
func (a *applier) fire(kind EventKind, def *EventDef, e *eventIndex) {
	a.emit(Event{Kind: kind, Seat: -1, Ref: def.ID, Title: def.Title, Text: def.Text, Audience: e.audience, Public: e.audience == 0})
	for _, f := range e.effects {
		a.effect(&f)
	}
}

// effect applies one event effect to the state, keeping every indicator
// within its bounds.
func (a *applier) effect(f *effectIndex) {
	st := &a.st
	ix := st.sc.ix
	if f.kind == effWorld {
		x := st.World[f.world] + f.add
		if f.hasSet {
			x = f.set
		}
		st.World[f.world] = ix.world[f.world].Clamp(x)
		return
	}
	seats := a.seats()
	for i := range seats {
		if !f.allSeats && i != f.seat {
			continue
		}
		s := &seats[i]
		switch f.kind {
		case effIndicator:
			x := s.Ind[f.indicator] + f.add
			if f.hasSet {
				x = f.set
			}
			s.Ind[f.indicator] = ix.indicators[f.indicator].Clamp(x)
		case effStock:
			// A model that declares stocks implements StockModel.
			if m, ok := ix.model.(StockModel); ok && f.stock >= 0 && st.Model != nil {
				if !a.modelOwned {
					st.Model = st.Model.Clone()
					a.modelOwned = true
				}
				m.Shock(st, i, f.stock, f.add, f.set, f.hasSet)
			}
		case effTrust:
			if f.trustWith != i {
				s.Trust[f.trustWith] = clampTrust(s.Trust[f.trustWith] + f.add)
			}
		case effLever:
			li := &ix.public.Levers[f.lever]
			if !li.Setters.Has(i) {
				continue
			}
			if li.Scope != ScopeEach {
				s.Policy[f.lever][0], s.Orders[f.lever][0] = uint8(f.level), uint8(f.level)
				continue
			}
			for to := range seats {
				if (f.towards < 0 || f.towards == to) && ix.mayTarget(f.lever, i, to) {
					s.Policy[f.lever][to], s.Orders[f.lever][to] = uint8(f.level), uint8(f.level)
				}
			}
		}
	}
}

// gameOver scores the end objectives and closes the game.
func (a *applier) gameOver(why string) {
	a.scoreObjectives(false)
	a.st.Ended = why
	a.moveTo(GameOver)
	a.emit(Event{Kind: EvGameOver, Seat: -1, Text: why, Public: true})
}
