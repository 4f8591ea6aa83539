package game_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	. "github.com/chokepoint-game/chokepoint/game"
)

// Chat reaches only the seats on its channel: a line from the US to the
// EU is in the US's and the EU's views and the facilitator's, never in
// the PRC's or the projector's, whatever the phase; a line to every seat
// reaches every seat but not the projector.
func TestChatReachesOnlyItsChannel(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 3)
	us, prc, eu := g.seat("us"), g.seat("prc"), g.seat("eu")
	// In the lobby, before the game starts.
	g.do(Command{Kind: CmdChat, Seat: "us", By: "Ada", To: []string{"eu"}, Text: marker + "-lobby"})
	g.toNegotiation()
	g.do(Command{Kind: CmdChat, Seat: "us", To: []string{"eu"}, Text: marker + "-private"})
	g.do(Command{Kind: CmdChat, Seat: "prc", Text: "hello everyone"})
	g.do(Command{Kind: CmdChat, Seat: FacilitatorID, To: []string{"prc"}, Text: "facilitator to the PRC"})
	g.fac(CmdPause)
	g.do(Command{Kind: CmdChat, Seat: "eu", To: []string{"us"}, Text: marker + "-paused"})
	g.fac(CmdResume)
	g.toOrders()
	g.fac(CmdEnd)
	g.do(Command{Kind: CmdChat, Seat: "us", To: []string{"eu"}, Text: marker + "-debrief"})

	sees := func(viewer int) (secret, public, fac bool) {
		b, err := json.Marshal(ViewFor(g.st, viewer))
		if err != nil {
			t.Fatal(err)
		}
		return bytes.Contains(b, []byte(marker)), bytes.Contains(b, []byte("hello everyone")), bytes.Contains(b, []byte("facilitator to the PRC"))
	}
	for _, c := range []struct {
		viewer              int
		secret, public, fac bool
	}{
		{us, true, true, false}, {eu, true, true, false}, {prc, false, true, true},
		{Spectator, false, false, false}, {Facilitator, true, true, true},
	} {
		secret, public, fac := sees(c.viewer)
		if secret != c.secret || public != c.public || fac != c.fac {
			t.Errorf("viewer %d: the US–EU channel %v (want %v), every seat's %v (want %v), the facilitator's line %v (want %v)",
				c.viewer, secret, c.secret, public, c.public, fac, c.fac)
		}
	}
	v := ViewFor(g.st, eu)
	if len(v.Chat) != 5 {
		t.Fatalf("the EU heard %d lines, want 5: %+v", len(v.Chat), v.Chat)
	}
	if l := v.Chat[0]; l.By != "Ada" || l.From != us || l.Turn != 0 || l.To != SeatSet(0).With(eu) {
		t.Errorf("the first line is %+v: want Ada of the US to the EU in the lobby", l)
	}
	if l := ViewFor(g.st, prc).Chat[1]; l.From != Facilitator {
		t.Errorf("the facilitator's line is from %d", l.From)
	}

	// Chat is in the log: a replay of it gives the same game.
	st, err := Replay(g.st.Scenario(), g.log, nil)
	if err != nil {
		t.Fatal(err)
	}
	if Hash(st) != Hash(g.st) {
		t.Error("the replay of a log with chat differs")
	}
}

// The engine refuses a chat line that is empty, too long, on several
// lines, carries control sequences, or names an unknown seat or the
// speaker; each with its typed error and the state untouched.
func TestChatRefusesBadLines(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 3)
	g.toNegotiation()
	for _, c := range []struct {
		name string
		cmd  Command
		want error
	}{
		{"empty", Command{Text: "   "}, ErrBadChat},
		{"too long", Command{Text: strings.Repeat("x", MaxChat+1)}, ErrBadChat},
		{"two lines", Command{Text: "one\ntwo"}, ErrBadChat},
		{"an escape sequence", Command{Text: "red \x1b[31mtext"}, ErrBadChat},
		{"a bell", Command{Text: "ding\a"}, ErrBadChat},
		{"bidi override", Command{Text: "abc\u202edef"}, ErrBadChat},
		{"invalid UTF-8", Command{Text: "a\xffb"}, ErrBadChat},
		{"to yourself", Command{To: []string{"us"}, Text: "hi"}, ErrBadChat},
		{"to nobody known", Command{To: []string{"mars"}, Text: "hi"}, ErrUnknownSeat},
		{"a bad name", Command{By: "x\x1b]0;t\a", Text: "hi"}, ErrBadValue},
	} {
		c.cmd.Kind, c.cmd.Seat = CmdChat, "us"
		before := Hash(g.st)
		_, err := g.try(c.cmd)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
		var ce *CommandError
		if err != nil && !errors.As(err, &ce) {
			t.Errorf("%s: %T is not a CommandError", c.name, err)
		}
		if Hash(g.st) != before {
			t.Errorf("%s: the state changed", c.name)
		}
	}
	g.do(Command{Kind: CmdChat, Seat: "us", Text: strings.Repeat("é", MaxChat)})
	// A seat cannot chat as the facilitator or another seat by naming it.
	if _, err := g.try(Command{Kind: CmdChat, Seat: "spectator", Text: "hi"}); !errors.Is(err, ErrUnknownSeat) {
		t.Errorf("an unknown speaker: %v", err)
	}
}

// Naming every other seat is the all-seats channel; the state keeps the
// latest MaxChatLines lines, and an older state keeps its own.
func TestChatChannelsAndBound(t *testing.T) {
	g := newTestGame(t, mustTiny(t), 3)
	g.toNegotiation()
	g.do(Command{Kind: CmdChat, Seat: "us", To: []string{"eu", "prc"}, Text: "all of you"})
	if to := ViewFor(g.st, g.seat("us")).Chat[0].To; to != 0 {
		t.Errorf("every other seat named: channel %v, want every seat (0)", to)
	}
	first := g.st
	for k := range MaxChatLines + 5 {
		g.do(Command{Kind: CmdChat, Seat: "prc", Text: "line " + strings.Repeat("x", k%7)})
	}
	v := ViewFor(g.st, Facilitator)
	if len(v.Chat) != MaxChatLines {
		t.Errorf("%d lines kept, want %d", len(v.Chat), MaxChatLines)
	}
	if len(ViewFor(first, Facilitator).Chat) != 1 {
		t.Error("a later line changed an earlier state's chat")
	}
}
