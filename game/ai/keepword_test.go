package ai_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// dealer is a test seat that, each turn, offers every other seat a deal
// of two clauses drawn at random: one binding the dealer, one binding
// the other seat on one of its own levers, at a random level and bound.
// It keeps its own clauses. It is the stream of offers, sensible and
// not, a person at the table might make.
type dealer struct {
	me       int
	rng      *rand.Rand
	proposed int
}

func (p *dealer) Name() string { return "dealer" }
func (p *dealer) Idle(phase game.Phase, _ int) bool {
	return phase != game.Negotiation && phase != game.Orders
}

// clause draws a clause for actor on one of the levers it may set.
func (p *dealer) clause(ps *game.PublicScenario, actor int) (game.ClauseSpec, bool) {
	var ls []int
	for l := range ps.Levers {
		if ps.MaySet(actor, l) && len(ps.Levers[l].Bounds) > 0 {
			ls = append(ls, l)
		}
	}
	if len(ls) == 0 {
		return game.ClauseSpec{}, false
	}
	l := ls[p.rng.IntN(len(ls))]
	lv := &ps.Levers[l]
	slots := ps.Slots(actor, l)
	c := game.ClauseSpec{Actor: ps.Seats[actor].ID, Lever: lv.ID, Bound: lv.Bounds[p.rng.IntN(len(lv.Bounds))],
		Level: lv.Levels[p.rng.IntN(len(lv.Levels))].ID}
	if lv.Scope == game.ScopeEach {
		c.Target = ps.Seats[slots[p.rng.IntN(len(slots))]].ID
	}
	return c, true
}

func (p *dealer) Act(v *game.View) []game.Command {
	ps := v.Scenario
	me := ps.Seats[p.me].ID
	switch v.Phase {
	case game.Negotiation:
		if p.proposed == v.Turn {
			return nil
		}
		p.proposed = v.Turn
		var out []game.Command
		for j := range v.Seats {
			if j == p.me {
				continue
			}
			mine, ok1 := p.clause(ps, p.me)
			theirs, ok2 := p.clause(ps, j)
			if !ok1 || !ok2 {
				continue
			}
			out = append(out, game.Command{Kind: game.CmdPropose, Seat: me, Proposal: &game.Proposal{
				Title: "offer", Parties: []string{ps.Seats[j].ID}, Duration: 1 + p.rng.IntN(3),
				Clauses: []game.ClauseSpec{mine, theirs},
			}})
		}
		return out
	case game.Orders:
		pol := v.Seats[p.me].Policy
		for _, d := range v.Deals {
			if d.Binds(v.Turn) {
				for i := range d.Clauses {
					if d.Clauses[i].Actor == p.me {
						d.Clauses[i].Keep(&pol)
					}
				}
			}
		}
		var orders []game.Order
		for l := range ps.Levers {
			for _, slot := range ps.Slots(p.me, l) {
				if !ps.MaySet(p.me, l) || pol[l][slot] == v.Seats[p.me].Policy[l][slot] {
					continue
				}
				o := game.Order{Lever: ps.Levers[l].ID, Level: ps.Levers[l].Levels[pol[l][slot]].ID}
				if ps.Levers[l].Scope == game.ScopeEach {
					o.Towards = ps.Seats[slot].ID
				}
				orders = append(orders, o)
			}
		}
		return []game.Command{{Kind: game.CmdSubmit, Seat: me, Orders: orders}}
	}
	return nil
}

// An AI keeps what it accepts: over many seeds of every scenario, with
// every personality at every level, no AI seat breaches a deal in the
// turn the deal came into force (the turn it accepted or proposed it).
// One seat offers random deals to every other; the others are AIs, all of
// one personality or of every personality mixed.
func TestAIsNeverBreachInTheTurnTheyAccept(t *testing.T) {
	seeds, dealers := 6, 2
	if testing.Short() {
		seeds, dealers = 1, 1
	}
	names := content.PersonalityNames()
	for _, id := range []string{"rare-earth-card", "tutorial", "embargo-2010", "prisoners-dilemma"} {
		sc := scenario(t, id)
		for _, d := range levels {
			inForce := 0
			for pi := -1; pi < len(names); pi++ {
				for seed := range uint64(seeds) {
					seed += 100
					for dealerSeat := range min(len(sc.Seats), dealers) {
						players := make([]ai.Player, len(sc.Seats))
						for i := range players {
							n := names[(i+int(seed))%len(names)]
							if pi >= 0 {
								n = names[pi]
							}
							players[i] = ai.NewScripted(sc.Public(), i, personality(t, n), d, seed, n)
						}
						players[dealerSeat] = &dealer{me: dealerSeat, rng: rand.New(rand.NewPCG(seed, 7))}
						who := "mixed"
						if pi >= 0 {
							who = names[pi]
						}
						_, err := sim.PlayWatching(sc, seed, players, 0, func(st *game.State) {
							for k := range st.Deals {
								dl := &st.Deals[k]
								if dl.Start != st.Turn || dl.Status != game.Broken && dl.Status != game.InForce {
									continue
								}
								inForce++
								for _, b := range dl.Breachers.Seats() {
									if b != dealerSeat {
										t.Errorf("%s %s %s seed %d: %s (%s) breached deal %d %v in turn %d, the turn it came into force",
											id, d, who, seed, sc.Seats[b].ID, players[b].Name(), dl.ID, dl.Clauses, st.Turn)
									}
								}
							}
						})
						if err != nil {
							t.Fatal(err)
						}
					}
				}
			}
			if inForce == 0 {
				t.Errorf("%s %s: no deal ever came into force: the test checks nothing", id, d)
			}
		}
	}
}

