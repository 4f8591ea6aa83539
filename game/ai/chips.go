package ai

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// holdChips keeps the seat from giving away what it can bargain with.
// A level of the seat's own lever that meets another seat's public
// objective (the PRC's licences to the US, the US tariff on the PRC) is
// the price of a deal, not a gift: while that other seat leaves one of
// this seat's own objectives on its levers unmet, and no deal the seat
// keeps with it asks for the level, the seat holds it one step short of
// what the other wants (taking it back once a deal that paid for it has
// ended).
//
// It returns the orders and, when it held something back, why (else "").
func (s *Scripted) holdChips(v *game.View, pol game.Policy, keep []*game.Deal) (game.Policy, string) {
	me := s.k.me
	now := s.now(v)
	mine := s.k.mine(v)
	var held []string
	for j := range v.Seats {
		if j == me || slices.ContainsFunc(keep, func(d *game.Deal) bool { return d.Party(j) }) {
			continue
		}
		want := slices.IndexFunc(mine, func(c cond) bool {
			return c.Kind == game.CondLever && c.Seat == j && !c.holds(&now)
		})
		if want < 0 {
			continue
		}
		after := now
		after.Policy = slices.Clone(now.Policy)
		after.Policy[me] = pol
		for i := range s.k.public[j] {
			c := &s.k.public[j][i]
			if c.Kind != game.CondLever || c.Seat != me || !c.holds(&after) {
				continue
			}
			n := len(s.k.ps.Levers[c.Lever].Levels)
			lv := c.Level + 1
			if c.AtLeast {
				lv = c.Level - 1
			}
			if lv < 0 || lv >= n {
				continue
			}
			prev := pol[c.Lever][c.Slot]
			pol[c.Lever][c.Slot] = uint8(lv)
			if !keeps(keep, me, c.Lever, c.Slot, &pol) {
				// A deal with a third seat binds this level: its word
				// comes before the bargain.
				pol[c.Lever][c.Slot] = prev
				continue
			}
			w := &mine[want]
			verb := "eases"
			if w.AtLeast {
				verb = "raises"
			}
			held = append(held, fmt.Sprintf("%s on %s at %s until %s %s its %s",
				lowerFirst(s.k.ps.Levers[c.Lever].Name), seatLabel(v, j), s.k.ps.LevelText(c.Lever, lv),
				seatLabel(v, j), verb, lowerFirst(s.k.ps.Levers[w.Lever].Name)))
		}
	}
	if len(held) == 0 {
		return pol, ""
	}
	return pol, "We hold " + strings.Join(held, ", and ") + ": it is the price of a deal, not a gift."
}

// keeps reports whether the seat's orders pol keep every clause, of the
// deals it keeps, that binds its lever l on slot.
func keeps(keep []*game.Deal, me, l, slot int, pol *game.Policy) bool {
	for _, d := range keep {
		for i := range d.Clauses {
			c := &d.Clauses[i]
			if c.Actor == me && c.Lever == l && c.Slot == slot && !c.Kept(pol) {
				return false
			}
		}
	}
	return true
}

// lowerFirst writes a name inside a sentence: its first letter in lower
// case, unless the name starts with an abbreviation (US, EU).
func lowerFirst(name string) string {
	if len(name) < 2 || name[1] >= 'A' && name[1] <= 'Z' {
		return name
	}
	return strings.ToLower(name[:1]) + name[1:]
}
