package tui

import (
	"context"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/table"
)

// classroom opens a served game's table as a server would: a lobby the
// facilitator starts, the given seats played by people and the rest by
// the default personality, on the harness's clock.
func (h *harness) classroom(scenario string, humans ...string) *table.Table {
	h.t.Helper()
	sc, err := content.Get(scenario)
	if err != nil {
		h.t.Fatal(err)
	}
	return h.classroomOf(sc, humans...)
}

// classroomOf is classroom with a scenario of the test's own.
func (h *harness) classroomOf(sc *game.Scenario, humans ...string) *table.Table {
	h.t.Helper()
	players := make([]ai.Player, len(sc.Seats))
	r := content.NewPlayers(sc)
	for i, s := range sc.Seats {
		human := false
		for _, id := range humans {
			human = human || id == s.ID
		}
		if human {
			continue
		}
		mk, _, err := r.Player(i, DefaultPlayer(), ai.Normal)
		if err != nil {
			h.t.Fatal(err)
		}
		players[i] = mk(uint64(i))
	}
	tb, err := table.Open(table.Config{Scenario: sc, Seed: 1, Players: players, Clock: h.clock, Lobby: true, Facilitated: true})
	if err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(tb.Close)
	h.tb, h.sc = tb, sc
	return tb
}

// join replaces the harness's model with one attached to the table in a
// role, as a server's session would be, and waits for it to settle.
func (h *harness) join(role Role, seat int, name string) {
	h.t.Helper()
	w, ht := h.m.w, h.m.h
	h.m.Close()
	h.m = New(Options{Now: epoch, Clock: h.clock, Role: role, SaveDir: h.t.TempDir(),
		Join: &Join{Table: h.tb, Seat: seat, Name: name, Scenario: h.sc, Seed: 1}})
	h.m.Update(sizeMsg(w, ht))
	h.t.Cleanup(h.m.Close)
	h.m.cur = scrLoading
	h.m.Update(joinCmd(h.m.gen, h.m.opts.Join, role)())
	if h.m.env.sess == nil {
		h.t.Fatalf("could not join: %s", h.m.status)
	}
	h.settle()
}

// console is a classroom of the scenario with the facilitator's console
// at the harness's terminal.
func (h *harness) console(scenario string, humans ...string) {
	h.t.Helper()
	h.classroom(scenario, humans...)
	h.join(RoleFacilitator, 0, "")
}

// projector is a classroom with the projector at the harness's terminal.
func (h *harness) projector(scenario string, humans ...string) {
	h.t.Helper()
	h.classroom(scenario, humans...)
	h.join(RoleProjector, 0, "")
}

// seatDo gives a command as a seat of the harness's table, from outside
// the model (another team's session), and settles.
func (h *harness) seatDo(seat string, c game.Command) {
	h.t.Helper()
	ps := h.sc.Public()
	i, ok := ps.SeatIndex(seat)
	if !ok {
		h.t.Fatalf("no seat %s", seat)
	}
	s, err := h.tb.Join(i)
	if err != nil {
		h.t.Fatal(err)
	}
	defer s.Leave()
	if err := s.Do(context.Background(), c); err != nil {
		h.t.Fatalf("%s by %s: %v", c.Kind, seat, err)
	}
	h.settle()
}

// facDo gives a facilitator's command from outside the model (the
// console of another session), and settles.
func (h *harness) facDo(c game.Command) {
	h.t.Helper()
	s, err := h.tb.Join(game.Facilitator)
	if err != nil {
		h.t.Fatal(err)
	}
	defer s.Leave()
	if err := s.Do(context.Background(), c); err != nil {
		h.t.Fatalf("%s: %v", c.Kind, err)
	}
	h.settle()
}

// typeText types a line, one key a character.
func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		if r == ' ' {
			h.key("space")
			continue
		}
		h.key(string(r))
	}
}

