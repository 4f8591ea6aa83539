package debrief

import (
	"cmp"
	"math"
	"slices"

	"github.com/chokepoint-game/chokepoint/game"
)

// SwingsPerSeat is how many of each seat's biggest moves a report
// explains.
const SwingsPerSeat = 3

// Swing is one of a seat's biggest moves: one indicator's change in one
// resolution, with its causes, the largest first.
type Swing struct {
	Seat      int
	Turn      int
	Indicator game.Indicator
	From, To  float64
	// Size is the change as a share of the spread of the indicator over
	// the game (its lowest to its highest value, any seat, any turn): how
	// big the move looks on the indicator's chart, which ranks moves of
	// indicators in different units against each other.
	Size   float64
	Causes []CauseShare
}

// CauseShare is one cause of a change, in words, and how much of the
// change it made. The causes of a swing add up to its change; the last,
// with Other set, is what the named causes leave out, when it shows.
type CauseShare struct {
	Text  string
	Delta float64
	Other bool
}

// swings picks each seat's biggest moves among the resolutions' changes
// of the model's indicators and political capital (the score moves by
// objectives, which the scores explain).
func (r *Report) swings(in *Input) {
	ps := in.Final.Scenario
	n := len(in.Final.Seats)
	per := make([][]Swing, n)
	spread := map[game.Indicator]float64{}
	for _, s := range r.Seats {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, xs := range s.Values {
			for _, x := range xs {
				lo, hi = math.Min(lo, x), math.Max(hi, x)
			}
		}
		spread[s.Indicator] = hi - lo
	}
	for _, t := range in.Turns {
		for _, c := range t.Changes {
			if c.Seat < 0 || c.Seat >= n || c.Indicator == game.Score || c.From == c.To {
				continue
			}
			span := spread[c.Indicator]
			if !(span > 0) {
				continue
			}
			per[c.Seat] = append(per[c.Seat], Swing{
				Seat: c.Seat, Turn: t.Turn, Indicator: c.Indicator, From: c.From, To: c.To,
				Size: math.Abs(c.To-c.From) / span, Causes: causes(ps, c),
			})
		}
	}
	for i := range n {
		s := per[i]
		slices.SortStableFunc(s, func(a, b Swing) int { return cmp.Compare(b.Size, a.Size) })
		r.Swings = append(r.Swings, s[:min(len(s), SwingsPerSeat)]...)
	}
}

// causes lists a change's causes as every screen shows them
// (PublicScenario.ShownCauses: rounded so that they add up to the change
// shown, causes too small to show joined to the rest), the largest first
// and the rest last.
func causes(ps *game.PublicScenario, c game.Change) []CauseShare {
	var out []CauseShare
	var rest *CauseShare
	for _, sc := range ps.ShownCauses(c) {
		if sc.Other {
			rest = &CauseShare{Text: "other causes", Delta: sc.Delta, Other: true}
			continue
		}
		out = append(out, CauseShare{Text: sc.Text, Delta: sc.Delta})
	}
	slices.SortStableFunc(out, func(a, b CauseShare) int { return cmp.Compare(math.Abs(b.Delta), math.Abs(a.Delta)) })
	if rest != nil {
		out = append(out, *rest)
	}
	return out
}
