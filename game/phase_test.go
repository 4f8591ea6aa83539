package game_test

import (
	"slices"
	"testing"

	. "github.com/chokepoint-game/chokepoint/game"
)

func TestTransitionTable(t *testing.T) {
	want := map[Phase][]Phase{
		Setup:       {Events, GameOver},
		Events:      {Negotiation, GameOver},
		Negotiation: {Orders, GameOver},
		Orders:      {Resolution, GameOver},
		Resolution:  {Report, GameOver},
		Report:      {Events, GameOver},
		GameOver:    nil,
	}
	for _, from := range Phases() {
		for _, to := range Phases() {
			if got, exp := CanMove(from, to), slices.Contains(want[from], to); got != exp {
				t.Errorf("CanMove(%s, %s) = %v, want %v", from, to, got, exp)
			}
		}
	}
	if CanMove(Phase(99), Setup) || Transitions(Phase(99)) != nil {
		t.Error("an unknown phase has transitions")
	}
	for _, p := range Phases() {
		var back Phase
		text, _ := p.MarshalText()
		if err := back.UnmarshalText(text); err != nil || back != p {
			t.Errorf("phase %s does not round-trip: %v", p, err)
		}
	}
}

// Each transition of the table, made by the command that makes it.
func TestPhaseTransitions(t *testing.T) {
	cases := []struct {
		name  string
		setup func(g *testGame)
		act   func(g *testGame)
		want  Phase
		turn  int
	}{
		{"setup to events by start", func(g *testGame) {}, func(g *testGame) { g.fac(CmdStart) }, Events, 1},
		{"setup to events by advance", func(g *testGame) {}, func(g *testGame) { g.fac(CmdAdvance) }, Events, 1},
		{"setup to game over by end", func(g *testGame) {}, func(g *testGame) { g.fac(CmdEnd) }, GameOver, 0},
		{"events to negotiation when all ready", func(g *testGame) { g.fac(CmdStart) }, func(g *testGame) { g.allReady() }, Negotiation, 1},
		{"events to negotiation by advance", func(g *testGame) { g.fac(CmdStart) }, func(g *testGame) { g.fac(CmdAdvance) }, Negotiation, 1},
		{"negotiation to orders when all ready", func(g *testGame) { g.toNegotiation() }, func(g *testGame) { g.allReady() }, Orders, 1},
		{"negotiation to orders by advance", func(g *testGame) { g.toNegotiation() }, func(g *testGame) { g.fac(CmdAdvance) }, Orders, 1},
		{"orders to report through resolution", func(g *testGame) { g.toOrders() }, func(g *testGame) { g.allReady() }, Report, 1},
		{"orders to report by advance", func(g *testGame) { g.toOrders() }, func(g *testGame) { g.fac(CmdAdvance) }, Report, 1},
		{"report to next turn's events", func(g *testGame) { g.toOrders(); g.allReady() }, func(g *testGame) { g.allReady() }, Events, 2},
		{"report of the last turn to game over", func(g *testGame) {
			g.fac(CmdStart)
			for g.st.Turn < g.st.Scenario().Turns || g.st.Phase != Report {
				g.allReady()
			}
		}, func(g *testGame) { g.allReady() }, GameOver, 4},
		{"events to game over by end", func(g *testGame) { g.fac(CmdStart) }, func(g *testGame) { g.fac(CmdEnd) }, GameOver, 1},
		{"negotiation to game over by end", func(g *testGame) { g.toNegotiation() }, func(g *testGame) { g.fac(CmdEnd) }, GameOver, 1},
		{"orders to game over by end", func(g *testGame) { g.toOrders() }, func(g *testGame) { g.fac(CmdEnd) }, GameOver, 1},
		{"report to game over by end", func(g *testGame) { g.toOrders(); g.allReady() }, func(g *testGame) { g.fac(CmdEnd) }, GameOver, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := newTestGame(t, mustTiny(t), 1)
			c.setup(g)
			c.act(g)
			if g.st.Phase != c.want || g.st.Turn != c.turn {
				t.Fatalf("now %s of turn %d, want %s of turn %d", g.st.Phase, g.st.Turn, c.want, c.turn)
			}
		})
	}
}

func TestResolutionIsAnnounced(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 1)
	g.toOrders()
	var all []Event
	for _, s := range g.st.Scenario().Seats {
		all = append(all, g.do(Command{Kind: CmdReady, Seat: s.ID})...)
	}
	var phases []Phase
	for _, e := range all {
		if e.Kind == EvPhase {
			phases = append(phases, e.Phase)
		}
	}
	if !slices.Equal(phases, []Phase{Resolution, Report}) {
		t.Fatalf("phases announced %v, want resolution then report", phases)
	}
}

