package game

import (
	"math/bits"
	"strconv"
)

// Fixed upper bounds keep the state a flat value: policies and trust are
// arrays indexed by seat and lever, so copying a state for Apply or a
// forecast costs one memmove and no per-seat allocations.
const (
	// MaxSeats is the largest number of seats a scenario may define.
	MaxSeats = 12
	// MaxLevers is the largest number of levers a scenario may define.
	MaxLevers = 16
	// MaxLevels is the largest number of levels one lever may have.
	MaxLevels = 16
	// MaxObjectives bounds a seat's public objectives plus its dealt
	// secret ones.
	MaxObjectives = 12
	// MaxSecret bounds the secret objectives dealt to one seat.
	MaxSecret = 4
	// MaxPool bounds a seat's pool of secret objectives.
	MaxPool = 32
)

// SeatSet is a set of seat indices, one bit per seat.
type SeatSet uint32

// Has reports whether seat i is in the set.
func (s SeatSet) Has(i int) bool { return i >= 0 && i < 32 && s&(1<<uint(i)) != 0 }

// With returns the set with seat i added.
func (s SeatSet) With(i int) SeatSet { return s | 1<<uint(i) }

// Without returns the set with seat i removed.
func (s SeatSet) Without(i int) SeatSet { return s &^ (1 << uint(i)) }

// Len is the number of seats in the set.
func (s SeatSet) Len() int { return bits.OnesCount32(uint32(s)) }

// Seats lists the members in index order.
func (s SeatSet) Seats() []int {
	out := make([]int, 0, s.Len())
	for i := 0; i < 32; i++ {
		if s.Has(i) {
			out = append(out, i)
		}
	}
	return out
}

// AllSeats is the set of the first n seats.
func AllSeats(n int) SeatSet { return SeatSet(1<<uint(n) - 1) }

// Indicator indexes a seat's indicators. The engine owns the first two,
// Score and Capital; a scenario's model declares the rest (see
// ModelSpec.Indicators), so their meaning comes from the scenario, never
// from the core.
type Indicator uint8

// The engine's own indicators. Score sums the points of objectives met;
// Capital is political capital, which deal clauses spend (a model may
// also move it).
const (
	Score Indicator = iota
	Capital
	// FirstModelIndicator is the index of a model's first indicator.
	FirstModelIndicator
)

// MaxIndicators bounds the per-seat indicators (the engine's and the
// model's together), and MaxWorld the world indicators, so that a seat's
// indicators are a flat array a state copies in one move.
const (
	MaxIndicators = 12
	MaxWorld      = 8
)

// CoreIndicators are the engine's own indicators, first in every
// scenario's list.
var CoreIndicators = [FirstModelIndicator]IndicatorSpec{
	{Name: "score", Label: "score", Title: "Score", Min: -Unbounded, Max: Unbounded, Better: 1,
		Doc: "victory points from objectives met so far; the most points wins"},
	{Name: "capital", Label: "capital", Title: "Political capital", Min: 0, Max: 100, Better: 1,
		Doc: "domestic support for concessions, 0 to 100: each clause a seat commits to in a deal spends some, and a seat with none left cannot commit to more"},
}

// Trust bounds: trust is a pairwise number in [TrustMin, TrustMax].
const (
	TrustMin = -100.0
	TrustMax = 100.0
)

// String names the engine's own indicators; a model's indicator is named
// by its scenario (PublicScenario.Indicator), so here it is only a number.
func (i Indicator) String() string {
	if i < FirstModelIndicator {
		return CoreIndicators[i].Name
	}
	return "indicator " + strconv.Itoa(int(i))
}
