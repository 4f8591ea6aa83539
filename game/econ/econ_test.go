package econ_test

import (
	"math"
	"testing"

	. "github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/econ"
)

// econScenario is a three-seat world with round numbers, one-year turns
// and no smoothing, so that each causal link of the economy model can be
// checked against a number worked out by hand:
//   - prc produces 100 kt a year and uses 40;
//   - us needs 10 kt and has no capacity; eu needs 5 and has 10 of each stage;
//   - us and prc each export $100bn a year to the other; every GDP is $10tn.
func econScenario() *Scenario {
	two := func(a string, x float64, b string, y float64) []Level {
		return []Level{{ID: a, Value: x}, {ID: b, Value: y}}
	}
	return &Scenario{
		ID: "econ", Title: "Econ", StartDate: "2025-01-01", Turns: 6, TurnMonths: 12,
		Rules: Rules{CoercionTrust: 3},
		Seats: []SeatDef{
			{ID: "us", Name: "US", Profile: Profile{GDP: 10, Inflation: 2, Capital: 50, REDemand: 10, REWeight: 0.2,
				TechShare: 0.5, UnitCost: 70, Trade: map[string]float64{"prc": 100}}},
			{ID: "prc", Name: "PRC", Profile: Profile{GDP: 10, Inflation: 1, Capital: 50, REDemand: 40, REWeight: 0.2,
				Capacity: Capacity{Mining: 100, Separation: 100, Magnets: 100}, Trade: map[string]float64{"us": 100}}},
			{ID: "eu", Name: "EU", Profile: Profile{GDP: 10, Inflation: 2, Capital: 50, REDemand: 5, REWeight: 0.2,
				TechShare: 0.2, Capacity: Capacity{Mining: 10, Separation: 10, Magnets: 10}}},
		},
		Levers: []LeverDef{
			{ID: "tariff", Name: "Tariff", Kind: "tariff", Scope: "each", Levels: two("0%", 0, "100%", 100)},
			{ID: "licensing", Name: "Licensing", Kind: "licensing", Scope: "each", Setters: []string{"prc"}, Coercive: "deny",
				Levels: []Level{{ID: "open", Value: 1}, {ID: "half", Value: 0.5}, {ID: "deny", Value: 0}}},
			{ID: "rule", Name: "Rule", Kind: "extraterritorial", Scope: "all", Setters: []string{"prc"}, Levels: two("off", 0, "on", 1)},
			{ID: "chips", Name: "Chips", Kind: "chips", Scope: "each", Setters: []string{"us", "eu"}, Targets: []string{"prc"}, Levels: two("none", 0, "total", 1)},
			{ID: "separation", Name: "Separation", Kind: "invest-separation", Scope: "self", Levels: two("none", 0, "some", 10)},
			{ID: "floor", Name: "Floor", Kind: "price-floor", Scope: "self", Levels: two("none", 0, "high", 100)},
			{ID: "flood", Name: "Flood", Kind: "flood", Scope: "all", Setters: []string{"prc"}, Levels: two("off", 0, "heavy", 0.5)},
			{ID: "quota", Name: "Quota", Kind: "quota", Scope: "self", Setters: []string{"prc"}, Levels: two("full", 1, "tight", 0.5)},
			{ID: "reserve", Name: "Reserve", Kind: "reserve", Scope: "each", Levels: two("none", 0, "2kt", 2)},
		},
		Model: ModelDef{Kind: econ.Kind, Params: map[string]float64{
			"tariff-elasticity": 1, "tariff-passthrough": 1, "trade-drag": 1, "industry-beta": 2,
			"industry-to-economy": 0, "tech-to-economy": 0, "inflation-drag": 0.2, "shortage-inflation": 0,
			"adjust-speed": 1, "stockpile-draw": 0.5, "extraterritorial-content": 0.6,
			"chip-weight": 0.5, "software-weight": 0, "tech-recovery": 1, "control-cost": 0,
			"coercion-resolve": 0.1, "resolve-decay": 0.5, "resolve-speedup": 0,
			"lag-separation": 2, "build-yield": 1, "spend-drag": 0, "substitute-effect": 0,
			"unit-cost": 50, "private-invest": 0, "export-value": 10, "insolvency-turns": 1, "insolvency-hazard": 1, "closure-share": 1,
		}},
		World: map[string]float64{"price-world": 100, "price-china": 80, "resolve": 0},
	}
}

