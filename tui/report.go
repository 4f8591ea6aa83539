package tui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

// reportModel is the report of a resolved turn: its events, breaches and
// every seat's changes with their causes.
type reportModel struct {
	env  *env
	w, h int
	rec  int // the journal's turn record shown
	vp   viewport.Model
}

func newReport(e *env) reportModel { return reportModel{env: e, vp: viewport.New()} }

func (r *reportModel) SetSize(w, h int) {
	r.w, r.h = w, h
	r.vp.SetWidth(max(1, w-4))
	r.vp.SetHeight(max(1, h-5))
	r.fill()
}

// load shows the last resolved turn.
func (r *reportModel) load() {
	if r.env.u == nil {
		return
	}
	r.rec = len(r.env.u.Journal.Turns) - 1
	r.fill()
	r.vp.GotoTop()
}

func (r *reportModel) refresh() { r.fill() }

func (r *reportModel) Keys() helpKeys {
	k := &r.env.keys
	short := []key.Binding{withHelp(k.Up, "↑↓", "scroll"), withHelp(k.Left, "←→", "turn"), k.Back}
	if v := r.env.view(); v != nil && v.Phase == game.Report {
		short = append([]key.Binding{withHelp(k.Ready, "r", "ready for next turn")}, short...)
	}
	return helpKeys{short: short, full: [][]key.Binding{{k.Ready, k.Up, k.Down, k.PageUp, k.PageDown, k.Left, k.Right, k.Back}}}
}

func (r *reportModel) Update(msg tea.KeyPressMsg) action {
	k := &r.env.keys
	v := r.env.view()
	if v == nil {
		return action{}
	}
	switch {
	case key.Matches(msg, k.Back):
		return action{kind: actBack}
	case key.Matches(msg, k.Ready), key.Matches(msg, k.Enter):
		if v.Phase != game.Report {
			return action{kind: actBack}
		}
		if v.Seats[v.Viewer].Ready {
			return action{kind: actBack}
		}
		c := game.Command{Kind: game.CmdReady}
		return action{kind: actCommand, cmd: &c, text: "ready for the next turn", back: true}
	case key.Matches(msg, k.Left):
		r.rec = max(1, r.rec-1)
		r.fill()
		r.vp.GotoTop()
	case key.Matches(msg, k.Right):
		r.rec = min(len(r.env.u.Journal.Turns)-1, r.rec+1)
		r.fill()
		r.vp.GotoTop()
	default:
		r.vp, _ = r.vp.Update(msg)
	}
	return action{}
}

// sortedChanges orders changes by size, largest first.
func sortedChanges(cs []game.Change) []game.Change {
	out := slices.Clone(cs)
	slices.SortStableFunc(out, func(a, b game.Change) int {
		da, db := math.Abs(a.To-a.From), math.Abs(b.To-b.From)
		switch {
		case da > db:
			return -1
		case da < db:
			return 1
		}
		return 0
	})
	return out
}

func (r *reportModel) fill() {
	e := r.env
	if e.u == nil || e.sess == nil || r.w == 0 {
		return
	}
	turns := e.u.Journal.Turns
	if r.rec < 1 || r.rec >= len(turns) {
		r.vp.SetContent(e.st.Subtle.Render("No turn has been resolved yet."))
		return
	}
	r.vp.SetContent(reportBody(e, turns[r.rec].Turn, turns[r.rec].Changes, r.w-4))
}

// reportBody writes one turn's report.
func reportBody(e *env, turn int, changes []game.Change, w int) string {
	st := &e.st
	v := e.view()
	var b strings.Builder
	b.WriteString(st.Bold.Render("What happened") + "\n")
	n := 0
	for i := range e.u.Journal.News {
		ev := &e.u.Journal.News[i]
		if ev.Turn != turn || ev.Kind == game.EvResolved {
			continue
		}
		if ev.Phase < game.Resolution && ev.Kind != game.EvScheduled && ev.Kind != game.EvDrawn && ev.Kind != game.EvInjected && ev.Kind != game.EvInForce {
			continue
		}
		text := eventText(v, e.u.Journal.Deals, ev)
		if text == "" {
			continue
		}
		style := st.Text
		if ev.Kind == game.EvBreach || ev.Kind == game.EvModel {
			style = st.Bad
		}
		b.WriteString(style.Render(wrap("• "+text, w)) + "\n")
		n++
	}
	if n == 0 {
		b.WriteString(st.Subtle.Render("• No events, deals or breaches.") + "\n")
	}
	// The viewer's own seat first, then the others in order.
	order := append([]int{v.Viewer}, others(len(v.Seats), v.Viewer)...)
	if v.Viewer < 0 {
		order = others(len(v.Seats), -1)
	}
	sorted := sortedChanges(changes)
	for _, i := range order {
		b.WriteString("\n" + st.Seat(i).Bold(true).Render("■ "+v.Seats[i].Name) + "\n")
		k := 0
		for _, c := range sorted {
			if c.Seat != i || math.Abs(c.To-c.From) < 0.05 {
				continue
			}
			line := fmt.Sprintf("  %s %s → %s  ", arrow(c.To-c.From), fmtInd(v, c.Indicator, c.From), fmtInd(v, c.Indicator, c.To))
			b.WriteString(st.Change(c.To-c.From, better(v, c.Indicator)).Render(line) + wrapIndent(v.Scenario.Explain(c), w-lenCells(line), lenCells(line)) + "\n")
			k++
			if k == 5 && i != v.Viewer {
				break
			}
		}
		if k == 0 {
			b.WriteString(st.Subtle.Render("  no change worth a line") + "\n")
		}
	}
	return b.String()
}

func lenCells(s string) int { return len([]rune(s)) }

// wrapIndent wraps text to w cells, indenting the lines after the first.
func wrapIndent(text string, w, indent int) string {
	lines := strings.Split(wrap(text, max(20, w)), "\n")
	for i := 1; i < len(lines); i++ {
		lines[i] = strings.Repeat(" ", indent) + lines[i]
	}
	return strings.Join(lines, "\n")
}

func (r *reportModel) View() string {
	e := r.env
	st := &e.st
	v := e.view()
	if v == nil {
		return ""
	}
	turn := 0
	if r.rec >= 0 && r.rec < len(e.u.Journal.Turns) {
		turn = e.u.Journal.Turns[r.rec].Turn
	}
	title := fmt.Sprintf("Report · turn %d · %s", turn, monthOf(v.Scenario, turn))
	status := ""
	if v.Phase == game.Report {
		status = "\n" + waiting(e)
	}
	return header(e, r.w) + "\n" + st.panel(title, r.vp.View()+status, r.w, r.h-1, true)
}
