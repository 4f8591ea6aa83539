package saves_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/saves"
)

// small is a short finished-or-not game as a save's bytes: the fixture.
func small(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(fixture(saves.Version))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func replace(t testing.TB, data []byte, old, new string) []byte {
	t.Helper()
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("no %q in the save", old)
	}
	return bytes.Replace(data, []byte(old), []byte(new), 1)
}

// withCopy replaces the scenario copy of a save with text, and its digest
// with text's, so that only the copy's own content is wrong.
func withCopy(t testing.TB, data []byte, text string) []byte {
	t.Helper()
	s, err := saves.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	s.Copy.Source = []byte(text)
	s.Copy.Digest = content.SourceDigest(s.Copy.Source)
	out, err := s.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Every kind of bad file gives an error of its kind, on one line that
// starts with the file's name, and the file is left exactly as it was.
func TestBadFiles(t *testing.T) {
	good := small(t)
	pd, _, _ := content.ShippedSource("prisoners-dilemma")
	broken := strings.Replace(string(pd), "turns: 200", "turns: -4", 1)
	cases := []struct {
		name string
		data []byte
		kind error
		says string
	}{
		{"empty", []byte{}, saves.ErrEmpty, "empty"},
		{"blank", []byte(" \n\t\n"), saves.ErrEmpty, "empty"},
		{"truncated", good[:len(good)/2], saves.ErrTruncated, "truncated"},
		{"truncated early", good[:20], saves.ErrTruncated, "truncated"},
		{"not JSON", []byte("\x89PNG\r\n\x1a\n\x00\x00"), saves.ErrUnknownFormat, "not a Chokepoint save"},
		{"a scenario", pd, saves.ErrUnknownFormat, "not a Chokepoint save"},
		{"a JSON list", []byte(`[1, 2, 3]`), saves.ErrUnknownFormat, "not a Chokepoint save"},
		{"another format", replace(t, good, `"format": "chokepoint-save"`, `"format": "othergame-save"`), saves.ErrUnknownFormat, "its format is"},
		{"no format", replace(t, good, `"format": "chokepoint-save",`, ``), saves.ErrUnknownFormat, `no "format"`},
		{"a bare log", []byte(`{"scenario": "tutorial", "seed": 1, "commands": []}`), saves.ErrUnknownFormat, "bare command log"},
		{"damaged JSON", replace(t, good, `"seed": 3,`, `"seed": 3,,`), saves.ErrCorrupt, "not valid JSON at line 9, column 13"},
		{"trailing data", append(bytes.Clone(good), "{}"...), saves.ErrCorrupt, "more data after the end"},
		{"unknown field", replace(t, good, `"seed": 3,`, `"seed": 3, "sneed": 4,`), saves.ErrCorrupt, `unknown field "sneed"`},
		{"wrong kind", replace(t, good, `"seed": 3,`, `"seed": "three",`), saves.ErrCorrupt, "seed holds a JSON string where a number belongs"},
		{"unknown command", replace(t, good, `{"kind":"start"`, `{"kind":"launch"`), saves.ErrCorrupt, "launch"},
		{"bad id", replace(t, good, `"id": "0123456789abcdef"`, `"id": "../../etc"`), saves.ErrCorrupt, "game id"},
		{"no seed", replace(t, good, `"seed": 3,`, ``), saves.ErrCorrupt, "no seed"},
		{"no checks", replace(t, good, `"checks": [`, `"checks": [], "x": [`), saves.ErrCorrupt, "unknown field"},
		{"no version", replace(t, good, `"version": 1,`, ``), saves.ErrBadVersion, "no format version"},
		{"version zero", replace(t, good, `"version": 1,`, `"version": 0,`), saves.ErrBadVersion, "not a version"},
		{"version text", replace(t, good, `"version": 1,`, `"version": "1",`), saves.ErrBadVersion, "not a version"},
		{"newer format", replace(t, good, `"version": 1,`, `"version": 7,`), saves.ErrNewerFormat, "format version 7, written by a newer chokepoint (v0.1.0)"},
		{"scenario copy invalid", withCopy(t, good, broken), saves.ErrScenario, "its copy of scenario prisoners-dilemma does not load: line 31, column 8: turns"},
		{"scenario copy not YAML", withCopy(t, good, "id: [unclosed\n"), saves.ErrScenario, "does not load"},
		{"scenario copy of another", withCopy(t, good, strings.Replace(string(pd), "id: prisoners-dilemma", "id: other", 1)), saves.ErrCorrupt, `is of "other"`},
		{"scenario copy edited", replace(t, good, `"turns: 200",`, `"turns: 199",`), saves.ErrMismatch, "does not match the digest"},
		{"escape in the name", replace(t, good, `"name": "fixture"`, `"name": "fix\u001b[2Jture"`), saves.ErrCorrupt, `the save's name contains a control character`},
		{"override in a person", replace(t, good, `"person":"Ada"`, `"person":"Ada\u202e"`), saves.ErrCorrupt, "seat us: the person contains a control character"},
		{"seats of another scenario", replace(t, good, `{"seat":"prc"`, `{"seat":"eu"`), saves.ErrCorrupt, `seat 2 is "eu"`},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".json")
			if err := os.WriteFile(path, c.data, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := saves.Load(path)
			checkError(t, err, path, c.kind, c.says)
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, c.data) {
				t.Error("loading changed the file")
			}
		})
	}
}

