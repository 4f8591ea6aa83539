package tui

import (
	"fmt"
	"slices"
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
		msg := fmt.Sprintf("The terminal is %d×%d; Chokepoint needs at least %d×%d. Make the window larger, or press q to quit.", m.w, m.h, MinWidth, MinHeight)
		if m.overlay == ovAsk && m.ask != nil && m.ask.yes.kind == actExit {
			msg = fmt.Sprintf("%s %s y: %s, n: %s.", m.ask.title, m.ask.text, m.ask.yesWord, m.ask.noWord)
		}
		return lipgloss.Place(m.w, m.h, lipgloss.Center, lipgloss.Center, st.Warn.Render(wrap(msg, max(10, m.w-2))))
	}
	body := m.screen().View()
	switch m.overlay {
	case ovHelp:
		body = m.helpView()
	case ovAsk:
		body = m.askView()
	}
	// Every screen draws lines of exactly the terminal's width (panels,
	// fitted headers, placed dialogs), so the frame only needs its height.
	return lines(body, m.h-1) + "\n" + m.bottomLine()
}

// bottomLine is the status or error of the last action, if any, then as
// many of the keys that work here as fit, always ending with help and
// quit.
func (m *Model) bottomLine() string {
	st := &m.env.st
	left := ""
	if m.status == "" && m.saveErr != "" {
		left = st.Error.Render(fitWords("✕ "+m.saveErr, m.w-1)) + "  "
	} else if m.status != "" {
		mark, style := "✓ ", st.Good
		if m.isError {
			mark, style = "✕ ", st.Error
		}
		left = style.Render(fitWords(mark+m.status, m.w-1)) + "  "
	}
	room := m.w - lipgloss.Width(left)
	return fit(left+m.keyLine(m.keysHere().ShortHelp(), room), m.w)
}

// keyLine draws the short help in w cells: bindings are dropped from the
// end of the screen's own list until the line fits, and help and quit,
// the last two, always stay.
func (m *Model) keyLine(bs []key.Binding, w int) string {
	m.help.SetWidth(0)
	keep := 2
	if len(bs) < keep {
		keep = len(bs)
	}
	for n := len(bs) - keep; n >= 0; n-- {
		list := append(append([]key.Binding{}, bs[:n]...), bs[len(bs)-keep:]...)
		s := m.help.ShortHelpView(list)
		if lipgloss.Width(s) <= w {
			return s
		}
	}
	return ""
}

// keysHere are the bindings of the present screen and overlay, with the
// global ones last.
func (m *Model) keysHere() keyMap {
	k := &m.env.keys
	switch m.overlay {
	case ovHelp:
		return newKeyMap([]key.Binding{withHelp(k.Up, "↑↓", "scroll"), withHelp(k.PageDown, "pgup/pgdn", "page"), withHelp(k.Back, "esc", "close help")})
	case ovAsk:
		yes, no := "yes", "no"
		if m.ask != nil {
			yes, no = m.ask.yesWord, m.ask.noWord
		}
		return newKeyMap([]key.Binding{withHelp(k.Yes, "y", yes), withHelp(k.No, "n", no)})
	}
	km := m.withGlobal(m.screen().Keys())
	if t, ok := m.screen().(typer); ok && t.typing() {
		// While a text input has the keys, ? and q are letters: the
		// bottom line offers ctrl+c instead.
		short := km.short[:0:0]
		for _, b := range km.short {
			if !sameKeys(b, k.Help) && !sameKeys(b, k.Quit) {
				short = append(short, b)
			}
		}
		km.short = append(short, k.ForceQuit)
	}
	return km
}

func sameKeys(a, b key.Binding) bool { return slices.Equal(a.Keys(), b.Keys()) }

// globalKeys work on every screen.
func (m *Model) globalKeys() []key.Binding {
	k := &m.env.keys
	g := []key.Binding{k.Help, k.Quit, k.ForceQuit}
	if m.canSave() {
		g = append(g, k.Save)
	}
	if m.atSeats {
		g = append(g, withHelp(k.Console, "F", "back to the facilitator's console"))
	}
	return g
}

// withGlobal adds the global keys to a screen's map: help and quit at
// the end of the short list, and a group of their own.
func (m *Model) withGlobal(h keyMap) keyMap {
	g := m.globalKeys()
	short := append(append([]key.Binding{}, h.short...), g[0], g[1])
	if m.atSeats {
		// The way back to the console first, so that it is never dropped.
		short = append([]key.Binding{withHelp(m.env.keys.Console, "F", "console")}, short...)
	}
	full := append(append([][]key.Binding{}, h.full...), g)
	titles := append([]string{}, h.titles...)
	for len(titles) < len(h.full) {
		titles = append(titles, "")
	}
	return keyMap{short: short, full: full, titles: append(titles, "Everywhere")}
}

func (m *Model) askView() string {
	q := m.ask
	if q == nil {
		return ""
	}
	st := &m.env.st
	w := min(64, m.w-4)
	body := wrap(q.text, w-4) + "\n\n" + st.KeyName.Render("y") + "  " + q.yesWord + "      " + st.KeyName.Render("n") + "  " + q.noWord
	return lipgloss.Place(m.w, m.h-1, lipgloss.Center, lipgloss.Center, st.panel(q.title, body, w, strings.Count(body, "\n")+3, true))
}

// seatName is a seat's name from what every seat knows, before its first
// view arrives.
func (m *Model) seatName(i int) string {
	if v := m.env.view(); v != nil && i >= 0 && i < len(v.Seats) {
		return v.Seats[i].Name
	}
	if m.env.sess == nil || m.env.sess.public == nil || i < 0 || i >= len(m.env.sess.public.Seats) {
		return "?"
	}
	return m.env.sess.public.Seats[i].Name
}
