package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/debrief"
	"github.com/chokepoint-game/chokepoint/game/table"
)

func init() { registerScreen(scrDebrief, func(e *env) screen { return newDebrief(e) }) }

// debriefModel is the end of the game, drawn from the debrief package's
// analysis: final scores with the objectives behind them (the others'
// secret ones too, once the game reveals them), the deal ledger with who
// broke what, every indicator, world indicator and trust as charts, and
// questions for discussion chosen by what happened.
type debriefModel struct {
	env  *env
	w, h int
	vp   viewport.Model
}

func newDebrief(e *env) *debriefModel { return &debriefModel{env: e, vp: viewport.New()} }

func (d *debriefModel) SetSize(w, h int) {
	d.w, d.h = w, h
	d.vp.SetWidth(max(1, w-4))
	d.vp.SetHeight(max(1, h-3))
	d.fill()
}

func (d *debriefModel) open(action) { d.fill(); d.vp.GotoTop() }
func (d *debriefModel) refresh()    { d.fill() }
func (d *debriefModel) restyle()    { d.fill() }

func (d *debriefModel) Keys() keyMap {
	k := &d.env.keys
	back, backLong := withHelp(k.Back, "esc", "title screen"), withHelp(k.Back, "esc", "back to the title screen")
	switch {
	case d.env.role == RoleFacilitator:
		back, backLong = withHelp(k.Back, "esc", "console"), withHelp(k.Back, "esc", "back to the facilitator's console")
	case d.env.joined:
		back, backLong = withHelp(k.Back, "esc", "leave"), withHelp(k.Back, "esc", "leave the game (asks first)")
	}
	return newKeyMap([]key.Binding{withHelp(k.Up, "↑↓", "scroll"), k.PageUp, k.PageDown, back},
		[]key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, backLong})
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
	r := debrief.Analyze(debriefInput(d.env.u))
	d.vp.SetContent(debriefBody(d.env, &r, d.w-4))
}

// debriefInput is the game as the journal holds it, for the debrief
// package.
func debriefInput(u *table.Update) debrief.Input {
	in := debrief.Input{Final: u.View, Deals: u.Journal.Deals, News: u.Journal.News}
	for _, r := range u.Journal.Turns {
		in.Turns = append(in.Turns, debrief.Turn{Turn: r.Turn, Ind: r.Ind, World: r.World, Changes: r.Changes, Trust: r.Trust, Policy: r.Policy})
	}
	return in
}

