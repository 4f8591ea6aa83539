package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/saves"
)

// dirState is every file under dir with its contents.
func dirState(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			out[p] = string(b)
		}
		return nil
	})
	return out
}

// play --load, --continue and replay with a save that does not load: one
// line, exit 1, and nothing in the save directory or the file changes.
// Contradictory flags are usage mistakes (exit 2).
func TestResumeBadInput(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(t.TempDir(), "g.json")
	if code, _, errs := chokepoint(t, "sim", "--games", "1", "--seed", "3", "--scenario", "tutorial", "--seats", "all=tit-for-tat", "--save", good); code != 0 {
		t.Fatalf("sim: %s", errs)
	}
	data, _ := os.ReadFile(good)
	tampered := writeFile(t, "tampered.json", strings.Replace(string(data), `"seed": 3`, `"seed": 4`, 1))
	broken := writeFile(t, "broken.json", `{"format": "chokepoint-save", "version": 1, "id": `)
	if err := os.MkdirAll(filepath.Join(dir, "autosave"), 0o700); err != nil {
		t.Fatal(err)
	}
	before := dirState(t, dir)
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"play", "--load", broken}, "broken.json"},
		{[]string{"play", "--load", tampered}, "tampered.json"},
		{[]string{"play", "--load", filepath.Join(dir, "nothing.json")}, "no such file"},
		{[]string{"play", "--load", "no-such-name"}, "no save of that name"},
		{[]string{"play", "--continue"}, "no autosaved game of yours to continue"},
		{[]string{"play", "--load", broken, "--from-turn", "2"}, "broken.json"},
		{[]string{"replay", broken}, "broken.json"},
		{[]string{"play", "--load", good}, "no seat of this game is played by a person"},
		{[]string{"play", "--load", good, "--from-turn", "9", "--seat", "us"}, "never reached turn 9"},
	} {
		args := append(c.args, "--save-dir", dir)
		code, _, errs := chokepoint(t, args...)
		if code != 1 || strings.Count(strings.TrimRight(errs, "\n"), "\n") != 0 || !strings.Contains(errs, c.says) {
			t.Errorf("%v: exit %d, %q; want 1 and one line with %q", c.args, code, errs, c.says)
		}
	}
	for _, c := range [][]string{
		{"play", "--continue", "--load", good},
		{"play", "--from-turn", "2"},
		{"play", "--load", good, "--seat", "us"},
		{"play", "--load", good, "--scenario", "tutorial"},
		{"play", "--load", good, "--from-turn", "0"},
	} {
		if code, _, errs := chokepoint(t, append(c, "--save-dir", dir)...); code != 2 {
			t.Errorf("%v: exit %d, %q; want a usage mistake", c, code, errs)
		}
	}
	if after := dirState(t, dir); len(after) != len(before) {
		t.Errorf("the save directory changed: %v", after)
	}
	if b, _ := os.ReadFile(broken); string(b) != `{"format": "chokepoint-save", "version": 1, "id": ` {
		t.Error("the broken save was written over")
	}
}

// The seats of a branch: --seat moves the person there (the seats people
// played go to the default AI), --ai replaces the players it names, and
// the rest keep theirs.
func TestBranchSeats(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.json")
	if code, _, errs := chokepoint(t, "sim", "--games", "1", "--seed", "3", "--scenario", "tutorial", "--seats", "us=dove,prc=tit-for-tat@hard,eu=dove", "--save", path); code != 0 {
		t.Fatal(errs)
	}
	s, err := saves.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	// As if a person had played the US (the simulator seats no people).
	s.Seats[0].Player = ai.HumanPlayer
	seats, err := branchSeats(s, "prc", []string{"eu=hawk@hard"})
	if err != nil {
		t.Fatal(err)
	}
	if !seats[1].Human || seats[0].Human || seats[2] != (ai.PlayerSpec{Player: "hawk", Difficulty: "hard"}) {
		t.Errorf("seats: %+v", seats)
	}
	same, err := branchSeats(s, "", nil)
	if err != nil || !same[0].Human || same[1] != (ai.PlayerSpec{Player: "tit-for-tat", Difficulty: "hard"}) {
		t.Errorf("no changes: %+v, %v", same, err)
	}
	if _, err := branchSeats(s, "mars", nil); err == nil {
		t.Error("a seat the scenario does not have is not refused")
	}
}
