package sim

import (
	"fmt"
	"math"
	"sync"
	"sync/atomic"

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

// outcome is what one game leaves behind: final indicators, not states,
// so that a run of ten thousand games stays small.
type outcome struct {
	index   int
	ind     []float64 // seat-major: ind[seat*MaxIndicators+k]
	world   [game.MaxWorld]float64
	refused int
	trace   []byte
	log     []game.Command
	err     error
}

// MaxGames is the most games one run may play. The statistics are
// streamed, but exact score percentiles keep every score (four bytes a
// seat and game, usually), and a million games is already hours of play.
const MaxGames = 1_000_000

// aheadPerWorker bounds how many games past the oldest one still
// running may be played and held, per worker, so that a slow game
// cannot make the finished ones behind it pile up in memory.
const aheadPerWorker = 4

// Run plays the configured games and sums them up. Games run on
// cfg.Workers goroutines, each game on one; results are gathered by game
// index, not by the order games finish, and the trace is written in game
// order, so the output does not depend on the number of workers. The first
// error (by game index) stops the run, and so does a failure to write the
// trace. Memory does not grow with the number of games beyond the scores
// kept for exact percentiles (see Summary).
func Run(cfg Config) (*Result, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if err := cfg.checkSize(); err != nil {
		return nil, err
	}
	sc := cfg.Scenario
	nSeats := len(sc.Seats)
	workers := max(1, min(cfg.Workers, cfg.Games))
	var base *tracer
	if cfg.Trace != nil {
		base = newTracer(sc)
	}

	// Workers take game indices in order, each after taking a slot of
	// ahead, which the gatherer gives back as it takes games in order;
	// stopAt is lowered to the index of a failed game so that no later
	// game starts. Every earlier game still runs, so the error reported
	// is always the lowest game's.
	var next atomic.Int64
	var stopAt atomic.Int64
	stopAt.Store(int64(cfg.Games))
	stop := func(i int) {
		for {
			cur := stopAt.Load()
			if int64(i) >= cur || stopAt.CompareAndSwap(cur, int64(i)) {
				return
			}
		}
	}
	ahead := make(chan struct{}, aheadPerWorker*workers)
	results := make(chan outcome, aheadPerWorker*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			players := make([]ai.Player, nSeats)
			for {
				ahead <- struct{}{}
				i := int(next.Add(1) - 1)
				if i >= cfg.Games || int64(i) >= stopAt.Load() {
					<-ahead
					return
				}
				for s := range players {
					players[s] = cfg.Seats[s].make(GameSeed(cfg.Seed, i))
				}
				m := &match{
					sc: sc, index: i, seed: GameSeed(cfg.Seed, i), players: players,
					turns: cfg.Turns, keepLog: cfg.KeepLog && i == 0,
				}
				if base != nil {
					m.trace = base.clone()
				}
				o := outcome{index: i, err: m.play(), refused: m.refused, log: m.log}
				if o.err != nil {
					stop(i)
				} else {
					o.ind = make([]float64, nSeats*int(game.MaxIndicators))
					for s := range m.st.Seats {
						copy(o.ind[s*int(game.MaxIndicators):], m.st.Seats[s].Ind[:])
					}
					o.world = m.st.World
				}
				if m.trace != nil {
					o.trace = m.trace.buf
				}
				results <- o
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Gather in game order: a game that finishes early waits in pending
	// until every game before it is in.
	sum := newSummer(cfg)
	res := &Result{Scenario: sc.ID, Games: cfg.Games, Seed: cfg.Seed}
	pending := map[int]outcome{}
	done := 0
	var runErr error
	for o := range results {
		pending[o.index] = o
		for runErr == nil {
			o, ok := pending[done]
			if !ok {
				break
			}
			delete(pending, done)
			<-ahead
			if o.err == nil {
				o.err = checkFinite(cfg, o)
			}
			if cfg.Trace != nil && o.err == nil && len(o.trace) > 0 {
				if _, err := cfg.Trace.Write(o.trace); err != nil {
					o.err = &TraceError{err}
				}
			}
			if o.err != nil {
				runErr = o.err
				stop(done)
				break
			}
			sum.add(o)
			res.Refused += o.refused
			if o.index == 0 && cfg.KeepLog {
				res.Log = &game.Log{Scenario: sc.ID, Seed: GameSeed(cfg.Seed, 0), Commands: o.log}
			}
			done++
			if cfg.Progress != nil {
				cfg.Progress(done, cfg.Games)
			}
		}
		if runErr != nil {
			// Free the workers waiting for a slot; they see stopAt and end.
			for range pending {
				<-ahead
			}
			clear(pending)
		}
	}
	if runErr != nil {
		return nil, runErr
	}
	sum.result(res)
	return res, nil
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

func checkFinite(cfg Config, o outcome) error {
	ps := cfg.Scenario.Public()
	nInd := int(game.MaxIndicators)
	for i, x := range o.ind {
		if k := i % nInd; k < len(ps.Indicators) && (math.IsNaN(x) || math.IsInf(x, 0)) {
			return &OverflowError{o.index, GameSeed(cfg.Seed, o.index), cfg.Scenario.Seats[i/nInd].ID + " " + ps.Indicators[k].Name}
		}
	}
	for w := range ps.World {
		if x := o.world[w]; math.IsNaN(x) || math.IsInf(x, 0) {
			return &OverflowError{o.index, GameSeed(cfg.Seed, o.index), "world " + ps.World[w].Name}
		}
	}
	return nil
}

// TraceError is a failure to write the trace.
type TraceError struct{ Err error }

func (e *TraceError) Error() string { return "writing the trace: " + e.Err.Error() }

func (e *TraceError) Unwrap() error { return e.Err }

// summer sums up games as they come, in game order: wins, scores (kept
// whole for exact percentiles) and a stream per other indicator and per
// world indicator.
type summer struct {
	cfg    Config
	wins   []float64
	scores []exactSample
	ind    [][]stream // [seat][indicator]; the score's stream is unused
	world  []stream
	buf    []float64
}

func newSummer(cfg Config) *summer {
	n := len(cfg.Scenario.Seats)
	ps := cfg.Scenario.Public()
	s := &summer{cfg: cfg, wins: make([]float64, n), scores: make([]exactSample, n),
		ind: make([][]stream, n), world: make([]stream, len(ps.World)), buf: make([]float64, n)}
	for i := range s.ind {
		s.ind[i] = make([]stream, len(ps.Indicators))
		// The scores of every game are kept: sized once, they take four
		// bytes a game, with no room left over by growing.
		s.scores[i].f32 = make([]float32, 0, cfg.Games)
	}
	return s
}

func (s *summer) add(o outcome) {
	nInd := int(game.MaxIndicators)
	for seat := range s.ind {
		for k := range s.ind[seat] {
			x := o.ind[seat*nInd+k]
			if k == int(game.Score) {
				s.scores[seat].add(x)
				s.buf[seat] = x
			} else {
				s.ind[seat][k].add(x)
			}
		}
	}
	Wins(s.buf, s.wins)
	for w := range s.world {
		s.world[w].add(o.world[w])
	}
}

// result fills in the seats' and the world's summaries, the indicators
// in the order reports show them.
func (s *summer) result(res *Result) {
	sc := s.cfg.Scenario
	ps := sc.Public()
	for _, k := range ps.ReportOrder() {
		res.Indicators = append(res.Indicators, ps.Indicators[k].Name)
	}
	for seat := range s.ind {
		sr := SeatResult{Seat: sc.Seats[seat].ID, Player: s.cfg.Seats[seat].Name, Wins: s.wins[seat], Final: map[string]Summary{}}
		for _, k := range ps.ReportOrder() {
			name := ps.Indicators[k].Name
			if k == game.Score {
				sr.Score = s.scores[seat].summary()
				sr.Final[name] = sr.Score
			} else {
				sr.Final[name] = s.ind[seat][k].summary()
			}
		}
		res.Seats = append(res.Seats, sr)
	}
	res.World = map[string]Summary{}
	for w := range ps.World {
		name := ps.World[w].Name
		res.WorldNames = append(res.WorldNames, name)
		res.World[name] = s.world[w].summary()
	}
}
