package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/saves"
)

// storeWithGames makes a save directory with a named save and the
// autosaves of a second game, both of the tutorial.
func storeWithGames(t *testing.T) (*saves.Store, string) {
	t.Helper()
	dir := t.TempDir()
	st := &saves.Store{Dir: dir}
	src, err := content.GetSource("tutorial")
	if err != nil {
		t.Fatal(err)
	}
	seats := make([]saves.Seat, len(src.Scenario.Seats))
	for i, s := range src.Scenario.Seats {
		seats[i] = saves.Seat{Seat: s.ID, Player: "passive"}
	}
	seats[0] = saves.Seat{Seat: seats[0].Seat, Player: "human", Person: "Ada"}
	for k, name := range []string{"lesson one", ""} {
		s, err := saves.New(src, uint64(k+1), seats)
		if err != nil {
			t.Fatal(err)
		}
		next, _, err := game.Apply(s.State(), game.Command{Kind: game.CmdStart, Seat: game.FacilitatorID})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Record(game.Command{Kind: game.CmdStart, Seat: game.FacilitatorID}, next); err != nil {
			t.Fatal(err)
		}
		if name != "" {
			if _, err := st.SaveAs(s, name, false); err != nil {
				t.Fatal(err)
			}
			continue
		}
		for range 2 {
			if _, err := st.Autosave(s); err != nil {
				t.Fatal(err)
			}
		}
	}
	return st, dir
}

func TestSavesList(t *testing.T) {
	_, dir := storeWithGames(t)
	code, out, errs := chokepoint(t, "saves", "list", "--save-dir", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"NAME", "lesson one", "(unnamed)", "tutorial", "turn 1, events", "saved", "autosave", "lesson-one.json", "autosave/", "us Ada (human)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the list lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "autosave/"); n != 1 {
		t.Errorf("%d autosave lines, want the newest of the game only:\n%s", n, out)
	}
	_, out, _ = chokepoint(t, "saves", "list", "--save-dir", dir, "--all")
	if n := strings.Count(out, "autosave/"); n != 2 {
		t.Errorf("--all: %d autosave lines, want 2", n)
	}

	code, out, _ = chokepoint(t, "saves", "list", "--json", "--save-dir", dir)
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) != 2 {
		t.Fatalf("--json: exit %d, %v, %d entries", code, err, len(list))
	}
	for _, e := range list {
		for _, k := range []string{"file", "kind", "id", "scenario", "turn", "phase", "seats", "updated", "commands"} {
			if _, ok := e[k]; !ok {
				t.Errorf("an entry lacks %q: %v", k, e)
			}
		}
	}

	empty := t.TempDir()
	_, out, _ = chokepoint(t, "saves", "list", "--save-dir", filepath.Join(empty, "none"))
	if !strings.Contains(out, "no saves in") {
		t.Errorf("an empty directory: %s", out)
	}
	t.Setenv("XDG_DATA_HOME", empty)
	_, out, _ = chokepoint(t, "saves", "list")
	if !strings.Contains(out, filepath.Join(empty, "chokepoint", "saves")) {
		t.Errorf("the default directory is not under XDG_DATA_HOME: %s", out)
	}
}

