package tui

import (
	"fmt"
	"math"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/table"
)

// previous is each seat's indicators before the last resolution, for the
// trend arrows; nil before the first.
func previous(u *table.Update) [][game.MaxIndicators]float64 {
	t := u.Journal.Turns
	if len(t) < 2 {
		return nil
	}
	return t[len(t)-2].Ind
}

// changeOf is the change of seat's indicator ind in resolution r, as the
// report and the why panel show it: the world table's arrows come from
// it, so that an arrow never points against the report (a value moved
// since, by capital spent on a deal, does not turn the arrow).
func changeOf(r *table.TurnRecord, seat int, ind game.Indicator) (float64, bool) {
	for _, c := range r.Changes {
		if c.Seat == seat && c.Indicator == ind {
			return c.To - c.From, true
		}
	}
	return 0, false
}

// history is one indicator of one seat over the turns so far.
func history(u *table.Update, seat int, ind game.Indicator) []float64 {
	out := make([]float64, 0, len(u.Journal.Turns)+1)
	for _, r := range u.Journal.Turns {
		if seat < len(r.Ind) {
			out = append(out, r.Ind[seat][ind])
		}
	}
	return out
}

// lastResolution is the last resolved turn's record, or nil before the
// first resolution.
func lastResolution(u *table.Update) *table.TurnRecord {
	if u == nil || len(u.Journal.Turns) < 2 {
		return nil
	}
	return &u.Journal.Turns[len(u.Journal.Turns)-1]
}

// worldLayout is the world table's columns for one width.
type worldLayout struct {
	cols       []game.Indicator
	widths     []int // each column's value width (the arrow comes after)
	nameW      int
	trust      bool
	longTrust  bool // "you trust" / "trusts you" rather than "you→" / "→you"
	spark      int  // cells of the trend sparkline, 0 for none
	breachesW  int
	totalWidth int
	// hidden are the labels of the columns left out for want of room.
	hidden []string
}

// worldTitle is the world panel's title: it names the columns left out
// at this width, which the why panel (w) shows.
func worldTitle(u *table.Update, w int) string {
	if u == nil {
		return "World"
	}
	l := worldColumns(u, w)
	if len(l.hidden) == 0 {
		return "World"
	}
	return "World · " + strings.Join(l.hidden, ", ") + " not shown here: w shows every number"
}

// worldColumns chooses what the world table shows in w cells: every
// indicator a seat has moved (tech at 100 for everyone all game says
// nothing), both directions of trust and a trend, dropping the trend,
// then columns from the right, then trust, until a row fits.
func worldColumns(u *table.Update, w int) worldLayout {
	v := &u.View
	ps := v.Scenario
	var l worldLayout
	for _, c := range ps.ReportOrder() {
		if c == game.Score || !atBest(u, c) {
			l.cols = append(l.cols, c)
		}
	}
	for i := range v.Seats {
		l.nameW = max(l.nameW, lipgloss.Width(ps.Tag(i)))
		if v.Seats[i].Breaches > 0 {
			l.breachesW = 4
		}
	}
	l.nameW += 2 // the seat's square and a space
	l.widths = make([]int, len(l.cols))
	for k, c := range l.cols {
		s := ps.Indicator(c)
		wd := lipgloss.Width(s.Label)
		for i := range v.Seats {
			wd = max(wd, lipgloss.Width(s.Format(v.Seats[i].Ind[c])))
		}
		l.widths[k] = wd
	}
	width := func(spark int, trust, long bool) int {
		n := 2 + l.nameW // the selection mark
		for _, wd := range l.widths {
			n += wd + 3 // a space before, an arrow and a space after
		}
		if trust {
			if long {
				n += 2 * 11
			} else {
				n += 2 * 6
			}
		}
		if spark > 0 {
			n += 2 + spark
		}
		return n + l.breachesW
	}
	// Trust is shown from the viewer's seat: a console or a projector
	// has none.
	l.trust, l.longTrust = v.Viewer >= 0, v.Viewer >= 0
	l.spark = min(24, max(0, w-width(0, true, true)-2))
	if l.spark < 4 {
		l.spark = 0
	}
	for width(l.spark, l.trust, l.longTrust) > w {
		switch {
		case l.longTrust:
			l.longTrust = false
			l.spark = min(24, max(0, w-width(0, true, false)-2))
			if l.spark < 4 {
				l.spark = 0
			}
		case l.spark > 0:
			l.spark = 0
		case len(l.cols) > 3:
			// Keep the score and political capital (what a deal costs):
			// drop the last model indicator before them.
			k := len(l.cols) - 1
			for k > 0 && (l.cols[k] == game.Score || l.cols[k] == game.Capital) {
				k--
			}
			l.hidden = append([]string{ps.Indicator(l.cols[k]).Label}, l.hidden...)
			l.cols = append(l.cols[:k], l.cols[k+1:]...)
			l.widths = append(l.widths[:k], l.widths[k+1:]...)
		case l.trust:
			l.trust = false
		default:
			l.totalWidth = width(l.spark, l.trust, l.longTrust)
			return l
		}
	}
	l.totalWidth = width(l.spark, l.trust, l.longTrust)
	return l
}

