package ai

import (
	"math/rand/v2"
	"slices"

	"github.com/chokepoint-game/chokepoint/game"
)

// Hard's search over the deals it proposes.
//
// Normal proposes one bundle a seat, built from what its objectives want
// of the other seat and what that seat's public objectives want of it,
// and values it two turns ahead. Hard also builds variants of each bundle
// (each request alone or all together, no gift, one gift or two, for two
// turns or to the end of the game, where deal objectives are scored) and
// plays each out to the end in the sampled worlds of its search, against
// the same worlds without the deal. It proposes the variants that gain it
// most, among those the other seat should accept as far as it can tell.

const (
	hardDealWorlds   = 3  // sampled worlds a variant is played out in
	hardDealVariants = 12 // variants tried per seat
	// hardDealMargin is how many points a variant must gain, on average
	// over the worlds, to be proposed: a quarter point, the least an
	// objective pays.
	hardDealMargin = 0.25
)

// hardOffers returns hard's searched bundles, best first, followed by
// normal's offers to the seats the search found nothing for. A
// personality that never looks ahead proposes as at normal.
func (s *Scripted) hardOffers(v *game.View, promised []*game.Deal, skip game.SeatSet, normal []offer) []offer {
	me := s.k.me
	if s.horizon(v) < 1 || !s.p.Moves.LookAhead {
		return normal
	}
	bl := s.baseline(v)
	rng, worlds, turns, base, w0, without := bl.rng, bl.worlds, bl.turns, &bl.base, bl.w0, bl.without
	capital := v.Seats[me].Ind[game.Capital]
	broke := v.Scenario.Rules.ConcessionCapital > 0 && capital <= 0
	var found []offer
	for j := range v.Seats {
		if j == me || skip.Has(j) || s.busyWith(v, j) || v.Turn-s.mem.rejected[j] < 2 && s.mem.rejected[j] > 0 {
			continue
		}
		if v.Seats[me].Trust[j] < s.p.Trust.Min || s.mem.move[j] && !s.mem.appease[j] {
			continue
		}
		best := offer{mine: hardDealMargin}
		ok := false
		for _, d := range s.dealVariants(v, j, broke, rng) {
			if s.k.ps.Settles(&d) || s.clash(v, &d, promised) != nil {
				continue
			}
			theirs := s.theirGain(v, j, &d)
			if theirs < 0 {
				continue
			}
			gain := 0.0
			for n := range worlds {
				gain += s.dealTally(v, w0, &worlds[n], base, &d, turns) - without[n]
			}
			gain = gain/float64(len(worlds))*s.p.Weights.Objectives -
				v.Scenario.Rules.ConcessionCapital*float64(d.ClausesOf(me))*s.p.Weights.Capital
			if gain > best.mine {
				best = offer{to: j, deal: d, mine: gain, theirs: theirs, toEnd: d.Duration >= v.Scenario.Turns-v.Turn+1}
				ok = true
			}
		}
		if ok {
			best.served = s.appraiseAt(v, &best.deal, 0).served
			found = append(found, best)
		}
	}
	sortByGain(found)
	for _, o := range normal {
		if !slices.ContainsFunc(found, func(f offer) bool { return f.to == o.to }) {
			found = append(found, o)
		}
	}
	return found
}

// dealVariants builds the variants of a bundle to j hard tries: requests
// (what its objectives want of j, calm on j's strongest lever on it)
// alone or together, with no gift, one or two (what j's public
// objectives want of it, a step back on its own levers aimed at j), for
// two turns or to the end. Without capital it gives nothing. At most
// hardDealVariants, drawn with rng when there are more.
func (s *Scripted) dealVariants(v *game.View, j int, broke bool, rng *rand.Rand) []game.Deal {
	me := s.k.me
	asks, gives, toEnd := s.candidates(v, j)
	for i := range s.k.levers {
		li := &s.k.levers[i]
		if !li.hostile || li.scope != game.ScopeEach || !hasSlot(li.slots, j) {
			continue
		}
		if lv := int(v.Seats[me].Policy[li.l][j]); lv > 0 {
			if c, ok := s.ceiling(me, li.l, j, lv-1); ok && !slices.ContainsFunc(gives, func(x game.Clause) bool {
				return x.Lever == c.Lever && x.Target == c.Target
			}) {
				gives = append(gives, c)
			}
		}
	}
	if len(gives) == 0 {
		if c, ok := s.holdPromise(v, j); ok {
			gives = append(gives, c)
		}
	}
	if broke {
		gives = nil
	}
	var askSets, giveSets [][]game.Clause
	for i := range asks {
		askSets = append(askSets, asks[i:i+1])
	}
	if len(asks) > 1 {
		askSets = append(askSets, asks)
	}
	if toEnd || len(asks) == 0 {
		askSets = append(askSets, nil)
	}
	giveSets = append(giveSets, nil)
	for i := range gives {
		giveSets = append(giveSets, gives[i:i+1])
	}
	if len(gives) > 1 {
		giveSets = append(giveSets, gives[:2])
	}
	rest := v.Scenario.Turns - v.Turn + 1
	durations := []int{min(2, rest)}
	if rest > 2 {
		durations = append(durations, rest)
	}
	var out []game.Deal
	for _, a := range askSets {
		for _, g := range giveSets {
			if len(a)+len(g) == 0 {
				continue
			}
			for _, dur := range durations {
				out = append(out, game.Deal{Proposer: me, Parties: game.SeatSet(0).With(me).With(j),
					Clauses: append(slices.Clone(a), g...), Duration: dur, Visibility: game.Public, Proposed: v.Turn})
			}
		}
	}
	if len(out) > hardDealVariants {
		rng.Shuffle(len(out), func(a, b int) { out[a], out[b] = out[b], out[a] })
		out = out[:hardDealVariants]
	}
	return out
}

