package ai

import (
	"fmt"

	"github.com/chokepoint-game/chokepoint/game"
)

// ruleOrders is what the personality's rules alone make of this turn:
// each coercive or trade lever moved by the move towards its target, the
// spending levers by the invest rule, and, where its weights care for
// objectives, the seat's own lever objectives met (normal and hard) or
// easy's rules of thumb applied. Deals are not applied here.
func (s *Scripted) ruleOrders(v *game.View) game.Policy {
	me := s.k.me
	pol := v.Seats[me].Policy
	defectAll := s.defectsMostly()
	short := s.k.coverage >= 0 && v.Seats[me].Ind[s.k.coverage] < 90
	for i := range s.k.levers {
		li := &s.k.levers[i]
		for _, slot := range li.slots {
			cur := int(pol[li.l][slot])
			lv := cur
			switch {
			case li.hostile:
				d := defectAll
				if li.scope == game.ScopeEach {
					d = s.mem.move[slot]
				}
				step := s.p.Moves.Cooperate
				if d {
					step = s.p.Moves.Defect
				}
				lv = applyStep(step, cur, li.levels)
			case li.spend:
				switch s.p.Invest {
				case InvestNever:
					lv = 0
				case InvestWhenShort:
					if short && li.kind != "price-floor" {
						lv = spendMore(cur, li.levels)
					}
				}
			}
			pol[li.l][slot] = uint8(max(lv, 0))
		}
	}
	// An objective on a lever of the seat's own is met by setting the
	// lever, at normal and hard. Easy leaves its levers to its move rule
	// and its rules of thumb (easy.go).
	if s.p.Weights.Objectives > 0 && s.d > Easy {
		for _, c := range s.k.mine(v) {
			if c.Kind == game.CondLever && c.Seat == me {
				pol[c.Lever][c.Slot] = uint8(c.Satisfying(int(pol[c.Lever][c.Slot])))
			}
		}
	}
	if s.d == Easy {
		s.easyRules(v, &pol)
	}
	return pol
}

// defectsMostly: a world-wide lever (the extraterritorial rule,
// flooding) defects when the seat defects towards at least half of the
// others.
func (s *Scripted) defectsMostly() bool {
	d, n := 0, 0
	for j, mv := range s.mem.move {
		if j == s.k.me {
			continue
		}
		n++
		if mv {
			d++
		}
	}
	return n > 0 && 2*d >= n
}

func applyStep(step string, cur, levels int) int {
	switch step {
	case StepMildest:
		return 0
	case StepMilder:
		return max(cur-1, 0)
	case StepStronger:
		return min(cur+1, levels-1)
	case StepStrongest:
		return levels - 1
	}
	return cur
}

// orders decides and submits the turn's orders, with the reason.
func (s *Scripted) orders(v *game.View) []game.Command {
	base := s.ruleOrders(v)
	keep := s.keptDeals(v, base)
	pol := clampTo(base, s.k.me, keep)
	why := s.ordersReason(v, base, pol)
	if s.d > Easy && s.p.Moves.LookAhead {
		var better bool
		pol, why, better = s.lookAhead(v, base, pol, keep)
		if !better {
			why = s.ordersReason(v, base, pol)
		}
		if s.d == Hard {
			var held string
			if pol, held = s.holdChips(v, pol, keep); held != "" {
				why = held
			}
		}
	}
	s.reasons = append(s.reasons, why)
	return []game.Command{{Kind: game.CmdSubmit, Seat: s.k.seatID, Orders: s.diff(v, pol)}}
}

// diff writes the orders that take the seat from its present orders to
// pol, lever by lever and target by target, in scenario order.
func (s *Scripted) diff(v *game.View, pol game.Policy) []game.Order {
	me := s.k.me
	cur := v.Seats[me].Policy
	if o := v.Seats[me].Orders; o != nil {
		cur = *o
	}
	var out []game.Order
	for i := range s.k.levers {
		li := &s.k.levers[i]
		for _, slot := range li.slots {
			if pol[li.l][slot] == cur[li.l][slot] {
				continue
			}
			o := game.Order{Lever: li.id, Level: s.k.ps.Levers[li.l].Levels[pol[li.l][slot]].ID}
			if li.scope == game.ScopeEach {
				o.Towards = s.k.ps.Seats[slot].ID
			}
			out = append(out, o)
		}
	}
	return out
}

// ordersReason says in one line what the rules did: which seats it
// cooperates or defects with, and which deals it keeps or breaks.
func (s *Scripted) ordersReason(v *game.View, base, pol game.Policy) string {
	me := s.k.me
	var coop, defect []string
	for j := range v.Seats {
		if j == me || len(s.k.against[j]) == 0 && !s.reaches(j) {
			continue
		}
		if s.mem.move[j] {
			defect = append(defect, v.Seats[j].ID)
		} else {
			coop = append(coop, v.Seats[j].ID)
		}
	}
	broken := s.breaking(v, pol)
	switch {
	case len(broken) > 0:
		return fmt.Sprintf("We break our deal with %s: keeping it is worth less to us than what we gain.", joinIDs(broken))
	case len(defect) > 0 && len(coop) == 0:
		return fmt.Sprintf("We press %s: %s.", joinIDs(defect), s.defectWhy())
	case len(defect) > 0:
		return fmt.Sprintf("We press %s and hold out a hand to %s.", joinIDs(defect), joinIDs(coop))
	case pol == v.Seats[me].Policy:
		return "We keep our policy as it is."
	}
	return fmt.Sprintf("We %s towards %s.", s.coopVerb(), joinIDs(coop))
}

// reaches reports whether the seat has a coercive or trade lever aimed at j.
func (s *Scripted) reaches(j int) bool {
	for i := range s.k.levers {
		if s.k.levers[i].hostile && hasSlot(s.k.levers[i].slots, j) {
			return true
		}
	}
	return false
}

func (s *Scripted) defectWhy() string {
	switch s.p.Moves.Rule {
	case RuleAlwaysDefect:
		return "we never give ground"
	case RuleTitForTat, RuleGenerousTitForTat:
		return "we answer what was done to us last turn"
	case RuleGrimTrigger:
		return "once crossed, we do not forget"
	case RuleWinStayLoseShift:
		return "last turn's result tells us to change course"
	case RuleRandom:
		return "so the coin fell"
	}
	return "they are rivals or coerced us"
}

func (s *Scripted) coopVerb() string {
	switch s.p.Moves.Cooperate {
	case StepMildest:
		return "lower every barrier"
	case StepMilder:
		return "ease our measures a step"
	}
	return "hold steady"
}

func joinIDs(ids []string) string {
	switch len(ids) {
	case 0:
		return "no one"
	case 1:
		return ids[0]
	}
	out := ""
	for i, id := range ids {
		switch {
		case i == 0:
		case i == len(ids)-1:
			out += " and "
		default:
			out += ", "
		}
		out += id
	}
	return out
}

// spendMore is a spending level one above cur, short of the costliest
// (never lower than cur): the step of the when-short rule.
func spendMore(cur, levels int) int { return max(cur, min(cur+1, levels-2)) }
