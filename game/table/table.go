// Package table runs one game: a single goroutine owns the state, applies
// every command, moves the AI seats, runs the negotiation clock and sends
// each subscriber its own view after every change. The local terminal game
// and (later) SSH sessions both talk to a table, so no user interface ever
// holds the authoritative state or shares a pointer into it.
package table

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// Config describes a table to open.
type Config struct {
	Scenario *game.Scenario // validated
	Seed     uint64
	// Players has one entry per seat in scenario order: an AI player, or
	// nil for a seat played by people.
	Players []ai.Player
	// Clock runs the negotiation clock; nil means the wall clock.
	Clock Clock
	// NoClock turns the negotiation clock off: negotiation ends only when
	// every seat is ready (a solo game need not race the clock).
	NoClock bool
	// Facilitated says a person runs the room: the table then leaves it to
	// the facilitator to reveal the secret objectives; otherwise it reveals
	// them itself when the game ends, for the debrief.
	Facilitated bool
	// Resume, when set, is the log of a game to carry on: the table replays
	// it (it must be of this scenario and seed) instead of starting afresh.
	Resume []game.Command
	// Lobby holds the game in setup until the facilitator starts it, so
	// that a room can gather first; otherwise the table starts it at once.
	Lobby bool
	// Pace, when positive, has each AI seat wait this long on the
	// table's clock before it decides, so that people watching a game of
	// AI seats (a facilitator rehearsing at one terminal) can follow it.
	Pace time.Duration
	// Autosave, when set, is handed the game after every change of phase,
	// in a goroutine of its own so that saving never holds up the table.
	// A slow saver skips to the latest game: it is called with the newest
	// record once the previous call returns.
	Autosave func(Record)
}

// Record is a game as a save needs it: its scenario, seed and command log,
// and the state's hash after every change of phase. Its slices are never
// written after it is handed out.
type Record struct {
	Log   game.Log
	Marks []Mark
	Phase game.Phase
	Turn  int
}

// Mark is the state's hash after the command at index Command (from 0)
// changed the phase.
type Mark struct {
	Command int        `json:"command"`
	Turn    int        `json:"turn"`
	Phase   game.Phase `json:"phase"`
	Hash    string     `json:"hash"`
}

// Errors of the table itself; the engine's errors come back as they are.
var (
	ErrClosed      = errors.New("the table is closed")
	ErrNotYourSeat = errors.New("that command is not this seat's to give")
	ErrBadConfig   = errors.New("the table cannot be set up that way")
)

// ConfigError says what is wrong with a Config.
type ConfigError struct{ Msg string }

func (e *ConfigError) Error() string { return "table: " + e.Msg }
func (e *ConfigError) Unwrap() error { return ErrBadConfig }

// Update is what a subscriber receives after every change: its view, its
// journal, and the table's own state around the game.
type Update struct {
	View    game.View
	Journal Journal
	// Humans is the set of seats played by people.
	Humans game.SeatSet
	// Thinking is the set of AI seats deciding at the moment.
	Thinking game.SeatSet
	// Deadline is when the negotiation clock runs out, on the table's
	// clock; zero when no clock runs.
	Deadline time.Time
	// ClockLeft is what the negotiation clock has left while the game is
	// paused; zero otherwise.
	ClockLeft time.Duration
	// Now is the table's clock when the update was made.
	Now time.Time
	// Err is set when an AI seat's command was refused or the table had
	// to stop: shown as a line, never a crash.
	Err error
}

// Table is a running game. Its methods are safe for concurrent use.
type Table struct {
	reqs chan request
	done chan struct{}
	quit chan struct{}

	scenario *game.Scenario
	seats    []string
	clock    Clock
}

type request struct {
	cmd       *game.Command
	sub       *Seat
	unsub     *Seat
	briefed   *Seat
	setPlayer *playerChange
	record    chan Record
	tick      int // a clock generation that ran out
	reply     chan error
}

