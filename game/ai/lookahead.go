package ai

import (
	"fmt"
	"slices"

	"github.com/chokepoint-game/chokepoint/game"
)

// world is a hypothetical turn the seat judges: what it expects of every
// other seat, and the deals it expects in force.
type world struct {
	others []game.Policy
	pacts  *[game.MaxSeats]game.SeatSet
}

// horizon is how many turns a difficulty looks ahead from this turn,
// never past the last.
func (s *Scripted) horizon(v *game.View) int {
	rest := v.Scenario.Turns - v.Turn + 1
	switch s.d {
	case Easy:
		return 0
	case Hard:
		// Hard plays every candidate out to the end of the game, where
		// the end objectives are scored, up to a bound that keeps a long
		// game within the decision budget.
		return max(0, min(rest, hardHorizon))
	}
	return max(0, min(s.d.search().turns, rest))
}

// dealHorizon is how far a difficulty looks ahead to value a deal: hard
// values deals as normal does (a settlement, which ends the game, is
// valued to the end at every level).
func (s *Scripted) dealHorizon(v *game.View) int {
	return min(s.horizon(v), Normal.search().turns)
}

// hardHorizon bounds hard's play-out: a year of monthly turns, or the
// whole of most scenarios.
const hardHorizon = 12

// judge scores orders in a hypothetical turn: the forecast's value for
// the seat's objectives and indicators. With no horizon (easy) it judges
// the present indicators with the policies changed: what the rules can
// see without a model.
func (s *Scripted) judge(v *game.View, w *world, orders *game.Policy, turns int) float64 {
	pols := w.others
	saved := pols[s.k.me]
	pols[s.k.me] = *orders
	defer func() { pols[s.k.me] = saved }()
	pos := game.Position{Policy: pols, Pacts: w.pacts}
	conds := s.conds(v)
	wt := &s.p.Weights
	u := 0.0
	if turns < 1 {
		var ind [game.MaxSeats][game.MaxIndicators]float64
		for j := range v.Seats {
			ind[j] = v.Seats[j].Ind
		}
		pos.Ind, pos.World = &ind, &v.World
		for i := range conds {
			if conds[i].holds(&pos) {
				u += conds[i].points * wt.Objectives
			}
		}
		return u - s.pressure(pols)
	}
	proj, err := game.ProjectPlan(v, s.plan(v, w, orders), turns)
	if err != nil {
		return 0
	}
	u = addObjectives(u, conds, &pos, proj, wt.Objectives)
	me := s.k.me
	end := &proj[len(proj)-1].Ind
	now := &v.Seats[me].Ind
	// Points the model itself scores (a payoff table) count as objectives
	// do; the objectives' own points are counted above, not in the forecast.
	u += wt.Objectives * (end[me][game.Score] - now[game.Score])
	t := 0.0
	for _, x := range s.k.weights {
		t += x.w * (end[me][x.ind] - now[x.ind])
	}
	u += t
	if e := s.k.economy; wt.Others != 0 && e >= 0 {
		for j := range v.Seats {
			if j != me {
				u += wt.Others * (end[j][e] - v.Seats[j].Ind[e])
			}
		}
	}
	return u
}

// points is the score the seat expects to have if the game ends after
// the turn-th turn from now, in world w with its orders pol: its score
// now, the every-turn objectives it meets each turn and the end
// objectives it meets at the last. Only objectives and the model's own
// points count: it is what a final tally would say.
func (s *Scripted) points(v *game.View, w *world, pol *game.Policy, turns int) float64 {
	me := s.k.me
	u := v.Seats[me].Ind[game.Score]
	proj, err := game.ProjectPlan(v, s.plan(v, w, pol), max(turns, 1))
	if err != nil {
		return u
	}
	pols := slices.Clone(w.others)
	pols[me] = *pol
	pos := game.Position{Policy: pols, Pacts: w.pacts}
	conds := s.conds(v)
	u = addObjectives(u, conds, &pos, proj, 1)
	return u + proj[len(proj)-1].Ind[me][game.Score] - v.Seats[me].Ind[game.Score]
}

