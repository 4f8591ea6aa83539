package game_test

import (
	"github.com/chokepoint-game/chokepoint/game/econ"
	"math"
	"testing"

	. "github.com/chokepoint-game/chokepoint/game"
)

// agree puts a two-party deal in force during negotiation.
func agree(g *testGame, proposer, other string, vis Visibility, duration int, clauses ...ClauseSpec) int {
	g.t.Helper()
	g.toNegotiation()
	id := g.st.NextDeal
	g.do(Command{Kind: CmdPropose, Seat: proposer, Proposal: &Proposal{
		Title: "Deal", Parties: []string{other}, Duration: duration, Visibility: vis, Clauses: clauses,
	}})
	evs := g.do(Command{Kind: CmdRespond, Seat: other, Deal: id, Answer: Accept})
	if !hasEvent(evs, EvInForce) {
		g.t.Fatalf("deal %d not in force: %v", id, evs)
	}
	return id
}

func findDeal(g *testGame, id int) *Deal {
	for i := range g.st.Deals {
		if g.st.Deals[i].ID == id {
			return &g.st.Deals[i]
		}
	}
	g.t.Fatalf("no deal %d", id)
	return nil
}

func TestDealInForceCostsCapital(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 1)
	before := g.st.Seats[g.seat("us")].Ind[Capital]
	id := agree(g, "prc", "us", Public, 2, ClauseSpec{Lever: "tariff", Bound: AtMost, Actor: "us", Target: "prc", Level: "10"})
	d := findDeal(g, id)
	if d.Status != InForce || d.Start != 1 || d.End != 2 {
		t.Fatalf("deal %+v, want in force for turns 1-2", d)
	}
	if got := g.st.Seats[g.seat("us")].Ind[Capital]; got != before-5 {
		t.Fatalf("us capital %g, want %g: one clause costs 5", got, before-5)
	}
}

func TestBreachIsFoundTold(t *testing.T) {
	for _, vis := range []Visibility{Public, Secret} {
		t.Run(vis.String(), func(t *testing.T) {
			g := newTestGame(t, mustTiny(t), 1)
			us, prc, eu := g.seat("us"), g.seat("prc"), g.seat("eu")
			id := agree(g, "prc", "us", vis, 3, ClauseSpec{Lever: "tariff", Bound: AtMost, Actor: "us", Target: "prc", Level: "10"})
			trustPRC, trustEU := g.st.Seats[prc].Trust[us], g.st.Seats[eu].Trust[us]
			g.toOrders()
			g.do(Command{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "tariff", Towards: "prc", Level: "100"}}})
			g.do(Command{Kind: CmdReady, Seat: "prc"})
			evs := g.do(Command{Kind: CmdReady, Seat: "eu"})
			d := findDeal(g, id)
			if d.Status != Broken || !d.Breachers.Has(us) {
				t.Fatalf("deal %s with breachers %v, want broken by us", d.Status, d.Breachers.Seats())
			}
			var breach *Event
			for i := range evs {
				if evs[i].Kind == EvBreach {
					breach = &evs[i]
				}
			}
			if breach == nil || breach.Seat != us {
				t.Fatalf("no breach event by us in %v", evs)
			}
			if got := g.st.Seats[prc].Trust[us]; got > trustPRC-20+0.001 {
				t.Errorf("prc trust in us %g, want at most %g", got, trustPRC-20)
			}
			euLearns := vis == Public
			if breach.VisibleTo(eu) != euLearns {
				t.Errorf("breach visible to eu: %v, want %v", breach.VisibleTo(eu), euLearns)
			}
			lostEU := g.st.Seats[eu].Trust[us] < trustEU-19
			if lostEU != euLearns {
				t.Errorf("eu trust in us went %g -> %g; learns of breach: %v", trustEU, g.st.Seats[eu].Trust[us], euLearns)
			}
			if g.st.Seats[us].Known[prc] != 1 || (g.st.Seats[us].Known[eu] == 1) != euLearns {
				t.Errorf("known breaches %v", g.st.Seats[us].Known)
			}
			// The PRC is free: next turn the deal no longer binds anybody.
			g.allReady()
			g.toOrders()
			g.do(Command{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "tariff", Towards: "prc", Level: "100"}}})
			evs = g.fac(CmdAdvance)
			if hasEvent(evs, EvBreach) {
				t.Error("a broken deal was checked again")
			}
		})
	}
}

