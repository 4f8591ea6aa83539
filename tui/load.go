package tui

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/saves"
)

func init() { registerScreen(scrLoad, func(e *env) screen { return newLoad(e) }) }

// The store's list of saves is read in a command (reading files does not
// belong in Update) whenever the title screen shows and after a delete,
// and handed to the title screen (for Continue) and the load screen.
type (
	listedMsg struct {
		entries []saves.Entry
		err     error
	}
	deletedMsg struct {
		path    string
		removed []string
		err     error
	}
)

// listSaves reads the store's list in a command.
func (m *Model) listSaves() tea.Cmd {
	st := m.opts.Store
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		entries, err := st.List(false)
		return listedMsg{entries: entries, err: err}
	}
}

func (m *Model) listed(msg listedMsg) {
	m.env.saves, m.env.savesErr, m.env.listed = msg.entries, msg.err, true
	if l, ok := m.screens[scrLoad].(*loadModel); ok {
		l.sel = max(0, min(l.sel, len(msg.entries)-1))
	}
}

// deleteSave deletes a save (every autosave of its game, for an
// autosave) in a command.
func (m *Model) deleteSave(path string) tea.Cmd {
	st := m.opts.Store
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		removed, err := st.Delete(path)
		return deletedMsg{path: path, removed: removed, err: err}
	}
}

func (m *Model) deleted(msg deletedMsg) tea.Cmd {
	if msg.err != nil {
		m.setStatus("not deleted: "+saveError(msg.err), true)
	} else {
		m.setStatus(fmt.Sprintf("deleted %s", plural(len(msg.removed), "file", "files")), false)
	}
	return m.listSaves()
}

// loadSave is the action that opens a save and carries its game on: the
// save is loaded, replayed and checked in the start command.
func loadSave(path string) action {
	return action{kind: actStart, load: func() (GameSpec, error) {
		s, err := saves.Load(path)
		if err != nil {
			return GameSpec{}, err
		}
		return SpecOfSave(s)
	}}
}

// continueLatest is the action that carries on the newest autosaved game
// a person played (LatestPlayable).
func continueLatest(st *saves.Store) action {
	return action{kind: actStart, load: func() (GameSpec, error) {
		s, err := LatestPlayable(st)
		if err != nil {
			return GameSpec{}, err
		}
		return SpecOfSave(s)
	}}
}

// LatestPlayable is the game Continue carries on: the newest autosaved
// game in which a person plays a seat (a game of AI seats the facilitator
// ran, or a simulated one, can only be replayed or branched) and that
// loads; a damaged autosave is passed over for the one before it.
func LatestPlayable(st *saves.Store) (*saves.Save, error) {
	entries, err := st.List(true)
	if err != nil {
		return nil, err
	}
	var first error
	for _, e := range entries {
		if e.Kind != saves.Auto {
			continue
		}
		if e.Err != nil {
			first = cmp.Or(first, e.Err)
			continue
		}
		if !playable(e.Save) {
			continue
		}
		s, err := saves.Load(e.Path)
		if err == nil {
			return s, nil
		}
		first = cmp.Or(first, err)
	}
	if first != nil {
		return nil, first
	}
	return nil, &saves.Error{File: st.Dir, Kind: saves.ErrNotExist, Msg: "no autosaved game of yours to continue"}
}

// playable reports whether a person plays a seat of a saved game.
func playable(s *saves.Save) bool {
	return slices.ContainsFunc(s.Seats, func(x saves.Seat) bool { return x.Player == ai.HumanPlayer })
}

// loadModel is the list of saved games: each with its name, scenario,
// where it stands, who played each seat and when it was saved. A file
// that cannot be read shows why, and cannot be opened.
type loadModel struct {
	env  *env
	w, h int
	sel  int
}

func newLoad(e *env) *loadModel { return &loadModel{env: e} }

func (l *loadModel) SetSize(w, h int) { l.w, l.h = w, h }

func (l *loadModel) Keys() keyMap {
	k := &l.env.keys
	return newKeyMap([]key.Binding{withHelp(k.Enter, "enter", "play on"), withHelp(k.Delete, "d", "delete"),
		withHelp(k.Viewer, "v", "replay"), k.Up, k.Down, withHelp(k.Back, "esc", "title")})
}

