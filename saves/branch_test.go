package saves_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/saves"
)

// A branch from the start of a turn is a new game whose log is the
// original's up to that point, which records where it came from, stands
// where the original stood then, and goes on as a game of its own.
func TestBranch(t *testing.T) {
	s, err := saves.Read("finished.json", finished(t))
	if err != nil {
		t.Fatal(err)
	}
	after, ok := s.TurnStart(4)
	if !ok {
		t.Fatal("the game has no turn 4")
	}
	seats := append([]saves.Seat(nil), s.Seats...)
	seats[0] = saves.Seat{Seat: seats[0].Seat, Player: "human", Person: "Ada"}
	b, err := s.Branch(after, seats)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(b.Commands, s.Commands[:after]) {
		t.Error("the branch's log is not the original's prefix")
	}
	if b.ID == s.ID || b.BranchedFrom == nil || *b.BranchedFrom != (saves.Branch{Parent: s.ID, Turn: 4, After: after}) {
		t.Errorf("the branch's record: id %s, %+v", b.ID, b.BranchedFrom)
	}
	if b.Turn() != 4 || b.Phase() != game.Events || b.Seats[0].Person != "Ada" {
		t.Errorf("the branch stands at turn %d, %s", b.Turn(), b.Phase())
	}
	var then game.State
	if _, err := game.Replay(s.Scenario(), s.Log(), func(i int, st game.State) {
		if i == after-1 {
			then = st
		}
	}); err != nil {
		t.Fatal(err)
	}
	if game.Hash(b.State()) != game.Hash(then) {
		t.Error("the branch does not start from the original's state at that point")
	}
	for i, c := range s.Checks {
		if c.After > after {
			break
		}
		if b.Checks[i] != c {
			t.Errorf("check %d differs from the original's", i)
		}
	}
	// The branch goes on with a command of its own, and round-trips.
	st, _, err := game.Apply(b.State(), game.Command{Kind: game.CmdEnd, Seat: game.FacilitatorID, Text: "what if"})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Record(game.Command{Kind: game.CmdEnd, Seat: game.FacilitatorID, Text: "what if"}, st); err != nil {
		t.Fatal(err)
	}
	data, err := b.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := saves.Read("branch.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if *back.BranchedFrom != *b.BranchedFrom || back.Phase() != game.GameOver {
		t.Errorf("read back: %+v, %s", back.BranchedFrom, back.Phase())
	}

	if _, ok := s.TurnStart(99); ok {
		t.Error("a turn the game never reached has a start")
	}
	for _, bad := range []int{-1, len(s.Commands) + 1} {
		if _, err := s.Branch(bad, seats); err == nil {
			t.Errorf("a branch after %d commands was made", bad)
		}
	}
	d, _ := saves.Decode(data)
	if _, err := d.Branch(0, seats); !errors.Is(err, saves.ErrNotRecording) {
		t.Errorf("a branch of an unverified save: %v", err)
	}
}
