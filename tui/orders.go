package tui

import (
	"fmt"
	"sort"
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

func init() { registerScreen(scrOrders, func(e *env) screen { return &ordersModel{env: e} }) }

func (o *ordersModel) SetSize(w, h int) { o.w, o.h = w, h }

// open starts from the seat's orders as the table has them.
func (o *ordersModel) open(action) {
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
	// Start from the policy in force moved inside the seat's deals, so
	// that enter alone never breaks a promise; once submitted, from the
	// orders submitted.
	o.draft = game.Expected(v)[me]
	if p := v.Seats[me].Orders; p != nil && v.Seats[me].Submitted {
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

func (o *ordersModel) Keys() keyMap {
	k := &o.env.keys
	return newKeyMap([]key.Binding{withHelp(k.Left, "←→", "level"), withHelp(k.Up, "↑↓", "lever"), k.Submit, withHelp(k.Reset, "u", "undo"), withHelp(k.Back, "esc", "back")},
		[]key.Binding{withHelp(k.Up, "↑/k", "previous lever"), withHelp(k.Down, "↓/j", "next lever"), withHelp(k.Left, "←/h", "milder level"), withHelp(k.Right, "→/l", "stronger level"),
			withHelp(k.Reset, "u", "undo changes: back to the policy in force, inside your deals"), withHelp(k.Submit, "enter", "submit these orders (twice if they break a deal)"), withHelp(k.Back, "esc", "back to the game screen, orders unsent")})
}

func (o *ordersModel) Update(msg tea.KeyPressMsg) action {
	k := &o.env.keys
	v := o.env.view()
	if v == nil {
		return action{}
	}
	switch {
	case key.Matches(msg, k.Back):
		return back()
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
		o.draft = game.Expected(v)[v.Viewer]
		o.confirm = false
		o.runForecast()
	case key.Matches(msg, k.Submit):
		if v.Phase != game.Orders {
			return errorf("orders can be submitted only in the orders phase")
		}
		if len(o.breaches()) > 0 && !o.confirm {
			o.confirm = true
			return errorf("these orders break a deal in force: press enter again to submit anyway")
		}
		a := command(game.Command{Kind: game.CmdSubmit, Orders: o.orders()}, "orders submitted")
		a.back = true
		return a
	}
	return action{}
}

// orders writes the draft as the engine's orders.
func (o *ordersModel) orders() []game.Order { return ordersOf(o.env.view(), o.draft) }

// ordersOf writes a policy as the viewer's orders: every lever it sets,
// towards every seat it may aim it at.
func ordersOf(v *game.View, p game.Policy) []game.Order {
	ps := v.Scenario
	var out []game.Order
	for l := range ps.Levers {
		lv := &ps.Levers[l]
		for _, slot := range ps.Slots(v.Viewer, l) {
			ord := game.Order{Lever: lv.ID, Level: lv.Levels[p[l][slot]].ID}
			if lv.Scope == game.ScopeEach {
				ord.Towards = v.Seats[slot].ID
			}
			out = append(out, ord)
		}
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
				out = append(out, fmt.Sprintf("This breaks your deal “%s”: %s.", d.Title, v.Scenario.ClauseText(c)))
			}
		}
	}
	return out
}

// bound says the deal clauses that limit a row, if any: "deal “Calm”:
// at most 10%". Each is matched on the row's own lever and target, and
// every deal that binds the row is named, the tightest first, so that a
// row never carries the name of a deal about something else.
func (o *ordersModel) bound(r orderRow) string {
	v := o.env.view()
	ps := v.Scenario
	type hit struct {
		title string
		c     game.Clause
	}
	var hits []hit
	for i := range v.Deals {
		d := &v.Deals[i]
		if !d.Binds(v.Turn) || !d.Party(v.Viewer) {
			continue
		}
		for _, c := range d.Clauses {
			if c.Actor != v.Viewer || c.Lever != r.lever || c.Slot != r.slot {
				continue
			}
			hits = append(hits, hit{d.Title, c})
		}
	}
	// Tightest first: the lowest "at most", then the highest "at least".
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i].c, hits[j].c
		if a.Bound != b.Bound {
			return a.Bound == game.AtMost
		}
		if a.Bound == game.AtMost {
			return a.Level < b.Level
		}
		return a.Level > b.Level
	})
	var parts []string
	for _, h := range hits {
		parts = append(parts, fmt.Sprintf("deal “%s”: %s", h.title, ps.BoundText(h.c)))
	}
	return strings.Join(parts, "; ")
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
	var warn []string
	for _, w := range o.breaches() {
		warn = append(warn, strings.Split(wrap("⚠ "+w, o.w-2), "\n")...)
	}
	warn = warn[:min(len(warn), 4)]
	h -= len(warn)
	title := fmt.Sprintf("Orders · turn %d", v.Turn)
	var body string
	if o.w >= 100 {
		lw := o.w * 52 / 100
		left := st.panel(title, o.rowsBody(lw-4, h-2), lw, h, true)
		right := st.panel("Forecast: next turn, against keeping today's", o.forecastBody(o.w-lw-4, h-2), o.w-lw, h, false)
		body = sideBySide(left, right)
	} else {
		rowsH := min(h/2, o.rowLines()+o.helpLines(o.w-4)+3)
		left := st.panel(title, o.rowsBody(o.w-4, rowsH-2), o.w, rowsH, true)
		right := st.panel("Forecast: next turn, against keeping today's", o.forecastBody(o.w-4, h-rowsH-2), o.w, h-rowsH, false)
		body = stack(left, right)
	}
	out := head + "\n" + body
	for _, w := range warn {
		out += "\n" + fit(" "+st.Warn.Render(w), o.w)
	}
	return out
}

