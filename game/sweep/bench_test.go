package sweep_test

import (
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
	"github.com/chokepoint-game/chokepoint/game/sweep"
)

// benchSweep runs a 10x10 grid of two model parameters of the default
// scenario with passive seats, games games a point, on every core.
func benchSweep(b *testing.B, games int) {
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		b.Fatal(err)
	}
	var dims []sweep.Dim
	for _, p := range []string{"model.params.tariff-elasticity=0.5:3:10", "model.params.trade-drag=0.5:2:10"} {
		d, err := sweep.ParseDim(sc, p, false)
		if err != nil {
			b.Fatal(err)
		}
		dims = append(dims, d)
	}
	plan, err := sweep.Grid(dims)
	if err != nil {
		b.Fatal(err)
	}
	names := make([]string, len(sc.Seats))
	for i := range names {
		names[i] = "passive"
	}
	seats := func(*game.Scenario) ([]sim.SeatPlayer, error) {
		out := make([]sim.SeatPlayer, len(names))
		for i := range out {
			out[i] = sim.SeatPlayer{Name: "passive", New: func() ai.Player { return ai.Passive{} }}
		}
		return out, nil
	}
	// The collector's target that chokepoint sim and sweep set (see
	// cmd/chokepoint/gc.go), so that the benchmark measures the command.
	defer debug.SetGCPercent(debug.SetGCPercent(200))
	cpu0 := cpuSeconds()
	for b.Loop() {
		cfg := sweep.Config{Base: sc, Plan: plan, Games: games, Seed: 1, Seats: seats, Names: names, Workers: runtime.NumCPU()}
		if err := cfg.CheckPoints(); err != nil {
			b.Fatal(err)
		}
		if _, err := sweep.Run(cfg); err != nil {
			b.Fatal(err)
		}
	}
	// The CPU time, which a machine shared with other work inflates much
	// less than the wall time.
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
}

// BenchmarkSweep10x10 is the workbench's budget: a 10x10 sweep of 100
// games a point (10,000 games) of rare-earth-card with passive seats,
// under 20 s on two cores. Run it alone, with -benchtime 1x.
func BenchmarkSweep10x10(b *testing.B) { benchSweep(b, 100) }

// BenchmarkSweep10x10Small is the same grid at 10 games a point, for
// profiling.
func BenchmarkSweep10x10Small(b *testing.B) { benchSweep(b, 10) }
