package saves_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
	"github.com/chokepoint-game/chokepoint/saves"
)

// played is a game played to its end by AI seats, with what a save
// needs of it.
type played struct {
	src   *content.Source
	log   game.Log
	final game.State
	seats []saves.Seat
}

var games sync.Map

// personalities the test games cycle through, seat by seat.
var mix = []string{"opportunist", "hawk", "tit-for-tat", "dove"}

// play plays scenario id with seed, every seat a scripted AI (turns: 0 for
// the whole game), once per process.
func play(t testing.TB, id string, seed uint64, turns int) *played {
	t.Helper()
	key := fmt.Sprint(id, seed, turns)
	if g, ok := games.Load(key); ok {
		return g.(*played)
	}
	p, err := playGame(id, seed, turns)
	if err != nil {
		t.Fatal(err)
	}
	games.Store(key, p)
	return p
}

func playGame(id string, seed uint64, turns int) (*played, error) {
	src, err := content.GetSource(id)
	if err != nil {
		return nil, err
	}
	sc := src.Scenario
	players := make([]ai.Player, len(sc.Seats))
	seats := make([]saves.Seat, len(sc.Seats))
	names := content.PersonalityNames()
	for i, s := range sc.Seats {
		name := mix[i%len(mix)]
		if !slices.Contains(names, name) {
			name = names[i%len(names)]
		}
		p, err := content.GetPersonality(name)
		if err != nil {
			return nil, err
		}
		mk, err := content.PersonalityPlayer(sc, s.ID, p, ai.Normal, name+"@normal")
		if err != nil {
			return nil, err
		}
		players[i] = mk(seed)
		seats[i] = saves.Seat{Seat: s.ID, Player: name + "@normal"}
	}
	g, err := sim.Play(sc, seed, players, turns)
	if err != nil {
		return nil, err
	}
	return &played{src: src, log: g.Log, final: g.State, seats: seats}, nil
}
