package sim

import (
	"fmt"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/drive"
)

// RefusedError is a command from a Checked player (a playbook) that the
// engine refused: its check before the game missed something, so the run
// stops rather than report results the playbook did not ask for.
type RefusedError struct {
	Game    int
	Seed    uint64
	Turn    int
	Seat    string
	Player  string
	Command game.Command
	Err     error
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("game %d (seed %d), turn %d: the engine refused %s's %s command for %s: %v",
		e.Game, e.Seed, e.Turn, e.Player, e.Command.Kind, e.Seat, e.Err)
}

func (e *RefusedError) Unwrap() error { return e.Err }

// EngineError is a facilitator command the engine refused: a bug in the
// simulator's loop or the engine, never the players'.
type EngineError struct {
	Game int
	Seed uint64
	Err  error
}

func (e *EngineError) Error() string {
	return fmt.Sprintf("game %d (seed %d): the engine refused the simulator: %v", e.Game, e.Seed, e.Err)
}

func (e *EngineError) Unwrap() error { return e.Err }

// Game is one finished game: its final state, its log (every command
// the engine accepted, the facilitator's included) and how many commands of
// unchecked players the engine refused.
type Game struct {
	State   game.State
	Log     game.Log
	Refused int
}

// Play plays one game with the given players, one per seat in the
// scenario's order, as Run plays each of its games; turns ends it after
// that turn (0: play it all). The players are used for this game only.
func Play(sc *game.Scenario, seed uint64, players []ai.Player, turns int) (*Game, error) {
	return PlayWatching(sc, seed, players, turns, nil)
}

// PlayWatching is Play with a look at the state after each turn's
// resolution, for analyses that need the whole path of a game rather
// than its end.
func PlayWatching(sc *game.Scenario, seed uint64, players []ai.Player, turns int, onTurn func(st *game.State)) (*Game, error) {
	if !sc.Valid() {
		return nil, &ConfigError{"the scenario has not been validated"}
	}
	if len(players) != len(sc.Seats) {
		return nil, &ConfigError{fmt.Sprintf("%d players for the %d seats of %s", len(players), len(sc.Seats), sc.ID)}
	}
	m := &match{sc: sc, seed: seed, players: players, turns: turns, keepLog: true, onTurn: onTurn}
	if err := m.play(); err != nil {
		return nil, err
	}
	return &Game{State: m.st, Log: game.Log{Scenario: sc.ID, Seed: seed, Commands: m.log}, Refused: m.refused}, nil
}

// match is one game being played: its state, players and what it keeps.
type match struct {
	sc      *game.Scenario
	index   int
	seed    uint64
	st      game.State
	players []ai.Player
	turns   int // last turn to play, 0: all
	keepLog bool
	log     []game.Command
	refused int
	trace   *tracer // nil: no trace
	onTurn  func(st *game.State)
}

// play runs one game to its end. It closes the events phase at once, as
// a table does; then, through the driver the table uses too, it asks each
// seat that owes something for its commands, from its own view, and
// closes the seat's part of the phase; when no seat owes anything more
// and the phase has not closed itself, it closes it with the
// facilitator's advance, as a table does when its clock runs out.
func (m *match) play() error {
	st, err := game.NewGame(m.sc, m.seed)
	if err != nil {
		return &EngineError{m.index, m.seed, err}
	}
	m.st = st
	if err := m.facilitate(game.CmdStart, ""); err != nil {
		return err
	}
	d := drive.New(m.players)
	traced := 0
	for m.st.Phase != game.GameOver {
		phase, turn := m.st.Phase, m.st.Turn
		if phase == game.Report && traced < turn {
			traced = turn
			if m.trace != nil {
				m.trace.turn(m.index, &m.st)
			}
			if m.onTurn != nil {
				m.onTurn(&m.st)
			}
			if m.turns > 0 && turn >= m.turns && turn < m.sc.Turns {
				if err := m.facilitate(game.CmdEnd, fmt.Sprintf("the simulator stopped after turn %d", turn)); err != nil {
					return err
				}
				break
			}
		}
		if phase == game.Events {
			if err := m.facilitate(game.CmdAdvance, ""); err != nil {
				return err
			}
			continue
		}
		seat, ask := d.Next(&m.st)
		if seat < 0 {
			if err := m.facilitate(game.CmdAdvance, ""); err != nil {
				return err
			}
			continue
		}
		if ask {
			p := m.players[seat]
			for _, c := range d.Ask(&m.st, seat) {
				if err := m.apply(d, seat, c); err != nil {
					if _, checked := p.(ai.Checked); checked {
						return &RefusedError{m.index, m.seed, turn, m.sc.Seats[seat].ID, p.Name(), c, err}
					}
					m.refused++
				}
			}
		}
		// Unless the game moved on while it acted, the seat's part of the
		// phase is done.
		if m.st.Phase == phase && m.st.Turn == turn {
			if c := d.Finish(&m.st, seat); c != nil {
				if err := m.apply(d, seat, *c); err != nil {
					return &EngineError{m.index, m.seed, err}
				}
			}
		}
		d.Done(seat, m.st.Seq)
	}
	return nil
}

// apply applies a seat's command; a command given in another seat's name
// is refused like any other the seat may not give.
func (m *match) apply(d *drive.Driver, seat int, c game.Command) error {
	if err := d.Check(&m.st, seat, c); err != nil {
		return err
	}
	st, _, err := game.Apply(m.st, c)
	if err != nil {
		return err
	}
	m.st = st
	if m.keepLog {
		m.log = append(m.log, c)
	}
	return nil
}

func (m *match) facilitate(kind game.CommandKind, text string) error {
	c := game.Command{Kind: kind, Seat: game.FacilitatorID, Text: text}
	st, _, err := game.Apply(m.st, c)
	if err != nil {
		return &EngineError{m.index, m.seed, err}
	}
	m.st = st
	if m.keepLog {
		m.log = append(m.log, c)
	}
	return nil
}
