package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

func TestSimBadCommandLines(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		want string // in the one line on stderr
	}{
		{[]string{"--games", "0"}, "--games must be between 1 and 1000000, not 0"},
		{[]string{"--games", "1000000000000"}, "--games must be between 1 and 1000000, not 1000000000000"},
		{[]string{"--games", "2", "--seed", "18446744073709551615"}, "--seed 18446744073709551615 with --games 2 runs past the largest seed, 18446744073709551615"},
		{[]string{"--workers", "100000"}, "--workers must be between 1 and 1024"},
		{[]string{"--games", "many"}, `invalid argument "many"`},
		{[]string{"--workers", "0"}, "--workers must be between 1 and 1024, not 0"},
		{[]string{"--turns", "-1"}, "--turns must be"},
		{[]string{"--turns", "13"}, "past the last turn of rare-earth-card (12)"},
		{[]string{"--bogus"}, "unknown flag: --bogus"},
		{[]string{"extra"}, "no arguments"},
		{[]string{"--scenario", "nosuch"}, `no shipped scenario and no file named "nosuch"`},
		{[]string{"--seats", "mars=passive"}, `rare-earth-card has no seat "mars"`},
		{[]string{"--seats", "us"}, `"us": write SEAT=PLAYER`},
		{[]string{"--seats", "us=passive,us=passive"}, `seat "us" is given twice`},
		{[]string{"--seats", "us=genius"}, `unknown player "genius" for us (players: passive, always-cooperate, always-defect, dove, free-rider, generous-tit-for-tat, grim-trigger, hawk, opportunist, random, tit-for-tat, win-stay-lose-shift, personality:FILE, playbook:NAME or playbook:FILE)`},
		{[]string{"--difficulty", "expert"}, `--difficulty: unknown difficulty "expert" (difficulties: easy, normal, hard)`},
		{[]string{"--seats", "us=hawk@expert"}, `--seats: "us=hawk@expert": unknown difficulty "expert"`},
		{[]string{"--seats", "us=personality:" + filepath.Join(dir, "none.yaml")}, "personality " + filepath.Join(dir, "none.yaml") + ": cannot read"},
		{[]string{"--tournament", "--seats", "us=hawk"}, "--tournament chooses the players itself"},
		{[]string{"--seats", "all=genius"}, `unknown player "genius"`},
		{[]string{"--seats", "prc=playbook:"}, `"prc=playbook:": playbook: needs a name or a file`},
		{[]string{"--seats", "prc=playbook:nosuch"}, `no shipped playbook and no file named "nosuch"`},
		{[]string{"--seats", "prc=playbook:" + filepath.Join(dir, "none.yaml")}, "cannot read"},
		{[]string{"--games", "2", "--save", filepath.Join(dir, "x.json")}, "--save keeps one game's log: use it with --games 1"},
	}
	for _, c := range cases {
		args := append([]string{"sim"}, c.args...)
		code, out, errs := chokepoint(t, args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", c.args, code, exitUsage)
		}
		if out != "" {
			t.Errorf("%v: printed %q on stdout", c.args, out)
		}
		if strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "chokepoint: ") || !strings.Contains(errs, c.want) {
			t.Errorf("%v: stderr %q, want one line with %q", c.args, errs, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.json")); err == nil {
		t.Errorf("a refused --save wrote its file")
	}
}

// A playbook or personality file with mistakes is reported as validate
// reports a file: every mistake on a line of its own, FILE:LINE:COL first,
// and exit 1.
func TestSimBrokenContentFiles(t *testing.T) {
	broken := writeFile(t, "broken.yaml", "name: Broken\nordres: []\norders:\n  - from: 0\n    set: [{lever: tariff, towards: mars, level: \"100\"}]\n")
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"--seats", "us=playbook:embargo"}, []string{
			`playbooks/embargo.yaml:6:7: seat: the playbook was written for seat "prc", not "us"`,
			`playbooks/embargo.yaml:10:17: orders[0].set[0].lever: us may not set "licensing" (only prc may)`,
		}},
		{[]string{"--seats", "us=playbook:" + broken}, []string{
			broken + `:1:7: name: "Broken" is not a valid name (lower-case letters, digits and dashes)`,
			broken + `:2:1: ordres: unknown field "ordres" (did you mean "orders"?)`,
			broken + `:4:11: orders[0].from: is required: the first turn the rule applies, from 1`,
		}},
	}
	for _, c := range cases {
		code, out, errs := chokepoint(t, append([]string{"sim"}, c.args...)...)
		if code != exitFailure || out != "" {
			t.Errorf("%v: exit %d, stdout %q; want exit 1 and nothing", c.args, code, out)
		}
		if want := strings.Join(c.want, "\n") + "\n"; errs != want {
			t.Errorf("%v: stderr\n%s\nwant\n%s", c.args, errs, want)
		}
	}
}

