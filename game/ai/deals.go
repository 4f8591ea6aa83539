package ai

import (
	"github.com/chokepoint-game/chokepoint/game"
)

// slotOf is the policy slot a clause bounds.
func (k *knowledge) slotOf(c *game.Clause) int {
	if k.sc.LeverScope(c.Lever) == game.ScopeEach {
		return c.Target
	}
	return 0
}

// kept reports whether a policy keeps a clause.
func (k *knowledge) kept(pol *game.Policy, c *game.Clause) bool {
	lv := int(pol[c.Lever][k.slotOf(c)])
	if c.Kind.Ceiling() {
		return lv <= c.Level
	}
	return lv >= c.Level
}

// clampTo moves actor's policy inside every clause it holds in deals.
func clampTo(pol game.Policy, actor int, deals []*game.Deal) game.Policy {
	for _, d := range deals {
		for i := range d.Clauses {
			if d.Clauses[i].Actor == actor {
				clampClause(&pol, &d.Clauses[i])
			}
		}
	}
	return pol
}

func clampClause(pol *game.Policy, c *game.Clause) {
	// Levers of scope all or self keep their level in slot 0; the engine
	// sets such a clause's target to its actor, so the target slot is only
	// right for each-scoped levers. Both are bounded: the unused slot of a
	// world-wide lever is never read.
	for _, slot := range [2]int{c.Target, 0} {
		lv := int(pol[c.Lever][slot])
		if c.Kind.Ceiling() {
			lv = min(lv, c.Level)
		} else {
			lv = max(lv, c.Level)
		}
		pol[c.Lever][slot] = uint8(lv)
	}
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
		if c.Actor == s.k.me && !s.k.kept(pol, c) {
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
				clampClause(&out[a], &d.Clauses[c])
			}
		}
	}
	return out
}

// dealsWith is the set of seats this seat has a deal in force with.
func (s *Scripted) dealsWith(v *game.View) game.SeatSet {
	var set game.SeatSet
	for i := range v.Deals {
		d := &v.Deals[i]
		if d.Status == game.InForce && d.Party(s.k.me) {
			set |= d.Parties.Without(s.k.me)
		}
	}
	return set
}

// myClauses counts the clauses of d that bind this seat.
func (s *Scripted) myClauses(d *game.Deal) int {
	n := 0
	for _, c := range d.Clauses {
		if c.Actor == s.k.me {
			n++
		}
	}
	return n
}
