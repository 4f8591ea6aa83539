package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// GameSpec is a game to start: a scenario, a seed and a player per seat.
type GameSpec struct {
	Scenario *game.Scenario
	Seed     uint64
	Seats    []ai.PlayerSpec
	// NoClock turns the negotiation clock off; Clock turns it on where it
	// is off by default (the tutorial, hot seat). See clockOff.
	NoClock bool
	Clock   bool
}

// Difficulties are the AI difficulty names, easiest first.
var Difficulties = []string{"easy", "normal", "hard"}

// Personalities lists the AI personalities a seat may be given, the
// default first: the shipped personalities, then the built-in players.
func Personalities() []string {
	names := content.PersonalityNames()
	for _, b := range ai.BuiltinNames() {
		if !slices.Contains(names, b) {
			names = append(names, b)
		}
	}
	for _, pref := range []string{"opportunist", "tit-for-tat", "dove", "hawk"} {
		if k := slices.Index(names, pref); k > 0 {
			names = append([]string{pref}, slices.Delete(names, k, k+1)...)
			break
		}
	}
	return names
}

// DefaultPlayer is who plays a seat nobody named: the first of
// Personalities, at the default level.
func DefaultPlayer() ai.PlayerSpec { return ai.PlayerSpec{Player: Personalities()[0]} }

// ParseSeats gives seat you to a person and reads the others from
// SEAT=PLAYER lists in the player grammar (ai.ParseSeats); seats not named
// play DefaultPlayer. Naming you there too is a contradiction. Every AI is
// checked, so that a bad name is refused before any screen opens.
func ParseSeats(sc *game.Scenario, you string, values []string) ([]ai.PlayerSpec, error) {
	ps := sc.Public()
	me, ok := ps.SeatIndex(you)
	if !ok {
		return nil, &ai.SyntaxError{Entry: you, Msg: fmt.Sprintf("%s has no seat %q (seats: %s)", sc.ID, you, seatIDs(sc))}
	}
	if ai.SameSeat(values, you) {
		return nil, &ai.SyntaxError{Entry: you, Msg: fmt.Sprintf("you play %s: leave it out of the AI seats", you)}
	}
	specs, err := ai.ParseSeats(ps, values, DefaultPlayer())
	if err != nil {
		return nil, err
	}
	specs[me] = ai.PlayerSpec{Human: true}
	if err := content.NewPlayers(sc).Check(specs, ai.Normal); err != nil {
		return nil, err
	}
	return specs, nil
}

func seatIDs(sc *game.Scenario) string {
	out := make([]string, len(sc.Seats))
	for i, s := range sc.Seats {
		out[i] = s.ID
	}
	return strings.Join(out, ", ")
}
