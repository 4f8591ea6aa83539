package sweep

import (
	"math"
	"testing"

	"github.com/chokepoint-game/chokepoint/game/sim"
)

// resultOf builds a result of one seat whose mean score at each point is
// score(x), over points with the given values of one dimension.
func resultOf(design string, d Dim, xs []float64, score func(x float64) float64) *Result {
	r := &Result{Design: design, Dims: []Dim{d}, Seats: []string{"a"}}
	for i, x := range xs {
		r.Points = append(r.Points, PointResult{Point: i, x: []float64{x},
			Seats: []SeatStats{{Seat: "a", Score: sim.Summary{Mean: score(x)}}}})
	}
	return r
}

// Hand-worked: on a grid, the curve is the mean at each value; the swing
// its range, the bar's ends its first and last values, even when the
// curve is not monotonic.
func TestEffectOnAGrid(t *testing.T) {
	d := Dim{Name: "model.params.k", Lo: 0, Hi: 2, Steps: 3, Range: []float64{0, 2}}
	// Two points at each value: 0, 0, 1, 1, 2, 2.
	xs := []float64{0, 0, 1, 1, 2, 2}
	r := resultOf("grid", d, xs, func(x float64) float64 { return (x - 1) * (x - 1) * 4 }) // 4, 0, 4
	if err := r.Analyse(nil); err != nil {
		t.Fatal(err)
	}
	e := r.Sensitivity[0].Effects[0]
	if e.Low != 4 || e.High != 4 || e.Swing != 4 || len(e.Curve) != 3 || e.Curve[1].Mean != 0 || e.Curve[1].N != 2 {
		t.Errorf("effect %+v, want ends 4 and 4, swing 4, a dip to 0 at 1 over 2 points", e)
	}
	if m := r.Sensitivity[0].Mean; math.Abs(m-8.0/3) > 1e-12 {
		t.Errorf("mean %v, want 8/3", m)
	}
}

// On a Latin hypercube a parameter's values are binned by equal widths:
// 20 points make 2 bins, each shown at its middle.
func TestEffectOnALatinHypercube(t *testing.T) {
	d := Dim{Name: "model.params.k", Lo: 0, Hi: 1, Range: []float64{0, 1}}
	var xs []float64
	for i := range 20 {
		xs = append(xs, float64(i)/20)
	}
	r := resultOf("latin-hypercube", d, xs, func(x float64) float64 { return x })
	if err := r.Analyse(nil); err != nil {
		t.Fatal(err)
	}
	e := r.Sensitivity[0].Effects[0]
	if len(e.Curve) != 2 || e.Curve[0].X != 0.25 || e.Curve[1].X != 0.75 ||
		math.Abs(e.Low-0.225) > 1e-12 || math.Abs(e.High-0.725) > 1e-12 || math.Abs(e.Swing-0.5) > 1e-12 {
		t.Errorf("effect %+v, want bins at 0.25 and 0.75 with means 0.225 and 0.725", e)
	}
}

func TestOutcomeNames(t *testing.T) {
	r := &Result{Seats: []string{"us"}, Indicators: []string{"economy", "score"}, World: []string{"resolve"}}
	for _, ok := range []string{"us.score", "us.win-share", "us.economy", "world.resolve"} {
		if _, err := r.outcome(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"us", "eu.score", "us.nosuch", "world.nosuch"} {
		if _, err := r.outcome(bad); err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
}
