package sim_test

import (
	"runtime"
	"sync"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// The stylized facts of docs/facts.md that need AI seats: 7 (breaches cost
// acceptance) and 8 (balance). Like the others, a failure is a model,
// scenario or AI bug, not a test to loosen.

// promiser is a scripted test seat that, each turn, offers two AI seats
// in turn a one-turn promise not to raise its tariff on them, and keeps
// its promises, or, while breaching, raises the tariff on every seat it
// has just promised not to.
type promiser struct {
	me          int
	id          string
	tariff      int
	breachUntil int // breaks every deal of turns 1 to breachUntil
	proposed    int
}

func (p *promiser) Name() string { return "promiser" }
func (p *promiser) Idle(phase game.Phase, _ int) bool {
	return phase != game.Negotiation && phase != game.Orders
}

func (p *promiser) Act(v *game.View) []game.Command {
	sc := v.Scenario
	tariff := &sc.Levers[p.tariff]
	switch v.Phase {
	case game.Negotiation:
		if p.proposed == v.Turn {
			return nil
		}
		p.proposed = v.Turn
		var out []game.Command
		for k := range 2 {
			j := 1 + (2*v.Turn+k)%(len(v.Seats)-1)
			if j == p.me {
				continue
			}
			lv := v.Seats[p.me].Policy[p.tariff][j]
			out = append(out, game.Command{Kind: game.CmdPropose, Seat: p.id, Proposal: &game.Proposal{
				Title: "no new tariffs", Parties: []string{v.Seats[j].ID}, Duration: 1,
				Clauses: []game.ClauseSpec{{Lever: "tariff", Bound: game.AtMost, Actor: p.id, Target: v.Seats[j].ID, Level: tariff.Levels[lv].ID}},
			}})
		}
		return out
	case game.Orders:
		var orders []game.Order
		if v.Turn <= p.breachUntil {
			for _, d := range v.Deals {
				if d.Binds(v.Turn) && d.Party(p.me) {
					for _, c := range d.Clauses {
						if c.Actor == p.me {
							orders = append(orders, game.Order{Lever: tariff.ID, Towards: v.Seats[c.Target].ID,
								Level: tariff.Levels[min(c.Level+3, len(tariff.Levels)-1)].ID})
						}
					}
				}
			}
		}
		return []game.Command{{Kind: game.CmdSubmit, Seat: p.id, Orders: orders}}
	}
	return nil
}

// F7: a seat that breaches deals gets fewer proposals accepted by AI
// seats afterwards than one that keeps them. The US promises; every other
// seat is an opportunist at normal. One US breaks its first four turns'
// promises, the other keeps them; from turn 6 on, count the promises the
// AI seats accept from each, over 50 seeds.
func TestFact7BreachersGetFewerDealsAccepted(t *testing.T) {
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	op, err := content.GetPersonality("opportunist")
	if err != nil {
		t.Fatal(err)
	}
	us, _ := sc.SeatIndex("us")
	tariff, _ := sc.LeverIndex("tariff")
	accepted := func(breachUntil int) (int, int) {
		var mu sync.Mutex
		total, offered := 0, 0
		var wg sync.WaitGroup
		seeds := make(chan uint64)
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for seed := range seeds {
					players := make([]ai.Player, len(sc.Seats))
					for i := range players {
						players[i] = ai.NewScripted(sc.Public(), i, op, ai.Normal, seed, "opportunist")
					}
					players[us] = &promiser{me: us, id: "us", tariff: tariff, breachUntil: breachUntil}
					n, o := 0, 0
					_, err := sim.PlayWatching(sc, seed, players, 0, func(st *game.State) {
						if st.Turn < 6 {
							return
						}
						for _, d := range st.Deals {
							if d.Proposer == us && d.Proposed == st.Turn {
								o++
								if d.Status != game.Rejected && d.Status != game.Lapsed {
									n++
								}
							}
						}
					})
					if err != nil {
						t.Error(err)
					}
					mu.Lock()
					total, offered = total+n, offered+o
					mu.Unlock()
				}
			})
		}
		for seed := uint64(1); seed <= factSeeds; seed++ {
			seeds <- seed
		}
		close(seeds)
		wg.Wait()
		return total, offered
	}
	kept, keptOffered := accepted(0)
	broke, brokeOffered := accepted(4)
	t.Logf("from turn 6: the keeper had %d of %d promises accepted, the breacher %d of %d", kept, keptOffered, broke, brokeOffered)
	if keptOffered == 0 || brokeOffered == 0 || kept == 0 {
		t.Fatal("no promise was offered or accepted: the test measures nothing")
	}
	if broke >= kept {
		t.Fatalf("the breacher had %d promises accepted from turn 6, the keeper %d: want fewer for the breacher", broke, kept)
	}
}

// F8: no seat is a sure loser. With every seat played by the same
// personality (the opportunist) at normal, each seat of rare-earth-card
// wins between 5% and 35% of 500 games. Under -short the same check runs
// on 100 games, with the band widened to 2%-45% for the smaller sample:
// it still catches a seat that never wins or always does.
func TestFact8NoSeatIsASureLoser(t *testing.T) {
	balance(t, "rare-earth-card")
}

// F8 at easy: the same, with every seat an opportunist at easy, which
// plays by its rules alone, without a forecast. The fact is stated for
// any one personality at any level, and easy is the level a new player
// meets first.
func TestFact8NoSeatIsASureLoserAtEasy(t *testing.T) {
	balanceAt(t, "rare-earth-card", ai.Easy)
}

// balance checks fact 8 on a shipped scenario: every seat opportunist at
// normal, 500 games (100 under -short with the band widened to 2%-45%).
func balance(t *testing.T, id string) { balanceAt(t, id, ai.Normal) }

// balanceAt is balance with every seat an opportunist at level d.
func balanceAt(t *testing.T, id string, d ai.Difficulty) {
	sc, err := content.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	op, err := content.GetPersonality("opportunist")
	if err != nil {
		t.Fatal(err)
	}
	games, lo, hi := 500, 0.05, 0.35
	if testing.Short() {
		games, lo, hi = 100, 0.02, 0.45
	}
	seats := make([]sim.SeatPlayer, len(sc.Seats))
	for i := range seats {
		name := "opportunist@" + d.String()
		mk, err := content.PersonalityPlayer(sc, sc.Seats[i].ID, op, d, name)
		if err != nil {
			t.Fatal(err)
		}
		seats[i] = sim.SeatPlayer{Name: name, Seeded: mk}
	}
	res, err := sim.Run(sim.Config{Scenario: sc, Games: games, Seed: 1, Seats: seats, Workers: runtime.GOMAXPROCS(0)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Refused > 0 {
		t.Errorf("the engine refused %d commands of the AI", res.Refused)
	}
	for _, s := range res.Seats {
		share := s.Wins / float64(games)
		t.Logf("%-10s wins %5.1f%%", s.Seat, 100*share)
		if share < lo || share > hi {
			t.Errorf("%s wins %.1f%% of %d games, want %.0f%% to %.0f%%", s.Seat, 100*share, games, 100*lo, 100*hi)
		}
	}
}
