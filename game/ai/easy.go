package ai

import "github.com/chokepoint-game/chokepoint/game"

// Easy has no forecast. Left to its move rule alone, a seat whose aims
// are measured (its rare-earth coverage, the allies' resolve) rather than
// set on a lever of its own would never act on them, and the seats whose
// public aims are of that kind would be sure losers at easy. These rules
// of thumb are what a beginner reads off its brief instead: when the
// quantity an objective names falls short now, move by one step the lever
// the objective's own words point to, without weighing what else the
// move does. They look at the present only, so they come late and
// overshoot where the forecast would not; normal and hard find such moves
// with the forecast, so the rules are easy's alone and never change what
// the harder levels start from.
//
// What easy does not do is set a lever of its own to the level an
// objective names (in the shipped scenarios every such objective is
// secret): its move rule has the last word over its levers, so its orders
// do not give its secret away, and its secret aims it pursues only at the
// table, in what it asks for and accepts.

// easyRules applies the rules of thumb for the seat's objectives to pol,
// the orders its personality's rules made.
func (s *Scripted) easyRules(v *game.View, pol *game.Policy) {
	if s.p.Weights.Objectives <= 0 {
		return // a personality that does not play for objectives
	}
	me := s.k.me
	for _, c := range s.k.mine(v) {
		switch {
		case c.Kind == game.CondIndicator && c.Seat == me && c.AtLeast && int(c.Indicator) == s.k.coverage:
			// Short of the coverage it aims at: buy for a reserve, a
			// level more each turn until the aim is met, short of the
			// costliest level, as the when-short invest rule does.
			if v.Seats[me].Ind[c.Indicator] < c.Value {
				s.raiseKind(pol, "stockpile")
			}
		case c.Kind == game.CondWorld && !c.AtLeast && c.World == s.k.resolve:
			// Allied resolve above the level it wants: the allies answer
			// pressure, so it lifts every measure it presses them with.
			if v.World[c.World] > c.Value {
				s.liftCoercion(pol)
			}
		}
	}
}

// raiseKind raises the seat's own levers of a kind by one level, up to
// the one below their highest.
func (s *Scripted) raiseKind(pol *game.Policy, kind string) {
	for i := range s.k.levers {
		li := &s.k.levers[i]
		if li.kind != kind {
			continue
		}
		for _, slot := range li.slots {
			pol[li.l][slot] = uint8(spendMore(int(pol[li.l][slot]), li.levels))
		}
	}
}

// liftCoercion brings every coercive lever of the seat below its first
// coercive level.
func (s *Scripted) liftCoercion(pol *game.Policy) {
	for i := range s.k.levers {
		li := &s.k.levers[i]
		if li.coercive <= 0 {
			continue
		}
		for _, slot := range li.slots {
			pol[li.l][slot] = uint8(min(int(pol[li.l][slot]), li.coercive-1))
		}
	}
}
