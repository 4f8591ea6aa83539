package tui

import (
	"github.com/chokepoint-game/chokepoint/game/table/tabletest"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/table"
	"github.com/chokepoint-game/chokepoint/saves"
)

var epoch = time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)

// harness drives a model by hand: it runs the model's commands that give
// commands to the table, and hands it the table's updates once the AIs
// have had their say, so every screen can be drawn at a known moment.
type harness struct {
	t     testing.TB
	m     *Model
	clock *tabletest.FakeClock
	// late holds the results of commands a test stopped waiting for; a
	// game one of them opened is closed when the test ends, before its
	// save directory is removed.
	late []chan tea.Msg
	// tb and sc are a served game's table and scenario (classroom).
	tb *table.Table
	sc *game.Scenario
}

func newHarness(t testing.TB, w, h int) *harness {
	t.Helper()
	clock := tabletest.NewFakeClock(epoch)
	// Games are saved as the program saves them, into a directory of
	// the test's own.
	m := New(Options{Now: epoch, Clock: clock, Store: &saves.Store{Dir: t.TempDir()}})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m.Update(m.listSaves()()) // as Init does
	t.Cleanup(m.Close)
	hn := &harness{t: t, m: m, clock: clock}
	t.Cleanup(hn.closeLate)
	return hn
}

// closeLate waits for the commands the test gave up on and closes any
// game they opened, so that no table is left saving into the test's
// directory after it ends.
func (h *harness) closeLate() {
	for _, ch := range h.late {
		select {
		case msg := <-ch:
			if s, ok := msg.(startedMsg); ok && s.sess != nil {
				s.sess.close()
			}
		case <-time.After(time.Minute):
			h.t.Errorf("a command the test gave up on has not ended in a minute")
		}
	}
}

// tutorialSpec is the tutorial with the given seats human and the rest
// played by the default personality.
func tutorialSpec(t testing.TB, humans ...string) GameSpec {
	t.Helper()
	sc, err := content.Get("tutorial")
	if err != nil {
		t.Fatal(err)
	}
	var ais []string
	for _, h := range humans[1:] {
		ais = append(ais, h+"=human")
	}
	seats, err := ParseSeats(sc, humans[0], ais)
	if err != nil {
		t.Fatal(err)
	}
	return GameSpec{Scenario: sc, Seed: 1, Seats: seats}
}

// start begins a game as the title screen would, and waits for the
// first settled update.
func (h *harness) start(spec GameSpec) {
	h.t.Helper()
	msg := h.m.start(spec)()
	h.m.Update(msg)
	if h.m.env.sess == nil {
		h.t.Fatalf("the game did not start: %v", h.m.status)
	}
	h.settle()
}

// settled reports whether the AI seats have done what they can in the
// update's phase.
func settled(u *table.Update) bool {
	if u.Thinking != 0 {
		return false
	}
	v := &u.View
	for i := range v.Seats {
		if u.Humans.Has(i) {
			continue
		}
		s := &v.Seats[i]
		switch v.Phase {
		case game.Negotiation, game.Report:
			if !s.Ready {
				return false
			}
		case game.Orders:
			if s.Submitted {
				continue
			}
			return false
		}
	}
	return true
}

// settle reads every human seat's updates until the table is quiet and
// hands the model the latest of each.
func (h *harness) settle() {
	h.t.Helper()
	s := h.m.env.sess
	if s == nil {
		return // no game at the keyboard yet
	}
	deadline := time.After(10 * time.Second)
	for _, seat := range s.viewers {
		ch := s.seats[seat].Updates()
		var u table.Update
		select {
		case u = <-ch:
		case <-deadline:
			h.t.Fatal("the table did not settle")
		}
		for {
			h.m.Update(updateMsg{gen: s.gen, seat: seat, u: u, ok: true})
			// Settled, and as the table stands: the same command applied
			// and the same clock (a briefing read starts it without a
			// command).
			if seq, clock := h.tableNow(); settled(&u) && u.View.Seq == seq && u.Deadline.Equal(clock) {
				break
			}
			select {
			case u = <-ch:
			case <-deadline:
				h.t.Fatal("the table did not settle")
			}
		}
	}
}

// tableNow asks the table for its present sequence number and clock
// through a fresh spectator: the harness must not race the table for
// them.
func (h *harness) tableNow() (int, time.Time) {
	sp, err := h.m.env.sess.table.Join(game.Spectator)
	if err != nil {
		h.t.Fatal(err)
	}
	defer sp.Leave()
	u := <-sp.Updates()
	return u.View.Seq, u.Deadline
}

// key presses keys: names like "enter", "up", or single characters.
func (h *harness) key(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		cmd := h.m.key(keyMsg(k))
		h.run(cmd)
	}
}

// run runs a command from a key press and feeds its message back; a
// command given to the table is followed by a settle.
func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	switch msg := msg.(type) {
	case tea.QuitMsg:
		return
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
		return
	}
	h.m.Update(msg)
	if _, ok := msg.(doneMsg); ok {
		h.settle()
		// A run of rounds sends its next command after each update: the
		// program runs it, and so must the harness.
		// (The harness drops the commands Update returns for an update,
		// so the step is asked for again.)
		if h.m.autoActive() {
			h.m.auto.sent = phaseKey{}
			h.run(h.m.autoStep())
		}
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is the plain text of the model's view.
func (h *harness) screen() string { return ansi.Strip(h.m.View().Content) }

// screenOf is one of the model's screens, as its own type.
func screenOf[T screen](h *harness, id screenID) T {
	h.t.Helper()
	s, ok := h.m.screens[id].(T)
	if !ok {
		h.t.Fatalf("screen %s is a %T", id, h.m.screens[id])
	}
	return s
}

func (h *harness) composer() *composerModel { return screenOf[*composerModel](h, scrCompose) }
func (h *harness) gameScreen() *gameModel   { return screenOf[*gameModel](h, scrGame) }

func sizeMsg(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }
