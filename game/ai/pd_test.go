package ai_test

import (
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// The look-ahead reads the scenario's scoring whatever the model: in the
// prisoner's dilemma the points come from the payoff table, and an
// opportunist that looks ahead exploits what can be exploited and does
// not provoke what punishes. At normal and hard, over 200 rounds, it
// scores at least 190 against always-defect (it loses at most the first
// round) and at least 600 against tit-for-tat and always-cooperate (what
// mutual cooperation earns).
func TestOpportunistReadsThePayoffTable(t *testing.T) {
	sc := scenario(t, "prisoners-dilemma")
	floor := map[string]float64{"always-defect": 190, "tit-for-tat": 600, "always-cooperate": 600, "grim-trigger": 600}
	for _, d := range []ai.Difficulty{ai.Normal, ai.Hard} {
		for rival, min := range floor {
			for seat := range 2 {
				names := []string{rival, rival}
				names[seat] = "opportunist"
				got := match(t, sc, 1, d, names...)
				t.Logf("%s opportunist as seat %d against %s: %v", d, seat, rival, got)
				if got[seat] < min {
					t.Errorf("%s opportunist as seat %d against %s scores %g, want at least %g", d, seat, rival, got[seat], min)
				}
			}
		}
	}
}

// said records every reason an AI gave.
type said struct {
	ai.Player
	lines []string
}

func (p *said) Act(v *game.View) []game.Command {
	c := p.Player.Act(v)
	p.lines = append(p.lines, p.Player.(ai.Explainer).Reasons()...)
	return c
}

// The explanation says what the seat believes of the other: against
// always-defect, once the history shows it, the opportunist says it
// treats the other seat as always-defect.
func TestOpportunistSaysWhatItBelieves(t *testing.T) {
	sc := scenario(t, "prisoners-dilemma")
	me := &said{Player: ai.NewScripted(sc.Public(), 0, personality(t, "opportunist"), ai.Normal, 1, "opportunist")}
	players := []ai.Player{me, ai.NewScripted(sc.Public(), 1, personality(t, "always-defect"), ai.Normal, 1, "always-defect")}
	if _, err := sim.Play(sc, 1, players, 5); err != nil {
		t.Fatal(err)
	}
	for _, l := range me.lines {
		if strings.Contains(l, "we treat it as always-defect") {
			return
		}
	}
	t.Errorf("no reason says what the opportunist believes of always-defect: %q", me.lines)
}