// worldHeight is the world panel's height: a row per seat, the header,
// the world line and the borders.
func worldHeight(v *game.View) int { return len(v.Seats) + 4 }

// worldBody writes the world panel: a row per seat with its indicators,
// trend arrows, trust both ways and a sparkline of its first indicator,
// then the world indicators. sel is the highlighted seat, -1 for none.
func worldBody(e *env, w, sel int) string {
	st := &e.st
	u := e.u
	v := &u.View
	ps := v.Scenario
	prev := previous(u)
	last := lastResolution(u)
	l := worldColumns(u, w)
	var b strings.Builder
	head := "  " + padRight("seat", l.nameW)
	for k, c := range l.cols {
		head += " " + padLeft(ps.Indicator(c).Label, l.widths[k]) + "  "
	}
	if l.trust {
		if l.longTrust {
			head += padLeft("you trust", 11) + padLeft("trusts you", 11)
		} else {
			head += padLeft("you→", 6) + padLeft("→you", 6)
		}
	}
	if l.spark > 0 {
		trend := "trend (" + ps.Indicator(l.cols[0]).Label + ")"
		if lenCells(trend) > l.spark {
			trend = "trend"
		}
		if lenCells(trend) <= l.spark {
			head += "  " + trend
		}
	}
	b.WriteString(st.Subtle.Render(head) + "\n")
	for i := range v.Seats {
		s := &v.Seats[i]
		mark := "  "
		if i == sel {
			mark = st.Selected.Render("▸") + " "
		}
		tag := padRight(ps.Tag(i), l.nameW-2)
		name := mark + st.Seat(i).Render("■") + " " + tag
		if i == v.Viewer {
			name = mark + st.Seat(i).Render("■") + " " + st.Bold.Render(tag)
		}
		line := name
		for k, c := range l.cols {
			x := s.Ind[c]
			a, d := " ", 0.0
			if last != nil {
				if ch, ok := changeOf(last, i, c); ok {
					d = ch
				} else if prev != nil && i < len(prev) {
					d = x - prev[i][c]
				}
				a = arrowFor(ps.Indicator(c), d)
			}
			cell := " " + padLeft(fmtInd(v, c, x), l.widths[k]) + " " + a
			if a != " " {
				// Only a change worth an arrow is coloured: drawing a
				// style costs more than the rest of the row.
				cell = st.Change(d, better(v, c)).Render(cell)
			}
			line += cell
		}
		if l.trust {
			mine, theirs := "—", "—"
			if v.Viewer >= 0 && i != v.Viewer {
				mine = fmt.Sprintf("%+.0f", v.Seats[v.Viewer].Trust[i])
				theirs = fmt.Sprintf("%+.0f", s.Trust[v.Viewer])
			}
			tw := 6
			if l.longTrust {
				tw = 11
			}
			line += padLeft(mine, tw) + padLeft(theirs, tw)
		}
		if l.spark > 0 {
			line += "  " + st.Seat(i).Render(padRight(sparkline(history(u, i, l.cols[0]), l.spark), l.spark))
		}
		if s.Breaches > 0 {
			line += st.Bad.Render(fmt.Sprintf(" ✕%d", s.Breaches))
		}
		b.WriteString(line + "\n")
	}
	b.WriteString(worldLine(e, w))
	return b.String()
}