// econGame plays turns of the scenario, changed by mutate, with the
// given orders every turn, and returns the state after the last
// resolution. Starting policies are the status quo the economy is
// measured from; orders are changes to it.
func econGame(t *testing.T, turns int, mutate func(*Scenario), orders ...Command) State {
	t.Helper()
	sc := econScenario()
	if mutate != nil {
		mutate(sc)
	}
	if errs := sc.Validate(); errs != nil {
		t.Fatal(errs)
	}
	st, err := NewGame(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	do := func(c Command) {
		t.Helper()
		next, _, err := Apply(st, c)
		if err != nil {
			t.Fatalf("%s by %s: %v", c.Kind, c.Seat, err)
		}
		st = next
	}
	do(Command{Kind: CmdStart, Seat: FacilitatorID})
	for st.Turn < turns || st.Phase != Report {
		if st.Phase == Orders {
			for _, c := range orders {
				do(c)
			}
		}
		do(Command{Kind: CmdAdvance, Seat: FacilitatorID})
	}
	return st
}

func order(seat, lever, towards, level string) Command {
	return Command{Kind: CmdSubmit, Seat: seat, Orders: []Order{{Lever: lever, Towards: towards, Level: level}}}
}

func start(seat int, lever, level string) func(*Scenario) {
	return func(sc *Scenario) {
		s := &sc.Seats[seat]
		if s.Start == nil {
			s.Start = map[string]map[string]string{}
		}
		s.Start[lever] = map[string]string{"all": level}
	}
}

func both(fs ...func(*Scenario)) func(*Scenario) {
	return func(sc *Scenario) {
		for _, f := range fs {
			f(sc)
		}
	}
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("%s = %.6f, want %.6f", what, got, want)
	}
}

const us, prc, eu = 0, 1, 2

// Link 1: licensing below open cuts imports from the producer; the
// extraterritorial rule also cuts what other seats pass on.
func TestLinkLicensingCutsImports(t *testing.T) {
	// us gets half the pool's spare 5 kt ... all 5, then asks the PRC for
	// the other 5, of which "half" licensing lets 2.5 through: 75%.
	st := econGame(t, 1, start(prc, "licensing", "half"))
	near(t, "us coverage under half licensing", st.Seats[us].Ind[econ.Coverage], 75)
	st = econGame(t, 1, start(prc, "licensing", "deny"))
	near(t, "us coverage under denial", st.Seats[us].Ind[econ.Coverage], 50)
	// With the rule on, the 5 kt from eu lose 0.6 x (1 - 0.5) = 30%: 3.5;
	// the PRC then fills half of the 6.5 still wanted: 3.25. 6.75 of 10.
	st = econGame(t, 1, both(start(prc, "licensing", "half"), start(prc, "rule", "on")))
	near(t, "us coverage under half licensing and the rule", st.Seats[us].Ind[econ.Coverage], 67.5)
}

