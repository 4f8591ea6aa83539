package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

// TestConsoleActionsAreLoggedCommands runs the facilitator's console as
// its own program on a served table and takes every action by keys:
// each must end up in the game's log as the engine command it stands
// for, given in the facilitator's name.
func TestConsoleActionsAreLoggedCommands(t *testing.T) {
	h := newHarness(t, 120, 40)
	tb := h.classroom("rare-earth-card", "us", "eu")
	obs := &observer{}
	dir := t.TempDir()
	m := New(Options{Now: epoch, Clock: h.clock, Role: RoleFacilitator, SaveDir: dir, Observe: obs.observe,
		Join: &Join{Table: tb, Scenario: h.sc, Seed: 1, Name: "Grace"}})
	// The console offers the scenario's cards in its own order; read the
	// first from a view of a fresh game, not from the running model, which
	// its program owns.
	st0, err := game.NewGame(h.sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	firstCard := game.ViewFor(st0, game.Facilitator).Injectable[0].ID
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	t.Cleanup(func() { _ = tm.Quit() })
	send := func(keys ...string) {
		for _, k := range keys {
			if k == "ctrl+u" {
				tm.Send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
				continue
			}
			tm.Send(keyMsg(k))
		}
	}
	typeText := func(s string) {
		for _, r := range s {
			if r == ' ' {
				send("space")
			} else {
				send(string(r))
			}
		}
	}
	logLen := 0
	facCommands := func() []game.Command {
		rec, err := tb.Record(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		logLen = len(rec.Log.Commands)
		var out []game.Command
		for _, c := range rec.Log.Commands {
			if c.Seat == game.FacilitatorID && c.Kind != game.CmdAdvance || c.Seat == game.FacilitatorID && c.By != "" {
				out = append(out, c)
			}
		}
		return out
	}
	waitStatus := func(what string, cond func(Status) bool) Status {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if s, _ := obs.get(); cond(s) {
				return s
			}
			time.Sleep(5 * time.Millisecond)
		}
		s, _ := obs.get()
		t.Fatalf("waiting for %s: stuck at %+v", what, s)
		return s
	}
	waitStatus("the console", func(s Status) bool { return s.Screen == "console" })

	steps := []struct {
		name string
		do   func()
		want func(c game.Command) bool
	}{
		{"start", func() { send("s") }, func(c game.Command) bool { return c.Kind == game.CmdStart }},
		{"set the clock", func() { send("c"); typeText("4:30"); send("enter") },
			func(c game.Command) bool { return c.Kind == game.CmdSetClock && c.Value == 270 }},
		{"a minute more", func() { send("+") }, func(c game.Command) bool { return c.Kind == game.CmdSetClock && c.Value == 330 }},
		{"pause", func() { send("p") }, func(c game.Command) bool { return c.Kind == game.CmdPause }},
		{"resume", func() { send("p") }, func(c game.Command) bool { return c.Kind == game.CmdResume }},
		{"inject from the scenario", func() { send("i", "enter") }, func(c game.Command) bool {
			return c.Kind == game.CmdInject && c.Event != "" && c.Event == firstCard
		}},
		{"inject a custom event", func() {
			send("i", "left", "down")
			typeText("Port strike")
			send("down")
			typeText("us.economy-3, world.price-world=40")
			send("enter")
		}, func(c game.Command) bool {
			return c.Kind == game.CmdInject && c.Text == "Port strike" && len(c.Effects) == 2 &&
				c.Effects[0].Seat == "us" && c.Effects[0].Indicator == "economy" && c.Effects[0].Add == -3 &&
				c.Effects[1].World == "price-world" && c.Effects[1].Set != nil && *c.Effects[1].Set == 40
		}},
		{"override", func() {
			send("down", "o", "down", "down")
			typeText("40")
			send("down")
			typeText("after the audit")
			send("enter")
		}, func(c game.Command) bool {
			return c.Kind == game.CmdOverride && c.Target == "prc" && c.Indicator != "" && c.Indicator != "score" &&
				c.Value == 40 && c.Text == "after the audit"
		}},
		{"an AI at a seat", func() { send("a", "down", "right", "down", "right", "enter") }, func(c game.Command) bool {
			return c.Kind == game.CmdPlayer && c.Target == "prc" && c.Text == Personalities()[0]+"@hard"
		}},
		{"people at a seat", func() { send("a", "enter") }, func(c game.Command) bool {
			return c.Kind == game.CmdPlayer && c.Target == "prc" && c.Text == "human"
		}},
		{"an AI again", func() { send("a", "down", "right", "enter") }, func(c game.Command) bool {
			return c.Kind == game.CmdPlayer && c.Target == "prc" && c.Text == Personalities()[0]+"@normal"
		}},
		{"chat", func() { send("C"); typeText("Ten minutes left"); send("enter", "esc") }, func(c game.Command) bool {
			return c.Kind == game.CmdChat && c.Text == "Ten minutes left" && len(c.To) == 0
		}},
		{"chat to one seat", func() {
			send("C", "tab", "right", "right", "space", "tab")
			typeText("EU, a word?")
			send("enter", "esc")
		}, func(c game.Command) bool {
			return c.Kind == game.CmdChat && c.Text == "EU, a word?" && len(c.To) == 1 && c.To[0] == "eu"
		}},
		{"close the phase", func() { send("n", "y") }, func(c game.Command) bool { return c.Kind == game.CmdAdvance }},
		{"end", func() { send("E"); typeText("time is up"); send("enter", "y") }, func(c game.Command) bool {
			return c.Kind == game.CmdEnd && c.Text == "time is up"
		}},
		{"reveal", func() { send("v", "y") }, func(c game.Command) bool { return c.Kind == game.CmdReveal }},
	}
	for _, st := range steps {
		before := len(facCommands())
		st.do()
		deadline := time.Now().Add(10 * time.Second)
		for {
			cmds := facCommands()
			if len(cmds) > before {
				c := cmds[len(cmds)-1]
				if !st.want(c) {
					t.Fatalf("%s: the log has %+v", st.name, c)
				}
				if c.By != "Grace" {
					t.Errorf("%s: the command is by %q, want the facilitator's name", st.name, c.By)
				}
				// The next keys are for the console as the game now stands.
				n := logLen
				waitStatus("the console to catch up", func(s Status) bool { return s.Seq >= n })
				break
			}
			if time.Now().After(deadline) {
				s, _ := obs.get()
				t.Fatalf("%s: no command in the log (the console is at %+v)", st.name, s)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	// The switches reached the table: the PRC is an AI's again.
	u := <-mustJoin(t, tb, game.Spectator).Updates()
	if u.Humans.Has(1) {
		t.Error("the PRC is played by people after the last switch to an AI")
	}
	// The report: the game is saved where the console was told.
	send("w")
	s := waitStatus("the report", func(s Status) bool { return strings.Contains(s.Line, "after-action report is written") })
	page, err := os.ReadFile(filepath.Join(dir, "classroom-rare-earth-card-seed-1.html"))
	if err != nil {
		t.Fatalf("no report in the save directory (%v); the status says %q", err, s.Line)
	}
	if !strings.Contains(string(page), "<html") || !strings.Contains(string(page), "time is up") {
		t.Errorf("the report is not the game's page:\n%.300s", page)
	}
	if _, err := os.Stat(filepath.Join(dir, "classroom-rare-earth-card-seed-1.json")); err != nil {
		t.Errorf("no save beside the report: %v", err)
	}
}

// A paste into the chat, with colours, a cursor move, a bell and line
// breaks, arrives as one clean line; the engine takes it.
func TestChatPasteIsCleaned(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.console("rare-earth-card", "us", "eu")
	h.key("s", "C")
	h.run(h.m.update(tea.PasteMsg{Content: "\x1b[31mred\x1b[0m alert\x07\r\nsecond line\x1b[2J"}))
	h.key("enter")
	v := h.m.env.view()
	if len(v.Chat) != 1 || v.Chat[0].Text != "red alert second line" {
		t.Fatalf("the chat after the paste: %+v", v.Chat)
	}
}

// After w the console says where the report and the save are, and how
// to make the report again, until the next key.
func TestConsoleShowsWhereTheReportIs(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.console("rare-earth-card", "us", "eu")
	h.key("s", "E", "enter", "y", "w")
	s := h.screen()
	for _, want := range []string{"After-action report", "chokepoint report classroom-rare-earth-card-seed-1 --format md"} {
		if !strings.Contains(s, want) {
			t.Errorf("the console lacks %q:\n%s", want, s)
		}
	}
	checkLayout(t, s, 120, 40)
	h.key("down")
	if strings.Contains(h.screen(), "After-action report") {
		t.Error("the report's panel stays after a key")
	}
}

// At one terminal the facilitator hands the keyboard to the seats played
// here and takes it back; a new phase never pulls the console away to a
// seat's screen, and the seat's screens show only the seat's view.
func TestFacilitatorHandsTheKeyboardOver(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.facilitate()
	h.key("s")
	if h.m.cur != scrConsole {
		t.Fatalf("after the start: screen %s", h.m.cur)
	}
	h.key("n", "y") // close negotiation: the seats owe orders
	if h.m.cur != scrConsole || h.m.env.seat != game.Facilitator {
		t.Fatalf("a new phase moved the console to %s as seat %d", h.m.cur, h.m.env.seat)
	}
	h.key("g")
	if h.m.cur != scrPrivacy || !h.m.atSeats {
		t.Fatalf("g: screen %s", h.m.cur)
	}
	h.key("enter", "enter") // the privacy screen, then the briefing
	if v := h.m.env.view(); v.Viewer < 0 || h.m.cur != scrOrders {
		t.Fatalf("at the seats: viewer %d, screen %s", v.Viewer, h.m.cur)
	}
	h.key("F")
	if h.m.cur != scrConsole || h.m.env.view().Viewer != game.Facilitator || h.m.atSeats {
		t.Fatalf("F: screen %s, viewer %d", h.m.cur, h.m.env.view().Viewer)
	}
}
