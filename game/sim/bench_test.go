package sim_test

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

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

// BenchmarkRunMemory measures the memory a run keeps as it goes, at 10,000
// and 100,000 passive games: the heap a collection finds live, sampled
// every 1,000 games with the workers at rest, at its peak (peak-live-MB). The statistics are
// streamed, so the peak stays nearly flat: the scores are kept whole for
// exact percentiles (four bytes a seat and game) and the other
// indicators' sketches grow with the log of the games. Run it alone,
// with -benchtime 1x (100,000 games take about a minute on two cores).
func BenchmarkRunMemory(b *testing.B) {
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		b.Fatal(err)
	}
	seats := make([]sim.SeatPlayer, len(sc.Seats))
	for i := range seats {
		seats[i] = sim.SeatPlayer{Name: "passive", New: func() ai.Player { return ai.Passive{} }}
	}
	// The heap a collection finds live, once the workers have stopped:
	// while the gatherer is held here, they finish the games they hold and
	// wait for room (a few games per worker), so that what a game
	// allocates while the collector marks does not count as kept.
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	live := func() uint64 {
		time.Sleep(200 * time.Millisecond)
		runtime.GC()
		runtime.GC()
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	for _, games := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("games=%d", games), func(b *testing.B) {
			for b.Loop() {
				peak := live()
				cfg := sim.Config{Scenario: sc, Games: games, Seed: 1, Seats: seats, Workers: runtime.GOMAXPROCS(0),
					Progress: func(done, _ int) {
						if done%1000 == 0 {
							peak = max(peak, live())
						}
					}}
				if _, err := sim.Run(cfg); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-live-MB")
			}
		})
	}
}
