package game

import "fmt"

// Log is a whole game: its scenario, its seed and the commands applied to
// it in order. Only commands the engine accepted belong in a log.
type Log struct {
	Scenario string    `json:"scenario"`
	Seed     uint64    `json:"seed"`
	Commands []Command `json:"commands"`
}

// ReplayError says which command of a log the engine refused.
type ReplayError struct {
	Index int
	Err   error
}

func (e *ReplayError) Error() string {
	return fmt.Sprintf("replaying command %d: %v", e.Index+1, e.Err)
}

func (e *ReplayError) Unwrap() error { return e.Err }

// Replay rebuilds a game from its log. If step is not nil it is called
// after every command with the command's index and the state after it.
func Replay(sc *Scenario, log Log, step func(i int, st State)) (State, error) {
	if sc.ID != log.Scenario {
		return State{}, fmt.Errorf("the log is of scenario %q, not %q", log.Scenario, sc.ID)
	}
	st, err := NewGame(sc, log.Seed)
	if err != nil {
		return State{}, err
	}
	for i, c := range log.Commands {
		st, _, err = Apply(st, c)
		if err != nil {
			return st, &ReplayError{Index: i, Err: err}
		}
		if step != nil {
			step(i, st)
		}
	}
	return st, nil
}
