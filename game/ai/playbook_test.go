package ai_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

func rareEarth(t *testing.T) *game.Scenario {
	t.Helper()
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func compile(t *testing.T, sc *game.Scenario, pb ai.Playbook, seat string) ai.Player {
	t.Helper()
	newPlayer, errs := pb.Compile(sc.Public(), seat, "playbook:test")
	if len(errs) > 0 {
		t.Fatalf("compile: %v", errs)
	}
	return newPlayer()
}

// ordersAt returns the orders a player submits in turn t, as
// "lever>towards=level" strings.
func ordersAt(t *testing.T, sc *game.Scenario, p ai.Player, seat string, turn int) []string {
	t.Helper()
	st, err := game.NewGame(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	i, _ := sc.SeatIndex(seat)
	v := game.ViewFor(st, i)
	v.Phase, v.Turn = game.Orders, turn
	if p.Idle(game.Orders, turn) {
		return nil
	}
	var out []string
	for _, c := range p.Act(&v) {
		if c.Kind != game.CmdSubmit || c.Seat != seat {
			t.Fatalf("unexpected command %+v", c)
		}
		for _, o := range c.Orders {
			out = append(out, o.Lever+">"+o.Towards+"="+o.Level)
		}
	}
	return out
}

func TestPlaybookRulePrecedence(t *testing.T) {
	sc := rareEarth(t)
	pb := ai.Playbook{Name: "test", Orders: []ai.OrderRule{
		// Written out of order on purpose: the later From wins, not the
		// later rule in the file.
		{From: 3, Set: []ai.Setting{{Lever: "licensing", Towards: []string{"us"}, Level: "open"}}},
		{From: 1, Until: 4, Set: []ai.Setting{
			{Lever: "licensing", Towards: []string{"all"}, Level: "deny"},
			{Lever: "licensing", Towards: []string{"india"}, Level: "general"}, // overrides "all" in the same rule
			{Lever: "extraterritorial", Level: "on"},
		}},
	}}
	p := compile(t, sc, pb, "prc")
	cases := map[int][]string{
		1: {"licensing>us=deny", "licensing>eu=deny", "licensing>japan=deny", "licensing>australia=deny", "licensing>canada=deny", "licensing>india=general", "extraterritorial>=on"},
		3: {"licensing>us=open", "licensing>eu=deny", "licensing>japan=deny", "licensing>australia=deny", "licensing>canada=deny", "licensing>india=general", "extraterritorial>=on"},
		5: {"licensing>us=open"},
	}
	for turn, want := range cases {
		if got := ordersAt(t, sc, p, "prc", turn); !slices.Equal(got, want) {
			t.Errorf("turn %d:\n got %v\nwant %v", turn, got, want)
		}
	}
	if p.Idle(game.Orders, 12) || !p.Idle(game.Events, 1) || !p.Idle(game.Report, 1) || p.Idle(game.Negotiation, 1) {
		t.Errorf("Idle is wrong")
	}
	q := compile(t, sc, ai.Playbook{Name: "late", Orders: []ai.OrderRule{{From: 4, Until: 5, Set: []ai.Setting{{Lever: "tariff", Towards: []string{"prc"}, Level: "100"}}}}}, "us")
	for turn := 1; turn <= 12; turn++ {
		if idle := q.Idle(game.Orders, turn); idle != (turn < 4 || turn > 5) {
			t.Errorf("turn %d: idle %v", turn, idle)
		}
	}
}

func TestPlaybookCompileErrors(t *testing.T) {
	sc := rareEarth(t)
	one := func(s ai.Setting) []ai.OrderRule { return []ai.OrderRule{{From: 1, Set: []ai.Setting{s}}} }
	cases := []struct {
		name string
		pb   ai.Playbook
		seat string
		path string
		msg  string
	}{
		{"lever not the seat's", ai.Playbook{Name: "x", Orders: one(ai.Setting{Lever: "licensing", Towards: []string{"prc"}, Level: "deny"})}, "us",
			"$.orders[0].set[0].lever", `us may not set "licensing" (only prc may)`},
		{"unknown lever", ai.Playbook{Name: "x", Orders: one(ai.Setting{Lever: "embargo", Level: "on"})}, "prc",
			"$.orders[0].set[0].lever", `no lever "embargo"`},
		{"unknown level", ai.Playbook{Name: "x", Orders: one(ai.Setting{Lever: "tariff", Towards: []string{"us"}, Level: "999"})}, "prc",
			"$.orders[0].set[0].level", `"tariff" has no level "999" (levels: 0, usmca-35`},
		{"self as target", ai.Playbook{Name: "x", Orders: one(ai.Setting{Lever: "tariff", Towards: []string{"us", "prc"}, Level: "100"})}, "prc",
			"$.orders[0].set[0].towards[1]", `prc may not set "tariff" towards "prc"`},
		{"unknown target", ai.Playbook{Name: "x", Orders: one(ai.Setting{Lever: "tariff", Towards: []string{"mars"}, Level: "100"})}, "prc",
			"$.orders[0].set[0].towards", `no seat "mars"`},
		{"no target", ai.Playbook{Name: "x", Orders: one(ai.Setting{Lever: "tariff", Level: "100"})}, "prc",
			"$.orders[0].set[0].towards", `name the seats, or "all"`},
		{"target for a self lever", ai.Playbook{Name: "x", Orders: one(ai.Setting{Lever: "stockpile", Towards: []string{"us"}, Level: "small"})}, "prc",
			"$.orders[0].set[0].towards", "leave out towards"},
		{"finance target outside its list", ai.Playbook{Name: "x", Orders: one(ai.Setting{Lever: "finance", Towards: []string{"japan"}, Level: "broad"})}, "us",
			"$.orders[0].set[0].towards", `us may not set "finance" towards "japan"`},
		{"after the last turn", ai.Playbook{Name: "x", Orders: []ai.OrderRule{{From: 13, Set: []ai.Setting{{Lever: "stockpile", Level: "small"}}}}}, "us",
			"$.orders[0].from", "after the last turn of rare-earth-card (12)"},
		{"written for another seat", ai.Playbook{Name: "x", Seat: "prc"}, "us", "$.seat", `written for seat "prc", not "us"`},
		{"written for another scenario", ai.Playbook{Name: "x", Scenario: "tutorial"}, "us", "$.scenario", `written for scenario "tutorial"`},
		{"unknown proposer", ai.Playbook{Name: "x", Answers: ai.Answers{Rules: []ai.AnswerRule{{Answer: game.Accept, If: ai.DealFilter{From: []string{"mars"}}}}}}, "us",
			"$.answers[0].accept-if.from[0]", `no seat "mars"`},
		{"unknown lever in a filter", ai.Playbook{Name: "x", Answers: ai.Answers{Rules: []ai.AnswerRule{{Answer: game.Reject, If: ai.DealFilter{NotLever: []string{"embargo"}}}}}}, "us",
			"$.answers[0].reject-if.not-lever[0]", `no lever "embargo"`},
		{"no name", ai.Playbook{}, "us", "$.name", "is required"},
		{"all and more", ai.Playbook{Name: "x", Orders: one(ai.Setting{Lever: "tariff", Towards: []string{"all", "us"}, Level: "100"})}, "prc",
			"$.orders[0].set[0].towards", `"all" already names every target`},
		{"until before from", ai.Playbook{Name: "x", Orders: []ai.OrderRule{{From: 5, Until: 2, Set: []ai.Setting{{Lever: "stockpile", Level: "small"}}}}}, "us",
			"$.orders[0].until", "before the first"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			newPlayer, errs := c.pb.Compile(sc.Public(), c.seat, "x")
			if newPlayer != nil {
				t.Fatal("a broken playbook compiled")
			}
			for _, fe := range errs {
				if fe.Path == c.path && strings.Contains(fe.Msg, c.msg) {
					return
				}
			}
			t.Errorf("want %s: ...%s...; got %v", c.path, c.msg, errs)
		})
	}
}

// negotiation runs a game of rare-earth-card to its first negotiation and
// has each proposer in props propose a deal to the given parties.
func negotiation(t *testing.T, sc *game.Scenario, props ...game.Command) game.State {
	t.Helper()
	st, err := game.NewGame(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	apply := func(c game.Command) {
		t.Helper()
		if st, _, err = game.Apply(st, c); err != nil {
			t.Fatalf("%s by %s: %v", c.Kind, c.Seat, err)
		}
	}
	apply(game.Command{Kind: game.CmdStart, Seat: game.FacilitatorID})
	apply(game.Command{Kind: game.CmdAdvance, Seat: game.FacilitatorID})
	for _, c := range props {
		apply(c)
	}
	return st
}

func propose(from, title string, to []string, clauses ...game.ClauseSpec) game.Command {
	return game.Command{Kind: game.CmdPropose, Seat: from, Proposal: &game.Proposal{
		Title: title, Parties: to, Duration: 2, Clauses: clauses,
	}}
}

// answers maps deal titles to the answers a player gives.
func answers(t *testing.T, st game.State, p ai.Player, seat string) map[string]game.Answer {
	t.Helper()
	i, _ := st.Scenario().SeatIndex(seat)
	v := game.ViewFor(st, i)
	titles := map[int]string{}
	for _, d := range v.Deals {
		titles[d.ID] = d.Title
	}
	out := map[string]game.Answer{}
	for _, c := range p.Act(&v) {
		if c.Kind != game.CmdRespond || c.Seat != seat {
			t.Fatalf("unexpected command %+v", c)
		}
		out[titles[c.Deal]] = c.Answer
		if _, _, err := game.Apply(st, c); err != nil {
			t.Errorf("the engine refused %s's answer to %q: %v", seat, titles[c.Deal], err)
		}
	}
	return out
}

func TestPassiveRejectsEveryProposal(t *testing.T) {
	sc := rareEarth(t)
	tariff := game.ClauseSpec{Lever: "tariff", Bound: game.AtMost, Actor: "us", Target: "prc", Level: "30"}
	licence := game.ClauseSpec{Lever: "licensing", Bound: game.AtMost, Actor: "prc", Target: "us", Level: "general"}
	st := negotiation(t, sc, propose("us", "calm", []string{"prc"}, tariff, licence), propose("eu", "other", []string{"japan"},
		game.ClauseSpec{Lever: "tariff", Bound: game.AtMost, Actor: "eu", Target: "japan", Level: "0"}))
	if !game.Owes(&st, 1).Answer || game.Owes(&st, 0).Answer {
		t.Errorf("Owes: the PRC has a proposal to answer, the US none")
	}
	got := answers(t, st, ai.Passive{}, "prc")
	if len(got) != 1 || got["calm"] != game.Reject {
		t.Errorf("passive answered %v", got)
	}
	var p ai.Player = ai.Passive{}
	if _, ok := p.(ai.Answerer); !ok || !p.Idle(game.Orders, 1) || p.Idle(game.Negotiation, 1) {
		t.Errorf("passive is idle outside negotiation and only answers")
	}
	if _, ok := ai.Builtin("passive"); !ok || !slices.Contains(ai.BuiltinNames(), "passive") {
		t.Errorf("passive is not a built-in player")
	}
}

func TestPlaybookAnswerRules(t *testing.T) {
	sc := rareEarth(t)
	two := 2
	pb := ai.Playbook{Name: "x", Answers: ai.Answers{Rules: []ai.AnswerRule{
		{Answer: game.Reject, If: ai.DealFilter{NotLever: nil, From: []string{"japan"}}},
		{Answer: game.Accept, If: ai.DealFilter{From: []string{"us", "eu"}, MaxClauses: &two, NotLever: []string{"licensing"}}},
		{Answer: game.Accept},
	}}}
	p := compile(t, sc, pb, "prc")
	tariffUS := game.ClauseSpec{Lever: "tariff", Bound: game.AtMost, Actor: "us", Target: "prc", Level: "30"}
	tariffEU := game.ClauseSpec{Lever: "tariff", Bound: game.AtMost, Actor: "eu", Target: "prc", Level: "0"}
	tariffPRC := game.ClauseSpec{Lever: "tariff", Bound: game.AtMost, Actor: "prc", Target: "us", Level: "0"}
	licence := game.ClauseSpec{Lever: "licensing", Bound: game.AtMost, Actor: "prc", Target: "us", Level: "general"}
	licenceEU := game.ClauseSpec{Lever: "licensing", Bound: game.AtMost, Actor: "prc", Target: "eu", Level: "general"}
	st := negotiation(t, sc,
		propose("us", "tariffs only", []string{"prc"}, tariffUS),
		propose("us", "asks licences", []string{"prc"}, tariffUS, licence),
		propose("eu", "too long", []string{"prc"}, tariffEU, tariffEU, tariffEU),
		propose("japan", "from japan", []string{"prc"}, game.ClauseSpec{Lever: "tariff", Bound: game.AtMost, Actor: "japan", Target: "prc", Level: "0"}),
		propose("india", "from india", []string{"prc"}, game.ClauseSpec{Lever: "tariff", Bound: game.AtMost, Actor: "india", Target: "prc", Level: "0"}),
		propose("eu", "eu licences", []string{"prc"}, licenceEU),
		propose("us", "prc commits", []string{"prc"}, tariffPRC),
	)
	got := answers(t, st, p, "prc")
	want := map[string]game.Answer{
		"tariffs only":  game.Accept, // rule 2
		"asks licences": game.Accept, // not rule 2 (licensing), so otherwise: accept
		"too long":      game.Accept, // otherwise
		"from japan":    game.Reject, // rule 1
		"from india":    game.Accept, // otherwise
		// Both bind the PRC: it accepts the first such deal now and
		// leaves the other for a later call, when it knows the cost.
	}
	commits := 0
	for title, a := range got {
		if title == "eu licences" || title == "prc commits" || title == "asks licences" {
			commits++
			continue
		}
		if want[title] != a {
			t.Errorf("%q: answered %s, want %s", title, a, want[title])
		}
	}
	if commits != 1 {
		t.Errorf("accepted %d deals binding the PRC in one call, want 1: %v", commits, got)
	}
}
