package sim

import (
	"fmt"
	"strconv"
	"strings"
)

// Shard is part K of N of a run: a contiguous block of its units (the
// games of a run, the games of every point of a sweep, in order), so that
// N processes on any number of machines each play one block and a merge
// of their raw files, in shard order, sees every unit once and in order.
// The zero Shard is the whole run.
type Shard struct {
	K int `json:"k"`
	N int `json:"n"`
}

// ParseShard reads K/N, with 1 <= K <= N.
func ParseShard(s string) (Shard, error) {
	ks, ns, ok := strings.Cut(s, "/")
	k, kerr := strconv.Atoi(ks)
	n, nerr := strconv.Atoi(ns)
	switch {
	case !ok || kerr != nil || nerr != nil:
		return Shard{}, fmt.Errorf("%q is not K/N (shard K of N, from 1)", s)
	case n < 1 || n > MaxShards:
		return Shard{}, fmt.Errorf("%q: N must be between 1 and %d", s, MaxShards)
	case k < 1 || k > n:
		return Shard{}, fmt.Errorf("%q: K must be between 1 and N", s)
	}
	return Shard{k, n}, nil
}

// MaxShards bounds N: more shards than this would mostly be empty.
const MaxShards = 1_000_000

// Whole reports whether the shard is the whole run.
func (s Shard) Whole() bool { return s.N <= 1 }

// Range is the block of units lo to hi-1 of total that the shard plays.
// The blocks of 1/N to N/N follow each other and cover every unit once;
// their sizes differ by at most one.
func (s Shard) Range(total int) (lo, hi int) {
	if s.Whole() {
		return 0, total
	}
	t, n := int64(total), int64(s.N)
	return int(t * int64(s.K-1) / n), int(t * int64(s.K) / n)
}

func (s Shard) String() string {
	if s.Whole() {
		return "1/1"
	}
	return fmt.Sprintf("%d/%d", s.K, s.N)
}
