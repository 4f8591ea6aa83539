package ai

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// offer is a bundle the seat could propose to one other seat, with what
// it is worth to the seat and what the seat guesses it is worth to them.
type offer struct {
	to     int
	deal   game.Deal
	mine   float64
	theirs float64
	toEnd  bool
	served *cond
}

// proposals builds this turn's proposals: for each other seat, asks for
// what the seat's objectives want of them and offers what their public
// objectives want of it, and keeps the bundles worth proposing, best
// first. Easy and normal make one a turn, hard two.
func (s *Scripted) proposals(v *game.View) []*game.Proposal {
	var offers []offer
	for j := range v.Seats {
		if j == s.k.me || s.busyWith(v, j) || v.Turn-s.mem.rejected[j] < 2 && s.mem.rejected[j] > 0 {
			continue
		}
		if v.Seats[s.k.me].Trust[j] < s.p.Trust.Min || s.mem.move[j] && !s.mem.appease[j] {
			continue
		}
		if o, ok := s.bundle(v, j, 0); ok {
			offers = append(offers, o)
		}
	}
	sortOffers(offers)
	n := 1
	if s.d == Hard {
		n = 2
	}
	// The first pass judged every bundle from the present; the best few
	// are judged again with the forecast before any is proposed.
	if turns := s.horizon(v); turns > 0 {
		var kept []offer
		for _, o := range offers[:min(n+1, len(offers))] {
			a := s.appraise(v, &o.deal)
			o.mine, o.served = a.value, a.served
			if o.mine >= max(s.p.Deals.Accept, 0) || s.mem.appease[o.to] {
				kept = append(kept, o)
			}
		}
		offers = kept
		sortOffers(offers)
	}
	var out []*game.Proposal
	for _, o := range offers[:min(n, len(offers))] {
		out = append(out, s.write(v, &o, 0))
	}
	return out
}

// sortOffers puts the bundles best for both sides first.
func sortOffers(offers []offer) {
	slices.SortStableFunc(offers, func(a, b offer) int {
		x, y := a.mine+a.theirs, b.mine+b.theirs
		switch {
		case x > y:
			return -1
		case x < y:
			return 1
		}
		return 0
	})
}

// busyWith: the seat has an open proposal to j, or a deal with j that
// still binds next turn.
func (s *Scripted) busyWith(v *game.View, j int) bool {
	for i := range v.Deals {
		d := &v.Deals[i]
		if !d.Party(j) || !d.Party(s.k.me) {
			continue
		}
		if d.Status == game.Proposed && d.Proposer == s.k.me || d.Status == game.InForce && d.End > v.Turn {
			return true
		}
	}
	return false
}

// bundle builds the seat's best proposal to seat j, if one is worth
// making for both sides as far as the seat can tell: candidates finds
// the clauses, settle makes a deal of them that j can accept, and the
// seat's own appraisal decides.
//
// turns is how far it looks ahead to value the bundle for itself.
func (s *Scripted) bundle(v *game.View, j, turns int) (offer, bool) {
	asks, gives, toEnd := s.candidates(v, j)
	o, ok := s.settle(v, j, asks, gives, toEnd)
	if !ok {
		return o, false
	}
	a := s.appraiseAt(v, &o.deal, turns)
	o.mine, o.served = a.value, a.served
	if o.mine < max(s.p.Deals.Accept, 0) && !s.mem.appease[j] {
		return o, false
	}
	return o, true
}

// candidates lists what the seat would ask of j and give j in a deal:
// asks for what its objectives want of j and for calm on the lever j
// presses it hardest with, and gives what j's public objectives want of
// it and a matching step back. toEnd says an objective wants the deal in
// force at the end of the game.
func (s *Scripted) candidates(v *game.View, j int) (asks, gives []game.Clause, toEnd bool) {
	me := s.k.me
	ask := func(c game.Clause, end bool) {
		for _, x := range asks {
			if x.Lever == c.Lever && x.Target == c.Target {
				return
			}
		}
		asks = append(asks, c)
		toEnd = toEnd || end
	}
	give := func(c game.Clause, end bool) {
		for _, x := range gives {
			if x.Lever == c.Lever && x.Target == c.Target {
				return
			}
		}
		gives = append(gives, c)
		toEnd = toEnd || end
	}
	now := s.now(v)
	// What its objectives want of j.
	for _, c := range s.conds(v) {
		switch {
		case c.Kind == game.CondLever && c.Seat == j && !c.holds(&now):
			if cl, ok := s.clauseFor(j, &c); ok {
				ask(cl, !c.EveryTurn)
			}
		case c.Kind == game.CondDeal && c.DealWith == j && !c.holds(&now):
			toEnd = true
		}
	}
	// Calm: ask j to step back its strongest lever on the seat, and
	// promise not to escalate the same kind of lever in return.
	if r, ok := s.strongestAgainst(v, j); ok {
		if cl, ok := s.ceiling(j, r.l, r.slot, int(v.Seats[j].Policy[r.l][r.slot])-1); ok {
			ask(cl, false)
			if l := r.l; s.k.lever(l) != nil && hasSlot(s.k.lever(l).slots, j) {
				lv := int(v.Seats[me].Policy[l][j])
				if s.p.Moves.Cooperate == StepMilder || s.p.Moves.Cooperate == StepMildest {
					lv = max(lv-1, 0)
				}
				if cl, ok := s.ceiling(me, l, j, lv); ok {
					give(cl, false)
				}
			}
		}
	}
	// What j's public objectives want of the seat.
	for _, c := range s.k.public[j] {
		if c.Kind == game.CondLever && c.Seat == me && !c.holds(&now) && !s.conflicts(v, &c) {
			if cl, ok := s.clauseFor(me, &c); ok {
				give(cl, !c.EveryTurn)
			}
		}
	}
	return asks[:min(len(asks), 2)], gives[:min(len(gives), 2)], toEnd
}

