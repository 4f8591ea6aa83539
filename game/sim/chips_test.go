package sim_test

import (
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// exploiter is a test US that buys the PRC's licences with a one-turn
// tariff cut and then puts the tariff back: it offers the PRC, in turn
// 1, its tariff at 25% for licensing at general for one turn, cuts the
// tariff while a deal with the PRC binds it, and restores 57% when none
// does.
type exploiter struct{ us, prc, proposed int }

func (p *exploiter) Name() string { return "exploiter" }
func (p *exploiter) Idle(phase game.Phase, _ int) bool {
	return phase != game.Negotiation && phase != game.Orders
}

func (p *exploiter) Act(v *game.View) []game.Command {
	switch v.Phase {
	case game.Negotiation:
		if v.Turn != 1 || p.proposed == 1 {
			return nil
		}
		p.proposed = 1
		return []game.Command{{Kind: game.CmdPropose, Seat: "us", Proposal: &game.Proposal{
			Title: "licences for a tariff cut", Parties: []string{"prc"}, Duration: 1,
			Clauses: []game.ClauseSpec{
				{Actor: "us", Lever: "tariff", Bound: game.AtMost, Target: "prc", Level: "25"},
				{Actor: "prc", Lever: "licensing", Bound: game.AtMost, Target: "us", Level: "general"},
			},
		}}, {Kind: game.CmdReady, Seat: "us"}}
	case game.Orders:
		level := "57"
		for _, d := range v.Deals {
			if d.Binds(v.Turn) && d.Party(p.prc) {
				level = "25"
			}
		}
		return []game.Command{{Kind: game.CmdSubmit, Seat: "us", Orders: []game.Order{{Lever: "tariff", Towards: "prc", Level: level}}}}
	}
	return nil
}

// A hard AI does not give away what it can bargain with. A US that
// bought the PRC's licences with a one-turn tariff cut and then put the
// tariff back finds, from the turn after, the PRC's licences to it
// tightened again, while the PRC at normal (which has no such rule) is
// free to leave them open. Over ten seeds of rare-earth-card, the other
// seats opportunists at normal.
func TestHardHoldsItsBargainingChips(t *testing.T) {
	if testing.Short() {
		t.Skip("plays ten games with a seat at hard; run without -short")
	}
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	op, err := content.GetPersonality("opportunist")
	if err != nil {
		t.Fatal(err)
	}
	us, _ := sc.SeatIndex("us")
	prc, _ := sc.SeatIndex("prc")
	ps := sc.Public()
	tariff, _ := ps.LeverIndex("tariff")
	licensing, _ := ps.LeverIndex("licensing")
	level := func(l int, id string) int {
		for i, x := range ps.Levers[l].Levels {
			if x.ID == id {
				return i
			}
		}
		t.Fatalf("no level %s of %s", id, ps.Levers[l].ID)
		return 0
	}
	general, cut := level(licensing, "general"), level(tariff, "25")
	bought := 0
	for seed := uint64(1); seed <= 10; seed++ {
		players := make([]ai.Player, len(sc.Seats))
		for i := range players {
			players[i] = ai.NewScripted(ps, i, op, ai.Normal, seed, "opportunist@normal")
		}
		hard := ai.NewScripted(ps, prc, op, ai.Hard, seed, "opportunist@hard").(*ai.Scripted)
		players[prc] = hard
		players[us] = &exploiter{us: us, prc: prc}
		var states []game.State
		var reasons []string // the PRC's reasons, turn by turn
		_, err := sim.PlayWatching(sc, seed, players, 5, func(st *game.State) {
			states = append(states, *st)
			reasons = append(reasons, hard.Reasons()...)
		})
		if err != nil {
			t.Fatal(err)
		}
		paid := false
		for _, d := range states[0].Deals {
			paid = paid || d.Proposer == us && d.Start == 1
		}
		if !paid {
			continue
		}
		bought++
		said := false
		for _, r := range reasons {
			said = said || strings.HasPrefix(r, "We hold ") && strings.Contains(r, "on US at") && strings.Contains(r, "price of a deal")
		}
		if !said {
			t.Errorf("seed %d: the PRC held its licences back without saying why; its reasons: %q", seed, reasons)
		}
		for _, st := range states {
			if st.Turn < 3 {
				continue // turn 2: the US puts its tariff back as the PRC decides
			}
			if int(st.Seats[us].Policy[tariff][prc]) <= cut { // a deal cut the tariff again
				continue
			}
			if lv := int(st.Seats[prc].Policy[licensing][us]); lv <= general {
				t.Errorf("seed %d turn %d: the US tariff on the PRC is back up, and the PRC's licences to the US are still %s",
					seed, st.Turn, ps.Levers[licensing].Levels[lv].ID)
			}
		}
	}
	if bought < 5 {
		t.Fatalf("the PRC sold its licences for a one-turn cut in only %d of 10 games: the test checks too little", bought)
	}
}

// binder is a test Japan that offers the PRC, in turn 1, to lift its
// chip controls on it for the whole game if the PRC keeps its licences
// to the US at general or more open, and keeps its side.
type binder struct{ japan, proposed int }

func (p *binder) Name() string { return "binder" }
func (p *binder) Idle(phase game.Phase, _ int) bool {
	return phase != game.Negotiation && phase != game.Orders
}

func (p *binder) Act(v *game.View) []game.Command {
	switch v.Phase {
	case game.Negotiation:
		if v.Turn != 1 || p.proposed == 1 {
			return nil
		}
		p.proposed = 1
		return []game.Command{{Kind: game.CmdPropose, Seat: "japan", Proposal: &game.Proposal{
			Title: "chips for licences to the US", Parties: []string{"prc"}, Duration: 12,
			Clauses: []game.ClauseSpec{
				{Actor: "japan", Lever: "chips", Bound: game.AtMost, Target: "prc", Level: "none"},
				{Actor: "prc", Lever: "licensing", Bound: game.AtMost, Target: "us", Level: "general"},
			},
		}}}
	case game.Orders:
		return []game.Command{{Kind: game.CmdSubmit, Seat: "japan", Orders: []game.Order{{Lever: "chips", Towards: "prc", Level: "none"}}}}
	}
	return nil
}

// A bargaining chip is not held back against a deal with a third seat:
// when the PRC has promised Japan to keep its licences to the US open,
// it keeps them open although the US, which did not pay for them, keeps
// its tariff up.
func TestHardHoldsNoChipAThirdSeatPaidFor(t *testing.T) {
	if testing.Short() {
		t.Skip("plays ten games with a seat at hard; run without -short")
	}
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	op, err := content.GetPersonality("opportunist")
	if err != nil {
		t.Fatal(err)
	}
	ps := sc.Public()
	us, _ := sc.SeatIndex("us")
	prc, _ := sc.SeatIndex("prc")
	japan, _ := sc.SeatIndex("japan")
	licensing, _ := ps.LeverIndex("licensing")
	bound := 0
	for seed := uint64(1); seed <= 10; seed++ {
		players := make([]ai.Player, len(sc.Seats))
		for i := range players {
			players[i] = ai.NewScripted(ps, i, op, ai.Normal, seed, "opportunist@normal")
		}
		players[prc] = ai.NewScripted(ps, prc, op, ai.Hard, seed, "opportunist@hard")
		players[us] = &exploiter{us: us, prc: prc, proposed: 1} // no offer: the tariff stays up
		players[japan] = &binder{japan: japan}
		var states []game.State
		if _, err := sim.PlayWatching(sc, seed, players, 6, func(st *game.State) { states = append(states, *st) }); err != nil {
			t.Fatal(err)
		}
		var deal *game.Deal
		for i := range states[0].Deals {
			if d := &states[0].Deals[i]; d.Proposer == japan && d.Start == 1 {
				deal = d
			}
		}
		if deal == nil {
			continue
		}
		bound++
		for _, st := range states {
			for i := range st.Deals {
				if d := &st.Deals[i]; d.ID == deal.ID && d.Breachers.Has(prc) {
					t.Errorf("seed %d turn %d: the PRC broke its deal with Japan", seed, st.Turn)
				}
			}
			if lv := st.Seats[prc].Policy[licensing][us]; int(lv) > deal.Clauses[1].Level {
				t.Errorf("seed %d turn %d: the PRC's licences to the US are %s, against its deal with Japan",
					seed, st.Turn, ps.Levers[licensing].Levels[lv].ID)
			}
		}
	}
	if bound < 3 {
		t.Fatalf("the PRC took Japan's deal in only %d of 10 games: the test checks too little", bound)
	}
}
