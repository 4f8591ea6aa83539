package game

import (
	"math/bits"
	"math/rand/v2"
)

// RNG is the game's only source of randomness: a PCG generator held by
// value in the state, so that a copied or replayed state draws the same
// numbers and drawing allocates nothing.
type RNG struct {
	pcg rand.PCG
}

func newRNG(seed uint64) RNG {
	// Spread the seed over both words so that seeds 1, 2, 3 ... give
	// unrelated streams.
	return RNG{pcg: *rand.NewPCG(seed^0x9e3779b97f4a7c15, seed*0xbf58476d1ce4e5b9+0x94d049bb133111eb)}
}

// Float64 draws a number in [0, 1).
func (r *RNG) Float64() float64 {
	return float64(r.pcg.Uint64()>>11) / (1 << 53)
}

// IntN draws an integer in [0, n) without modulo bias (Lemire's method).
func (r *RNG) IntN(n int) int {
	if n <= 1 {
		return 0
	}
	un := uint64(n)
	hi, lo := bits.Mul64(r.pcg.Uint64(), un)
	if lo < un {
		thresh := -un % un
		for lo < thresh {
			hi, lo = bits.Mul64(r.pcg.Uint64(), un)
		}
	}
	return int(hi)
}

// MarshalBinary gives the generator's exact state, for hashing and saves.
func (r RNG) MarshalBinary() ([]byte, error) { return r.pcg.MarshalBinary() }

// UnmarshalBinary restores a state written by MarshalBinary.
func (r *RNG) UnmarshalBinary(b []byte) error { return r.pcg.UnmarshalBinary(b) }
