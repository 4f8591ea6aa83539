package game_test

import (
	"testing"

	. "github.com/chokepoint-game/chokepoint/game"
)

// benchApply measures Apply of typical commands from a mid-game state:
// a proposal, an answer and a submission of orders.
func benchApply(b *testing.B, sc *Scenario, cmds []Command, setup func(g *testGame)) {
	g := newTestGame(b, sc, 1)
	setup(g)
	st := g.st
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := cmds[i%len(cmds)]
		if _, _, err := Apply(st, c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkApplyProposeTiny(b *testing.B) {
	benchApply(b, mustTiny(b), []Command{{Kind: CmdPropose, Seat: "us", Proposal: calm("prc")}}, func(g *testGame) { g.toNegotiation() })
}

func BenchmarkApplySubmitTiny(b *testing.B) {
	benchApply(b, mustTiny(b), []Command{{Kind: CmdSubmit, Seat: "us", Orders: []Order{{Lever: "tariff", Towards: "prc", Level: "100"}}}}, func(g *testGame) { g.toOrders() })
}

func BenchmarkResolveTiny(b *testing.B) {
	g := newTestGame(b, mustTiny(b), 1)
	g.toOrders()
	g.do(Command{Kind: CmdReady, Seat: "us"})
	g.do(Command{Kind: CmdReady, Seat: "prc"})
	st := g.st
	c := Command{Kind: CmdReady, Seat: "eu"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := Apply(st, c); err != nil {
			b.Fatal(err)
		}
	}
}
