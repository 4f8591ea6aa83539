package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

func init() { registerScreen(scrTitle, func(e *env) screen { return newTitle(e) }) }

var titleItems = []struct {
	label string
	help  string
	do    func() action
}{
	{"Tutorial", "New here? Press enter: the tutorial teaches the game in four short turns, with no clock.",
		func() action { return action{kind: actTutorial} }},
	{"New game", "Press enter to choose a scenario, who plays each seat and the AI opponents.",
		func() action { return show(scrSetup) }},
	{"Quit", "Press enter to leave Chokepoint.",
		func() action { return action{kind: actQuit} }},
}

// titleModel is the title screen: a menu, and a line that says what the
// chosen entry does.
type titleModel struct {
	env  *env
	w, h int
	sel  int
}

func newTitle(e *env) *titleModel { return &titleModel{env: e} }

func (t *titleModel) SetSize(w, h int) { t.w, t.h = w, h }

func (t *titleModel) Keys() keyMap {
	k := &t.env.keys
	return newKeyMap([]key.Binding{k.Up, k.Down, withHelp(k.Enter, "enter", "choose")})
}

func (t *titleModel) Update(msg tea.KeyPressMsg) action {
	k := &t.env.keys
	switch {
	case key.Matches(msg, k.Up):
		t.sel = (t.sel + len(titleItems) - 1) % len(titleItems)
	case key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
		t.sel = (t.sel + 1) % len(titleItems)
	case key.Matches(msg, k.Enter):
		return titleItems[t.sel].do()
	}
	return action{}
}

func (t *titleModel) View() string {
	st := &t.env.st
	const w = 66
	var b strings.Builder
	b.WriteString(st.Title.Render("C H O K E P O I N T") + "\n")
	b.WriteString(st.Subtle.Render("a negotiation war-game of tariffs, export controls and rare earths") + "\n\n")
	for i, it := range titleItems {
		if i == t.sel {
			b.WriteString(st.Selected.Render("▸ "+padRight(it.label, 12)) + "\n")
		} else {
			b.WriteString("  " + it.label + "\n")
		}
	}
	b.WriteString("\n" + st.Accent.Render(wrap("▶ "+titleItems[t.sel].help, w)))
	return lipgloss.Place(t.w, t.h, lipgloss.Center, lipgloss.Center, lipgloss.NewStyle().Width(w).Render(b.String()))
}