func TestSavesVerify(t *testing.T) {
	_, dir := storeWithGames(t)
	good := filepath.Join(dir, "lesson-one.json")
	code, out, errs := chokepoint(t, "saves", "verify", good, "--save-dir", dir)
	if code != 0 || out != good+": ok\n" || errs != "" {
		t.Errorf("a good save: exit %d, %q, %q", code, out, errs)
	}
	code, out, _ = chokepoint(t, "saves", "verify", "lesson one", "--save-dir", dir)
	if code != 0 || !strings.HasSuffix(out, "lesson-one.json: ok\n") {
		t.Errorf("by name: exit %d, %q", code, out)
	}

	data, _ := os.ReadFile(good)
	tampered := writeFile(t, "tampered.json", strings.Replace(string(data), `"seed": 1,`, `"seed": 2,`, 1))
	truncated := writeFile(t, "truncated.json", string(data[:len(data)/2]))
	code, out, errs = chokepoint(t, "saves", "verify", good, tampered, truncated, filepath.Join(dir, "missing.json"), dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if out != good+": ok\n" {
		t.Errorf("stdout %q", out)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	want := []string{tampered + ": ", truncated + ": ", filepath.Join(dir, "missing.json") + ": ", dir + ": "}
	if len(lines) != len(want) {
		t.Fatalf("stderr has %d lines, want one per bad save:\n%s", len(lines), errs)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d: %q, want it to start with %q", i+1, lines[i], w)
		}
	}
	if !strings.Contains(lines[0], "altered, or written by an incompatible version") || !strings.Contains(lines[1], "truncated") || !strings.Contains(lines[3], "is a directory") {
		t.Errorf("the reasons:\n%s", errs)
	}
	if after, _ := os.ReadFile(tampered); string(after) != strings.Replace(string(data), `"seed": 1,`, `"seed": 2,`, 1) {
		t.Error("verify changed a file")
	}
	// A file name that holds an escape sequence is shown escaped.
	odd := filepath.Join(t.TempDir(), "red\x1b[31m.json")
	if err := os.WriteFile(odd, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, errs := chokepoint(t, "saves", "verify", odd); strings.Contains(errs, "\x1b") || !strings.Contains(errs, `red\x1b[31m.json: not a Chokepoint save`) {
		t.Errorf("a name with an escape: %q", errs)
	}
	if code, _, errs := chokepoint(t, "saves", "verify"); code != 2 || !strings.Contains(errs, "at least one save") {
		t.Errorf("no arguments: exit %d, %s", code, errs)
	}
}

func TestSavesDelete(t *testing.T) {
	st, dir := storeWithGames(t)
	entries, _ := st.List(false)
	var auto string
	for _, e := range entries {
		if e.Kind == saves.Auto {
			auto, _ = filepath.Rel(dir, e.Path)
		}
	}
	code, out, errs := chokepoint(t, "saves", "delete", "--save-dir", dir, "lesson one", auto, "nonesuch")
	if code != 1 || !strings.Contains(errs, "nonesuch: no such file, and no save of that name") {
		t.Errorf("exit %d, %s", code, errs)
	}
	if n := strings.Count(out, "deleted "); n != 3 {
		t.Errorf("%d files deleted, want the named save and both autosaves:\n%s", n, out)
	}
	if entries, _ := st.List(true); len(entries) != 0 {
		t.Errorf("%d saves left", len(entries))
	}
	notes := writeFile(t, "notes.json", `{"plan": "week 3"}`)
	if code, _, errs := chokepoint(t, "saves", "delete", notes); code != 1 || !strings.Contains(errs, "not a Chokepoint save, so not deleted") {
		t.Errorf("a file that is no save: exit %d, %s", code, errs)
	}
	if _, err := os.Stat(notes); err != nil {
		t.Error("a file that is no save was deleted")
	}
}

// sim --save writes a save that verifies, naming the players as the run
// did.
func TestSimSaveIsASave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "game.json")
	code, _, errs := chokepoint(t, "sim", "--games", "1", "--seed", "4", "--turns", "2", "--scenario", "tutorial", "--seats", "all=hawk@easy", "--save", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if code, out, errs := chokepoint(t, "saves", "verify", path); code != 0 || out != path+": ok\n" {
		t.Fatalf("verify: exit %d, %s%s", code, out, errs)
	}
	s, err := saves.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.Seed != 4 || s.Copy.ID != "tutorial" || s.Seats[0].Player != "hawk@easy" || s.Phase() != game.GameOver || s.Program == "" {
		t.Errorf("the save: %v, seats %+v, program %q", s, s.Seats, s.Program)
	}
	// A scenario file: the save keeps its copy and loads after the file
	// is gone.
	data, _, _ := content.ShippedSource("tutorial")
	scenario := writeFile(t, "my-tutorial.yaml", strings.Replace(string(data), "turns: 4", "turns: 3", 1))
	code, _, errs = chokepoint(t, "sim", "--games", "1", "--scenario", scenario, "--save", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if err := os.Remove(scenario); err != nil {
		t.Fatal(err)
	}
	s, err = saves.Load(path)
	if err != nil {
		t.Fatalf("the save of a deleted scenario file: %v", err)
	}
	if s.Scenario().Turns != 3 {
		t.Errorf("loaded the shipped scenario, not the save's copy (%d turns)", s.Scenario().Turns)
	}
}
