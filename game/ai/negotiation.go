package ai

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// negotiate answers every proposal awaiting the seat, answers the
// messages written to it, makes its own proposals once a turn, and says
// it is ready, so that the round never waits for it.
func (s *Scripted) negotiate(v *game.View) []game.Command {
	me := s.k.me
	var out []game.Command
	capital := v.Seats[me].Ind[game.Capital]
	cost := v.Scenario.Rules.ConcessionCapital
	// promised are the deals the seat is bound by this turn, its own
	// proposals still open (any may come into force) and those it accepts
	// now: a new one must be keepable with all of them.
	promised := s.binding(v)
	for i := range v.Deals {
		if d := &v.Deals[i]; d.Proposer == me && d.Status == game.Proposed {
			promised = append(promised, d)
		}
	}
	for i := range v.Deals {
		d := &v.Deals[i]
		if !d.Awaits(me) {
			continue
		}
		c, why := s.answer(v, d, capital, promised)
		if c.Answer == game.Accept {
			capital -= cost * float64(s.myClauses(d))
			promised = append(promised, d)
		}
		out = append(out, c)
		s.reasons = append(s.reasons, why)
	}
	var proposed game.SeatSet
	out = append(out, s.listen(v, &promised, &proposed)...)
	if s.p.Deals.Propose && s.mem.proposedTurn != v.Turn && (capital > 0 || cost == 0) {
		s.mem.proposedTurn = v.Turn
		for _, pr := range s.proposals(v, promised, proposed) {
			out = append(out, game.Command{Kind: game.CmdPropose, Seat: s.k.seatID, Proposal: pr})
			s.reasons = append(s.reasons, pr.Note)
		}
	}
	if !v.Seats[me].Ready {
		out = append(out, s.ready("We have said what we have to say this round."))
	}
	return out
}

// answer decides one proposal: accept, reject, or counter with a bundle
// worth more to the seat.
func (s *Scripted) answer(v *game.View, d *game.Deal, capital float64, promised []*game.Deal) (game.Command, string) {
	me := s.k.me
	from := d.Proposer
	name := seatLabel(v, from)
	reply := func(a game.Answer, why string) (game.Command, string) {
		return game.Command{Kind: game.CmdRespond, Seat: s.k.seatID, Deal: d.ID, Answer: a}, why
	}
	commits := s.myClauses(d) > 0
	if commits && capital <= 0 && v.Scenario.Rules.ConcessionCapital > 0 {
		return reply(game.Reject, "We reject: we have no political capital left to make commitments.")
	}
	if clash := s.clash(v, d, promised); clash != nil {
		return reply(game.Reject, fmt.Sprintf("We reject: we could not keep it and our word to %s both.", joinIDs(s.others(v, clash))))
	}
	if b := s.mem.broke[from]; b > 0 && v.Turn <= b+s.p.Trust.Refuse {
		return reply(game.Reject, fmt.Sprintf("We reject: %s broke its word to us in turn %d; we will not deal with it before turn %d.",
			name, b, b+s.p.Trust.Refuse+1))
	}
	if s.p.Deals.Answer == AnswerByMove {
		for _, j := range d.Parties.Seats() {
			if j != me && s.mem.move[j] {
				return reply(game.Reject, fmt.Sprintf("We reject: we are not cooperating with %s this turn.", seatLabel(v, j)))
			}
		}
		return reply(game.Accept, fmt.Sprintf("We accept: we are cooperating with %s.", name))
	}
	if t := v.Seats[me].Trust[from]; t < s.p.Trust.Min {
		return reply(game.Reject, fmt.Sprintf("We reject: we do not trust %s enough (trust %.0f).", name, t))
	}
	a := s.appraise(v, d)
	if a.value >= s.p.Deals.Accept {
		return reply(game.Accept, s.acceptWhy(v, d, &a))
	}
	if a.value >= 0 && s.meetsDemand(v, d, from) {
		return reply(game.Accept, "We accept: it meets our demand.")
	}
	if s.p.Deals.Counter {
		if pr, ok := s.counter(v, d, promised, a.value); ok {
			c := game.Command{Kind: game.CmdRespond, Seat: s.k.seatID, Deal: d.ID, Answer: game.Counter, Proposal: pr}
			return c, pr.Note
		}
	}
	return reply(game.Reject, s.rejectWhy(v, d, &a))
}

// appraisal is what a deal is worth to the seat, in points, and why.
type appraisal struct {
	value   float64
	gain    float64 // what the others' commitments are worth to it
	cost    float64 // what its own commitments cost it
	capital float64 // the political capital they cost, weighed
	held    float64 // what it holds against the proposer for past breaches
	served  *cond   // an objective the deal meets that it did not before
	// settles: the deal would end the game; then ends and on are the
	// points the seat expects if it ends after this turn and if the game
	// plays on without it, and gain and cost are not used.
	settles  bool
	ends, on float64
}