// Link 2: coverage below 100% cuts industry, non-linearly; stockpiles
// buffer it for a while.
func TestLinkCoverageCutsIndustry(t *testing.T) {
	st := econGame(t, 1, start(prc, "licensing", "half"))
	near(t, "us industry at 75% coverage", st.Seats[us].Ind[econ.Industry], 100*(1-0.2*0.25*0.25))
	st = econGame(t, 1, start(prc, "licensing", "deny"))
	near(t, "us industry at 50% coverage", st.Seats[us].Ind[econ.Industry], 100*(1-0.2*0.5*0.5))
	// A denial ordered in the game, against a 3 kt stockpile: 1.5 kt drawn
	// in the first year (65%), 0.75 in the second (57.5%).
	stock := func(sc *Scenario) { sc.Seats[us].Profile.Stockpile = 3 }
	deny := order("prc", "licensing", "us", "deny")
	st = econGame(t, 1, stock, deny)
	near(t, "us coverage with a stockpile, year 1", st.Seats[us].Ind[econ.Coverage], 65)
	st = econGame(t, 2, stock, deny)
	near(t, "us coverage with a stockpile, year 2", st.Seats[us].Ind[econ.Coverage], 57.5)
	near(t, "us stockpile left", econ.Of(&st).Seats[us].Stockpile, 0.75)
	// A gap the seat already lived with at the start is not drawn for.
	st = econGame(t, 2, both(start(prc, "licensing", "deny"), stock))
	near(t, "us stockpile under a standing denial", econ.Of(&st).Seats[us].Stockpile, 3)
}

// Link 3: investment builds capacity only after its lag, and only while
// its producer stays solvent.
func TestLinkInvestmentLagAndSolvency(t *testing.T) {
	invest := order("us", "separation", "", "some")
	// Spent in turn 1, a plant with a two-turn lag runs from turn 3.
	st := econGame(t, 3, nil, invest)
	near(t, "us separation in turn 3", econ.Of(&st).Seats[us].Separation, 10)
	st = econGame(t, 2, nil, invest)
	near(t, "us separation in turn 2", econ.Of(&st).Seats[us].Separation, 0)

	// A US producer with 10 kt of each stage at a cost of $70/kg; the EU
	// needs 90 kt and buys 80 of them from a PRC with 200 kt. Flooding
	// lowers prices only where the PRC's supply goes: the EU's price
	// falls by 0.5 x 80/90 to $55.6, the US's (all its own) stays at
	// $100, and the demand-weighted price outside China, what producers
	// get, is (10 x 100 + 90 x 55.6) / 100 = $60. After one turn below
	// cost the US producer is at risk, and with a hazard of 1 it fails in
	// the second.
	producer := func(sc *Scenario) {
		sc.Seats[us].Profile.Capacity = Capacity{Mining: 10, Separation: 10, Magnets: 10}
		sc.Seats[eu].Profile.REDemand = 90
		sc.Seats[prc].Profile.Capacity = Capacity{Mining: 200, Separation: 200, Magnets: 200}
	}
	flood := order("prc", "flood", "", "heavy")
	st = econGame(t, 1, producer, flood)
	near(t, "price under heavy flooding", st.World[econ.PriceWorld], 60)
	near(t, "us price under heavy flooding", st.Seats[us].Ind[econ.Price], 100)
	near(t, "eu price under heavy flooding", st.Seats[eu].Ind[econ.Price], 100*(1-0.5*80.0/90))
	if econ.Of(&st).Seats[us].Failures != 0 || econ.Of(&st).Seats[us].Distress != 1 {
		t.Fatalf("after one turn below cost: failures %d distress %d", econ.Of(&st).Seats[us].Failures, econ.Of(&st).Seats[us].Distress)
	}
	st = econGame(t, 2, producer, flood)
	if econ.Of(&st).Seats[us].Failures != 1 || econ.Of(&st).Seats[us].Separation != 0 {
		t.Fatalf("after two turns below cost: failures %d separation %g", econ.Of(&st).Seats[us].Failures, econ.Of(&st).Seats[us].Separation)
	}
	// A $100 floor keeps it open; the US pays the gap on its output.
	st = econGame(t, 4, producer, flood, order("us", "floor", "", "high"))
	if econ.Of(&st).Seats[us].Failures != 0 || econ.Of(&st).Seats[us].Separation != 10 {
		t.Fatalf("with a floor: failures %d separation %g", econ.Of(&st).Seats[us].Failures, econ.Of(&st).Seats[us].Separation)
	}
	// The pool delivers 20 kt (each seat's own 10), 10/20 of it from US
	// plants.
	near(t, "us output", econ.Of(&st).Seats[us].Output, 10)
}

