package game

import (
	"math"
	"slices"
)

// Standing is one seat's place in a game's scores.
type Standing struct {
	Seat   int
	Points float64
	// Rank counts from 1; seats tied on points share a rank, and the
	// next rank skips as many places as were shared ("1, 1, 3").
	Rank int
	Tied bool
}

// Standings ranks the seats by score, the highest first: the one tie
// rule every screen and report uses. Scores equal at the precision they
// are shown (a tenth of a point) are a tie, and tied seats are listed in
// seat order.
func Standings(v *View) []Standing {
	out := make([]Standing, len(v.Seats))
	for i := range v.Seats {
		out[i] = Standing{Seat: i, Points: v.Seats[i].Ind[Score]}
	}
	shown := func(x float64) float64 { return math.Round(x * 10) }
	slices.SortStableFunc(out, func(a, b Standing) int {
		switch x, y := shown(a.Points), shown(b.Points); {
		case x > y:
			return -1
		case x < y:
			return 1
		}
		return a.Seat - b.Seat
	})
	for k := range out {
		out[k].Rank = k + 1
		if k > 0 && shown(out[k].Points) == shown(out[k-1].Points) {
			out[k].Rank = out[k-1].Rank
			out[k].Tied, out[k-1].Tied = true, true
		}
	}
	return out
}
