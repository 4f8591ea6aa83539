package ai_test

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

var levels = []ai.Difficulty{ai.Easy, ai.Normal, ai.Hard}

// mixed plays one game of rare-earth-card with a different personality
// on each seat, at the given level.
func mixedPlayers(t testing.TB, sc *game.Scenario, seed uint64, d ai.Difficulty, offset int) []ai.Player {
	names := content.PersonalityNames()
	players := make([]ai.Player, len(sc.Seats))
	for i := range players {
		n := names[(i+offset)%len(names)]
		players[i] = ai.NewScripted(sc.Public(), i, personality(t, n), d, seed, n)
	}
	return players
}

// stateAt plays rare-earth-card with mixed personalities to the given
// phase of the given turn and returns that state.
func stateAt(t testing.TB, sc *game.Scenario, seed uint64, turn int, phase game.Phase) game.State {
	t.Helper()
	var at game.State
	_, err := sim.PlayWatching(sc, seed, mixedPlayers(t, sc, seed, ai.Easy, 0), turn-1, func(st *game.State) { at = *st })
	if err != nil {
		t.Fatal(err)
	}
	if turn == 1 {
		if at, err = game.NewGame(sc, seed); err != nil {
			t.Fatal(err)
		}
		at = apply(t, at, game.Command{Kind: game.CmdStart, Seat: game.FacilitatorID})
	} else {
		at = apply(t, at, game.Command{Kind: game.CmdAdvance, Seat: game.FacilitatorID}) // report -> events
	}
	for at.Phase != phase {
		at = apply(t, at, game.Command{Kind: game.CmdAdvance, Seat: game.FacilitatorID})
	}
	return at
}

func apply(t testing.TB, st game.State, c game.Command) game.State {
	t.Helper()
	next, _, err := game.Apply(st, c)
	if err != nil {
		t.Fatalf("%s by %s: %v", c.Kind, c.Seat, err)
	}
	return next
}

// hide changes everything seat me may not see: other seats' secret
// objectives, their unresolved orders, a secret deal between two other
// seats, and a private message between them.
func hide(st game.State, me int) game.State {
	st.Seats = slices.Clone(st.Seats)
	var a, b = -1, -1
	for j := range st.Seats {
		if j == me {
			continue
		}
		if a < 0 {
			a = j
		} else if b < 0 {
			b = j
		}
		s := &st.Seats[j]
		s.Secret[0] = (s.Secret[0] + 1) % 3
		for l := range s.Orders {
			for k := range s.Orders[l] {
				s.Orders[l][k] = 0
			}
		}
	}
	st.Deals = append(slices.Clip(st.Deals), game.Deal{
		ID: 999, Title: "secret pact", Proposer: a, Parties: game.SeatSet(0).With(a).With(b),
		Clauses:  []game.Clause{{Bound: game.AtMost, Actor: a, Target: me, Slot: me, Lever: 0, Level: 0}},
		Duration: 3, Visibility: game.Secret, Status: game.InForce, Start: st.Turn, End: st.Turn + 2,
	})
	st.Messages = append(slices.Clip(st.Messages), game.Message{From: a, To: game.SeatSet(0).With(b), Turn: st.Turn, Text: "we will betray them"})
	return st
}

// An AI decides from its seat's view alone: given two states that differ
// only in what its seat may not see, every personality at every level
// gives the same commands for the same reasons.
func TestDecisionsIgnoreHiddenInformation(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	for _, phase := range []game.Phase{game.Negotiation, game.Orders} {
		for _, turn := range []int{1, 4} {
			st := stateAt(t, sc, 7, turn, phase)
			for me := range sc.Seats {
				other := hide(st, me)
				if reflect.DeepEqual(game.ViewFor(st, (me+1)%len(sc.Seats)), game.ViewFor(other, (me+1)%len(sc.Seats))) {
					t.Fatal("the hidden change is invisible to every seat: the test proves nothing")
				}
				for _, name := range content.PersonalityNames() {
					for _, d := range levels {
						p1 := ai.NewScripted(sc.Public(), me, personality(t, name), d, 7, name)
						p2 := ai.NewScripted(sc.Public(), me, personality(t, name), d, 7, name)
						v1, v2 := game.ViewFor(st, me), game.ViewFor(other, me)
						c1, c2 := p1.Act(&v1), p2.Act(&v2)
						if !reflect.DeepEqual(c1, c2) {
							t.Errorf("%s %s as %s, %s of turn %d: decides\n%+v\nwith hidden changes, not\n%+v", name, d, sc.Seats[me].ID, phase, turn, c2, c1)
						}
						r1, r2 := p1.(ai.Explainer).Reasons(), p2.(ai.Explainer).Reasons()
						if !slices.Equal(r1, r2) || len(r1) != len(c1) {
							t.Errorf("%s %s: reasons %q and %q for %d commands", name, d, r1, r2, len(c1))
						}
					}
				}
			}
		}
	}
}

// The same seed gives the same game, command for command, for every
// personality (random and generous-tit-for-tat included); another seed
// moves the randomized ones.
func TestDecisionsAreDeterministic(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	for _, d := range levels {
		for offset := range 3 {
			play := func(seed uint64) game.Log {
				g, err := sim.Play(sc, seed, mixedPlayers(t, sc, seed, d, offset), 0)
				if err != nil {
					t.Fatal(err)
				}
				return g.Log
			}
			a, b := play(3), play(3)
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s, offset %d: two games with seed 3 differ", d, offset)
			}
		}
	}
	pd := scenario(t, "prisoners-dilemma")
	moves := func(seed uint64) []float64 { return match(t, pd, seed, ai.Easy, "random", "generous-tit-for-tat") }
	if !slices.Equal(moves(5), moves(5)) {
		t.Error("random against generous-tit-for-tat differs between two games with seed 5")
	}
	if slices.Equal(moves(5), moves(6)) && slices.Equal(moves(5), moves(7)) {
		t.Error("random plays the same whatever the seed")
	}
}

// Driven by nothing but their own commands (no facilitator closing a
// phase), the AIs play every game to its end: every command they give,
// answers to proposals included, is legal, and no phase waits for them.
func TestAIsPlayLegallyAndNeverStall(t *testing.T) {
	for _, id := range []string{"rare-earth-card", "tutorial", "embargo-2010", "prisoners-dilemma"} {
		sc := scenario(t, id)
		for _, d := range levels {
			answers := 0
			for offset := range 4 {
				if id == "prisoners-dilemma" && offset > 1 {
					continue
				}
				t.Run(fmt.Sprintf("%s-%s-%d", id, d, offset), func(t *testing.T) {
					seed := uint64(11 + offset)
					players := mixedPlayers(t, sc, seed, d, offset)
					st, err := game.NewGame(sc, seed)
					if err != nil {
						t.Fatal(err)
					}
					st = apply(t, st, game.Command{Kind: game.CmdStart, Seat: game.FacilitatorID})
					for steps := 0; st.Phase != game.GameOver; steps++ {
						if steps > 20*sc.Turns {
							t.Fatalf("stalled in %s of turn %d", st.Phase, st.Turn)
						}
						for i, p := range players {
							v := game.ViewFor(st, i)
							for _, c := range p.Act(&v) {
								if c.Kind == game.CmdRespond {
									answers++
								}
								st = apply(t, st, c)
							}
						}
					}
				})
			}
			if id == "rare-earth-card" && answers == 0 {
				t.Errorf("%s: no proposal was ever answered: the test checks no answers", d)
			}
		}
	}
}
