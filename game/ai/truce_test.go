package ai_test

import (
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// Hawks state what they want while they escalate: with every seat of
// rare-earth-card a hawk, over 30 games at each level, the hawks make
// demands (a truce: the other steps back on the lever it presses hardest
// with, the hawk on every lever it aims at it), in their own words.
// (Whether a demand is met is the other seat's choice; among hawks, who
// price their own levers dear, it rarely is.)
func TestHawksStateDemands(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	games := 30
	if testing.Short() {
		games = 8
	}
	for _, d := range levels {
		demands, truces := 0, 0
		for seed := range uint64(games) {
			players := sameAI(t, sc, "hawk", d, seed)
			seen := map[int]bool{}
			_, err := sim.PlayWatching(sc, seed, players, 0, func(st *game.State) {
				for _, dl := range st.Deals {
					if seen[dl.ID] || !strings.HasPrefix(dl.Note, "We demand") {
						continue
					}
					seen[dl.ID] = true
					demands++
					if dl.Status == game.InForce || dl.Status == game.Expired || dl.Status == game.Broken {
						truces++
					}
				}
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("%s: %d demands, %d met in %d games", d, demands, truces, games)
		if demands == 0 {
			t.Errorf("%s: hawks made no demand in %d games", d, games)
		}
	}
}
