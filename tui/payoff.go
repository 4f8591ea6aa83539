package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

// A payoff-table game (the prisoner's dilemma) has no economy to show:
// its screens show the table, each side's last moves and the running
// score instead, and a person plays a round with one key.

// isPayoff reports whether the scenario scores a payoff table.
func isPayoff(ps *game.PublicScenario) bool {
	_, ok := payoffLever(ps)
	return ok && len(ps.ModelDef.Payoffs) > 0
}

// payoffLever is the lever whose levels index the payoff table.
func payoffLever(ps *game.PublicScenario) (int, bool) {
	if ps == nil || ps.ModelDef.Lever == "" {
		return 0, false
	}
	return ps.LeverIndex(ps.ModelDef.Lever)
}

// payoffSlot is the policy slot a seat's choice is read from: its one
// target, or 0 for a lever not aimed at a seat.
func payoffSlot(ps *game.PublicScenario, seat, l int) int {
	if s := ps.Slots(seat, l); len(s) > 0 {
		return s[0]
	}
	return 0
}

// payoffScore is the points a row gives seat when every seat has chosen
// the levels given, and whether the table has that row.
func payoffScore(ps *game.PublicScenario, l int, levels []int, seat int) (float64, bool) {
	for _, row := range ps.ModelDef.Payoffs {
		match := true
		for i, j := range levels {
			if row.When[ps.Seats[i].ID] != ps.Levers[l].Levels[j].ID {
				match = false
				break
			}
		}
		if match {
			x, ok := row.Score[ps.Seats[seat].ID]
			return x, ok
		}
	}
	return 0, false
}

// moves is every seat's choice in each resolved turn, oldest first.
func moves(e *env) [][]int {
	v := e.view()
	ps := v.Scenario
	l, ok := payoffLever(ps)
	if !ok {
		return nil
	}
	var out [][]int
	for idx := 1; idx < len(e.u.Journal.Turns); idx++ {
		r := &e.u.Journal.Turns[idx]
		row := make([]int, len(v.Seats))
		for i := range row {
			row[i] = int(r.Policy[i][l][payoffSlot(ps, i, l)])
		}
		out = append(out, row)
	}
	return out
}

// payoffBody draws the payoff table, with the last round's cell marked,
// each seat's last moves and the running score, in w cells.
func payoffBody(e *env, w int) string {
	st := &e.st
	v := e.view()
	ps := v.Scenario
	l, _ := payoffLever(ps)
	me := max(0, v.Viewer)
	ms := moves(e)
	var last []int
	if len(ms) > 0 {
		last = ms[len(ms)-1]
	}
	var b strings.Builder
	if len(v.Seats) == 2 {
		b.WriteString(payoffMatrix(e, l, me, 1-me, last) + "\n")
	} else {
		for _, row := range ps.ModelDef.Payoffs {
			var when, score []string
			for i := range ps.Seats {
				when = append(when, ps.Tag(i)+" "+row.When[ps.Seats[i].ID])
				score = append(score, ps.Tag(i)+" "+num(row.Score[ps.Seats[i].ID]))
			}
			b.WriteString(fitWords(strings.Join(when, ", ")+" → "+strings.Join(score, ", "), w) + "\n")
		}
	}
	// The last moves, newest on the right, one letter a round.
	tagW := 0
	for i := range v.Seats {
		tagW = max(tagW, lipgloss.Width(ps.Tag(i)))
	}
	room := max(4, w-tagW-12)
	from := max(0, len(ms)-room)
	for i := range v.Seats {
		var cells strings.Builder
		for _, row := range ms[from:] {
			cells.WriteString(moveLetter(ps, l, row[i]))
		}
		moveLine := cells.String()
		if moveLine == "" {
			moveLine = st.Subtle.Render("no rounds yet")
		}
		score := fmt.Sprintf("%6s", num(v.Seats[i].Ind[game.Score]))
		b.WriteString(st.Seat(i).Render(padRight(ps.Tag(i), tagW)) + " " + score + "  " + moveLine + "\n")
	}
	var legend []string
	for j := range ps.Levers[l].Levels {
		legend = append(legend, moveLetter(ps, l, j)+" "+ps.LevelText(l, j))
	}
	b.WriteString(st.Subtle.Render(fitWords(fmt.Sprintf("score after %s of %d · moves, newest last: %s", plural(len(ms), "round", "rounds"), ps.Turns, strings.Join(legend, ", ")), w)))
	return b.String()
}

