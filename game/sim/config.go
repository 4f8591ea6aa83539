// Package sim runs many games of one scenario with every seat played by a
// player from game/ai, headless, and sums up how they ended. It is pure
// like the engine: no files, no clock, no terminal; traces go to an
// io.Writer. The same configuration gives the same results, byte for byte,
// whatever the number of workers.
package sim

import (
	"fmt"
	"io"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// Config is one run of the simulator.
type Config struct {
	Scenario *game.Scenario
	// Games is how many games to play; game i (from 0) uses seed Seed+i,
	// so any one game of a run can be played again alone with --games 1
	// and that seed.
	Games int
	Seed  uint64
	// Seats says who plays each seat, in the scenario's seat order.
	Seats []SeatPlayer
	// Workers is how many games run at once; 0 or less means one.
	Workers int
	// Turns ends every game after this turn (0: play the whole game). The
	// game ends through the facilitator's end command, so end-of-game
	// objectives score as they would at the last turn.
	Turns int
	// Trace, when not nil, receives one JSON line per game, turn and seat
	// after every resolution, in that order.
	Trace io.Writer
	// KeepLog keeps the command log of the first game, for saving it; it
	// is meant for runs of one game (a log per game would not stay small).
	KeepLog bool
	// Shard, when not the zero Shard, plays only that block of the games
	// (see Shard); each keeps its number and seed in the whole run.
	Shard Shard
	// Raw, when not nil, receives a raw results file: a header line, then
	// one JSON line per game with its outcome, in game order. The raw
	// files of the shards of a run merge into the run's result (MergeRun).
	Raw io.Writer
	// Progress, when not nil, is called from one goroutine after each
	// game is counted, with the games done so far, in order.
	Progress func(done, total int)
}

// SeatPlayer is who plays one seat: the name the results show and a
// constructor called once for each game, so that a player with memory
// never carries it from one game into another. A player with randomness
// of its own (a scripted AI) is made by Seeded instead, with the game's
// seed, from which it seeds its generator: the simulator knows the seed,
// a view does not.
type SeatPlayer struct {
	Name   string
	New    func() ai.Player
	Seeded func(gameSeed uint64) ai.Player
}

// Make builds the seat's player for the game with the given seed.
func (sp *SeatPlayer) Make(gameSeed uint64) ai.Player {
	if sp.Seeded != nil {
		return sp.Seeded(gameSeed)
	}
	return sp.New()
}

// GameSeed is the seed of game i of a run started with seed s.
func GameSeed(s uint64, i int) uint64 { return s + uint64(i) }

// ConfigError says what is wrong with a Config before any game runs.
type ConfigError struct{ Msg string }

func (e *ConfigError) Error() string { return e.Msg }

func (c *Config) check() error {
	switch {
	case c.Scenario == nil || !c.Scenario.Valid():
		return &ConfigError{"the scenario has not been validated"}
	case c.Games < 1:
		return &ConfigError{fmt.Sprintf("the number of games must be 1 or more, not %d", c.Games)}
	case len(c.Seats) != len(c.Scenario.Seats):
		return &ConfigError{fmt.Sprintf("%d players for the %d seats of %s", len(c.Seats), len(c.Scenario.Seats), c.Scenario.ID)}
	case c.Turns < 0:
		return &ConfigError{fmt.Sprintf("the last turn must be 1 or more, not %d", c.Turns)}
	case !c.Shard.Whole() && (c.Shard.K < 1 || c.Shard.K > c.Shard.N || c.Shard.N > MaxShards):
		return &ConfigError{fmt.Sprintf("shard %d/%d is not one of 1/N to N/N", c.Shard.K, c.Shard.N)}
	}
	for i, s := range c.Seats {
		if s.New == nil && s.Seeded == nil {
			return &ConfigError{fmt.Sprintf("no player for seat %s", c.Scenario.Seats[i].ID)}
		}
	}
	return nil
}