func TestKeptDealEarnsTrustAndExpires(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 1)
	us, prc := g.seat("us"), g.seat("prc")
	id := agree(g, "prc", "us", Public, 1,
		ClauseSpec{Lever: "tariff", Bound: AtMost, Actor: "us", Target: "prc", Level: "50"},
		ClauseSpec{Lever: "licensing", Bound: AtMost, Actor: "prc", Target: "us", Level: "case-by-case"})
	before := g.st.Seats[prc].Trust[us]
	g.toOrders()
	evs := g.fac(CmdAdvance)
	if hasEvent(evs, EvBreach) {
		t.Fatal("a kept deal was reported breached")
	}
	// A deal of one turn binds that turn's orders and is still in force
	// in its report.
	d := findDeal(g, id)
	if d.Status != InForce || d.End != d.Start {
		t.Fatalf("deal %s to turn %d in the report of its one turn, want in force", d.Status, d.End)
	}
	// Coercion costs 3 a turn only for coercive levels; case-by-case is not.
	if got := g.st.Seats[prc].Trust[us]; got != before+2 {
		t.Errorf("prc trust in us %g, want %g", got, before+2)
	}
	// It expires as the next turn begins, and is dropped from the state.
	g.allReady()
	expired := false
	for _, e := range g.st.News {
		expired = expired || e.Kind == EvClosed && e.Deal == id && e.Status == Expired
	}
	if !expired {
		t.Error("no expiry in the news of the next turn")
	}
	for _, d := range g.st.Deals {
		if d.ID == id {
			t.Error("an expired deal is still in the state next turn")
		}
	}
}

// A deal whose last turn is the game's last is in force when the game
// ends, so an end objective "a deal in force with" holds.
func TestDealToTheLastTurnCountsAtTheEnd(t *testing.T) {
	sc := tinyScenario()
	sc.End.Settlement = Settlement{}
	sc.Seats[0].Secret = SecretObjectives{Deal: 1, Pool: []Objective{
		{ID: "deal-prc", Text: "Have a deal with the PRC", When: "end", Points: 5, DealWith: "prc"},
	}}
	if errs := sc.Validate(); errs != nil {
		t.Fatal(errs)
	}
	g := newTestGame(t, sc, 1)
	for g.st.Turn < sc.Turns || g.st.Phase != Negotiation {
		g.toNegotiation()
		if g.st.Turn < sc.Turns {
			g.allReady()
		}
	}
	id := agree(g, "us", "prc", Public, 1, ClauseSpec{Lever: "tariff", Bound: AtMost, Actor: "us", Target: "prc", Level: "50"})
	g.toOrders()
	g.fac(CmdAdvance) // resolves the last turn
	g.allReady()      // ends the game after its report
	if g.st.Phase != GameOver {
		t.Fatalf("phase %s, want game over", g.st.Phase)
	}
	if d := findDeal(g, id); d.Status != InForce {
		t.Fatalf("deal %s at the end of the game, want in force", d.Status)
	}
	us := g.seat("us")
	if got := g.st.Seats[us].Points[len(sc.Seats[0].Objectives)]; got != 5 {
		t.Fatalf("the end objective of a deal in force earned %g points, want 5", got)
	}
}

func TestCounterProposalLinks(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 1)
	g.toNegotiation()
	g.do(Command{Kind: CmdPropose, Seat: "us", Proposal: calm("prc")})
	counter := &Proposal{Title: "Better", Parties: []string{"us"}, Duration: 2, Clauses: []ClauseSpec{
		{Lever: "tariff", Bound: AtMost, Actor: "us", Target: "prc", Level: "0"},
		{Lever: "licensing", Bound: AtMost, Actor: "prc", Target: "us", Level: "general"},
	}}
	g.do(Command{Kind: CmdRespond, Seat: "prc", Deal: 1, Answer: Counter, Proposal: counter})
	old, nd := findDeal(g, 1), findDeal(g, 2)
	if old.Status != Countered || nd.CounterOf != 1 || nd.Proposer != g.seat("prc") || nd.Status != Proposed {
		t.Fatalf("old %+v new %+v", old, nd)
	}
	g.do(Command{Kind: CmdRespond, Seat: "us", Deal: 2, Answer: Accept})
	if findDeal(g, 2).Status != InForce {
		t.Fatal("accepted counter not in force")
	}
}

func TestThreePartyDealNeedsEveryone(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 1)
	g.toNegotiation()
	g.do(Command{Kind: CmdPropose, Seat: "us", Proposal: &Proposal{Title: "Club", Parties: []string{"eu", "prc"}, Duration: 2,
		Clauses: []ClauseSpec{{Lever: "tariff", Bound: AtMost, Actor: "eu", Target: "prc", Level: "10"}}}})
	g.do(Command{Kind: CmdRespond, Seat: "eu", Deal: 1, Answer: Accept})
	if findDeal(g, 1).Status != Proposed {
		t.Fatal("in force before every party accepted")
	}
	g.do(Command{Kind: CmdRespond, Seat: "prc", Deal: 1, Answer: Accept})
	if findDeal(g, 1).Status != InForce {
		t.Fatal("not in force after every party accepted")
	}
}

