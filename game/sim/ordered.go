package sim

import (
	"sync"
	"sync/atomic"
)

// aheadPerWorker bounds how many units past the oldest one still
// running may be played and held, per worker, so that a slow game
// cannot make the finished ones behind it pile up in memory.
const aheadPerWorker = 4

// Ordered plays units lo to hi-1 on up to workers goroutines, one unit
// on one goroutine at a time, and hands each unit's result to take in
// unit order, on the calling goroutine, whatever order they finish in:
// so whatever take builds does not depend on the number of workers. The
// first error, from play or take, of the lowest unit stops the run: no
// later unit starts, every earlier one still runs (so the error returned
// is always the lowest unit's), and the error is returned.
func Ordered[T any](lo, hi, workers int, play func(i int) (T, error), take func(i int, t T) error) error {
	if hi <= lo {
		return nil
	}
	workers = max(1, min(workers, hi-lo))
	type result struct {
		i   int
		t   T
		err error
	}
	// Workers take units in order, each after taking a slot of ahead,
	// which the gatherer gives back as it takes units in order; stopAt
	// is lowered to a failed unit so that no later unit starts.
	var next, stopAt atomic.Int64
	next.Store(int64(lo))
	stopAt.Store(int64(hi))
	stop := func(i int) {
		for {
			cur := stopAt.Load()
			if int64(i) >= cur || stopAt.CompareAndSwap(cur, int64(i)) {
				return
			}
		}
	}
	ahead := make(chan struct{}, aheadPerWorker*workers)
	results := make(chan result, aheadPerWorker*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				ahead <- struct{}{}
				i := int(next.Add(1) - 1)
				if i >= hi || int64(i) >= stopAt.Load() {
					<-ahead
					return
				}
				t, err := play(i)
				if err != nil {
					stop(i)
				}
				results <- result{i, t, err}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Gather in order: a unit that finishes early waits in pending until
	// every unit before it is in.
	pending := map[int]result{}
	want := lo
	var runErr error
	for r := range results {
		pending[r.i] = r
		for runErr == nil {
			r, ok := pending[want]
			if !ok {
				break
			}
			delete(pending, want)
			<-ahead
			if r.err == nil {
				r.err = take(r.i, r.t)
			}
			if r.err != nil {
				runErr = r.err
				stop(want)
				break
			}
			want++
		}
		if runErr != nil {
			// Free the workers waiting for a slot; they see stopAt and end.
			for range pending {
				<-ahead
			}
			clear(pending)
		}
	}
	return runErr
}