// dealTally is the final tally of the seat's orders pol played out in
// world sw with deal d (nil: none) in force: both sides keep its clauses
// while it lasts, and a deal lasting to the end counts as one in force
// then.
func (s *Scripted) dealTally(v *game.View, w0 *world, sw *sampledWorld, pol *game.Policy, d *game.Deal, turns int) float64 {
	if d == nil {
		return s.tally(v, w0, sw, pol, nil, turns)
	}
	me := s.k.me
	w := &world{others: slices.Clone(w0.others), pacts: w0.pacts}
	mine := *pol
	for i := range d.Clauses {
		c := &d.Clauses[i]
		if c.Actor == me {
			c.Keep(&mine)
		} else {
			c.Keep(&w.others[c.Actor])
		}
	}
	if d.Duration >= v.Scenario.Turns-v.Turn+1 {
		p := *w0.pacts
		for _, j := range d.Parties.Without(me).Seats() {
			p[me], p[j] = p[me].With(j), p[j].With(me)
		}
		w.pacts = &p
	}
	return s.tally(v, w, sw, &mine, d, turns)
}

// hardValue is what deal d is worth to the seat at hard: the mean gain
// in final tally, over the sampled worlds, of playing the game out with
// the deal in force against without it, less the capital its own clauses
// spend and what it holds against the proposer. A settlement is valued
// as at every level (see appraiseAt): it ends the game.
func (s *Scripted) hardValue(v *game.View, d *game.Deal, a *appraisal) float64 {
	// A personality that never looks ahead (a classic strategy) plays
	// its fixed rule at every level.
	if s.horizon(v) < 1 || a.settles || !s.p.Moves.LookAhead {
		return a.value
	}
	bl := s.baseline(v)
	gain := 0.0
	for n := range bl.worlds {
		gain += s.dealTally(v, bl.w0, &bl.worlds[n], &bl.base, d, bl.turns) - bl.without[n]
	}
	return gain/float64(len(bl.worlds))*s.p.Weights.Objectives - a.capital - a.held
}

// dealBaseline is what every deal hard values in one decision is
// measured against: the sampled worlds, the seat's orders by its rules
// inside the deals it keeps, and the final tally of each world played
// out without a new deal.
type dealBaseline struct {
	rng     *rand.Rand
	worlds  []sampledWorld
	turns   int
	base    game.Policy
	w0      *world
	without []float64
}

// baseline is the decision's dealBaseline, made at its first use: the
// view does not change within a decision.
func (s *Scripted) baseline(v *game.View) *dealBaseline {
	if s.dealBase != nil {
		return s.dealBase
	}
	me := s.k.me
	rng := s.searchRNG()
	bl := &dealBaseline{rng: rng, worlds: s.sampleWorlds(v, rng)[:hardDealWorlds], turns: s.horizon(v),
		base: clampTo(s.ruleOrders(v), me, s.keptDeals(v, game.Policy{})),
		w0:   &world{others: s.expected(v), pacts: s.pacts(v)}}
	bl.without = make([]float64, len(bl.worlds))
	for n := range bl.worlds {
		bl.without[n] = s.dealTally(v, bl.w0, &bl.worlds[n], &bl.base, nil, bl.turns)
	}
	s.dealBase = bl
	return bl
}
