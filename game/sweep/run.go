package sweep

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"regexp"
	"sync"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// Config is one sweep: the plan's points of a base scenario, Games games
// at each with the same seeds (Seed to Seed+Games-1), so that every point
// meets the same events and the differences between points are the
// assumptions' (common random numbers).
type Config struct {
	Base  *game.Scenario
	Plan  *Plan
	Games int
	Seed  uint64
	// Seats makes the players of a point's scenario, one per seat; it is
	// called once per point, from any goroutine.
	Seats func(sc *game.Scenario) ([]sim.SeatPlayer, error)
	// Names are the players' names, as results show them.
	Names   []string
	Workers int
	Turns   int
	// Shard, when not the zero Shard, plays only that block of the
	// sweep's games (points times games, point by point).
	Shard sim.Shard
	// Raw, when not nil, receives the raw results file of the games
	// played (see sim.RawHeader).
	Raw io.Writer
	// Progress, when not nil, is called after each game is counted.
	Progress func(done, total int)
}

// CheckPoints validates every point's scenario, so that a point that
// cannot be played is reported before any game is.
func (c *Config) CheckPoints() error {
	for i := range c.Plan.Points {
		if _, err := c.Plan.Scenario(c.Base, i); err != nil {
			return err
		}
	}
	return nil
}

// point is what the games of one point share, made by the first game of
// the point that a worker takes and dropped once the point is summed up.
type point struct {
	once  sync.Once
	sc    *game.Scenario
	seats []sim.SeatPlayer
	err   error
}

// Run plays the sweep (or its shard) and sums every point up. A shard's
// result holds only the points it played whole.
func Run(cfg Config) (*Result, error) {
	if cfg.Games < 1 || cfg.Games > sim.MaxGames {
		return nil, &sim.ConfigError{Msg: fmt.Sprintf("the games per point must be between 1 and %d, not %d", sim.MaxGames, cfg.Games)}
	}
	plan := cfg.Plan
	layout := sim.NewLayout(cfg.Base, cfg.Names)
	total := len(plan.Points) * cfg.Games
	lo, hi := cfg.Shard.Range(total)
	var raw *sim.RawWriter
	if cfg.Raw != nil {
		pj, err := json.Marshal(plan)
		if err != nil {
			return nil, err
		}
		shard := cfg.Shard
		if shard.Whole() {
			shard = sim.Shard{K: 1, N: 1}
		}
		raw, err = sim.NewRawWriter(cfg.Raw, &sim.RawHeader{Kind: "sweep", Layout: layout, Games: cfg.Games, Seed: cfg.Seed,
			Points: len(plan.Points), Shard: shard, Plan: pj})
		if err != nil {
			return nil, &sim.RawWriteError{Err: err}
		}
	}
	var mu sync.Mutex
	points := map[int]*point{}
	get := func(p int) *point {
		mu.Lock()
		pt := points[p]
		if pt == nil {
			pt = &point{}
			points[p] = pt
		}
		mu.Unlock()
		pt.once.Do(func() {
			pt.sc, pt.err = plan.Scenario(cfg.Base, p)
			if pt.err == nil {
				pt.seats, pt.err = cfg.Seats(pt.sc)
			}
		})
		return pt
	}
	play := func(u int) (sim.Outcome, error) {
		p, g := u/cfg.Games, u%cfg.Games
		pt := get(p)
		if pt.err != nil {
			return sim.Outcome{}, pt.err
		}
		seed := sim.GameSeed(cfg.Seed, g)
		players := make([]ai.Player, len(pt.seats))
		for s := range pt.seats {
			players[s] = pt.seats[s].Make(seed)
		}
		o, err := sim.PlayOutcome(pt.sc, p, g, seed, players, cfg.Turns)
		if err != nil {
			return o, fmt.Errorf("point %d (%s): %w", p, plan.Describe(p), err)
		}
		return o, nil
	}
	agg := newAggregator(plan, layout, cfg.Games, cfg.Seed)
	take := func(u int, o sim.Outcome) error {
		if raw != nil {
			if err := raw.Write(&o); err != nil {
				return &sim.RawWriteError{Err: err}
			}
		}
		if agg.add(&o) {
			mu.Lock()
			delete(points, o.Point)
			mu.Unlock()
		}
		if cfg.Progress != nil {
			cfg.Progress(u-lo+1, hi-lo)
		}
		return nil
	}
	if err := sim.Ordered(lo, hi, cfg.Workers, play, take); err != nil {
		return nil, err
	}
	if raw != nil {
		if err := raw.Flush(); err != nil {
			return nil, &sim.RawWriteError{Err: err}
		}
	}
	return agg.result(), nil
}

// Merge sums up the raw files of a sweep's shards into the result the
// whole sweep gives.
func Merge(readers []*sim.RawReader) (*Result, error) {
	if len(readers) == 0 {
		return nil, &sim.RawError{Msg: "no raw files to merge"}
	}
	h := &readers[0].Header
	if h.Kind != "sweep" {
		return nil, &sim.RawError{Msg: "these files hold a sim run, not a sweep"}
	}
	plan := new(Plan)
	if err := json.Unmarshal(h.Plan, plan); err != nil || plan.check(h.Points) != nil {
		return nil, &sim.RawError{Msg: "the sweep's plan in the raw files is damaged"}
	}
	agg := newAggregator(plan, h.Layout, h.Games, h.Seed)
	if _, err := sim.Replay(readers, func(o *sim.Outcome) error {
		agg.add(o)
		return nil
	}); err != nil {
		return nil, err
	}
	return agg.result(), nil
}

// dimName is the shape of a dimension's path.
var dimName = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{0,200}$`)

// check reports whether a plan read from a file is whole: n points, each
// with a valid value of every dimension.
func (p *Plan) check(n int) error {
	if len(p.Points) != n || len(p.Dims) == 0 || (p.Design != "grid" && p.Design != "latin-hypercube") {
		return fmt.Errorf("points")
	}
	for i := range p.Dims {
		d := &p.Dims[i]
		if !dimName.MatchString(d.Name) {
			return fmt.Errorf("name")
		}
		for _, l := range d.Levels {
			if !sim.IsID(l) {
				return fmt.Errorf("level")
			}
		}
		if d.Levels == nil {
			if len(d.Range) != 2 || !(d.Range[0] < d.Range[1]) || math.IsInf(d.Range[0], 0) || math.IsInf(d.Range[1], 0) {
				return fmt.Errorf("range")
			}
			if p.Design == "grid" && (d.Steps < 2 || d.Steps > MaxSteps) {
				return fmt.Errorf("steps")
			}
			d.Lo, d.Hi = d.Range[0], d.Range[1]
		} else if len(d.Levels) < 2 {
			return fmt.Errorf("levels")
		}
	}
	for _, pt := range p.Points {
		if len(pt) != len(p.Dims) {
			return fmt.Errorf("point")
		}
		for i, v := range pt {
			if d := &p.Dims[i]; d.IsLever() && (v != float64(int(v)) || v < 0 || int(v) >= len(d.Levels)) {
				return fmt.Errorf("level")
			}
		}
	}
	return nil
}
