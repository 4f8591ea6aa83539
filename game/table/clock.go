package table

import (
	"time"

	"github.com/chokepoint-game/chokepoint/game"
)

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

// The negotiation clock. It starts when a negotiation begins and every
// seat played by people has read its briefing, runs for the seconds the
// state's clock says, stops when negotiation ends, and follows the
// facilitator: set-clock restarts it with the seconds given (0 stops it
// for the phase), pause holds what is left and resume runs it again. When
// it runs out the table closes negotiation, and seats without orders keep
// their policy.

// clockAfter moves the clock along with a command's events.
func (o *owner) clockAfter(evs []game.Event) {
	if o.st.Phase != game.Negotiation {
		o.stopTimer()
		o.deadline, o.left = time.Time{}, 0
		return
	}
	for i := range evs {
		switch evs[i].Kind {
		case game.EvClock:
			if o.noClock {
				continue
			}
			o.stopTimer()
			o.deadline, o.left = time.Time{}, 0
			o.clockTurn = o.st.Turn
			if d := time.Duration(evs[i].Value) * time.Second; d > 0 {
				if o.st.Paused {
					o.left = d
				} else {
					o.runFor(d)
				}
			}
		case game.EvPaused:
			if !o.deadline.IsZero() {
				o.left = max(0, o.deadline.Sub(o.t.clock.Now()))
				o.stopTimer()
				o.deadline = time.Time{}
			}
		case game.EvResumed:
			if o.left > 0 {
				o.runFor(o.left)
				o.left = 0
			}
		}
	}
	o.armClock()
}

// armClock starts the clock the first time a turn's negotiation may have
// it: every person briefed, the game not paused.
func (o *owner) armClock() {
	if o.st.Phase != game.Negotiation || o.noClock || o.clockTurn == o.st.Turn || o.st.Clock <= 0 ||
		o.st.Paused || o.briefed&o.humans != o.humans {
		return
	}
	o.clockTurn = o.st.Turn
	o.runFor(time.Duration(o.st.Clock) * time.Second)
}

// runFor starts the timer; a tick of an older timer is ignored.
func (o *owner) runFor(d time.Duration) {
	o.stopTimer()
	o.clockGen++
	gen := o.clockGen
	o.deadline = o.t.clock.Now().Add(d)
	quit, reqs := o.t.quit, o.t.reqs
	o.stopClock = o.t.clock.AfterFunc(d, func() {
		select {
		case reqs <- request{tick: gen}:
		case <-quit:
		}
	})
}

func (o *owner) stopTimer() {
	if o.stopClock != nil {
		o.stopClock()
		o.stopClock = nil
	}
}
