package sweep_test

import (
	"slices"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/sim"
	"github.com/chokepoint-game/chokepoint/game/sweep"
)

func dims(t *testing.T, sc *game.Scenario, lhs bool, specs ...string) []sweep.Dim {
	t.Helper()
	var out []sweep.Dim
	for _, s := range specs {
		d, err := sweep.ParseDim(sc, s, lhs)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

func TestGridOrderAndEnds(t *testing.T) {
	sc, _ := content.Get("rare-earth-card")
	p, err := sweep.Grid(dims(t, sc, false, "model.params.trade-drag=0.1:0.3:3", "seats.prc.start.licensing=deny,open"))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{0.1, 0}, {0.1, 1}, {0.2, 0}, {0.2, 1}, {0.3, 0}, {0.3, 1}}
	if len(p.Points) != len(want) {
		t.Fatalf("%d points, want %d", len(p.Points), len(want))
	}
	for i := range want {
		// The ends are exactly as given; the middle is within a rounding.
		if p.Points[i][1] != want[i][1] || (i/2 != 1 && p.Points[i][0] != want[i][0]) || p.Points[i][0]-want[i][0] > 1e-15 {
			t.Errorf("point %d = %v, want %v", i, p.Points[i], want[i])
		}
	}
	if got := p.Describe(1); got != "model.params.trade-drag=0.1 seats.prc.start.licensing=open" {
		t.Errorf("Describe(1) = %q", got)
	}
	before, had := sc.Model.Params["trade-drag"]
	sc2, err := p.Scenario(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	if sc2.Model.Params["trade-drag"] != 0.1 || sc2.Seats[1].Start["licensing"]["all"] != "open" {
		t.Errorf("point 1's scenario: params %v, prc start %v", sc2.Model.Params, sc2.Seats[1].Start)
	}
	if after, has := sc.Model.Params["trade-drag"]; has != had || after != before || sc.Seats[1].Start["licensing"]["all"] != "case-by-case" {
		t.Errorf("making a point's scenario changed the base")
	}
}

// Each dimension of a Latin hypercube uses every stratum once, and the
// same seed draws the same points.
func TestLatinHypercubeStrata(t *testing.T) {
	sc, _ := content.Get("rare-earth-card")
	ds := dims(t, sc, true, "model.params.trade-drag=1:2", "model.params.tariff-elasticity=0:10:4", "seats.prc.start.licensing=open:deny")
	const n = 30
	p, err := sweep.LatinHypercube(ds, n, 7)
	if err != nil {
		t.Fatal(err)
	}
	for d, width := range []float64{1.0 / n, 10.0 / n} {
		lo := []float64{1, 0}[d]
		seen := make([]bool, n)
		for _, pt := range p.Points {
			k := int((pt[d] - lo) / width)
			if k < 0 || k >= n || seen[k] {
				t.Fatalf("dimension %d: value %v in stratum %d, used twice or out of range", d, pt[d], k)
			}
			seen[k] = true
		}
	}
	count := map[float64]int{}
	for _, pt := range p.Points {
		count[pt[2]]++
	}
	nl := len(ds[2].Levels)
	for l := range nl {
		if count[float64(l)] != n/nl {
			t.Errorf("levels drawn %v, want %d of each of the %d", count, n/nl, nl)
			break
		}
	}
	q, _ := sweep.LatinHypercube(ds, n, 7)
	r, _ := sweep.LatinHypercube(ds, n, 8)
	if !slices.EqualFunc(p.Points, q.Points, slices.Equal) || slices.EqualFunc(p.Points, r.Points, slices.Equal) {
		t.Errorf("the same seed must draw the same points, and another seed others")
	}
}

func TestShardsCoverEveryUnitOnce(t *testing.T) {
	for _, total := range []int{0, 1, 7, 100, 1001} {
		for _, n := range []int{1, 2, 3, 8, 2000} {
			next := 0
			for k := 1; k <= n; k++ {
				lo, hi := sim.Shard{K: k, N: n}.Range(total)
				if lo != next || hi < lo || hi-lo > total/n+1 {
					t.Fatalf("total %d, shard %d/%d: [%d, %d) after %d", total, k, n, lo, hi, next)
				}
				next = hi
			}
			if next != total {
				t.Errorf("total %d in %d shards covers %d", total, n, next)
			}
		}
	}
}
