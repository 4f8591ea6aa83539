package table

import (
	"testing"
	"time"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/table/tabletest"
)

// With a pace, an AI seat decides only once the table's clock has run
// that long: a game of AI seats stands still on a clock that does not
// move, and goes on as it moves.
func TestPaceHoldsAISeats(t *testing.T) {
	sc := tutorial(t)
	clock := tabletest.NewFakeClock(epoch)
	ps := make([]ai.Player, len(sc.Seats))
	r := content.NewPlayers(sc)
	for i := range ps {
		mk, _, err := r.Player(i, ai.PlayerSpec{Player: "tit-for-tat"}, ai.Normal)
		if err != nil {
			t.Fatal(err)
		}
		ps[i] = mk(uint64(i))
	}
	tb := open(t, Config{Scenario: sc, Seed: 1, Players: ps, Clock: clock, Pace: time.Second, NoClock: true})
	s := join(t, tb, game.Spectator)
	u := waitFor(t, s, "an AI seat thinking", func(u Update) bool { return u.Thinking != 0 })
	seq := u.View.Seq
	// The paced wait is the clock's only timer (there is no negotiation clock).
	for k := 0; clock.Pending() == 0; k++ {
		if k > 5000 {
			t.Fatal("no paced wait on the table's clock")
		}
		time.Sleep(time.Millisecond)
	}
	select {
	case u := <-s.Updates():
		if u.View.Seq != seq {
			t.Fatalf("an AI seat acted with the clock standing still (seq %d, then %d)", seq, u.View.Seq)
		}
	case <-time.After(50 * time.Millisecond):
	}
	for i := 0; i < 1000; i++ {
		clock.Advance(time.Second)
		select {
		case u := <-s.Updates():
			if u.View.Phase == game.GameOver {
				return
			}
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatal("the paced game did not end")
}