func padLeft(s string, w int) string {
	if n := lipgloss.Width(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

// arrowFor is a trend arrow for a change that shows at the indicator's
// own precision.
func arrowFor(s game.IndicatorSpec, d float64) string {
	scale := s.Scale
	if scale == 0 {
		scale = 1
	}
	step := 0.5 * math.Pow(10, -float64(s.Decimals))
	switch {
	case d*scale >= step:
		return "↑"
	case d*scale <= -step:
		return "↓"
	}
	return " "
}

// atBest reports whether every seat has had indicator ind at its upper
// bound all game.
func atBest(u *table.Update, ind game.Indicator) bool {
	top := u.View.Scenario.Indicator(ind).Max
	for i := range u.View.Seats {
		if u.View.Seats[i].Ind[ind] != top {
			return false
		}
	}
	for _, r := range u.Journal.Turns {
		for _, x := range r.Ind {
			if x[ind] != top {
				return false
			}
		}
	}
	return true
}

// worldLine is the world indicators in one line, the first with its
// trend; an indicator that does not fit whole is left out.
func worldLine(e *env, w int) string {
	u := e.u
	v := &u.View
	var parts []string
	for k := range v.Scenario.World {
		ws := v.Scenario.World[k]
		p := ws.Label + " " + ws.Format(v.World[k])
		if k == 0 {
			var xs []float64
			for _, r := range u.Journal.Turns {
				xs = append(xs, r.World[k])
			}
			p += " " + sparkline(xs, 8)
		}
		parts = append(parts, p)
	}
	line := ""
	for _, p := range parts {
		if line != "" && lipgloss.Width(line)+lipgloss.Width(p)+3 > w {
			continue
		}
		if line != "" {
			line += " · "
		}
		line += p
	}
	return e.st.Subtle.Render(line)
}

// whyLines explain seat's changes at the last resolution, largest first:
// each change from last turn, then its causes, then what the named
// causes leave out, so that the lines add up to the change.
func whyLines(e *env, seat, w int) []string {
	st := &e.st
	v := e.view()
	ps := v.Scenario
	r := lastResolution(e.u)
	title := st.Seat(seat).Bold(true).Render(fmt.Sprintf("Why %s's numbers moved", ps.Tag(seat)))
	if r == nil {
		return []string{title, st.Subtle.Render(wrap("Nothing has been resolved yet: after the first turn, each change from the turn before shows here with its causes.", w))}
	}
	out := []string{title, st.Subtle.Render(wrap(fmt.Sprintf("in turn %d (%s), from the turn before; the causes add up to each change", r.Turn, monthOf(ps, r.Turn)), w))}
	n := 0
	for _, c := range sortedChanges(r.Changes) {
		if c.Seat != seat {
			continue
		}
		out = append(out, changeLines(e, c, w)...)
		n++
	}
	if n == 0 {
		out = append(out, st.Subtle.Render("None of its numbers moved."))
	}
	return out
}

// changeLines says one change and its causes: "coverage 85% → 79% (-6
// from last turn)", then a line per cause and one for other causes.
func changeLines(e *env, c game.Change, w int) []string {
	st := &e.st
	v := e.view()
	ps := v.Scenario
	s := ps.Indicator(c.Indicator)
	head := fmt.Sprintf("%s %s → %s (%s from last turn)", s.Name, s.Format(c.From), s.Format(c.To), s.FormatDelta(c.To-c.From))
	out := []string{st.Change(c.To-c.From, s.Better >= 0).Render(arrowFor(s, c.To-c.From) + " " + head)}
	// The causes as shown add up to the change as shown (see
	// game.PublicScenario.ShownCauses).
	shown := ps.ShownCauses(c)
	for _, sc := range shown {
		text := sc.Text
		if sc.Other {
			word := "other causes"
			if len(shown) == 1 {
				word = "no single cause named"
			}
			text = fmt.Sprintf("%s (%s)", word, s.FormatDelta(sc.Delta))
		}
		out = append(out, st.Subtle.Render(wrapIndent("    • "+text, w, 6)))
	}
	return out
}
