package game_test

import (
	"errors"
	"testing"

	. "github.com/chokepoint-game/chokepoint/game"
	_ "github.com/chokepoint-game/chokepoint/game/econ"
	_ "github.com/chokepoint-game/chokepoint/game/payoff"
)

// game wraps a state and the log of accepted commands for tests.
type testGame struct {
	t   testing.TB
	st  State
	log Log
}

func newTestGame(t testing.TB, sc *Scenario, seed uint64) *testGame {
	t.Helper()
	st, err := NewGame(sc, seed)
	if err != nil {
		t.Fatal(err)
	}
	return &testGame{t: t, st: st, log: Log{Scenario: sc.ID, Seed: seed}}
}

func (g *testGame) try(c Command) ([]Event, error) {
	st, evs, err := Apply(g.st, c)
	if err == nil {
		g.st = st
		g.log.Commands = append(g.log.Commands, c)
	}
	return evs, err
}

func (g *testGame) do(c Command) []Event {
	g.t.Helper()
	evs, err := g.try(c)
	if err != nil {
		g.t.Fatalf("%s by %s: %v", c.Kind, c.Seat, err)
	}
	return evs
}

func (g *testGame) fac(kind CommandKind) []Event {
	g.t.Helper()
	return g.do(Command{Kind: kind, Seat: FacilitatorID})
}

// allReady makes every seat ready (or submit unchanged orders).
func (g *testGame) allReady() {
	g.t.Helper()
	for _, s := range g.st.Scenario().Seats {
		if g.st.Phase == GameOver {
			return
		}
		g.do(Command{Kind: CmdReady, Seat: s.ID})
	}
}

// toOrders runs the game from wherever it is to the next Orders phase.
func (g *testGame) toOrders() {
	g.t.Helper()
	if g.st.Phase == Setup {
		g.fac(CmdStart)
	}
	for g.st.Phase != Orders {
		if g.st.Phase == GameOver {
			g.t.Fatal("game over before the orders phase")
		}
		g.allReady()
	}
}

// toNegotiation runs the game to the next Negotiation phase.
func (g *testGame) toNegotiation() {
	g.t.Helper()
	if g.st.Phase == Setup {
		g.fac(CmdStart)
	}
	for g.st.Phase != Negotiation {
		g.allReady()
	}
}

func (g *testGame) seat(id string) int {
	i, ok := g.st.Scenario().SeatIndex(id)
	if !ok {
		g.t.Fatalf("no seat %q", id)
	}
	return i
}

func (g *testGame) level(seat, lever, towards string) string {
	sc := g.st.Scenario()
	l, _ := sc.LeverIndex(lever)
	slot := 0
	if towards != "" {
		slot = g.seat(towards)
	}
	return sc.Levers[l].Levels[g.st.Seats[g.seat(seat)].Policy[l][slot]].ID
}

func wantErr(t testing.TB, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("got error %v, want %v", err, target)
	}
}

func hasEvent(evs []Event, k EventKind) bool {
	for _, e := range evs {
		if e.Kind == k {
			return true
		}
	}
	return false
}
