package ai

import (
	"fmt"
	"slices"

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
	demand bool // a truce offered to a seat it presses: j steps back first
}

// proposals builds this turn's proposals: for each other seat, asks for
// what the seat's objectives want of them and offers what their public
// objectives want of it, and keeps the bundles worth proposing, best
// first. Easy and normal make one a turn, hard two; besides those, a seat
// that is coerced, or presses another, states one demand a turn to the
// seat it most wants to stop (see demand).
func (s *Scripted) proposals(v *game.View, promised []*game.Deal, skip game.SeatSet) []*game.Proposal {
	var offers, demands []offer
	for j := range v.Seats {
		if j == s.k.me || skip.Has(j) || s.busyWith(v, j) || v.Turn-s.mem.rejected[j] < 2 && s.mem.rejected[j] > 0 {
			continue
		}
		pressed := s.mem.move[j] && !s.mem.appease[j]
		if pressed || s.coerced(v, j) {
			// A seat under pressure, or pressing, says what would make
			// it stop: a demand, whatever it thinks of j's word, since
			// a demand asks j to move first.
			if o, ok := s.demand(v, j, pressed); ok && s.clash(v, &o.deal, promised) == nil {
				demands = append(demands, o)
			}
			if pressed {
				continue
			}
		}
		if v.Seats[s.k.me].Trust[j] < s.p.Trust.Min {
			continue
		}
		if o, ok := s.bundle(v, j, 0); ok && s.clash(v, &o.deal, promised) == nil {
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
	if turns := s.dealHorizon(v); turns > 0 {
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
	if s.d == Hard {
		offers = s.hardOffers(v, promised, skip, offers) // searched: see dealsearch.go
	}
	offers = offers[:min(n, len(offers))]
	// One demand a turn, to the seat that presses hardest, and not to a
	// seat already offered a bundle (which asks for calm too).
	sortByGain(demands)
	for _, o := range demands {
		if !slices.ContainsFunc(offers, func(x offer) bool { return x.to == o.to }) {
			offers = append(offers, o)
			break
		}
	}
	var out []*game.Proposal
	for _, o := range offers {
		out = append(out, s.write(v, &o, 0))
	}
	return out
}

// coerced reports whether seat j escalated against the seat: it raised
// a lever aimed at it at its last move, or holds one at a coercive level
// above where the game began. Positions the game opened with are the
// scenario's history, left to the seats' bargains; a new squeeze calls
// for an answer, for as long as it lasts.
func (s *Scripted) coerced(v *game.View, j int) bool {
	if _, ok := s.pressing(v, j); !ok {
		return false
	}
	if s.mem.rose[j] {
		return true
	}
	for n, r := range s.k.against[j] {
		lv := int(v.Seats[j].Policy[r.l][r.slot])
		if r.coercive >= 0 && lv >= r.coercive && s.k.ps.Levers[r.l].Scope == game.ScopeEach &&
			n < len(s.mem.start[j]) && lv > int(s.mem.start[j][n]) {
			return true
		}
	}
	return false
}

// demand builds what the seat asks of a seat that coerces it or that it
// presses: j lifts the lever it presses the seat hardest with below
// coercion (or a level, if it is not coercive), and the seat lowers its
// own levers aimed at j by a level each, as many as it can afford and
// still gain, down to none (a bare demand). A seat that is only coerced,
// not pressing back, makes the bare demand: it keeps its own levers to
// trade when j answers or counters, rather than hand them out unasked. A
// demand is a truce, never a settlement: it is trimmed below the clauses
// that would end the game.
func (s *Scripted) demand(v *game.View, j int, pressing bool) (offer, bool) {
	me := s.k.me
	r, ok := s.pressing(v, j)
	if !ok {
		return offer{}, false
	}
	lv := int(v.Seats[j].Policy[r.l][r.slot])
	to := lv - 1
	if r.coercive > 0 && lv >= r.coercive {
		to = r.coercive - 1
	}
	ask, ok := s.makeClause(game.AtMost, j, r.l, r.slot, to)
	if !ok {
		return offer{}, false
	}
	var gives []game.Clause
	for i := range s.k.levers {
		li := &s.k.levers[i]
		if !li.hostile || li.scope != game.ScopeEach || !hasSlot(li.slots, j) {
			continue
		}
		if lv := int(v.Seats[me].Policy[li.l][j]); lv > 0 {
			if c, ok := s.makeClause(game.AtMost, me, li.l, j, lv-1); ok {
				gives = append(gives, c)
			}
		}
	}
	if !pressing || v.Scenario.Rules.ConcessionCapital > 0 && v.Seats[me].Ind[game.Capital] <= 0 {
		gives = nil
	}
	if m := s.k.ps.Settlement.MinClauses; s.k.ps.Settlement.Parties != 0 && len(gives)+1 >= m {
		gives = gives[:max(m-2, 0)]
	}
	o := offer{to: j, demand: true}
	for k := len(gives); k >= 0; k-- {
		o.deal = game.Deal{Proposer: me, Parties: game.SeatSet(0).With(me).With(j), Clauses: append([]game.Clause{ask}, gives[:k]...),
			Duration: max(1, min(2, v.Scenario.Turns-v.Turn+1)), Visibility: game.Public, Proposed: v.Turn}
		a := s.appraiseAt(v, &o.deal, 0)
		if a.settles {
			continue
		}
		o.mine = a.value
		o.theirs = s.theirGain(v, j, &o.deal)
		if o.mine >= 0 {
			return o, true
		}
	}
	return o, false
}

// pressing is the lever a demand asks j to lift: of j's levers aimed at
// the seat, a coercive one before any other, then the one nearest its
// strongest level. A rule j applies to the whole world (scope all) is
// not aimed at the seat, and is left to the seats' bargains.
func (s *Scripted) pressing(v *game.View, j int) (slotRef, bool) {
	best, bestX := slotRef{}, 0.0
	for _, r := range s.k.against[j] {
		lv := int(v.Seats[j].Policy[r.l][r.slot])
		if lv == 0 || r.levels < 2 || s.k.ps.Levers[r.l].Scope != game.ScopeEach {
			continue
		}
		x := float64(lv) / float64(r.levels-1)
		if r.coercive >= 0 && lv >= r.coercive {
			x += 1
		}
		if x > bestX {
			best, bestX = r, x
		}
	}
	return best, bestX > 0
}

// sortByGain puts first the offer that gains the seat most: among
// demands, the one to the seat whose pressure on it is the heaviest.
func sortByGain(ds []offer) {
	slices.SortStableFunc(ds, func(a, b offer) int {
		switch {
		case a.mine > b.mine:
			return -1
		case a.mine < b.mine:
			return 1
		}
		return 0
	})
}

// demandVoice words a demand in the personality's manner: a seat that
// retaliates presses on until it is met, one that yields asks, the rest
// state their price.
func (s *Scripted) demandVoice(v *game.View, j int, get, give string) string {
	who := seatLabel(v, j)
	switch {
	case s.p.Coercion == CoercionYield && give == "nothing":
		return fmt.Sprintf("We ask for %s; we want no quarrel with %s.", get, who)
	case s.p.Coercion == CoercionYield:
		return fmt.Sprintf("We ask for %s; do that and we will gladly ease %s.", get, give)
	case give == "nothing" && s.p.Coercion == CoercionRetaliate:
		return fmt.Sprintf("We demand %s; until then we keep up the pressure.", get)
	case give == "nothing":
		return fmt.Sprintf("We demand %s; nothing else between us moves until then.", get)
	}
	return fmt.Sprintf("We demand %s; do that and we will ease %s.", get, give)
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

// nearMiss is how far below the seat's acceptance a proposal may fall
// and still be a near miss, in points: one it answers with a deal near
// it rather than with its own bundle. Further off, the proposal is no
// basis for a bargain. (Countering every proposal with the nearest deal,
// however far off, made the AIs strike bargains among themselves that
// tipped the truce cliff's balance: India won 4% of its games.)
const nearMiss = 1.0

// counter answers a poor proposal worth value to the seat: a near miss
// with the deal nearest it that the seat would accept (see nearby), any
// other with the seat's own bundle to the proposer, when there is one.
func (s *Scripted) counter(v *game.View, d *game.Deal, promised []*game.Deal, value float64) (*game.Proposal, bool) {
	// A counter answers a first offer; countering a counter would only go
	// round in circles, so that is answered yes or no.
	if d.CounterOf != 0 || d.Parties.Len() != 2 {
		return nil, false
	}
	if value >= s.p.Deals.Accept-nearMiss {
		if o, ok := s.nearby(v, d, d.Proposer, promised); ok {
			return s.write(v, &o, d.ID), true
		}
		return nil, false
	}
	o, ok := s.bundle(v, d.Proposer, s.dealHorizon(v))
	if !ok || o.mine < s.p.Deals.Accept || s.clash(v, &o.deal, promised) != nil || slices.Equal(o.deal.Clauses, d.Clauses) {
		return nil, false
	}
	return s.write(v, &o, d.ID), true
}

// nearby finds a deal with seat j near d that the seat would accept: d
// with one of its own commitments dropped (of several) or eased a level,
// and any of those or d itself with one of j's commitments a level
// further; failing those, its own bundle to j. Each is
// judged first from the present, the most attractive to j first, and
// the best few again with the forecast.
func (s *Scripted) nearby(v *game.View, d *game.Deal, j int, promised []*game.Deal) (offer, bool) {
	me := s.k.me
	var vars [][]game.Clause
	// step moves clause i of cl a level, looser for the seat's own
	// commitments (by) or tighter for the other side's.
	step := func(cl []game.Clause, i int, looser bool) ([]game.Clause, bool) {
		c := cl[i]
		top := len(s.k.ps.Levers[c.Lever].Levels) - 1
		up := c.Bound == game.AtMost == looser
		switch {
		case up && c.Level < top:
			c.Level++
		case !up && c.Level > 0:
			c.Level--
		default:
			return nil, false
		}
		if c.Bound == game.AtMost && c.Level == top || c.Bound == game.AtLeast && c.Level == 0 {
			return nil, false // it would bind nothing: dropping it says so plainly
		}
		x := slices.Clone(cl)
		x[i] = c
		return x, true
	}
	for i, c := range d.Clauses {
		if c.Actor != me {
			continue
		}
		if s.myClauses(d) > 1 {
			// A counter still gives something: one of several
			// commitments may go, the last one only eases.
			vars = append(vars, slices.Delete(slices.Clone(d.Clauses), i, i+1))
		}
		if x, ok := step(d.Clauses, i, true); ok {
			vars = append(vars, x)
		}
	}
	// Each of those, and d itself, asking a level more of one of the
	// other side's commitments: the same levers, a little further.
	base := append(vars[:len(vars):len(vars)], d.Clauses)
	for _, b := range base {
		for i, c := range b {
			if c.Actor == j {
				if x, ok := step(b, i, false); ok {
					vars = append(vars, x)
				}
			}
		}
	}
	var opts []offer
	for _, cl := range vars {
		if len(cl) == 0 || !slices.ContainsFunc(cl, func(c game.Clause) bool { return c.Actor == j }) && !slices.ContainsFunc(cl, func(c game.Clause) bool { return c.Actor == me }) {
			continue
		}
		o := offer{to: j, deal: game.Deal{Proposer: me, Parties: game.SeatSet(0).With(me).With(j), Clauses: cl,
			Duration: d.Duration, Visibility: d.Visibility, Proposed: v.Turn}}
		if s.clash(v, &o.deal, promised) != nil {
			continue
		}
		a := s.appraiseAt(v, &o.deal, 0)
		if a.settles || a.value < s.p.Deals.Accept {
			continue
		}
		o.mine, o.served = a.value, a.served
		o.theirs = s.theirGain(v, j, &o.deal)
		opts = append(opts, o)
	}
	if o, ok := s.bundle(v, j, 0); ok && s.clash(v, &o.deal, promised) == nil && !slices.Equal(o.deal.Clauses, d.Clauses) {
		opts = append(opts, o)
	}
	// Nearest first: what j gains, as far as the seat can tell, then
	// what the seat gains.
	slices.SortStableFunc(opts, func(a, b offer) int {
		switch {
		case a.theirs != b.theirs && a.theirs > b.theirs:
			return -1
		case a.theirs != b.theirs:
			return 1
		case a.mine > b.mine:
			return -1
		case a.mine < b.mine:
			return 1
		}
		return 0
	})
	turns := s.dealHorizon(v)
	for k, o := range opts {
		if k >= 2 {
			break
		}
		if turns > 0 {
			a := s.appraise(v, &o.deal)
			if a.settles || a.value < s.p.Deals.Accept {
				continue
			}
			o.mine, o.served = a.value, a.served
		}
		return o, true
	}
	return offer{}, false
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
	if o.demand {
		p.Note = s.demandVoice(v, o.to, get, give)
	} else {
		var lead string
		switch {
		case give == "nothing" && counterOf != 0:
			lead = "We counter: we ask that you keep " + get
		case give == "nothing":
			lead = "We ask that you keep " + get
		case get == "nothing":
			lead = fmt.Sprintf("%s %s, asking nothing in return", verb, give)
		default:
			lead = fmt.Sprintf("%s %s for %s", verb, give, get)
		}
		p.Note = lead + "."
		if o.served != nil && !o.served.secret {
			// A secret objective is hidden information: a note never names it.
			p.Note = fmt.Sprintf("%s: we aim to %s.", lead, firstPerson(o.served.short()))
		}
	}
	if len([]rune(p.Note)) > 200 {
		p.Note = string([]rune(p.Note)[:197]) + "..."
	}
	return p
}
