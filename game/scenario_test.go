package game_test

import (
	"fmt"
	"github.com/chokepoint-game/chokepoint/game/econ"
	"github.com/chokepoint-game/chokepoint/game/payoff"
	"math"
	"testing"

	. "github.com/chokepoint-game/chokepoint/game"
)

// tinyScenario is a hand-made three-seat scenario small enough to reason
// about: a producer (prc) with all the separation capacity, two buyers
// (us, eu), tariffs, licensing, the extraterritorial rule and chips.
func tinyScenario() *Scenario {
	lv := func(ids ...string) []Level {
		out := make([]Level, len(ids))
		for i, id := range ids {
			out[i] = Level{ID: id, Value: float64(i)}
		}
		return out
	}
	sc := &Scenario{
		ID: "tiny", Title: "Tiny", StartDate: "2025-10-01", Turns: 4, TurnMonths: 2,
		Negotiation: NegotiationRules{Rounds: 2},
		Rules:       Rules{BreachTrust: 20, KeepTrust: 2, ConcessionCapital: 5, CoercionTrust: 3},
		Seats: []SeatDef{
			{ID: "us", Name: "United States", Principal: true,
				Profile: Profile{GDP: 30, Growth: 0.3, Inflation: 3, Capital: 50, REDemand: 10, REWeight: 0.2,
					Capacity: Capacity{Mining: 5, Separation: 1, Magnets: 1}, TechShare: 0.5,
					Trade: map[string]float64{"prc": 150, "eu": 600}, Trust: map[string]float64{"eu": 40, "prc": -20}},
				Start: map[string]map[string]string{"tariff": {"all": "10", "prc": "50"}, "chips": {"prc": "broad"}},
				Objectives: []Objective{
					{ID: "industry", Text: "Keep industry up", When: "every-turn", Points: 1, Indicator: "industry", Op: ">=", Value: 97},
				},
				Secret: SecretObjectives{Deal: 1, Pool: []Objective{
					{ID: "deal-prc", Text: "Have a deal with the PRC", When: "end", Points: 5, DealWith: "prc"},
					{ID: "low-tariff", Text: "Cut the PRC tariff", When: "end", Points: 5, Lever: "tariff", Towards: "prc", Level: "10", Op: "<="},
				}},
				Briefing: "You are the US."},
			{ID: "prc", Name: "PRC", Principal: true,
				Profile: Profile{GDP: 19, Growth: 0.7, Inflation: 0.5, Capital: 60, REDemand: 40, REWeight: 0.15,
					Capacity: Capacity{Mining: 60, Separation: 80, Magnets: 80},
					Trade:    map[string]float64{"us": 440, "eu": 500}},
				Start: map[string]map[string]string{"tariff": {"all": "10"}, "licensing": {"all": "case-by-case"}},
				Objectives: []Objective{
					{ID: "share", Text: "Keep the separation share", When: "end", Points: 3, World: "prc-share", Op: ">=", Value: 0.8},
				},
				Secret: SecretObjectives{Deal: 1, Pool: []Objective{
					{ID: "chips", Text: "Ease chip controls", When: "end", Points: 4, Lever: "chips", Seat: "us", Towards: "prc", Level: "none", Op: "<="},
				}},
				Briefing: "You are the PRC."},
			{ID: "eu", Name: "European Union",
				Profile: Profile{GDP: 19, Growth: 0.2, Inflation: 2.2, Capital: 40, REDemand: 15, REWeight: 0.2,
					Capacity: Capacity{Magnets: 1}, TechShare: 0.2,
					Trade: map[string]float64{"us": 600, "prc": 230}},
				Start: map[string]map[string]string{"tariff": {"all": "0"}},
				Secret: SecretObjectives{Pool: []Objective{
					{ID: "economy", Text: "Grow", When: "every-turn", Points: 1, Indicator: "economy", Op: ">=", Value: 100},
				}},
				Briefing: "You are the EU."},
		},
		Levers: []LeverDef{
			{ID: "tariff", Name: "Tariff", Kind: "tariff", Scope: "each", Levels: []Level{{"0", 0}, {"10", 10}, {"50", 50}, {"100", 100}}},
			{ID: "licensing", Name: "Licensing", Kind: "licensing", Scope: "each", Setters: []string{"prc"},
				Levels: []Level{{"open", 1}, {"general", 0.9}, {"case-by-case", 0.5}, {"deny", 0}}, Coercive: "deny"},
			{ID: "extraterritorial", Name: "Extraterritorial rule", Kind: "extraterritorial", Scope: "all", Setters: []string{"prc"},
				Levels: lv("off", "on"), Coercive: "on"},
			{ID: "chips", Name: "Chip controls", Kind: "chips", Scope: "each", Setters: []string{"us", "eu"}, Targets: []string{"prc"},
				Levels: []Level{{"none", 0}, {"advanced", 0.3}, {"broad", 0.6}, {"total", 1}}},
			{ID: "stockpile", Name: "Stockpile", Kind: "stockpile", Scope: "self", Levels: []Level{{"none", 0}, {"some", 2}}},
		},
		Model: ModelDef{Kind: econ.Kind},
		World: map[string]float64{"price-china": 75, "price-world": 85, "prc-share": 0.9, "resolve": 0.2},
		Timeline: []EventDef{
			{ID: "rule", Turn: 2, Title: "The rule starts", Effects: []Effect{{Seat: "prc", Lever: "extraterritorial", Level: "on"}}},
		},
		Deck: Deck{Chance: 0.5, Events: []EventDef{
			{ID: "stoppage", Weight: 1, Title: "A plant stops", Effects: []Effect{{Seat: "us", Indicator: "industry", Add: -1}}},
			{ID: "secret-talks", Weight: 1, Title: "Quiet talks", Audience: []string{"us", "prc"}, Effects: []Effect{{Seat: "us", TrustWith: "prc", Add: 5}}},
		}},
		End:     EndCondition{Settlement: Settlement{Parties: []string{"us", "prc"}, MinClauses: 3}},
		Debrief: []string{"Why?"},
	}
	return sc
}

