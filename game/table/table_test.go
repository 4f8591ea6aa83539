package table

import (
	"context"
	"errors"
	"github.com/chokepoint-game/chokepoint/game/table/tabletest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

var epoch = time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)

func tutorial(t *testing.T) *game.Scenario {
	t.Helper()
	sc, err := content.Get("tutorial")
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// players makes a passive AI for every seat but the human ones.
func players(sc *game.Scenario, humans ...string) []ai.Player {
	out := make([]ai.Player, len(sc.Seats))
	for i, s := range sc.Seats {
		human := false
		for _, h := range humans {
			human = human || h == s.ID
		}
		if !human {
			out[i] = ai.Passive{}
		}
	}
	return out
}

func open(t *testing.T, cfg Config) *Table {
	t.Helper()
	tb, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tb.Close)
	return tb
}

func join(t *testing.T, tb *Table, viewer int) *Seat {
	t.Helper()
	s, err := tb.Join(viewer)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// waitFor reads updates until cond holds.
func waitFor(t *testing.T, s *Seat, what string, cond func(u Update) bool) Update {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case u, ok := <-s.Updates():
			if !ok {
				t.Fatalf("waiting for %s: the seat's channel closed", what)
			}
			if cond(u) {
				return u
			}
		case <-timeout:
			t.Fatalf("waiting for %s: timed out", what)
		}
	}
}

func phaseIs(p game.Phase, turn int) func(Update) bool {
	return func(u Update) bool { return u.View.Phase == p && u.View.Turn == turn && u.Thinking == 0 }
}

func do(t *testing.T, s *Seat, c game.Command) {
	t.Helper()
	if err := s.Do(context.Background(), c); err != nil {
		t.Fatalf("%s: %v", c.Kind, err)
	}
}

func TestAllAIGameRunsToTheEnd(t *testing.T) {
	sc := tutorial(t)
	tb := open(t, Config{Scenario: sc, Seed: 1, Players: players(sc), Clock: tabletest.NewFakeClock(epoch)})
	s := join(t, tb, game.Spectator)
	u := waitFor(t, s, "game over", func(u Update) bool { return u.View.Phase == game.GameOver })
	if got, want := len(u.Journal.Turns), sc.Turns+1; got != want {
		t.Errorf("journal has %d turn records, want %d (the start and every turn)", got, want)
	}
	if u.Journal.Turns[0].Turn != 0 || u.Journal.Turns[sc.Turns].Turn != sc.Turns {
		t.Errorf("turn records go from %d to %d", u.Journal.Turns[0].Turn, u.Journal.Turns[sc.Turns].Turn)
	}
	turns := map[int]bool{}
	for _, e := range u.Journal.News {
		turns[e.Turn] = true
	}
	for turn := 1; turn <= sc.Turns; turn++ {
		if !turns[turn] {
			t.Errorf("the news has nothing of turn %d", turn)
		}
	}
}

