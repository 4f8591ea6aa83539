package sim

import (
	"math"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// The Bradley-Terry fit recovers known strengths: with A beating B three
// times in four, A's strength is about three times B's (a little less,
// for the prior's drawn match).
func TestBradleyTerryRecoversOdds(t *testing.T) {
	p := bradleyTerry([][]float64{{0, 300}, {100, 0}})
	if r := p[0] / p[1]; math.Abs(r-3) > 0.02 {
		t.Errorf("strength ratio %.3f, want 3", r)
	}
	p = bradleyTerry([][]float64{{0, 10, 0}, {0, 0, 10}, {0, 0, 0}})
	if !(p[0] > p[1] && p[1] > p[2]) {
		t.Errorf("A beats B beats C, but strengths are %v", p)
	}
}

// On the prisoner's dilemma, always-defect beats always-cooperate in
// every game, and the ladder rates it higher; the same seeds give the
// same table.
func TestLadderRatesTheStrongerHigher(t *testing.T) {
	sc, err := content.Get("prisoners-dilemma")
	if err != nil {
		t.Fatal(err)
	}
	var entrants []Entrant
	for _, name := range []string{"always-cooperate", "always-defect", "tit-for-tat"} {
		p, err := content.GetPersonality(name)
		if err != nil {
			t.Fatal(err)
		}
		entrants = append(entrants, Entrant{Name: name, Player: func(seat int, seed uint64) ai.Player {
			return ai.NewScripted(sc.Public(), seat, p, ai.Easy, seed, name)
		}})
	}
	l := Ladder{Scenario: sc, Entrants: entrants, Games: 40, Seed: 1, Workers: 2, Turns: 20}
	r, err := l.Play()
	if err != nil {
		t.Fatal(err)
	}
	rating := map[string]float64{}
	for _, x := range r.Ratings {
		rating[x.Name] = x.Rating
	}
	if rating["always-defect"] <= rating["always-cooperate"] {
		t.Errorf("always-defect rated %.0f, always-cooperate %.0f", rating["always-defect"], rating["always-cooperate"])
	}
	again, err := l.Play()
	if err != nil {
		t.Fatal(err)
	}
	for i := range r.Ratings {
		if r.Ratings[i] != again.Ratings[i] {
			t.Fatalf("the same ladder rated %+v, then %+v", r.Ratings[i], again.Ratings[i])
		}
	}
}
