package ai_test

import (
	"slices"
	"testing"
	"time"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
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

// A reply to a message: the first decision of a negotiation (learning
// from the view, answering, proposing) with and without a message from
// the US to answer, by a fresh player each time, so that the message is
// always unread. The difference is what reading and answering cost.
func BenchmarkReply(b *testing.B) {
	sc := scenario(b, "rare-earth-card")
	quiet := stateAt(b, sc, 3, 3, game.Negotiation)
	asked := apply(b, quiet, game.Command{Kind: game.CmdMessage, Seat: "us", To: []string{"prc"},
		Text: "Lift the denial on Japan and we drop the chip controls; otherwise we raise our tariff on you."})
	prc, _ := sc.SeatIndex("prc")
	op := personality(b, "opportunist")
	for _, d := range levels {
		for _, c := range []struct {
			what string
			st   game.State
		}{{"first", quiet}, {"reply", asked}} {
			b.Run(c.what+"/"+d.String(), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					p := ai.NewScripted(sc.Public(), prc, op, d, 3, "opportunist")
					v := game.ViewFor(c.st, prc)
					p.Act(&v)
				}
			})
		}
	}
}

// timed is a player whose every decision (each call of Act) is timed.
type timed struct {
	ai.Player
	took *[]time.Duration
}

func (p timed) Act(v *game.View) []game.Command {
	t0 := time.Now()
	out := p.Player.Act(v)
	*p.took = append(*p.took, time.Since(t0))
	return out
}

// Listens passes on the player's answering of messages, so that the
// driver asks it as it asks a scripted player.
func (p timed) Listens() {}

// The distribution of a hard player's decision times over whole games:
// every seat of rare-earth-card is opportunist@hard, and every decision
// of every seat (orders, answers, proposals, readiness) is one sample.
// It reports the median and the 99th percentile as p50-ms and p99-ms;
// the budget (README) is a 99th percentile under 250 ms. Run with
// -bench HardDecisionTimes -benchtime 3x to play three games.
func BenchmarkHardDecisionTimes(b *testing.B) {
	sc := scenario(b, "rare-earth-card")
	op := personality(b, "opportunist")
	var took []time.Duration
	seed := uint64(1)
	for b.Loop() {
		players := make([]ai.Player, len(sc.Seats))
		for i := range players {
			players[i] = timed{ai.NewScripted(sc.Public(), i, op, ai.Hard, seed, "opportunist@hard"), &took}
		}
		if _, err := sim.Play(sc, seed, players, 0); err != nil {
			b.Fatal(err)
		}
		seed++
	}
	slices.Sort(took)
	at := func(q float64) float64 {
		return float64(took[min(len(took)-1, int(q*float64(len(took))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.5), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(float64(len(took))/float64(b.N), "decisions/game")
}
