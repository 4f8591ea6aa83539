package sweep_test

import (
	"bytes"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
	"github.com/chokepoint-game/chokepoint/game/sweep"
)

// rawSeeds are raw files of a small sim run and a small sweep, whole.
func rawSeeds(f *testing.F) [][]byte {
	sc, err := content.Get("tutorial")
	if err != nil {
		f.Fatal(err)
	}
	passive := func(*game.Scenario) ([]sim.SeatPlayer, error) {
		out := make([]sim.SeatPlayer, len(sc.Seats))
		for i := range out {
			out[i] = sim.SeatPlayer{Name: "passive", New: func() ai.Player { return ai.Passive{} }}
		}
		return out, nil
	}
	seats, _ := passive(sc)
	var run bytes.Buffer
	if _, err := sim.Run(sim.Config{Scenario: sc, Games: 2, Seed: 1, Seats: seats, Turns: 1, Raw: &run}); err != nil {
		f.Fatal(err)
	}
	d, err := sweep.ParseDim(sc, "model.params.trade-drag=0.5:1:2", false)
	if err != nil {
		f.Fatal(err)
	}
	plan, err := sweep.Grid([]sweep.Dim{d})
	if err != nil {
		f.Fatal(err)
	}
	names := []string{"passive", "passive", "passive"}
	var sw bytes.Buffer
	if _, err := sweep.Run(sweep.Config{Base: sc, Plan: plan, Games: 2, Seed: 1, Seats: passive, Names: names, Turns: 1, Raw: &sw}); err != nil {
		f.Fatal(err)
	}
	return [][]byte{run.Bytes(), sw.Bytes()}
}

// A raw file is read from anywhere: whatever it holds, a merge reports
// a mistake or sums it up, and never panics.
func FuzzMergeRaw(f *testing.F) {
	for _, s := range rawSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rr, err := sim.NewRawReader("fuzz.jsonl", bytes.NewReader(data))
		if err != nil {
			return
		}
		if rr.Header.Kind == "sweep" {
			if res, err := sweep.Merge([]*sim.RawReader{rr}); err == nil {
				var b bytes.Buffer
				if err := sweep.WriteCSV(&b, res); err != nil {
					t.Fatal(err)
				}
			}
			return
		}
		if res, err := sim.MergeRun([]*sim.RawReader{rr}); err == nil {
			var b bytes.Buffer
			if err := sim.WriteTable(&b, res); err != nil {
				t.Fatal(err)
			}
		}
	})
}