func (l *loadModel) Update(msg tea.KeyPressMsg) action {
	k := &l.env.keys
	n := len(l.env.saves)
	switch {
	case key.Matches(msg, k.Back):
		return show(scrTitle)
	case key.Matches(msg, k.Up):
		if n > 0 {
			l.sel = (l.sel + n - 1) % n
		}
	case key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
		if n > 0 {
			l.sel = (l.sel + 1) % n
		}
	}
	if n == 0 {
		return action{}
	}
	e := l.env.saves[l.sel]
	switch {
	case key.Matches(msg, k.Enter):
		if e.Err != nil {
			return errorf("cannot open it: " + saveError(e.Err))
		}
		return loadSave(e.Path)
	case key.Matches(msg, k.Viewer):
		if e.Err != nil {
			return errorf("cannot open it: " + saveError(e.Err))
		}
		return openReplay(e.Path)
	case key.Matches(msg, k.Delete):
		what := fmt.Sprintf("the save %q", entryName(e))
		if e.Kind == saves.Auto {
			what = "every autosave of this game"
		}
		return action{kind: actConfirm, ask: &question{title: "Delete the save?",
			text: fmt.Sprintf("Delete %s (%s)? This cannot be undone.", what, filepath.Base(e.Path)),
			yes:  action{kind: actDelete, text: e.Path}, yesWord: "delete it", noWord: "keep it"}}
	}
	return action{}
}

// entryName is how the list names a save: its name, or "autosave".
func entryName(e saves.Entry) string {
	if e.Save != nil && e.Save.Name != "" {
		return e.Save.Name
	}
	if e.Kind == saves.Auto {
		return "autosave"
	}
	return strings.TrimSuffix(filepath.Base(e.Path), ".json")
}

// seatsText says who played each seat: "us: you, prc: hawk@hard".
func seatsText(s *saves.Save) string {
	parts := make([]string, len(s.Seats))
	for i, seat := range s.Seats {
		who := seat.Player
		if who == ai.HumanPlayer {
			who = "person"
		}
		if seat.Person != "" {
			who = seat.Person
		}
		parts[i] = seat.Seat + ": " + who
	}
	return strings.Join(parts, ", ")
}

// standsText says where a saved game stands: "turn 4, negotiation".
func standsText(s *saves.Save) string {
	if s.Phase() == game.GameOver {
		return fmt.Sprintf("over (turn %d)", s.Turn())
	}
	return fmt.Sprintf("turn %d, %s", s.Turn(), s.Phase())
}

func savedAt(t time.Time) string { return t.Local().Format("2006-01-02 15:04") }

func (l *loadModel) View() string {
	st := &l.env.st
	w := min(l.w-2, 110)
	var b strings.Builder
	b.WriteString(st.Title.Render("Saved games") + "\n")
	switch {
	case l.env.savesErr != nil:
		b.WriteString(st.Error.Render(wrap("The save directory cannot be read: "+l.env.savesErr.Error(), w)) + "\n")
	case !l.env.listed:
		b.WriteString(st.Subtle.Render("Reading the save directory…") + "\n")
	case len(l.env.saves) == 0:
		b.WriteString(st.Subtle.Render(wrap("No saved games yet. Every game is autosaved after each phase; S in a game saves it under a name.", w)) + "\n")
	}
	per := 2
	room := max(1, (l.h-3)/per)
	from, to := scrollWindow(len(l.env.saves), room, l.sel)
	nameW := max(12, min(24, w/4))
	for i := from; i < to; i++ {
		e := l.env.saves[i]
		mark := "  "
		if i == l.sel {
			mark = "▸ "
		}
		var line1, line2 string
		if e.Err != nil {
			line1 = mark + padRight(fit(strings.TrimSuffix(filepath.Base(e.Path), ".json"), nameW), nameW) + "  damaged"
			line2 = "    " + st.Error.Render(fit("✕ "+saveError(e.Err), w-4))
		} else {
			s := e.Save
			line1 = mark + padRight(fit(entryName(e), nameW), nameW) + "  " + fit(fmt.Sprintf("%-16s %-20s %s", s.Copy.ID, standsText(s), savedAt(s.Updated)), w-nameW-4)
			line2 = "    " + st.Subtle.Render(fit(seatsText(s), w-4))
		}
		if i == l.sel {
			line1 = st.Selected.Render(line1)
		}
		b.WriteString(line1 + "\n" + line2 + "\n")
	}
	return lipgloss.Place(l.w, l.h, lipgloss.Center, lipgloss.Top, lipgloss.NewStyle().Width(w).Render(strings.TrimRight(b.String(), "\n")))
}