// The classroom's screen states, for the golden files and the help and
// README checks: the console and the projector of a game of the Rare
// Earth Card with people at the US and the EU.
var classroomScreens = []struct {
	name string
	to   func(h *harness)
}{
	{"console-lobby", func(h *harness) { h.console("rare-earth-card", "us", "eu") }},
	{"console-negotiation", func(h *harness) { h.console("rare-earth-card", "us", "eu"); h.key("s") }},
	{"console-clock", func(h *harness) { h.console("rare-earth-card", "us", "eu"); h.key("s", "c") }},
	{"console-paused", func(h *harness) { h.console("rare-earth-card", "us", "eu"); h.key("s", "+", "p") }},
	{"console-inject", func(h *harness) { h.console("rare-earth-card", "us", "eu"); h.key("s", "i") }},
	{"console-inject-custom", func(h *harness) {
		h.console("rare-earth-card", "us", "eu")
		h.key("s", "i", "left", "down")
		h.typeText("Port strike")
		h.key("down")
		h.typeText("us.economy-3, world.price+10")
	}},
	{"console-override", func(h *harness) { h.console("rare-earth-card", "us", "eu"); h.key("s", "down", "o") }},
	{"console-switch", func(h *harness) { h.console("rare-earth-card", "us", "eu"); h.key("s", "a", "down", "right") }},
	{"console-end", func(h *harness) { h.console("rare-earth-card", "us", "eu"); h.key("s", "E") }},
	{"console-end-confirm", func(h *harness) { h.console("rare-earth-card", "us", "eu"); h.key("s", "E", "enter") }},
	{"console-chat", func(h *harness) {
		h.console("rare-earth-card", "us", "eu")
		h.key("s")
		h.seatDo("us", game.Command{Kind: game.CmdChat, By: "Ada", To: []string{"eu"}, Text: "Shall we talk about magnets?"})
		h.seatDo("eu", game.Command{Kind: game.CmdChat, Text: "Good morning, everyone."})
		h.key("C")
		h.typeText("Ten minutes left")
	}},
	{"console-game-over", func(h *harness) { h.console("rare-earth-card", "us", "eu"); h.key("s", "E", "enter", "y") }},
	{"console-projector", func(h *harness) { h.console("rare-earth-card", "us", "eu"); h.key("s", "+", "P") }},
	{"facilitate-lobby", func(h *harness) { h.facilitate() }},
	{"facilitate-to-the-seats", func(h *harness) { h.facilitate(); h.key("s", "g") }},
	{"facilitate-at-a-seat", func(h *harness) { h.facilitate(); h.key("s", "g", "enter", "enter") }},
	{"facilitate-back", func(h *harness) { h.facilitate(); h.key("s", "g", "enter", "enter", "F") }},
	{"seat-chat-heard", func(h *harness) {
		h.classroom("rare-earth-card", "us", "eu")
		h.facDo(game.Command{Kind: game.CmdStart})
		h.join(RoleSeat, 0, "Ada")
		h.key("enter")
		h.seatDo("eu", game.Command{Kind: game.CmdChat, By: "Björn", To: []string{"us"}, Text: "Shall we talk about magnets?"})
	}},
	{"seat-chat", func(h *harness) {
		h.classroom("rare-earth-card", "us", "eu")
		h.facDo(game.Command{Kind: game.CmdStart})
		h.join(RoleSeat, 0, "Ada")
		h.key("enter")
		h.seatDo("eu", game.Command{Kind: game.CmdChat, By: "Björn", To: []string{"us"}, Text: "Shall we talk about magnets?"})
		h.facDo(game.Command{Kind: game.CmdChat, Text: "Ten minutes to the vote."})
		h.key("C")
		h.typeText("Yes, at noon")
	}},
	{"seat-chat-channel", func(h *harness) {
		h.classroom("rare-earth-card", "us", "eu")
		h.facDo(game.Command{Kind: game.CmdStart})
		h.join(RoleSeat, 0, "Ada")
		h.key("enter", "C", "tab", "right", "right", "space", "right", "space")
	}},
	{"projector-dilemma", func(h *harness) {
		h.projector("prisoners-dilemma", "us")
		h.facDo(game.Command{Kind: game.CmdStart})
	}},
	{"projector-lobby", func(h *harness) { h.projector("rare-earth-card", "us", "eu") }},
	{"projector-negotiation", func(h *harness) {
		h.projector("rare-earth-card", "us", "eu")
		h.facDo(game.Command{Kind: game.CmdStart})
		h.facDo(game.Command{Kind: game.CmdSetClock, Value: 330})
	}},
	{"projector-paused", func(h *harness) {
		h.projector("rare-earth-card", "us", "eu")
		h.facDo(game.Command{Kind: game.CmdStart})
		h.facDo(game.Command{Kind: game.CmdSetClock, Value: 45})
		h.facDo(game.Command{Kind: game.CmdPause})
	}},
	{"projector-debrief", func(h *harness) {
		h.projector("rare-earth-card", "us", "eu")
		h.facDo(game.Command{Kind: game.CmdStart})
		h.facDo(game.Command{Kind: game.CmdEnd, Text: "the bell rang"})
	}},
}

func init() { screens = append(screens, classroomScreens...) }

// facilitateSpec is the tutorial facilitated at one terminal, the US
// and the EU played here (hot seat).
func (h *harness) facilitate() {
	h.t.Helper()
	sc, err := content.Get("tutorial")
	if err != nil {
		h.t.Fatal(err)
	}
	seats, err := ParseFacilitatedSeats(sc, []string{"us=human,eu=human"})
	if err != nil {
		h.t.Fatal(err)
	}
	h.m.opts.Role = RoleFacilitator
	h.m.env.role = RoleFacilitator
	h.start(GameSpec{Scenario: sc, Seed: 1, Seats: seats})
}

func mustJoin(t *testing.T, tb *table.Table, viewer int) *table.Seat {
	t.Helper()
	s, err := tb.Join(viewer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Leave)
	return s
}
