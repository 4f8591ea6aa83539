package game

import "fmt"

// PayoffModelKind is the model that scores a plain payoff table: each
// turn, every seat earns the points of the row that matches the levels
// all seats chose on one lever. It is the iterated prisoner's dilemma's
// model and the classroom's first lesson.
const PayoffModelKind = "payoff-table"

func init() { registerModel(PayoffModelKind, func() Model { return &payoffModel{} }) }

type payoffModel struct {
	lever int
	slot  []int     // the policy slot each seat's choice is read from
	radix []int     // levels of the lever, per seat (all equal)
	table []float64 // [combination*seats + seat]
}

func (m *payoffModel) Kind() string { return PayoffModelKind }

func (m *payoffModel) Validate(sc *Scenario, ix *scenarioIndex, p *Problems) {
	md := sc.Model
	if len(md.Params) > 0 {
		p.Add("$.model.params", "the payoff-table model takes no parameters")
	}
	l, ok := ix.lever[md.Lever]
	if !ok {
		p.Add("$.model.lever", "no lever %q", md.Lever)
		return
	}
	if l >= len(ix.levers) {
		return
	}
	li := &ix.levers[l]
	n := min(len(sc.Seats), MaxSeats)
	levels := len(sc.Levers[l].Levels)
	combos := 1
	for i := 0; i < n; i++ {
		combos *= levels
		if combos > 4096 {
			p.Add("$.model.payoffs", "a payoff table may have at most 4096 rows")
			return
		}
	}
	m.lever = l
	m.slot = make([]int, n)
	m.radix = make([]int, n)
	for i := 0; i < n; i++ {
		m.radix[i] = levels
		if !li.setters.Has(i) {
			p.Add("$.model.lever", "every seat must be able to set lever %q; %q cannot", md.Lever, sc.Seats[i].ID)
			continue
		}
		if li.scope == ScopeEach {
			var targets []int
			for j := 0; j < n; j++ {
				if ix.mayTarget(l, i, j) {
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
			j, known := li.levels[lv]
			if !known {
				p.Add(path+".when."+id, "lever %q has no level %q", md.Lever, lv)
				ok = false
				continue
			}
			combo = combo*levels + j
		}
		for _, id := range sortedKeys(row.When) {
			if _, known := ix.seat[id]; !known {
				p.Add(path+".when."+id, "no seat %q", id)
				ok = false
			}
		}
		for _, id := range sortedKeys(row.Score) {
			if _, known := ix.seat[id]; !known {
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

func (m *payoffModel) Init(st *State) {
	for i := range st.Seats {
		ind := &st.Seats[i].Ind
		ind[Economy], ind[Industry], ind[Tech], ind[Coverage] = 100, 100, 100, 1
	}
}

func (m *payoffModel) Resolve(st *State) {
	n := len(st.Seats)
	combo := 0
	for i := 0; i < n; i++ {
		combo = combo*m.radix[i] + int(st.Seats[i].Policy[m.lever][m.slot[i]])
	}
	for i := 0; i < n; i++ {
		x := m.table[combo*n+i]
		from := st.Seats[i].Ind[Score]
		st.Seats[i].Ind[Score] = from + x
		ch := Change{Seat: i, Indicator: Score, From: from, To: from + x}
		ch.Causes[0] = Cause{Kind: CausePayoff, Other: -1, Lever: m.lever, Level: int(st.Seats[i].Policy[m.lever][m.slot[i]]), Delta: x}
		st.Changes = append(st.Changes, ch)
	}
}
