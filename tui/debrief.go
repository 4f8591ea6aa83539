package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

// debriefModel is the end of the game: final scores with the objectives
// behind them, every seat's indicators over the game as charts, the deal
// ledger as a timeline, and the scenario's questions for discussion.
type debriefModel struct {
	env  *env
	w, h int
	vp   viewport.Model
}

func newDebrief(e *env) debriefModel { return debriefModel{env: e, vp: viewport.New()} }

func (d *debriefModel) SetSize(w, h int) {
	d.w, d.h = w, h
	d.vp.SetWidth(max(1, w-4))
	d.vp.SetHeight(max(1, h-3))
	d.fill()
}

func (d *debriefModel) load()    { d.fill(); d.vp.GotoTop() }
func (d *debriefModel) refresh() { d.fill() }

func (d *debriefModel) Keys() helpKeys {
	k := &d.env.keys
	return helpKeys{
		short: []key.Binding{withHelp(k.Up, "↑↓", "scroll"), k.PageUp, k.PageDown, withHelp(k.Back, "esc", "title screen")},
		full:  [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Back}},
	}
}

func (d *debriefModel) Update(msg tea.KeyPressMsg) action {
	if key.Matches(msg, d.env.keys.Back) {
		return action{kind: actTitle}
	}
	d.vp, _ = d.vp.Update(msg)
	return action{}
}

func (d *debriefModel) fill() {
	if d.env.u == nil || d.env.sess == nil || d.w == 0 {
		return
	}
	d.vp.SetContent(debriefBody(d.env, d.w-4))
}

func debriefBody(e *env, w int) string {
	st := &e.st
	v := e.view()
	var b strings.Builder
	if v.Ended != "" {
		b.WriteString(st.Subtle.Render("The game ended: "+v.Ended+".") + "\n\n")
	}
	// Scores, highest first.
	b.WriteString(st.Title.Render("Final scores") + "\n")
	order := make([]int, len(v.Seats))
	top := 0.0
	for i := range order {
		order[i] = i
		top = max(top, v.Seats[i].Ind[game.Score])
	}
	slices.SortStableFunc(order, func(a, c int) int {
		switch sa, sc := v.Seats[a].Ind[game.Score], v.Seats[c].Ind[game.Score]; {
		case sa > sc:
			return -1
		case sa < sc:
			return 1
		}
		return 0
	})
	barW := max(10, min(40, w-40))
	for rank, i := range order {
		s := &v.Seats[i]
		name := fmt.Sprintf("%d. %-7s", rank+1, seatTag(v, i))
		b.WriteString(st.Seat(i).Render(name+" "+bar(s.Ind[game.Score], top, barW)) + fmt.Sprintf(" %4.0f", s.Ind[game.Score]))
		if i == v.Viewer {
			b.WriteString(st.Bold.Render("  ← you"))
		}
		b.WriteString("\n")
	}
	// The objectives behind each score: all of the viewer's, the others'
	// public ones (secret ones stay secret).
	for _, i := range order {
		s := &v.Seats[i]
		b.WriteString("\n" + st.Seat(i).Bold(true).Render("■ "+s.Name) + "\n")
		for _, o := range s.Objectives {
			mark := st.Bad.Render("✕")
			if o.Earned > 0 {
				mark = st.Good.Render("✓")
			}
			tag := ""
			if o.Secret {
				tag = st.Warn.Render(" (secret)")
			}
			b.WriteString(wrapIndent(fmt.Sprintf("  %s %5.0f  %s", mark, o.Earned, o.Text), w, 11) + tag + "\n")
		}
		if s.Secrets > 0 && i != v.Viewer && !v.Revealed {
			b.WriteString(st.Subtle.Render(fmt.Sprintf("  and %s", plural(s.Secrets, "secret objective", "secret objectives"))) + "\n")
		}
	}
	// Charts: one per indicator, a line per seat in its colour and letter.
	b.WriteString("\n" + st.Title.Render("The game in charts") + "\n")
	var legend []string
	for i := range v.Seats {
		legend = append(legend, st.Seat(i).Render(chartMark(v, i)+" "+seatTag(v, i)))
	}
	b.WriteString(st.Subtle.Render("each point is a turn; the letters are the seats: ") + strings.Join(legend, "  ") + "\n")
	for _, ind := range v.Scenario.ReportOrder() {
		var all []series
		for i := range v.Seats {
			all = append(all, series{mark: chartMark(v, i), seat: i, values: history(e.u, i, ind)})
		}
		b.WriteString("\n" + st.Bold.Render(spec(v, ind).Title) + "\n")
		b.WriteString(st.lineChart(all, min(w, 80), 7, func(x float64) string { return fmtInd(v, ind, x) }) + "\n")
	}
	b.WriteString("\n" + dealTimeline(e, w))
	if len(v.Scenario.Debrief) > 0 {
		b.WriteString("\n" + st.Title.Render("Questions for discussion") + "\n")
		for k, q := range v.Scenario.Debrief {
			b.WriteString(wrapIndent(fmt.Sprintf("%d. %s", k+1, q), w, 3) + "\n")
		}
	}
	return b.String()
}

// chartMark is a seat's letter in charts: the first letter of its id.
func chartMark(v *game.View, i int) string {
	return strings.ToUpper(v.Seats[i].ID[:1])
}

// dealTimeline draws every deal the viewer saw, turn by turn: proposed
// ○, in force ●, breached ✕, expired ◌.
func dealTimeline(e *env, w int) string {
	st := &e.st
	v := e.view()
	var b strings.Builder
	b.WriteString(st.Title.Render("Deals") + "\n")
	deals := e.u.Journal.Deals
	if len(deals) == 0 {
		b.WriteString(st.Subtle.Render("No deals were proposed.") + "\n")
		return b.String()
	}
	turns := v.Scenario.Turns
	head := fmt.Sprintf("%-34s ", "")
	for t := 1; t <= turns; t++ {
		head += fmt.Sprintf("%-2d", t%100)
	}
	b.WriteString(st.Subtle.Render(head) + "\n")
	breachTurn := map[int]int{}
	for _, ev := range e.u.Journal.News {
		if ev.Kind == game.EvBreach {
			breachTurn[ev.Deal] = ev.Turn
		}
	}
	for i := range deals {
		d := &deals[i]
		cells := make([]string, turns+1)
		for t := range cells {
			cells[t] = "· "
		}
		if d.Proposed >= 1 && d.Proposed <= turns {
			cells[d.Proposed] = "○ "
		}
		if d.Start > 0 {
			end := d.End
			if bt, ok := breachTurn[d.ID]; ok {
				end = bt - 1
				if bt <= turns {
					cells[bt] = st.Bad.Render("✕") + " "
				}
			}
			for t := d.Start; t <= min(end, turns); t++ {
				cells[t] = "● "
			}
			if d.Status == game.Expired && d.End+1 <= turns {
				cells[d.End+1] = "◌ "
			}
		}
		label := fit(fmt.Sprintf("%s “%s”", partiesText(v, d), d.Title), 34)
		b.WriteString(st.Seat(d.Proposer).Render(label) + " " + strings.Join(cells[1:], "") + st.Subtle.Render(" "+d.Status.String()) + "\n")
	}
	b.WriteString(st.Subtle.Render("○ proposed  ● in force  ✕ breached  ◌ expired") + "\n")
	return b.String()
}

func (d *debriefModel) View() string {
	e := d.env
	if e.view() == nil {
		return ""
	}
	return header(e, d.w) + "\n" + e.st.panel("Debrief", d.vp.View(), d.w, d.h-1, true)
}
