package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// Personalities play from the command line, named alone (at
// --difficulty), with a level per seat, or from a file; the output is the
// same whatever the number of workers.
func TestSimPersonalities(t *testing.T) {
	file := writeFile(t, "stubborn.yaml", strings.Replace(readShipped(t, "tit-for-tat"), "name: tit-for-tat", "name: stubborn", 1))
	var outs []string
	for _, w := range []string{"1", "2"} {
		code, out, errs := chokepoint(t, "sim", "--games", "3", "--turns", "3", "--workers", w, "--json", "--difficulty", "easy",
			"--seats", "us=hawk@hard,prc=personality:"+file+",all=opportunist")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		outs = append(outs, out)
	}
	if outs[0] != outs[1] {
		t.Errorf("the output depends on the workers")
	}
	var res sim.Result
	if err := json.Unmarshal([]byte(outs[0]), &res); err != nil {
		t.Fatal(err)
	}
	want := []string{"hawk@hard", "personality:" + file + "@easy", "opportunist@easy"}
	got := []string{res.Seats[0].Player, res.Seats[1].Player, res.Seats[2].Player}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("seat %d plays %q, want %q", i, got[i], want[i])
		}
	}
	if res.Refused != 0 {
		t.Errorf("the engine refused %d commands of the personalities", res.Refused)
	}
}

func readShipped(t *testing.T, name string) string {
	t.Helper()
	data, err := personalityFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestSimTournament(t *testing.T) {
	code, out, errs := chokepoint(t, "sim", "--scenario", "prisoners-dilemma", "--tournament", "--games", "1", "--difficulty", "easy", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res sim.TournamentResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Standings) != 11 {
		t.Fatalf("%d standings, want one per shipped personality (11)", len(res.Standings))
	}
	for i, s := range res.Standings {
		if s.Rank != i+1 || i > 0 && s.Score > res.Standings[i-1].Score {
			t.Errorf("standing %d out of order: %+v", i, s)
		}
		// Each plays each of the 2 seats against each of the 10 others.
		if s.Games != 20 {
			t.Errorf("%s played %d games, want 20", s.Name, s.Games)
		}
	}
	code, table, _ := chokepoint(t, "sim", "--scenario", "prisoners-dilemma", "--tournament", "--games", "1", "--difficulty", "easy")
	if code != 0 || !strings.Contains(table, "rank  personality") || !strings.Contains(table, "always-defect") {
		t.Errorf("table:\n%s", table)
	}
}

func personalityFile(name string) ([]byte, error) { return content.PersonalitySource(name) }

func TestSimLadder(t *testing.T) {
	code, out, errs := chokepoint(t, "sim", "--scenario", "prisoners-dilemma", "--ladder", "--games", "40", "--turns", "10", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res sim.LadderResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Ratings) != 33 || res.Method != "bradley-terry" {
		t.Fatalf("%d ratings by %q, want every shipped personality at every level (33) by bradley-terry", len(res.Ratings), res.Method)
	}
	games := 0
	for i, r := range res.Ratings {
		if r.Rank != i+1 || i > 0 && r.Rating > res.Ratings[i-1].Rating {
			t.Errorf("rating %d out of order: %+v", i, r)
		}
		games += r.Games
	}
	if games != 40*2 {
		t.Errorf("the ratings count %d seat-games, want 80", games)
	}
	code, table, _ := chokepoint(t, "sim", "--scenario", "prisoners-dilemma", "--ladder", "--games", "4", "--turns", "5")
	if code != 0 || !strings.Contains(table, "rank  player") || !strings.Contains(table, "@hard") {
		t.Errorf("table:\n%s", table)
	}
	if code, _, errs := chokepoint(t, "sim", "--ladder", "--seats", "us=hawk"); code == 0 || !strings.Contains(errs, "--ladder chooses the players itself") {
		t.Errorf("--ladder with --seats: exit %d, %s", code, errs)
	}
}
