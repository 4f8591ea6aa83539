package game

import "math/bits"

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

// Indicator names one per-seat indicator of the model.
type Indicator uint8

// The per-seat indicators every model reports. Models that do not use one
// leave it at its starting value.
const (
	Economy Indicator = iota
	Inflation
	Coverage
	Industry
	Tech
	Capital
	Score
	NumIndicators
)

var indicatorNames = [NumIndicators]string{"economy", "inflation", "coverage", "industry", "tech", "capital", "score"}

func (i Indicator) String() string {
	if i < NumIndicators {
		return indicatorNames[i]
	}
	return "indicator?"
}

// ParseIndicator maps a scenario name to an Indicator.
func ParseIndicator(name string) (Indicator, bool) {
	for i, n := range indicatorNames {
		if n == name {
			return Indicator(i), true
		}
	}
	return 0, false
}

// IndicatorNames lists the per-seat indicator names in order.
func IndicatorNames() []string { return indicatorNames[:] }

// WorldIndicator names one world-level indicator.
type WorldIndicator uint8

// World-level indicators.
const (
	PriceChina    WorldIndicator = iota // rare-earth price inside China, $/kg
	PriceWorld                          // rare-earth price outside China, $/kg
	PRCShare                            // PRC share of world separation capacity, 0..1
	Resolve                             // allied resolve, 0..1
	ExChinaSupply                       // share of demand outside the producer met by production outside it, 0..1
	NumWorld
)

var worldNames = [NumWorld]string{"price-china", "price-world", "prc-share", "resolve", "ex-china-supply"}

func (w WorldIndicator) String() string {
	if w < NumWorld {
		return worldNames[w]
	}
	return "world?"
}

// ParseWorld maps a scenario name to a WorldIndicator.
func ParseWorld(name string) (WorldIndicator, bool) {
	for i, n := range worldNames {
		if n == name {
			return WorldIndicator(i), true
		}
	}
	return 0, false
}

// WorldNames lists the world indicator names in order.
func WorldNames() []string { return worldNames[:] }

// Trust bounds: trust is a pairwise number in [TrustMin, TrustMax].
const (
	TrustMin = -100.0
	TrustMax = 100.0
)
