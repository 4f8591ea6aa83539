package table

import (
	"context"
	"reflect"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/table/tabletest"
)

// Rewound to the end of a game, a viewer sees what its live subscription
// saw: the same view, news, turn records and deals. Rewound to a moment
// before, it sees that moment.
func TestRewindIsWhatTheViewerSaw(t *testing.T) {
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	tb := open(t, Config{Scenario: sc, Seed: 9, Players: rememberingPlayers(t, sc, 9), Clock: tabletest.NewFakeClock(epoch), NoClock: true})
	subs := map[int]*Seat{}
	for _, v := range []int{0, 2, game.Spectator, game.Facilitator} {
		subs[v] = join(t, tb, v)
	}
	var last Update
	for v, s := range subs {
		u := waitFor(t, s, "game over", func(u Update) bool { return u.View.Phase == game.GameOver && u.View.Revealed })
		if v == game.Spectator {
			last = u
		}
		rec, err := tb.Record(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		r, err := Rewind(sc, 9, rec.Log.Commands, len(rec.Log.Commands), v)
		if err != nil {
			t.Fatal(err)
		}
		if r.View.Seq != u.View.Seq || !reflect.DeepEqual(r.Journal.News, u.Journal.News) || !reflect.DeepEqual(r.Journal.Turns, u.Journal.Turns) || !reflect.DeepEqual(r.Journal.Deals, u.Journal.Deals) {
			t.Errorf("viewer %d: rewound to the end, %d news, %d turns, %d deals; live %d, %d, %d",
				v, len(r.Journal.News), len(r.Journal.Turns), len(r.Journal.Deals), len(u.Journal.News), len(u.Journal.Turns), len(u.Journal.Deals))
		}
	}
	rec, _ := tb.Record(context.Background())
	mid := rec.Marks[len(rec.Marks)/2]
	r, err := Rewind(sc, 9, rec.Log.Commands, mid.Command+1, game.Spectator)
	if err != nil {
		t.Fatal(err)
	}
	if r.View.Turn != mid.Turn || r.View.Phase != mid.Phase || len(r.Journal.News) >= len(last.Journal.News) {
		t.Errorf("rewound to turn %d %s: at turn %d %s with %d news", mid.Turn, mid.Phase, r.View.Turn, r.View.Phase, len(r.Journal.News))
	}
	if _, err := Rewind(sc, 9, rec.Log.Commands, len(rec.Log.Commands)+1, 0); err == nil {
		t.Error("rewinding past the end is not refused")
	}
}

// A viewer who joins after the game is over has in its journal every deal
// it could have seen, the closed ones included, as one who watched from
// the start.
func TestLateViewerHasEveryDeal(t *testing.T) {
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	tb := open(t, Config{Scenario: sc, Seed: 9, Players: rememberingPlayers(t, sc, 9), Clock: tabletest.NewFakeClock(epoch), NoClock: true})
	first := join(t, tb, game.Spectator)
	waitFor(t, first, "game over", func(u Update) bool { return u.View.Phase == game.GameOver && u.View.Revealed })
	rec, err := tb.Record(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []int{0, 1, 2, game.Spectator, game.Facilitator} {
		late := join(t, tb, v)
		u := waitFor(t, late, "game over", func(u Update) bool { return u.View.Phase == game.GameOver })
		r, err := Rewind(sc, 9, rec.Log.Commands, len(rec.Log.Commands), v)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Journal.Deals) == 0 {
			t.Fatalf("viewer %d: the game made no deals to check", v)
		}
		if !reflect.DeepEqual(r.Journal.Deals, u.Journal.Deals) {
			t.Errorf("viewer %d joined late: %d deals in its journal; one who watched had %d", v, len(u.Journal.Deals), len(r.Journal.Deals))
		}
	}
}
