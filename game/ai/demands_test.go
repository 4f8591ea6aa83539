package ai_test

import (
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// proposing are the shipped personalities that make proposals of their
// own (the classic strategies only answer, as their published rules do).
var proposing = []string{"hawk", "dove", "opportunist", "free-rider"}

// presser is a seat played the way a person escalating by hand plays it:
// from turn 1 it sets the given levers towards one seat and keeps them,
// and it answers no proposal.
type presser struct {
	me  int
	to  string
	set [][2]string // lever, level
}

func (p *presser) Name() string                      { return "presser" }
func (p *presser) Idle(phase game.Phase, _ int) bool { return phase != game.Orders }
func (p *presser) Act(v *game.View) []game.Command {
	if v.Phase != game.Orders || v.Seats[p.me].Submitted {
		return nil
	}
	var os []game.Order
	for _, s := range p.set {
		os = append(os, game.Order{Lever: s[0], Towards: p.to, Level: s[1]})
	}
	return []game.Command{{Kind: game.CmdSubmit, Seat: v.Scenario.Seats[p.me].ID, Orders: os}}
}

// demandOf reports whether deal d, proposed by seat from, asks seat of
// to lower a lever it aims at from below the level it stood at: a
// demand, the answer to coercion.
func demandOf(st *game.State, d *game.Deal, from, of int) bool {
	if d.Proposer != from || !d.Party(of) || d.Note == "" {
		return false
	}
	for _, c := range d.Clauses {
		if c.Actor == of && c.Target == from && c.Bound == game.AtMost && int(st.Seats[of].Policy[c.Lever][c.Slot]) > c.Level {
			return true
		}
	}
	return false
}

// Coercion is answered with demands by every personality that proposes:
// the US, played as a person escalating by hand, puts total chip
// controls, broad software controls and full financial sanctions on the
// PRC from turn 1; whatever the PRC's personality and level, it proposes
// to the US, by turn 3 (a turn after it sees the escalation), a deal that
// asks the US to step back from the pressure, in a note that says so.
func TestCoercedAIsStateDemands(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	us, _ := sc.SeatIndex("us")
	prc, _ := sc.SeatIndex("prc")
	seeds := uint64(4)
	if testing.Short() {
		seeds = 2
	}
	for _, name := range proposing {
		for _, d := range levels {
			for seed := range seeds {
				players := sameAI(t, sc, name, d, seed)
				players[us] = &presser{me: us, to: "prc", set: [][2]string{{"chips", "total"}, {"software", "broad"}, {"finance", "full"}}}
				var first int
				var note string
				_, err := sim.PlayWatching(sc, seed, players, 3, func(st *game.State) {
					for i := range st.Deals {
						if dl := &st.Deals[i]; first == 0 && dl.Proposed >= 2 && demandOf(st, dl, prc, us) {
							first, note = dl.Proposed, dl.Note
						}
					}
				})
				if err != nil {
					t.Fatal(err)
				}
				if first == 0 {
					t.Errorf("%s@%s seed %d: the PRC made no demand of the US by turn 3", name, d, seed)
				} else if seed == 0 {
					t.Logf("%s@%s: turn %d: %s", name, d, first, note)
				}
			}
		}
	}
}

// A seat whose supply is denied proposes to the denier: with the PRC
// denying licences to the US, the EU and Japan from turn 1 (the embargo
// playbook), each of the three, whatever its personality and level,
// proposes to the PRC by turn 3 a deal that asks it to lift the denial.
func TestDeniedSeatsProposeToTheDenier(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	prc, _ := sc.SeatIndex("prc")
	pb, err := content.GetPlaybook("embargo")
	if err != nil {
		t.Fatal(err)
	}
	mk, err := pb.Player(sc, "prc", "embargo")
	if err != nil {
		t.Fatal(err)
	}
	lic, _ := sc.LeverIndex("licensing")
	seeds := uint64(3)
	if testing.Short() {
		seeds = 1
	}
	for _, name := range proposing {
		for _, d := range levels {
			for seed := range seeds {
				players := sameAI(t, sc, name, d, seed)
				players[prc] = mk()
				asked := map[int]int{}
				_, err := sim.PlayWatching(sc, seed, players, 3, func(st *game.State) {
					for i := range st.Deals {
						dl := &st.Deals[i]
						if dl.Proposed < 2 || !dl.Party(prc) || asked[dl.Proposer] != 0 {
							continue
						}
						for _, c := range dl.Clauses {
							if c.Actor == prc && c.Lever == lic && c.Target == dl.Proposer && c.Bound == game.AtMost {
								asked[dl.Proposer] = dl.Proposed
							}
						}
					}
				})
				if err != nil {
					t.Fatal(err)
				}
				for _, id := range []string{"us", "eu", "japan"} {
					j, _ := sc.SeatIndex(id)
					if asked[j] == 0 {
						t.Errorf("%s@%s seed %d: %s, denied, asked the PRC for nothing by turn 3", name, d, seed, id)
					}
				}
			}
		}
	}
}
