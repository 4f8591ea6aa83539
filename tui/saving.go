package tui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/saves"
)

// Saving a game from the interface. Every game is autosaved after each
// phase change by the session's keeper, on the table's own saving
// goroutine (never on the loop that draws the screen), and once more when
// the game is left or the program ends. A named save is written in a
// command, off the update loop too. The model hears of both through
// messages: an autosave that fails shows a line that stays until one
// succeeds, and the save before it is never touched.

// savedReport is what the keeper says after an autosave.
type savedReport struct {
	path string
	err  error
}

type (
	// autosavedMsg is an autosave's report.
	autosavedMsg struct {
		gen int
		savedReport
		ok bool
	}
	// namedMsg is the outcome of a named save.
	namedMsg struct {
		gen     int
		name    string
		path    string
		err     error
		replace bool
	}
)

// sendLatest hands the model the newest autosave report; an older one
// not yet read is dropped (the newest says how things stand). It runs on
// the keeper's goroutine and never waits.
func sendLatest(ch chan savedReport, r savedReport) {
	for {
		select {
		case ch <- r:
			return
		default:
		}
		select {
		case <-ch:
		default:
		}
	}
}

// waitSaved waits for the next autosave report.
func (s *session) waitSaved() tea.Cmd {
	if s.saved == nil {
		return nil
	}
	ch, gen := s.saved, s.gen
	return func() tea.Msg {
		r, ok := <-ch
		return autosavedMsg{gen: gen, savedReport: r, ok: ok}
	}
}

// flush autosaves the game as the table has it now, if anything is new.
func (s *session) flush() {
	if s.keeper == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if rec, err := s.table.Record(ctx); err == nil {
		s.keeper.Autosave(rec)
	}
}

// saveAs writes the game under a name, in a command.
func (s *session) saveAs(name string, replace bool) tea.Cmd {
	k, t, gen := s.keeper, s.table, s.gen
	return func() tea.Msg {
		if k == nil {
			return namedMsg{gen: gen, name: name, err: errors.New("this game is not being saved (no save directory)")}
		}
		rec, err := t.Record(context.Background())
		if err != nil {
			return namedMsg{gen: gen, name: name, err: err}
		}
		path, err := k.SaveAs(rec, name, replace)
		return namedMsg{gen: gen, name: name, path: path, err: err, replace: replace}
	}
}

// autosaved takes an autosave's report: a failure shows until an autosave
// succeeds again.
func (m *Model) autosaved(msg autosavedMsg) tea.Cmd {
	s := m.env.sess
	if !msg.ok || s == nil || msg.gen != m.gen {
		return nil
	}
	if msg.err != nil {
		m.saveErr = fmt.Sprintf("autosave failed: %s; the last good save is kept", saveError(msg.err))
	} else {
		if m.saveErr != "" {
			m.setStatus("autosaved again", false)
		}
		m.saveErr = ""
	}
	return s.waitSaved()
}

// named takes the outcome of a named save: a name in use asks before
// replacing that save.
func (m *Model) named(msg namedMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	switch {
	case errors.Is(msg.err, saves.ErrExists) && !msg.replace:
		m.overlay = ovAsk
		m.ask = &question{title: "Replace the save?", text: fmt.Sprintf("A save named %q exists. Replace it with this game as it stands?", msg.name),
			yes: action{kind: actSaveAs, text: msg.name, replace: true}, yesWord: "replace it", noWord: "keep it"}
	case msg.err != nil:
		m.setStatus("not saved: "+saveError(msg.err), true)
	default:
		m.setStatus(fmt.Sprintf("saved as %q (%s): chokepoint play --load %q", msg.name, filepath.Base(msg.path), msg.name), false)
	}
	return nil
}

// canSave reports whether S opens the name prompt now: in a game, on its
// screens, with a store to save into.
func (m *Model) canSave() bool {
	if m.env.sess == nil || m.env.sess.keeper == nil {
		return false
	}
	switch m.cur {
	case scrGame, scrOrders, scrReport, scrDebrief, scrBriefing:
		return true
	}
	return false
}

// quitQuestion is the quit dialog of a game: what becomes of the game.
func (m *Model) quitQuestion() *question {
	over := false
	if v := m.env.view(); v != nil && v.Phase == game.GameOver {
		over = true
	}
	saved := m.env.sess != nil && m.env.sess.keeper != nil
	q := &question{title: "Quit Chokepoint?", yes: action{kind: actExit}, yesWord: "quit"}
	switch {
	case m.opts.Join != nil:
		q.text = "You leave the game; it goes on without this terminal, and you can join again with the same code."
		q.noWord = "back to the game"
		if over {
			q.noWord = "back to the debrief"
		}
	case m.opts.Role == RoleFacilitator && saved && !over:
		q.text = "The game you facilitate is autosaved as it stands, but it ends with the program: Load on the title screen replays it (v), and a branch (B) carries it on."
		q.noWord = "back to the game"
	case over && saved:
		q.text = "The game is over and saved. Quitting closes its debrief; chokepoint replay or Load on the title screen opens it again."
		q.noWord = "back to the debrief"
	case over:
		q.text = "The game is over; quitting closes its debrief."
		q.noWord = "back to the debrief"
	case saved:
		q.text = "The game is autosaved as it stands. Carry on later with chokepoint play --continue, or Continue on the title screen."
		q.noWord = "back to the game"
	default:
		q.text = "This game is not being saved: quitting ends it."
		q.noWord = "back to the game"
	}
	return q
}

// saveError words an error for the bottom line: a save's error says why
// first and names its file after, by its base name, so that the reason,
// not a long path, fills a narrow terminal's line.
func saveError(err error) string {
	var se *saves.Error
	if errors.As(err, &se) && se.File != "" {
		return se.Msg + " (" + filepath.Base(se.File) + ")"
	}
	return err.Error()
}
