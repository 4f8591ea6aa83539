package sim

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// An Entrant is one player in a tournament: its name and how to make it
// for a seat of a game, from the game's seed.
type Entrant struct {
	Name   string
	Player func(seat int, gameSeed uint64) ai.Player
}

// Tournament is a round robin of entrants on one scenario: for every
// ordered pair (A, B) of different entrants and every seat s, A plays
// seat s and B every other seat, for Games games with seeds Seed,
// Seed+1, ... (the same seeds for every assignment, so that each is met
// by the same events). A is judged on its seat only: its wins and its
// share of all the points scored in those games; the table ranks by its
// mean points. Over the round robin
// every entrant plays every seat against every other entrant equally
// often, so a seat that is easier to win from favours no one.
type Tournament struct {
	Scenario *game.Scenario
	Entrants []Entrant
	Games    int
	Seed     uint64
	Workers  int
	Turns    int
	// Progress, when set, is told after each assignment.
	Progress func(done, total int)
}

// Standing is one entrant's result.
type Standing struct {
	Rank   int     `json:"rank"`
	Name   string  `json:"name"`
	Games  int     `json:"games"`
	Wins   float64 `json:"wins"`   // games its seat won (ties shared)
	Share  float64 `json:"share"`  // mean share of the points scored in its games, 0..1
	Score  float64 `json:"score"`  // mean points of its seat
	Versus float64 `json:"versus"` // mean points of the seats against it
}

// TournamentResult is the ranked table, also the JSON the command line
// prints.
type TournamentResult struct {
	Scenario  string     `json:"scenario"`
	Seats     int        `json:"seats"`
	Games     int        `json:"games-per-assignment"`
	Seed      uint64     `json:"seed"`
	Standings []Standing `json:"standings"`
}

// Play runs the tournament.
func (t *Tournament) Play() (*TournamentResult, error) {
	sc := t.Scenario
	if sc == nil || !sc.Valid() {
		return nil, &ConfigError{"the scenario has not been validated"}
	}
	if len(t.Entrants) < 2 {
		return nil, &ConfigError{fmt.Sprintf("a tournament needs at least two entrants, not %d", len(t.Entrants))}
	}
	n := len(sc.Seats)
	type tally struct {
		games              int
		wins, share, score float64
		versus             float64
	}
	tallies := make([]tally, len(t.Entrants))
	total := len(t.Entrants) * (len(t.Entrants) - 1) * n
	done := 0
	for a, ea := range t.Entrants {
		for b, eb := range t.Entrants {
			if a == b {
				continue
			}
			for s := range n {
				seats := make([]SeatPlayer, n)
				for i := range seats {
					e := eb
					if i == s {
						e = ea
					}
					seat := i
					seats[i] = SeatPlayer{Name: e.Name, Seeded: func(seed uint64) ai.Player { return e.Player(seat, seed) }}
				}
				res, err := Run(Config{Scenario: sc, Games: t.Games, Seed: t.Seed, Seats: seats, Workers: t.Workers, Turns: t.Turns})
				if err != nil {
					return nil, err
				}
				sum := 0.0
				for i := range res.Seats {
					sum += res.Seats[i].Score.Mean
				}
				tl := &tallies[a]
				tl.games += t.Games
				tl.wins += res.Seats[s].Wins
				tl.score += res.Seats[s].Score.Mean
				tl.versus += (sum - res.Seats[s].Score.Mean) / float64(max(n-1, 1))
				if sum > 0 {
					tl.share += res.Seats[s].Score.Mean / sum
				} else {
					tl.share += 1 / float64(n)
				}
				done++
				if t.Progress != nil {
					t.Progress(done, total)
				}
			}
		}
	}
	out := &TournamentResult{Scenario: sc.ID, Seats: n, Games: t.Games, Seed: t.Seed}
	runs := float64((len(t.Entrants) - 1) * n)
	for i, e := range t.Entrants {
		tl := tallies[i]
		out.Standings = append(out.Standings, Standing{
			Name: e.Name, Games: tl.games, Wins: tl.wins,
			Share: tl.share / runs, Score: tl.score / runs, Versus: tl.versus / runs,
		})
	}
	slices.SortStableFunc(out.Standings, func(x, y Standing) int {
		return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(y.Share, x.Share), strings.Compare(x.Name, y.Name))
	})
	for i := range out.Standings {
		out.Standings[i].Rank = i + 1
	}
	return out, nil
}

// WriteTournament writes the ranked table for a person.
func WriteTournament(w io.Writer, r *TournamentResult) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: round robin, %d games per assignment, seeds %d to %d\n\n", r.Scenario, r.Games, r.Seed, GameSeed(r.Seed, r.Games-1))
	nameW := len("personality")
	for _, s := range r.Standings {
		nameW = max(nameW, len(s.Name))
	}
	fmt.Fprintf(&b, "%4s  %-*s  %7s  %7s  %6s  %8s  %8s\n", "rank", nameW, "personality", "share", "games", "win%", "score", "against")
	for _, s := range r.Standings {
		fmt.Fprintf(&b, "%4d  %-*s  %6.1f%%  %7d  %5.1f%%  %8.2f  %8.2f\n", s.Rank, nameW, s.Name, 100*s.Share, s.Games,
			100*s.Wins/float64(max(s.Games, 1)), s.Score, s.Versus)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
