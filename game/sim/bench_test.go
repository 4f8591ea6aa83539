package sim_test

import (
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// BenchmarkPassiveGame measures one game of the default scenario with
// every seat passive: the simulator's cheapest and commonest path. A run
// of N games costs about N times this divided by the workers.
func BenchmarkPassiveGame(b *testing.B) {
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		b.Fatal(err)
	}
	players := make([]ai.Player, len(sc.Seats))
	for i := range players {
		players[i] = ai.Passive{}
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := sim.Play(sc, uint64(i), players, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunPassive measures a run of 100 passive games on one worker,
// with the gathering and summing up that a run adds to the games.
func BenchmarkRunPassive(b *testing.B) {
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		b.Fatal(err)
	}
	seats := make([]sim.SeatPlayer, len(sc.Seats))
	for i := range seats {
		seats[i] = sim.SeatPlayer{Name: "passive", New: func() ai.Player { return ai.Passive{} }}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sim.Run(sim.Config{Scenario: sc, Games: 100, Seed: 1, Seats: seats, Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
