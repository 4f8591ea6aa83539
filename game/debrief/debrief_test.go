package debrief_test

import (
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/debrief"
)

// play runs the tutorial to its end with the US viewed by a Recorder:
// the US and the EU agree in turn 1 that the US keeps its tariff on the
// EU at most 10%; in turn 2 the US orders 25% and breaks the deal; the
// other seats keep their policy throughout.
func play(t *testing.T) (debrief.Input, game.View) {
	t.Helper()
	sc, err := content.Get("tutorial")
	if err != nil {
		t.Fatal(err)
	}
	st, err := game.NewGame(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	var rec debrief.Recorder
	do := func(c game.Command) {
		t.Helper()
		next, evs, err := game.Apply(st, c)
		if err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
		st = next
		v := game.ViewFor(st, 0)
		rec.Observe(&v, evs)
	}
	v0 := game.ViewFor(st, 0)
	rec.Observe(&v0, nil)
	do(game.Command{Kind: game.CmdStart, Seat: game.FacilitatorID})
	proposed := false
	for steps := 0; st.Phase != game.GameOver; steps++ {
		if steps > 500 {
			t.Fatal("the game does not end")
		}
		switch st.Phase {
		case game.Events:
			do(game.Command{Kind: game.CmdAdvance, Seat: game.FacilitatorID})
		case game.Negotiation:
			if !proposed {
				proposed = true
				do(game.Command{Kind: game.CmdPropose, Seat: "us", Proposal: &game.Proposal{
					Title: "Open door", Parties: []string{"eu"}, Duration: 3,
					Clauses: []game.ClauseSpec{{Actor: "us", Lever: "tariff", Target: "eu", Bound: game.AtMost, Level: "10%"}},
				}})
				do(game.Command{Kind: game.CmdRespond, Seat: "eu", Deal: st.Deals[len(st.Deals)-1].ID, Answer: game.Accept})
				continue
			}
			for i, s := range st.Seats {
				if !s.Ready {
					do(game.Command{Kind: game.CmdReady, Seat: sc.Seats[i].ID})
					break
				}
			}
		case game.Orders:
			for i, s := range st.Seats {
				if s.Submitted {
					continue
				}
				if i == 0 && st.Turn == 2 {
					do(game.Command{Kind: game.CmdSubmit, Seat: "us", Orders: []game.Order{{Lever: "tariff", Towards: "eu", Level: "25%"}}})
				} else {
					do(game.Command{Kind: game.CmdReady, Seat: sc.Seats[i].ID})
				}
				break
			}
		case game.Report:
			for i, s := range st.Seats {
				if !s.Ready {
					do(game.Command{Kind: game.CmdReady, Seat: sc.Seats[i].ID})
					break
				}
			}
		}
	}
	return rec.Input(), game.ViewFor(st, 0)
}

func TestAnalyzeAGame(t *testing.T) {
	in, final := play(t)
	r := debrief.Analyze(in)
	ps := final.Scenario
	if r.Ended == "" || r.LastTurn != ps.Turns {
		t.Errorf("ended %q in turn %d", r.Ended, r.LastTurn)
	}
	// The start and every resolution, and the end when points came at it.
	if got := len(r.Points); got != ps.Turns+1 {
		t.Errorf("%d points, want the start and %d turns", got, ps.Turns)
	}
	for _, s := range r.Seats {
		for i, xs := range s.Values {
			want := len(r.Points)
			if r.Final {
				want++
			}
			if len(xs) != want {
				t.Fatalf("indicator %d seat %d: %d values, want %d", s.Indicator, i, len(xs), want)
			}
			if s.Indicator == game.Score && xs[len(xs)-1] != final.Seats[i].Ind[game.Score] {
				t.Errorf("seat %d's score series ends at %v, the final score is %v", i, xs[len(xs)-1], final.Seats[i].Ind[game.Score])
			}
		}
	}
	if len(r.World) != len(ps.World) {
		t.Errorf("%d world series for %d world indicators", len(r.World), len(ps.World))
	}
	if r.Trust == nil || len(r.Trust) != len(final.Seats) {
		t.Fatal("no trust series from views that carry trust")
	}
	// The EU trusts the US less after the breach than before.
	eu := r.Trust[2][0]
	if !(eu[len(eu)-1] < eu[1]) {
		t.Errorf("the EU's trust in the US did not fall after the breach: %v", eu)
	}
	// Scores: highest first, the US's own objectives all visible.
	for k := 1; k < len(r.Scores); k++ {
		if r.Scores[k].Points > r.Scores[k-1].Points {
			t.Errorf("scores out of order: %+v", r.Scores)
		}
	}
	// The ledger: the deal kept one turn, broken by the US in turn 2.
	var e *debrief.Entry
	for k := range r.Ledger {
		if r.Ledger[k].Deal.Title == "Open door" {
			e = &r.Ledger[k]
		}
	}
	if e == nil {
		t.Fatalf("the deal is not in the ledger: %+v", r.Ledger)
	}
	if e.Start != 1 || e.Kept != 1 || len(e.Breaches) == 0 || e.Breaches[0].Seat != 0 || e.Breaches[0].Turn != 2 {
		t.Errorf("ledger entry %+v, want in force from turn 1, kept 1 turn, broken by the US in turn 2", *e)
	}
	if by := e.BrokenBy(); len(by) != 1 || by[0] != 0 {
		t.Errorf("broken by %v", by)
	}
	// Questions: the breach first among those the game raised; the
	// scenario's own follow.
	if len(r.Questions) == 0 || !strings.Contains(r.Questions[0].Text, "US broke “Open door” in turn 2") {
		t.Errorf("the first question is not about the breach: %+v", r.Questions)
	}
	found := false
	for _, q := range r.Questions {
		if q.Prompt == "the first deal" && strings.Contains(q.Text, "“Open door”") {
			found = true
		}
	}
	if !found {
		t.Errorf("no question about the first deal: %+v", r.Questions)
	}
}

// TestRecorderMatchesTheGame: the recorder keeps each event once and a
// record per resolution.
func TestRecorderMatchesTheGame(t *testing.T) {
	in, final := play(t)
	if n := len(in.Turns); n != final.Scenario.Turns+1 {
		t.Errorf("%d turn records, want %d", n, final.Scenario.Turns+1)
	}
	for k, tr := range in.Turns {
		if tr.Turn != k {
			t.Errorf("record %d is turn %d", k, tr.Turn)
		}
	}
	seen := map[string]int{}
	for _, e := range in.News {
		if e.Kind == game.EvResolved {
			seen["resolved"]++
		}
		if e.Kind == game.EvStarted {
			seen["started"]++
		}
	}
	if seen["started"] != 1 || seen["resolved"] != final.Scenario.Turns {
		t.Errorf("events counted %v: each must be kept once", seen)
	}
}

// TestQuestionsLeaveOutWhatNeverHappened: a scenario question about a
// lever nobody moved, or about deals when none came into force, is left
// out; the others stay.
func TestQuestionsLeaveOutWhatNeverHappened(t *testing.T) {
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	st, err := game.NewGame(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	v := game.ViewFor(st, 0)
	start := debrief.TurnOf(&v)
	next := debrief.TurnOf(&v)
	next.Turn = 1
	in := debrief.Input{Final: v, Turns: []debrief.Turn{start, next}}
	r := debrief.Analyze(in)
	var texts []string
	for _, q := range r.Questions {
		texts = append(texts, q.Text)
	}
	all := strings.Join(texts, "\n")
	for _, gone := range []string{"price floor", "Which deals held"} {
		if strings.Contains(all, gone) {
			t.Errorf("a question about what never happened (%q) is kept:\n%s", gone, all)
		}
	}
	for _, kept := range []string{"Which of this scenario's assumptions would you change", "No deal came into force"} {
		if !strings.Contains(all, kept) {
			t.Errorf("question %q is missing:\n%s", kept, all)
		}
	}
}

// TestQuestionsAskOnce: with a first deal in force, the scenario's own
// question about the first accepted proposal is not asked again.
func TestQuestionsAskOnce(t *testing.T) {
	in, _ := play(t)
	r := debrief.Analyze(in)
	firsts := 0
	inForce := false
	for _, e := range r.Ledger {
		inForce = inForce || e.Start > 0
	}
	var texts []string
	for _, q := range r.Questions {
		texts = append(texts, q.Text)
		if strings.Contains(q.Text, "first deal in force") || strings.Contains(q.Text, "accepted first") {
			firsts++
		}
	}
	if !inForce {
		t.Fatal("the test needs a deal in force")
	}
	if firsts != 1 {
		t.Errorf("the first deal is asked about %d times:\n%s", firsts, strings.Join(texts, "\n"))
	}
}
