package game_test

import (
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
)

// Seats tied on points share a rank, listed in seat order; a difference
// below the shown precision is a tie; the next rank skips the shared
// places.
func TestStandingsTies(t *testing.T) {
	v := &game.View{Seats: make([]game.SeatView, 5)}
	for i, x := range []float64{5, 7, 7.00001, 3, 9} {
		v.Seats[i].Ind[game.Score] = x
	}
	got := game.Standings(v)
	want := []struct {
		seat, rank int
		tied       bool
	}{{4, 1, false}, {1, 2, true}, {2, 2, true}, {0, 4, false}, {3, 5, false}}
	for k, w := range want {
		if g := got[k]; g.Seat != w.seat || g.Rank != w.rank || g.Tied != w.tied {
			t.Errorf("place %d: %+v, want seat %d rank %d tied %v", k, g, w.seat, w.rank, w.tied)
		}
	}
	// The order does not depend on the seats' order of arrival.
	v.Seats[1].Ind[game.Score], v.Seats[2].Ind[game.Score] = 7.00001, 7
	if again := game.Standings(v); again[1].Seat != 1 || again[2].Seat != 2 {
		t.Errorf("tied seats reorder: %+v", again)
	}
}
