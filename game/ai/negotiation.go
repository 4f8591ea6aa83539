package ai

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// negotiate answers every proposal awaiting the seat, makes its own
// proposals once a turn, and says it is ready, so that the round never
// waits for it.
func (s *Scripted) negotiate(v *game.View) []game.Command {
	me := s.k.me
	var out []game.Command
	capital := v.Seats[me].Ind[game.Capital]
	cost := v.Scenario.Rules.ConcessionCapital
	for i := range v.Deals {
		d := &v.Deals[i]
		if !d.Awaits(me) {
			continue
		}
		c, why := s.answer(v, d, capital)
		if c.Answer == game.Accept {
			capital -= cost * float64(s.myClauses(d))
		}
		out = append(out, c)
		s.reasons = append(s.reasons, why)
	}
	if s.p.Deals.Propose && s.mem.proposedTurn != v.Turn && (capital > 0 || cost == 0) {
		s.mem.proposedTurn = v.Turn
		for _, pr := range s.proposals(v) {
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
func (s *Scripted) answer(v *game.View, d *game.Deal, capital float64) (game.Command, string) {
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
	if s.p.Deals.Counter {
		if pr, ok := s.counter(v, d); ok {
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
}

// appraise values a deal by judging three hypothetical turns: without
// it, with only the others' commitments, and with both sides'. Easy
// judges them from the present indicators; normal and hard with the
// engine's forecast.
func (s *Scripted) appraise(v *game.View, d *game.Deal) appraisal {
	return s.appraiseAt(v, d, s.horizon(v))
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
	case a.served != nil:
		return fmt.Sprintf("We accept: it meets our aim to %s.", a.served.short())
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
	var parts []string
	for _, c := range d.Clauses {
		if (c.Actor == s.k.me) != mine {
			continue
		}
		lv := &s.k.ps.Levers[c.Lever]
		who := "our"
		if !mine {
			who = seatLabel(v, c.Actor) + "'s"
		}
		t := who + " " + strings.ToLower(lv.Name)
		if lv.Scope == game.ScopeEach {
			if c.Target == s.k.me {
				t += " towards us"
			} else {
				t += " towards " + seatLabel(v, c.Target)
			}
		}
		bound := lv.AtMost
		if c.Bound == game.AtLeast {
			bound = lv.AtLeast
		}
		t += " " + bound + " " + lv.Levels[c.Level].ID
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