// payoffMatrix is a two-seat table: my choices down, theirs across, each
// cell my points and theirs, the last round's cell marked.
func payoffMatrix(e *env, l, me, them int, last []int) string {
	st := &e.st
	ps := e.view().Scenario
	levels := len(ps.Levers[l].Levels)
	cellW := 12
	rowW := 0
	for j := range levels {
		rowW = max(rowW, lipgloss.Width("you "+ps.LevelText(l, j)))
	}
	var b strings.Builder
	b.WriteString(padRight("", rowW+2))
	for j := range levels {
		b.WriteString(padRight(" "+ps.Tag(them)+" "+ps.LevelText(l, j), cellW+2))
	}
	b.WriteString("\n")
	for a := range levels {
		b.WriteString(padRight("you "+ps.LevelText(l, a), rowW+2))
		for c := range levels {
			lv := make([]int, 2)
			lv[me], lv[them] = a, c
			mine, _ := payoffScore(ps, l, lv, me)
			theirs, _ := payoffScore(ps, l, lv, them)
			cell := fmt.Sprintf("%s / %s", num(mine), num(theirs))
			if last != nil && last[me] == a && last[them] == c {
				b.WriteString(st.Selected.Render(padRight("▸"+cell, cellW)) + "  ")
			} else {
				b.WriteString(padRight(" "+cell, cellW) + "  ")
			}
		}
		b.WriteString("\n")
	}
	b.WriteString(st.Subtle.Render(fmt.Sprintf("each cell: your points / %s's; ▸ last round", ps.Tag(them))))
	return b.String()
}

// moveLetter is a level's one-letter mark: its first letter, in capitals.
func moveLetter(ps *game.PublicScenario, l, j int) string {
	id := ps.Levers[l].Levels[j].ID
	if id == "" {
		return "?"
	}
	return strings.ToUpper(id[:1])
}

// move plays one round with the level a digit names.
func (g *gameModel) move(msg tea.KeyPressMsg) action {
	v := g.env.view()
	ps := v.Scenario
	l, _ := payoffLever(ps)
	j, err := strconv.Atoi(msg.String())
	if err != nil || j < 1 || j > len(ps.Levers[l].Levels) {
		return errorf(fmt.Sprintf("choose 1 to %d", len(ps.Levers[l].Levels)))
	}
	return action{kind: actAuto, level: j - 1, n: 1}
}

// askRepeat opens the prompt for a run of rounds.
func (g *gameModel) askRepeat() action {
	g.askRuns = true
	g.repeat.SetValue("")
	return action{then: g.repeat.Focus()}
}

// lastChoice is the seat's level in force on the payoff lever: its last
// move.
func (g *gameModel) lastChoice() int {
	v := g.env.view()
	l, _ := payoffLever(v.Scenario)
	return int(v.Seats[v.Viewer].Policy[l][payoffSlot(v.Scenario, v.Viewer, l)])
}

func (g *gameModel) repeatPrompt() string {
	v := g.env.view()
	l, _ := payoffLever(v.Scenario)
	return fmt.Sprintf("repeat %s for how many rounds? ", v.Scenario.LevelText(l, g.lastChoice()))
}

// repeatKey reads the number of rounds to repeat the last choice for.
func (g *gameModel) repeatKey(msg tea.KeyPressMsg) action {
	k := &g.env.keys
	switch {
	case key.Matches(msg, k.Back):
		g.askRuns = false
		g.repeat.Blur()
	case key.Matches(msg, k.Enter):
		g.askRuns = false
		g.repeat.Blur()
		n := 10
		if s := strings.TrimSpace(g.repeat.Value()); s != "" {
			x, err := strconv.Atoi(s)
			if err != nil || x < 1 {
				return errorf("the number of rounds must be a whole number of 1 or more")
			}
			n = x
		}
		return action{kind: actAuto, level: g.lastChoice(), n: n}
	default:
		var cmd tea.Cmd
		g.repeat, cmd = g.repeat.Update(msg)
		g.repeat.SetValue(strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, g.repeat.Value()))
		return action{then: cmd}
	}
	return action{}
}

// payoffMarkdown is the payoff table as a Markdown table for the
// briefing: a row per combination of choices, with every seat's points.
func payoffMarkdown(v *game.View) string {
	ps := v.Scenario
	if !isPayoff(ps) {
		return ""
	}
	var b strings.Builder
	var head, rule []string
	for i := range ps.Seats {
		name := ps.Tag(i)
		if i == v.Viewer {
			name = "you (" + name + ")"
		}
		head = append(head, name+" chooses")
		rule = append(rule, "---")
	}
	for i := range ps.Seats {
		name := ps.Tag(i) + " scores"
		if i == v.Viewer {
			name = "you score"
		}
		head = append(head, name)
		rule = append(rule, "---:")
	}
	b.WriteString("| " + strings.Join(head, " | ") + " |\n| " + strings.Join(rule, " | ") + " |\n")
	for _, row := range ps.ModelDef.Payoffs {
		var cells []string
		for i := range ps.Seats {
			cells = append(cells, row.When[ps.Seats[i].ID])
		}
		for i := range ps.Seats {
			cells = append(cells, num(row.Score[ps.Seats[i].ID]))
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	return b.String()
}
