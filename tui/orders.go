package tui

import (
	"fmt"
	"math"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

// orderRow is one lever towards one seat (or slot 0 for a lever of scope
// all or self).
type orderRow struct {
	lever, slot int
	each        bool
}

// ordersModel is the orders screen: every lever the seat has, changed
// with the arrow keys, beside the forecast of what these orders do next
// turn against keeping today's policy.
type ordersModel struct {
	env      *env
	w, h     int
	rows     []orderRow
	sel      int
	draft    game.Policy
	confirm  bool // a breach warning was shown; enter again submits
	forecast []game.Projection
	keep     []game.Projection
	fcErr    error
}

func newOrders(e *env) ordersModel { return ordersModel{env: e} }

func (o *ordersModel) SetSize(w, h int) { o.w, o.h = w, h }

// load starts from the seat's orders as the table has them.
func (o *ordersModel) load() {
	v := o.env.view()
	if v == nil || v.Viewer < 0 {
		return
	}
	sc := v.Scenario
	me := v.Viewer
	o.rows = o.rows[:0]
	for l := range v.Scenario.Levers {
		for _, slot := range sc.Slots(me, l) {
			o.rows = append(o.rows, orderRow{lever: l, slot: slot, each: sc.Levers[l].Scope == game.ScopeEach})
		}
	}
	o.sel = max(0, min(o.sel, len(o.rows)-1))
	o.draft = v.Seats[me].Policy
	if p := v.Seats[me].Orders; p != nil {
		o.draft = *p
	}
	o.confirm = false
	o.runForecast()
}

// refresh recomputes the forecast on a new view, keeping the draft.
func (o *ordersModel) refresh() {
	if v := o.env.view(); v != nil && v.Phase == game.Orders {
		o.runForecast()
	}
}

// runForecast asks the engine what next turn looks like with the draft
// and with the policy in force. It is the resolution's own code on the
// seat's view: a few microseconds.
func (o *ordersModel) runForecast() {
	v := o.env.view()
	if v == nil || v.Viewer < 0 || v.Phase == game.GameOver {
		o.forecast, o.keep = nil, nil
		return
	}
	o.forecast, o.fcErr = game.Forecast(v, o.draft, 1)
	o.keep, _ = game.Forecast(v, v.Seats[v.Viewer].Policy, 1)
}

func (o *ordersModel) Keys() helpKeys {
	k := &o.env.keys
	return helpKeys{
		short: []key.Binding{withHelp(k.Up, "↑↓", "lever"), withHelp(k.Left, "←→", "level"), k.Reset, k.Submit, k.Back},
		full:  [][]key.Binding{{k.Up, k.Down, k.Left, k.Right, k.Reset, k.Submit, k.Back}},
	}
}

func (o *ordersModel) Update(msg tea.KeyPressMsg) action {
	k := &o.env.keys
	v := o.env.view()
	if v == nil {
		return action{}
	}
	switch {
	case key.Matches(msg, k.Back):
		return action{kind: actBack}
	case key.Matches(msg, k.Up):
		o.sel = max(0, o.sel-1)
	case key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
		o.sel = min(len(o.rows)-1, o.sel+1)
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right):
		if o.sel >= len(o.rows) {
			return action{}
		}
		r := o.rows[o.sel]
		n := len(v.Scenario.Levers[r.lever].Levels)
		cur := int(o.draft[r.lever][r.slot])
		if key.Matches(msg, k.Left) {
			cur = max(0, cur-1)
		} else {
			cur = min(n-1, cur+1)
		}
		o.draft[r.lever][r.slot] = uint8(cur)
		o.confirm = false
		o.runForecast()
	case key.Matches(msg, k.Reset):
		o.draft = v.Seats[v.Viewer].Policy
		o.confirm = false
		o.runForecast()
	case key.Matches(msg, k.Submit):
		if v.Phase != game.Orders {
			return action{kind: actError, text: "orders can be submitted only in the orders phase"}
		}
		if len(o.breaches()) > 0 && !o.confirm {
			o.confirm = true
			return action{kind: actError, text: "these orders break a deal in force: press enter again to submit anyway"}
		}
		c := game.Command{Kind: game.CmdSubmit, Orders: o.orders()}
		return action{kind: actCommand, cmd: &c, text: "orders submitted", back: true}
	}
	return action{}
}

