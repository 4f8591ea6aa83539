package ai

import (
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// clampTo moves actor's policy inside every clause it holds in deals.
func clampTo(pol game.Policy, actor int, deals []*game.Deal) game.Policy {
	for _, d := range deals {
		for i := range d.Clauses {
			if d.Clauses[i].Actor == actor {
				d.Clauses[i].Keep(&pol)
			}
		}
	}
	return pol
}

// binding lists the deals in force this seat is party to that bind this
// turn's orders.
func (s *Scripted) binding(v *game.View) []*game.Deal {
	var out []*game.Deal
	for i := range v.Deals {
		d := &v.Deals[i]
		if d.Party(s.k.me) && d.Binds(v.Turn) {
			out = append(out, d)
		}
	}
	return out
}

// keptDeals are the binding deals the personality means to keep this
// turn before any look-ahead: all of them, those with seats it
// cooperates with, or none. A seat that weighs each deal keeps them all
// here and lets the look-ahead price breaking them.
func (s *Scripted) keptDeals(v *game.View, _ game.Policy) []*game.Deal {
	var out []*game.Deal
	for _, d := range s.binding(v) {
		keep := true
		switch {
		case fresh(v, d):
			// Accepted this turn: it was weighed with these orders in
			// mind, and a seat that breaks its word the day it gives it
			// is not negotiating at all.
		case s.p.Deals.Keep == KeepNever:
			keep = false
		case s.p.Deals.Keep == KeepByMove:
			keep = s.cooperatesWithAll(d)
		case s.p.Deals.Keep == KeepWhenWorthIt:
			if s.d == Easy || !s.p.Moves.LookAhead {
				keep = s.cooperatesWithAll(d)
			}
		}
		if keep {
			out = append(out, d)
		}
	}
	return out
}

// fresh reports whether deal d came into force this turn: the seat
// accepted or proposed it in this turn's negotiation.
func fresh(v *game.View, d *game.Deal) bool { return d.Start == v.Turn }

// freshDeals are the binding deals that came into force this turn: kept
// whatever the look-ahead would rather do.
func (s *Scripted) freshDeals(v *game.View) []*game.Deal {
	var out []*game.Deal
	for _, d := range s.binding(v) {
		if fresh(v, d) {
			out = append(out, d)
		}
	}
	return out
}

func (s *Scripted) cooperatesWithAll(d *game.Deal) bool {
	for _, j := range d.Parties.Seats() {
		if j != s.k.me && s.mem.move[j] {
			return false
		}
	}
	return true
}

// breaking lists the other parties of the binding deals pol breaks.
func (s *Scripted) breaking(v *game.View, pol game.Policy) []string {
	var out []string
	for _, d := range s.binding(v) {
		if s.breaks(d, &pol) {
			for _, j := range d.Parties.Seats() {
				if j != s.k.me {
					out = append(out, v.Seats[j].ID)
				}
			}
		}
	}
	return out
}

// brokenText names the clauses of the seat's binding deals that pol
// breaks, as a player reads them.
func (s *Scripted) brokenText(v *game.View, pol *game.Policy) string {
	var parts []string
	for _, d := range s.binding(v) {
		for i := range d.Clauses {
			c := &d.Clauses[i]
			if c.Actor == s.k.me && !c.Kept(pol) {
				one := game.Deal{Clauses: []game.Clause{*c}}
				parts = append(parts, s.clausesText(v, &one, true))
			}
		}
	}
	return strings.Join(parts, "; ")
}

// breakVoice is how the personality owns up to breaking its word to
// whom: the reason it would give, in its own manner.
func (s *Scripted) breakVoice(whom string) string {
	switch {
	case s.p.Deals.Keep == KeepNever:
		return "we never meant to hold to it"
	case s.p.Coercion == CoercionRetaliate:
		return "our interests come before a promise to " + whom + ", and we will answer whatever they do"
	case s.p.Deals.Give > 1:
		return "holding to it costs us more than " + whom + " ever gave us"
	case s.p.Coercion == CoercionYield:
		return "we regret it, and will make it up to " + whom
	}
	return "keeping our word to " + whom + " no longer pays what it costs us in trust"
}

func (s *Scripted) breaks(d *game.Deal, pol *game.Policy) bool {
	for i := range d.Clauses {
		c := &d.Clauses[i]
		if c.Actor == s.k.me && !c.Kept(pol) {
			return true
		}
	}
	return false
}

// expected is what the seat expects of every other seat this turn: its
// policy in force, inside the deals binding it unless it is known to
// have broken deals before.
func (s *Scripted) expected(v *game.View) []game.Policy {
	out := make([]game.Policy, len(v.Seats))
	for j := range v.Seats {
		out[j] = v.Seats[j].Policy
	}
	for i := range v.Deals {
		d := &v.Deals[i]
		if !d.Binds(v.Turn) {
			continue
		}
		for c := range d.Clauses {
			a := d.Clauses[c].Actor
			if a != s.k.me && v.Seats[a].Breaches == 0 {
				d.Clauses[c].Keep(&out[a])
			}
		}
	}
	return out
}

// pacts is who the seat knows to have a deal in force with whom.
func (s *Scripted) pacts(v *game.View) *[game.MaxSeats]game.SeatSet {
	p := game.PactsOf(v.Deals)
	return &p
}

// myClauses counts the clauses of d that bind this seat.
func (s *Scripted) myClauses(d *game.Deal) int { return d.ClausesOf(s.k.me) }