func mustTiny(t testing.TB) *Scenario {
	t.Helper()
	sc := tinyScenario()
	if errs := sc.Validate(); errs != nil {
		t.Fatalf("tiny scenario invalid: %v", errs)
	}
	return sc
}

func TestTinyScenarioValidates(t *testing.T) { mustTiny(t) }

func TestValidateFindsEveryMistake(t *testing.T) {
	sc := tinyScenario()
	sc.Seats[0].Start["tariff"]["mars"] = "10"                        // unknown seat
	sc.Seats[1].Start["licensing"]["all"] = "sometimes"               // unknown level
	sc.Timeline[0].Turn = 9                                           // beyond the last turn
	sc.Deck.Chance = 1.5                                              // probability out of range
	sc.Seats[2].Start["licensing"] = map[string]string{"all": "open"} // lever the seat may not set
	sc.Model.Params = map[string]float64{"warp-speed": 1}             // unknown parameter
	errs := sc.Validate()
	want := []string{
		"$.seats[0].start.tariff.mars: no seat \"mars\"",
		"$.seats[1].start.licensing.all: lever \"licensing\" has no level \"sometimes\"",
		"$.seats[2].start.licensing: seat \"eu\" may not set lever \"licensing\"",
		"$.timeline[0].turn: turn 9 is outside the game (1 to 4)",
		"$.deck.chance: a probability must be between 0 and 1, not 1.5",
		"$.model.params.warp-speed: model \"economy\" has no parameter \"warp-speed\"",
	}
	got := map[string]bool{}
	for _, e := range errs {
		got[e.Error()] = true
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing error %q; got %v", w, errs)
		}
	}
	if len(errs) != len(want) {
		t.Errorf("got %d errors, want %d: %v", len(errs), len(want), errs)
	}
	if sc.Valid() {
		t.Error("an invalid scenario reports itself valid")
	}
}

