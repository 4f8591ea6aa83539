// Package drive moves the AI seats of a game: the one step, shared by the
// simulator and the table, that finds the next AI seat owing an action in
// the present phase, asks its player from its own view, and closes its
// part of the phase. The rules of who owes what are the engine's
// (game.Owes); this package only decides whom to ask, and when.
package drive

import (
	"fmt"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// Driver drives the AI seats of one game. It is not safe for concurrent
// use: its owner (the simulator's loop, the table's goroutine) calls it.
type Driver struct {
	players []ai.Player // nil for seats played by people
	// asked[i] is the state's Seq after seat i last acted: it is not
	// asked again until something else changes, so a player whose
	// commands are refused cannot spin the game.
	asked []int
	// heard[i] is how many of the turn's messages seat i had been asked
	// with, in turn heardTurn[i]: a Listener is asked again when a newer
	// one reaches it.
	heard, heardTurn []int
}

// New makes a driver for the given players, one per seat in scenario
// order, nil for seats played by people.
func New(players []ai.Player) *Driver {
	d := &Driver{players: players, asked: make([]int, len(players)), heard: make([]int, len(players)), heardTurn: make([]int, len(players))}
	for i := range d.asked {
		d.asked[i] = -1
	}
	return d
}

// SetPlayer changes who plays seat from now on: an AI player, or nil for
// people. The new player is asked afresh.
func (d *Driver) SetPlayer(seat int, p ai.Player) {
	d.players[seat] = p
	d.asked[seat] = -1
	d.heardTurn[seat] = 0
}

// Next finds the first AI seat, in seat order, that owes an action in
// the present phase and has not acted since the state last changed. ask
// says whether its player must be asked; when false the seat has nothing
// to decide and Finish closes its part. seat is -1 when no AI seat owes
// anything (or the game is paused or over).
func (d *Driver) Next(st *game.State) (seat int, ask bool) {
	if st.Paused || st.Phase == game.GameOver {
		return -1, false
	}
	for i, p := range d.players {
		if p == nil || d.asked[i] == st.Seq {
			continue
		}
		owes := game.Owes(st, i)
		news := d.unheard(st, i)
		if !owes.Any() && !news {
			continue
		}
		if st.Phase == game.Negotiation && !owes.Answer && !news {
			// Nothing awaits its answer: a player that only answers has
			// nothing to say.
			if _, ok := p.(ai.Answerer); ok {
				return i, false
			}
		}
		ask := !p.Idle(st.Phase, st.Turn)
		if ask && st.Phase == game.Negotiation {
			d.heard[i], d.heardTurn[i] = len(st.Messages), st.Turn
		}
		return i, ask
	}
	return -1, false
}

// unheard reports whether, in negotiation, a message has reached seat
// since its player, a Listener, was last asked: one to it, or to
// everyone (the player decides whether that one is meant for it).
func (d *Driver) unheard(st *game.State, seat int) bool {
	if st.Phase != game.Negotiation {
		return false
	}
	if _, ok := d.players[seat].(ai.Listener); !ok {
		return false
	}
	from := 0
	if d.heardTurn[seat] == st.Turn {
		from = d.heard[seat]
	}
	for _, m := range st.Messages[min(from, len(st.Messages)):] {
		if m.From != seat && (m.To == 0 || m.To.Has(seat)) {
			return true
		}
	}
	return false
}

// Ask asks seat's player for its commands from its own view.
func (d *Driver) Ask(st *game.State, seat int) []game.Command {
	v := game.ViewFor(*st, seat)
	return d.players[seat].Act(&v)
}

// Finish is the command that closes seat's part of the present phase
// when its player has not: ready in negotiation and the report, the
// orders in force kept in the orders phase. It is nil when nothing is
// owed.
func (d *Driver) Finish(st *game.State, seat int) *game.Command {
	s := &st.Seats[seat]
	id := st.Scenario().Seats[seat].ID
	switch st.Phase {
	case game.Events, game.Negotiation, game.Report:
		if !s.Ready {
			return &game.Command{Kind: game.CmdReady, Seat: id}
		}
	case game.Orders:
		if !s.Submitted {
			return &game.Command{Kind: game.CmdReady, Seat: id}
		}
	}
	return nil
}

// Done records that seat has acted on the state with the given Seq.
func (d *Driver) Done(seat, seq int) { d.asked[seat] = seq }

// Check refuses a command that an AI seat gives in another seat's name.
func (d *Driver) Check(st *game.State, seat int, c game.Command) error {
	id := st.Scenario().Seats[seat].ID
	if c.Seat != id {
		return fmt.Errorf("%w: the %s player of %s gave a command as %q", game.ErrNotYourSeat, d.players[seat].Name(), id, c.Seat)
	}
	return nil
}
