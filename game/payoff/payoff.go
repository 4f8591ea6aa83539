// Package payoff is the payoff-table model: each turn, every seat earns the
// points of the row of a table that matches the levels all seats chose on
// one lever. It is the iterated prisoner's dilemma's model and the
// classroom's first lesson, and it plugs into the engine as the model kind
// "payoff-table".
package payoff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// Kind is the model's name in scenarios.
const Kind = "payoff-table"

func init() { game.RegisterModel(&Spec) }

const causePayoff uint8 = 1

// Spec is the model's declaration to the engine. Its one lever kind is
// the choice each seat makes every turn; the table scores it.
var Spec = game.ModelSpec{
	Kind: Kind,
	Doc:  "a payoff table: every turn each seat scores the row matching everyone's choice",
	Levers: []game.LeverKindSpec{
		{Name: "tariff", Scope: game.ScopeEach, Hostile: true, Bounds: []game.Bound{game.AtMost, game.AtLeast},
			Doc: "the choice the table scores: a tariff towards the other seat"},
	},
	CauseText: func(c game.Cause, n game.Names, _ int) string {
		if lv := n.LevelName(int(c.Lever), int(c.Level)); lv != "" {
			return fmt.Sprintf("payoff after choosing %s '%s' (%+.0f)", strings.ToLower(n.LeverName(int(c.Lever))), lv, c.Delta)
		}
		return fmt.Sprintf("payoff (%+.0f)", c.Delta)
	},
	Build: build,
}

type payoffModel struct {
	lever int
	slot  []int     // the policy slot each seat's choice is read from
	radix []int     // levels of the lever, per seat (all equal)
	table []float64 // [combination*seats + seat]
}

// build checks the scenario's payoff table and compiles it.
func build(sc *game.Scenario, p *game.Problems) game.Model {
	m := &payoffModel{}
	md := sc.Model
	if len(md.Params) > 0 {
		p.Add("$.model.params", "the payoff-table model takes no parameters")
	}
	l, ok := sc.LeverIndex(md.Lever)
	if !ok {
		p.Add("$.model.lever", "no lever %q", md.Lever)
		return m
	}
	n := min(len(sc.Seats), game.MaxSeats)
	levels := len(sc.Levers[l].Levels)
	combos := 1
	for i := 0; i < n; i++ {
		combos *= levels
		if combos > 4096 {
			p.Add("$.model.payoffs", "a payoff table may have at most 4096 rows")
			return m
		}
	}
	m.lever = l
	m.slot = make([]int, n)
	m.radix = make([]int, n)
	for i := 0; i < n; i++ {
		m.radix[i] = levels
		if !sc.MaySet(i, l) {
			p.Add("$.model.lever", "every seat must be able to set lever %q; %q cannot", md.Lever, sc.Seats[i].ID)
			continue
		}
		if sc.LeverScope(l) == game.ScopeEach {
			var targets []int
			for j := 0; j < n; j++ {
				if sc.MayTarget(i, l, j) {
					targets = append(targets, j)
				}
			}
			if len(targets) != 1 {
				p.Add("$.model.lever", "seat %q must set lever %q towards exactly one seat, not %d", sc.Seats[i].ID, md.Lever, len(targets))
				continue
			}
			m.slot[i] = targets[0]
		}
	}
	m.table = make([]float64, combos*n)
	seen := make([]bool, combos)
	for r, row := range md.Payoffs {
		path := fmt.Sprintf("$.model.payoffs[%d]", r)
		combo, ok := 0, true
		for i := 0; i < n; i++ {
			id := sc.Seats[i].ID
			lv, has := row.When[id]
			if !has {
				p.Add(path+".when", "names no level for seat %q", id)
				ok = false
				continue
			}
			j, known := sc.LevelIndex(l, lv)
			if !known {
				p.Add(path+".when."+id, "lever %q has no level %q", md.Lever, lv)
				ok = false
				continue
			}
			combo = combo*levels + j
		}
		for _, id := range sortedKeys(row.When) {
			if _, known := sc.SeatIndex(id); !known {
				p.Add(path+".when."+id, "no seat %q", id)
				ok = false
			}
		}
		for _, id := range sortedKeys(row.Score) {
			if _, known := sc.SeatIndex(id); !known {
				p.Add(path+".score."+id, "no seat %q", id)
			}
		}
		if !ok {
			continue
		}
		if seen[combo] {
			p.Add(path+".when", "this combination of levels already has a row")
			continue
		}
		seen[combo] = true
		for i := 0; i < n; i++ {
			x, has := row.Score[sc.Seats[i].ID]
			if !has {
				p.Add(path+".score", "gives no score for seat %q", sc.Seats[i].ID)
			}
			m.table[combo*n+i] = x
		}
	}
	for c, ok := range seen {
		if !ok {
			p.Add("$.model.payoffs", "%d of %d combinations of levels have no row (the first missing is number %d)", countFalse(seen), combos, c+1)
			break
		}
	}
	return m
}

func countFalse(b []bool) int {
	n := 0
	for _, x := range b {
		if !x {
			n++
		}
	}
	return n
}

// Init leaves every seat's score at zero: the table is all there is.
func (m *payoffModel) Init(st *game.State) {}

// Resolve scores the row every seat's choice makes.
func (m *payoffModel) Resolve(st *game.State, _ func(game.Event)) {
	n := len(st.Seats)
	combo := 0
	for i := 0; i < n; i++ {
		combo = combo*m.radix[i] + int(st.Seats[i].Policy[m.lever][m.slot[i]])
	}
	for i := 0; i < n; i++ {
		x := m.table[combo*n+i]
		from := st.Seats[i].Ind[game.Score]
		st.Seats[i].Ind[game.Score] = from + x
		var cs game.Causes
		cs.Add(game.Cause{Kind: causePayoff, Other: -1, Lever: int8(m.lever), Level: int8(st.Seats[i].Policy[m.lever][m.slot[i]]), Delta: x})
		st.Record(i, game.Score, from, from+x, &cs)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