func TestHumanSeatPlaysWithAIs(t *testing.T) {
	sc := tutorial(t)
	tb := open(t, Config{Scenario: sc, Seed: 2, Players: players(sc, "us"), Clock: tabletest.NewFakeClock(epoch), NoClock: true})
	us := join(t, tb, 0)
	for turn := 1; turn <= sc.Turns; turn++ {
		waitFor(t, us, "negotiation", phaseIs(game.Negotiation, turn))
		if turn == 1 {
			do(t, us, game.Command{Kind: game.CmdPropose, Proposal: &game.Proposal{
				Title: "Calm", Parties: []string{"prc"}, Duration: 2,
				Clauses: []game.ClauseSpec{{Lever: "tariff", Bound: game.AtMost, Actor: "us", Target: "prc", Level: "10%"}},
			}})
			// The passive PRC rejects it, in its own time.
			waitFor(t, us, "the PRC's answer", func(u Update) bool {
				return len(u.View.Deals) == 1 && u.View.Deals[0].Status == game.Rejected
			})
		}
		// A round with proposals in it is followed by another: ready
		// again until the orders open.
		for {
			do(t, us, game.Command{Kind: game.CmdReady})
			u := waitFor(t, us, "the next round or orders", func(u Update) bool {
				return u.Thinking == 0 && (u.View.Phase == game.Orders || !u.View.Seats[0].Ready)
			})
			if u.View.Phase == game.Orders {
				break
			}
		}
		do(t, us, game.Command{Kind: game.CmdSubmit, Orders: []game.Order{{Lever: "tariff", Towards: "prc", Level: "10%"}}})
		u := waitFor(t, us, "report", func(u Update) bool { return u.View.Phase == game.Report || u.View.Phase == game.GameOver })
		if u.View.Phase == game.GameOver {
			break
		}
		if got := len(u.Journal.Turns); got != turn+1 {
			t.Fatalf("turn %d: %d turn records", turn, got)
		}
		do(t, us, game.Command{Kind: game.CmdReady})
	}
	u := waitFor(t, us, "game over", func(u Update) bool { return u.View.Phase == game.GameOver })
	if u.View.Seats[0].Policy[0][1] != 1 {
		t.Errorf("the US tariff on the PRC is level %d, want 1 (10%%)", u.View.Seats[0].Policy[0][1])
	}
	if len(u.Journal.Deals) != 1 || u.Journal.Deals[0].Status != game.Rejected {
		t.Errorf("journal deals: %+v", u.Journal.Deals)
	}
}

func TestNegotiationClockAdvances(t *testing.T) {
	sc := tutorial(t)
	clock := tabletest.NewFakeClock(epoch)
	tb := open(t, Config{Scenario: sc, Seed: 3, Players: players(sc, "us"), Clock: clock})
	us := join(t, tb, 0)
	u := waitFor(t, us, "negotiation", phaseIs(game.Negotiation, 1))
	// The clock waits for the people at the table to read their briefing.
	if !u.Deadline.IsZero() {
		t.Fatalf("deadline %v before the briefing was read", u.Deadline)
	}
	clock.Advance(10 * time.Minute)
	if err := us.Briefed(context.Background()); err != nil {
		t.Fatal(err)
	}
	u = waitFor(t, us, "the clock", func(u Update) bool { return !u.Deadline.IsZero() })
	if want := clock.Now().Add(time.Duration(sc.Negotiation.ClockSeconds) * time.Second); !u.Deadline.Equal(want) {
		t.Fatalf("deadline %v, want %v", u.Deadline, want)
	}
	clock.Advance(time.Duration(sc.Negotiation.ClockSeconds-1) * time.Second)
	if err := us.Do(context.Background(), game.Command{Kind: game.CmdMessage, Text: "still talking"}); err != nil {
		t.Fatalf("a message a second before the clock runs out: %v", err)
	}
	clock.Advance(time.Second)
	u = waitFor(t, us, "orders after the clock ran out", phaseIs(game.Orders, 1))
	if !u.Deadline.IsZero() {
		t.Errorf("deadline %v in the orders phase", u.Deadline)
	}
	if clock.Pending() != 0 {
		t.Errorf("%d timers left", clock.Pending())
	}
}

func TestErrorsAreTyped(t *testing.T) {
	sc := tutorial(t)
	tb := open(t, Config{Scenario: sc, Seed: 4, Players: players(sc, "us"), Clock: tabletest.NewFakeClock(epoch), NoClock: true})
	us := join(t, tb, 0)
	waitFor(t, us, "negotiation", phaseIs(game.Negotiation, 1))
	err := us.Do(context.Background(), game.Command{Kind: game.CmdReady, Seat: "prc"})
	if !errors.Is(err, ErrNotYourSeat) {
		t.Errorf("acting as another seat: %v", err)
	}
	err = us.Do(context.Background(), game.Command{Kind: game.CmdSubmit})
	var ce *game.CommandError
	if !errors.Is(err, game.ErrWrongPhase) || !errors.As(err, &ce) {
		t.Errorf("orders in negotiation: %v", err)
	}
	spec := join(t, tb, game.Spectator)
	if err := spec.Do(context.Background(), game.Command{Kind: game.CmdReady}); !errors.Is(err, ErrNotYourSeat) {
		t.Errorf("a spectator's command: %v", err)
	}
	if _, err := Open(Config{Scenario: sc}); !errors.Is(err, ErrBadConfig) {
		t.Errorf("no players: %v", err)
	}
	if _, err := tb.Join(9); !errors.Is(err, ErrBadConfig) {
		t.Errorf("joining as seat 9: %v", err)
	}
}

