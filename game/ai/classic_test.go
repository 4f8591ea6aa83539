package ai_test

import (
	"fmt"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// personality loads a shipped personality or fails the test.
func personality(t testing.TB, name string) *ai.Personality {
	t.Helper()
	p, err := content.GetPersonality(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func scenario(t testing.TB, id string) *game.Scenario {
	t.Helper()
	sc, err := content.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// sameAI is a player for every seat of sc: the named personality at
// level d.
func sameAI(t testing.TB, sc *game.Scenario, name string, d ai.Difficulty, seed uint64) []ai.Player {
	t.Helper()
	players := make([]ai.Player, len(sc.Seats))
	for i := range players {
		players[i] = ai.NewScripted(sc.Public(), i, personality(t, name), d, seed, name)
	}
	return players
}

// match plays one game with the named personalities, one per seat, and
// returns the final scores.
func match(t testing.TB, sc *game.Scenario, seed uint64, d ai.Difficulty, names ...string) []float64 {
	t.Helper()
	players := make([]ai.Player, len(names))
	for i, n := range names {
		players[i] = ai.NewScripted(sc.Public(), i, personality(t, n), d, seed, n)
	}
	g, err := sim.Play(sc, seed, players, 0)
	if err != nil {
		t.Fatal(err)
	}
	if g.Refused > 0 {
		t.Fatalf("%v: the engine refused %d commands", names, g.Refused)
	}
	out := make([]float64, len(names))
	for i := range out {
		out[i] = g.State.Seats[i].Ind[game.Score]
	}
	return out
}

// reference plays the iterated prisoner's dilemma by the textbook
// definitions of the strategies, with no engine: the scores the
// personalities must reproduce. true is a defection.
func reference(a, b string, rounds int) (int, int) {
	type strat func(me, them []bool) bool
	strats := map[string]strat{
		"always-cooperate": func(_, _ []bool) bool { return false },
		"always-defect":    func(_, _ []bool) bool { return true },
		"tit-for-tat": func(_, them []bool) bool {
			return len(them) > 0 && them[len(them)-1]
		},
		"grim-trigger": func(_, them []bool) bool {
			for _, d := range them {
				if d {
					return true
				}
			}
			return false
		},
		"win-stay-lose-shift": func(me, them []bool) bool {
			if len(me) == 0 {
				return false
			}
			// Stay after R (C,C) or T (D,C); shift after S (C,D) or P (D,D).
			last := me[len(me)-1]
			if them[len(them)-1] {
				return !last
			}
			return last
		},
	}
	payoff := func(me, them bool) int {
		switch {
		case !me && !them:
			return 3
		case !me && them:
			return 0
		case me && !them:
			return 5
		}
		return 1
	}
	var ha, hb []bool
	sa, sb := 0, 0
	for range rounds {
		x, y := strats[a](ha, hb), strats[b](hb, ha)
		sa += payoff(x, y)
		sb += payoff(y, x)
		ha, hb = append(ha, x), append(hb, y)
	}
	return sa, sb
}

var deterministic = []string{"always-cooperate", "always-defect", "tit-for-tat", "grim-trigger", "win-stay-lose-shift"}

// Every pairing of the deterministic classic strategies on the shipped
// prisoner's dilemma scores what the textbook strategies score, at every
// difficulty (the classic strategies do not look ahead).
func TestClassicMatchScores(t *testing.T) {
	sc := scenario(t, "prisoners-dilemma")
	published := map[[2]string][2]float64{
		{"tit-for-tat", "always-defect"}:         {199, 204},
		{"tit-for-tat", "always-cooperate"}:      {600, 600},
		{"always-defect", "always-cooperate"}:    {1000, 0},
		{"grim-trigger", "always-defect"}:        {199, 204},
		{"tit-for-tat", "grim-trigger"}:          {600, 600},
		{"grim-trigger", "always-cooperate"}:     {600, 600},
		{"win-stay-lose-shift", "tit-for-tat"}:   {600, 600},
		{"win-stay-lose-shift", "always-defect"}: {100, 600},
		{"always-defect", "always-defect"}:       {200, 200},
	}
	for _, a := range deterministic {
		for _, b := range deterministic {
			for _, d := range []ai.Difficulty{ai.Easy, ai.Normal, ai.Hard} {
				t.Run(fmt.Sprintf("%s-vs-%s-%s", a, b, d), func(t *testing.T) {
					got := match(t, sc, 1, d, a, b)
					ra, rb := reference(a, b, sc.Turns)
					if got[0] != float64(ra) || got[1] != float64(rb) {
						t.Errorf("%s %v to %v, want %d to %d", a, got[0], got[1], ra, rb)
					}
					if want, ok := published[[2]string{a, b}]; ok && (got[0] != want[0] || got[1] != want[1]) {
						t.Errorf("%s %v to %v, published %v to %v", a, got[0], got[1], want[0], want[1])
					}
				})
			}
		}
	}
}
