package game

import (
	"strings"
	"unicode/utf8"

	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// Limits on what a proposal or a message may hold.
const (
	maxClauses     = 16
	maxTitle       = 80
	maxNote        = 200
	maxMessage     = 500
	maxOpenPerSeat = 20 // open proposals a seat may have at once
)

func (a *applier) propose() error {
	if a.st.Phase != Negotiation {
		return a.fail(ErrWrongPhase, "proposals are made during negotiation, not %s", a.st.Phase)
	}
	d, err := a.buildDeal(a.cmd.Proposal, 0)
	if err != nil {
		return err
	}
	a.record(d)
	return nil
}

// record files a new proposal; the proposer has accepted it by making it.
func (a *applier) record(d Deal) {
	a.addDeal(d)
	a.st.NextDeal++
	a.st.Activity = true
	a.emit(Event{Kind: EvProposed, Seat: d.Proposer, Deal: d.ID, Audience: d.Parties})
}

// buildDeal checks a proposal and turns it into a deal proposed by the
// acting seat.
func (a *applier) buildDeal(p *Proposal, counterOf int) (Deal, error) {
	sc := a.st.sc
	if p == nil {
		return Deal{}, a.fail(ErrBadDeal, "no proposal given")
	}
	open := 0
	for i := range a.st.Deals {
		if a.st.Deals[i].Status == Proposed && a.st.Deals[i].Proposer == a.seat {
			open++
		}
	}
	if open >= maxOpenPerSeat {
		return Deal{}, a.fail(ErrBadDeal, "you already have %d open proposals", open)
	}
	title := strings.TrimSpace(p.Title)
	if title == "" || utf8.RuneCountInString(title) > maxTitle || !utf8.ValidString(title) {
		return Deal{}, a.fail(ErrBadDeal, "a deal needs a title of 1 to %d characters", maxTitle)
	}
	if utf8.RuneCountInString(p.Note) > maxNote || !utf8.ValidString(p.Note) {
		return Deal{}, a.fail(ErrBadDeal, "the note may have at most %d characters", maxNote)
	}
	// Text a player sends is shown on other players' screens: it may not
	// carry terminal control sequences.
	if bad := safetext.Check(title, false); bad != nil {
		return Deal{}, a.fail(ErrBadDeal, "the title %v", bad)
	}
	if bad := safetext.Check(p.Note, true); bad != nil {
		return Deal{}, a.fail(ErrBadDeal, "the note %v", bad)
	}
	if p.Duration < 1 || p.Duration > sc.Turns {
		return Deal{}, a.fail(ErrBadDeal, "the duration must be between 1 and %d turns", sc.Turns)
	}
	if p.Visibility > Secret {
		return Deal{}, a.fail(ErrBadDeal, "unknown visibility")
	}
	d := Deal{
		ID: a.st.NextDeal, Title: title, Proposer: a.seat, Duration: p.Duration,
		Visibility: p.Visibility, Note: p.Note, CounterOf: counterOf,
		Status: Proposed, Proposed: a.st.Turn,
	}
	d.Parties = d.Parties.With(a.seat)
	for _, id := range p.Parties {
		j, ok := sc.ix.seat[id]
		if !ok {
			return Deal{}, a.fail(ErrUnknownSeat, "party %q", id)
		}
		if d.Parties.Has(j) {
			return Deal{}, a.fail(ErrBadDeal, "%q is named twice", id)
		}
		d.Parties = d.Parties.With(j)
	}
	if d.Parties.Len() < 2 {
		return Deal{}, a.fail(ErrBadDeal, "a deal needs at least one other party")
	}
	if len(p.Clauses) < 1 || len(p.Clauses) > maxClauses {
		return Deal{}, a.fail(ErrBadDeal, "a deal needs between 1 and %d clauses", maxClauses)
	}
	d.Clauses = make([]Clause, len(p.Clauses))
	for k, cs := range p.Clauses {
		cl, err := a.clause(cs, d.Parties)
		if err != nil {
			return Deal{}, err
		}
		d.Clauses[k] = cl
	}
	d.Answers[a.seat] = Accept
	if a.noCapital(&d) {
		return Deal{}, a.fail(ErrNoCapital, "")
	}
	return d, nil
}

// clause resolves one clause of a proposal between the given parties.
func (a *applier) clause(cs ClauseSpec, parties SeatSet) (Clause, error) {
	sc := a.st.sc
	ps := sc.ix.public
	l, ok := sc.ix.lever[cs.Lever]
	if !ok {
		return Clause{}, a.fail(ErrUnknownLever, "%q", cs.Lever)
	}
	li := &ps.Levers[l]
	if cs.Bound >= numBounds || !ps.MayBind(l, cs.Bound) {
		return Clause{}, a.fail(ErrBadDeal, "a deal cannot bind %q %s a level", cs.Lever, strings.ReplaceAll(cs.Bound.String(), "-", " "))
	}
	actor, ok := sc.ix.seat[cs.Actor]
	if !ok {
		return Clause{}, a.fail(ErrUnknownSeat, "clause actor %q", cs.Actor)
	}
	if !parties.Has(actor) {
		return Clause{}, a.fail(ErrBadDeal, "%q commits to a clause but is not a party", cs.Actor)
	}
	if !li.Setters.Has(actor) {
		return Clause{}, a.fail(ErrLeverNotYours, "%q cannot set %q", cs.Actor, cs.Lever)
	}
	cl := Clause{Actor: actor, Target: actor, Lever: l, Bound: cs.Bound}
	if li.Scope == ScopeEach {
		to, ok := sc.ix.seat[cs.Target]
		if !ok {
			return Clause{}, a.fail(ErrUnknownSeat, "clause target %q", cs.Target)
		}
		if !sc.ix.mayTarget(l, actor, to) {
			return Clause{}, a.fail(ErrBadTarget, "%q cannot set %q towards %q", cs.Actor, cs.Lever, cs.Target)
		}
		cl.Target, cl.Slot = to, to
	} else if cs.Target != "" && cs.Target != cs.Actor {
		return Clause{}, a.fail(ErrBadTarget, "%q has no target", cs.Lever)
	}
	j, ok := li.levels[cs.Level]
	if !ok {
		return Clause{}, a.fail(ErrUnknownLevel, "%q has no level %q", cs.Lever, cs.Level)
	}
	cl.Level = j
	return cl, nil
}

// noCapital reports whether the acting seat would take on a clause of d
// with no political capital left, when the scenario charges capital for
// concessions at all.
func (a *applier) noCapital(d *Deal) bool {
	return a.st.sc.Rules.ConcessionCapital > 0 && d.Commits(a.seat) && a.st.Seats[a.seat].Ind[Capital] <= 0
}

func (a *applier) respond() error {
	if a.st.Phase != Negotiation {
		return a.fail(ErrWrongPhase, "proposals are answered during negotiation, not %s", a.st.Phase)
	}
	k, err := a.dealIndex(a.cmd.Deal)
	if err != nil {
		return err
	}
	d := &a.st.Deals[k]
	if !d.Party(a.seat) {
		return a.fail(ErrNotParty, "deal %d", d.ID)
	}
	if d.Status != Proposed {
		return a.fail(ErrDealClosed, "deal %d is %s", d.ID, d.Status)
	}
	if d.Answers[a.seat] != NoAnswer {
		return a.fail(ErrAnswered, "deal %d", d.ID)
	}
	switch a.cmd.Answer {
	case Accept:
		if a.noCapital(d) {
			return a.fail(ErrNoCapital, "")
		}
		d = &a.deals()[k]
		d.Answers[a.seat] = Accept
		a.st.Activity = true
		a.emit(Event{Kind: EvAnswered, Seat: a.seat, Deal: d.ID, Answer: Accept, Audience: d.Parties})
		if a.allAccepted(d) {
			a.inForce(k)
		}
	case Reject:
		d = &a.deals()[k]
		d.Answers[a.seat] = Reject
		d.Status = Rejected
		a.st.Activity = true
		a.emit(Event{Kind: EvAnswered, Seat: a.seat, Deal: d.ID, Answer: Reject, Audience: d.Parties})
	case Counter:
		nd, err := a.buildDeal(a.cmd.Proposal, d.ID)
		if err != nil {
			return err
		}
		d = &a.deals()[k]
		d.Answers[a.seat] = Counter
		d.Status = Countered
		a.emit(Event{Kind: EvAnswered, Seat: a.seat, Deal: d.ID, Answer: Counter, Audience: d.Parties})
		a.record(nd)
	default:
		return a.fail(ErrBadValue, "answer with accept, reject or counter")
	}
	return nil
}

func (a *applier) allAccepted(d *Deal) bool {
	for _, p := range d.Parties.Seats() {
		if d.Answers[p] != Accept {
			return false
		}
	}
	return true
}

// inForce makes deal k binding from this turn's orders on and charges each
// committing party its concession.
func (a *applier) inForce(k int) {
	d := &a.deals()[k]
	d.Status = InForce
	d.Start = a.st.Turn
	d.End = a.st.Turn + d.Duration - 1
	seats := a.seats()
	cost := a.st.sc.Rules.ConcessionCapital
	for _, c := range d.Clauses {
		s := &seats[c.Actor]
		spent := min(s.Ind[Capital], cost)
		s.Ind[Capital] -= spent
		s.Committed += spent
	}
	ev := Event{Kind: EvInForce, Seat: d.Proposer, Deal: d.ID, Audience: d.Parties, Public: d.Visibility == Public}
	a.emit(ev)
}

func (a *applier) withdraw() error {
	if a.st.Phase != Negotiation {
		return a.fail(ErrWrongPhase, "proposals are withdrawn during negotiation, not %s", a.st.Phase)
	}
	k, err := a.dealIndex(a.cmd.Deal)
	if err != nil {
		return err
	}
	d := &a.st.Deals[k]
	if d.Proposer != a.seat {
		return a.fail(ErrNotYourSeat, "only the proposer may withdraw deal %d", d.ID)
	}
	if d.Status != Proposed {
		return a.fail(ErrDealClosed, "deal %d is %s", d.ID, d.Status)
	}
	d = &a.deals()[k]
	d.Status = Withdrawn
	a.st.Activity = true
	a.emit(Event{Kind: EvWithdrawn, Seat: a.seat, Deal: d.ID, Audience: d.Parties})
	return nil
}

func (a *applier) message() error {
	text := strings.TrimSpace(a.cmd.Text)
	if text == "" || utf8.RuneCountInString(text) > maxMessage || !utf8.ValidString(text) {
		return a.fail(ErrBadMessage, "")
	}
	if bad := safetext.Check(text, true); bad != nil {
		return a.fail(ErrBadMessage, "the message %v", bad)
	}
	var to SeatSet
	for _, id := range a.cmd.To {
		j, ok := a.st.sc.ix.seat[id]
		if !ok {
			return a.fail(ErrUnknownSeat, "recipient %q", id)
		}
		if j == a.seat {
			return a.fail(ErrBadMessage, "you cannot write to yourself")
		}
		to = to.With(j)
	}
	if !a.msgsOwned {
		a.st.Messages = append(a.st.Messages[:len(a.st.Messages):len(a.st.Messages)], Message{From: a.seat, To: to, Turn: a.st.Turn, Text: text})
		a.msgsOwned = true
	}
	ev := Event{Kind: EvMessage, Seat: a.seat, Text: text, Public: to == 0, Audience: to.With(a.seat)}
	a.emit(ev)
	return nil
}