// addObjectives adds to u, weighted, the points of the objectives met
// along a projection: every-turn objectives at each of its turns, the
// others at its last. pos is the position to judge, its indicators set
// to each turn's in turn.
func addObjectives(u float64, conds []cond, pos *game.Position, proj []game.Projection, weight float64) float64 {
	for k := range proj {
		pos.Ind, pos.World = &proj[k].Ind, &proj[k].World
		last := k == len(proj)-1
		for i := range conds {
			c := &conds[i]
			if (c.EveryTurn || last) && c.holds(pos) {
				u += c.points * weight
			}
		}
	}
	return u
}

// pressure is how hard the others' coercive and trade levers bear on the
// seat, each lever counting 1 at its strongest: what a rule-following
// seat weighs when it has no forecast to tell it what they cost.
func (s *Scripted) pressure(pols []game.Policy) float64 {
	p := 0.0
	for j, refs := range s.k.against {
		for _, r := range refs {
			if r.levels > 1 {
				p += float64(pols[j][r.l][r.slot]) / float64(r.levels-1)
			}
		}
	}
	return p
}

// conds are the objectives the seat holds, compiled once per turn.
func (s *Scripted) conds(v *game.View) []cond {
	if s.mem.condsTurn != v.Turn || s.mem.conds == nil {
		s.mem.conds, s.mem.condsTurn = s.k.mine(v), v.Turn
	}
	return s.mem.conds
}

// distance counts the levels between two policies over the seat's levers.
func (s *Scripted) distance(a, b *game.Policy) float64 {
	d := 0
	for i := range s.k.levers {
		li := &s.k.levers[i]
		for _, slot := range li.slots {
			x, y := int(a[li.l][slot]), int(b[li.l][slot])
			d += max(x-y, y-x)
		}
	}
	return float64(d)
}

// candidate is one set of orders the look-ahead tries.
type candidate struct {
	pol   game.Policy
	score float64
}

// lookAhead tries orders around the rules' choice with the engine's
// forecast and returns the best for the seat's objectives, with its
// reason and whether it differs from the rules' choice. Normal screens
// candidates one turn ahead and judges the best few two turns ahead.
// Hard makes normal's choice, then plays it and its own wider set of
// candidates out to the end of the game and takes another only when the
// final tally the forecast gives it beats normal's choice by a margin:
// it searches further, but does not trade a sure choice for a guess.
func (s *Scripted) lookAhead(v *game.View, base, ruled game.Policy, keep []*game.Deal) (game.Policy, string, bool) {
	turns := s.horizon(v)
	if turns < 1 {
		return ruled, "", false
	}
	if s.d != Hard {
		best, _, _ := s.searchOrders(v, base, ruled, keep, s.d.search(), turns)
		if best.pol == ruled {
			return ruled, "", false
		}
		return best.pol, s.lookReason(v, &ruled, &best.pol, turns), true
	}
	return s.hardLook(v, base, ruled, keep, turns)
}

// hardMargin is how much more final score, in points, hard wants from a
// candidate of its own before it leaves normal's choice: a quarter of a
// point, the least an objective pays.
const hardMargin = 0.25

