package tui

import (
	"fmt"
	"strings"

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

// worldBody writes the world panel: a row per seat with its main
// indicators, trend arrows and a sparkline of its economy, then the world
// indicators. sel is the highlighted seat, -1 for none.
func worldBody(e *env, w, sel int) string {
	st := &e.st
	u := e.u
	v := &u.View
	prev := previous(u)
	// Leave out indicators no seat has moved all game (tech in a game
	// without controls), then drop columns from the right until the row
	// fits.
	// Leave out indicators at their best for every seat all game (tech in a
	// game without controls): they say nothing.
	var cols []game.Indicator
	for _, c := range v.Scenario.ReportOrder() {
		if c == game.Score || !atBest(u, c) {
			cols = append(cols, c)
		}
	}
	showTrust := true
	rowW := func() int { return 10 + 8*len(cols) + 1 }
	for rowW() > w && len(cols) > 4 {
		cols = cols[:len(cols)-1]
	}
	if rowW()+7 > w {
		showTrust = false
	}
	spark := w - rowW() - 1
	if showTrust {
		spark -= 7
	}
	var b strings.Builder
	head := fmt.Sprintf("%-9s", "seat")
	for _, c := range cols {
		head += fmt.Sprintf("%8s", spec(v, c).Label+"  ")
	}
	if showTrust {
		head += fmt.Sprintf("%7s", "trust")
	}
	if len(head) < 11 {
		head += " "
	}
	if spark >= 4 {
		head += "  trend"
	}
	b.WriteString(st.Subtle.Render(head) + "\n")
	for i := range v.Seats {
		s := &v.Seats[i]
		name := st.Seat(i).Render("■") + " " + fmt.Sprintf("%-7s", seatTag(v, i))
		if i == v.Viewer {
			name = st.Seat(i).Render("■") + " " + st.Bold.Render(fmt.Sprintf("%-7s", seatTag(v, i)))
		}
		if i == sel {
			name = st.Selected.Render("▸") + fmt.Sprintf(" %-7s", seatTag(v, i))
		}
		line := name
		for _, c := range cols {
			x := s.Ind[c]
			a, d := " ", 0.0
			if prev != nil && i < len(prev) {
				d = x - prev[i][c]
				a = arrow(d)
			}
			cell := fmt.Sprintf("%6s %s", fmtInd(v, c, x), a)
			line += st.Change(d, better(v, c)).Render(cell)
		}
		if showTrust {
			t := "—"
			if v.Viewer >= 0 && i != v.Viewer {
				t = fmt.Sprintf("%+.0f", v.Seats[v.Viewer].Trust[i])
			}
			line += fmt.Sprintf("%7s", t)
		}
		if spark >= 4 {
			line += "  " + st.Seat(i).Render(sparkline(history(u, i, cols[0]), spark))
		}
		if s.Breaches > 0 {
			line += st.Bad.Render(fmt.Sprintf(" ✕%d", s.Breaches))
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n" + worldLine(e, w))
	return b.String()
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
// trend.
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
		if line != "" && len([]rune(line))+len([]rune(p))+3 > w {
			break
		}
		if line != "" {
			line += " · "
		}
		line += p
	}
	return e.st.Subtle.Render(line)
}

// whyBody explains seat's changes at the last resolution, largest first.
func whyBody(e *env, seat int) string {
	st := &e.st
	v := e.view()
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", st.Seat(seat).Bold(true).Render("Why "+seatTag(v, seat)+"'s numbers moved last turn"))
	n := 0
	for _, c := range sortedChanges(v.Changes) {
		if c.Seat != seat || c.Indicator == game.Score {
			continue
		}
		b.WriteString("• " + st.Change(c.To-c.From, better(v, c.Indicator)).Render(v.Scenario.Explain(c)) + "\n")
		n++
	}
	if n == 0 {
		b.WriteString(st.Subtle.Render("Nothing has been resolved yet: the causes of each change show here after the first turn."))
	}
	return b.String()
}