// Open sets up a game, starts it and returns its table. The caller must
// Close it.
func Open(cfg Config) (*Table, error) {
	if cfg.Scenario == nil || !cfg.Scenario.Valid() {
		return nil, &ConfigError{"the scenario has not been validated"}
	}
	if len(cfg.Players) != len(cfg.Scenario.Seats) {
		return nil, &ConfigError{fmt.Sprintf("%d players for the %d seats of %s", len(cfg.Players), len(cfg.Scenario.Seats), cfg.Scenario.ID)}
	}
	st, err := game.NewGame(cfg.Scenario, cfg.Seed)
	if err != nil {
		return nil, err
	}
	if cfg.Clock == nil {
		cfg.Clock = RealClock{}
	}
	t := &Table{
		reqs: make(chan request), done: make(chan struct{}), quit: make(chan struct{}),
		scenario: cfg.Scenario, clock: cfg.Clock,
	}
	var humans game.SeatSet
	for i, p := range cfg.Players {
		if p == nil {
			humans = humans.With(i)
		}
		t.seats = append(t.seats, cfg.Scenario.Seats[i].ID)
	}
	o := &owner{t: t, st: st, players: slices.Clone(cfg.Players), noClock: cfg.NoClock, feeds: map[int]*feed{},
		facilitated: cfg.Facilitated, autosave: cfg.Autosave, humans: humans, lobby: cfg.Lobby, pace: cfg.Pace}
	if err := o.start(cfg.Resume); err != nil {
		return nil, err
	}
	go o.loop()
	return t, nil
}

// Close stops the table and waits for its goroutine to end. Subscribers'
// channels are closed.
func (t *Table) Close() {
	select {
	case <-t.quit:
	default:
		close(t.quit)
	}
	<-t.done
}

// Now is the table's clock.
func (t *Table) Now() time.Time { return t.clock.Now() }

func (t *Table) send(ctx context.Context, r request) error {
	r.reply = make(chan error, 1)
	select {
	case t.reqs <- r:
	case <-t.done:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-r.reply:
		return err
	case <-t.done:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Join subscribes a viewer: a seat index, or game.Spectator,
// game.Facilitator. The seat's first update is waiting on its channel
// when Join returns.
func (t *Table) Join(viewer int) (*Seat, error) {
	if viewer >= len(t.seats) || viewer < game.Omniscient {
		return nil, &ConfigError{fmt.Sprintf("no viewer %d", viewer)}
	}
	s := &Seat{t: t, viewer: viewer, ch: make(chan Update, 1)}
	if err := t.send(context.Background(), request{sub: s}); err != nil {
		return nil, err
	}
	return s, nil
}

// A Seat is one subscriber: it receives its viewer's updates and gives
// commands in that viewer's name.
type Seat struct {
	t      *Table
	viewer int
	ch     chan Update
}

// Viewer is the seat index or special viewer the seat sees as.
func (s *Seat) Viewer() int { return s.viewer }

// ID is the seat's id in commands ("facilitator" for the facilitator).
func (s *Seat) ID() string {
	switch {
	case s.viewer >= 0:
		return s.t.seats[s.viewer]
	case s.viewer == game.Facilitator:
		return game.FacilitatorID
	}
	return ""
}

// Updates delivers the seat's updates. Only the latest undelivered update
// is kept: a slow reader skips to the present, and loses nothing, since
// every update carries the whole journal. The channel is closed when the
// table closes or the seat leaves.
func (s *Seat) Updates() <-chan Update { return s.ch }

// Do gives a command in the seat's name and returns the engine's error, or
// nil once it has been applied. The command's Seat is filled in; a command
// naming another seat is refused.
func (s *Seat) Do(ctx context.Context, c game.Command) error {
	id := s.ID()
	if id == "" {
		return ErrNotYourSeat
	}
	if c.Seat == "" {
		c.Seat = id
	}
	if c.Seat != id {
		return fmt.Errorf("%w: %s cannot act as %q", ErrNotYourSeat, id, c.Seat)
	}
	return s.t.send(ctx, request{cmd: &c})
}

// Briefed tells the table that the people at this seat have read their
// briefing. The negotiation clock starts only once every seat played by
// people has said so, so that no one loses minutes to reading.
func (s *Seat) Briefed(ctx context.Context) error {
	if s.viewer < 0 {
		return nil
	}
	return s.t.send(ctx, request{briefed: s})
}

// SetPlayer hands seat to an AI player from now on, or, with nil, to
// people: the facilitator's switch when a team leaves or joins. The
// player must be new to this game.
func (t *Table) SetPlayer(ctx context.Context, seat int, p ai.Player) error {
	if seat < 0 || seat >= len(t.seats) {
		return &ConfigError{fmt.Sprintf("no seat %d", seat)}
	}
	return t.send(ctx, request{setPlayer: &playerChange{seat: seat, player: p}})
}

type playerChange struct {
	seat   int
	player ai.Player
}

// Record is the game so far, as a save needs it.
func (t *Table) Record(ctx context.Context) (Record, error) {
	r := request{record: make(chan Record, 1)}
	if err := t.send(ctx, r); err != nil {
		return Record{}, err
	}
	return <-r.record, nil
}

// Leave unsubscribes the seat; its channel is closed.
func (s *Seat) Leave() {
	_ = s.t.send(context.Background(), request{unsub: s})
}
