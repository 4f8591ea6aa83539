package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/chokepoint-game/chokepoint/saves"
)

func init() { registerScreen(scrTitle, func(e *env) screen { return newTitle(e) }) }

// titleItem is one entry of the title menu. An entry that cannot be
// chosen now says why in its help line, and enter repeats the reason.
type titleItem struct {
	label string
	help  string
	do    func() action
	// off is the reason the entry cannot be chosen now; "" when it can.
	off string
}

// titleModel is the title screen: a menu, and a line that says what the
// chosen entry does.
type titleModel struct {
	env  *env
	w, h int
	sel  int
	// moved is set once the selection has been moved: until then it is
	// the first entry that can be chosen.
	moved bool
}

func newTitle(e *env) *titleModel { return &titleModel{env: e} }

func (t *titleModel) SetSize(w, h int) { t.w, t.h = w, h }

// items are the menu as things stand: Continue and Load only with a
// place to save games.
func (t *titleModel) items() []titleItem {
	var out []titleItem
	st := t.env.store
	if st != nil {
		out = append(out, t.continueItem(st))
	}
	out = append(out,
		titleItem{label: "Tutorial", help: "New here? Press enter: the tutorial teaches the game in four short turns, with no clock.",
			do: func() action { return action{kind: actTutorial} }},
		titleItem{label: "New game", help: "Press enter to choose a scenario, who plays each seat and the AI opponents.",
			do: func() action { return show(scrSetup) }})
	if st != nil {
		load := titleItem{label: "Load", help: fmt.Sprintf("Press enter for the saved games (%d): play one on, replay it, or delete it.", len(t.env.saves)),
			do: func() action { return show(scrLoad) }}
		if t.env.savesErr != nil {
			load.help = "Press enter for the saved games; the save directory cannot be read now: " + t.env.savesErr.Error()
		}
		out = append(out, load)
	}
	return append(out, titleItem{label: "Quit", help: "Press enter to leave Chokepoint.", do: func() action { return action{kind: actQuit} }})
}

// continueItem carries on the newest autosaved game, or says why there
// is none.
func (t *titleModel) continueItem(st *saves.Store) titleItem {
	it := titleItem{label: "Continue", do: func() action { return continueLatest(st) }}
	var newest *saves.Entry
	for i := range t.env.saves {
		e := &t.env.saves[i]
		if e.Kind == saves.Auto && (e.Err != nil || playable(e.Save)) {
			newest = e
			break
		}
	}
	switch {
	case !t.env.listed:
		it.off = "Looking for a game to continue."
	case t.env.savesErr != nil:
		it.off = "Nothing to continue: the save directory cannot be read: " + t.env.savesErr.Error()
	case newest == nil:
		it.off = "Nothing to continue yet: every game you play is autosaved after each phase, and Continue carries on the latest."
	case newest.Err != nil:
		it.help = "Press enter to carry on the latest game that loads; the newest autosave is damaged: " + saveError(newest.Err)
	default:
		s := newest.Save
		it.help = fmt.Sprintf("Press enter to carry on your last game: %s, %s (%s), saved %s.", s.Copy.ID, standsText(s), seatsText(s), savedAt(s.Updated))
	}
	return it
}

func (t *titleModel) Keys() keyMap {
	k := &t.env.keys
	return newKeyMap([]key.Binding{k.Up, k.Down, withHelp(k.Enter, "enter", "choose")})
}

func (t *titleModel) Update(msg tea.KeyPressMsg) action {
	k := &t.env.keys
	items := t.items()
	t.sel = t.selected(items)
	switch {
	case key.Matches(msg, k.Up), key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
		t.moved = true
	}
	switch {
	case key.Matches(msg, k.Up):
		t.sel = (t.sel + len(items) - 1) % len(items)
	case key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
		t.sel = (t.sel + 1) % len(items)
	case key.Matches(msg, k.Enter):
		if it := items[t.sel]; it.off != "" {
			return errorf(it.off)
		}
		return items[t.sel].do()
	}
	return action{}
}

func (t *titleModel) View() string {
	st := &t.env.st
	const w = 66
	items := t.items()
	sel := t.selected(items)
	var b strings.Builder
	b.WriteString(st.Title.Render("C H O K E P O I N T") + "\n")
	b.WriteString(st.Subtle.Render("a negotiation war-game of tariffs, export controls and rare earths") + "\n\n")
	for i, it := range items {
		switch {
		case i == sel:
			b.WriteString(st.Selected.Render("▸ "+padRight(it.label, 12)) + "\n")
		case it.off != "":
			b.WriteString(st.Faint.Render("  "+it.label) + "\n")
		default:
			b.WriteString("  " + it.label + "\n")
		}
	}
	help := items[sel].help
	style := st.Accent
	if items[sel].off != "" {
		help, style = items[sel].off, st.Subtle
	}
	b.WriteString("\n" + style.Render(wrap("▶ "+help, w)))
	return lipgloss.Place(t.w, t.h, lipgloss.Center, lipgloss.Center, lipgloss.NewStyle().Width(w).Render(b.String()))
}

// selected is the entry the selection is on: the first that can be
// chosen until the selection has been moved.
func (t *titleModel) selected(items []titleItem) int {
	if !t.moved {
		for i, it := range items {
			if it.off == "" {
				return i
			}
		}
	}
	return min(t.sel, len(items)-1)
}
