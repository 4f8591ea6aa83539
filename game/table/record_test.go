package table

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/table/tabletest"
)

// A table keeps the game's log and the hash after every change of phase,
// hands them to the autosave after each change, reveals the secret
// objectives at the end when no one facilitates, and a table resumed from
// the log stands where the first one stood.
func TestRecordAutosaveAndResume(t *testing.T) {
	sc := tutorial(t)
	var mu sync.Mutex
	var saved []Record
	autosave := func(r Record) {
		mu.Lock()
		saved = append(saved, r)
		mu.Unlock()
	}
	tb := open(t, Config{Scenario: sc, Seed: 11, Players: players(sc), Clock: tabletest.NewFakeClock(epoch), NoClock: true, Autosave: autosave})
	spec := join(t, tb, game.Spectator)
	u := waitFor(t, spec, "game over", func(u Update) bool { return u.View.Phase == game.GameOver })
	if !u.View.Revealed {
		t.Error("the secret objectives are not revealed at the end of a game with no facilitator")
	}
	rec, err := tb.Record(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Marks) == 0 || rec.Phase != game.GameOver || rec.Log.Seed != 11 {
		t.Fatalf("record: %d marks, phase %s, seed %d", len(rec.Marks), rec.Phase, rec.Log.Seed)
	}
	// Every mark is the replayed game's hash after its command.
	marks := map[int]string{}
	for _, m := range rec.Marks {
		marks[m.Command] = m.Hash
	}
	if _, err := game.Replay(sc, rec.Log, func(i int, st game.State) {
		if h, ok := marks[i]; ok && h != game.Hash(st) {
			t.Fatalf("mark after command %d differs from the replay", i)
		}
	}); err != nil {
		t.Fatal(err)
	}
	// The autosave saw the last change of phase (it may skip some).
	deadline := time.Now().Add(5 * time.Second)
	for {
		mu.Lock()
		n := len(saved)
		last := Record{}
		if n > 0 {
			last = saved[n-1]
		}
		mu.Unlock()
		if n > 0 && last.Phase == game.GameOver {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the autosave never saw the end: %d records", n)
		}
		time.Sleep(5 * time.Millisecond)
	}
	// Resumed from its log, a new table stands at the same state.
	tb2 := open(t, Config{Scenario: sc, Seed: 11, Players: players(sc), Clock: tabletest.NewFakeClock(epoch), NoClock: true, Resume: rec.Log.Commands})
	rec2, err := tb2.Record(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(rec2.Log.Commands) != len(rec.Log.Commands) || rec2.Marks[len(rec2.Marks)-1] != rec.Marks[len(rec.Marks)-1] {
		t.Fatalf("the resumed table differs: %d commands, last mark %+v; want %d, %+v",
			len(rec2.Log.Commands), rec2.Marks[len(rec2.Marks)-1], len(rec.Log.Commands), rec.Marks[len(rec.Marks)-1])
	}
}