// Link 4: tariffs cut bilateral trade, raise the imposer's inflation and
// cut the target's economy.
func TestLinkTariffs(t *testing.T) {
	st := econGame(t, 1, nil, order("us", "tariff", "prc", "100%"))
	// Exports of $100bn fall to 100 x 2^-1 = $50bn: 0.5% of PRC output.
	near(t, "prc economy", st.Seats[prc].Ind[econ.Economy], 99.5)
	// $50bn still imported at 100%: $50bn of tariffs, 0.5% of US GDP.
	near(t, "us inflation", st.Seats[us].Ind[econ.Inflation], 2.5)
	// Inflation 0.5 above its start costs 0.2 x 0.5 = 0.1 points.
	near(t, "us economy", st.Seats[us].Ind[econ.Economy], 99.9)
	// Both at 100%: both lose; the tariff war is negative-sum.
	st2 := econGame(t, 1, nil, order("us", "tariff", "prc", "100%"), order("prc", "tariff", "us", "100%"))
	if st2.Seats[us].Ind[econ.Economy] >= 100 || st2.Seats[prc].Ind[econ.Economy] >= 100 {
		t.Fatalf("mutual tariffs: us %g prc %g, want both below 100", st2.Seats[us].Ind[econ.Economy], st2.Seats[prc].Ind[econ.Economy])
	}
}

// Link 5: chip controls cut the target's tech access, which substitution
// recovers slowly; link 8: controls leak through suppliers that do not
// match them.
func TestLinkChipControlsAndLeaks(t *testing.T) {
	chips := func(seat int) func(*Scenario) {
		return func(sc *Scenario) {
			s := &sc.Seats[seat]
			if s.Start == nil {
				s.Start = map[string]map[string]string{}
			}
			s.Start["chips"] = map[string]string{"prc": "total"}
		}
	}
	// Controls from the start set the starting tech; recovery is then one
	// point a turn. Control strength: US share 0.5 x chip weight 0.5.
	st := econGame(t, 1, chips(us))
	near(t, "prc tech, one turn into US controls", st.Seats[prc].Ind[econ.Tech], 75+1)
	st = econGame(t, 3, chips(us))
	near(t, "prc tech, three turns in", st.Seats[prc].Ind[econ.Tech], 75+3)
	// Controls ordered mid-game hit at once.
	st = econGame(t, 1, nil, order("us", "chips", "prc", "total"))
	near(t, "prc tech, ordered controls", st.Seats[prc].Ind[econ.Tech], 75+1)
	// The EU matching the US adds its share 0.2 x 0.5: 65.
	st = econGame(t, 1, both(chips(us), chips(eu)))
	near(t, "prc tech under aligned controls", st.Seats[prc].Ind[econ.Tech], 65+1)
}

// Link 6: coercion raises resolve and lowers trust in the coercer.
func TestLinkCoercion(t *testing.T) {
	st := econGame(t, 1, start(prc, "licensing", "deny"))
	// Two coercive settings (towards us and eu): 0 x 0.5 + 0.1 x 2.
	near(t, "resolve", st.World[econ.Resolve], 0.2)
	near(t, "us trust in prc", st.Seats[us].Trust[prc], -3)
	near(t, "eu trust in prc", st.Seats[eu].Trust[prc], -3)
	st = econGame(t, 2, start(prc, "licensing", "deny"))
	near(t, "resolve, second turn", st.World[econ.Resolve], 0.2*0.5+0.2)
}

// A world where nobody changes anything stays where it started, whatever
// that world already cost.
func TestEconomyStatusQuoIsStable(t *testing.T) {
	st := econGame(t, 3, both(start(us, "tariff", "100%"), start(prc, "licensing", "half")))
	near(t, "prc tech", st.Seats[prc].Ind[econ.Tech], 100)
	near(t, "us economy", st.Seats[us].Ind[econ.Economy], 100)
	near(t, "prc economy", st.Seats[prc].Ind[econ.Economy], 100)
	near(t, "us inflation", st.Seats[us].Ind[econ.Inflation], 2)
}
