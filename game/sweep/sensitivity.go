package sweep

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// An Outcome is a number each point has, whose sensitivity to the
// dimensions a sweep measures: a seat's mean score or win share, a seat's
// mean final indicator, or a world indicator's mean at the end.
type Outcome struct {
	// Key is how --outcome names it: SEAT.score, SEAT.win-share,
	// SEAT.INDICATOR or world.INDICATOR.
	Key string
	of  func(p *PointResult) float64
}

// DefaultOutcomes are every seat's mean score and win share and every
// world indicator's mean.
func DefaultOutcomes(r *Result) []Outcome {
	var keys []string
	for _, s := range r.Seats {
		keys = append(keys, s+".score")
	}
	for _, s := range r.Seats {
		keys = append(keys, s+".win-share")
	}
	for _, w := range r.World {
		keys = append(keys, "world."+w)
	}
	var out []Outcome
	for _, k := range keys {
		// A seat named world would be taken for the world: such a
		// seat's outcomes are left out rather than misread.
		if o, err := r.outcome(k); err == nil {
			out = append(out, o)
		}
	}
	return out
}

// OutcomeError is an --outcome that names nothing: a usage mistake.
type OutcomeError struct{ Msg string }

func (e *OutcomeError) Error() string { return e.Msg }

// outcome finds the outcome a key names.
func (r *Result) outcome(key string) (Outcome, error) {
	who, what, ok := strings.Cut(key, ".")
	if !ok {
		return Outcome{}, &OutcomeError{fmt.Sprintf("%q: write SEAT.score, SEAT.win-share, SEAT.INDICATOR or world.INDICATOR", key)}
	}
	if who == "world" {
		if !slices.Contains(r.World, what) {
			return Outcome{}, &OutcomeError{fmt.Sprintf("%q: no world indicator %q (world: %s)", key, what, strings.Join(r.World, ", "))}
		}
		return Outcome{key, func(p *PointResult) float64 { return p.World[what].Mean }}, nil
	}
	s := slices.Index(r.Seats, who)
	if s < 0 {
		return Outcome{}, &OutcomeError{fmt.Sprintf("%q: no seat %q (seats: %s)", key, who, strings.Join(r.Seats, ", "))}
	}
	switch {
	case what == "score":
		return Outcome{key, func(p *PointResult) float64 { return p.Seats[s].Score.Mean }}, nil
	case what == "win-share":
		return Outcome{key, func(p *PointResult) float64 { return p.Seats[s].WinShare }}, nil
	case slices.Contains(r.Indicators, what):
		return Outcome{key, func(p *PointResult) float64 { return p.Seats[s].Final[what].Mean }}, nil
	}
	return Outcome{}, &OutcomeError{fmt.Sprintf("%q: a seat has no indicator %q (score, win-share, %s)", key, what, strings.Join(r.Indicators, ", "))}
}

// Analyse measures the sensitivity of the default outcomes and then of
// those named by keys (SEAT.INDICATOR, world.INDICATOR), replacing what
// was measured before.
func (r *Result) Analyse(keys []string) error {
	outs := DefaultOutcomes(r)
	for _, k := range keys {
		if slices.ContainsFunc(outs, func(o Outcome) bool { return o.Key == k }) {
			continue
		}
		o, err := r.outcome(k)
		if err != nil {
			return err
		}
		outs = append(outs, o)
	}
	r.Sensitivity = sensitivity(r, outs)
	return nil
}

// Sensitivity is how one outcome moves with each dimension.
type Sensitivity struct {
	Outcome string  `json:"outcome"`
	Mean    float64 `json:"mean"` // over every point
	// Effects are the dimensions' effects, the largest swing first.
	Effects []Effect `json:"effects"`
}

// Effect is one dimension's main effect on an outcome: the outcome's mean
// over the points at each of the dimension's values (over every value of
// the other dimensions), its curve. On a Latin hypercube the values of a
// parameter are grouped into bins of equal width, each shown at its
// middle.
type Effect struct {
	Dim string `json:"dim"`
	// Low and High are the curve at the dimension's first and last value:
	// the ends of its bar in a tornado chart.
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	// Swing is the curve's highest less its lowest: how far the
	// dimension moves the outcome, even where the move is not monotonic.
	Swing float64      `json:"swing"`
	Curve []CurvePoint `json:"curve"`
}

// CurvePoint is the outcome's mean at one value of the dimension.
type CurvePoint struct {
	X     float64 `json:"x"` // the value, or the level's index
	Label string  `json:"label"`
	Mean  float64 `json:"mean"`
	N     int     `json:"n"` // points averaged
}

// maxBins bounds the bins a Latin hypercube's parameter is grouped in.
const maxBins = 10

func sensitivity(r *Result, outs []Outcome) []Sensitivity {
	out := make([]Sensitivity, 0, len(outs))
	if len(r.Points) == 0 {
		return out
	}
	for _, o := range outs {
		s := Sensitivity{Outcome: o.Key}
		for i := range r.Points {
			s.Mean += o.of(&r.Points[i])
		}
		s.Mean /= float64(len(r.Points))
		for d := range r.Dims {
			s.Effects = append(s.Effects, effect(r, d, o))
		}
		slices.SortStableFunc(s.Effects, func(a, b Effect) int { return cmp.Compare(b.Swing, a.Swing) })
		out = append(out, s)
	}
	return out
}

func effect(r *Result, d int, o Outcome) Effect {
	dim := &r.Dims[d]
	type group struct {
		x     float64
		label string
		sum   float64
		n     int
	}
	var groups []group
	key := func(x float64) (float64, string) { return x, dim.Label(x) }
	if r.Design != "grid" && !dim.IsLever() {
		bins := max(2, min(maxBins, len(r.Points)/10))
		w := (dim.Hi - dim.Lo) / float64(bins)
		for b := range bins {
			c := dim.Lo + (float64(b)+0.5)*w
			groups = append(groups, group{x: c, label: trimFloat(c)})
		}
		key = func(x float64) (float64, string) {
			b := min(bins-1, max(0, int((x-dim.Lo)/w)))
			return groups[b].x, groups[b].label
		}
	} else if dim.IsLever() {
		for i, l := range dim.Levels {
			groups = append(groups, group{x: float64(i), label: l})
		}
	} else {
		for _, x := range dim.grid() {
			groups = append(groups, group{x: x, label: dim.Label(x)})
		}
	}
	for i := range r.Points {
		p := &r.Points[i]
		x, _ := key(p.x[d])
		g := slices.IndexFunc(groups, func(g group) bool { return g.x == x })
		if g < 0 {
			continue
		}
		groups[g].sum += o.of(p)
		groups[g].n++
	}
	e := Effect{Dim: dim.Name, Curve: []CurvePoint{}}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, g := range groups {
		if g.n == 0 {
			continue
		}
		m := g.sum / float64(g.n)
		e.Curve = append(e.Curve, CurvePoint{X: g.x, Label: g.label, Mean: m, N: g.n})
		lo, hi = min(lo, m), max(hi, m)
	}
	if len(e.Curve) > 0 {
		e.Low, e.High, e.Swing = e.Curve[0].Mean, e.Curve[len(e.Curve)-1].Mean, hi-lo
		// Means of equal games summed in other orders can differ in
		// their last bits: that is no effect.
		if e.Swing <= 1e-12*max(1, math.Abs(hi), math.Abs(lo)) {
			e.Swing = 0
		}
	}
	return e
}

// trimFloat writes a bin's middle with four significant digits.
func trimFloat(x float64) string {
	return fmt.Sprintf("%.4g", x)
}
