package game_test

import (
	"fmt"
	"testing"

	. "github.com/chokepoint-game/chokepoint/game"
)

// toyState is the toy model's own state: how much wealth each seat has
// lost to duties, all game.
type toyState struct{ Lost []float64 }

func (s *toyState) Clone() ModelState {
	return &toyState{Lost: append([]float64(nil), s.Lost...)}
}

// toyModel is a third model, registered from outside the engine's
// package: a duty on each other seat's goods costs that seat wealth, and
// the world's mood sours with every duty above the mildest. That it
// plays through the engine, views, forecasts and explanations without a
// change to any file of the core is what makes models plug-ins.
type toyModel struct{ sc *Scenario }

const (
	toyWealth = FirstModelIndicator
	toyMood   = 0
	toyCause  = 1
)

var toySpec = ModelSpec{
	Kind: "toy",
	Doc:  "duties cost their target wealth",
	Levers: []LeverKindSpec{{Name: "duty", Scope: ScopeEach, Hostile: true, Bounds: []Bound{AtMost},
		Towards: "on", Unit: "%", Doc: "a duty on the target's goods"}},
	Indicators: []IndicatorSpec{{Name: "wealth", Label: "wealth", Title: "Wealth", Min: 0, Max: Unbounded, Better: 1, Decimals: 1}},
	World:      []IndicatorSpec{{Name: "mood", Label: "mood", Title: "World mood", Min: -Unbounded, Max: Unbounded}},
	Params:     []ParamSpec{{Name: "bite", Default: 0.1, Min: 0, Max: 1, Doc: "wealth lost per point of duty"}},
	CauseText: func(c Cause, n Names, _ int) string {
		return fmt.Sprintf("duties from %s (%+.1f)", n.Tag(int(c.Other)), c.Delta)
	},
	Build: func(sc *Scenario, p *Problems) Model { return &toyModel{sc: sc} },
}

func init() { RegisterModel(&toySpec) }

func (m *toyModel) Init(st *State) {
	st.Model = &toyState{Lost: make([]float64, len(st.Seats))}
	for i := range st.Seats {
		st.Seats[i].Ind[toyWealth] = 100
	}
}

func (m *toyModel) Resolve(st *State, report func(Event)) {
	l, _ := m.sc.LeverOfKind(0)
	bite := m.sc.Param(0)
	s := st.Model.(*toyState)
	for i := range st.Seats {
		var cs Causes
		from := st.Seats[i].Ind[toyWealth]
		to := from
		for j := range st.Seats {
			if j == i || !m.sc.MayTarget(j, l, i) {
				continue
			}
			hit := bite * m.sc.LevelValue(l, int(st.Seats[j].Policy[l][i]))
			if hit > 0 {
				to -= hit
				st.World[toyMood]--
				cs.Add(Cause{Kind: toyCause, Other: int8(j), Lever: int8(l), Level: -1, Delta: -hit})
			}
		}
		s.Lost[i] += from - to
		st.Record(i, toyWealth, from, to, &cs)
		st.Seats[i].Ind[toyWealth] = to
	}
}

func toyScenario() *Scenario {
	return &Scenario{
		ID: "toy", Title: "Toy", StartDate: "2026-01-01", Turns: 3, TurnMonths: 1,
		Rules: Rules{ConcessionCapital: 0},
		Seats: []SeatDef{{ID: "north", Name: "North"}, {ID: "south", Name: "South"}},
		Levers: []LeverDef{{ID: "duty", Name: "Duty", Kind: "duty", Scope: "each",
			Levels: []Level{{ID: "0", Value: 0}, {ID: "20", Value: 20}}}},
		Model: ModelDef{Kind: "toy", Params: map[string]float64{"bite": 0.2}},
	}
}

func TestAThirdModelPlugsIn(t *testing.T) {
	sc := toyScenario()
	if errs := sc.Validate(); errs != nil {
		t.Fatal(errs)
	}
	g := newTestGame(t, sc, 1)
	g.toNegotiation()
	id := agree(g, "north", "south", Public, 2, ClauseSpec{Lever: "duty", Bound: AtMost, Actor: "south", Target: "north", Level: "0"})
	g.toOrders()
	g.do(Command{Kind: CmdSubmit, Seat: "north", Orders: []Order{{Lever: "duty", Towards: "south", Level: "20"}}})
	v := ViewFor(g.st, g.seat("south"))
	proj, err := Forecast(&v, v.Seats[g.seat("south")].Policy, 1)
	if err != nil {
		t.Fatal(err)
	}
	g.fac(CmdAdvance)
	south := g.seat("south")
	if got := g.st.Seats[south].Ind[toyWealth]; got != 96 {
		t.Fatalf("south's wealth %g, want 96 after a 20%% duty at a bite of 0.2", got)
	}
	// The forecast was made before north's orders were known: it expected
	// north to keep its policy, and south to keep its word.
	if proj[0].Ind[south][toyWealth] != 100 {
		t.Errorf("forecast south's wealth %g, want 100", proj[0].Ind[south][toyWealth])
	}
	ps := sc.Public()
	if ps.Indicators[toyWealth].Name != "wealth" || ps.World[toyMood].Name != "mood" || g.st.World[toyMood] != -1 {
		t.Errorf("indicators %v, world %v", ps.Indicators, g.st.World)
	}
	for _, c := range g.st.Changes {
		if c.Seat == south {
			if got, want := ps.Explain(c), "wealth -4.0: duties from North (-4.0)"; got != want {
				t.Errorf("explained as %q, want %q", got, want)
			}
		}
	}
	if d := findDeal(g, id); d.Status != InForce {
		t.Errorf("south kept its deal, yet it is %s", d.Status)
	}
}