func TestClausesBoundTheirLevers(t *testing.T) {
	for _, b := range []Bound{AtMost, AtLeast} {
		var back Bound
		text, _ := b.MarshalText()
		if err := back.UnmarshalText(text); err != nil || back != b {
			t.Errorf("%s does not round-trip", b)
		}
	}
	sc := mustTiny(t)
	var p Policy
	l, _ := sc.LeverIndex("tariff")
	p[l][1] = 2 // 50%
	c := Clause{Bound: AtMost, Actor: 0, Target: 1, Slot: 1, Lever: l, Level: 1}
	if c.Kept(&p) {
		t.Error("50% kept a ceiling of 10%")
	}
	c.Bound = AtLeast
	if !c.Kept(&p) {
		t.Error("50% broke a floor of 10%")
	}
	c.Keep(&p)
	if p[l][1] != 2 {
		t.Error("keeping a kept floor moved the level")
	}
	c.Bound = AtMost
	c.Keep(&p)
	if p[l][1] != 1 {
		t.Errorf("keeping a ceiling of 10%% set level %d", p[l][1])
	}
}

func TestObjectivesScore(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 3)
	us := g.seat("us")
	g.toOrders()
	g.fac(CmdAdvance)
	// us keeps industry >= 97 at the start? Its score must equal the points
	// of the public every-turn objective if and only if it holds.
	met := g.st.Seats[us].Ind[econ.Industry] >= 97
	if got := g.st.Seats[us].Points[0]; (got == 1) != met {
		t.Fatalf("industry %g, points %g", g.st.Seats[us].Ind[econ.Industry], got)
	}
	g.fac(CmdEnd)
	// The PRC's end objective: separation share >= 0.8 holds in this world.
	prc := g.seat("prc")
	if g.st.Seats[prc].Points[0] != 3 {
		t.Fatalf("prc end objective points %g, want 3", g.st.Seats[prc].Points[0])
	}
}

func TestPrisonersDilemmaScores(t *testing.T) {
	sc := prisonersDilemma(200)
	if errs := sc.Validate(); errs != nil {
		t.Fatal(errs)
	}
	play := func(us, prc func(turn int, last string) string) (float64, float64) {
		g := newTestGame(t, sc, 1)
		g.fac(CmdStart)
		lastUS, lastPRC := "low", "low"
		for g.st.Phase != GameOver {
			g.allReady() // events
			g.allReady() // negotiation
			a, b := us(g.st.Turn, lastPRC), prc(g.st.Turn, lastUS)
			g.do(Command{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "tariff", Towards: "prc", Level: a}}})
			g.do(Command{Kind: CmdSubmit, Seat: "prc", Orders: []Order{{Lever: "tariff", Towards: "us", Level: b}}})
			lastUS, lastPRC = a, b
			g.allReady() // report
		}
		return g.st.Seats[0].Ind[Score], g.st.Seats[1].Ind[Score]
	}
	defect := func(int, string) string { return "high" }
	coop := func(int, string) string { return "low" }
	tft := func(turn int, last string) string {
		if turn == 1 {
			return "low"
		}
		return last
	}
	cases := []struct {
		name   string
		us, pr func(int, string) string
		a, b   float64
	}{
		{"tit-for-tat vs always-defect", tft, defect, 199, 204},
		{"tit-for-tat vs always-cooperate", tft, coop, 600, 600},
		{"always-defect vs always-cooperate", defect, coop, 1000, 0},
		{"always-defect vs always-defect", defect, defect, 200, 200},
	}
	for _, c := range cases {
		if a, b := play(c.us, c.pr); a != c.a || b != c.b {
			t.Errorf("%s: %g to %g, want %g to %g", c.name, a, b, c.a, c.b)
		}
	}
}

// Capital spent on a deal's clauses is a cause of the next resolution's
// change of capital, and that change runs from the capital before the
// deal, so that the report's "from last turn" and its causes agree.
func TestCommitmentsExplainCapital(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 1)
	us := g.seat("us")
	g.toNegotiation()
	before := g.st.Seats[us].Ind[Capital]
	agree(g, "prc", "us", Public, 2, ClauseSpec{Lever: "tariff", Bound: AtMost, Actor: "us", Target: "prc", Level: "50"})
	if got := g.st.Seats[us].Ind[Capital]; got != before-5 {
		t.Fatalf("capital %g after committing to one clause, want %g", got, before-5)
	}
	g.toOrders()
	g.fac(CmdAdvance)
	for _, c := range g.st.Changes {
		if c.Seat != us || c.Indicator != Capital {
			continue
		}
		if c.From != before {
			t.Errorf("the change runs from %g, want the capital before the deal, %g", c.From, before)
		}
		sum := c.Other
		found := false
		for _, k := range c.Causes {
			sum += k.Delta
			found = found || k.Kind == CauseCommitments && k.Delta == -5
		}
		if !found || math.Abs(sum-(c.To-c.From)) > 1e-9 {
			t.Errorf("causes %+v (other %g) of %g -> %g", c.Causes, c.Other, c.From, c.To)
		}
		return
	}
	t.Fatal("no change of the US's capital")
}
