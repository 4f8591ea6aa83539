package sweep

import (
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// Result is a sweep summed up: every point's statistics and the
// sensitivity of the main outcomes to each dimension. It is also the JSON
// the command line prints.
type Result struct {
	Scenario string `json:"scenario"`
	Design   string `json:"design"`
	Games    int    `json:"games-per-point"`
	// Seed is the seed of each point's game 0: every point plays the
	// same seeds.
	Seed        uint64        `json:"seed"`
	Dims        []Dim         `json:"dims"`
	Seats       []string      `json:"seats"`
	Players     []string      `json:"players"`
	Points      []PointResult `json:"points"`
	Sensitivity []Sensitivity `json:"sensitivity"`
	// Indicators and World name the seats' and the world's indicators in
	// the order reports show them.
	Indicators []string `json:"-"`
	World      []string `json:"-"`
}

// PointResult is one point's statistics over its games.
type PointResult struct {
	Point int `json:"point"`
	// Values are the point's value of each dimension, in the order of
	// Dims: a number, or a lever level's id.
	Values []any       `json:"values"`
	Seats  []SeatStats `json:"seats"`
	// World sums up the world indicators at the end of the games.
	World   map[string]sim.Summary `json:"world"`
	Refused int                    `json:"refused"`

	x []float64 // the values as numbers (level indices for levers)
}

// SeatStats is one seat's statistics at a point.
type SeatStats struct {
	Seat string `json:"seat"`
	// Wins counts games won, ties shared; WinShare is Wins over the games.
	Wins     float64     `json:"wins"`
	WinShare float64     `json:"win-share"`
	Score    sim.Summary `json:"score"`
	// Final sums up the seat's indicators at the end, by name.
	Final map[string]sim.Summary `json:"final"`
}

// aggregator sums up a sweep's games point by point, in unit order.
type aggregator struct {
	plan   *Plan
	layout *sim.Layout
	games  int
	seed   uint64
	cur    int
	n      int
	sum    *sim.Summer
	points []PointResult
}

func newAggregator(plan *Plan, l *sim.Layout, games int, seed uint64) *aggregator {
	return &aggregator{plan: plan, layout: l, games: games, seed: seed, cur: -1}
}

// add counts a game and reports whether it was its point's last.
func (a *aggregator) add(o *sim.Outcome) bool {
	if o.Point != a.cur {
		a.cur, a.n, a.sum = o.Point, 0, sim.NewSummer(a.layout, a.games)
	}
	a.sum.Add(o)
	a.n++
	if o.Game != a.games-1 {
		return false
	}
	if a.n == a.games {
		a.points = append(a.points, a.pointResult(o.Point, a.sum.Result(a.games, a.seed)))
	}
	a.sum = nil
	return true
}

func (a *aggregator) pointResult(p int, r *sim.Result) PointResult {
	pr := PointResult{Point: p, World: r.World, Refused: r.Refused, x: a.plan.Points[p]}
	for i, v := range a.plan.Points[p] {
		if d := &a.plan.Dims[i]; d.IsLever() {
			pr.Values = append(pr.Values, d.Levels[int(v)])
		} else {
			pr.Values = append(pr.Values, v)
		}
	}
	for _, s := range r.Seats {
		pr.Seats = append(pr.Seats, SeatStats{Seat: s.Seat, Wins: s.Wins, WinShare: s.Wins / float64(a.games), Score: s.Score, Final: s.Final})
	}
	return pr
}

func (a *aggregator) result() *Result {
	l := a.layout
	res := &Result{Scenario: l.Scenario, Design: a.plan.Design, Games: a.games, Seed: a.seed, Dims: a.plan.Dims,
		Seats: l.Seats, Players: l.Players, Points: a.points, World: l.World}
	for _, k := range l.Report {
		res.Indicators = append(res.Indicators, l.Indicators[k])
	}
	if res.Points == nil {
		res.Points = []PointResult{}
	}
	res.Sensitivity = sensitivity(res, DefaultOutcomes(res))
	return res
}
