package saves_test

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/saves"
)

// finished returns a finished game of the default scenario, with deals,
// as a save's bytes.
func finished(t testing.TB) []byte {
	t.Helper()
	p := play(t, "rare-earth-card", 11, 0)
	s, err := saves.FromLog(p.src, p.log, p.seats)
	if err != nil {
		t.Fatal(err)
	}
	data, err := s.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// section returns the byte range of a top-level list of the file, from
// its key to the line that closes it.
func section(t testing.TB, data []byte, key string) (int, int) {
	t.Helper()
	start := bytes.Index(data, []byte("\n  \""+key+"\": ["))
	if start < 0 {
		t.Fatalf("no %s in the save", key)
	}
	end := bytes.Index(data[start:], []byte("\n  ],"))
	return start, start + end
}

var number = regexp.MustCompile(`":(-?\d+)`)

// Changing any one number of the command log (a deal's id, a duration, a
// value) makes the save refuse to load as altered.
func TestTamperedLogIsRefused(t *testing.T) {
	data := finished(t)
	from, to := section(t, data, "commands")
	locs := number.FindAllSubmatchIndex(data[from:to], -1)
	if len(locs) < 10 {
		t.Fatalf("only %d numbers in the log: the test would prove little", len(locs))
	}
	for _, loc := range locs {
		a, b := from+loc[2], from+loc[3]
		n, _ := strconv.Atoi(string(data[a:b]))
		changed := bytes.Join([][]byte{data[:a], []byte(strconv.Itoa(n + 1)), data[b:]}, nil)
		_, err := saves.Read("tampered.json", changed)
		if !errors.Is(err, saves.ErrMismatch) {
			line := bytes.Count(data[:a], []byte("\n")) + 1
			t.Errorf("line %d: %s changed to %d: %v, want a mismatch", line, data[a:b], n+1, err)
		}
	}
}

// Changing one digit of any state hash, or the turn a check records, or
// the seed, makes the save refuse to load as altered, with a message that
// says so.
func TestTamperedHashIsRefused(t *testing.T) {
	data := finished(t)
	from, to := section(t, data, "checks")
	hash := regexp.MustCompile(`"hash":"([0-9a-f]{64})"`)
	locs := hash.FindAllSubmatchIndex(data[from:to], -1)
	if len(locs) < 20 {
		t.Fatalf("only %d checks", len(locs))
	}
	for i, loc := range locs {
		at := from + loc[2] + i%64
		changed := bytes.Clone(data)
		changed[at] = "1032547698badcfe"[strings.IndexByte("0123456789abcdef", changed[at])]
		_, err := saves.Read("tampered.json", changed)
		if !errors.Is(err, saves.ErrMismatch) {
			t.Errorf("hash %d changed: %v, want a mismatch", i+1, err)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "altered, or written by an incompatible version") || strings.Contains(msg, "\n") {
			t.Errorf("the message: %s", msg)
		}
	}
	for name, edit := range map[string][2]string{
		"the seed":        {`"seed": 11,`, `"seed": 12,`},
		"a check's turn":  {`"turn":3,"phase":"orders"`, `"turn":4,"phase":"orders"`},
		"a check's phase": {`"turn":3,"phase":"orders"`, `"turn":3,"phase":"resolution"`},
	} {
		if !bytes.Contains(data, []byte(edit[0])) {
			t.Fatalf("%s: no %s in the save", name, edit[0])
		}
		changed := bytes.Replace(data, []byte(edit[0]), []byte(edit[1]), 1)
		if _, err := saves.Read("tampered.json", changed); !errors.Is(err, saves.ErrMismatch) {
			t.Errorf("%s changed: %v, want a mismatch", name, err)
		}
	}
}

// Dropping a command, or a check, is refused too.
func TestTruncatedLogIsRefused(t *testing.T) {
	data := finished(t)
	from, to := section(t, data, "commands")
	lines := bytes.Split(data[from:to], []byte("\n"))
	// Drop a command from the middle (not the last, whose comma rules differ).
	mid := len(lines) / 2
	kept := append(append([][]byte{}, lines[:mid]...), lines[mid+1:]...)
	changed := bytes.Join([][]byte{data[:from], bytes.Join(kept, []byte("\n")), data[to:]}, nil)
	if _, err := saves.Read("dropped.json", changed); err == nil {
		t.Error("a save with a command dropped loaded")
	}
	cf, ct := section(t, data, "checks")
	clines := bytes.Split(data[cf:ct], []byte("\n"))
	mid = len(clines) / 2
	kept = append(append([][]byte{}, clines[:mid]...), clines[mid+1:]...)
	changed = bytes.Join([][]byte{data[:cf], bytes.Join(kept, []byte("\n")), data[ct:]}, nil)
	if _, err := saves.Read("dropped.json", changed); !errors.Is(err, saves.ErrMismatch) {
		t.Errorf("a save with a check dropped: %v, want a mismatch", err)
	}
}
