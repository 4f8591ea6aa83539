package saves_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/saves"
)

// FuzzRead feeds the decoder and the replay check real saves and broken
// ones. Whatever the bytes, Read returns a save or an *Error of one line,
// never panics; a save it accepts writes back to a file it accepts again,
// as the same game.
func FuzzRead(f *testing.F) {
	good := small(f)
	f.Add(good)
	for _, n := range []int{0, 1, 40, len(good) / 3, len(good) / 2, len(good) - 3} {
		f.Add(good[:n])
	}
	f.Add(replace(f, good, `"version": 1,`, `"version": 2,`))
	f.Add(replace(f, good, `"seed": 3,`, `"seed": 4,`))
	f.Add(replace(f, good, `{"kind":"start"`, `{"kind":"end"`))
	f.Add(replace(f, good, `"after":1,`, `"after":2,`))
	f.Add(replace(f, good, `"turns: 200",`, `"turns: 2",`))
	f.Add(withCopy(f, good, "id: prisoners-dilemma\nturns: [\n"))
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