// settle makes a deal with j of the candidate clauses: with a promise of
// its own when it has nothing to ask but wants a deal in force, without
// gifts when it has no capital for them, and with asks trimmed until j,
// as far as the seat can tell, gains too.
func (s *Scripted) settle(v *game.View, j int, asks, gives []game.Clause, toEnd bool) (offer, bool) {
	me := s.k.me
	o := offer{to: j, toEnd: toEnd}
	if len(asks) == 0 && !o.toEnd {
		return o, false
	}
	if len(asks)+len(gives) == 0 {
		// A deal for its own sake (an objective wants one in force): the
		// cheapest promise there is, not to raise a lever already held.
		if cl, ok := s.holdPromise(v, j); ok {
			gives = append(gives, cl)
		} else {
			return o, false
		}
	}
	if len(gives) > 0 && v.Scenario.Rules.ConcessionCapital > 0 && v.Seats[me].Ind[game.Capital] <= 0 {
		gives = nil
		if len(asks) == 0 {
			return o, false
		}
	}
	o.deal = game.Deal{Proposer: me, Parties: game.SeatSet(0).With(me).With(j), Clauses: append(asks, gives...),
		Duration: 2, Visibility: game.Public, Proposed: v.Turn}
	if o.toEnd {
		o.deal.Duration = v.Scenario.Turns - v.Turn + 1
	}
	o.deal.Duration = max(1, min(o.deal.Duration, v.Scenario.Turns-v.Turn+1))
	for {
		o.theirs = s.theirGain(v, j, &o.deal)
		if o.theirs >= 0 || len(asks) == 0 {
			break
		}
		asks = asks[:len(asks)-1]
		o.deal.Clauses = append(slices.Clone(asks), gives...)
	}
	// A bare request must be in the other seat's interest as far as the
	// seat can tell; one that gives something may merely not hurt it.
	if len(o.deal.Clauses) == 0 || o.theirs < 0 || len(gives) == 0 && o.theirs <= 0 {
		return o, false
	}
	return o, true
}

// now is the present moment as objectives see it.
func (s *Scripted) now(v *game.View) game.Position {
	var ind [game.MaxSeats][game.MaxIndicators]float64
	pols := make([]game.Policy, len(v.Seats))
	for j := range v.Seats {
		ind[j] = v.Seats[j].Ind
		pols[j] = v.Seats[j].Policy
	}
	return game.Position{Ind: &ind, World: &v.World, Policy: pols, Pacts: s.pacts(v)}
}

// clauseFor is the clause by actor that meets a lever objective.
func (s *Scripted) clauseFor(actor int, c *cond) (game.Clause, bool) {
	b := game.AtMost
	if c.AtLeast {
		b = game.AtLeast
	}
	return s.makeClause(b, actor, c.Lever, c.Slot, c.Level)
}

// ceiling is the clause keeping actor's lever l towards slot at most level.
func (s *Scripted) ceiling(actor, l, slot, level int) (game.Clause, bool) {
	if level < 0 {
		return game.Clause{}, false
	}
	return s.makeClause(game.AtMost, actor, l, slot, level)
}

func (s *Scripted) makeClause(b game.Bound, actor, l, slot, level int) (game.Clause, bool) {
	ps := s.k.ps
	if !ps.MayBind(l, b) || !ps.MaySet(actor, l) {
		return game.Clause{}, false
	}
	c := game.Clause{Bound: b, Actor: actor, Target: actor, Lever: l, Level: level}
	if ps.Levers[l].Scope == game.ScopeEach {
		if !ps.MayTarget(actor, l, slot) {
			return game.Clause{}, false
		}
		c.Target, c.Slot = slot, slot
	}
	return c, true
}

