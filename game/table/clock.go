package table

import "time"

// A Clock tells the time and runs a function later. The table takes one so
// that tests run negotiation clocks with a fake clock instead of waiting.
type Clock interface {
	Now() time.Time
	// AfterFunc calls f once, in its own goroutine or the caller of a
	// fake clock's Advance, after d; stop cancels it if it has not run.
	AfterFunc(d time.Duration, f func()) (stop func() bool)
}

// RealClock is the wall clock.
type RealClock struct{}

// Now is time.Now.
func (RealClock) Now() time.Time { return time.Now() }

// AfterFunc is time.AfterFunc.
func (RealClock) AfterFunc(d time.Duration, f func()) func() bool {
	return time.AfterFunc(d, f).Stop
}
