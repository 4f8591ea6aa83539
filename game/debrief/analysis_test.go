package debrief_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/debrief"
)

// TestTimelineTellsTheDeal: the proposal with its clause, the answer,
// the deal in force and its breach by the US, each in its turn.
func TestTimelineTellsTheDeal(t *testing.T) {
	in, _ := play(t)
	r := debrief.Analyze(in)
	want := []struct {
		turn       int
		kind, text string
	}{
		{1, debrief.ItemProposed, "US proposes “Open door” to EU (3 turns, public): US tariff on EU at most 10%."},
		{1, debrief.ItemAccepted, "EU accepts “Open door”."},
		{1, debrief.ItemInForce, "“Open door” is in force between US, EU, binding turns 1 to 3."},
		{2, debrief.ItemBreached, "US breaks “Open door”"},
	}
	for _, w := range want {
		found := false
		for _, tl := range r.Timeline {
			for _, it := range tl.Items {
				if tl.Turn == w.turn && it.Kind == w.kind && strings.HasPrefix(it.Text, w.text) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("no %s item %q in turn %d:\n%+v", w.kind, w.text, w.turn, r.Timeline)
		}
	}
	for k := 1; k < len(r.Timeline); k++ {
		if r.Timeline[k].Turn <= r.Timeline[k-1].Turn {
			t.Errorf("timeline turns out of order: %d after %d", r.Timeline[k].Turn, r.Timeline[k-1].Turn)
		}
	}
}

// TestFingerprintOfABreach: the US broke its deal with the EU in turn 2
// by raising its tariff on the EU: a breach of the one deal that bound
// it, and a defection towards the EU while the EU cooperated (an
// exploitation). The EU, passive, cooperated throughout, so in turn 3 it
// forgave the US's defection and never retaliated.
func TestFingerprintOfABreach(t *testing.T) {
	in, _ := play(t)
	r := debrief.Analyze(in)
	if len(r.Fingerprints) != len(in.Final.Seats) {
		t.Fatalf("%d fingerprints for %d seats", len(r.Fingerprints), len(in.Final.Seats))
	}
	us, eu := r.Fingerprints[0], r.Fingerprints[2]
	if us.Breached.Count != 1 || us.Breached.Of != 1 || us.Breached.When[0].Turn != 2 || !slices.Equal(us.Breached.When[0].Others, []int{2}) {
		t.Errorf("US breached %+v, want 1 of 1 in turn 2 towards the EU", us.Breached)
	}
	for k := range r.Ledger {
		if e := &r.Ledger[k]; e.Deal.Title == "Open door" && len(e.KeptBy()) != 0 {
			t.Errorf("“Open door” kept by %v: its one clause binds the US, who broke it", e.KeptBy())
		}
	}
	if !hasInstance(us.Exploited, 2, 2) {
		t.Errorf("US exploited %+v, want the EU in turn 2", us.Exploited)
	}
	if hasInstance(us.Cooperated, 2, 2) {
		t.Errorf("US cooperated with the EU in turn 2: %+v", us.Cooperated)
	}
	if !hasInstance(eu.Forgave, 3, 0) || eu.Retaliated.Count != 0 {
		t.Errorf("EU forgave %+v and retaliated %+v, want forgave the US in turn 3 and no retaliation", eu.Forgave, eu.Retaliated)
	}
	if eu.Cooperated.Count != eu.Cooperated.Of || eu.Cooperated.Of == 0 {
		t.Errorf("EU cooperated %d of %d, want every move", eu.Cooperated.Count, eu.Cooperated.Of)
	}
	for _, f := range r.Fingerprints {
		if f.Retaliated.Of != f.Forgave.Of || f.Retaliated.Count+f.Forgave.Count != f.Retaliated.Of {
			t.Errorf("seat %d: retaliated %d and forgave %d of %d: each provocation is one or the other", f.Seat, f.Retaliated.Count, f.Forgave.Count, f.Retaliated.Of)
		}
	}
}

func hasInstance(t debrief.Tally, turn, other int) bool {
	for _, in := range t.When {
		if in.Turn == turn && slices.Contains(in.Others, other) {
			return true
		}
	}
	return false
}

// TestSwingsAddUp: each seat's biggest moves are at most SwingsPerSeat,
// the biggest first, and their causes add up to the change.
func TestSwingsAddUp(t *testing.T) {
	in, _ := play(t)
	r := debrief.Analyze(in)
	if len(r.Swings) == 0 {
		t.Fatal("no swings in a game with a tariff war")
	}
	per := map[int]int{}
	for k, s := range r.Swings {
		per[s.Seat]++
		if per[s.Seat] > debrief.SwingsPerSeat {
			t.Errorf("seat %d has more than %d swings", s.Seat, debrief.SwingsPerSeat)
		}
		if k > 0 && r.Swings[k-1].Seat == s.Seat && r.Swings[k-1].Size < s.Size {
			t.Errorf("seat %d's swings are not the biggest first", s.Seat)
		}
		sum := 0.0
		for _, c := range s.Causes {
			sum += c.Delta
		}
		// Causes too small to show are dropped with the rest.
		if math.Abs(sum-(s.To-s.From)) > 0.06 {
			t.Errorf("seat %d turn %d indicator %d: causes add up to %v, the change is %v", s.Seat, s.Turn, s.Indicator, sum, s.To-s.From)
		}
		if s.Indicator == game.Score {
			t.Error("the score is a swing")
		}
	}
}

// TestExpiredDeal: a deal that ran its term is expired in the ledger,
// though it leaves the state the moment it expires and no view shows it
// so; the US and the EU agree a one-turn deal in turn 1 of the
// tutorial.
func TestExpiredDeal(t *testing.T) {
	sc, err := content.Get("tutorial")
	if err != nil {
		t.Fatal(err)
	}
	var log game.Log
	log.Scenario, log.Seed = sc.ID, 1
	st, err := game.NewGame(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	do := func(c game.Command) {
		t.Helper()
		next, _, err := game.Apply(st, c)
		if err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
		st = next
		log.Commands = append(log.Commands, c)
	}
	do(game.Command{Kind: game.CmdStart, Seat: game.FacilitatorID})
	do(game.Command{Kind: game.CmdAdvance, Seat: game.FacilitatorID})
	do(game.Command{Kind: game.CmdPropose, Seat: "us", Proposal: &game.Proposal{
		Title: "One turn", Parties: []string{"eu"}, Duration: 1,
		Clauses: []game.ClauseSpec{{Actor: "us", Lever: "tariff", Target: "eu", Bound: game.AtMost, Level: "10%"}}}})
	do(game.Command{Kind: game.CmdRespond, Seat: "eu", Deal: 1, Answer: game.Accept})
	for st.Turn < 3 && st.Phase != game.GameOver {
		do(game.Command{Kind: game.CmdAdvance, Seat: game.FacilitatorID})
	}
	in, err := debrief.FromLog(sc, log, game.Facilitator)
	if err != nil {
		t.Fatal(err)
	}
	r := debrief.Analyze(in)
	if len(r.Ledger) != 1 {
		t.Fatalf("ledger %+v", r.Ledger)
	}
	e := &r.Ledger[0]
	if e.Status != game.Expired || e.Kept != 1 || !strings.Contains(e.Line(in.Final.Scenario), "expired after turn 1") {
		t.Errorf("the deal: %s, kept %d: %s", e.Status, e.Kept, e.Line(in.Final.Scenario))
	}
}