func TestPrivateNewsStaysPrivate(t *testing.T) {
	sc := tutorial(t)
	tb := open(t, Config{Scenario: sc, Seed: 5, Players: players(sc, "us", "eu"), Clock: tabletest.NewFakeClock(epoch), NoClock: true})
	us, eu := join(t, tb, 0), join(t, tb, 2)
	waitFor(t, us, "negotiation", phaseIs(game.Negotiation, 1))
	do(t, us, game.Command{Kind: game.CmdMessage, To: []string{"prc"}, Text: "SECRET-MARKER"})
	do(t, eu, game.Command{Kind: game.CmdMessage, Text: "public words"})
	u := waitFor(t, eu, "its own message", func(u Update) bool {
		for _, e := range u.Journal.News {
			if e.Text == "public words" {
				return true
			}
		}
		return false
	})
	for _, e := range u.Journal.News {
		if strings.Contains(e.Text, "SECRET-MARKER") {
			t.Fatal("the EU's journal holds the US's private message")
		}
	}
	// A late spectator catches up on the public news only.
	spec := join(t, tb, game.Spectator)
	u = waitFor(t, spec, "first update", func(Update) bool { return true })
	found := false
	for _, e := range u.Journal.News {
		found = found || e.Text == "public words"
		if strings.Contains(e.Text, "SECRET-MARKER") {
			t.Fatal("the spectator's journal holds a private message")
		}
	}
	if !found {
		t.Error("the late spectator did not catch up on the public message")
	}
}

func TestCloseEndsEverything(t *testing.T) {
	sc := tutorial(t)
	tb, err := Open(Config{Scenario: sc, Seed: 6, Players: players(sc, "us"), Clock: tabletest.NewFakeClock(epoch)})
	if err != nil {
		t.Fatal(err)
	}
	us := join(t, tb, 0)
	tb.Close()
	tb.Close() // twice is fine
	for range us.Updates() {
	}
	if err := us.Do(context.Background(), game.Command{Kind: game.CmdReady}); !errors.Is(err, ErrClosed) {
		t.Errorf("a command after Close: %v", err)
	}
	if _, err := tb.Join(0); !errors.Is(err, ErrClosed) {
		t.Errorf("joining after Close: %v", err)
	}
}

// TestConcurrentSeats has two human seats and a spectator working at once
// from their own goroutines, for the race detector.
func TestConcurrentSeats(t *testing.T) {
	sc := tutorial(t)
	tb := open(t, Config{Scenario: sc, Seed: 7, Players: players(sc, "us", "eu"), Clock: tabletest.NewFakeClock(epoch), NoClock: true})
	var wg sync.WaitGroup
	for _, seat := range []int{0, 2} {
		s := join(t, tb, seat)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range s.Updates() {
				if u.View.Phase == game.GameOver {
					return
				}
				switch {
				case u.View.Phase == game.Orders && !u.View.Seats[seat].Submitted:
					_ = s.Do(context.Background(), game.Command{Kind: game.CmdReady})
				case (u.View.Phase == game.Negotiation || u.View.Phase == game.Report) && !u.View.Seats[seat].Ready:
					_ = s.Do(context.Background(), game.Command{Kind: game.CmdMessage, Text: "hello"})
					_ = s.Do(context.Background(), game.Command{Kind: game.CmdReady})
				}
			}
		}()
	}
	spec := join(t, tb, game.Spectator)
	u := waitFor(t, spec, "game over", func(u Update) bool { return u.View.Phase == game.GameOver })
	wg.Wait()
	// Read everything the spectator was given, as a UI would.
	n := 0
	for _, e := range u.Journal.News {
		n += len(e.Text)
	}
	for _, d := range u.Journal.Deals {
		n += len(d.Clauses)
	}
	_ = n
}

