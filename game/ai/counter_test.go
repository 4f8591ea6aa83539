package ai_test

import (
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// haggler is a seat played by a person who haggles: it turns down every
// proposal an AI makes to it and proposes back the same deal asking a
// level more of the AI (one of the AI's commitments a level tighter, or
// else one of its own a level looser). Each such offer is a near miss: a
// deal the AI proposed itself, and would accept, is one level away. It
// keeps the deals it is bound by.
type haggler struct {
	me    int
	asked map[int]bool
}

const nearMiss = "one level more"

func (p *haggler) Name() string { return "haggler" }
func (p *haggler) Idle(phase game.Phase, _ int) bool {
	return phase != game.Negotiation && phase != game.Orders
}
func (p *haggler) Act(v *game.View) []game.Command {
	if v.Phase == game.Orders {
		// It keeps the deals it is bound by, as the dealer does.
		d := dealer{me: p.me}
		return d.Act(v)
	}
	if v.Phase != game.Negotiation {
		return nil
	}
	ps := v.Scenario
	id := ps.Seats[p.me].ID
	var out []game.Command
	for _, d := range v.Deals {
		if !d.Awaits(p.me) || p.asked[d.ID] {
			continue
		}
		p.asked[d.ID] = true
		out = append(out, game.Command{Kind: game.CmdRespond, Seat: id, Deal: d.ID, Answer: game.Reject})
		if d.CounterOf != 0 || d.Parties.Len() != 2 || ps.Settles(&d) {
			// Haggling over a settlement, which ends the game, is
			// another matter: the AI weighs it to the end.
			continue
		}
		cl := append([]game.Clause(nil), d.Clauses...)
		moved := false
		for _, mine := range []bool{false, true} {
			for i := range cl {
				c := &cl[i]
				if moved || (c.Actor == p.me) != mine {
					continue
				}
				top := len(ps.Levers[c.Lever].Levels) - 1
				// Tighter for the AI, looser for the haggler.
				up := (c.Bound == game.AtLeast) != mine
				if up && c.Level < top {
					c.Level++
					moved = true
				} else if !up && c.Level > 0 {
					c.Level--
					moved = true
				}
			}
		}
		if !moved {
			continue
		}
		pr := &game.Proposal{Title: "haggle", Parties: []string{ps.Seats[d.Proposer].ID}, Duration: d.Duration, Visibility: d.Visibility, Note: nearMiss}
		for _, c := range cl {
			pr.Clauses = append(pr.Clauses, game.SpecOf(ps, c))
		}
		out = append(out, game.Command{Kind: game.CmdPropose, Seat: id, Proposal: pr})
	}
	return out
}

// answerTally counts how AIs of one personality at one level answered
// the haggler's near misses over games of rare-earth-card: accepted,
// countered, rejected.
func answerTally(t *testing.T, name string, d ai.Difficulty, games uint64) (acc, ctr, rej int) {
	t.Helper()
	sc := scenario(t, "rare-earth-card")
	us, _ := sc.SeatIndex("us")
	for seed := range games {
		players := sameAI(t, sc, name, d, seed)
		players[us] = &haggler{me: us, asked: map[int]bool{}}
		seen := map[int]bool{}
		_, err := sim.PlayWatching(sc, seed, players, 8, func(st *game.State) {
			for _, dl := range st.Deals {
				if dl.Proposer != us || dl.Note != nearMiss || seen[dl.ID] {
					continue
				}
				seen[dl.ID] = true
				switch dl.Status {
				case game.InForce, game.Expired, game.Broken:
					acc++
				case game.Countered:
					ctr++
				case game.Rejected:
					rej++
				}
			}
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return acc, ctr, rej
}

// AIs counter rather than only reject: offered a near miss (a level more
// than a deal the AI proposed itself), the AIs that counter (every
// proposing personality) answer most of the near misses they do not
// accept with a counter-proposal, over every level.
func TestAIsCounterRatherThanReject(t *testing.T) {
	games := uint64(8)
	if testing.Short() {
		games = 5
	}
	total := 0
	for _, name := range proposing {
		var ctrs, rejs int
		for _, d := range levels {
			acc, ctr, rej := answerTally(t, name, d, games)
			ctrs, rejs = ctrs+ctr, rejs+rej
			t.Logf("%s@%s: %d accepted, %d countered, %d rejected", name, d, acc, ctr, rej)
		}
		share := float64(ctrs) / float64(max(ctrs+rejs, 1))
		t.Logf("%s: %.0f%% of the near misses turned down were countered", name, 100*share)
		if ctrs+rejs > 0 && share < 0.5 {
			t.Errorf("%s countered %d of %d near misses it did not accept, want at least half", name, ctrs, ctrs+rejs)
		}
		total += ctrs + rejs
	}
	if total == 0 {
		t.Error("no near miss was turned down: the test measured nothing")
	}
}
