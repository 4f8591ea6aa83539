package sim_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// withoutSettlement is rare-earth-card with its end condition taken out:
// the same game, in which no deal ends it early.
func withoutSettlement(t *testing.T) *game.Scenario {
	t.Helper()
	src, err := content.ScenarioSource("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(src, []byte("\nend:\n  settlement:\n"))
	if i < 0 {
		t.Fatal("rare-earth-card has no settlement block to take out")
	}
	j := bytes.Index(src[i+1:], []byte("\n\n"))
	cut := append(append([]byte{}, src[:i+1]...), src[i+1+j+2:]...)
	sc, err := content.Load("rare-earth-card-no-settlement.yaml", cut)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Public().Settlement.Parties != 0 {
		t.Fatal("the settlement is still there")
	}
	return sc
}

// settler is a test seat for the US that offers the PRC, every turn, a
// settlement generous to it (no US tariff, chip or software controls on
// the PRC, for the PRC's licensing towards the US at least general) and
// keeps its side while one is in force. Whether the game ends is the
// PRC's choice.
type settler struct {
	proposed int
	// accepted and rejected count the offers the PRC answered.
	accepted, rejected map[int]bool
}

func (p *settler) Name() string { return "settler" }
func (p *settler) Idle(phase game.Phase, _ int) bool {
	return phase != game.Negotiation && phase != game.Orders
}

func (p *settler) Act(v *game.View) []game.Command {
	for _, d := range v.Deals {
		switch d.Status {
		case game.InForce:
			p.accepted[d.ID] = true
		case game.Rejected:
			p.rejected[d.ID] = true
		}
	}
	switch v.Phase {
	case game.Negotiation:
		if p.proposed == v.Turn {
			return nil
		}
		p.proposed = v.Turn
		return []game.Command{{Kind: game.CmdPropose, Seat: "us", Proposal: &game.Proposal{
			Title: "settlement", Parties: []string{"prc"}, Duration: v.Scenario.Turns - v.Turn + 1,
			Clauses: []game.ClauseSpec{
				{Actor: "us", Lever: "tariff", Target: "prc", Bound: game.AtMost, Level: "0"},
				{Actor: "us", Lever: "chips", Target: "prc", Bound: game.AtMost, Level: "none"},
				{Actor: "us", Lever: "software", Target: "prc", Bound: game.AtMost, Level: "none"},
				{Actor: "prc", Lever: "licensing", Target: "us", Bound: game.AtMost, Level: "general"},
			},
		}}}
	case game.Orders:
		for _, d := range v.Deals {
			if d.Binds(v.Turn) {
				return []game.Command{{Kind: game.CmdSubmit, Seat: "us", Orders: []game.Order{
					{Lever: "tariff", Towards: "prc", Level: "0"},
					{Lever: "chips", Towards: "prc", Level: "none"},
					{Lever: "software", Towards: "prc", Level: "none"},
				}}}
			}
		}
		return []game.Command{{Kind: game.CmdSubmit, Seat: "us"}}
	}
	return nil
}

// A settlement ends the game and freezes the scores, so an AI settles
// only when that is worth more than playing on. The US offers the PRC a
// settlement every turn; every other seat is an AI. Over many seeds, in
// the games the PRC ended by accepting, it scores on average at least
// what it scores in the same games (same seeds, same players) when the
// scenario forbids settlement, where the same offer is a deal like any
// other and the game plays on. The PRC is offered a settlement every
// turn; an AI that took one too early, or never weighed them, fails.
func TestAIsSettleOnlyWhenItPays(t *testing.T) {
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	open := withoutSettlement(t)
	games, levels := 120, []ai.Difficulty{ai.Easy, ai.Normal}
	if testing.Short() {
		games, levels = 8, []ai.Difficulty{ai.Normal}
	}
	total, answered, accepted := 0, 0, 0
	for _, name := range []string{"opportunist", "dove", "hawk"} {
		p, err := content.GetPersonality(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range levels {
			settled := 0
			var with, without float64
			for seed := range uint64(games) {
				play := func(sc *game.Scenario) *sim.Game {
					players := make([]ai.Player, len(sc.Seats))
					for i := range players {
						players[i] = ai.NewScripted(sc.Public(), i, p, d, seed, name)
					}
					us := &settler{accepted: map[int]bool{}, rejected: map[int]bool{}}
					players[0] = us
					g, err := sim.Play(sc, seed, players, 0)
					if err != nil {
						t.Fatal(err)
					}
					answered += len(us.accepted) + len(us.rejected)
					accepted += len(us.accepted)
					return g
				}
				g := play(sc)
				if !strings.Contains(g.State.Ended, "settlement") {
					continue
				}
				settled++
				h := play(open)
				with += g.State.Seats[1].Ind[game.Score]
				without += h.State.Seats[1].Ind[game.Score]
			}
			total += settled
			t.Logf("%s %s: %d settlements in %d games; PRC %.1f against %.1f", name, d, settled, games, with, without)
			if with < without {
				t.Errorf("%s %s: in the %d settled games the PRC scores %s settling and %s playing on", name, d, settled,
					fmt.Sprintf("%.1f", with/float64(settled)), fmt.Sprintf("%.1f", without/float64(settled)))
			}
		}
	}
	// Settling early rarely pays, so few games end early; the PRC must
	// still have weighed the offers, taking some (at the last turn a
	// settlement costs nothing) and refusing others.
	t.Logf("%d games ended early; the PRC accepted %d of the %d offers it answered", total, accepted, answered)
	if accepted == 0 || accepted == answered {
		t.Errorf("the PRC accepted %d of %d settlement offers: the test checks nothing", accepted, answered)
	}
}
