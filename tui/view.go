package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// View draws the screen, the bottom line and any overlay.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "Chokepoint"
	return v
}

func (m *Model) render() string {
	st := &m.env.st
	if m.w == 0 || m.h == 0 {
		return ""
	}
	if m.w < MinWidth || m.h < MinHeight {
		msg := fmt.Sprintf("The terminal is %d×%d; Chokepoint needs at least %d×%d.\nMake the window larger, or press q to quit.", m.w, m.h, MinWidth, MinHeight)
		return lipgloss.Place(m.w, m.h, lipgloss.Center, lipgloss.Center, st.Warn.Render(wrap(msg, max(10, m.w-2))))
	}
	body := m.screenView()
	switch m.overlay {
	case ovHelp:
		body = m.helpView()
	case ovQuit:
		body = m.dialog("Quit Chokepoint?", "The game in progress will be lost (saving arrives with a later version).\n\ny  quit      n  keep playing")
	}
	// Every screen draws lines of exactly the terminal's width (panels,
	// fitted headers, placed dialogs), so the frame only needs its height.
	return lines(body, m.h-1) + "\n" + m.bottomLine()
}

func (m *Model) screenView() string {
	switch m.screen {
	case scrTitle:
		return m.title.View()
	case scrSetup:
		return m.setup.View()
	case scrLoading:
		return lipgloss.Place(m.w, m.h-1, lipgloss.Center, lipgloss.Center, m.env.spin+" Setting up the table…")
	case scrBriefing:
		return m.briefing.View()
	case scrGame:
		return m.game.View()
	case scrOrders:
		return m.orders.View()
	case scrCompose:
		return m.compose.View()
	case scrReport:
		return m.report.View()
	case scrDebrief:
		return m.debrief.View()
	case scrPrivacy:
		return m.privacyView()
	}
	return ""
}

// bottomLine is the status or error of the last action, or else the keys
// that work here.
func (m *Model) bottomLine() string {
	st := &m.env.st
	if m.status != "" {
		if m.isError {
			return fit(st.Error.Render("✕ "+m.status), m.w)
		}
		return fit(st.Good.Render("✓ "+m.status), m.w)
	}
	m.help.SetWidth(m.w)
	return fit(m.help.ShortHelpView(m.keysHere().short), m.w)
}

// keysHere are the bindings of the present screen and overlay.
func (m *Model) keysHere() helpKeys {
	k := &m.env.keys
	switch m.overlay {
	case ovHelp:
		return helpKeys{short: []key.Binding{withHelp(k.Back, "any key", "close help")}}
	case ovQuit:
		return helpKeys{short: []key.Binding{k.Yes, k.No}}
	}
	global := []key.Binding{k.Help, k.Quit}
	var h helpKeys
	switch m.screen {
	case scrTitle:
		h = m.title.Keys()
	case scrSetup:
		h = m.setup.Keys()
	case scrBriefing:
		h = helpKeys{short: []key.Binding{k.Up, k.Down, withHelp(k.Enter, "enter", "continue")}}
	case scrGame:
		h = m.game.Keys()
	case scrOrders:
		h = m.orders.Keys()
	case scrCompose:
		h = m.compose.Keys()
	case scrReport:
		h = m.report.Keys()
	case scrDebrief:
		h = m.debrief.Keys()
	case scrPrivacy:
		h = helpKeys{short: []key.Binding{withHelp(k.Enter, "enter", "I am "+m.seatName(m.passTo))}}
	}
	h.short = append(h.short, global...)
	h.full = append(h.full, global, []key.Binding{k.ForceQuit})
	return h
}

func withHelp(b key.Binding, keys, desc string) key.Binding {
	b.SetHelp(keys, desc)
	return b
}

func (m *Model) helpView() string {
	st := &m.env.st
	h := m.keysHere()
	var b strings.Builder
	b.WriteString(st.Title.Render("Keys on this screen") + "\n\n")
	seen := map[string]bool{}
	for _, group := range append([][]key.Binding{h.short}, h.full...) {
		for _, kb := range group {
			hk := kb.Help()
			if hk.Key == "" || seen[hk.Key+hk.Desc] {
				continue
			}
			seen[hk.Key+hk.Desc] = true
			fmt.Fprintf(&b, "  %s  %s\n", st.KeyName.Render(fmt.Sprintf("%-8s", hk.Key)), hk.Desc)
		}
	}
	b.WriteString("\n" + st.Subtle.Render("Every screen lists its keys on the bottom line; ? shows them all."))
	w := min(70, m.w-4)
	return lipgloss.Place(m.w, m.h-1, lipgloss.Center, lipgloss.Center, st.panel("Help", b.String(), w, min(m.h-2, strings.Count(b.String(), "\n")+3), true))
}

func (m *Model) dialog(title, text string) string {
	st := &m.env.st
	w := min(60, m.w-4)
	body := wrap(text, w-4)
	return lipgloss.Place(m.w, m.h-1, lipgloss.Center, lipgloss.Center, st.panel(title, body, w, strings.Count(body, "\n")+3, true))
}

func (m *Model) seatName(i int) string {
	if m.env.sess == nil || m.env.sess.public == nil || i < 0 || i >= len(m.env.sess.public.Seats) {
		return "?"
	}
	return m.env.sess.public.Seats[i].Name
}

// privacyView hides one seat's screen from the next player at the same
// keyboard.
func (m *Model) privacyView() string {
	st := &m.env.st
	name := m.seatName(m.passTo)
	text := st.Seat(m.passTo).Bold(true).Render("Pass the keyboard to "+name) + "\n\n" +
		"The last player's screen is hidden so that " + name + " does not see its secrets.\n\n" +
		"Then press Enter."
	return m.dialog("Hot seat", text)
}
