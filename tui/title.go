package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

type titleChoice int

const (
	titleNone titleChoice = iota
	titleNew
	titleTutorial
	titleQuit
)

var titleItems = []struct {
	choice titleChoice
	label  string
	help   string
}{
	{titleNew, "New game", "choose a scenario, the seats and the AI opponents"},
	{titleTutorial, "Tutorial", "four short turns that teach the controls"},
	{titleQuit, "Quit", ""},
}

// titleModel is the title screen: a menu.
type titleModel struct {
	env  *env
	w, h int
	sel  int
}

func newTitle(e *env) titleModel { return titleModel{env: e} }

func (t *titleModel) SetSize(w, h int) { t.w, t.h = w, h }

func (t *titleModel) Keys() helpKeys {
	k := &t.env.keys
	return helpKeys{short: []key.Binding{k.Up, k.Down, withHelp(k.Enter, "enter", "choose")}}
}

func (t *titleModel) Update(msg tea.KeyPressMsg) titleChoice {
	k := &t.env.keys
	switch {
	case key.Matches(msg, k.Up):
		t.sel = (t.sel + len(titleItems) - 1) % len(titleItems)
	case key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
		t.sel = (t.sel + 1) % len(titleItems)
	case key.Matches(msg, k.Enter):
		return titleItems[t.sel].choice
	}
	return titleNone
}

func (t *titleModel) View() string {
	st := &t.env.st
	logo := fit(st.Title.Render("C H O K E P O I N T"), 66)
	sub := fit(st.Subtle.Render("a negotiation war-game of tariffs, export controls and rare earths"), 66)
	var b strings.Builder
	b.WriteString(logo + "\n" + sub + "\n\n")
	for i, it := range titleItems {
		line := "  " + fit(it.label, 12)
		if i == t.sel {
			line = st.Selected.Render("▸ " + fit(it.label, 12))
		}
		b.WriteString(fit(line, 66) + "\n")
	}
	b.WriteString("\n" + st.Faint.Render(fit(titleItems[t.sel].help, 66)))
	return lipgloss.Place(t.w, t.h, lipgloss.Center, lipgloss.Center, lipgloss.NewStyle().Width(66).Render(b.String()))
}
