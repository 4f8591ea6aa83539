package saves

import "sync"

// Autosaver writes a game's autosaves on a goroutine of its own, so that
// the loop that runs the game never waits for the disk. It holds at most
// one save waiting: if the disk is slower than the game, a newer save
// replaces the waiting one (the newest is the one worth having after a
// crash).
type Autosaver struct {
	store  *Store
	report func(path string, err error)

	mu      sync.Mutex
	pending *Save
	closed  bool
	wake    chan struct{}
	done    chan struct{}
}

// NewAutosaver starts an autosaver writing to the store. report, when not
// nil, is called on the autosaver's goroutine after every write with the
// file written or the error (a full disk, say), for the caller to show.
func (st *Store) NewAutosaver(report func(path string, err error)) *Autosaver {
	a := &Autosaver{store: st, report: report, wake: make(chan struct{}, 1), done: make(chan struct{})}
	go a.run()
	return a
}

// Save queues an autosave of the game. Call it on the goroutine that
// records the game's commands (it takes a Snapshot there), after a phase
// change; it returns at once.
func (a *Autosaver) Save(s *Save) {
	snap := s.Snapshot()
	a.mu.Lock()
	if a.closed {
		a.mu.Unlock()
		return
	}
	a.pending = snap
	// Signalled under the lock, so Close cannot close the channel
	// between the check above and the send.
	select {
	case a.wake <- struct{}{}:
	default:
	}
	a.mu.Unlock()
}

// Close writes the save still waiting, if any, and stops the autosaver.
// Saves queued after Close are dropped.
func (a *Autosaver) Close() {
	a.mu.Lock()
	if !a.closed {
		a.closed = true
		close(a.wake)
	}
	a.mu.Unlock()
	<-a.done
}

func (a *Autosaver) run() {
	defer close(a.done)
	for range a.wake {
		a.flush()
	}
	a.flush()
}

func (a *Autosaver) flush() {
	a.mu.Lock()
	s := a.pending
	a.pending = nil
	a.mu.Unlock()
	if s == nil {
		return
	}
	path, err := a.store.Autosave(s)
	if a.report != nil {
		a.report(path, err)
	}
}