// strongestAgainst is j's coercive or trade lever bearing hardest on the
// seat, if any is above its mildest level.
func (s *Scripted) strongestAgainst(v *game.View, j int) (slotRef, bool) {
	best, bestX := slotRef{}, 0.0
	for _, r := range s.k.against[j] {
		lv := v.Seats[j].Policy[r.l][r.slot]
		if lv == 0 || r.levels < 2 {
			continue
		}
		if x := float64(lv) / float64(r.levels-1); x > bestX {
			best, bestX = r, x
		}
	}
	return best, bestX > 0
}

// conflicts: meeting another seat's objective would undo one of the
// seat's own on the same lever.
func (s *Scripted) conflicts(v *game.View, c *cond) bool {
	for _, m := range s.conds(v) {
		if m.Kind == game.CondLever && m.Seat == c.Seat && m.Lever == c.Lever && m.Slot == c.Slot && m.AtLeast != c.AtLeast {
			return true
		}
	}
	return false
}

// holdPromise is a promise not to raise a coercive or trade lever on j
// above where it stands: the cheapest clause the seat can give.
func (s *Scripted) holdPromise(v *game.View, j int) (game.Clause, bool) {
	for i := range s.k.levers {
		li := &s.k.levers[i]
		if li.hostile && li.scope == game.ScopeEach && hasSlot(li.slots, j) {
			if cl, ok := s.ceiling(s.k.me, li.l, j, int(v.Seats[s.k.me].Policy[li.l][j])); ok {
				return cl, true
			}
		}
	}
	return game.Clause{}, false
}

// theirGain guesses what a deal is worth to j from what the seat may
// know: j's public objectives it meets, less what j gives up.
func (s *Scripted) theirGain(v *game.View, j int, d *game.Deal) float64 {
	pols := make([]game.Policy, len(v.Seats))
	for i := range v.Seats {
		pols[i] = v.Seats[i].Policy
	}
	before := s.now(v)
	after := before
	after.Policy = slices.Clone(pols)
	for i := range d.Clauses {
		d.Clauses[i].Keep(&after.Policy[d.Clauses[i].Actor])
	}
	g := 0.0
	for _, c := range s.k.public[j] {
		b, a := c.holds(&before), c.holds(&after)
		switch {
		case a && !b:
			g += c.points
		case b && !a:
			g -= c.points
		}
	}
	for i := range d.Clauses {
		c := &d.Clauses[i]
		if c.Actor != j {
			continue
		}
		cur := int(pols[j][c.Lever][c.Slot])
		if c.Bound == game.AtMost {
			g -= 0.5 * float64(max(cur-c.Level, 0))
		} else {
			g -= 0.5 * float64(max(c.Level-cur, 0))
		}
	}
	return g + 0.5 // a deal in force earns trust, and trust is worth something
}

// counter answers a poor proposal with the seat's own bundle to the
// proposer, when that bundle is worth accepting to the seat and is not
// the same deal.
func (s *Scripted) counter(v *game.View, d *game.Deal) (*game.Proposal, bool) {
	// A counter answers a first offer; countering a counter would only go
	// round in circles, so that is answered yes or no.
	if d.CounterOf != 0 || d.Parties.Len() != 2 {
		return nil, false
	}
	o, ok := s.bundle(v, d.Proposer, s.horizon(v))
	if !ok || o.mine < s.p.Deals.Accept {
		return nil, false
	}
	if slices.Equal(o.deal.Clauses, d.Clauses) {
		return nil, false
	}
	return s.write(v, &o, d.ID), true
}

// write turns an offer into a proposal with a title and a one-line note.
func (s *Scripted) write(v *game.View, o *offer, counterOf int) *game.Proposal {
	ps := s.k.ps
	p := &game.Proposal{
		Title:      fmt.Sprintf("%s and %s", seatLabel(v, s.k.me), seatLabel(v, o.to)),
		Parties:    []string{v.Seats[o.to].ID},
		Duration:   o.deal.Duration,
		Visibility: o.deal.Visibility,
	}
	for _, c := range o.deal.Clauses {
		p.Clauses = append(p.Clauses, game.SpecOf(ps, c))
	}
	verb := "We propose"
	if counterOf != 0 {
		verb = "We counter"
	}
	give, get := s.clausesText(v, &o.deal, true), s.clausesText(v, &o.deal, false)
	switch {
	case o.served != nil:
		p.Note = fmt.Sprintf("%s %s for %s: we aim to %s.", verb, give, get, o.served.short())
	case get == "nothing":
		p.Note = fmt.Sprintf("%s %s, asking nothing in return.", verb, give)
	case give == "nothing":
		p.Note = fmt.Sprintf("%s that you keep %s.", strings.Replace(verb, "We propose", "We ask", 1), get)
	default:
		p.Note = fmt.Sprintf("%s %s for %s.", verb, give, get)
	}
	if len([]rune(p.Note)) > 200 {
		p.Note = string([]rune(p.Note)[:197]) + "..."
	}
	return p
}
