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
	return max(0, min(s.d.search().turns, v.Scenario.Turns-v.Turn+1))
}

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
	proj, err := game.Project(v, pols, turns)
	if err != nil {
		return 0
	}
	for k := range proj {
		pos.Ind, pos.World = &proj[k].Ind, &proj[k].World
		last := k == len(proj)-1
		for i := range conds {
			c := &conds[i]
			if (c.EveryTurn || last) && c.holds(&pos) {
				u += c.points * wt.Objectives
			}
		}
	}
	me := s.k.me
	end := &proj[len(proj)-1].Ind
	now := &v.Seats[me].Ind
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
// reason and whether it differs from the rules' choice.
func (s *Scripted) lookAhead(v *game.View, base, ruled game.Policy, keep []*game.Deal) (game.Policy, string, bool) {
	turns := s.horizon(v)
	if turns < 1 {
		return ruled, "", false
	}
	sr := s.d.search()
	me := s.k.me
	w := &world{others: s.expected(v), pacts: s.pacts(v)}
	bound := s.p.Deals.Keep != KeepWhenWorthIt && s.p.Deals.Keep != KeepNever
	fix := func(p game.Policy) game.Policy {
		if bound {
			return clampTo(p, me, keep)
		}
		return p
	}
	// Candidates are screened one turn ahead; the best few are judged
	// again over the whole horizon, which is where most of the time goes.
	screen := min(turns, 1)
	scoreAt := func(p *game.Policy, t int) float64 {
		u := s.judge(v, w, p, t) - s.p.Weights.Rule*s.distance(p, &base)
		u -= s.breachCost(v, p)
		if sr.reaction {
			u -= s.reactionCost(v, w, p, t)
		}
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
		for _, c := range pool[:min(len(pool), 4)] {
			if c.score = scoreAt(&c.pol, turns); c.score > best.score {
				best = c
			}
		}
	}
	if best.pol == ruled {
		return ruled, "", false
	}
	return best.pol, s.lookReason(v, &ruled, &best.pol, turns), true
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

// reactionCost: at hard, the seat expects a seat it newly presses to
// answer in kind next turn, and prices that answer with the forecast.
func (s *Scripted) reactionCost(v *game.View, w *world, pol *game.Policy, turns int) float64 {
	me := s.k.me
	in := &v.Seats[me].Policy
	var pressed game.SeatSet
	for i := range s.k.levers {
		li := &s.k.levers[i]
		if !li.hostile || li.scope != game.ScopeEach {
			continue
		}
		for _, slot := range li.slots {
			if pol[li.l][slot] > in[li.l][slot] {
				pressed = pressed.With(slot)
			}
		}
	}
	if pressed == 0 {
		return 0
	}
	others := slices.Clone(w.others)
	for _, j := range pressed.Seats() {
		for _, r := range s.k.against[j] {
			others[j][r.l][r.slot] = uint8(min(r.levels-1, int(others[j][r.l][r.slot])+1))
		}
	}
	rw := &world{others: others, pacts: w.pacts}
	return s.judge(v, w, pol, turns) - s.judge(v, rw, pol, turns)
}

// lookReason names the biggest change the look-ahead made to the rules'
// orders.
func (s *Scripted) lookReason(v *game.View, from, to *game.Policy, turns int) string {
	bestD, what := 0, ""
	for i := range s.k.levers {
		li := &s.k.levers[i]
		for _, slot := range li.slots {
			d := int(to[li.l][slot]) - int(from[li.l][slot])
			if max(d, -d) > max(bestD, -bestD) {
				bestD = d
				what = s.k.ps.Levers[li.l].Name
				if li.scope == game.ScopeEach {
					what += " on " + v.Seats[slot].ID
				}
				lv := s.k.ps.Levers[li.l].Levels[to[li.l][slot]].ID
				what += " to " + lv
			}
		}
	}
	verb := "raise"
	if bestD < 0 {
		verb = "lower"
	}
	if broken := s.breaking(v, *to); len(broken) > 0 {
		return fmt.Sprintf("Looking %d turns ahead, we break our deal with %s and %s %s: it serves our aims better than our word.", turns, joinIDs(broken), verb, what)
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
