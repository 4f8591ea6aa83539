package table

import (
	"fmt"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/drive"
)

// Rewind is a game's log as viewer saw it after the first n commands: the
// update a subscriber would have had at that moment, its journal (news,
// turn records, deals as last seen) up to then. Nothing runs: no clock,
// no AI seat, no autosave. It is what a replay viewer draws, built the way
// the table builds a live game's updates, so a replayed turn reads as it
// did when it was played. The AI seats' reasons for their answers are not
// in a log, so a rewound journal has no notes.
func Rewind(sc *game.Scenario, seed uint64, log []game.Command, n, viewer int) (Update, error) {
	if sc == nil || !sc.Valid() {
		return Update{}, &ConfigError{"the scenario has not been validated"}
	}
	if n < 0 || n > len(log) {
		return Update{}, &ConfigError{fmt.Sprintf("no moment after %d commands in a log of %d", n, len(log))}
	}
	if viewer >= len(sc.Seats) || viewer < game.Omniscient {
		return Update{}, &ConfigError{fmt.Sprintf("no viewer %d", viewer)}
	}
	st, err := game.NewGame(sc, seed)
	if err != nil {
		return Update{}, err
	}
	t := &Table{scenario: sc, clock: RealClock{}}
	for i := range sc.Seats {
		t.seats = append(t.seats, sc.Seats[i].ID)
	}
	players := make([]ai.Player, len(sc.Seats))
	o := &owner{t: t, st: st, players: players, noClock: true, facilitated: true, replaying: true,
		feeds: map[int]*feed{}, busy: -1, drive: drive.New(players)}
	o.turns = append(o.turns, record(&o.st))
	f := newFeed(viewer)
	o.feeds[viewer] = f
	for i, c := range log[:n] {
		if err := o.apply(c); err != nil {
			return Update{}, &ConfigError{fmt.Sprintf("the log cannot be replayed: command %d (%s by %s): %v", i+1, c.Kind, c.Seat, err)}
		}
	}
	v := game.ViewFor(o.st, viewer)
	f.noteDeals(v.Deals)
	return Update{View: v, Journal: f.journal(o.turns), Now: t.clock.Now()}, nil
}
