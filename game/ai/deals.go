package ai

import (
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
		switch s.p.Deals.Keep {
		case KeepNever:
			keep = false
		case KeepByMove:
			keep = s.cooperatesWithAll(d)
		case KeepWhenWorthIt:
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
