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

func init() { registerScreen(scrReport, func(e *env) screen { return newReport(e) }) }

// reportModel is the report of a resolved turn: its events with their
// text, what each seat chose where that is the game (a payoff table),
// and every seat's changes from the turn before with their causes.
type reportModel struct {
	env  *env
	w, h int
	rec  int // the journal's turn record shown
	vp   viewport.Model
}

func newReport(e *env) *reportModel { return &reportModel{env: e, vp: viewport.New()} }

func (r *reportModel) SetSize(w, h int) {
	r.w, r.h = w, h
	r.vp.SetWidth(max(1, w-4))
	r.vp.SetHeight(max(1, h-4))
	r.fill()
}

// open shows the last resolved turn.
func (r *reportModel) open(action) {
	if r.env.u == nil {
		return
	}
	r.rec = len(r.env.u.Journal.Turns) - 1
	r.fill()
	r.vp.GotoTop()
}

func (r *reportModel) refresh() { r.fill() }

func (r *reportModel) Keys() keyMap {
	k := &r.env.keys
	short := []key.Binding{withHelp(k.Up, "↑↓", "scroll"), withHelp(k.Left, "←→", "turn"), withHelp(k.Back, "esc", "game screen")}
	if v := r.env.view(); v != nil && v.Phase == game.Report && !v.Seats[v.Viewer].Ready {
		short = append([]key.Binding{withHelp(k.Ready, "r", "next turn")}, short...)
	}
	return newKeyMap(short, []key.Binding{withHelp(k.Ready, "r", "ready for the next turn (in the report phase)"), withHelp(k.Enter, "enter", "ready for the next turn (in the report phase)"),
		k.Up, k.Down, k.PageUp, k.PageDown, withHelp(k.Left, "←/h", "the turn before"), withHelp(k.Right, "→/l", "the turn after"), withHelp(k.Back, "esc", "back to the game screen")})
}

func (r *reportModel) Update(msg tea.KeyPressMsg) action {
	k := &r.env.keys
	v := r.env.view()
	if v == nil {
		return action{}
	}
	switch {
	case key.Matches(msg, k.Back):
		return back()
	case key.Matches(msg, k.Ready), key.Matches(msg, k.Enter):
		if v.Phase != game.Report || v.Seats[v.Viewer].Ready {
			return back()
		}
		a := command(game.Command{Kind: game.CmdReady}, "ready for the next turn")
		a.back = true
		return a
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
	r.vp.SetContent(reportBody(e, r.rec, r.w-4))
}

// reportBody writes the report of the journal's turn record idx.
func reportBody(e *env, idx, w int) string {
	st := &e.st
	v := e.view()
	ps := v.Scenario
	rec := &e.u.Journal.Turns[idx]
	turn := rec.Turn
	var b strings.Builder
	b.WriteString(st.Bold.Render("What happened") + "\n")
	n := 0
	for i := range e.u.Journal.News {
		ev := &e.u.Journal.News[i]
		if ev.Turn != turn || ev.Kind == game.EvResolved || ev.Kind == game.EvObjective {
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
		if ev.Text != "" && (ev.Kind == game.EvScheduled || ev.Kind == game.EvDrawn || ev.Kind == game.EvInjected) {
			text = st.Bold.Render(text) + ": " + ev.Text
		}
		b.WriteString(style.Render(wrapIndent("• "+text, w, 2)) + "\n")
		n++
	}
	if choices := choicesLine(e, idx); choices != "" {
		b.WriteString(wrapIndent("• "+choices, w, 2) + "\n")
		n++
	}
	if n == 0 {
		b.WriteString(st.Subtle.Render("• No events, deals or breaches.") + "\n")
	}
	b.WriteString("\n" + st.Subtle.Render(wrap("Each change is from the turn before; its causes add up to it.", w)) + "\n")
	order := append([]int{v.Viewer}, others(len(v.Seats), v.Viewer)...)
	if v.Viewer < 0 {
		order = others(len(v.Seats), -1)
	}
	sorted := sortedChanges(rec.Changes)
	for _, i := range order {
		b.WriteString("\n" + st.Seat(i).Bold(true).Render("■ "+v.Seats[i].Name) + "\n")
		k := 0
		for _, c := range sorted {
			if c.Seat != i || arrowFor(ps.Indicator(c.Indicator), c.To-c.From) == " " {
				continue
			}
			for _, l := range changeLines(e, c, w) {
				b.WriteString(l + "\n")
			}
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

// choicesLine says what every seat chose in a payoff-table game, which
// is all its report is about: "US chose high, PRC chose low: US +5, PRC
// +0".
func choicesLine(e *env, idx int) string {
	v := e.view()
	ps := v.Scenario
	l, ok := payoffLever(ps)
	if !ok || !isPayoff(ps) || idx <= 0 || idx >= len(e.u.Journal.Turns) {
		return ""
	}
	r := &e.u.Journal.Turns[idx]
	var chose, got []string
	levels := make([]int, len(v.Seats))
	for i := range v.Seats {
		levels[i] = int(r.Policy[i][l][payoffSlot(ps, i, l)])
		chose = append(chose, fmt.Sprintf("%s chose %s", ps.Tag(i), ps.LevelText(l, levels[i])))
	}
	for i := range v.Seats {
		if x, ok := payoffScore(ps, l, levels, i); ok {
			got = append(got, fmt.Sprintf("%s %+g", ps.Tag(i), x))
		}
	}
	return strings.Join(chose, ", ") + ": " + strings.Join(got, ", ")
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
		status = "\n" + fit(waiting(e), r.w-4)
	}
	body := viewportMarked(st, &r.vp)
	return header(e, r.w) + "\n" + st.panel(title, body+status, r.w, r.h-1, true)
}
