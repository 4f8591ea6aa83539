package saves

import (
	"sync"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/table"
)

// Keeper keeps the save of one game that a table runs, and writes it to a
// store: an autosave after every phase change (its Autosave is the
// table's Config.Autosave, so it runs on the table's saving goroutine,
// never on the loop that runs the game or draws the screen), and a named
// save when a person asks for one. It brings its save up to date from the
// table's record by applying only the commands it has not seen, so an
// autosave costs the phase's commands, not the whole game's.
type Keeper struct {
	store  *Store
	report func(path string, err error)

	mu   sync.Mutex
	save *Save
	// written is how many commands the last autosave held.
	written int
}

// Keeper starts keeping the game whose save is s (new, loaded or branched,
// and verified): later records of its table extend it. report, when not
// nil, is told of every autosave: the file written, or why it failed.
func (st *Store) Keeper(s *Save, report func(path string, err error)) *Keeper {
	return &Keeper{store: st, report: report, save: s, written: -1}
}

// Save is the game's save as it stands (a snapshot: later records do not
// change it).
func (k *Keeper) Save() *Save {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.save.Snapshot()
}

// catchUp records the commands of r that the save does not hold yet.
func (k *Keeper) catchUp(r table.Record) error {
	s := k.save
	cmds := r.Log.Commands
	// A record older than the save (the table's saver was behind a
	// direct call) has nothing new.
	st := s.cur
	for i := len(s.Commands); i < len(cmds); i++ {
		next, _, err := game.Apply(st, cmds[i])
		if err != nil {
			return newError(ErrMismatch, "command %d (%s by %s) is refused: %v", i+1, cmds[i].Kind, cmds[i].Seat, err)
		}
		st = next
		if err := s.Record(cmds[i], st); err != nil {
			return err
		}
	}
	return nil
}

// Autosave brings the save up to date with the table's record and writes
// it as the game's newest autosave. It is meant as table.Config.Autosave.
// Reports are made in the order of the writes (under the keeper's lock),
// so report must not wait on anything that waits on the keeper.
func (k *Keeper) Autosave(r table.Record) {
	k.mu.Lock()
	defer k.mu.Unlock()
	path, err := k.autosave(r)
	if k.report != nil && (path != "" || err != nil) {
		k.report(path, err)
	}
}

func (k *Keeper) autosave(r table.Record) (string, error) {
	if err := k.catchUp(r); err != nil {
		return "", err
	}
	if len(k.save.Commands) == k.written {
		return "", nil // nothing new since the last autosave
	}
	path, err := k.store.Autosave(k.save)
	if err == nil {
		k.written = len(k.save.Commands)
	}
	return path, err
}

// SaveAs brings the save up to date with the table's record and writes it
// under the name a person gave (Store.SaveAs).
func (k *Keeper) SaveAs(r table.Record, name string, replace bool) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if err := k.catchUp(r); err != nil {
		return "", err
	}
	return k.store.SaveAs(k.save, name, replace)
}
