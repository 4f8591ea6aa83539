package saves_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"pgregory.net/rapid"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/saves"
)

// phaseHashes replays a log independently of the package and returns the
// hash of the state at the start and after every phase change, with the
// number of commands after which each was taken: what a save must record.
func phaseHashes(t testing.TB, sc *game.Scenario, log game.Log) map[int]string {
	t.Helper()
	st, err := game.NewGame(sc, log.Seed)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]string{0: game.Hash(st)}
	prev := st
	_, err = game.Replay(sc, log, func(i int, st game.State) {
		if st.Phase != prev.Phase || st.Turn != prev.Turn {
			out[i+1] = game.Hash(st)
		}
		prev = st
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Every shipped scenario: a game played by AI seats to its end is saved,
// written, read back and verified; the loaded save has the same log, the
// same hash after every phase as the game itself, and the same final state.
func TestRoundTripEveryShippedScenario(t *testing.T) {
	for _, e := range content.Shipped() {
		t.Run(e.ID, func(t *testing.T) {
			p := play(t, e.ID, 11, 0)
			if p.final.Phase != game.GameOver {
				t.Fatalf("the game ended in %s", p.final.Phase)
			}
			s, err := saves.FromLog(p.src, p.log, p.seats)
			if err != nil {
				t.Fatal(err)
			}
			data, err := s.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			if !json.Valid(data) {
				t.Fatal("the save is not valid JSON")
			}
			got, err := saves.Read("round-trip.json", data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Commands, p.log.Commands) || got.Seed != p.log.Seed || got.Copy.ID != e.ID {
				t.Fatal("the loaded log is not the played one")
			}
			if !reflect.DeepEqual(got.Seats, p.seats) || got.ID != s.ID {
				t.Errorf("seats or id changed: %+v, %s", got.Seats, got.ID)
			}
			if !bytes.Equal(got.Copy.Source, p.src.Data) {
				t.Error("the scenario copy is not the shipped text")
			}
			want := phaseHashes(t, p.src.Scenario, p.log)
			seen := 0
			for _, c := range got.Checks {
				h, ok := want[c.After]
				switch {
				case ok:
					seen++
					if h != c.Hash {
						t.Errorf("after %d commands: hash %s, the game's %s", c.After, c.Hash, h)
					}
				case c.After != len(p.log.Commands):
					t.Errorf("a check after %d commands, where the phase did not change", c.After)
				}
			}
			if seen != len(want) {
				t.Errorf("%d of the game's %d phase changes have a check", seen, len(want))
			}
			if game.Hash(got.State()) != game.Hash(p.final) {
				t.Error("the loaded game's final state is not the played game's")
			}
			again, err := got.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again, data) {
				t.Error("writing a loaded save again changes it")
			}
		})
	}
}

// A save recorded command by command as a game is played (as the table
// will) is the same file as one made afterwards from the log, at any
// point of the game, and always verifies.
func TestRecordMatchesFromLog(t *testing.T) {
	p := play(t, "tutorial", 5, 0)
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(0, len(p.log.Commands)).Draw(rt, "commands")
		live, err := saves.New(p.src, p.log.Seed, p.seats)
		if err != nil {
			rt.Fatal(err)
		}
		st := live.State()
		for _, c := range p.log.Commands[:n] {
			st, _, err = game.Apply(st, c)
			if err != nil {
				rt.Fatal(err)
			}
			if err := live.Record(c, st); err != nil {
				rt.Fatal(err)
			}
		}
		prefix := p.log
		prefix.Commands = p.log.Commands[:n]
		fromLog, err := saves.FromLog(p.src, prefix, p.seats)
		if err != nil {
			rt.Fatal(err)
		}
		fromLog.ID, fromLog.Created, fromLog.Updated = live.ID, live.Created, live.Updated
		a, err := live.Marshal()
		if err != nil {
			rt.Fatal(err)
		}
		b, err := fromLog.Marshal()
		if err != nil {
			rt.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			rt.Fatalf("after %d commands the recorded save differs from the one made from the log", n)
		}
		if _, err := saves.Read("", a); err != nil {
			rt.Fatalf("after %d commands: %v", n, err)
		}
	})
}

// Record refuses a state that does not follow the last one, and a save
// that was only decoded.
func TestRecordRefusesOutOfOrder(t *testing.T) {
	p := play(t, "tutorial", 5, 0)
	s, err := saves.New(p.src, p.log.Seed, p.seats)
	if err != nil {
		t.Fatal(err)
	}
	st, _, err := game.Apply(s.State(), p.log.Commands[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Record(p.log.Commands[0], st); err != nil {
		t.Fatal(err)
	}
	if err := s.Record(p.log.Commands[0], st); err == nil {
		t.Error("the same state recorded twice was accepted")
	}
	data, _ := s.Marshal()
	d, err := saves.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	next, _, _ := game.Apply(st, p.log.Commands[1])
	if err := d.Record(p.log.Commands[1], next); err == nil {
		t.Error("a save that was only decoded recorded a command")
	}
	if err := d.Verify(); err != nil {
		t.Fatal(err)
	}
	if err := d.Record(p.log.Commands[1], next); err != nil {
		t.Errorf("a verified save: %v", err)
	}
}

// New refuses seats that do not fit the scenario.
func TestNewChecksSeats(t *testing.T) {
	p := play(t, "tutorial", 5, 0)
	for name, seats := range map[string][]saves.Seat{
		"too few":      p.seats[:1],
		"out of order": append([]saves.Seat{p.seats[1], p.seats[0]}, p.seats[2:]...),
		"no player":    append([]saves.Seat{{Seat: p.seats[0].Seat}}, p.seats[1:]...),
	} {
		if _, err := saves.New(p.src, 1, seats); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
