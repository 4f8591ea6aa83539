package sim_test

import (
	"bytes"
	"math"
	"runtime"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// strengthGames plays rare-earth-card with every seat an opportunist at
// level others, except seat (if not -1) at level d, and returns each
// game's final scores, seat by seat. Game i has seed 1+i whatever the
// levels, so two runs are paired game by game.
func strengthGames(t *testing.T, games int, others ai.Difficulty, seat int, d ai.Difficulty) [][]float64 {
	t.Helper()
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	op, err := content.GetPersonality("opportunist")
	if err != nil {
		t.Fatal(err)
	}
	seats := make([]sim.SeatPlayer, len(sc.Seats))
	for i := range seats {
		lv := others
		if i == seat {
			lv = d
		}
		name := "opportunist@" + lv.String()
		mk, err := content.PersonalityPlayer(sc, sc.Seats[i].ID, op, lv, name)
		if err != nil {
			t.Fatal(err)
		}
		seats[i] = sim.SeatPlayer{Name: name, Seeded: mk}
	}
	var raw bytes.Buffer
	if _, err := sim.Run(sim.Config{Scenario: sc, Games: games, Seed: 1, Seats: seats, Workers: runtime.GOMAXPROCS(0), Raw: &raw}); err != nil {
		t.Fatal(err)
	}
	rr, err := sim.NewRawReader("strength", &raw)
	if err != nil {
		t.Fatal(err)
	}
	score := rr.Header.Layout.Score
	out := make([][]float64, games)
	for range games {
		o, err := rr.Next()
		if err != nil {
			t.Fatal(err)
		}
		out[o.Game] = make([]float64, len(o.Seats))
		for s := range o.Seats {
			out[o.Game][s] = o.Seats[s][score]
		}
	}
	return out
}

// winShare is seat's share of game g's win: 1, or 1/k for a tie of k
// seats at the top, or 0.
func winShare(scores []float64, seat int) float64 {
	top, k := math.Inf(-1), 0
	for _, x := range scores {
		switch {
		case x > top:
			top, k = x, 1
		case x == top:
			k++
		}
	}
	if scores[seat] < top {
		return 0
	}
	return 1 / float64(k)
}

// paired sums up, for one seat, the game-by-game differences between two
// runs on the same seeds of what f reads from each game: the totals of
// both runs, and how many standard errors the mean difference stands
// above zero (+Inf when every game differs by the same positive amount).
func paired(a, b [][]float64, seat int, f func([]float64, int) float64) (sumA, sumB, z float64) {
	n := float64(len(a))
	var sum, sq float64
	for g := range a {
		x, y := f(a[g], seat), f(b[g], seat)
		sumA += x
		sumB += y
		sum += y - x
		sq += (y - x) * (y - x)
	}
	m := sum / n
	sd := math.Sqrt(max(sq/n-m*m, 0) * n / max(n-1, 1))
	if sd == 0 {
		return sumA, sumB, math.Copysign(math.Inf(1), m)
	}
	return sumA, sumB, m / (sd / math.Sqrt(n))
}

func scoreOf(scores []float64, seat int) float64 { return scores[seat] }

// A harder level is a stronger player.
//
// Hard among normals: for every seat of rare-earth-card, the seat
// played by opportunist@hard among opportunists at normal wins more
// games and scores more on average than the same seat at normal among
// normals, on the same seeds, and not by luck: the runs are paired game
// by game (same seeds), and for every seat the mean gain in points
// stands at least two standard errors above zero and the mean gain in
// wins at least one and a half; over the seven seats together, the
// gains stand at least four standard errors above zero. (Seats whose
// objectives hang on others' levers, such as Canada's on the US tariff,
// gain least.)
func TestHarderLevelsAreStronger(t *testing.T) {
	if testing.Short() {
		t.Skip("plays 800 games, 700 of them with a seat searching at hard; run without -short")
	}
	const games = 100
	base := strengthGames(t, games, ai.Normal, -1, ai.Normal)
	// Pooled over the seats: each game of each seat's run is one
	// more paired difference.
	var allBase, allUp [][]float64
	for seat := range base[0] {
		up := strengthGames(t, games, ai.Normal, seat, ai.Hard)
		w0, w1, zw := paired(base, up, seat, winShare)
		s0, s1, zs := paired(base, up, seat, scoreOf)
		t.Logf("seat %d at hard among normal: wins %.1f (at normal %.1f, z %.1f), mean %.2f (%.2f, z %.1f)",
			seat, w1, w0, zw, s1/games, s0/games, zs)
		if w1 <= w0 || s1 <= s0 || zs < 2 || zw < 1.5 {
			t.Errorf("seat %d at hard among normal wins %.1f (z %.1f) and scores %.2f (z %.1f); at normal %.1f and %.2f",
				seat, w1, zw, s1/games, zs, w0, s0/games)
		}
		for g := range base {
			allBase = append(allBase, []float64{base[g][seat]})
			allUp = append(allUp, []float64{up[g][seat]})
		}
	}
	_, _, zs := paired(allBase, allUp, 0, scoreOf)
	t.Logf("all seats: points z %.1f", zs)
	if zs < 4 {
		t.Errorf("over all seats, hard's gain in points is %.1f standard errors, want at least 4", zs)
	}
}

// Normal is stronger than easy: for a seat at normal among opportunists
// at easy, every seat wins at least as often and scores at least as much
// on average as at easy (100 games, same seeds; slack: one game's win and
// a twentieth of a point, for wins shared in ties), and at least three
// seats do strictly better on both. Easy plays by its rules of thumb and
// leaves its own levers to its move rule; normal also sets them for its
// secret objectives and forecasts the rest. Where easy's rules already
// meet every objective normal can reach among easies, the two score
// alike.
func TestNormalBeatsEasy(t *testing.T) {
	if testing.Short() {
		t.Skip("plays 800 games; run without -short")
	}
	const games = 100
	base := strengthGames(t, games, ai.Easy, -1, ai.Easy)
	better := 0
	for seat := range base[0] {
		up := strengthGames(t, games, ai.Easy, seat, ai.Normal)
		w0, w1, _ := paired(base, up, seat, winShare)
		s0, s1, _ := paired(base, up, seat, scoreOf)
		t.Logf("seat %d at normal among easy: wins %.1f (at easy %.1f), mean %.2f (%.2f)", seat, w1, w0, s1/games, s0/games)
		if w1 < w0-1 || s1/games < s0/games-0.05 {
			t.Errorf("seat %d at normal among easy wins %.1f and scores %.2f; at easy %.1f and %.2f", seat, w1, s1/games, w0, s0/games)
		}
		if w1 > w0 && s1 > s0 {
			better++
		}
	}
	if better < 3 {
		t.Errorf("normal among easy is strictly stronger than easy for %d seats, want at least 3", better)
	}
}
