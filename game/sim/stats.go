package sim

import (
	"cmp"
	"math"
	"slices"
)

// Summary describes a sample: its mean and its 10th, 50th and 90th
// percentiles by the nearest-rank method, each a value some game had. A
// run computes them as games come in, in bounded memory: the scores'
// percentiles are exact (every score is kept, compactly: see
// exactSample); the other indicators' are exact up to 2,047 games and
// beyond that come from a sketch whose ranks are off by under 0.5% of the
// games (see sketch). Means are exact.
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
	return sorted[rank(p, n)-1]
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

// rank is the nearest-rank position, from 1, of the p-th percentile of n
// values: ceil(p/100 * n), within 1 and n. The product is rounded first so
// that 10% of 10 games is rank 1, not rank 2 by a floating-point hair.
func rank(p float64, n int) int {
	r := int(math.Ceil(math.Round(p/100*float64(n)*1e9) / 1e9))
	return max(1, min(n, r))
}

// A stream sums up values given one at a time, in game order, in bounded
// memory: the mean from a running sum (added in the order given, so the
// same bits as Summarize), the percentiles from a sketch.
type stream struct {
	sum    float64
	sketch sketch
}

func (s *stream) add(x float64) {
	s.sum += x
	s.sketch.add(x)
}

func (s *stream) summary() Summary {
	n := s.sketch.n
	if n == 0 {
		return Summary{}
	}
	return Summary{Mean: s.sum / float64(n), P10: s.sketch.percentile(10), P50: s.sketch.percentile(50), P90: s.sketch.percentile(90)}
}

// sketchK is how many values a sketch level holds before it is compacted.
// Up to sketchK-1 values a sketch is the sample itself and its
// percentiles are exact.
const sketchK = 2048

// A sketch keeps a bounded summary of a sample from which percentiles are
// read (a deterministic compactor hierarchy, after Manku, Rajagopalan and
// Lindsay). Level h holds values that each stand for 2^h values of the
// sample. When a level fills up it is sorted and every other value, from
// the first or the second by turns, moves up a level: the total weight is
// kept, and each value kept is a value of the sample. A compaction at
// level h moves a value's rank by at most 2^h, and level h is compacted at
// most n/(sketchK 2^h) times, so every rank is off by at most H n/sketchK
// for H levels: under 0.5% of the sample for a million values (H <= 10).
// Memory is sketchK values a level, H levels: it grows with the log of
// the sample, not with the sample.
type sketch struct {
	levels [][]float64
	n      int
	flip   []bool // per level: which half the next compaction keeps
}

func (s *sketch) add(x float64) {
	s.n++
	s.push(0, x)
}

func (s *sketch) push(h int, x float64) {
	if h == len(s.levels) {
		// Upper levels fill slowly; they grow as they fill.
		s.levels = append(s.levels, nil)
		s.flip = append(s.flip, false)
	}
	if lv := s.levels[h]; len(lv) == cap(lv) {
		grown := make([]float64, len(lv), min(max(2*cap(lv), 64), sketchK))
		copy(grown, lv)
		s.levels[h] = grown
	}
	s.levels[h] = append(s.levels[h], x)
	if len(s.levels[h]) < sketchK {
		return
	}
	lv := s.levels[h]
	slices.Sort(lv)
	start := 0
	if s.flip[h] {
		start = 1
	}
	s.flip[h] = !s.flip[h]
	s.levels[h] = lv[:0]
	for i := start; i < len(lv); i += 2 {
		s.push(h+1, lv[i])
	}
}

// percentile is the p-th percentile by the nearest-rank method, read from
// the weighted values: exact while no level has been compacted.
func (s *sketch) percentile(p float64) float64 {
	if s.n == 0 {
		return 0
	}
	type item struct {
		x float64
		w int
	}
	var items []item
	for h, lv := range s.levels {
		for _, x := range lv {
			items = append(items, item{x, 1 << h})
		}
	}
	slices.SortFunc(items, func(a, b item) int { return cmp.Compare(a.x, b.x) })
	want, seen := rank(p, s.n), 0
	for _, it := range items {
		if seen += it.w; seen >= want {
			return it.x
		}
	}
	return items[len(items)-1].x
}

// exactSample keeps every value of a sample, as compactly as is exact:
// as float32 while every value so far converts to float32 and back
// unchanged (scores are sums of points, and usually do), otherwise as
// float64. A million games of seven seats then take 28 MB at most for
// exact score percentiles.
type exactSample struct {
	f32 []float32
	f64 []float64
	sum float64
}

func (s *exactSample) add(x float64) {
	s.sum += x
	if s.f64 == nil && float64(float32(x)) == x {
		s.f32 = append(s.f32, float32(x))
		return
	}
	if s.f64 == nil {
		s.f64 = make([]float64, len(s.f32), max(2*len(s.f32), 16))
		for i, v := range s.f32 {
			s.f64[i] = float64(v)
		}
		s.f32 = nil
	}
	s.f64 = append(s.f64, x)
}

// summary sorts the sample in place and sums it up: exact nearest-rank
// percentiles, and the mean of the values in the order given.
func (s *exactSample) summary() Summary {
	n := len(s.f32) + len(s.f64)
	if n == 0 {
		return Summary{}
	}
	at := func(r int) float64 { return float64(s.f32[r-1]) }
	if s.f64 != nil {
		slices.Sort(s.f64)
		at = func(r int) float64 { return s.f64[r-1] }
	} else {
		slices.Sort(s.f32)
	}
	return Summary{Mean: s.sum / float64(n), P10: at(rank(10, n)), P50: at(rank(50, n)), P90: at(rank(90, n))}
}
