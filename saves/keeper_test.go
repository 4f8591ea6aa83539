package saves_test

import (
	"context"
	"errors"
	"os"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/table"
	"github.com/chokepoint-game/chokepoint/game/table/tabletest"
	"github.com/chokepoint-game/chokepoint/saves"
)

// A keeper given as a table's autosave writes the game after its phase
// changes; the newest autosave loads, verifies and is the table's game.
// With the disk full, the keeper reports the failure and the autosave
// before it stays.
func TestKeeperAutosavesATable(t *testing.T) {
	src, err := content.GetSource("tutorial")
	if err != nil {
		t.Fatal(err)
	}
	sc := src.Scenario
	seats := make([]saves.Seat, len(sc.Seats))
	players := make([]ai.Player, len(sc.Seats))
	for i, s := range sc.Seats {
		seats[i] = saves.Seat{Seat: s.ID, Player: "passive"}
		players[i] = ai.Passive{}
	}
	s, err := saves.New(src, 3, seats)
	if err != nil {
		t.Fatal(err)
	}
	ffs := &faultFS{}
	st := &saves.Store{Dir: t.TempDir(), FS: ffs}
	var mu sync.Mutex
	var wrote []string
	var failed []error
	k := st.Keeper(s, func(path string, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			failed = append(failed, err)
		} else {
			wrote = append(wrote, path)
		}
	})
	tb, err := table.Open(table.Config{Scenario: sc, Seed: 3, Players: players, Clock: tabletest.NewFakeClock(time.Unix(0, 0)), NoClock: true, Autosave: k.Autosave, Lobby: true})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	fac, err := tb.Join(game.Facilitator)
	if err != nil {
		t.Fatal(err)
	}
	if err := fac.Do(context.Background(), game.Command{Kind: game.CmdStart}); err != nil {
		t.Fatal(err)
	}
	for u := range fac.Updates() {
		if u.View.Phase == game.GameOver {
			break
		}
	}
	rec, err := tb.Record(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// The table's saver may be behind: the last record is written by a
	// direct call, as the interface does when it closes.
	k.Autosave(rec)
	mu.Lock()
	n, last := len(wrote), ""
	if n > 0 {
		last = wrote[n-1]
	}
	mu.Unlock()
	if n == 0 || len(failed) > 0 {
		t.Fatalf("%d autosaves written, failures: %v", n, failed)
	}
	got, err := saves.Load(last)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Commands) != len(rec.Log.Commands) || got.Phase() != game.GameOver || got.ID != s.ID {
		t.Fatalf("the newest autosave is %v; the table has %d commands", got, len(rec.Log.Commands))
	}

	// A full disk: the keeper of another game reports it, and that game's
	// last autosave stays as it was.
	s2, err := saves.New(src, 3, seats)
	if err != nil {
		t.Fatal(err)
	}
	var errs []error
	k2 := st.Keeper(s2, func(_ string, err error) { errs = append(errs, err) })
	all := rec.Log.Commands
	half := table.Record{Log: game.Log{Scenario: sc.ID, Seed: 3, Commands: all[:len(all)/2]}}
	k2.Autosave(half)
	if len(errs) != 1 || errs[0] != nil {
		t.Fatalf("first autosave: %v", errs)
	}
	_, path, _, err := st.Latest()
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	*ffs = faultFS{failWrite: syscall.ENOSPC}
	k2.Autosave(rec)
	if len(errs) != 2 || !errors.Is(errs[1], saves.ErrDiskFull) {
		t.Fatalf("with the disk full: %v", errs)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the previous autosave changed")
	}
	if prev, err := saves.Load(path); err != nil || len(prev.Commands) != len(all)/2 {
		t.Errorf("the previous autosave: %v", err)
	}
	*ffs = faultFS{}
	k2.Autosave(rec)
	if len(errs) != 3 || errs[2] != nil {
		t.Fatalf("with space again: %v", errs)
	}
	if got := k2.Save(); len(got.Commands) != len(all) {
		t.Errorf("the keeper's save has %d commands, want %d", len(got.Commands), len(all))
	}
}