// appraise values a deal by judging three hypothetical turns: without
// it, with only the others' commitments, and with both sides'. Easy
// judges them from the present indicators; normal and hard with the
// engine's forecast.
func (s *Scripted) appraise(v *game.View, d *game.Deal) appraisal {
	a := s.appraiseAt(v, d, s.dealHorizon(v))
	if s.d == Hard {
		a.value = s.hardValue(v, d, &a) // played out to the end: see dealsearch.go
	}
	return a
}

// appraiseAt appraises a deal looking turns ahead (0: from the present
// indicators, as easy does; also the cheap first pass over proposals).
func (s *Scripted) appraiseAt(v *game.View, d *game.Deal, turns int) appraisal {
	me := s.k.me
	base := clampTo(s.ruleOrders(v), me, s.keptDeals(v, game.Policy{}))
	others0 := s.expected(v)
	othersW := slices.Clone(others0)
	mineW := base
	for i := range d.Clauses {
		c := &d.Clauses[i]
		if c.Actor == me {
			c.Keep(&mineW)
		} else {
			c.Keep(&othersW[c.Actor])
		}
	}
	pacts0 := s.pacts(v)
	pactsW := pacts0
	if d.Duration >= v.Scenario.Turns-v.Turn+1 {
		p := *pacts0
		for _, j := range d.Parties.Without(me).Seats() {
			p[me], p[j] = p[me].With(j), p[j].With(me)
		}
		pactsW = &p
	}
	w0 := &world{others: others0, pacts: pacts0}
	w1 := &world{others: othersW, pacts: pactsW}
	u0 := s.judge(v, w0, &base, turns)
	u1 := s.judge(v, w1, &base, turns)
	u2 := s.judge(v, w1, &mineW, turns)
	var a appraisal
	a.gain = u1 - u0
	a.cost = (u1 - u2 + s.p.Weights.Rule*s.distance(&mineW, &base)) * s.p.Deals.Give
	a.capital = v.Scenario.Rules.ConcessionCapital * float64(s.myClauses(d)) * s.p.Weights.Capital
	if d.Proposer != me {
		a.held = s.p.Trust.Breach * s.mem.held[d.Proposer]
	}
	a.value = a.gain - a.cost - a.capital - a.held
	if s.k.ps.Settles(d) {
		// A settlement ends the game and freezes the scores: what counts
		// is the points it leaves the seat with against the points of
		// playing on, not a few turns of indicators.
		a.settles = true
		a.ends = s.points(v, w1, &mineW, 1)
		// Rejecting it plays on without it; a deal one clause short would
		// play on with its clauses kept. Settling must beat both: gain on
		// the first, and lose nothing against the second.
		rest := v.Scenario.Turns - v.Turn + 1
		without := s.points(v, w0, &base, rest)
		a.on = max(without, s.points(v, w1, &mineW, rest))
		a.value = (a.ends-without)*s.p.Weights.Objectives - a.capital - a.held
		// The forecast grows less sure the further it looks, so ending
		// early must beat playing on by a margin that grows with the
		// turns given up: a point a turn.
		margin := float64(rest - 1)
		if a.ends < a.on+margin {
			a.value = min(a.value, (a.ends-a.on-margin)*s.p.Weights.Objectives)
		}
	}
	// The objective the deal serves, for the explanation.
	var ind [game.MaxSeats][game.MaxIndicators]float64
	for j := range v.Seats {
		ind[j] = v.Seats[j].Ind
	}
	pols := slices.Clone(othersW)
	pols[me] = mineW
	with := game.Position{Ind: &ind, World: &v.World, Policy: pols, Pacts: pactsW}
	without := game.Position{Ind: &ind, World: &v.World, Policy: others0, Pacts: pacts0}
	saved := others0[me]
	others0[me] = base
	conds := s.conds(v)
	for i := range conds {
		if conds[i].holds(&with) && !conds[i].holds(&without) {
			a.served = &conds[i]
			break
		}
	}
	others0[me] = saved
	return a
}

func (s *Scripted) acceptWhy(v *game.View, d *game.Deal, a *appraisal) string {
	switch {
	case a.settles:
		return fmt.Sprintf("We accept: it settles the game, and ending now leaves us %.0f points against %.0f by playing on.", a.ends, a.on)
	case a.served != nil && !a.served.secret:
		return fmt.Sprintf("We accept: it meets our aim to %s.", firstPerson(a.served.short()))
	case s.myClauses(d) == 0:
		return "We accept: it asks nothing of us and helps us."
	case s.clausesText(v, d, false) == "nothing":
		return fmt.Sprintf("We accept: we would keep to %s anyway.", s.clausesText(v, d, true))
	}
	return fmt.Sprintf("We accept: %s is worth more to us than %s.", s.clausesText(v, d, false), s.clausesText(v, d, true))
}

