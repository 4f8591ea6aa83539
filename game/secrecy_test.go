package game_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	. "github.com/chokepoint-game/chokepoint/game"
)

const marker = "ZQXMARKER"

// TestViewsKeepSecrets plants a marker in every secret field of the US
// seat (its secret objectives, its briefing, a secret deal and a proposal
// with the EU, a private message to the EU) and checks that no view that
// may not know of them contains the marker.
func TestViewsKeepSecrets(t *testing.T) {
	sc := tinyScenario()
	for k := range sc.Seats[0].Secret.Pool {
		sc.Seats[0].Secret.Pool[k].Text = marker + "-objective"
		sc.Seats[0].Secret.Pool[k].ID = strings.ToLower(marker) + "-" + sc.Seats[0].Secret.Pool[k].ID
	}
	sc.Seats[0].Briefing = marker + "-briefing"
	if errs := sc.Validate(); errs != nil {
		t.Fatal(errs)
	}
	g := newTestGame(t, sc, 11)
	g.toNegotiation()
	g.do(Command{Kind: CmdPropose, Seat: "us", Proposal: &Proposal{
		Title: marker + "-deal", Note: marker + "-note", Parties: []string{"eu"}, Duration: 2, Visibility: Secret,
		Clauses: []ClauseSpec{{Lever: "tariff", Bound: AtMost, Actor: "eu", Target: "us", Level: "0"}},
	}})
	g.do(Command{Kind: CmdRespond, Seat: "eu", Deal: 1, Answer: Accept})
	g.do(Command{Kind: CmdPropose, Seat: "us", Proposal: &Proposal{
		Title: marker + "-proposal", Parties: []string{"eu"}, Duration: 1, Visibility: Public,
		Clauses: []ClauseSpec{{Lever: "tariff", Bound: AtMost, Actor: "us", Target: "eu", Level: "0"}},
	}})
	g.do(Command{Kind: CmdMessage, Seat: "us", To: []string{"eu"}, Text: marker + "-message"})
	g.do(Command{Kind: CmdChat, Seat: "us", To: []string{"eu"}, Text: marker + "-chat"})

	us, prc, eu := g.seat("us"), g.seat("prc"), g.seat("eu")
	check := func(st State, viewer int, allowed func(string) bool) {
		t.Helper()
		b, err := json.Marshal(ViewFor(st, viewer))
		if err != nil {
			t.Fatal(err)
		}
		for _, kind := range []string{"objective", "briefing", "deal", "note", "proposal", "message", "chat"} {
			found := bytes.Contains(b, []byte(marker+"-"+kind)) || (kind == "objective" && bytes.Contains(b, []byte(strings.ToLower(marker))))
			if found && !allowed(kind) {
				t.Errorf("viewer %d sees the US's secret %s", viewer, kind)
			}
			if !found && allowed(kind) && viewer != Spectator {
				t.Errorf("viewer %d does not see the %s it should", viewer, kind)
			}
		}
	}
	usOnly := func(k string) bool { return false }
	withEU := func(k string) bool { return k != "objective" && k != "briefing" }
	all := func(k string) bool { return k != "briefing" }
	for _, st := range []State{g.st, func() State { g.toOrders(); return g.st }()} {
		check(st, prc, usOnly)
		check(st, Spectator, usOnly)
		check(st, eu, func(k string) bool {
			// The proposal lapsed at the end of negotiation but the EU was a party.
			return withEU(k)
		})
		check(st, Facilitator, all)
		check(st, us, func(k string) bool { return true })
	}

	// Orders stay secret until resolution: two games that differ only in
	// the US's submitted orders look the same to every other seat.
	a, b := *g, *g
	a.do(Command{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "tariff", Towards: "prc", Level: "100"}}})
	b.do(Command{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "tariff", Towards: "prc", Level: "0"}, {Lever: "stockpile", Level: "some"}}})
	for _, viewer := range []int{prc, eu, Spectator, Facilitator} {
		va, _ := json.Marshal(ViewFor(a.st, viewer))
		vb, _ := json.Marshal(ViewFor(b.st, viewer))
		if !bytes.Equal(va, vb) {
			t.Errorf("viewer %d can tell the US's unsubmitted orders apart", viewer)
		}
	}
	va, _ := json.Marshal(ViewFor(a.st, us))
	vb, _ := json.Marshal(ViewFor(b.st, us))
	if bytes.Equal(va, vb) {
		t.Error("the US cannot see its own orders")
	}
	if ViewFor(a.st, Omniscient).Seats[us].Orders == nil {
		t.Error("the omniscient view lacks orders")
	}
}

// The facilitator's reveal shows every seat's secret objectives to every
// viewer, the projector included, even after the game is over; until then
// no other seat sees them.
func TestRevealShowsSecretObjectives(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 4)
	g.toOrders()
	us, eu := g.seat("us"), g.seat("eu")
	secretsOf := func(v View, seat int) int {
		n := 0
		for _, o := range v.Seats[seat].Objectives {
			if o.Secret {
				n++
			}
		}
		return n
	}
	if secretsOf(ViewFor(g.st, eu), us) != 0 || secretsOf(ViewFor(g.st, Spectator), us) != 0 {
		t.Fatal("a secret objective shows before the reveal")
	}
	if _, err := g.try(Command{Kind: CmdReveal, Seat: "eu"}); !errors.Is(err, ErrFacilitator) {
		t.Fatalf("a seat revealed: %v", err)
	}
	g.fac(CmdEnd)
	evs := g.fac(CmdReveal)
	if !hasEvent(evs, EvRevealed) {
		t.Error("no reveal event")
	}
	for _, viewer := range []int{eu, Spectator} {
		if got := secretsOf(ViewFor(g.st, viewer), us); got != g.st.Seats[us].NSecret {
			t.Errorf("viewer %d sees %d of the US's %d secret objectives after the reveal", viewer, got, g.st.Seats[us].NSecret)
		}
	}
	if _, err := g.try(Command{Kind: CmdReveal, Seat: FacilitatorID}); !errors.Is(err, ErrBadValue) {
		t.Errorf("a second reveal: %v", err)
	}
}
