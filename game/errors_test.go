package game_test

import (
	"errors"
	"math"
	"testing"

	. "github.com/chokepoint-game/chokepoint/game"
)

func calm(parties ...string) *Proposal {
	return &Proposal{
		Title: "Calm", Parties: parties, Duration: 2,
		Clauses: []ClauseSpec{{Lever: "tariff", Bound: AtMost, Actor: "us", Target: "prc", Level: "10"}},
	}
}

// One row per way a command can be refused. Each row brings the game to
// the state it needs, then checks the error with errors.Is and that the
// state was left exactly as it was.
func TestCommandErrors(t *testing.T) {
	start := func(g *testGame) { g.fac(CmdStart) }
	neg := func(g *testGame) { g.toNegotiation() }
	ord := func(g *testGame) { g.toOrders() }
	proposed := func(g *testGame) {
		g.toNegotiation()
		g.do(Command{Kind: CmdPropose, Seat: "us", Proposal: calm("prc")})
	}
	cases := []struct {
		name  string
		setup func(g *testGame)
		cmd   Command
		want  error
	}{
		{"unknown command", start, Command{Kind: CommandKind(200), Seat: "us"}, ErrUnknownCommand},
		{"unknown seat", start, Command{Kind: CmdReady, Seat: "mars"}, ErrUnknownSeat},
		{"facilitator plays no seat", start, Command{Kind: CmdReady, Seat: FacilitatorID}, ErrNotYourSeat},
		{"seat gives a facilitator command", start, Command{Kind: CmdPause, Seat: "us"}, ErrFacilitator},
		{"not started", func(g *testGame) {}, Command{Kind: CmdReady, Seat: "us"}, ErrNotStarted},
		{"facilitator before start", func(g *testGame) {}, Command{Kind: CmdPause, Seat: FacilitatorID}, ErrNotStarted},
		{"start twice", start, Command{Kind: CmdStart, Seat: FacilitatorID}, ErrWrongPhase},
		{"propose outside negotiation", start, Command{Kind: CmdPropose, Seat: "us", Proposal: calm("prc")}, ErrWrongPhase},
		{"submit outside orders", neg, Command{Kind: CmdSubmit, Seat: "us"}, ErrWrongPhase},
		{"respond outside negotiation", ord, Command{Kind: CmdRespond, Seat: "prc", Deal: 1, Answer: Accept}, ErrWrongPhase},
		{"cancel submitted orders", ord, Command{Kind: CmdReady, Seat: "us", Cancel: true}, ErrWrongPhase},
		{"no proposal", neg, Command{Kind: CmdPropose, Seat: "us"}, ErrBadDeal},
		{"no title", neg, Command{Kind: CmdPropose, Seat: "us", Proposal: &Proposal{Parties: []string{"prc"}, Duration: 1,
			Clauses: calm().Clauses}}, ErrBadDeal},
		{"no other party", neg, Command{Kind: CmdPropose, Seat: "us", Proposal: calm()}, ErrBadDeal},
		{"unknown party", neg, Command{Kind: CmdPropose, Seat: "us", Proposal: calm("mars")}, ErrUnknownSeat},
		{"duration too long", neg, Command{Kind: CmdPropose, Seat: "us", Proposal: &Proposal{Title: "x", Parties: []string{"prc"}, Duration: 99,
			Clauses: calm().Clauses}}, ErrBadDeal},
		{"no clauses", neg, Command{Kind: CmdPropose, Seat: "us", Proposal: &Proposal{Title: "x", Parties: []string{"prc"}, Duration: 1}}, ErrBadDeal},
		{"clause by a non-party", neg, Command{Kind: CmdPropose, Seat: "us", Proposal: &Proposal{Title: "x", Parties: []string{"prc"}, Duration: 1,
			Clauses: []ClauseSpec{{Lever: "tariff", Bound: AtMost, Actor: "eu", Target: "us", Level: "0"}}}}, ErrBadDeal},
		{"clause on a lever the actor lacks", neg, Command{Kind: CmdPropose, Seat: "us", Proposal: &Proposal{Title: "x", Parties: []string{"prc"}, Duration: 1,
			Clauses: []ClauseSpec{{Lever: "licensing", Bound: AtMost, Actor: "us", Target: "prc", Level: "open"}}}}, ErrLeverNotYours},
		{"clause on a lever the scenario lacks", neg, Command{Kind: CmdPropose, Seat: "us", Proposal: &Proposal{Title: "x", Parties: []string{"prc"}, Duration: 1,
			Clauses: []ClauseSpec{{Lever: "software", Bound: AtMost, Actor: "us", Target: "prc", Level: "none"}}}}, ErrUnknownLever},
		{"clause towards a seat the lever cannot reach", neg, Command{Kind: CmdPropose, Seat: "us", Proposal: &Proposal{Title: "x", Parties: []string{"eu"}, Duration: 1,
			Clauses: []ClauseSpec{{Lever: "chips", Bound: AtMost, Actor: "us", Target: "eu", Level: "none"}}}}, ErrBadTarget},
		{"clause level unknown", neg, Command{Kind: CmdPropose, Seat: "us", Proposal: &Proposal{Title: "x", Parties: []string{"prc"}, Duration: 1,
			Clauses: []ClauseSpec{{Lever: "tariff", Bound: AtMost, Actor: "us", Target: "prc", Level: "7"}}}}, ErrUnknownLevel},
		{"no such deal", neg, Command{Kind: CmdRespond, Seat: "prc", Deal: 42, Answer: Accept}, ErrNoSuchDeal},
		{"not a party", proposed, Command{Kind: CmdRespond, Seat: "eu", Deal: 1, Answer: Accept}, ErrNotParty},
		{"proposer answers own deal", proposed, Command{Kind: CmdRespond, Seat: "us", Deal: 1, Answer: Reject}, ErrAnswered},
		{"deal already answered", func(g *testGame) {
			proposed(g)
			g.do(Command{Kind: CmdRespond, Seat: "prc", Deal: 1, Answer: Reject})
		}, Command{Kind: CmdRespond, Seat: "prc", Deal: 1, Answer: Accept}, ErrDealClosed},
		{"answer missing", proposed, Command{Kind: CmdRespond, Seat: "prc", Deal: 1}, ErrBadValue},
		{"withdraw another's deal", proposed, Command{Kind: CmdWithdraw, Seat: "prc", Deal: 1}, ErrNotYourSeat},
		{"withdraw a closed deal", func(g *testGame) {
			proposed(g)
			g.do(Command{Kind: CmdWithdraw, Seat: "us", Deal: 1})
		}, Command{Kind: CmdWithdraw, Seat: "us", Deal: 1}, ErrDealClosed},
		{"no capital for concessions", func(g *testGame) {
			g.toNegotiation()
			g.do(Command{Kind: CmdPropose, Seat: "prc", Proposal: calm("us")})
			g.st.Seats[0].Ind[Capital] = 0
		}, Command{Kind: CmdRespond, Seat: "us", Deal: 1, Answer: Accept}, ErrNoCapital},
		{"unknown lever", ord, Command{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "nukes", Level: "on"}}}, ErrUnknownLever},
		{"lever not yours", ord, Command{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "licensing", Towards: "prc", Level: "deny"}}}, ErrLeverNotYours},
		{"level out of range", ord, Command{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "tariff", Towards: "prc", Level: "155"}}}, ErrUnknownLevel},
		{"order towards yourself", ord, Command{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "tariff", Towards: "us", Level: "0"}}}, ErrBadTarget},
		{"order towards nobody", ord, Command{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "tariff", Level: "0"}}}, ErrUnknownSeat},
		{"target on a self lever", ord, Command{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "stockpile", Towards: "eu", Level: "some"}}}, ErrBadTarget},
		{"empty message", neg, Command{Kind: CmdMessage, Seat: "us", Text: "  "}, ErrBadMessage},
		{"message to yourself", neg, Command{Kind: CmdMessage, Seat: "us", To: []string{"us"}, Text: "hi"}, ErrBadMessage},
		{"message to nobody known", neg, Command{Kind: CmdMessage, Seat: "us", To: []string{"mars"}, Text: "hi"}, ErrUnknownSeat},
		{"paused", func(g *testGame) { start(g); g.fac(CmdPause) }, Command{Kind: CmdReady, Seat: "us"}, ErrPaused},
		{"pause twice", func(g *testGame) { start(g); g.fac(CmdPause) }, Command{Kind: CmdPause, Seat: FacilitatorID}, ErrPaused},
		{"resume unpaused", start, Command{Kind: CmdResume, Seat: FacilitatorID}, ErrNotPaused},
		{"inject unknown event", start, Command{Kind: CmdInject, Seat: FacilitatorID, Event: "meteor"}, ErrUnknownEvent},
		{"inject custom event without title", start, Command{Kind: CmdInject, Seat: FacilitatorID}, ErrBadValue},
		{"inject custom event with a bad effect", start, Command{Kind: CmdInject, Seat: FacilitatorID, Text: "Flood",
			Effects: []Effect{{Seat: "mars", Indicator: "economy", Add: 1}}}, ErrBadValue},
		{"override unknown seat", start, Command{Kind: CmdOverride, Seat: FacilitatorID, Target: "mars", Indicator: "economy", Value: 1, Text: "x"}, ErrUnknownSeat},
		{"override unknown indicator", start, Command{Kind: CmdOverride, Seat: FacilitatorID, Target: "us", Indicator: "mood", Value: 1, Text: "x"}, ErrBadValue},
		{"override without a note", start, Command{Kind: CmdOverride, Seat: FacilitatorID, Target: "us", Indicator: "economy", Value: 90}, ErrBadValue},
		{"override out of range", start, Command{Kind: CmdOverride, Seat: FacilitatorID, Target: "us", Indicator: "tech", Value: 150, Text: "x"}, ErrBadValue},
		{"override not a number", start, Command{Kind: CmdOverride, Seat: FacilitatorID, Target: "us", Indicator: "economy", Value: math.NaN(), Text: "x"}, ErrBadValue},
		{"clock negative", start, Command{Kind: CmdSetClock, Seat: FacilitatorID, Value: -5}, ErrBadValue},
		{"clock fractional", start, Command{Kind: CmdSetClock, Seat: FacilitatorID, Value: 1.5}, ErrBadValue},
		{"game over", func(g *testGame) { g.fac(CmdEnd) }, Command{Kind: CmdStart, Seat: FacilitatorID}, ErrGameOver},
		{"seat after game over", func(g *testGame) { start(g); g.fac(CmdEnd) }, Command{Kind: CmdReady, Seat: "us"}, ErrGameOver},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := newTestGame(t, mustTiny(t), 7)
			c.setup(g)
			before := Hash(g.st)
			_, err := g.try(c.cmd)
			wantErr(t, err, c.want)
			var ce *CommandError
			if !errors.As(err, &ce) {
				t.Fatalf("error %T is not a *CommandError", err)
			}
			if ce.Error() == "" {
				t.Error("empty error message")
			}
			if Hash(g.st) != before {
				t.Error("a refused command changed the state")
			}
		})
	}
}

func TestApplyNeedsValidScenario(t *testing.T) {
	_, _, err := Apply(State{}, Command{Kind: CmdStart, Seat: FacilitatorID})
	wantErr(t, err, ErrNoScenario)
	if _, err := NewGame(tinyScenario(), 1); !errors.Is(err, ErrNoScenario) {
		t.Fatalf("NewGame of an unvalidated scenario: %v", err)
	}
}

func TestErrorMessagesReadWell(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 1)
	g.toOrders()
	_, err := g.try(Command{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "tariff", Towards: "prc", Level: "155"}}})
	if got, want := err.Error(), `that lever has no such level: "tariff" has no level "155"`; got != want {
		t.Fatalf("message %q, want %q", got, want)
	}
}