// rowLines is how many lines the rows take: a heading per lever and a
// line per row.
func (o *ordersModel) rowLines() int {
	n, last := 0, -1
	for _, r := range o.rows {
		if r.lever != last {
			n++
			last = r.lever
		}
		n++
	}
	return n
}

// helpLines is how many lines the selected lever's help takes under the
// rows, with the blank line before it.
func (o *ordersModel) helpLines(w int) int {
	v := o.env.view()
	if v == nil || o.sel >= len(o.rows) {
		return 0
	}
	help := v.Scenario.Levers[o.rows[o.sel].lever].Help
	if help == "" {
		return 0
	}
	return strings.Count(wrap(help, w), "\n") + 2
}

func (o *ordersModel) rowsBody(w, h int) string {
	e := o.env
	st := &e.st
	v := e.view()
	ps := v.Scenario
	me := v.Viewer
	var lines []string
	selLine := 0
	last := -1
	tagW := 5
	for _, r := range o.rows {
		if r.each {
			tagW = max(tagW, lenCells(ps.Tag(r.slot)))
		}
	}
	for k, r := range o.rows {
		l := &ps.Levers[r.lever]
		if r.lever != last {
			lines = append(lines, st.Bold.Render(l.Name))
			last = r.lever
		}
		lvlW := 0
		for j := range l.Levels {
			lvlW = max(lvlW, lenCells(ps.LevelText(r.lever, j)))
		}
		target := "self"
		if r.each {
			target = ps.Tag(r.slot)
		} else if l.Scope == game.ScopeAll {
			target = "world"
		}
		lvl := ps.LevelText(r.lever, int(o.draft[r.lever][r.slot]))
		inForce := ps.LevelText(r.lever, int(v.Seats[me].Policy[r.lever][r.slot]))
		square := " "
		if r.each {
			square = st.Seat(r.slot).Render("■")
		}
		cell := "  " + square + " " + padRight(target, tagW) + "   " + padRight(lvl, lvlW) + "   "
		if k == o.sel {
			cell = "  " + square + " " + padRight(target, tagW) + " " + st.Selected.Render("◂ "+padRight(lvl, lvlW)+" ▸")
			selLine = len(lines)
		}
		var notes []string
		if lvl != inForce {
			notes = append(notes, st.Warn.Render("* was "+inForce))
			if b := o.bound(r); b != "" {
				notes[len(notes)-1] += st.Subtle.Render(" ·")
			}
		}
		if b := o.bound(r); b != "" {
			notes = append(notes, st.Accent.Render(b))
		}
		note := strings.Join(notes, " ")
		if note != "" && lenCells(cell)+1+lenCells(note) > w {
			lines = append(lines, cell)
			cell = strings.Repeat(" ", 4+tagW)
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
		if help := ps.Levers[o.rows[k].lever].Help; help != "" {
			lines = append(lines, "")
			lines = append(lines, strings.Split(st.Subtle.Render(wrap(help, w)), "\n")...)
		}
	}
	return strings.Join(markedWindow(st, lines, h, selLine), "\n")
}

// forecastIndicators are the indicators a forecast compares: the model's
// and capital, or the score when the model has nothing else (a payoff
// table).
func forecastIndicators(ps *game.PublicScenario) []game.Indicator {
	var inds []game.Indicator
	for _, ind := range ps.ReportOrder() {
		if ind != game.Score {
			inds = append(inds, ind)
		}
	}
	if len(inds) == 0 {
		inds = []game.Indicator{game.Score}
	}
	return inds
}

// forecastBody compares the next turn under the draft with the next turn
// under the policy in force, seat by seat, and says why the seat's own
// numbers move, in w by h cells.
func (o *ordersModel) forecastBody(w, h int) string {
	e := o.env
	st := &e.st
	v := e.view()
	ps := v.Scenario
	if o.fcErr != nil || len(o.forecast) == 0 || len(o.keep) == 0 {
		return st.Subtle.Render("No forecast for this game.")
	}
	f, k := &o.forecast[0], &o.keep[0]
	me := v.Viewer
	var lines []string
	inds := forecastIndicators(ps)
	nameW, tagW := 0, 0
	for _, ind := range inds {
		nameW = max(nameW, lenCells(ps.Indicator(ind).Name))
	}
	for i := range v.Seats {
		tagW = max(tagW, lenCells(ps.Tag(i)))
	}
	seats := append([]int{me}, others(len(v.Seats), me)...)
	othersMove := false
	for _, i := range seats {
		first := true
		for _, ind := range inds {
			s := ps.Indicator(ind)
			now, next, keep := v.Seats[i].Ind[ind], f.Ind[i][ind], k.Ind[i][ind]
			diff := next - keep
			shows := arrowFor(s, diff) != " "
			if i != me && !shows {
				continue
			}
			if i == me && !shows && arrowFor(s, next-now) == " " {
				continue
			}
			if i != me {
				othersMove = true
			}
			tag := strings.Repeat(" ", tagW)
			if first {
				tag = st.Seat(i).Render(padRight(ps.Tag(i), tagW))
				first = false
			}
			vs := ""
			if shows {
				vs = st.Change(diff, s.Better >= 0).Render("(" + s.FormatDelta(diff) + " against keeping)")
			}
			line := fmt.Sprintf("%s %s %7s → %-7s", tag, padRight(s.Name, nameW), s.Format(now), s.Format(next))
			switch {
			case vs == "":
			case lenCells(line)+1+lenCells(vs) <= w:
				line += " " + vs
			default:
				// Never cut: the comparison goes under the numbers.
				lines = append(lines, line)
				line = strings.Repeat(" ", tagW+1+nameW+1) + vs
			}
			lines = append(lines, line)
		}
	}
	if !othersMove {
		lines = append(lines, st.Subtle.Render(wrap("The others' numbers do not change with these orders.", w)))
	}
	var why []string
	for _, c := range sortedChanges(f.Changes) {
		if c.Seat != me || (c.Indicator == game.Score && len(inds) > 1) || arrowFor(ps.Indicator(c.Indicator), c.To-c.From) == " " {
			continue
		}
		why = append(why, ps.Explain(c))
		if len(why) == 3 {
			break
		}
	}
	if len(why) > 0 {
		lines = append(lines, "", st.Bold.Render("why, with these orders"))
		for _, y := range why {
			lines = append(lines, strings.Split(st.Subtle.Render(wrapIndent("• "+y, w, 2)), "\n")...)
		}
	}
	note := strings.Split(st.Faint.Render(wrap("The forecast assumes the others keep their policy in force, moved inside the deals in force that bind them: it cannot see their orders.", w)), "\n")
	if len(lines)+1+len(note) <= h {
		lines = append(append(lines, ""), note...)
	}
	return strings.Join(lines[:min(len(lines), max(1, h))], "\n")
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