func TestSimTable(t *testing.T) {
	code, out, errs := chokepoint(t, "sim", "--games", "4", "--turns", "2", "--seats", "prc=playbook:embargo")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"rare-earth-card: 4 games, seeds 1 to 4",
		"seat       player                wins    win%     score      p10      p50      p90\n",
		"\nprc        playbook:embargo ",
		"final indicators, mean over the games",
		"\nprice-world ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
}

// The JSON and the trace are the same whatever the number of workers.
func TestSimDeterministicOutput(t *testing.T) {
	dir := t.TempDir()
	var outs, traces []string
	for _, w := range []string{"1", "2", "4"} {
		trace := filepath.Join(dir, "trace"+w+".jsonl")
		code, out, errs := chokepoint(t, "sim", "--games", "6", "--seed", "3", "--turns", "3", "--workers", w, "--json",
			"--trace", trace, "--seats", "prc=playbook:embargo-from-3,all=playbook:allied-investment")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		data, err := os.ReadFile(trace)
		if err != nil {
			t.Fatal(err)
		}
		outs, traces = append(outs, out), append(traces, string(data))
	}
	for i := 1; i < len(outs); i++ {
		if outs[i] != outs[0] || traces[i] != traces[0] {
			t.Errorf("run %d differs from run 0", i)
		}
	}
	var res sim.Result
	if err := json.Unmarshal([]byte(outs[0]), &res); err != nil || res.Games != 6 || res.Seed != 3 || res.Seats[0].Player != "playbook:allied-investment" {
		t.Errorf("JSON: %v %+v", err, res)
	}
	if n := strings.Count(traces[0], "\n"); n != 6*3*7 {
		t.Errorf("the trace has %d lines, want one per game, turn and seat (126)", n)
	}
}

// --save writes a log that the engine replays to the very game the
// simulator played.
func TestSimSaveReplays(t *testing.T) {
	save := filepath.Join(t.TempDir(), "game.json")
	code, _, errs := chokepoint(t, "sim", "--games", "1", "--seed", "5", "--save", save, "--seats", "prc=playbook:embargo,us=playbook:tariff-escalation-us")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(save)
	if err != nil {
		t.Fatal(err)
	}
	var log game.Log
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	if log.Scenario != "rare-earth-card" || log.Seed != 5 || len(log.Commands) == 0 {
		t.Fatalf("log: %s, seed %d, %d commands", log.Scenario, log.Seed, len(log.Commands))
	}
	sc, err := content.Get(log.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	replayed, err := game.Replay(sc, log, nil)
	if err != nil {
		t.Fatal(err)
	}
	players := make([]ai.Player, len(sc.Seats))
	for i, s := range sc.Seats {
		players[i] = ai.Passive{}
		name := map[string]string{"prc": "embargo", "us": "tariff-escalation-us"}[s.ID]
		if name == "" {
			continue
		}
		pf, err := content.GetPlaybook(name)
		if err != nil {
			t.Fatal(err)
		}
		newPlayer, err := pf.Player(sc, s.ID, "playbook:"+name)
		if err != nil {
			t.Fatal(err)
		}
		players[i] = newPlayer()
	}
	played, err := sim.Play(sc, 5, players, 0)
	if err != nil {
		t.Fatal(err)
	}
	if replayed.Phase != game.GameOver || game.Hash(replayed) != game.Hash(played.State) {
		t.Errorf("the saved log replays to another game (phase %s)", replayed.Phase)
	}
}
