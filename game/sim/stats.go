package sim

import (
	"math"
	"slices"
)

// Summary describes a sample: its mean and its 10th, 50th and 90th
// percentiles.
type Summary struct {
	Mean float64 `json:"mean"`
	P10  float64 `json:"p10"`
	P50  float64 `json:"p50"`
	P90  float64 `json:"p90"`
}

// Summarize sums up a sample. The mean adds the values in the order
// given, so a sample gathered in game order gives the same mean to the
// last bit whatever order the games finished in. The sample is not
// changed.
func Summarize(xs []float64) Summary {
	if len(xs) == 0 {
		return Summary{}
	}
	var sum float64
	for _, x := range xs {
		sum += x
	}
	sorted := slices.Clone(xs)
	slices.Sort(sorted)
	return Summary{
		Mean: sum / float64(len(xs)),
		P10:  Percentile(sorted, 10),
		P50:  Percentile(sorted, 50),
		P90:  Percentile(sorted, 90),
	}
}

// Percentile is the p-th percentile of a sorted sample by the
// nearest-rank method: the smallest value such that at least p% of the
// sample is at or below it, that is the value of rank ceil(p/100 * n)
// (ranks from 1). It is always a value of the sample, never an
// interpolation, so a percentile of scores is a score some game had. p at
// or below 0 gives the smallest value; an empty sample gives 0.
func Percentile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	// The product is rounded first so that 10% of 10 games is rank 1, not
	// rank 2 by a floating-point hair.
	rank := int(math.Ceil(math.Round(p/100*float64(n)*1e9) / 1e9))
	rank = max(1, min(n, rank))
	return sorted[rank-1]
}

// Wins shares one game's win among the seats with the most points: each
// of k seats tied at the top gets 1/k. It adds to wins, indexed by seat.
func Wins(scores []float64, wins []float64) {
	if len(scores) == 0 {
		return
	}
	best := slices.Max(scores)
	k := 0
	for _, s := range scores {
		if s == best {
			k++
		}
	}
	for i, s := range scores {
		if s == best {
			wins[i] += 1 / float64(k)
		}
	}
}
