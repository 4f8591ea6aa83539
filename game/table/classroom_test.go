package table

import (
	"context"
	"testing"
	"time"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/table/tabletest"
)

// In a classroom the game waits in a lobby until the facilitator starts
// it; the facilitator runs the negotiation clock (set, pause, resume), and
// switches a seat between people and an AI; a command names who at a seat
// gave it.
func TestFacilitatorRunsTheRoom(t *testing.T) {
	sc := tutorial(t)
	clock := tabletest.NewFakeClock(epoch)
	tb := open(t, Config{Scenario: sc, Seed: 5, Players: players(sc, "us", "eu"), Clock: clock, Lobby: true, Facilitated: true})
	fac := join(t, tb, game.Facilitator)
	us := join(t, tb, 0)
	u := waitFor(t, fac, "the lobby", func(u Update) bool { return u.View.Phase == game.Setup })
	if u.Humans != game.SeatSet(0).With(0).With(2) {
		t.Fatalf("humans %v", u.Humans.Seats())
	}
	do(t, fac, game.Command{Kind: game.CmdStart})
	waitFor(t, us, "negotiation", phaseIs(game.Negotiation, 1))
	for _, s := range []int{0, 2} {
		seat := join(t, tb, s)
		if err := seat.Briefed(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	u = waitFor(t, fac, "the clock", func(u Update) bool { return !u.Deadline.IsZero() })
	full := time.Duration(sc.Negotiation.ClockSeconds) * time.Second
	if u.Deadline.Sub(clock.Now()) != full {
		t.Fatalf("clock %v, want %v", u.Deadline.Sub(clock.Now()), full)
	}
	// Pause with a minute gone: the clock holds what is left.
	clock.Advance(time.Minute)
	do(t, fac, game.Command{Kind: game.CmdPause})
	u = waitFor(t, fac, "the pause", func(u Update) bool { return u.View.Paused })
	if !u.Deadline.IsZero() || u.ClockLeft != full-time.Minute {
		t.Fatalf("paused: deadline %v, left %v; want none and %v", u.Deadline, u.ClockLeft, full-time.Minute)
	}
	clock.Advance(time.Hour) // a paused clock does not run out
	do(t, fac, game.Command{Kind: game.CmdResume})
	u = waitFor(t, fac, "the resume", func(u Update) bool { return !u.View.Paused && !u.Deadline.IsZero() })
	if got := u.Deadline.Sub(clock.Now()); got != full-time.Minute {
		t.Fatalf("resumed with %v left, want %v", got, full-time.Minute)
	}
	// Extend: set the clock to ten minutes from now.
	do(t, fac, game.Command{Kind: game.CmdSetClock, Value: 600})
	u = waitFor(t, fac, "the new clock", func(u Update) bool { return u.Deadline.Sub(clock.Now()) == 10*time.Minute })
	// A team member names themself; the news says who.
	do(t, us, game.Command{Kind: game.CmdMessage, Text: "hello", By: "Ada"})
	u = waitFor(t, us, "the message", func(u Update) bool {
		n := u.Journal.News
		return len(n) > 0 && n[len(n)-1].Kind == game.EvMessage
	})
	if got := u.Journal.News[len(u.Journal.News)-1].By; got != "Ada" {
		t.Errorf("the message is by %q, want Ada", got)
	}
	// The EU's team leaves: an AI takes the seat and answers for it.
	if err := tb.SetPlayer(context.Background(), 2, ai.Passive{}); err != nil {
		t.Fatal(err)
	}
	u = waitFor(t, fac, "the switch", func(u Update) bool { return !u.Humans.Has(2) })
	do(t, us, game.Command{Kind: game.CmdReady})
	// The deadline goes with the phase.
	if u := waitFor(t, fac, "orders", phaseIs(game.Orders, 1)); !u.Deadline.IsZero() {
		t.Errorf("a deadline in the orders phase: %v", u.Deadline)
	}
	// Back to people, the seat owes its orders again.
	if err := tb.SetPlayer(context.Background(), 2, nil); err != nil {
		t.Fatal(err)
	}
	waitFor(t, fac, "people at the EU again", func(u Update) bool { return u.Humans.Has(2) })
}
