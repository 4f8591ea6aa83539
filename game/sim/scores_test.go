package sim_test

import (
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// Scores reward play: in rare-earth-card, with every seat passive but
// Australia, which invests in separation and magnet plants every turn
// (the shipped allied-investment playbook) to become the alternative
// supplier its objectives ask for, Australia wins more often than any
// passive seat. Every-turn objectives are worth a quarter point a turn, so
// that sitting still no longer earns more than meeting end objectives.
func TestPlayingForObjectivesBeatsSittingStill(t *testing.T) {
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	pl := content.NewPlayers(sc)
	seats := make([]sim.SeatPlayer, len(sc.Seats))
	actor := -1
	for i := range seats {
		name := "passive"
		if sc.Seats[i].ID == "australia" {
			name, actor = "playbook:allied-investment", i
		}
		spec, err := ai.ParsePlayer(name)
		if err != nil {
			t.Fatal(err)
		}
		mk, n, err := pl.Player(i, spec, ai.Normal)
		if err != nil {
			t.Fatal(err)
		}
		seats[i] = sim.SeatPlayer{Name: n, Seeded: mk}
	}
	games := 20
	res, err := sim.Run(sim.Config{Scenario: sc, Games: games, Seed: 1, Seats: seats, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range res.Seats {
		t.Logf("%-10s %-28s wins %5.1f, score %5.2f", s.Seat, s.Player, s.Wins, s.Score.Mean)
		if i != actor && s.Wins >= res.Seats[actor].Wins {
			t.Errorf("passive %s wins %.1f of %d games, the investing Australia %.1f", s.Seat, s.Wins, games, res.Seats[actor].Wins)
		}
	}
}
