package ai

import (
	"fmt"
	"math/rand/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

// Hard's search: determinized Monte Carlo over its own orders.
//
// Normal judges a handful of candidates two turns ahead with the others
// holding what they have in force. Hard makes normal's choice, then
// widens the candidates (each target of a lever alone, the best single
// changes combined, and random moves of several levers at once, bigger
// steps included) and plays each out to the end of the game in several
// sampled worlds. A world fixes what the seat cannot see: how each other
// seat answers pressure (a model drawn from the seat's belief about it,
// see belief.go) and how it moves this turn, its orders being unresolved.
// Every candidate is played in the same worlds, so the comparison is
// between orders, not between lucky draws. The score is the final tally
// the play-outs give (objectives met at their deadlines, every-turn
// points, payoff-table points), less the reputation any broken deal
// costs; hard leaves normal's choice only for one whose mean beats it
// by a margin in most worlds.

// The size of hard's search: within the 250 ms budget with
// room to spare on a loaded two-core machine.
const (
	hardWorlds  = 4  // sampled worlds each candidate is played out in
	hardRandoms = 12 // random multi-lever candidates
	hardPool    = 10 // best screened candidates kept for the play-outs
	hardRefine  = 8  // random moves around the best of the first round
)

// sampledWorld is one determinization: for each other seat, the model it
// is played by (or -1: it keeps what it has in force).
type sampledWorld struct {
	model []int8
}

// searchRNG is the generator of one decision: drawn from the player's
// own seeded generator, so a game replays exactly and the draws of one
// decision never depend on how many the last one made.
func (s *Scripted) searchRNG() *rand.Rand {
	return rand.New(rand.NewPCG(s.rng.Uint64(), s.rng.Uint64()))
}

// hardBelief is what hard believes of seat j: the model fitted to j's
// history with this seat, refitted now whatever the scenario (normal
// only uses beliefs in payoff-table games).
func (s *Scripted) hardBelief(j int) belief {
	if s.believes() {
		return s.beliefs[j]
	}
	return s.believe(j)
}

// sampleWorlds draws the worlds the candidates are played out in. Seat j
// is played by its believed model with the probability that model
// predicted j's moves (two in three with no history yet); otherwise by
// the next-best reading, that it keeps what it has in force.
func (s *Scripted) sampleWorlds(v *game.View, rng *rand.Rand) []sampledWorld {
	me := s.k.me
	bel := make([]belief, len(v.Seats))
	for j := range v.Seats {
		if j != me {
			bel[j] = s.hardBelief(j)
		}
	}
	out := make([]sampledWorld, hardWorlds)
	for n := range out {
		w := sampledWorld{model: make([]int8, len(v.Seats))}
		for j := range v.Seats {
			w.model[j] = -1
			if j == me || len(s.k.against[j]) == 0 {
				continue
			}
			b := bel[j]
			p := 2.0 / 3
			if b.seen > 0 {
				p = float64(b.hits) / float64(b.seen)
			}
			if rng.Float64() < p {
				w.model[j] = int8(b.m)
			}
		}
		out[n] = w
	}
	return out
}

// rollout plays the seat's orders pol out over turns in world sw: each
// other seat played by its model answers the seat's moves towards it,
// its levers aimed at the seat one level up when it defects and down
// when it cooperates; the others keep what w expects of them.
//
// It also returns the policies the plan hands the forecast, which it
// updates in place: after the forecast, the policies of the last turn.
func (s *Scripted) rollout(v *game.View, w *world, sw *sampledWorld, pol *game.Policy, extra *game.Deal) (func(int, *game.Projection) []game.Policy, []game.Policy) {
	me := s.k.me
	// The deals that hold a modelled seat back: those in force, and the
	// one being valued, for as long as each binds, unless the seat is
	// known to break its word.
	var held []*game.Deal
	for i := range v.Deals {
		if d := &v.Deals[i]; d.Status == game.InForce && d.End >= v.Turn {
			held = append(held, d)
		}
	}
	pols := make([]game.Policy, len(w.others))
	copy(pols, w.others)
	pols[me] = *pol
	tr := make([]moveTrack, len(pols))
	for j := range pols {
		if sw.model[j] >= 0 {
			tr[j] = s.newTrack(v, pol, j)
		}
	}
	return func(k int, _ *game.Projection) []game.Policy {
		for j := range pols {
			if sw.model[j] >= 0 && s.advance(&tr[j], model(sw.model[j]), k, j, &pols[j]) {
				s.holdTo(v, held, extra, j, v.Turn+k, &pols[j])
			}
		}
		return pols
	}, pols
}

// holdTo keeps seat j's policy p inside the clauses it holds in the
// deals binding it at turn t (extra binds from this turn for its
// duration), unless j is known to have broken deals.
func (s *Scripted) holdTo(v *game.View, held []*game.Deal, extra *game.Deal, j, t int, p *game.Policy) {
	if v.Seats[j].Breaches > 0 {
		return
	}
	for _, d := range held {
		if t >= d.Start && t <= d.End {
			keepClauses(d, j, p)
		}
	}
	if extra != nil && t < v.Turn+extra.Duration {
		keepClauses(extra, j, p)
	}
}

func keepClauses(d *game.Deal, actor int, p *game.Policy) {
	for i := range d.Clauses {
		if d.Clauses[i].Actor == actor {
			d.Clauses[i].Keep(p)
		}
	}
}

// tally is the final score the seat expects from orders pol in world sw:
// its score now plus the objectives met along the play-out and the
// model's own points, as a final tally counts them.
func (s *Scripted) tally(v *game.View, w *world, sw *sampledWorld, pol *game.Policy, extra *game.Deal, turns int) float64 {
	me := s.k.me
	u := v.Seats[me].Ind[game.Score]
	plan, pols := s.rollout(v, w, sw, pol, extra)
	proj, err := game.ProjectPlan(v, plan, turns)
	if err != nil {
		return u
	}
	// Lever objectives read the policies the play-out ends with: a seat
	// modelled to answer pressure may have moved by then.
	pos := game.Position{Policy: pols, Pacts: w.pacts}
	u = addObjectives(u, s.conds(v), &pos, proj, 1)
	return u + proj[len(proj)-1].Ind[me][game.Score] - v.Seats[me].Ind[game.Score]
}

// hardLook is hard's choice of orders: normal's choice unless a
// candidate of the search beats it, with the reason.
func (s *Scripted) hardLook(v *game.View, base, ruled game.Policy, keep []*game.Deal, turns int) (game.Policy, string, bool) {
	nb, _, _ := s.searchOrders(v, base, ruled, keep, Normal.search(), min(turns, Normal.search().turns))
	_, pool, fix := s.searchOrders(v, base, ruled, keep, Hard.search(), 1)
	rng := s.searchRNG()
	cands := []game.Policy{nb.pol}
	seen := map[game.Policy]bool{nb.pol: true}
	add := func(p game.Policy) {
		p = fix(p)
		if !seen[p] {
			seen[p] = true
			cands = append(cands, p)
		}
	}
	for _, c := range pool[:min(len(pool), hardPool)] {
		add(c.pol)
	}
	for range hardRandoms {
		add(s.randomMove(nb.pol, rng))
	}
	worlds := s.sampleWorlds(v, rng)
	w := &world{others: s.expected(v), pacts: s.pacts(v)}
	wt := &s.p.Weights
	score := func(p *game.Policy) []float64 {
		out := make([]float64, len(worlds))
		fixed := wt.Rule*s.distance(p, &base) + s.breachCost(v, p)
		for n := range worlds {
			out[n] = wt.Objectives*s.tally(v, w, &worlds[n], p, nil, turns) - fixed
		}
		return out
	}
	ref := score(&nb.pol)
	best, bestMean, bestWins := nb.pol, mean(ref), 0
	judge := func(ps []game.Policy) {
		for _, p := range ps {
			sc := score(&p)
			wins := 0
			for n := range sc {
				if sc[n] > ref[n] {
					wins++
				}
			}
			m := mean(sc)
			// A candidate must beat normal's choice by the margin on
			// average and in more than half the worlds: a gain in one
			// lucky world is not a reason to leave a choice that holds in
			// all of them.
			if m > mean(ref)+hardMargin && 2*wins > len(worlds) && m > bestMean {
				best, bestMean, bestWins = p, m, wins
			}
		}
	}
	judge(cands[1:])
	// A second round searches around the best so far: random moves from
	// it, which reach combinations the first round's steps do not.
	first := len(cands)
	for range hardRefine {
		add(s.randomMove(best, rng))
	}
	judge(cands[first:])
	if best == ruled {
		return ruled, "", false
	}
	why := s.lookReason(v, &ruled, &best, turns)
	if best != nb.pol {
		why = s.searchReason(v, &ruled, &best, turns, bestWins, len(worlds))
	}
	return best, why, true
}

// randomMove is a candidate a few random steps from p: one to three of
// the seat's levers, each moved one or two levels on one target or on
// all.
func (s *Scripted) randomMove(p game.Policy, rng *rand.Rand) game.Policy {
	var movable []int
	for i := range s.k.levers {
		if s.k.levers[i].kind != "purchases" && s.k.levers[i].levels > 1 {
			movable = append(movable, i)
		}
	}
	if len(movable) == 0 {
		return p
	}
	for range 1 + rng.IntN(3) {
		li := &s.k.levers[movable[rng.IntN(len(movable))]]
		d := 1 + rng.IntN(2)
		if rng.IntN(2) == 0 {
			d = -d
		}
		slots := li.slots
		if len(slots) > 1 && rng.IntN(2) == 0 {
			k := rng.IntN(len(slots))
			slots = slots[k : k+1]
		}
		for _, slot := range slots {
			p[li.l][slot] = uint8(max(0, min(li.levels-1, int(p[li.l][slot])+d)))
		}
	}
	return p
}

func mean(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t / float64(max(len(xs), 1))
}

// searchReason explains a choice of the search: the change, and what the
// seat believes of the seat it bears on when that shaped the play-outs.
func (s *Scripted) searchReason(v *game.View, from, to *game.Policy, turns, wins, worlds int) string {
	why := s.lookReason(v, from, to, turns)
	for j := range v.Seats {
		if j == s.k.me || len(s.k.against[j]) == 0 || !s.defects(v, to, j) && !s.defects(v, from, j) {
			continue
		}
		if b := s.hardBelief(j); b.seen > 0 {
			return fmt.Sprintf("%s Played out in %d sampled worlds, it did better in %d; %s.", why, worlds, wins, s.beliefTextOf(v, j, b))
		}
	}
	return fmt.Sprintf("%s Played out in %d sampled worlds, it did better in %d.", why, worlds, wins)
}
