package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

func init() { registerScreen(scrPrivacy, func(e *env) screen { return &privacyModel{env: e} }) }

// privacyModel hides one seat's screen from the next player at the same
// keyboard (hot seat). It comes before every seat's private screen, the
// first seat's briefing included, and shows nothing of any seat's view.
type privacyModel struct {
	env  *env
	w, h int
	// to is the seat the keyboard passes to, and name its name.
	to   int
	name string
}

func (p *privacyModel) SetSize(w, h int) { p.w, p.h = w, h }

// open learns whom the keyboard passes to.
func (p *privacyModel) open(a action) { p.to, p.name = a.seat, a.text }

func (p *privacyModel) Keys() keyMap {
	k := &p.env.keys
	return newKeyMap([]key.Binding{withHelp(k.Enter, "enter", "I am "+p.name)})
}

func (p *privacyModel) Update(msg tea.KeyPressMsg) action {
	if key.Matches(msg, p.env.keys.Enter) {
		return action{kind: actPassed}
	}
	return action{}
}

func (p *privacyModel) View() string {
	st := &p.env.st
	w := min(64, p.w-4)
	text := st.Seat(p.to).Bold(true).Render("Pass the keyboard to "+p.name) + "\n\n" +
		wrap("The screen is hidden so that no player sees another seat's secrets: its briefing, objectives and deals.", w-4) +
		"\n\nThen press enter."
	return lipgloss.Place(p.w, p.h, lipgloss.Center, lipgloss.Center, st.panel("Hot seat", text, w, lipgloss.Height(text)+2, true))
}
