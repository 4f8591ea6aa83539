package sim

import (
	"math"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

func TestPercentileNearestRank(t *testing.T) {
	ten := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	cases := []struct {
		name   string
		sample []float64
		p      float64
		want   float64
	}{
		{"empty", nil, 50, 0},
		{"one value", []float64{7}, 10, 7},
		{"one value p90", []float64{7}, 90, 7},
		{"p0 is the minimum", ten, 0, 1},
		{"p10 of 10 is rank 1", ten, 10, 1},
		{"p11 of 10 is rank 2", ten, 11, 2},
		{"p50 of 10 is rank 5", ten, 50, 5},
		{"p90 of 10 is rank 9", ten, 90, 9},
		{"p100 is the maximum", ten, 100, 10},
		{"p50 of 4 is rank 2", []float64{10, 20, 30, 40}, 50, 20},
		{"p90 of 4 is rank 4", []float64{10, 20, 30, 40}, 90, 40},
		{"p10 of 5 is rank 1", []float64{1, 2, 3, 4, 5}, 10, 1},
		{"p50 of 5 is rank 3", []float64{1, 2, 3, 4, 5}, 50, 3},
		// 0.1 * 30 is 3.0000000000000004 in floating point: still rank 3.
		{"p10 of 30 is rank 3", seq(30), 10, 3},
		{"p90 of 100 is rank 90", seq(100), 90, 90},
		{"ties", []float64{1, 1, 1, 2}, 50, 1},
	}
	for _, c := range cases {
		if got := Percentile(c.sample, c.p); got != c.want {
			t.Errorf("%s: Percentile(%v, %g) = %g, want %g", c.name, c.sample, c.p, got, c.want)
		}
	}
}

func seq(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = float64(i + 1)
	}
	return out
}

func TestSummarize(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3}
	s := Summarize(xs)
	if s != (Summary{Mean: 3, P10: 1, P50: 3, P90: 5}) {
		t.Errorf("Summarize(%v) = %+v", xs, s)
	}
	if !slices.Equal(xs, []float64{5, 1, 4, 2, 3}) {
		t.Errorf("Summarize changed its sample: %v", xs)
	}
	if s := Summarize(nil); s != (Summary{}) {
		t.Errorf("Summarize(nil) = %+v", s)
	}
}

func TestWinsShareTies(t *testing.T) {
	cases := []struct {
		scores []float64
		want   []float64
	}{
		{[]float64{3, 9, 1}, []float64{0, 1, 0}},
		{[]float64{9, 9, 1}, []float64{0.5, 0.5, 0}},
		{[]float64{4, 4, 4}, []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}},
		{[]float64{-2, -5}, []float64{1, 0}},
		{[]float64{0, 0, 0, 0}, []float64{0.25, 0.25, 0.25, 0.25}},
	}
	for _, c := range cases {
		wins := make([]float64, len(c.scores))
		Wins(c.scores, wins)
		if !slices.Equal(wins, c.want) {
			t.Errorf("Wins(%v) = %v, want %v", c.scores, wins, c.want)
		}
	}
	// Over several games the shares add up, and every game gives out one
	// win in all.
	wins := make([]float64, 3)
	for _, scores := range [][]float64{{1, 2, 3}, {3, 3, 0}, {5, 5, 5}} {
		Wins(scores, wins)
	}
	total := wins[0] + wins[1] + wins[2]
	if math.Abs(total-3) > 1e-12 || math.Abs(wins[2]-(1+1.0/3)) > 1e-12 {
		t.Errorf("wins over three games = %v", wins)
	}
}

func TestAppendFloatLikeJSON(t *testing.T) {
	cases := map[float64]string{
		0: "0", 1: "1", -2.5: "-2.5", 100.125: "100.125", 1e-7: "1e-7", 1e21: "1e+21",
		0.000001: "0.000001", math.NaN(): "null", math.Inf(1): "null",
	}
	for x, want := range cases {
		if got := string(appendFloat(nil, x)); got != want {
			t.Errorf("appendFloat(%g) = %s, want %s", x, got, want)
		}
	}
}

// The streamed summaries agree with Summarize: exactly while a sketch
// holds the whole sample, and within its rank bound beyond.
func TestStreamsMatchSummarize(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 3*sketchK).Draw(t, "n")
		distinct := rapid.IntRange(1, 50).Draw(t, "distinct")
		xs := make([]float64, n)
		var st stream
		var ex exactSample
		for i := range xs {
			xs[i] = float64(rapid.IntRange(0, distinct).Draw(t, "x")) / 4
			if rapid.Bool().Draw(t, "fraction") {
				xs[i] += 0.1 // not a float32
			}
			st.add(xs[i])
			ex.add(xs[i])
		}
		want := Summarize(xs)
		if got := ex.summary(); got != want {
			t.Fatalf("exact sample: %+v, want %+v", got, want)
		}
		got := st.summary()
		if got.Mean != want.Mean {
			t.Fatalf("stream mean %v, want %v", got.Mean, want.Mean)
		}
		if n < sketchK {
			if got != want {
				t.Fatalf("stream of %d values: %+v, want %+v", n, got, want)
			}
			return
		}
		sorted := slices.Clone(xs)
		slices.Sort(sorted)
		levels := len(st.sketch.levels)
		slack := levels*n/sketchK + 1
		for _, c := range []struct{ p, got float64 }{{10, got.P10}, {50, got.P50}, {90, got.P90}} {
			r := rank(c.p, n)
			lo, hi := sorted[max(0, r-1-slack)], sorted[min(n-1, r-1+slack)]
			if c.got < lo || c.got > hi || !slices.Contains(sorted, c.got) {
				t.Fatalf("p%g = %v, want a sample value between %v and %v", c.p, c.got, lo, hi)
			}
		}
	})
}

// A sketch's memory grows with the log of the sample.
func TestSketchStaysSmall(t *testing.T) {
	var s sketch
	for i := range 1_000_000 {
		s.add(float64((i * 7919) % 1000003))
	}
	held := 0
	for _, lv := range s.levels {
		held += cap(lv)
	}
	if len(s.levels) > 10 || held > 10*sketchK {
		t.Fatalf("a million values take %d levels holding %d values", len(s.levels), held)
	}
	if p := s.percentile(50); math.Abs(p-500001) > 0.005*1000003 {
		t.Fatalf("median %v, want about 500001", p)
	}
}