// debriefBody writes the debrief in w cells.
func debriefBody(e *env, r *debrief.Report, w int) string {
	st := &e.st
	v := e.view()
	ps := v.Scenario
	var b strings.Builder
	if r.Ended != "" {
		b.WriteString(st.Subtle.Render(wrap(fmt.Sprintf("The game ended after turn %d: %s.", r.LastTurn, r.Ended), w)) + "\n")
	}
	b.WriteString(st.Subtle.Render(wrap("Scroll with ↑↓ and pgup/pgdn: scores, objectives, deals, how each seat played, the biggest moves, charts, then questions for discussion.", w)) + "\n\n")
	b.WriteString(st.Title.Render("Final scores") + "\n")
	tagW := 0
	top := 0.0
	for _, s := range r.Scores {
		tagW = max(tagW, lenCells(ps.Tag(s.Seat)))
		top = max(top, s.Points)
	}
	barW := max(10, min(40, w-tagW-20))
	for _, s := range r.Scores {
		// Tied seats share a place, marked "=" (game.Standings).
		place := fmt.Sprintf("%d.", s.Rank)
		if s.Tied {
			place = fmt.Sprintf("%d=", s.Rank)
		}
		name := fmt.Sprintf("%-3s %s", place, padRight(ps.Tag(s.Seat), tagW))
		b.WriteString(st.Seat(s.Seat).Render(name+" "+bar(s.Points, top, barW)) + fmt.Sprintf(" %5s", num(s.Points)))
		if s.Seat == v.Viewer {
			b.WriteString(st.Bold.Render("  ← you"))
		}
		b.WriteString("\n")
	}
	for _, s := range r.Scores {
		b.WriteString("\n" + st.Seat(s.Seat).Bold(true).Render("■ "+v.Seats[s.Seat].Name) + "\n")
		for _, o := range s.Objectives {
			mark := st.Bad.Render("✕")
			if o.Earned > 0 {
				mark = st.Good.Render("✓")
			}
			text := o.Text
			if o.Secret {
				text += " (secret)"
			}
			b.WriteString(wrapIndent(fmt.Sprintf("  %s %s: %s", mark, debrief.ObjectivePoints(&o), text), w, 4) + "\n")
		}
		if len(s.Objectives) == 0 {
			b.WriteString(st.Subtle.Render("  no objectives: the score is the model's") + "\n")
		}
		if s.Hidden > 0 {
			b.WriteString(st.Subtle.Render(fmt.Sprintf("  and %s not revealed", plural(s.Hidden, "secret objective", "secret objectives"))) + "\n")
		}
	}
	b.WriteString("\n" + ledgerText(e, r, w))
	b.WriteString("\n" + behaviourText(e, r, w))
	b.WriteString("\n" + swingsText(e, r, w))
	b.WriteString("\n" + chartsText(e, r, w))
	if len(r.Questions) > 0 {
		b.WriteString("\n" + st.Title.Render("Questions for discussion") + "\n")
		for k, q := range r.Questions {
			text := fmt.Sprintf("%d. %s", k+1, q.Text)
			if q.Prompt != "" {
				text += st.Subtle.Render(" (" + q.Prompt + " in this game)")
			}
			b.WriteString(wrapIndent(text, w, 3) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// ledgerText is the deal ledger: each deal's life in words (who
// proposed it, when it was in force, who broke it), and a timeline of
// turns when the game is short enough to draw one.
func ledgerText(e *env, r *debrief.Report, w int) string {
	st := &e.st
	v := e.view()
	ps := v.Scenario
	var b strings.Builder
	b.WriteString(st.Title.Render("Deals") + "\n")
	if len(r.Ledger) == 0 {
		b.WriteString(st.Subtle.Render("No deals were proposed.") + "\n")
		return b.String()
	}
	turns := r.LastTurn
	labelW := min(30, w/3)
	cellW := 3
	if labelW+turns*cellW > w {
		cellW = 2
	}
	agreed := 0
	for _, en := range r.Ledger {
		if en.Start > 0 {
			agreed++
		}
	}
	grid := labelW+turns*cellW <= w && agreed > 0
	if agreed == 0 {
		b.WriteString(st.Subtle.Render("No deal came into force.") + "\n")
	}
	if grid {
		var head, tens strings.Builder
		for t := 1; t <= turns; t++ {
			if cellW == 3 {
				head.WriteString(fmt.Sprintf("%3d", t))
			} else {
				tens.WriteString(fmt.Sprintf("%2s", map[bool]string{true: fmt.Sprint(t / 10), false: " "}[t >= 10 && t%10 == 0]))
				head.WriteString(fmt.Sprintf("%2d", t%10))
			}
		}
		if cellW == 2 {
			b.WriteString(st.Subtle.Render(strings.Repeat(" ", labelW)+tens.String()) + "\n")
		}
		b.WriteString(st.Subtle.Render(padRight("turn", labelW)+head.String()) + "\n")
	}
	var notAgreed []string
	for _, en := range r.Ledger {
		d := &en.Deal
		if en.Start == 0 {
			// A proposal never agreed gets a few words, not a row.
			notAgreed = append(notAgreed, fmt.Sprintf("“%s” (%s, turn %d, %s)", d.Title, ps.Tag(d.Proposer), en.Proposed, en.Status))
			continue
		}
		label := fitWords(fmt.Sprintf("%s “%s”", partiesText(v, d), d.Title), labelW-1)
		if grid {
			cells := make([]string, turns+1)
			for t := range cells {
				cells[t] = padLeft("·", cellW)
			}
			set := func(t int, s string) {
				if t >= 1 && t <= turns {
					cells[t] = padLeft(s, cellW)
				}
			}
			set(en.Proposed, "○")
			for t := en.Start; t < en.Start+en.Kept; t++ {
				set(t, "●")
			}
			if len(en.Breaches) > 0 && en.Breaches[0].Turn > 0 {
				set(en.Breaches[0].Turn, st.Bad.Render("✕"))
			} else if en.Status == game.Expired {
				set(en.End+1, "◌")
			}
			b.WriteString(st.Seat(d.Proposer).Render(padRight(label, labelW)) + strings.Join(cells[1:], "") + "\n")
		}
		b.WriteString(st.Subtle.Render(wrapIndent("  "+en.Line(ps), w, 4)) + "\n")
	}
	if len(notAgreed) > 0 {
		b.WriteString(st.Subtle.Render(wrapIndent(fmt.Sprintf("Not agreed (%d): %s.", len(notAgreed), strings.Join(notAgreed, "; ")), w, 2)) + "\n")
	}
	if grid {
		b.WriteString(st.Subtle.Render("○ proposed  ● in force  ✕ broken  ◌ expired") + "\n")
	}
	return b.String()
}

// behaviourText is each seat's fingerprint as an iterated game: a row
// of rates per seat, then the turns that show each behaviour, in the
// words of the after-action report.
func behaviourText(e *env, r *debrief.Report, w int) string {
	st := &e.st
	ps := e.view().Scenario
	var b strings.Builder
	b.WriteString(st.Title.Render("How each seat played") + "\n")
	if len(r.Fingerprints) == 0 || r.Fingerprints[0].Cooperated.Of == 0 {
		b.WriteString(st.Subtle.Render("Too little of the game is known to tell.") + "\n")
		return b.String()
	}
	b.WriteString(st.Subtle.Render(wrap("Each turn a seat cooperates or defects towards each seat its hostile levers reach: a defection is a lever at a coercive level or raised, or a deal broken. Retaliated and forgave answer a defection the turn before; exploited is defecting on a seat that cooperated.", w)) + "\n")
	tagW := 0
	for i := range ps.Seats {
		tagW = max(tagW, lenCells(ps.Tag(i)))
	}
	colW := 12
	head := padRight("", tagW)
	for _, bh := range debrief.Behaviours {
		head += padLeft(bh.Name, colW)
	}
	b.WriteString(st.Subtle.Render(head) + "\n")
	for k := range r.Fingerprints {
		f := &r.Fingerprints[k]
		row := ""
		for _, bh := range debrief.Behaviours {
			t := bh.Get(f)
			cell := t.Percent()
			if t.Of > 0 {
				cell += fmt.Sprintf(" %d/%d", t.Count, t.Of)
			}
			row += padLeft(cell, colW)
		}
		b.WriteString(st.Seat(f.Seat).Render(padRight(ps.Tag(f.Seat), tagW)) + row + "\n")
	}
	for k := range r.Fingerprints {
		f := &r.Fingerprints[k]
		b.WriteString(wrapIndent(st.Seat(f.Seat).Render(ps.Tag(f.Seat))+st.Subtle.Render(": "+f.Shown(ps, 4)+"."), w, 2) + "\n")
	}
	return b.String()
}

// swingsText is each seat's biggest moves with their causes.
func swingsText(e *env, r *debrief.Report, w int) string {
	st := &e.st
	ps := e.view().Scenario
	var b strings.Builder
	b.WriteString(st.Title.Render("The biggest moves and their causes") + "\n")
	if len(r.Swings) == 0 {
		b.WriteString(st.Subtle.Render("No indicator moved.") + "\n")
	}
	for k := range r.Swings {
		s := &r.Swings[k]
		if k == 0 || r.Swings[k-1].Seat != s.Seat {
			b.WriteString(st.Seat(s.Seat).Bold(true).Render("■ "+ps.Seats[s.Seat].Name) + "\n")
		}
		b.WriteString(wrapIndent("  "+s.Line(ps), w, 4) + "\n")
		for c := range s.Causes {
			b.WriteString(st.Subtle.Render(wrapIndent("    · "+s.CauseLine(ps, &s.Causes[c]), w, 6)) + "\n")
		}
	}
	return b.String()
}

// chartsText draws a chart per indicator, world indicator and trust,
// each followed by every seat's first and last value, so that no seat
// is hidden where the lines meet.
func chartsText(e *env, r *debrief.Report, w int) string {
	st := &e.st
	v := e.view()
	ps := v.Scenario
	var b strings.Builder
	b.WriteString(st.Title.Render("The game in charts") + "\n")
	var legend []string
	for i := range v.Seats {
		legend = append(legend, st.Seat(i).Render(chartMark(v, i)+" "+ps.Tag(i)))
	}
	b.WriteString(st.Subtle.Render(wrap("Each point is a turn, from the start; the letters are the seats ("+strings.Join(legend, ", ")+"); * marks seats that meet.", w)) + "\n")
	xFirst := "start"
	xLast := ""
	if n := len(r.Points); n > 0 {
		xLast = fmt.Sprintf("turn %d", r.Points[n-1])
	}
	chartW := min(w, 90)
	if r.Final {
		xLast += ", end"
	}
	for _, s := range r.Seats {
		spec := ps.Indicator(s.Indicator)
		var all []series
		for i := range v.Seats {
			all = append(all, series{mark: chartMark(v, i), seat: i, values: s.Values[i]})
		}
		title := spec.Title
		if s.Indicator == game.Score && r.Final {
			title += " (the last point includes the points scored at the end)"
		}
		b.WriteString("\n" + st.Bold.Render(wrap(title, w)) + "\n")
		b.WriteString(st.lineChart(all, chartW, 6, func(x float64) string { return spec.Format(x) }, xFirst, xLast) + "\n")
		b.WriteString(valuesLine(e, w, func(i int) []float64 { return s.Values[i] }, spec.Format) + "\n")
	}
	var flatWorld []string
	for _, ws := range r.World {
		spec := ps.World[ws.Index]
		if flatSeries(ws.Values) {
			if len(ws.Values) > 0 {
				flatWorld = append(flatWorld, spec.Title+" "+spec.Format(ws.Values[0]))
			}
			continue
		}
		b.WriteString("\n" + st.Bold.Render(spec.Title) + "\n")
		b.WriteString(st.lineChart([]series{{mark: "●", seat: -1, values: ws.Values}}, chartW, 5, func(x float64) string { return spec.Format(x) }, xFirst, xLast) + "\n")
		if n := len(ws.Values); n > 0 {
			b.WriteString(st.Subtle.Render(fmt.Sprintf("  %s → %s", spec.Format(ws.Values[0]), spec.Format(ws.Values[n-1]))) + "\n")
		}
	}
	if len(flatWorld) > 0 {
		b.WriteString("\n" + st.Subtle.Render(wrap("Unchanged all game: "+strings.Join(flatWorld, ", ")+".", w)) + "\n")
	}
	if r.Trust != nil && v.Viewer >= 0 {
		me := v.Viewer
		trustF := func(x float64) string { return fmt.Sprintf("%+.0f", x) }
		var in, out []series
		for i := range v.Seats {
			if i == me {
				continue
			}
			in = append(in, series{mark: chartMark(v, i), seat: i, values: r.Trust[i][me]})
			out = append(out, series{mark: chartMark(v, i), seat: i, values: r.Trust[me][i]})
		}
		b.WriteString("\n" + st.Bold.Render("Trust in you (each seat's trust in "+ps.Tag(me)+")") + "\n")
		b.WriteString(st.lineChart(in, chartW, 6, trustF, xFirst, xLast) + "\n")
		b.WriteString(valuesLine(e, w, func(i int) []float64 {
			if i == me {
				return nil
			}
			return r.Trust[i][me]
		}, trustF) + "\n")
		b.WriteString("\n" + st.Bold.Render("Your trust in each seat") + "\n")
		b.WriteString(st.lineChart(out, chartW, 6, trustF, xFirst, xLast) + "\n")
		b.WriteString(valuesLine(e, w, func(i int) []float64 {
			if i == me {
				return nil
			}
			return r.Trust[me][i]
		}, trustF) + "\n")
	}
	return b.String()
}

// flatSeries reports whether a series never moves.
func flatSeries(xs []float64) bool {
	for _, x := range xs {
		if x != xs[0] {
			return false
		}
	}
	return true
}

// valuesLine lists every seat's first and last value of a series.
func valuesLine(e *env, w int, values func(i int) []float64, format func(float64) string) string {
	st := &e.st
	v := e.view()
	var parts []string
	for i := range v.Seats {
		xs := values(i)
		if len(xs) == 0 {
			continue
		}
		parts = append(parts, st.Seat(i).Render(fmt.Sprintf("%s %s → %s", v.Scenario.Tag(i), format(xs[0]), format(xs[len(xs)-1]))))
	}
	return wrapIndent("  "+strings.Join(parts, " · "), w, 2)
}

// chartMark is a seat's letter in charts: the first letter of its id.
func chartMark(v *game.View, i int) string {
	return strings.ToUpper(v.Seats[i].ID[:1])
}

func (d *debriefModel) View() string {
	e := d.env
	if e.view() == nil {
		return ""
	}
	return header(e, d.w) + "\n" + e.st.panel("Debrief", viewportMarked(&e.st, &d.vp), d.w, d.h-1, true)
}