// orders writes the draft as the engine's orders.
func (o *ordersModel) orders() []game.Order {
	v := o.env.view()
	var out []game.Order
	for _, r := range o.rows {
		l := v.Scenario.Levers[r.lever]
		ord := game.Order{Lever: l.ID, Level: l.Levels[o.draft[r.lever][r.slot]].ID}
		if r.each {
			ord.Towards = v.Seats[r.slot].ID
		}
		out = append(out, ord)
	}
	return out
}

// breaches lists, in words, the clauses of deals in force that the draft
// would break.
func (o *ordersModel) breaches() []string {
	v := o.env.view()
	if v == nil {
		return nil
	}
	var out []string
	for i := range v.Deals {
		d := &v.Deals[i]
		if !d.Binds(v.Turn) {
			continue
		}
		for _, c := range d.Clauses {
			if c.Actor == v.Viewer && !c.Kept(&o.draft) {
				out = append(out, fmt.Sprintf("This breaks your deal “%s” (%s).", d.Title, clauseText(v, c)))
			}
		}
	}
	return out
}

// bound says the deal clause that limits a row, if any.
func (o *ordersModel) bound(r orderRow) string {
	v := o.env.view()
	for i := range v.Deals {
		d := &v.Deals[i]
		if !d.Binds(v.Turn) {
			continue
		}
		for _, c := range d.Clauses {
			if c.Actor == v.Viewer && c.Lever == r.lever && (!r.each || c.Target == r.slot) {
				l := &v.Scenario.Levers[r.lever]
				word := l.AtMost
				if c.Bound == game.AtLeast {
					word = l.AtLeast
				}
				return fmt.Sprintf("deal: %s %s", word, v.Scenario.LevelText(r.lever, c.Level))
			}
		}
	}
	return ""
}

func (o *ordersModel) View() string {
	e := o.env
	st := &e.st
	v := e.view()
	if v == nil {
		return ""
	}
	head := header(e, o.w)
	h := o.h - 1
	warn := o.breaches()
	warnH := 0
	if len(warn) > 0 {
		warnH = min(len(warn), 3)
	}
	h -= warnH
	var body string
	if o.w >= 100 {
		lw := o.w * 52 / 100
		left := st.panel(fmt.Sprintf("Orders · turn %d", v.Turn), o.rowsBody(lw-4, h-2), lw, h, true)
		right := st.panel("Forecast: next turn, these orders vs keeping today's", o.forecastBody(o.w-lw-4), o.w-lw, h, false)
		body = sideBySide(left, right)
	} else {
		rowsH := min(h/2, len(o.rows)+len(v.Scenario.Levers)+3)
		left := st.panel(fmt.Sprintf("Orders · turn %d", v.Turn), o.rowsBody(o.w-4, rowsH-2), o.w, rowsH, true)
		right := st.panel("Forecast: next turn vs keeping today's", o.forecastBody(o.w-4), o.w, h-rowsH, false)
		body = stack(left, right)
	}
	out := head + "\n" + body
	for _, w := range warn[:warnH] {
		out += "\n" + fit(st.Warn.Render(" ⚠ "+w), o.w)
	}
	return out
}

