package ai_test

import (
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// A proposal's note reads as a sentence a person would write: a request
// that gives nothing asks for it ("We ask that you keep ..."), never
// "We propose nothing for ...". Hard, which makes bare requests that
// serve its public objectives, plays one seat among normals.
func TestProposalNotesRead(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	p := personality(t, "opportunist")
	games := 4
	if testing.Short() {
		games = 2
	}
	asks := 0
	for seed := range uint64(games) {
		players := make([]ai.Player, len(sc.Seats))
		for i := range players {
			d := ai.Normal
			if i == int(seed)%len(players) {
				d = ai.Hard
			}
			players[i] = ai.NewScripted(sc.Public(), i, p, d, seed, "opportunist")
		}
		seen := map[int]bool{}
		_, err := sim.PlayWatching(sc, seed, players, 0, func(st *game.State) {
			for _, d := range st.Deals {
				if seen[d.ID] {
					continue
				}
				seen[d.ID] = true
				if strings.Contains(d.Note, "propose nothing") || strings.Contains(d.Note, "counter nothing") {
					t.Errorf("seed %d, deal %d: %q", seed, d.ID, d.Note)
				}
				if strings.HasPrefix(d.Note, "We ask that you keep") {
					asks++
				}
			}
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d bare requests in %d games", asks, games)
}
