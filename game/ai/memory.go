package ai

import "github.com/chokepoint-game/chokepoint/game"

// memory is what a scripted player has learned from its views so far in
// one game. It is updated once per turn, at the first view of the turn:
// the policies then in force are the last resolution's, which is how each
// seat's last move shows.
type memory struct {
	turn int // the turn last observed; 0 before the first
	// prev holds each seat's levels, through the slots that reach this
	// seat, as last observed: a rise is a defection too.
	prev [][]uint8
	// start holds the same levels at the first observation, the game's
	// opening positions; rose marks the seats that raised one of them at
	// their last move.
	start [][]uint8
	rose  []bool
	// breaches is each seat's breaches this seat knew of at the last
	// observation; held is what it still holds against each seat, which
	// forgiveness wears down.
	breaches []int
	held     []float64
	// defected is each seat's last move towards this seat; move is this
	// seat's move towards each seat this turn (true: defect).
	defected []bool
	move     []bool
	// mine is this seat's own last move towards each seat (win-stay-
	// lose-shift compares the two).
	mine []bool
	// grudge marks seats it retaliates against; triggered marks seats a
	// grim trigger has given up on.
	grudge    []bool
	triggered []bool
	// appease marks coercers a yielding seat wants to offer a deal.
	appease []bool
	// broke is the last turn each seat broke a deal this seat knows of
	// (its own deals and public ones), 0 for never: the refusal window
	// runs from it.
	broke []int
	// histTheirs[j] and histMine[j] are seat j's moves towards this seat
	// and this seat's towards j, turn by turn, oldest first: what the
	// beliefs are fitted to. ownPol is this seat's policy in force at the
	// last observation.
	histTheirs, histMine [][]bool
	ownPol               game.Policy
	// rejected is the turn each seat last turned down its proposal.
	rejected []int
	// proposedTurn is the turn it last made proposals in: once a turn.
	proposedTurn int
	// seenDeals remembers its rejected proposals already counted.
	seenDeals map[int]bool
	// heard is how many of the view's messages of heardTurn it has
	// read; replies counts its replies to each seat in that turn.
	heardTurn, heard int
	replies          []int
	// conds are the objectives the seat holds, compiled at condsTurn.
	conds     []cond
	condsTurn int
}

func (m *memory) init(n int) {
	m.prev = make([][]uint8, n)
	m.start = make([][]uint8, n)
	m.rose = make([]bool, n)
	m.breaches = make([]int, n)
	m.held = make([]float64, n)
	m.defected = make([]bool, n)
	m.move = make([]bool, n)
	m.mine = make([]bool, n)
	m.grudge = make([]bool, n)
	m.triggered = make([]bool, n)
	m.appease = make([]bool, n)
	m.rejected = make([]int, n)
	m.broke = make([]int, n)
	m.histTheirs = make([][]bool, n)
	m.histMine = make([][]bool, n)
	m.seenDeals = map[int]bool{}
	m.replies = make([]int, n)
}

// observe updates the memory at the first view of a turn: each seat's
// last move, breaches, grudges, rejected proposals; then this turn's moves.
func (s *Scripted) observe(v *game.View) {
	m := &s.mem
	for i := range v.Deals {
		d := &v.Deals[i]
		if d.Proposer == s.k.me && d.Status == game.Rejected && !m.seenDeals[d.ID] {
			m.seenDeals[d.ID] = true
			for _, j := range d.Parties.Seats() {
				if d.Answers[j] == game.Reject {
					m.rejected[j] = d.Proposed
				}
			}
		}
	}
	if v.Turn == m.turn {
		return
	}
	first := m.turn == 0
	m.turn = v.Turn
	me := s.k.me
	f := s.p.Forgiveness
	for j := range v.Seats {
		if j == me {
			continue
		}
		levels := s.levelsAgainst(v, j)
		if first {
			m.start[j] = levels
		}
		defected := false
		m.rose[j] = false
		for n, r := range s.k.against[j] {
			lv := levels[n]
			if r.coercive >= 0 && int(lv) >= r.coercive {
				defected = true
			}
			if !first && n < len(m.prev[j]) && lv > m.prev[j][n] {
				defected = true
				m.rose[j] = true
			}
		}
		m.prev[j] = levels
		nb := v.Seats[j].Breaches
		fresh := nb - m.breaches[j]
		if fresh > 0 {
			// Breaches are found at resolution, so the last one was at the
			// end of the last turn at the latest.
			defected = true
			m.broke[j] = v.Turn - 1
		}
		m.breaches[j] = nb
		m.held[j] = m.held[j]*(1-f) + float64(max(fresh, 0))
		m.defected[j] = defected
		if !first {
			m.histTheirs[j] = append(m.histTheirs[j], defected)
			m.histMine[j] = append(m.histMine[j], s.defectsFrom(&m.ownPol, &v.Seats[me].Policy, j))
		}
		m.mine[j] = m.move[j] // what it chose last turn, before this turn's choice
		switch s.p.Coercion {
		case CoercionRetaliate:
			if defected {
				m.grudge[j] = true
			} else if m.grudge[j] && s.rng.Float64() < f {
				m.grudge[j] = false
			}
		case CoercionYield:
			m.appease[j] = defected
		}
		if defected {
			m.triggered[j] = true
		}
	}
	m.ownPol = v.Seats[me].Policy
	if s.believes() {
		for j := range v.Seats {
			if j != me {
				s.beliefs[j] = s.believe(j)
			}
		}
	}
	for j := range v.Seats {
		if j != me {
			m.move[j] = s.decideMove(v, j)
		}
	}
}

// levelsAgainst reads seat j's levels through the slots that reach this
// seat, from the policy in force.
func (s *Scripted) levelsAgainst(v *game.View, j int) []uint8 {
	refs := s.k.against[j]
	out := make([]uint8, len(refs))
	for n, r := range refs {
		out[n] = v.Seats[j].Policy[r.l][r.slot]
	}
	return out
}

func hasSlot(slots []int, j int) bool {
	for _, s := range slots {
		if s == j {
			return true
		}
	}
	return false
}

// decideMove applies the personality's move rule towards seat j: true
// is a defection.
func (s *Scripted) decideMove(v *game.View, j int) bool {
	m := &s.mem
	p := s.p
	opening := !p.opensCooperating()
	var d bool
	switch p.Moves.Rule {
	case RuleAlwaysCooperate:
		d = false
	case RuleAlwaysDefect:
		d = true
	case RuleTitForTat:
		d = opening
		if v.Turn > 1 {
			d = m.defected[j]
		}
	case RuleGrimTrigger:
		d = opening || v.Turn > 1 && m.triggered[j]
	case RuleWinStayLoseShift:
		// Pavlov: stay after a reward or a temptation, shift after a
		// punishment or a sucker's payoff. In moves: cooperate exactly
		// when both sides made the same move last turn.
		d = opening
		if v.Turn > 1 {
			d = m.mine[j] != m.defected[j]
		}
	case RuleGenerousTitForTat:
		d = opening
		if v.Turn > 1 && m.defected[j] {
			d = s.rng.Float64() >= p.Moves.Generosity
		} else if v.Turn > 1 {
			d = false
		}
	case RuleRandom:
		d = s.rng.Float64() >= p.Moves.Generosity
	case RuleWary:
		d = v.Seats[s.k.me].Trust[j] < p.Moves.Rival || m.defected[j]
	}
	switch p.Coercion {
	case CoercionRetaliate:
		if m.grudge[j] {
			d = true
		}
	case CoercionYield:
		if m.appease[j] {
			d = false
		}
	}
	return d
}
