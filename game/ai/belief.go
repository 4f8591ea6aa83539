package ai

import (
	"fmt"

	"github.com/chokepoint-game/chokepoint/game"
)

// A model is what the seat believes another seat is: the move rule its
// behaviour towards this seat fits best. The look-ahead plays the other
// seat forward by it, so that pressing a seat that answers in kind is
// priced with the answer, and exploiting one that never answers is not.
type model uint8

// The models, in the order a tie is settled: when the history fits
// several, the seat assumes the one that punishes a defection longest,
// the cautious reading of a seat that has given no cause to think
// otherwise.
const (
	modelGrim model = iota
	modelTitForTat
	modelWinStay
	modelCooperate
	modelDefect
	numModels
)

var modelNames = [numModels]string{"grim-trigger", "tit-for-tat", "win-stay-lose-shift", "always-cooperate", "always-defect"}

func (m model) String() string { return modelNames[m] }

// predict is the model's next move (true: defect) towards this seat,
// given both sides' moves so far, oldest first.
func (m model) predict(theirs, mine []bool) bool {
	n := len(theirs)
	switch m {
	case modelDefect:
		return true
	case modelTitForTat:
		return n > 0 && mine[n-1]
	case modelGrim:
		for _, x := range mine {
			if x {
				return true
			}
		}
	case modelWinStay:
		return n > 0 && theirs[n-1] != mine[n-1]
	}
	return false
}

// belief is what the seat believes of one other seat, and how well the
// history bears it out.
type belief struct {
	m          model
	hits, seen int
}

// sure reports whether a belief is borne out well enough to play the
// seat forward by it: no history yet (the cautious prior), or at least
// four moves in five predicted. A seat whose moves fit no rule is
// expected to keep what it has in force.
func (b belief) sure() bool { return b.seen == 0 || 5*b.hits >= 4*b.seen }

// believe fits every model to seat j's history with this seat and
// returns the best: the one that predicted most of j's moves.
func (s *Scripted) believe(j int) belief {
	theirs, mine := s.mem.histTheirs[j], s.mem.histMine[j]
	best := belief{m: modelGrim, seen: len(theirs), hits: -1}
	for m := range numModels {
		hits := 0
		for t := range theirs {
			if m.predict(theirs[:t], mine[:t]) == theirs[t] {
				hits++
			}
		}
		if hits > best.hits {
			best.m, best.hits = m, hits
		}
	}
	return best
}

// believes reports whether the seat plays the others forward by its
// beliefs: the levels above easy, for a personality that looks ahead, in
// a scenario whose points come from the moves themselves (a payoff
// table). Where points come from objectives over a many-sided economy,
// the two-move rules fit the others too loosely to predict them: played
// forward there, they made the seats worse (fact 8 failed), so there the
// others are expected to keep what they have in force.
func (s *Scripted) believes() bool {
	return s.d > Easy && s.p.Moves.LookAhead && len(s.k.ps.ModelDef.Payoffs) > 0
}

// beliefText says what the seat believes of j and why, for an
// explanation.
func (s *Scripted) beliefText(v *game.View, j int) string {
	return s.beliefTextOf(v, j, s.beliefs[j])
}

// beliefTextOf says what belief b of seat j is and why.
func (s *Scripted) beliefTextOf(v *game.View, j int, b belief) string {
	if b.seen == 0 {
		return fmt.Sprintf("with no history yet, we expect %s to answer pressure for good, as grim-trigger would", seatLabel(v, j))
	}
	return fmt.Sprintf("%s has played as %s would %d times in %d, so we treat it as %s", seatLabel(v, j), b.m, b.hits, b.seen, b.m)
}

// defects reports whether pol is a defection towards j, as j reads it:
// a hostile lever reaching j at a coercive level, or raised above the
// level in force.
func (s *Scripted) defects(v *game.View, pol *game.Policy, j int) bool {
	return s.defectsFrom(&v.Seats[s.k.me].Policy, pol, j)
}

// defectsFrom is defects with the levels in force given.
func (s *Scripted) defectsFrom(in, pol *game.Policy, j int) bool {
	for i := range s.k.levers {
		li := &s.k.levers[i]
		if !li.hostile {
			continue
		}
		for _, slot := range li.slots {
			if li.scope == game.ScopeEach && slot != j {
				continue
			}
			lv := pol[li.l][slot]
			if li.coercive >= 0 && int(lv) >= li.coercive || lv > in[li.l][slot] {
				return true
			}
		}
	}
	return false
}

// plan plays the others forward by the seat's beliefs, the seat keeping
// orders pol: each turn ahead, each believed seat makes the move its
// model predicts from both sides' moves so far, and a change of move
// takes its levers aimed at this seat one level up or down. Seats it has
// no belief of keep what w expects of them.
func (s *Scripted) plan(v *game.View, w *world, pol *game.Policy) func(int, *game.Projection) []game.Policy {
	me := s.k.me
	pols := make([]game.Policy, len(w.others))
	copy(pols, w.others)
	pols[me] = *pol
	if !s.believes() {
		return func(int, *game.Projection) []game.Policy { return pols }
	}
	tr := make([]moveTrack, len(pols))
	for j := range pols {
		if j != me && len(s.k.against[j]) > 0 && s.beliefs[j].sure() {
			tr[j] = s.newTrack(v, pol, j)
		}
	}
	return func(k int, _ *game.Projection) []game.Policy {
		for j := range pols {
			if j != me && len(s.k.against[j]) > 0 && s.beliefs[j].sure() {
				s.advance(&tr[j], s.beliefs[j].m, k, j, &pols[j])
			}
		}
		return pols
	}
}

// moveTrack is a modelled seat's moves with this seat along a
// projection: both sides' moves so far, its move now, and this seat's
// move under the orders being judged.
type moveTrack struct {
	theirs, mine []bool
	mv           bool
	mineNow      bool
}

// newTrack starts seat j's track from the history the seat remembers,
// this seat keeping orders pol.
func (s *Scripted) newTrack(v *game.View, pol *game.Policy, j int) moveTrack {
	n := len(s.mem.histTheirs[j])
	return moveTrack{
		theirs:  append(make([]bool, 0, n+16), s.mem.histTheirs[j]...),
		mine:    append(make([]bool, 0, n+16), s.mem.histMine[j]...),
		mv:      s.mem.defected[j],
		mineNow: s.defects(v, pol, j),
	}
}

// advance takes seat j's track to turn k of the projection: the moves of
// the turn before are recorded, m predicts j's next move, and a change of
// move takes j's levers aimed at this seat (in its policy jp) one level
// up or down. It reports whether j's move changed.
func (s *Scripted) advance(t *moveTrack, m model, k, j int, jp *game.Policy) bool {
	if k > 0 {
		t.theirs = append(t.theirs, t.mv)
		t.mine = append(t.mine, t.mineNow)
	}
	next := m.predict(t.theirs, t.mine)
	changed := next != t.mv
	if changed {
		for _, r := range s.k.against[j] {
			lv := int(jp[r.l][r.slot])
			if next {
				lv = min(r.levels-1, lv+1)
			} else {
				lv = max(0, lv-1)
			}
			jp[r.l][r.slot] = uint8(lv)
		}
	}
	t.mv = next
	return changed
}