func (s *Scripted) rejectWhy(v *game.View, d *game.Deal, a *appraisal) string {
	from := seatLabel(v, d.Proposer)
	switch {
	case a.settles && a.on > a.ends:
		return fmt.Sprintf("We reject: it would end the game, and playing on is worth more to us (%.0f points against %.0f).", a.on, a.ends)
	case a.held > 0 && a.value+a.held >= s.p.Deals.Accept:
		return fmt.Sprintf("We reject: %s has broken %d deals we know of.", from, v.Seats[d.Proposer].Breaches)
	case s.myClauses(d) > 0 && a.cost+a.capital > 0:
		return fmt.Sprintf("We reject: %s is worth more to us than %s.", s.clausesText(v, d, true), s.clausesText(v, d, false))
	}
	return fmt.Sprintf("We reject: it gains us too little (%.1f points).", a.value)
}

// clausesText names the levers of the deal's clauses held by the seat
// (mine) or by the others: "our tariff towards PRC at most 10%" or "PRC's
// rare-earth licensing towards us at least as open as general".
func (s *Scripted) clausesText(v *game.View, d *game.Deal, mine bool) string {
	return s.phrase(v, d, -1, func(c *game.Clause) bool { return (c.Actor == s.k.me) == mine })
}

// phrase names the clauses of d that keep accepts, in the seat's words:
// its own levers are "our", seat to's (if to is a seat) "your", others'
// by name; the same clause said twice is said once.
func (s *Scripted) phrase(v *game.View, d *game.Deal, to int, keep func(*game.Clause) bool) string {
	var parts []string
	for i := range d.Clauses {
		c := &d.Clauses[i]
		if !keep(c) {
			continue
		}
		lv := &s.k.ps.Levers[c.Lever]
		var who string
		switch c.Actor {
		case s.k.me:
			who = "our"
		case to:
			who = "your"
		default:
			who = seatLabel(v, c.Actor) + "'s"
		}
		t := who + " " + strings.ToLower(lv.Name)
		if lv.Scope == game.ScopeEach {
			switch c.Target {
			case s.k.me:
				t += " towards us"
			case to:
				t += " towards you"
			default:
				t += " towards " + seatLabel(v, c.Target)
			}
		}
		t += " " + s.k.ps.BoundText(*c)
		if !slices.Contains(parts, t) {
			parts = append(parts, t)
		}
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, " and ")
}

// seatLabel is how a reason names a seat: a short id in capitals (US,
// PRC, EU), otherwise the seat's name (Japan, Australia).
func seatLabel(v *game.View, i int) string {
	id := v.Seats[i].ID
	if len(id) <= 3 {
		return strings.ToUpper(id)
	}
	return v.Seats[i].Name
}

// clash returns a deal among promised (or d itself) that d contradicts: one whose
// clauses no orders of the seat can keep together with d's this turn.
// The seat accepts only what it can keep.
func (s *Scripted) clash(v *game.View, d *game.Deal, promised []*game.Deal) *game.Deal {
	me := s.k.me
	for _, p := range append(promised[:len(promised):len(promised)], d) {
		for i := range d.Clauses {
			a := &d.Clauses[i]
			if a.Actor != me {
				continue
			}
			for k := range p.Clauses {
				b := &p.Clauses[k]
				if b.Actor != me || b.Lever != a.Lever || b.Slot != a.Slot {
					continue
				}
				lo, hi := 0, len(v.Scenario.Levers[a.Lever].Levels)-1
				for _, c := range [2]*game.Clause{a, b} {
					if c.Bound == game.AtMost {
						hi = min(hi, c.Level)
					} else {
						lo = max(lo, c.Level)
					}
				}
				if lo > hi {
					return p
				}
			}
		}
	}
	return nil
}

// others names the parties of d other than the seat.
func (s *Scripted) others(v *game.View, d *game.Deal) []string {
	var out []string
	for _, j := range d.Parties.Seats() {
		if j != s.k.me {
			out = append(out, seatLabel(v, j))
		}
	}
	return out
}

// meetsDemand reports whether deal d gives what the seat demands of
// seat j (see demand): a seat that states a demand takes it when it is
// offered, even when it would not count the gain enough for an ordinary
// bargain.
func (s *Scripted) meetsDemand(v *game.View, d *game.Deal, j int) bool {
	pressed := s.mem.move[j] && !s.mem.appease[j]
	if !pressed && !s.coerced(v, j) {
		return false
	}
	o, ok := s.demand(v, j, false)
	if !ok {
		return false
	}
	for _, want := range o.deal.Clauses {
		if want.Actor != j {
			continue
		}
		if !slices.ContainsFunc(d.Clauses, func(c game.Clause) bool {
			return c.Actor == j && c.Lever == want.Lever && c.Slot == want.Slot && c.Bound == want.Bound &&
				(c.Bound == game.AtMost && c.Level <= want.Level || c.Bound == game.AtLeast && c.Level >= want.Level)
		}) {
			return false
		}
	}
	return true
}
