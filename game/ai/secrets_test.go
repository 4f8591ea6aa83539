package ai_test

import (
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// No note an AI writes to another seat quotes a secret objective: over
// games of every shipped scenario with economy seats, each note is
// checked against the texts of every seat's secret objectives.
func TestNotesKeepSecretsSecret(t *testing.T) {
	for _, id := range []string{"tutorial", "rare-earth-card"} {
		sc, err := content.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		var secrets []string
		for _, s := range sc.Seats {
			for _, o := range s.Secret.Pool {
				secrets = append(secrets, strings.ToLower(firstSentence(o.Text)))
			}
		}
		if len(secrets) == 0 {
			continue
		}
		ps := sc.Public()
		p, err := content.GetPersonality("opportunist")
		if err != nil {
			t.Fatal(err)
		}
		for seed := uint64(1); seed <= 3; seed++ {
			players := make([]ai.Player, len(sc.Seats))
			for i := range players {
				players[i] = ai.NewScripted(ps, i, p, ai.Normal, seed, "opportunist")
			}
			notes := 0
			_, err := sim.PlayWatching(sc, seed, players, 0, func(st *game.State) {
				for _, d := range st.Deals {
					if d.Note == "" {
						continue
					}
					notes++
					note := strings.ToLower(d.Note)
					for _, sec := range secrets {
						if sec != "" && strings.Contains(note, sec[:min(len(sec), 30)]) {
							t.Errorf("%s seed %d: a note quotes a secret objective: %q", id, seed, d.Note)
						}
					}
				}
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}

func firstSentence(s string) string {
	t, _, _ := strings.Cut(s, ". ")
	return strings.TrimSuffix(t, ".")
}
