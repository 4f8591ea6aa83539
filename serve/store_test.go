package serve

import (
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/saves"
)

func storeIn(t testing.TB, dir string) *saves.Store {
	t.Helper()
	st, err := saves.Open(dir)
	must(t, err)
	return st
}

func sourceOf(t testing.TB, sc *game.Scenario) *content.Source {
	t.Helper()
	data, err := content.ScenarioSource(sc.ID)
	must(t, err)
	return &content.Source{Scenario: sc, Data: data, Digest: content.SourceDigest(data)}
}

func humanSeats(sc *game.Scenario) []saves.Seat {
	out := make([]saves.Seat, len(sc.Seats))
	for i, s := range sc.Seats {
		out[i] = saves.Seat{Seat: s.ID, Player: "human"}
	}
	return out
}
