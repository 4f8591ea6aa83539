package game_test

import (
	"strconv"
	"testing"

	. "github.com/chokepoint-game/chokepoint/game"
)

// BenchmarkViewForFullChat builds a seat's view of a game whose chat is
// full (MaxChatLines lines, a third to every seat): the table builds one
// per viewer after every command.
func BenchmarkViewForFullChat(b *testing.B) {
	g := newTestGame(b, mustTiny(b), 1)
	g.toNegotiation()
	for k := range MaxChatLines {
		c := Command{Kind: CmdChat, Seat: "us", To: []string{"eu"}, Text: "line " + strconv.Itoa(k)}
		if k%3 == 0 {
			c.To = nil
		}
		g.do(c)
	}
	eu := g.seat("eu")
	b.ReportAllocs()
	for b.Loop() {
		_ = ViewFor(g.st, eu)
	}
}

// BenchmarkApplyChat is one chat line into a full chat.
func BenchmarkApplyChat(b *testing.B) {
	g := newTestGame(b, mustTiny(b), 1)
	g.toNegotiation()
	for range MaxChatLines {
		g.do(Command{Kind: CmdChat, Seat: "us", Text: "filler"})
	}
	c := Command{Kind: CmdChat, Seat: "prc", To: []string{"eu"}, Text: "a word in private"}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Apply(g.st, c); err != nil {
			b.Fatal(err)
		}
	}
}
