package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

// openHelp fills the help overlay for the present screen and shows it.
func (m *Model) openHelp() {
	m.helpVP.SetContent(m.helpBody(m.helpVP.Width()))
	m.helpVP.GotoTop()
	m.overlay = ovHelp
}

// helpBody lists every key of the present screen, one a line, then the
// keys that work everywhere, then a glossary of the game's words.
func (m *Model) helpBody(w int) string {
	st := &m.env.st
	h := m.withGlobal(m.screen().Keys())
	var b strings.Builder
	groups := h.FullHelp()
	seen := map[string]bool{}
	keyW := 8
	for _, g := range groups {
		for _, kb := range g {
			keyW = max(keyW, lipgloss.Width(kb.Help().Key))
		}
	}
	for gi, g := range groups {
		title := "On this screen"
		switch {
		case gi < len(h.titles) && h.titles[gi] != "":
			title = h.titles[gi]
		case gi > 0:
			title = "Also here"
		}
		var rows []string
		for _, kb := range g {
			hk := kb.Help()
			if hk.Key == "" || seen[helpID(kb)] {
				continue
			}
			seen[helpID(kb)] = true
			desc := wrapIndent(hk.Desc, w-keyW-4, keyW+4)
			rows = append(rows, "  "+st.KeyName.Render(padRight(hk.Key, keyW))+"  "+desc)
		}
		if len(rows) == 0 {
			continue
		}
		b.WriteString(st.Bold.Render(title) + "\n" + strings.Join(rows, "\n") + "\n\n")
	}
	b.WriteString(st.Subtle.Render(wrap("q and ctrl+c ask before they end a game. The bottom line shows the keys that work here; this list has them all.", w)) + "\n")
	terms := glossary(m.public())
	if len(terms) > 0 {
		b.WriteString("\n" + st.Bold.Render("Glossary") + "\n")
		for _, t := range terms {
			b.WriteString(wrapIndent(st.Accent.Render(t.name)+": "+t.text, w, 2) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func (m *Model) helpView() string {
	st := &m.env.st
	w := min(76, m.w-4)
	h := min(m.h-2, m.helpVP.TotalLineCount()+3)
	m.helpVP.SetHeight(max(1, h-2))
	title := "Help · " + screenTitle(m.cur)
	if m.helpVP.TotalLineCount() > m.helpVP.Height() {
		title += fmt.Sprintf(" · %d%%", int(m.helpVP.ScrollPercent()*100+0.5))
	}
	return lipgloss.Place(m.w, m.h-1, lipgloss.Center, lipgloss.Center, st.panel(title, m.helpVP.View(), w, h, true))
}

// screenTitle is a screen's name as help calls it.
func screenTitle(id screenID) string {
	switch id {
	case scrGame:
		return "the game"
	case scrCompose:
		return "a new proposal"
	case scrSetup:
		return "a new game"
	}
	return "the " + string(id)
}

// public is what every seat knows of the game open, or nil.
func (m *Model) public() *game.PublicScenario {
	if v := m.env.view(); v != nil {
		return v.Scenario
	}
	if m.env.sess != nil {
		return m.env.sess.public
	}
	return nil
}

func padRight(s string, w int) string {
	if n := lipgloss.Width(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}