func (o *ordersModel) rowsBody(w, h int) string {
	e := o.env
	st := &e.st
	v := e.view()
	me := v.Viewer
	var lines []string
	selLine := 0
	last := -1
	for k, r := range o.rows {
		l := v.Scenario.Levers[r.lever]
		if r.lever != last {
			lines = append(lines, st.Bold.Render(l.Name))
			last = r.lever
		}
		target := "self"
		if r.each {
			target = seatTag(v, r.slot)
		} else if l.Scope == game.ScopeAll {
			target = "world"
		}
		lvl := v.Scenario.LevelText(r.lever, int(o.draft[r.lever][r.slot]))
		inForce := v.Scenario.LevelText(r.lever, int(v.Seats[me].Policy[r.lever][r.slot]))
		cell := fmt.Sprintf("  %-8s %s", target, fmt.Sprintf("  %-13s  ", lvl))
		if k == o.sel {
			cell = fmt.Sprintf("  %-8s %s", target, st.Selected.Render(fmt.Sprintf("◂ %-13s ▸", lvl)))
			selLine = len(lines)
		}
		if r.each {
			cell = "  " + st.Seat(r.slot).Render("■") + cell[1:]
		}
		note := ""
		if lvl != inForce {
			note = st.Warn.Render("* was " + inForce)
		}
		if b := o.bound(r); b != "" {
			note += " " + st.Accent.Render(b)
		}
		lines = append(lines, cell+" "+note)
	}
	if len(o.rows) == 0 {
		lines = append(lines, st.Subtle.Render("Your seat has no levers in this scenario."))
	}
	if v.Seats[me].Submitted {
		lines = append(lines, "", st.Good.Render("✓ submitted; enter submits again with any changes"))
	}
	if k := o.sel; k < len(o.rows) {
		if help := v.Scenario.Levers[o.rows[k].lever].Help; help != "" {
			lines = append(lines, "", st.Subtle.Render(wrap(help, w)))
		}
	}
	from, to := scrollWindow(len(lines), h, selLine)
	return strings.Join(lines[from:to], "\n")
}

// forecastBody compares the next turn under the draft with the next turn
// under the policy in force, seat by seat, and says why the seat's own
// numbers move.
func (o *ordersModel) forecastBody(w int) string {
	e := o.env
	st := &e.st
	v := e.view()
	if o.fcErr != nil || len(o.forecast) == 0 || len(o.keep) == 0 {
		return st.Subtle.Render("No forecast for this game.")
	}
	f, k := &o.forecast[0], &o.keep[0]
	me := v.Viewer
	var lines []string
	var inds []game.Indicator
	for _, ind := range v.Scenario.ReportOrder() {
		if ind != game.Score {
			inds = append(inds, ind)
		}
	}
	seats := append([]int{me}, others(len(v.Seats), me)...)
	for _, i := range seats {
		first := true
		for _, ind := range inds {
			now, next, keep := v.Seats[i].Ind[ind], f.Ind[i][ind], k.Ind[i][ind]
			diff := next - keep
			if i != me && math.Abs(diff) < 0.05 {
				continue
			}
			if i == me && math.Abs(diff) < 0.05 && math.Abs(next-now) < 0.05 {
				continue
			}
			tag := "     "
			if first {
				tag = st.Seat(i).Render(fmt.Sprintf("%-5s", seatTag(v, i)))
				first = false
			}
			vs := ""
			if math.Abs(diff) >= 0.05 {
				vs = st.Change(diff, better(v, ind)).Render(fmt.Sprintf("(%s vs keep)", signed(diff)))
			}
			lines = append(lines, fmt.Sprintf("%s %-9s %7s → %-7s %s", tag, spec(v, ind).Name, fmtInd(v, ind, now), fmtInd(v, ind, next), vs))
		}
	}
	if len(lines) == 1 || len(seats) == 1 {
		lines = append(lines, st.Subtle.Render("The others' numbers do not change with these orders."))
	}
	var why []string
	for _, c := range sortedChanges(f.Changes) {
		if c.Seat != me || c.Indicator == game.Score || math.Abs(c.To-c.From) < 0.05 {
			continue
		}
		why = append(why, v.Scenario.Explain(c))
		if len(why) == 3 {
			break
		}
	}
	if len(why) > 0 {
		lines = append(lines, "", st.Bold.Render("why"))
		for _, y := range why {
			lines = append(lines, st.Subtle.Render(wrap("• "+y, w)))
		}
	}
	lines = append(lines, "", st.Faint.Render(wrap("The forecast assumes the others keep their policy in force, inside the deals that bind them: it cannot see their orders.", w)))
	return strings.Join(lines, "\n")
}

func others(n, me int) []int {
	var out []int
	for i := range n {
		if i != me {
			out = append(out, i)
		}
	}
	return out
}
