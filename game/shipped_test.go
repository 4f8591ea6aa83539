package game_test

import (
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
)

func defaultScenario(tb testing.TB) *game.Scenario {
	tb.Helper()
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		tb.Fatal(err)
	}
	return sc
}

// playTurns runs a game of the scenario with every seat keeping its
// policy, for the given number of turns (or to its end).
func playTurns(tb testing.TB, sc *game.Scenario, seed uint64, turns int) game.State {
	tb.Helper()
	st, err := game.NewGame(sc, seed)
	if err != nil {
		tb.Fatal(err)
	}
	apply := func(c game.Command) {
		tb.Helper()
		st, _, err = game.Apply(st, c)
		if err != nil {
			tb.Fatalf("%s by %s: %v", c.Kind, c.Seat, err)
		}
	}
	apply(game.Command{Kind: game.CmdStart, Seat: game.FacilitatorID})
	for st.Phase != game.GameOver && st.Turn <= turns {
		for _, s := range sc.Seats {
			if st.Phase == game.GameOver {
				break
			}
			apply(game.Command{Kind: game.CmdReady, Seat: s.ID})
		}
		if st.Turn == turns && st.Phase == game.Report {
			break
		}
	}
	return st
}

func TestDefaultScenarioPlaysToTheEnd(t *testing.T) {
	sc := defaultScenario(t)
	st := playTurns(t, sc, 1, sc.Turns+1)
	if st.Phase != game.GameOver {
		t.Fatalf("phase %s after every turn", st.Phase)
	}
	for i, s := range st.Seats {
		for k, x := range s.Ind {
			if x != x {
				t.Errorf("seat %s indicator %s is NaN", sc.Seats[i].ID, game.Indicator(k))
			}
		}
	}
}

// BenchmarkApplyDefault measures Apply of the commands a turn is made of,
// on the default scenario in mid-game: proposing, answering, submitting
// orders and saying ready.
func BenchmarkApplyDefault(b *testing.B) {
	sc := defaultScenario(b)
	st := playTurns(b, sc, 1, 3)
	var err error
	for _, s := range sc.Seats {
		st, _, err = game.Apply(st, game.Command{Kind: game.CmdReady, Seat: s.ID})
		if err != nil {
			b.Fatal(err)
		}
	}
	for st.Phase != game.Negotiation {
		for _, s := range sc.Seats {
			st, _, _ = game.Apply(st, game.Command{Kind: game.CmdReady, Seat: s.ID})
		}
	}
	propose := game.Command{Kind: game.CmdPropose, Seat: "us", Proposal: &game.Proposal{
		Title: "Calm for calm", Parties: []string{"prc"}, Duration: 2,
		Clauses: []game.ClauseSpec{
			{Lever: "extraterritorial", Bound: game.AtMost, Actor: "prc", Level: "off"},
			{Lever: "licensing", Bound: game.AtMost, Actor: "prc", Target: "us", Level: sc.Levers[mustLever(b, sc, "licensing")].Levels[1].ID},
		},
	}}
	negotiation := st
	afterPropose, _, err := game.Apply(st, propose)
	if err != nil {
		b.Fatal(err)
	}
	id := afterPropose.Deals[len(afterPropose.Deals)-1].ID
	accept := game.Command{Kind: game.CmdRespond, Seat: "prc", Deal: id, Answer: game.Accept}
	orders := st
	for orders.Phase != game.Orders {
		for _, s := range sc.Seats {
			orders, _, _ = game.Apply(orders, game.Command{Kind: game.CmdReady, Seat: s.ID})
		}
	}
	tariff := mustLever(b, sc, "tariff")
	submit := game.Command{Kind: game.CmdSubmit, Seat: "us", Orders: []game.Order{
		{Lever: sc.Levers[tariff].ID, Towards: "prc", Level: sc.Levers[tariff].Levels[len(sc.Levers[tariff].Levels)-1].ID},
	}}
	cases := []struct {
		name string
		st   game.State
		cmd  game.Command
	}{
		{"propose", negotiation, propose},
		{"accept", afterPropose, accept},
		{"submit", orders, submit},
		{"ready", negotiation, game.Command{Kind: game.CmdReady, Seat: "eu"}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, _, err := game.Apply(c.st, c.cmd); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func mustLever(tb testing.TB, sc *game.Scenario, k string) int {
	l, ok := sc.Public().LeverOfKind(k)
	if !ok {
		tb.Fatalf("no %s lever", k)
	}
	return l
}

// BenchmarkResolveDefault measures a whole resolution of the default
// scenario: the last seat's orders trigger it.
func BenchmarkResolveDefault(b *testing.B) {
	sc := defaultScenario(b)
	st := playTurns(b, sc, 1, 2)
	for _, s := range sc.Seats {
		st, _, _ = game.Apply(st, game.Command{Kind: game.CmdReady, Seat: s.ID})
	}
	for st.Phase != game.Orders {
		for _, s := range sc.Seats {
			st, _, _ = game.Apply(st, game.Command{Kind: game.CmdReady, Seat: s.ID})
		}
	}
	last := sc.Seats[len(sc.Seats)-1].ID
	for _, s := range sc.Seats[:len(sc.Seats)-1] {
		st, _, _ = game.Apply(st, game.Command{Kind: game.CmdReady, Seat: s.ID})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := game.Apply(st, game.Command{Kind: game.CmdReady, Seat: last}); err != nil {
			b.Fatal(err)
		}
	}
}

// Random command sequences on every shipped scenario never panic, keep
// the invariants and replay to the same hashes.
func TestPropertyShippedScenarios(t *testing.T) {
	for _, e := range content.Shipped() {
		t.Run(e.ID, func(t *testing.T) {
			sc, err := content.Get(e.ID)
			if err != nil {
				t.Fatal(err)
			}
			PropertyCheck(t, sc)
		})
	}
}
