package saves_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
	"github.com/chokepoint-game/chokepoint/saves"
)

// FuzzRead feeds the decoder and the replay check real saves and broken
// ones. Whatever the bytes, Read returns a save or an *Error of one line,
// never panics; a save it accepts writes back to a file it accepts again,
// as the same game.
//
// The seeds are games of a tiny scenario rather than of a shipped one:
// a short input keeps each run and each minimisation quick, and a slow
// worker at the end of -fuzztime trips a race in Go 1.26's fuzzing
// coordinator ("context deadline exceeded", go.dev/issue/75804). The
// shipped-scenario path is covered by the other tests.
func FuzzRead(f *testing.F) {
	for _, turns := range []int{0, 1, 4} {
		f.Add(tinySave(f, turns))
	}
	good := tinySave(f, 2)
	if _, err := saves.Read("tiny.json", good); err != nil {
		f.Fatalf("the seed save does not load: %v", err)
	}
	for _, n := range []int{0, 1, 40, len(good) / 3, len(good) / 2, len(good) - 3} {
		f.Add(good[:n])
	}
	f.Add(replace(f, good, `"version": 1,`, `"version": 2,`))
	f.Add(replace(f, good, `"seed": 9,`, `"seed": 10,`))
	f.Add(replace(f, good, `{"kind":"start"`, `{"kind":"end"`))
	f.Add(replace(f, good, `"after":1,`, `"after":2,`))
	f.Add(replace(f, good, `"turns: 4",`, `"turns: 3",`))
	f.Add(withCopy(f, good, "id: tiny\nturns: [\n"))
	f.Add([]byte(`{"format": "chokepoint-save", "version": 1}`))
	f.Add([]byte(`{"scenario": "tutorial", "seed": 1, "commands": []}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := saves.Read("fuzz.json", data)
		if err != nil {
			var se *saves.Error
			if !errors.As(err, &se) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("not one line of *saves.Error: %q", err)
			}
			return
		}
		again, err := s.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		s2, err := saves.Read("again.json", again)
		if err != nil {
			t.Fatalf("an accepted save, written again, is refused: %v", err)
		}
		if game.Hash(s2.State()) != game.Hash(s.State()) || !bytes.Equal(s2.Copy.Source, s.Copy.Source) {
			t.Fatal("written again, the save is another game")
		}
	})
}

// tinySave is a save of the tiny test scenario played by passive seats
// for the given number of turns (0: not started).
func tinySave(t testing.TB, turns int) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "tiny.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := content.Load("tiny.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	src := &content.Source{Scenario: sc, Data: data, Digest: content.SourceDigest(data)}
	seats := []saves.Seat{{Seat: "us", Player: "passive"}, {Seat: "prc", Player: "human", Person: "Bo"}}
	log := game.Log{Scenario: "tiny", Seed: 9, Commands: []game.Command{}}
	if turns > 0 {
		g, err := sim.Play(sc, 9, []ai.Player{ai.Passive{}, ai.Passive{}}, turns)
		if err != nil {
			t.Fatal(err)
		}
		log = g.Log
	}
	s, err := saves.FromLog(src, log, seats)
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return out
}
