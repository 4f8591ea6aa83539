package sim

import (
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

// Run plays the configured games and sums them up. Games run on
// cfg.Workers goroutines, each game on one; results are gathered by game
// index, not by the order games finish, and the trace is written in game
// order, so the output does not depend on the number of workers. The first
// error (by game index) stops the run.
func Run(cfg Config) (*Result, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	sc := cfg.Scenario
	nSeats := len(sc.Seats)
	workers := max(1, min(cfg.Workers, cfg.Games))
	var base *tracer
	if cfg.Trace != nil {
		base = newTracer(sc)
	}

	// Workers take game indices in order; stopAt is lowered to the index
	// of a failed game so that no later game starts. Every earlier game
	// still runs, so the error reported is always the lowest game's.
	var next atomic.Int64
	var stopAt atomic.Int64
	stopAt.Store(int64(cfg.Games))
	results := make(chan outcome, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			players := make([]ai.Player, nSeats)
			for {
				i := int(next.Add(1) - 1)
				if i >= cfg.Games || int64(i) >= stopAt.Load() {
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
					for {
						cur := stopAt.Load()
						if int64(i) >= cur || stopAt.CompareAndSwap(cur, int64(i)) {
							break
						}
					}
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
	ind := make([]float64, cfg.Games*nSeats*int(game.MaxIndicators))
	world := make([][game.MaxWorld]float64, cfg.Games)
	res := &Result{Scenario: sc.ID, Games: cfg.Games, Seed: cfg.Seed}
	pending := map[int]outcome{}
	done := 0
	var runErr, traceErr error
	for o := range results {
		pending[o.index] = o
		for {
			o, ok := pending[done]
			if !ok || runErr != nil {
				break
			}
			delete(pending, done)
			if cfg.Trace != nil && traceErr == nil && len(o.trace) > 0 {
				_, traceErr = cfg.Trace.Write(o.trace)
			}
			if o.err != nil {
				runErr = o.err
				break
			}
			copy(ind[o.index*nSeats*int(game.MaxIndicators):], o.ind)
			world[o.index] = o.world
			res.Refused += o.refused
			if o.index == 0 && cfg.KeepLog {
				res.Log = &game.Log{Scenario: sc.ID, Seed: GameSeed(cfg.Seed, 0), Commands: o.log}
			}
			done++
			if cfg.Progress != nil {
				cfg.Progress(done, cfg.Games)
			}
		}
	}
	if runErr != nil {
		return nil, runErr
	}
	if traceErr != nil {
		return nil, &TraceError{traceErr}
	}
	summarize(res, cfg, ind, world)
	return res, nil
}

// TraceError is a failure to write the trace.
type TraceError struct{ Err error }

func (e *TraceError) Error() string { return "writing the trace: " + e.Err.Error() }

func (e *TraceError) Unwrap() error { return e.Err }

// summarize fills in the seats' and the world's summaries from the final
// indicators of every game, in game order.
func summarize(res *Result, cfg Config, ind []float64, world [][game.MaxWorld]float64) {
	sc := cfg.Scenario
	nSeats := len(sc.Seats)
	nInd := int(game.MaxIndicators)
	wins := make([]float64, nSeats)
	scores := make([]float64, nSeats)
	for g := range cfg.Games {
		for s := range nSeats {
			scores[s] = ind[(g*nSeats+s)*nInd+int(game.Score)]
		}
		Wins(scores, wins)
	}
	sample := make([]float64, cfg.Games)
	column := func(s, k int) []float64 {
		for g := range cfg.Games {
			sample[g] = ind[(g*nSeats+s)*nInd+k]
		}
		return sample
	}
	ps := sc.Public()
	for _, k := range ps.ReportOrder() {
		res.Indicators = append(res.Indicators, ps.Indicators[k].Name)
	}
	for s := range nSeats {
		sr := SeatResult{Seat: sc.Seats[s].ID, Player: cfg.Seats[s].Name, Wins: wins[s], Final: map[string]Summary{}}
		for _, k := range ps.ReportOrder() {
			sr.Final[ps.Indicators[k].Name] = Summarize(column(s, int(k)))
		}
		sr.Score = sr.Final[ps.Indicators[game.Score].Name]
		res.Seats = append(res.Seats, sr)
	}
	res.World = map[string]Summary{}
	for w := range ps.World {
		name := ps.World[w].Name
		res.WorldNames = append(res.WorldNames, name)
		for g := range cfg.Games {
			sample[g] = world[g][w]
		}
		res.World[name] = Summarize(sample)
	}
}
