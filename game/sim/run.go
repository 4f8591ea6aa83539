package sim

import (
	"fmt"
	"math"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// Result sums up a run. It is also the JSON the command line prints.
type Result struct {
	Scenario string       `json:"scenario"`
	Games    int          `json:"games"`
	Seed     uint64       `json:"seed"`
	Seats    []SeatResult `json:"seats"`
	// World sums up the world indicators at the end of the games, by name.
	World map[string]Summary `json:"world"`
	// Refused counts the commands of unchecked players that the engine
	// refused, over all games: a sign of a player that misreads the rules.
	Refused int `json:"refused"`
	// Log is the first game's command log, when Config.KeepLog asked.
	Log *game.Log `json:"-"`
	// Indicators and WorldNames name the seats' and the world's
	// indicators in the order reports show them.
	Indicators []string `json:"-"`
	WorldNames []string `json:"-"`
}

// SeatResult sums up one seat over the games.
type SeatResult struct {
	Seat   string `json:"seat"`
	Player string `json:"player"`
	// Wins counts the games in which the seat had the most points; a game
	// won by k seats tied at the top counts 1/k for each.
	Wins  float64 `json:"wins"`
	Score Summary `json:"score"`
	// Final sums up the seat's indicators at the end of the games, by name.
	Final map[string]Summary `json:"final"`
}

// played is one game as a worker leaves it for the gatherer.
type played struct {
	o     Outcome
	trace []byte
	log   []game.Command
}

// MaxGames is the most games one run may play. The statistics are
// streamed, but exact score percentiles keep every score (four bytes a
// seat and game, usually), and a million games is already hours of play.
const MaxGames = 1_000_000

// Run plays the configured games (those of cfg.Shard) and sums them up.
// Games run on cfg.Workers goroutines, each game on one; results are
// gathered by game index, not by the order games finish, and the trace
// and the raw file are written in game order, so the output does not
// depend on the number of workers. The first error (by game index) stops
// the run, and so does a failure to write the trace or the raw file.
// Memory does not grow with the number of games beyond the scores kept
// for exact percentiles (see Summary). The result of a shard sums up its
// own games only.
func Run(cfg Config) (*Result, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if err := cfg.checkSize(); err != nil {
		return nil, err
	}
	sc := cfg.Scenario
	nSeats := len(sc.Seats)
	var base *tracer
	if cfg.Trace != nil {
		base = newTracer(sc)
	}
	names := make([]string, nSeats)
	for i, s := range cfg.Seats {
		names[i] = s.Name
	}
	layout := NewLayout(sc, names)
	var raw *RawWriter
	if cfg.Raw != nil {
		var err error
		raw, err = NewRawWriter(cfg.Raw, &RawHeader{Kind: "sim", Layout: layout, Games: cfg.Games, Seed: cfg.Seed, Points: 1, Shard: cfg.shard()})
		if err != nil {
			return nil, &RawWriteError{err}
		}
	}
	lo, hi := cfg.Shard.Range(cfg.Games)
	sum := NewSummer(layout, hi-lo)
	res := &Result{}
	play := func(i int) (played, error) {
		players := make([]ai.Player, nSeats)
		for s := range players {
			players[s] = cfg.Seats[s].Make(GameSeed(cfg.Seed, i))
		}
		m := &match{
			sc: sc, index: i, seed: GameSeed(cfg.Seed, i), players: players,
			turns: cfg.Turns, keepLog: cfg.KeepLog && i == 0,
		}
		if base != nil {
			m.trace = base.clone()
		}
		if err := m.play(); err != nil {
			return played{}, err
		}
		p := played{o: outcomeOf(&m.st, 0, i, len(layout.Indicators), len(layout.World)), log: m.log}
		p.o.Refused = m.refused
		if m.trace != nil {
			p.trace = m.trace.buf
		}
		return p, nil
	}
	take := func(i int, p played) error {
		if err := checkFinite(cfg, &p.o); err != nil {
			return err
		}
		if cfg.Trace != nil && len(p.trace) > 0 {
			if _, err := cfg.Trace.Write(p.trace); err != nil {
				return &TraceError{err}
			}
		}
		if raw != nil {
			if err := raw.Write(&p.o); err != nil {
				return &RawWriteError{err}
			}
		}
		sum.Add(&p.o)
		if i == 0 && cfg.KeepLog {
			res.Log = &game.Log{Scenario: sc.ID, Seed: GameSeed(cfg.Seed, 0), Commands: p.log}
		}
		if cfg.Progress != nil {
			cfg.Progress(i-lo+1, hi-lo)
		}
		return nil
	}
	if err := Ordered(lo, hi, cfg.Workers, play, take); err != nil {
		return nil, err
	}
	if raw != nil {
		if err := raw.Flush(); err != nil {
			return nil, &RawWriteError{err}
		}
	}
	out := sum.Result(hi-lo, GameSeed(cfg.Seed, lo))
	out.Log = res.Log
	return out, nil
}

// outcomeOf reads a finished game's outcome from its state.
func outcomeOf(st *game.State, point, i, nInd, nWorld int) Outcome {
	o := Outcome{Point: point, Game: i, Seats: make([][]float64, len(st.Seats)), World: make([]float64, nWorld)}
	flat := make([]float64, len(st.Seats)*nInd)
	for s := range st.Seats {
		o.Seats[s] = flat[s*nInd : (s+1)*nInd : (s+1)*nInd]
		copy(o.Seats[s], st.Seats[s].Ind[:nInd])
	}
	copy(o.World, st.World[:nWorld])
	return o
}

// PlayOutcome plays one game, as a run plays each of its games, and
// returns its outcome, numbered point and i: a sweep plays its games
// with it. The players are used for this game only.
func PlayOutcome(sc *game.Scenario, point, i int, seed uint64, players []ai.Player, turns int) (Outcome, error) {
	m := &match{sc: sc, index: i, seed: seed, players: players, turns: turns}
	if err := m.play(); err != nil {
		return Outcome{}, err
	}
	ps := sc.Public()
	o := outcomeOf(&m.st, point, i, len(ps.Indicators), len(ps.World))
	o.Refused = m.refused
	if err := checkFiniteOutcome(sc, seed, &o); err != nil {
		return Outcome{}, err
	}
	return o, nil
}

// RawWriteError is a failure to write the raw file.
type RawWriteError struct{ Err error }

func (e *RawWriteError) Error() string { return "writing the raw results: " + e.Err.Error() }

func (e *RawWriteError) Unwrap() error { return e.Err }

func (c *Config) shard() Shard {
	if c.Shard.Whole() {
		return Shard{1, 1}
	}
	return c.Shard
}

// checkSize refuses runs whose games or seeds do not fit: more than
// MaxGames games, or seeds past the largest uint64 (which would wrap
// round to 0 and replay early games under other numbers).
func (c *Config) checkSize() error {
	switch {
	case c.Games > MaxGames:
		return &ConfigError{fmt.Sprintf("the number of games must be at most %d, not %d", MaxGames, c.Games)}
	case c.Seed > math.MaxUint64-uint64(c.Games-1):
		return &ConfigError{fmt.Sprintf("seeds %d and on run past the largest seed, %d, within %d games", c.Seed, uint64(math.MaxUint64), c.Games)}
	}
	return nil
}

// OverflowError is a game whose scores or indicators left the finite
// numbers: the scenario's numbers are too large for the model. Validate
// bounds every number so that this should not happen; if it does, the run
// stops rather than print infinities.
type OverflowError struct {
	Game  int
	Seed  uint64
	Field string // "us economy", "world price-china"
}

func (e *OverflowError) Error() string {
	return fmt.Sprintf("game %d (seed %d): %s is not a finite number at the end: the scenario's numbers are too large for its model", e.Game, e.Seed, e.Field)
}

func checkFinite(cfg Config, o *Outcome) error {

	return checkFiniteOutcome(cfg.Scenario, GameSeed(cfg.Seed, o.Game), o)
}

func checkFiniteOutcome(sc *game.Scenario, seed uint64, o *Outcome) error {
	ps := sc.Public()
	for s, ind := range o.Seats {
		for k, x := range ind {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return &OverflowError{o.Game, seed, sc.Seats[s].ID + " " + ps.Indicators[k].Name}
			}
		}
	}
	for w, x := range o.World {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return &OverflowError{o.Game, seed, "world " + ps.World[w].Name}
		}
	}
	return nil
}

// TraceError is a failure to write the trace.
type TraceError struct{ Err error }

func (e *TraceError) Error() string { return "writing the trace: " + e.Err.Error() }

func (e *TraceError) Unwrap() error { return e.Err }
