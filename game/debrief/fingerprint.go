package debrief

import (
	"slices"

	"github.com/chokepoint-game/chokepoint/game"
)

// Fingerprint is how one seat played, read as an iterated game: each
// turn, each seat makes a move towards each other seat it can reach with
// a hostile lever, a cooperation or a defection (docs/report-format.md
// defines every term). Counts are of moves, one per other seat per turn.
type Fingerprint struct {
	Seat int
	// Cooperated: of all its moves, those that were cooperations.
	Cooperated Tally
	// Retaliated and Forgave: of the turns after another seat defected
	// towards it, those it defected back, and those it cooperated.
	Retaliated Tally
	Forgave    Tally
	// Exploited: of the turns another seat cooperated towards it, those
	// it defected towards that seat all the same.
	Exploited Tally
	// Breached: of the deals in force that bound it, those it broke.
	Breached Tally
}

// Tally is Count of Of, with the turns that show it.
type Tally struct {
	Count, Of int
	When      []Instance
}

// Instance is one turn that shows a behaviour, and the seats it was
// towards (the deal's other parties for a breach).
type Instance struct {
	Turn   int
	Others []int
}

// Rate is Count/Of, or 0 when there was no chance to show it.
func (t *Tally) Rate() float64 {
	if t.Of == 0 {
		return 0
	}
	return float64(t.Count) / float64(t.Of)
}

func (t *Tally) add(turn, other int) {
	t.Count++
	if n := len(t.When); n > 0 && t.When[n-1].Turn == turn {
		t.When[n-1].Others = append(t.When[n-1].Others, other)
		return
	}
	t.When = append(t.When, Instance{Turn: turn, Others: []int{other}})
}

// reach is one policy slot through which a seat's hostile lever reaches
// another seat.
type reach struct{ l, slot, coercive int }

// reaches lists, for each ordered pair of seats (i, j), the slots of
// i's hostile levers that reach j: the levers its move towards j is read
// from. It is the same reading the scripted players make of each other.
func reaches(ps *game.PublicScenario) [][][]reach {
	n := len(ps.Seats)
	out := make([][][]reach, n)
	for i := range n {
		out[i] = make([][]reach, n)
		for j := range n {
			if i == j {
				continue
			}
			for l := range ps.Levers {
				lv := &ps.Levers[l]
				if !lv.Hostile || !ps.MaySet(i, l) {
					continue
				}
				r := reach{l: l, coercive: lv.Coercive}
				if lv.Scope == game.ScopeEach {
					if !ps.MayTarget(i, l, j) {
						continue
					}
					r.slot = j
				}
				out[i][j] = append(out[i][j], r)
			}
		}
	}
	return out
}

// moves reads every seat's move towards every seat it reaches, turn by
// turn: defect[k][i][j] is set when seat i defected towards j in turn
// in.Turns[k+1].Turn. A seat defects when, after the turn's resolution,
// a hostile lever towards the other is at or past its coercive level, or
// higher than it was a turn before, or it broke a deal with the other
// that turn. It returns nil when the input lacks the policies.
func moves(in *Input, reach [][][]reach, broke map[[3]int]bool) [][][]bool {
	n := len(in.Final.Seats)
	if len(in.Turns) < 2 {
		return nil
	}
	for _, t := range in.Turns {
		if len(t.Policy) != n {
			return nil
		}
	}
	out := make([][][]bool, len(in.Turns)-1)
	for k := range out {
		prev, now := in.Turns[k].Policy, in.Turns[k+1].Policy
		turn := in.Turns[k+1].Turn
		out[k] = make([][]bool, n)
		for i := range n {
			out[k][i] = make([]bool, n)
			for j := range n {
				d := broke[[3]int{i, j, turn}]
				for _, r := range reach[i][j] {
					lv := int(now[i][r.l][r.slot])
					if r.coercive >= 0 && lv >= r.coercive || lv > int(prev[i][r.l][r.slot]) {
						d = true
					}
				}
				out[k][i][j] = d
			}
		}
	}
	return out
}

// fingerprints reads every seat's behaviour from its moves and breaches.
func (r *Report) fingerprints(in *Input) {
	ps := in.Final.Scenario
	n := len(in.Final.Seats)
	reach := reaches(ps)
	// broke[{i, j, turn}]: seat i broke a deal with j in that turn.
	broke := map[[3]int]bool{}
	for k := range r.Ledger {
		e := &r.Ledger[k]
		for _, b := range e.Breaches {
			for _, j := range e.Deal.Parties.Seats() {
				if j != b.Seat {
					broke[[3]int{b.Seat, j, b.Turn}] = true
				}
			}
		}
	}
	mv := moves(in, reach, broke)
	for i := range n {
		f := Fingerprint{Seat: i}
		for k := range mv {
			turn := in.Turns[k+1].Turn
			for j := range n {
				if len(reach[i][j]) == 0 {
					continue
				}
				mine := mv[k][i][j]
				f.Cooperated.Of++
				if !mine {
					f.Cooperated.add(turn, j)
				}
				if len(reach[j][i]) == 0 {
					continue
				}
				if !mv[k][j][i] {
					f.Exploited.Of++
					if mine {
						f.Exploited.add(turn, j)
					}
				}
				if k > 0 && mv[k-1][j][i] {
					f.Retaliated.Of++
					f.Forgave.Of++
					if mine {
						f.Retaliated.add(turn, j)
					} else {
						f.Forgave.add(turn, j)
					}
				}
			}
		}
		for k := range r.Ledger {
			e := &r.Ledger[k]
			if e.Start == 0 || e.Deal.ClausesOf(i) == 0 {
				continue
			}
			f.Breached.Of++
			for _, b := range e.Breaches {
				if b.Seat != i {
					continue
				}
				f.Breached.Count++
				var others []int
				for _, j := range e.Deal.Parties.Seats() {
					if j != i {
						others = append(others, j)
					}
				}
				f.Breached.When = append(f.Breached.When, Instance{Turn: b.Turn, Others: others})
				break
			}
		}
		slices.SortStableFunc(f.Breached.When, func(a, b Instance) int { return a.Turn - b.Turn })
		r.Fingerprints = append(r.Fingerprints, f)
	}
	if mv == nil {
		// Without policies only the breaches can be told.
		for k := range r.Fingerprints {
			f := &r.Fingerprints[k]
			f.Cooperated, f.Retaliated, f.Forgave, f.Exploited = Tally{}, Tally{}, Tally{}, Tally{}
		}
	}
}