func TestFakeClockOrder(t *testing.T) {
	c := tabletest.NewFakeClock(epoch)
	var got []int
	c.AfterFunc(2*time.Second, func() { got = append(got, 2) })
	stop := c.AfterFunc(time.Second, func() { got = append(got, 1) })
	c.AfterFunc(time.Second/2, func() { got = append(got, 0) })
	if !stop() {
		t.Fatal("stop of a pending timer reports false")
	}
	c.Advance(3 * time.Second)
	if len(got) != 2 || got[0] != 0 || got[1] != 2 {
		t.Errorf("fired %v, want [0 2]", got)
	}
	if !c.Now().Equal(epoch.Add(3 * time.Second)) {
		t.Errorf("now %v", c.Now())
	}
}

// A person says "done" once a turn: when another negotiation round starts
// only because others were still talking, they stay ready.
func TestReadyOnceATurn(t *testing.T) {
	sc := tutorial(t)
	tb := open(t, Config{Scenario: sc, Seed: 3, Players: players(sc, "us"), Clock: tabletest.NewFakeClock(epoch), NoClock: true})
	us := join(t, tb, 0)
	waitFor(t, us, "negotiation", phaseIs(game.Negotiation, 1))
	do(t, us, game.Command{Kind: game.CmdPropose, Proposal: &game.Proposal{
		Title: "Calm", Parties: []string{"prc"}, Duration: 2,
		Clauses: []game.ClauseSpec{{Lever: "tariff", Bound: game.AtMost, Actor: "us", Target: "prc", Level: "10%"}},
	}})
	do(t, us, game.Command{Kind: game.CmdReady})
	// The proposal makes a second round; the US, with nothing to answer,
	// stays ready, and the orders open without another word from it.
	waitFor(t, us, "orders", phaseIs(game.Orders, 1))
}

// A proposal that arrives for a person who was done brings them back: they
// are not made ready again until they have looked at it.
func TestProposalWaitingStopsReadyOnce(t *testing.T) {
	sc := tutorial(t)
	tb := open(t, Config{Scenario: sc, Seed: 4, Players: players(sc, "us", "prc"), Clock: tabletest.NewFakeClock(epoch), NoClock: true})
	us, prc := join(t, tb, 0), join(t, tb, 1)
	waitFor(t, us, "negotiation", phaseIs(game.Negotiation, 1))
	do(t, us, game.Command{Kind: game.CmdReady})
	do(t, prc, game.Command{Kind: game.CmdPropose, Proposal: &game.Proposal{
		Title: "Licences for tariffs", Parties: []string{"us"}, Duration: 2,
		Clauses: []game.ClauseSpec{{Lever: "tariff", Bound: game.AtMost, Actor: "us", Target: "prc", Level: "10%"}},
	}})
	do(t, prc, game.Command{Kind: game.CmdReady})
	u := waitFor(t, us, "round 2", func(u Update) bool { return u.View.Round == 2 && u.Thinking == 0 })
	if u.View.Seats[0].Ready {
		t.Fatal("the US was made ready with a proposal waiting for its answer")
	}
	do(t, us, game.Command{Kind: game.CmdRespond, Deal: u.View.Deals[0].ID, Answer: game.Reject})
	do(t, us, game.Command{Kind: game.CmdReady})
	do(t, prc, game.Command{Kind: game.CmdReady})
	waitFor(t, us, "orders", phaseIs(game.Orders, 1))
}
