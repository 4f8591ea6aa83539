// Package sweep runs a scenario at many points of its assumptions (model
// parameters, seats' starting lever settings), many games at each, and
// says which assumption moves which outcome most. It is pure like the
// engine: no files, no clock, no terminal.
package sweep

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// A Dim is one assumption a sweep varies: a model parameter over a range
// of numbers, or a seat's starting setting of a lever over some of its
// levels.
type Dim struct {
	// Name is the path as given: model.params.NAME or
	// seats.SEAT.start.LEVER[.TARGET].
	Name string `json:"name"`
	// Range is a parameter's [LO, HI]; a grid takes Steps values from LO
	// to HI, evenly spaced, a Latin hypercube any value between them.
	Range []float64 `json:"range,omitempty"`
	Steps int       `json:"steps,omitempty"`
	// Levels are a lever's settings, in the order given; a point's value
	// is an index into them.
	Levels []string `json:"levels,omitempty"`

	Lo, Hi              float64 `json:"-"` // Range, read
	param               string  // the parameter's name
	seat, lever, target string  // the lever's; target "all" by default
}

// IsLever reports whether the dimension is a lever setting.
func (d *Dim) IsLever() bool { return d.Levels != nil }

// Label is a point's value of the dimension as a person reads it: a
// number, or a level id.
func (d *Dim) Label(v float64) string {
	if d.IsLever() {
		return d.Levels[int(v)]
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// grid is the dimension's values on a grid: Steps numbers, or every
// level index.
func (d *Dim) grid() []float64 {
	if d.IsLever() {
		out := make([]float64, len(d.Levels))
		for i := range out {
			out[i] = float64(i)
		}
		return out
	}
	out := make([]float64, d.Steps)
	for i := range out {
		out[i] = d.at(float64(i) / float64(d.Steps-1))
	}
	return out
}

// at is the value a share t of the way from Lo to Hi, exact at both ends.
func (d *Dim) at(t float64) float64 {
	switch t {
	case 0:
		return d.Lo
	case 1:
		return d.Hi
	}
	return d.Lo + t*(d.Hi-d.Lo)
}

// SpecError is a --param that cannot be swept: a usage mistake.
type SpecError struct{ Msg string }

func (e *SpecError) Error() string { return e.Msg }

func specErrorf(format string, args ...any) error {
	return &SpecError{fmt.Sprintf(format, args...)}
}

// MaxSteps bounds the values of one dimension of a grid, and MaxPoints
// the points of a sweep.
const (
	MaxSteps  = 10_000
	MaxPoints = 1_000_000
)

// ParseDim reads one PATH=RANGE against a validated scenario:
//
//	model.params.NAME=LO:HI:STEPS  (LO:HI with a Latin hypercube)
//	seats.SEAT.start.LEVER[.TARGET]=LEVEL,LEVEL,...  or  FROM:TO
//
// where FROM:TO is every level from FROM to TO in the lever's order.
// Bounds and names are checked against the model's parameters and the
// scenario's seats and levers; whether the seat may set the lever
// towards the target is left to the validation of each point.
func ParseDim(sc *game.Scenario, spec string, lhs bool) (Dim, error) {
	path, rng, ok := strings.Cut(spec, "=")
	if !ok || path == "" || rng == "" {
		return Dim{}, specErrorf("%q: write PATH=RANGE, as model.params.NAME=LO:HI:STEPS", spec)
	}
	d := Dim{Name: path}
	parts := strings.Split(path, ".")
	switch {
	case len(parts) == 3 && parts[0] == "model" && parts[1] == "params":
		return d, d.parseParam(sc, parts[2], rng, lhs)
	case (len(parts) == 4 || len(parts) == 5) && parts[0] == "seats" && parts[2] == "start":
		target := "all"
		if len(parts) == 5 {
			target = parts[4]
		}
		return d, d.parseLever(sc, parts[1], parts[3], target, rng)
	}
	return Dim{}, specErrorf("%q: the path must be model.params.NAME or seats.SEAT.start.LEVER[.TARGET]", path)
}

func (d *Dim) parseParam(sc *game.Scenario, name, rng string, lhs bool) error {
	specs := game.ModelParams(sc.Model.Kind)
	i := slices.IndexFunc(specs, func(s game.ParamSpec) bool { return s.Name == name })
	if i < 0 {
		names := make([]string, len(specs))
		for k, s := range specs {
			names[k] = s.Name
		}
		if len(names) == 0 {
			return specErrorf("%s: the %q model of %s has no parameters", d.Name, sc.Model.Kind, sc.ID)
		}
		return specErrorf("%s: the %q model has no parameter %q (parameters: %s)", d.Name, sc.Model.Kind, name, strings.Join(names, ", "))
	}
	ps := specs[i]
	f := strings.Split(rng, ":")
	want := "LO:HI:STEPS"
	if lhs {
		want = "LO:HI (or LO:HI:STEPS, whose steps a Latin hypercube ignores)"
	}
	if len(f) != 3 && !(lhs && len(f) == 2) {
		return specErrorf("%s=%s: write %s", d.Name, rng, want)
	}
	lo, err1 := strconv.ParseFloat(f[0], 64)
	hi, err2 := strconv.ParseFloat(f[1], 64)
	if err1 != nil || err2 != nil || math.IsNaN(lo) || math.IsNaN(hi) {
		return specErrorf("%s=%s: LO and HI must be numbers", d.Name, rng)
	}
	if len(f) == 3 {
		steps, err := strconv.Atoi(f[2])
		if err != nil || steps < 2 || steps > MaxSteps {
			return specErrorf("%s=%s: STEPS must be a whole number from 2 to %d", d.Name, rng, MaxSteps)
		}
		d.Steps = steps
	}
	switch {
	case lo >= hi:
		return specErrorf("%s=%s: LO must be below HI", d.Name, rng)
	case lo < ps.Min || hi > ps.Max:
		return specErrorf("%s=%s: %s must be between %g and %g", d.Name, rng, name, ps.Min, ps.Max)
	}
	d.param, d.Lo, d.Hi, d.Range = name, lo, hi, []float64{lo, hi}
	return nil
}

func (d *Dim) parseLever(sc *game.Scenario, seat, lever, target, rng string) error {
	if _, ok := sc.SeatIndex(seat); !ok {
		return specErrorf("%s: %s has no seat %q", d.Name, sc.ID, seat)
	}
	li, ok := sc.LeverIndex(lever)
	if !ok {
		return specErrorf("%s: %s has no lever %q", d.Name, sc.ID, lever)
	}
	if target != "all" {
		if _, ok := sc.SeatIndex(target); !ok {
			return specErrorf("%s: %s has no seat %q to set %s towards", d.Name, sc.ID, target, lever)
		}
	}
	levels := sc.Levers[li].Levels
	ids := make([]string, len(levels))
	for k, l := range levels {
		ids[k] = l.ID
	}
	find := func(id string) (int, error) {
		if k := slices.Index(ids, id); k >= 0 {
			return k, nil
		}
		return 0, specErrorf("%s: lever %s has no level %q (levels: %s)", d.Name, lever, id, strings.Join(ids, ", "))
	}
	if from, to, isRange := strings.Cut(rng, ":"); isRange {
		a, err := find(from)
		if err != nil {
			return err
		}
		b, err := find(to)
		if err != nil {
			return err
		}
		if a == b {
			return specErrorf("%s=%s: a range needs two different levels", d.Name, rng)
		}
		step := 1
		if b < a {
			step = -1
		}
		for k := a; ; k += step {
			d.Levels = append(d.Levels, ids[k])
			if k == b {
				break
			}
		}
	} else {
		for _, id := range strings.Split(rng, ",") {
			if _, err := find(id); err != nil {
				return err
			}
			if slices.Contains(d.Levels, id) {
				return specErrorf("%s=%s: level %q is given twice", d.Name, rng, id)
			}
			d.Levels = append(d.Levels, id)
		}
		if len(d.Levels) < 2 {
			return specErrorf("%s=%s: name two levels or more", d.Name, rng)
		}
	}
	d.seat, d.lever, d.target = seat, lever, target
	return nil
}

// Plan is the points of a sweep: a full grid of its dimensions, or a
// Latin hypercube sample of them.
type Plan struct {
	// Design is "grid" or "latin-hypercube".
	Design string `json:"design"`
	Dims   []Dim  `json:"dims"`
	// Points holds each point's value of each dimension: a number, or the
	// index of a lever level.
	Points [][]float64 `json:"points"`
}

// Grid plans every combination of the dimensions' values, the first
// dimension varying slowest.
func Grid(dims []Dim) (*Plan, error) {
	if len(dims) == 0 {
		return nil, specErrorf("a sweep needs at least one --param")
	}
	n := 1
	for i := range dims {
		if dims[i].Steps == 0 && !dims[i].IsLever() {
			return nil, specErrorf("%s: a grid needs LO:HI:STEPS", dims[i].Name)
		}
		n *= len(dims[i].grid())
		if n > MaxPoints {
			return nil, specErrorf("the grid has more than %d points", MaxPoints)
		}
	}
	if err := distinct(dims); err != nil {
		return nil, err
	}
	p := &Plan{Design: "grid", Dims: dims}
	values := make([][]float64, len(dims))
	for i := range dims {
		values[i] = dims[i].grid()
	}
	idx := make([]int, len(dims))
	for range n {
		pt := make([]float64, len(dims))
		for i, k := range idx {
			pt[i] = values[i][k]
		}
		p.Points = append(p.Points, pt)
		for i := len(idx) - 1; i >= 0; i-- {
			if idx[i]++; idx[i] < len(values[i]) {
				break
			}
			idx[i] = 0
		}
	}
	return p, nil
}

// LatinHypercube plans n points: each dimension's range is cut into n
// strata of equal width (a lever's levels shared among them as evenly as
// they go), every stratum is used by exactly one point, and the strata
// are paired at random across dimensions, with a value drawn uniformly
// inside each stratum. The generator is seeded with seed, so the same
// arguments give the same points.
func LatinHypercube(dims []Dim, n int, seed uint64) (*Plan, error) {
	if len(dims) == 0 {
		return nil, specErrorf("a sweep needs at least one --param")
	}
	if n < 2 || n > MaxPoints {
		return nil, specErrorf("--samples must be between 2 and %d, not %d", MaxPoints, n)
	}
	if err := distinct(dims); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed5eed))
	p := &Plan{Design: "latin-hypercube", Dims: dims, Points: make([][]float64, n)}
	for j := range p.Points {
		p.Points[j] = make([]float64, len(dims))
	}
	for i := range dims {
		d := &dims[i]
		perm := rng.Perm(n)
		for j, stratum := range perm {
			u := rng.Float64()
			var v float64
			if d.IsLever() {
				v = float64(stratum * len(d.Levels) / n)
			} else {
				v = min(d.Hi, d.at((float64(stratum)+u)/float64(n)))
			}
			p.Points[j][i] = v
		}
	}
	return p, nil
}

func distinct(dims []Dim) error {
	for i := range dims {
		for j := range i {
			if dims[i].Name == dims[j].Name {
				return specErrorf("%s is given twice", dims[i].Name)
			}
		}
	}
	return nil
}
