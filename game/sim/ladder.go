package sim

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// A Ladder rates entrants (personalities at difficulties) by a
// Bradley-Terry fit over many games on one scenario. Each game gives
// every seat an entrant drawn from the game's seed, so every entrant
// plays every seat against every mix of others. Within a game, every pair
// of seats is one match: the seat whose score is further above its seat's
// mean over all games wins it (a tie is half a win each), so that a seat
// that is easier to score from favours no one. The ratings are on the Elo
// scale: 400 points of difference are odds of ten to one, and the mean
// entrant is rated 1500.
type Ladder struct {
	Scenario *game.Scenario
	Entrants []Entrant
	Games    int
	Seed     uint64
	Workers  int
	Turns    int
	// Progress, when set, is told after each game.
	Progress func(done, total int)
}

// Rating is one entrant's place on the ladder.
type Rating struct {
	Rank   int     `json:"rank"`
	Name   string  `json:"name"`
	Rating float64 `json:"rating"`
	Games  int     `json:"games"`
	// Matches and Wins count its pairwise matches and the ones it won
	// (ties half).
	Matches int     `json:"matches"`
	Wins    float64 `json:"wins"`
	// Edge is its mean score above its seat's mean.
	Edge float64 `json:"edge"`
}

// LadderResult is the rated table, also the JSON the command line prints.
type LadderResult struct {
	Scenario string   `json:"scenario"`
	Games    int      `json:"games"`
	Seed     uint64   `json:"seed"`
	Method   string   `json:"method"`
	Ratings  []Rating `json:"ratings"`
}

// ladderSalt keeps the draw of entrants apart from the game's own
// generators, which are seeded from the same seed.
const ladderSalt = 0x6c616464

// Play runs the ladder.
func (l *Ladder) Play() (*LadderResult, error) {
	sc := l.Scenario
	if sc == nil || !sc.Valid() {
		return nil, &ConfigError{"the scenario has not been validated"}
	}
	if len(l.Entrants) < 2 {
		return nil, &ConfigError{fmt.Sprintf("a ladder needs at least two entrants, not %d", len(l.Entrants))}
	}
	if l.Games < 1 {
		return nil, &ConfigError{fmt.Sprintf("a ladder needs at least one game, not %d", l.Games)}
	}
	n := len(sc.Seats)
	who := make([][]int, l.Games)       // entrant of each seat, by game
	score := make([][]float64, l.Games) // final score of each seat, by game
	for g := range who {
		rng := rand.New(rand.NewPCG(GameSeed(l.Seed, g), ladderSalt))
		who[g] = make([]int, n)
		for i := range who[g] {
			who[g][i] = rng.IntN(len(l.Entrants))
		}
	}
	var (
		mu    sync.Mutex
		first error
		done  int
		wg    sync.WaitGroup
	)
	next := make(chan int)
	for range max(l.Workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for g := range next {
				seed := GameSeed(l.Seed, g)
				players := make([]ai.Player, n)
				for i := range players {
					players[i] = l.Entrants[who[g][i]].Player(i, seed)
				}
				m := &match{sc: sc, index: g, seed: seed, players: players, turns: l.Turns}
				err := m.play()
				mu.Lock()
				if err != nil && first == nil {
					first = err
				}
				if err == nil {
					s := make([]float64, n)
					for i := range s {
						s[i] = m.st.Seats[i].Ind[game.Score]
					}
					score[g] = s
				}
				done++
				if l.Progress != nil {
					l.Progress(done, l.Games)
				}
				mu.Unlock()
			}
		}()
	}
	for g := range l.Games {
		mu.Lock()
		stop := first != nil
		mu.Unlock()
		if stop {
			break
		}
		next <- g
	}
	close(next)
	wg.Wait()
	if first != nil {
		return nil, first
	}
	return rate(sc.ID, l, who, score), nil
}