// sink is a test seat that offers one AI gifts: deals that bind only
// itself, to keep a coercive lever on the AI at its mildest. It raises
// the lever to its strongest in turn 1, offers a gift of two turns in
// turn 2 and breaks it in turn 3 (breakAt); from then on it offers a gift
// of one turn every turn, keeps every gift the AI accepts, and holds the
// lever just short of coercion (which costs trust every turn) while none
// binds it. It records the turns the AI accepted a gift.
type sink struct {
	me, ai   int
	breakAt  int
	lever    int
	proposed int
	accepted map[int]bool
}

func (p *sink) Name() string { return "sink" }
func (p *sink) Idle(phase game.Phase, _ int) bool {
	return phase != game.Negotiation && phase != game.Orders
}

func (p *sink) Act(v *game.View) []game.Command {
	ps := v.Scenario
	me, them := ps.Seats[p.me].ID, ps.Seats[p.ai].ID
	lv := &ps.Levers[p.lever]
	bound := false
	for _, d := range v.Deals {
		if d.Proposer == p.me && d.Status == game.InForce && d.Start == v.Turn {
			p.accepted[v.Turn] = true
		}
		bound = bound || d.Proposer == p.me && d.Binds(v.Turn)
	}
	switch v.Phase {
	case game.Negotiation:
		if p.proposed == v.Turn || v.Turn == 1 || v.Turn == p.breakAt {
			return nil
		}
		p.proposed = v.Turn
		duration := 1
		if v.Turn == p.breakAt-1 {
			duration = 2
		}
		return []game.Command{{Kind: game.CmdPropose, Seat: me, Proposal: &game.Proposal{
			Title: "gift", Parties: []string{them}, Duration: duration,
			Clauses: []game.ClauseSpec{{Actor: me, Lever: lv.ID, Target: them, Bound: game.AtMost, Level: lv.Levels[0].ID}},
		}}}
	case game.Orders:
		level := lv.Levels[max(lv.Coercive-1, 1)].ID
		switch {
		case v.Turn == 1 || v.Turn == p.breakAt:
			level = lv.Levels[len(lv.Levels)-1].ID
		case bound:
			level = lv.Levels[0].ID
		}
		return []game.Command{{Kind: game.CmdSubmit, Seat: me, Orders: []game.Order{{Lever: lv.ID, Towards: them, Level: level}}}}
	}
	return nil
}

// Memory of a breach lasts: after a seat breaks a deal with it, an AI
// refuses that seat's proposals, even gifts, for as many turns as its
// personality says. (After that, trust and the breach it still holds
// against the seat decide, as for any proposal.)
func TestBreachedAIRefusesTheBreacher(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	ps := sc.Public()
	tariff := -1
	for l := range ps.Levers {
		if ps.Levers[l].ID == "tariff" {
			tariff = l
		}
	}
	us, eu := 0, 2
	const breakAt = 3
	for _, name := range content.PersonalityNames() {
		p := personality(t, name)
		if p.Deals.Answer != ai.AnswerByValue {
			continue // the classic strategies answer by their move: a breach is a defection they answer in kind
		}
		for _, d := range levels {
			t.Run(fmt.Sprintf("%s-%s", name, d), func(t *testing.T) {
				s := &sink{me: us, ai: eu, breakAt: breakAt, lever: tariff, accepted: map[int]bool{}}
				players := make([]ai.Player, len(sc.Seats))
				for i := range players {
					players[i] = ai.Passive{}
				}
				players[us] = s
				players[eu] = ai.NewScripted(ps, eu, p, d, 5, name)
				if _, err := sim.Play(sc, 5, players, 0); err != nil {
					t.Fatal(err)
				}
				if !s.accepted[breakAt-1] {
					t.Fatalf("the gift was not accepted before the breach: the test proves nothing (accepted %v)", s.accepted)
				}
				refuse := p.Trust.Refuse
				if refuse < 1 {
					t.Fatalf("%s forgets a breach at once (trust.refuse %d)", name, refuse)
				}
				for turn := breakAt + 1; turn <= min(breakAt+refuse, sc.Turns); turn++ {
					if s.accepted[turn] {
						t.Errorf("turn %d: accepted the breacher's gift, but %s refuses a breacher for %d turns (breach in turn %d)",
							turn, name, refuse, breakAt)
					}
				}
			})
		}
	}
}