func TestNegotiationRounds(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 1)
	g.toNegotiation()
	g.do(Command{Kind: CmdPropose, Seat: "us", Proposal: &Proposal{
		Title: "Calm", Parties: []string{"eu"}, Duration: 1,
		Clauses: []ClauseSpec{{Lever: "tariff", Bound: AtMost, Actor: "eu", Target: "us", Level: "10"}},
	}})
	g.allReady()
	if g.st.Phase != Negotiation || g.st.Round != 2 {
		t.Fatalf("after a round with a proposal: %s round %d, want negotiation round 2", g.st.Phase, g.st.Round)
	}
	g.do(Command{Kind: CmdRespond, Seat: "eu", Deal: 1, Answer: Accept})
	g.allReady()
	// The scenario allows two rounds: the phase closes even after activity.
	if g.st.Phase != Orders {
		t.Fatalf("after the last round: %s, want orders", g.st.Phase)
	}
}

func TestLastRoundLapsesOpenProposals(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 1)
	g.toNegotiation()
	g.do(Command{Kind: CmdPropose, Seat: "us", Proposal: &Proposal{
		Title: "Calm", Parties: []string{"eu"}, Duration: 1,
		Clauses: []ClauseSpec{{Lever: "tariff", Bound: AtMost, Actor: "eu", Target: "us", Level: "10"}},
	}})
	evs := g.fac(CmdAdvance)
	if g.st.Phase != Orders || g.st.Deals[0].Status != Lapsed || !hasEvent(evs, EvClosed) {
		t.Fatalf("phase %s, deal %s: want orders and a lapsed proposal", g.st.Phase, g.st.Deals[0].Status)
	}
}

func TestSeatWithoutOrdersKeepsPolicy(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 1)
	g.toOrders()
	g.do(Command{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "tariff", Towards: "prc", Level: "100"}}})
	g.fac(CmdAdvance) // prc and eu submit nothing
	if got := g.level("us", "tariff", "prc"); got != "100" {
		t.Errorf("us tariff on prc %s, want 100", got)
	}
	if got := g.level("prc", "licensing", "us"); got != "case-by-case" {
		t.Errorf("prc licensing %s, want its starting case-by-case", got)
	}
	// Next turn, nobody submits: everything stays.
	g.allReady()
	g.toOrders()
	g.fac(CmdAdvance)
	if got := g.level("us", "tariff", "prc"); got != "100" {
		t.Errorf("us tariff on prc %s after a turn without orders, want 100", got)
	}
}

func TestScheduledEventFires(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 1)
	g.toOrders()
	g.allReady()
	if g.level("prc", "extraterritorial", "") != "off" {
		t.Fatal("rule on before its turn")
	}
	evs := g.st.News
	g.allReady() // to turn 2's events
	evs = append(evs, g.st.News...)
	if g.level("prc", "extraterritorial", "") != "on" {
		t.Fatal("the turn-2 event did not switch the rule on")
	}
	found := false
	for _, e := range g.st.News {
		found = found || (e.Kind == EvScheduled && e.Ref == "rule")
	}
	if !found {
		t.Fatalf("no scheduled event in the news: %v", evs)
	}
}

func TestSettlementEndsGame(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 1)
	g.toNegotiation()
	g.do(Command{Kind: CmdPropose, Seat: "us", Proposal: &Proposal{
		Title: "Grand bargain", Parties: []string{"prc"}, Duration: 4,
		Clauses: []ClauseSpec{
			{Lever: "tariff", Bound: AtMost, Actor: "us", Target: "prc", Level: "10"},
			{Lever: "licensing", Bound: AtMost, Actor: "prc", Target: "us", Level: "general"},
			{Lever: "extraterritorial", Bound: AtMost, Actor: "prc", Level: "off"},
		},
	}})
	g.do(Command{Kind: CmdRespond, Seat: "prc", Deal: 1, Answer: Accept})
	g.toOrders()
	g.do(Command{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "tariff", Towards: "prc", Level: "10"}}})
	g.do(Command{Kind: CmdSubmit, Seat: "prc", Orders: []Order{{Lever: "licensing", Towards: "us", Level: "general"}}})
	g.do(Command{Kind: CmdReady, Seat: "eu"})
	if g.st.Phase != Report {
		t.Fatalf("phase %s, want report", g.st.Phase)
	}
	g.allReady()
	if g.st.Phase != GameOver || g.st.Ended == "" {
		t.Fatalf("phase %s (%q), want the settlement to end the game", g.st.Phase, g.st.Ended)
	}
}