func TestValidateCrossReferences(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*Scenario)
		path   string
	}{
		{"duplicate seat", func(s *Scenario) { s.Seats[2].ID = "us" }, "$.seats[2].id"},
		{"reserved seat id", func(s *Scenario) { s.Seats[2].ID = "all" }, "$.seats[2].id"},
		{"unknown lever kind", func(s *Scenario) { s.Levers[0].Kind = "embargo" }, "$.levers[0].kind"},
		{"wrong scope", func(s *Scenario) { s.Levers[0].Scope = "self" }, "$.levers[0].scope"},
		{"one level", func(s *Scenario) { s.Levers[0].Levels = s.Levers[0].Levels[:1] }, "$.levers[0].levels"},
		{"unknown setter", func(s *Scenario) { s.Levers[1].Setters = []string{"mars"} }, "$.levers[1].setters[0]"},
		{"lever towards a seat it may not target", func(s *Scenario) { s.Seats[0].Start["chips"] = map[string]string{"eu": "broad"} }, "$.seats[0].start.chips.eu"},
		{"objective with two conditions", func(s *Scenario) { s.Seats[0].Objectives[0].World = "resolve" }, "$.seats[0].objectives[0]"},
		{"objective unknown indicator", func(s *Scenario) { s.Seats[0].Objectives[0].Indicator = "happiness" }, "$.seats[0].objectives[0].indicator"},
		{"objective bad op", func(s *Scenario) { s.Seats[0].Objectives[0].Op = "==" }, "$.seats[0].objectives[0].op"},
		{"secret deal too large", func(s *Scenario) { s.Seats[0].Secret.Deal = 3 }, "$.seats[0].secret-objectives.deal"},
		{"deck weight", func(s *Scenario) { s.Deck.Events[0].Weight = 0 }, "$.deck.events[0].weight"},
		{"effect unknown seat", func(s *Scenario) { s.Deck.Events[0].Effects[0].Seat = "mars" }, "$.deck.events[0].effects[0].seat"},
		{"audience", func(s *Scenario) { s.Deck.Events[1].Audience = []string{"mars"} }, "$.deck.events[1].audience[0]"},
		{"settlement party", func(s *Scenario) { s.End.Settlement.Parties = []string{"us", "mars"} }, "$.end.settlement.parties[1]"},
		{"world indicator", func(s *Scenario) { s.World["gold"] = 1 }, "$.world.gold"},
		{"share above one", func(s *Scenario) { s.World["resolve"] = 2 }, "$.world.resolve"},
		{"start date", func(s *Scenario) { s.StartDate = "October" }, "$.start-date"},
		{"trust range", func(s *Scenario) { s.Seats[0].Profile.Trust["eu"] = 300 }, "$.seats[0].profile.trust.eu"},
		{"unknown model", func(s *Scenario) { s.Model.Kind = "crystal-ball" }, "$.model.kind"},
		{"param range", func(s *Scenario) { s.Model.Params = map[string]float64{"industry-beta": 9} }, "$.model.params.industry-beta"},
		{"lever kind twice", func(s *Scenario) { s.Levers[4].Kind = "tariff"; s.Levers[4].Scope = "each" }, "$.levers[4].kind"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := tinyScenario()
			c.mutate(sc)
			errs := sc.Validate()
			for _, e := range errs {
				if e.Path == c.path {
					return
				}
			}
			t.Errorf("no error at %s; got %v", c.path, errs)
		})
	}
}

func TestPayoffTableValidation(t *testing.T) {
	sc := prisonersDilemma(10)
	sc.Model.Payoffs = sc.Model.Payoffs[:3]
	errs := sc.Validate()
	if len(errs) != 1 || errs[0].Path != "$.model.payoffs" {
		t.Fatalf("want one error about a missing row, got %v", errs)
	}
}

// prisonersDilemma builds the classic game in code, as the shipped
// scenario file describes it.
func prisonersDilemma(turns int) *Scenario {
	row := func(us, prc string, a, b float64) PayoffRow {
		return PayoffRow{When: map[string]string{"us": us, "prc": prc}, Score: map[string]float64{"us": a, "prc": b}}
	}
	return &Scenario{
		ID: "pd", Title: "PD", StartDate: "2025-10-01", Turns: turns, TurnMonths: 1,
		Seats: []SeatDef{
			{ID: "us", Name: "US", Start: map[string]map[string]string{"tariff": {"all": "low"}}},
			{ID: "prc", Name: "PRC", Start: map[string]map[string]string{"tariff": {"all": "low"}}},
		},
		Levers: []LeverDef{{ID: "tariff", Name: "Tariff", Kind: "tariff", Scope: "each", Levels: []Level{{"low", 10}, {"high", 60}}}},
		Model: ModelDef{Kind: payoff.Kind, Lever: "tariff", Payoffs: []PayoffRow{
			row("low", "low", 3, 3), row("high", "high", 1, 1), row("high", "low", 5, 0), row("low", "high", 0, 5),
		}},
	}
}

func ExampleFieldError() {
	fmt.Println(FieldError{Path: "$.turns", Msg: "must be between 1 and 1000, not 0"})
	// Output: $.turns: must be between 1 and 1000, not 0
}

func TestValidateRefusesNaN(t *testing.T) {
	nan := math.NaN()
	sc := tinyScenario()
	sc.Seats[0].Profile.GDP = nan
	sc.Rules.BreachTrust = nan
	sc.Model.Params = map[string]float64{"industry-beta": nan}
	sc.World["resolve"] = nan
	errs := sc.Validate()
	want := map[string]bool{"$.seats[0].profile.gdp": true, "$.rules.breach-trust": true, "$.model.params.industry-beta": true, "$.world.resolve": true}
	for _, e := range errs {
		delete(want, e.Path)
	}
	if len(want) > 0 {
		t.Fatalf("NaN accepted at %v; errors: %v", want, errs)
	}
}
