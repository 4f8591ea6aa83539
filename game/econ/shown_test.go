package econ_test

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// shownValue is the value a cause's text ends with: "(+0.3)".
var shownValue = regexp.MustCompile(`\(([+-][0-9]+\.[0-9]+)\)$`)

// The values a report shows for the causes of a change add up, as
// shown, to the change as shown: over whole games of every economy
// scenario, read back from the text a player sees.
func TestShownCausesAddUp(t *testing.T) {
	seeds := 3
	if testing.Short() {
		seeds = 1
	}
	for _, id := range []string{"rare-earth-card", "tutorial", "embargo-2010"} {
		sc, err := content.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		ps := sc.Public()
		changes := 0
		for _, personality := range []string{"opportunist", "hawk"} {
			p, err := content.GetPersonality(personality)
			if err != nil {
				t.Fatal(err)
			}
			for seed := uint64(1); seed <= uint64(seeds); seed++ {
				players := make([]ai.Player, len(sc.Seats))
				for i := range players {
					players[i] = ai.NewScripted(ps, i, p, ai.Normal, seed, personality)
				}
				_, err := sim.PlayWatching(sc, seed, players, 0, func(st *game.State) {
					for _, c := range st.Changes {
						changes++
						checkShown(t, ps, c)
					}
				})
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		if changes < 50 {
			t.Errorf("%s: only %d changes checked", id, changes)
		}
	}
}

func checkShown(t *testing.T, ps *game.PublicScenario, c game.Change) {
	t.Helper()
	text := ps.Explain(c)
	spec := ps.Indicator(c.Indicator)
	head, rest, ok := strings.Cut(text, ": ")
	want := parse(t, text, strings.TrimPrefix(head, spec.Name+" "))
	if !ok {
		if want != 0 {
			t.Errorf("%q: a change with no cause shown", text)
		}
		return
	}
	var sum float64
	for _, part := range strings.Split(rest, "; ") {
		m := shownValue.FindStringSubmatch(part)
		if m == nil {
			t.Errorf("%q: %q shows no value", text, part)
			return
		}
		v := parse(t, text, m[1])
		if v == 0 {
			t.Errorf("%q: %q shows zero", text, part)
		}
		// The words follow the sign.
		for _, w := range []struct {
			words string
			sign  float64
		}{{"raise prices", 1}, {"add less to prices", -1}, {"lower tariffs", 1}, {"easing", 1}, {"regained", 1}, {"sales lost", -1}} {
			if strings.Contains(part, w.words) && v*w.sign < 0 {
				t.Errorf("%q: %q says %q of a change of %+.1f", text, part, w.words, v)
			}
		}
		if strings.Contains(part, "$-") {
			t.Errorf("%q: a sign after the dollar", text)
		}
		sum += v
	}
	if math.Abs(sum-want) > 1e-6 {
		t.Errorf("%q: the causes shown add up to %.1f (%+v; %+v)", text, sum, c, ps.ShownCauses(c))
	}
}

func parse(t *testing.T, text, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q: %q is not a number", text, s)
	}
	return v
}

// When the US cuts its tariff on Canada, Canada's economy names the US
// tariff as the cause, and the words say tariffs fell.
func TestTariffCutNamesWhoCut(t *testing.T) {
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	ps := sc.Public()
	st, err := game.NewGame(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	apply := func(c game.Command) {
		t.Helper()
		st, _, err = game.Apply(st, c)
		if err != nil {
			t.Fatalf("%s by %s: %v", c.Kind, c.Seat, err)
		}
	}
	apply(game.Command{Kind: game.CmdStart, Seat: game.FacilitatorID})
	for st.Phase != game.Orders {
		for _, s := range sc.Seats {
			if st.Phase != game.Orders {
				apply(game.Command{Kind: game.CmdReady, Seat: s.ID})
			}
		}
	}
	apply(game.Command{Kind: game.CmdSubmit, Seat: "us", Orders: []game.Order{{Lever: "tariff", Towards: "canada", Level: "0"}}})
	for _, s := range sc.Seats[1:] {
		apply(game.Command{Kind: game.CmdSubmit, Seat: s.ID})
	}
	canada, _ := ps.SeatIndex("canada")
	found := false
	for _, c := range st.Changes {
		if c.Seat != canada || ps.Indicator(c.Indicator).Name != "economy" {
			continue
		}
		text := ps.Explain(c)
		found = true
		if !strings.Contains(text, "lower tariffs on our goods, led by US's") {
			t.Errorf("Canada's economy after the US tariff cut: %q", text)
		}
		if strings.Contains(text, "PRC") {
			t.Errorf("Canada's economy names the PRC: %q", text)
		}
	}
	if !found {
		t.Fatal("no change of Canada's economy")
	}
}