func checkError(t *testing.T, err error, file string, kind error, says string) {
	t.Helper()
	if err == nil {
		t.Fatal("loaded")
	}
	msg := err.Error()
	if !errors.Is(err, kind) {
		t.Errorf("%s: want kind %v", msg, kind)
	}
	var se *saves.Error
	if !errors.As(err, &se) {
		t.Errorf("%T is not a *saves.Error", err)
	}
	if !strings.HasPrefix(msg, file+": ") || strings.Contains(msg, "\n") || !strings.Contains(msg, says) {
		t.Errorf("the message %q is not one line starting with the file and saying %q", msg, says)
	}
}

// Paths that are no save: missing, a directory, too large, and
// (when not run as root, who may read anything) unreadable.
func TestBadPaths(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.json")
	_, err := saves.Load(missing)
	checkError(t, err, missing, saves.ErrNotExist, "no such file")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Error("a missing file's error is not fs.ErrNotExist")
	}

	_, err = saves.Load(dir)
	checkError(t, err, dir, saves.ErrIsDir, "is a directory")

	big := filepath.Join(dir, "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: no disk is used for the hole.
	if err := f.Truncate(saves.MaxSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = saves.Load(big)
	checkError(t, err, big, saves.ErrTooLarge, "more than the 32 MiB")
	if _, err := saves.Decode(make([]byte, saves.MaxSize+1)); !errors.Is(err, saves.ErrTooLarge) {
		t.Errorf("Decode of an oversized save: %v", err)
	}

	locked := filepath.Join(dir, "locked.json")
	if err := os.WriteFile(locked, small(t), 0o000); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		_, err = saves.Load(locked)
		checkError(t, err, locked, saves.ErrPermission, "permission denied")
	}
}

// A save written by a newer program that this one cannot load is refused
// saying so; one it can load loads.
func TestNewerProgram(t *testing.T) {
	old := saves.ProgramVersion
	saves.ProgramVersion = "v0.1.0"
	t.Cleanup(func() { saves.ProgramVersion = old })
	good := replace(t, small(t), `"program": "v0.1.0"`, `"program": "v0.9.2"`)
	if _, err := saves.Read("newer.json", good); err != nil {
		t.Errorf("a save from a newer program that this one replays exactly: %v", err)
	}
	for name, data := range map[string][]byte{
		"a new command": replace(t, good, `{"kind":"start"`, `{"kind":"vote"`),
		"a new field":   replace(t, good, `"seed": 3,`, `"seed": 3, "league": "b",`),
	} {
		_, err := saves.Read("newer.json", data)
		t.Run(name, func(t *testing.T) {
			checkError(t, err, "newer.json", saves.ErrNewerProgram, "written by chokepoint v0.9.2, newer than this one (v0.1.0)")
		})
	}
	// A hash the newer program's rules gave and this one's do not.
	data := good
	i := bytes.Index(data, []byte(`"after":1,`))
	j := i + bytes.Index(data[i:], []byte(`"hash":"`)) + len(`"hash":"`)
	data = bytes.Clone(data)
	data[j] = "1032547698badcfe"[strings.IndexByte("0123456789abcdef", data[j])]
	_, err := saves.Read("newer.json", data)
	checkError(t, err, "newer.json", saves.ErrNewerProgram, "update chokepoint")
	if !errors.Is(err, saves.ErrMismatch) {
		t.Error("the cause, a mismatch, is lost")
	}
}

// Errors of the file system are worded for a person, with their kind.
func TestOSErrors(t *testing.T) {
	for _, c := range []struct {
		err  error
		kind error
		says string
	}{
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, saves.ErrPermission, "permission denied"},
		{&fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, saves.ErrDiskFull, "the disk is full"},
		{&fs.PathError{Op: "write", Path: "x", Err: syscall.EDQUOT}, saves.ErrDiskFull, "over quota"},
		{&fs.PathError{Op: "rename", Path: "x", Err: syscall.EROFS}, saves.ErrPermission, "read-only"},
		{&fs.PathError{Op: "write", Path: "x", Err: syscall.EIO}, saves.ErrWrite, "input/output error"},
	} {
		err := saves.OSError(c.err, "f.json", true)
		if !errors.Is(err, c.kind) || !errors.Is(err, c.err.(*fs.PathError).Err) || !strings.HasPrefix(err.Error(), "f.json: ") || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%v: %v", c.err, err)
		}
	}
}
