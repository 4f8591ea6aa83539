package game_test

import (
	"github.com/chokepoint-game/chokepoint/game/econ"
	"strings"
	"testing"

	. "github.com/chokepoint-game/chokepoint/game"
)

// A forecast with everyone keeping their policy is what resolution does.
func TestForecastMatchesResolution(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 5)
	g.toOrders()
	us := g.seat("us")
	l, _ := g.st.Scenario().LeverIndex("tariff")
	orders := g.st.Seats[us].Policy
	orders[l][g.seat("prc")] = 3 // 100%
	v := ViewFor(g.st, us)
	proj, err := Forecast(&v, orders, 2)
	if err != nil {
		t.Fatal(err)
	}
	g.do(Command{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "tariff", Towards: "prc", Level: "100"}}})
	g.fac(CmdAdvance)
	for i := range g.st.Seats {
		for k := Indicator(0); k < MaxIndicators; k++ {
			if k == Score {
				continue
			}
			if got, want := proj[0].Ind[i][k], g.st.Seats[i].Ind[k]; got != want {
				t.Errorf("seat %d %s: forecast %g, resolved %g", i, k, got, want)
			}
		}
	}
	if len(proj) != 2 || proj[1].Turn != proj[0].Turn+1 {
		t.Errorf("projections %d", len(proj))
	}
	// The forecast did not touch the game.
	v2 := ViewFor(g.st, Spectator)
	if _, err := Forecast(&v2, orders, 1); err == nil {
		t.Error("a spectator could forecast")
	}
}

func TestChangesExplainTheirCauses(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 5)
	g.toOrders()
	g.do(Command{Kind: CmdSubmit, Seat: "prc", Orders: []Order{{Lever: "licensing", Towards: "us", Level: "deny"}, {Lever: "licensing", Towards: "eu", Level: "deny"}}})
	g.fac(CmdAdvance)
	found := ""
	for _, c := range g.st.Changes {
		if c.Seat == g.seat("us") && c.Indicator == econ.Coverage {
			found = g.st.Scenario().Public().Explain(c)
		}
	}
	if want := "imports from PRC under licensing 'deny'"; !strings.Contains(found, want) {
		t.Fatalf("coverage change explained as %q, want it to name %q", found, want)
	}
}
