package ai_test

import (
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// One decision of a scripted player on the default scenario at each
// difficulty: its orders for a turn, and its answer to a proposal. The
// budgets (README): easy and normal under 5 ms, hard under 250 ms.
func BenchmarkDecision(b *testing.B) {
	sc := scenario(b, "rare-earth-card")
	orders := stateAt(b, sc, 3, 3, game.Orders)
	talks := stateAt(b, sc, 3, 3, game.Negotiation)
	prc, _ := sc.SeatIndex("prc")
	talks = apply(b, talks, game.Command{Kind: game.CmdPropose, Seat: "us", Proposal: &game.Proposal{
		Title: "calm", Parties: []string{"prc"}, Duration: 3,
		Clauses: []game.ClauseSpec{
			{Lever: "tariff", Bound: game.AtMost, Actor: "us", Target: "prc", Level: "25"},
			{Lever: "licensing", Bound: game.AtMost, Actor: "prc", Target: "us", Level: "general"},
		},
	}})
	for _, d := range levels {
		for _, c := range []struct {
			what string
			st   game.State
		}{{"orders", orders}, {"answer", talks}} {
			b.Run(c.what+"/"+d.String(), func(b *testing.B) {
				p := ai.NewScripted(sc.Public(), prc, personality(b, "opportunist"), d, 3, "opportunist")
				v := game.ViewFor(c.st, prc)
				p.Act(&v) // the first call of a turn also learns from the view and proposes
				b.ReportAllocs()
				for b.Loop() {
					v := game.ViewFor(c.st, prc)
					if len(p.Act(&v)) == 0 {
						b.Fatal("no decision")
					}
				}
			})
		}
	}
}