// searchOrders screens candidate orders around the rules' choice one
// turn ahead and judges the best sr.finalists over turns; it returns the
// best, every candidate tried (best first) and the clamp that keeps a
// candidate inside the deals the seat keeps.
func (s *Scripted) searchOrders(v *game.View, base, ruled game.Policy, keep []*game.Deal, sr search, turns int) (candidate, []candidate, func(p game.Policy) game.Policy) {
	me := s.k.me
	w := &world{others: s.expected(v), pacts: s.pacts(v)}
	bound := s.p.Deals.Keep != KeepWhenWorthIt && s.p.Deals.Keep != KeepNever
	fresh := s.freshDeals(v)
	fix := func(p game.Policy) game.Policy {
		if bound {
			return clampTo(p, me, keep)
		}
		return clampTo(p, me, fresh)
	}
	// Candidates are screened one turn ahead; the best few are judged
	// again over the whole horizon, which is where most of the time goes.
	screen := min(turns, 1)
	scoreAt := func(p *game.Policy, t int) float64 {
		u := s.judge(v, w, p, t) - s.p.Weights.Rule*s.distance(p, &base)
		u -= s.breachCost(v, p)
		return u
	}
	score := func(p *game.Policy) float64 { return scoreAt(p, screen) }
	best := candidate{pol: ruled, score: score(&ruled)}
	var pool []candidate
	tried := map[game.Policy]bool{ruled: true}
	var singles []candidate
	try := func(p game.Policy, single bool) {
		p = fix(p)
		if tried[p] {
			return
		}
		tried[p] = true
		c := candidate{pol: p, score: score(&p)}
		pool = append(pool, c)
		if single && c.score > best.score {
			singles = append(singles, c)
		}
		if c.score > best.score {
			best = c
		}
	}
	try(v.Seats[me].Policy, false)
	for i := range s.k.levers {
		li := &s.k.levers[i]
		if li.kind == "purchases" {
			continue // a gift to the seller: something to trade in a deal, not to give away
		}
		for _, dir := range [2]int{-1, 1} {
			p := ruled
			for _, slot := range li.slots {
				p[li.l][slot] = uint8(max(0, min(li.levels-1, int(p[li.l][slot])+dir)))
			}
			try(p, true)
			if sr.perSlot && li.scope == game.ScopeEach && len(li.slots) > 1 {
				for _, slot := range li.slots {
					p := ruled
					p[li.l][slot] = uint8(max(0, min(li.levels-1, int(p[li.l][slot])+dir)))
					try(p, true)
				}
			}
		}
	}
	if sr.refine && len(singles) > 1 {
		sortCandidates(singles)
		top := singles[:min(3, len(singles))]
		merge := func(parts ...candidate) game.Policy {
			p := ruled
			for _, c := range parts {
				for i := range s.k.levers {
					li := &s.k.levers[i]
					for _, slot := range li.slots {
						if c.pol[li.l][slot] != ruled[li.l][slot] {
							p[li.l][slot] = c.pol[li.l][slot]
						}
					}
				}
			}
			return p
		}
		for a := 0; a < len(top); a++ {
			for b := a + 1; b < len(top); b++ {
				try(merge(top[a], top[b]), false)
			}
		}
		try(merge(top...), false)
	}
	if screen < turns {
		sortCandidates(pool)
		best = candidate{pol: ruled, score: scoreAt(&ruled, turns)}
		for _, c := range pool[:min(len(pool), sr.finalists)] {
			if c.score = scoreAt(&c.pol, turns); c.score > best.score {
				best = c
			}
		}
	}
	sortCandidates(pool)
	return best, pool, fix
}

// breachCost is the reputation a policy would cost by breaking binding
// deals: the seat's price per seat that learns of a breach.
func (s *Scripted) breachCost(v *game.View, pol *game.Policy) float64 {
	if s.p.Deals.Keep == KeepNever {
		return 0
	}
	cost := 0.0
	for _, d := range s.binding(v) {
		if !s.breaks(d, pol) {
			continue
		}
		learners := d.Parties.Len() - 1
		if d.Visibility == game.Public {
			learners = len(v.Seats) - 1
		}
		cost += s.p.Deals.Reputation * float64(learners)
	}
	return cost
}

// lookReason names the biggest change the look-ahead made to the rules'
// orders.
func (s *Scripted) lookReason(v *game.View, from, to *game.Policy, turns int) string {
	bestD, what, target := 0, "", -1
	for i := range s.k.levers {
		li := &s.k.levers[i]
		for _, slot := range li.slots {
			d := int(to[li.l][slot]) - int(from[li.l][slot])
			if max(d, -d) > max(bestD, -bestD) {
				bestD = d
				what = s.k.ps.Levers[li.l].Name
				target = -1
				if li.scope == game.ScopeEach {
					what += " on " + seatLabel(v, slot)
					target = slot
				}
				what += " to " + s.k.ps.LevelText(li.l, int(to[li.l][slot]))
			}
		}
	}
	verb := "raise"
	if bestD < 0 {
		verb = "lower"
	}
	if broken := s.breaking(v, *to); len(broken) > 0 {
		return fmt.Sprintf("Looking %d turns ahead, we break our word to %s (%s) and %s %s: %s.",
			turns, joinIDs(broken), s.brokenText(v, to), verb, what, s.breakVoice(joinIDs(broken)))
	}
	if target >= 0 && s.believes() && s.beliefs[target].sure() {
		return fmt.Sprintf("Looking %d turns ahead, we %s %s: %s.", turns, verb, what, s.beliefText(v, target))
	}
	return fmt.Sprintf("Looking %d turns ahead, we %s %s: it serves our aims best.", turns, verb, what)
}

// sortCandidates puts the best first; ties keep the order they were tried
// in, so the choice is the same every time.
func sortCandidates(cs []candidate) {
	slices.SortStableFunc(cs, func(a, b candidate) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return 0
	})
}
