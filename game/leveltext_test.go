package game_test

import (
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
)

// Every clause of every lever of every shipped scenario, at every level
// and bound, reads by its meaning: no level id that is a code, and none
// of the phrases the plain words make at the ends of a lever's range.
func TestClauseTextReadsByMeaning(t *testing.T) {
	nonsense := []string{"at least none", "at most none", "at least off", "at most off", "as open as open", "at most full",
		"at least 0%", "at most deny", "no more open than open", "at least as open as deny"}
	for _, e := range content.Shipped() {
		sc, err := content.Get(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		ps := sc.Public()
		for l := range ps.Levers {
			lv := &ps.Levers[l]
			for j, level := range lv.Levels {
				text := ps.LevelText(l, j)
				if text == "" {
					t.Errorf("%s %s level %s has no text", e.ID, lv.ID, level.ID)
				}
				// A code ("usmca-35", "6-a-year") gives way to the amount.
				if lv.Unit != "" && !plainWord(level.ID) && text != game.UnitAmount(level.Value, lv.Unit) {
					t.Errorf("%s %s level %s reads %q, not its amount", e.ID, lv.ID, level.ID, text)
				}
				for _, b := range []game.Bound{game.AtMost, game.AtLeast} {
					for _, actor := range lv.Setters.Seats() {
						target := actor
						if lv.Scope == game.ScopeEach {
							for to := range ps.Seats {
								if ps.MayTarget(actor, l, to) {
									target = to
									break
								}
							}
						}
						c := game.Clause{Actor: actor, Target: target, Lever: l, Slot: ps.Slot(l, target), Bound: b, Level: j}
						s := ps.ClauseText(c)
						for _, bad := range nonsense {
							if strings.Contains(s, bad) {
								t.Errorf("%s: %q says %q", e.ID, s, bad)
							}
						}
						for _, code := range []string{"usmca", "-a-year"} {
							if strings.Contains(s, code) {
								t.Errorf("%s: %q shows a level id", e.ID, s)
							}
						}
						if strings.Contains(s, "  ") || strings.HasSuffix(s, " ") {
							t.Errorf("%s: %q has a gap", e.ID, s)
						}
					}
				}
			}
		}
	}
}

// A level of a unit lever shows its amount, a word level its name and
// amount, and a code never.
func TestLevelTextExamples(t *testing.T) {
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	ps := sc.Public()
	lever := func(id string) int {
		l, ok := ps.LeverIndex(id)
		if !ok {
			t.Fatalf("no lever %s", id)
		}
		return l
	}
	level := func(l int, id string) int {
		j, ok := ps.LevelIndex(l, id)
		if !ok {
			t.Fatalf("no level %s", id)
		}
		return j
	}
	tariff, purchases, mines, licensing, chips := lever("tariff"), lever("purchases"), lever("invest-mining"), lever("licensing"), lever("chips")
	for _, c := range []struct{ got, want string }{
		{ps.LevelText(tariff, level(tariff, "usmca-35")), "7%"},
		{ps.LevelText(purchases, level(purchases, "18-a-year")), "$3bn a turn"},
		{ps.LevelText(mines, level(mines, "low")), "low ($0.1bn a turn)"},
		{ps.LevelText(mines, level(mines, "none")), "none"},
		{ps.ClauseText(game.Clause{Actor: 1, Target: 3, Lever: licensing, Slot: 3, Bound: game.AtMost, Level: 0}), "PRC rare-earth export licensing towards Japan fully open"},
		{ps.ClauseText(game.Clause{Actor: 0, Target: 1, Lever: chips, Slot: 1, Bound: game.AtMost, Level: 0}), "US chip export controls on PRC: none"},
		{ps.ClauseText(game.Clause{Actor: 0, Target: 1, Lever: tariff, Slot: 1, Bound: game.AtMost, Level: 0}), "US tariff on PRC at 0%"},
		{ps.ClauseText(game.Clause{Actor: 0, Target: 1, Lever: purchases, Slot: 1, Bound: game.AtLeast, Level: 0}), "US purchase commitments from PRC at any level (binds nothing)"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func plainWord(id string) bool {
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	return true
}