// rate fits the Bradley-Terry model to the games' pairwise matches.
func rate(id string, l *Ladder, who [][]int, score [][]float64) *LadderResult {
	n := len(who[0])
	k := len(l.Entrants)
	seatMean := make([]float64, n)
	for g := range score {
		for i := range n {
			seatMean[i] += score[g][i] / float64(len(score))
		}
	}
	wins := make([][]float64, k) // wins[a][b]: matches a won against b
	for a := range wins {
		wins[a] = make([]float64, k)
	}
	out := make([]Rating, k)
	for a := range out {
		out[a].Name = l.Entrants[a].Name
	}
	for g := range who {
		for i := range n {
			a := who[g][i]
			ei := score[g][i] - seatMean[i]
			out[a].Games++
			out[a].Edge += ei
			for j := i + 1; j < n; j++ {
				b := who[g][j]
				ej := score[g][j] - seatMean[j]
				out[a].Matches++
				out[b].Matches++
				switch {
				case ei > ej:
					wins[a][b]++
					out[a].Wins++
				case ej > ei:
					wins[b][a]++
					out[b].Wins++
				default:
					wins[a][b] += 0.5
					wins[b][a] += 0.5
					out[a].Wins += 0.5
					out[b].Wins += 0.5
				}
			}
		}
	}
	p := bradleyTerry(wins)
	mean := 0.0
	for a := range p {
		mean += 400 * math.Log10(p[a]) / float64(k)
	}
	for a := range out {
		out[a].Rating = 1500 + 400*math.Log10(p[a]) - mean
		if out[a].Games > 0 {
			out[a].Edge /= float64(out[a].Games)
		}
	}
	slices.SortStableFunc(out, func(x, y Rating) int {
		return cmp.Or(cmp.Compare(y.Rating, x.Rating), strings.Compare(x.Name, y.Name))
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	return &LadderResult{Scenario: id, Games: l.Games, Seed: l.Seed, Method: "bradley-terry", Ratings: out}
}

// bradleyTerry returns each entrant's strength from the pairwise wins by
// the minorization-maximization iteration (Hunter 2004). Each entrant
// is given one virtual drawn match, spread over the others: a weak prior
// that keeps an entrant that never won (or never lost) at a finite
// rating.
func bradleyTerry(wins [][]float64) []float64 {
	k := len(wins)
	w := make([][]float64, k)
	for a := range w {
		w[a] = slices.Clone(wins[a])
		for b := range w[a] {
			if a != b {
				w[a][b] += 0.5 / float64(k-1)
			}
		}
	}
	p := make([]float64, k)
	for a := range p {
		p[a] = 1
	}
	next := make([]float64, k)
	for range 1000 {
		change := 0.0
		for a := range k {
			won, denom := 0.0, 0.0
			for b := range k {
				if a == b {
					continue
				}
				won += w[a][b]
				if m := w[a][b] + w[b][a]; m > 0 {
					denom += m / (p[a] + p[b])
				}
			}
			next[a] = won / denom
		}
		// Fix the scale: strengths are known only up to a factor.
		g := 0.0
		for a := range next {
			g += math.Log(next[a]) / float64(k)
		}
		for a := range next {
			v := next[a] / math.Exp(g)
			change = max(change, math.Abs(v-p[a])/p[a])
			p[a] = v
		}
		if change < 1e-9 {
			break
		}
	}
	return p
}

// WriteLadder writes the rated table for a person.
func WriteLadder(w io.Writer, r *LadderResult) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: ladder of %d games, seeds %d to %d, rated by a Bradley-Terry fit (Elo scale, mean 1500)\n\n",
		r.Scenario, r.Games, r.Seed, GameSeed(r.Seed, r.Games-1))
	nameW := len("player")
	for _, s := range r.Ratings {
		nameW = max(nameW, len(s.Name))
	}
	fmt.Fprintf(&b, "%4s  %-*s  %6s  %6s  %7s  %6s  %7s\n", "rank", nameW, "player", "rating", "games", "matches", "won%", "edge")
	for _, s := range r.Ratings {
		fmt.Fprintf(&b, "%4d  %-*s  %6.0f  %6d  %7d  %5.1f%%  %+7.2f\n", s.Rank, nameW, s.Name, s.Rating, s.Games, s.Matches,
			100*s.Wins/float64(max(s.Matches, 1)), s.Edge)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
