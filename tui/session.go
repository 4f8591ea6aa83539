package tui

import (
	"context"
	"errors"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/table"
)

// session is the interface's side of a running game: the table and a
// subscription per human seat at this keyboard. It never holds the
// game's state, only the updates the table sent.
type session struct {
	gen    int // tells this session's messages from an older one's
	table  *table.Table
	public *game.PublicScenario // what every seat knows: names before the first view
	seats  map[int]*table.Seat
	humans []int
	latest map[int]*table.Update
}

// Messages between the session and the model.
type (
	startedMsg struct {
		sess *session
		err  error
	}
	updateMsg struct {
		gen, seat int
		u         table.Update
		ok        bool
	}
	doneMsg struct {
		gen  int
		kind game.CommandKind
		err  error
		// auto marks a command of a run of rounds, given in turn.
		auto bool
		turn int
	}
)

// openSession starts a table for the spec and joins every human seat. It
// runs in a tea.Cmd.
func openSession(gen int, spec GameSpec, clock table.Clock) (*session, error) {
	sc := spec.Scenario
	if len(spec.Seats) != len(sc.Seats) {
		return nil, errors.New("one player per seat is needed")
	}
	players := make([]ai.Player, len(sc.Seats))
	var humans []int
	r := content.NewPlayers(sc)
	for i, s := range spec.Seats {
		if s.Human {
			humans = append(humans, i)
			continue
		}
		mk, _, err := r.Player(i, s, ai.Normal)
		if err != nil {
			return nil, err
		}
		players[i] = mk(spec.Seed)
	}
	if len(humans) == 0 {
		return nil, errors.New("at least one seat must be played by a person")
	}
	t, err := table.Open(table.Config{Scenario: sc, Seed: spec.Seed, Players: players, Clock: clock, NoClock: spec.clockOff(len(humans))})
	if err != nil {
		return nil, err
	}
	s := &session{gen: gen, table: t, public: sc.Public(), seats: map[int]*table.Seat{}, humans: humans,
		latest: map[int]*table.Update{}}
	for _, h := range humans {
		seat, err := t.Join(h)
		if err != nil {
			t.Close()
			return nil, err
		}
		s.seats[h] = seat
	}
	return s, nil
}

func startCmd(gen int, load func() (GameSpec, error), clock table.Clock) tea.Cmd {
	return func() tea.Msg {
		spec, err := load()
		if err != nil {
			return startedMsg{nil, err}
		}
		s, err := openSession(gen, spec, clock)
		return startedMsg{s, err}
	}
}

// waits returns a command per human seat that waits for its next update.
func (s *session) waits() tea.Cmd {
	var cmds []tea.Cmd
	for _, h := range s.humans {
		cmds = append(cmds, s.wait(h))
	}
	return tea.Batch(cmds...)
}

func (s *session) wait(seat int) tea.Cmd {
	ch, gen := s.seats[seat].Updates(), s.gen
	return func() tea.Msg {
		u, ok := <-ch
		return updateMsg{gen: gen, seat: seat, u: u, ok: ok}
	}
}

// do gives a command as a seat, in a tea.Cmd: the table may be busy.
func (s *session) do(seat int, c game.Command) tea.Cmd {
	ts, gen := s.seats[seat], s.gen
	return func() tea.Msg {
		return doneMsg{gen: gen, kind: c.Kind, err: ts.Do(context.Background(), c)}
	}
}

// doAuto gives a command of a run of rounds, in a tea.Cmd.
func (s *session) doAuto(seat int, c game.Command, turn int) tea.Cmd {
	ts, gen := s.seats[seat], s.gen
	return func() tea.Msg {
		return doneMsg{gen: gen, kind: c.Kind, err: ts.Do(context.Background(), c), auto: true, turn: turn}
	}
}

// briefed tells the table a seat's briefing was read, in a tea.Cmd: the
// negotiation clock waits for every person's.
func (s *session) briefed(seat int) tea.Cmd {
	ts, gen := s.seats[seat], s.gen
	return func() tea.Msg {
		return doneMsg{gen: gen, kind: game.CmdReady, err: ts.Briefed(context.Background())}
	}
}

func (s *session) close() {
	if s != nil && s.table != nil {
		s.table.Close()
	}
}

// clockOff decides whether the negotiation clock runs: as asked, or by
// default off in the tutorial (a lesson is not a race) and in hot seat
// (one clock cannot be fair to players who take turns at the keyboard),
// and on otherwise when the scenario suggests one.
func (spec *GameSpec) clockOff(humans int) bool {
	switch {
	case spec.NoClock:
		return true
	case spec.Clock:
		return false
	}
	return humans > 1 || spec.Scenario.ID == TutorialID
}

// note keeps a seat's latest update.
func (s *session) note(seat int, u *table.Update) { s.latest[seat] = u }

// pending reports whether a human seat still owes something in the
// phase its latest update shows, by the engine's rule.
func (s *session) pending(seat int) bool {
	u := s.latest[seat]
	if u == nil {
		return false
	}
	return u.View.Owes(seat).Any()
}

// next is the human seat that should have the keyboard: the active one
// while it has something to do, else the next in seat order that has.
func (s *session) next(active int) int {
	if s.pending(active) {
		return active
	}
	k := slices.Index(s.humans, active)
	for i := 1; i <= len(s.humans); i++ {
		h := s.humans[(k+i)%len(s.humans)]
		if s.pending(h) {
			return h
		}
	}
	return active
}
