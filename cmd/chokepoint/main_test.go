package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// chokepoint runs the command in-process and returns its exit code and
// what it wrote to stdout and stderr.
func chokepoint(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, data string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const valid = `id: tiny
title: Tiny
start-date: 2025-10-01
turns: 4
turn-months: 2
seats:
  - id: us
    name: United States
    start:
      tariff:
        all: low
  - id: prc
    name: PRC
levers:
  - id: tariff
    name: Tariff
    kind: tariff
    scope: each
    levels:
      - {id: low, value: 10}
      - {id: high, value: 60}
model:
  kind: payoff-table
  lever: tariff
  payoffs:
    - {when: {us: low, prc: low}, score: {us: 3, prc: 3}}
    - {when: {us: low, prc: high}, score: {us: 0, prc: 5}}
    - {when: {us: high, prc: low}, score: {us: 5, prc: 0}}
    - {when: {us: high, prc: high}, score: {us: 1, prc: 1}}
`

// threeMistakes has an unknown field (line 6), a level the lever lacks
// (line 12) and an event after the last turn (line 25).
var threeMistakes = strings.NewReplacer(
	"turn-months: 2\n", "turn-months: 2\nauthor: Ms Smith\n",
	"all: low", "all: medium",
	"model:\n", "timeline:\n  - id: summit\n    turn: 9\n    title: A summit\nmodel:\n",
).Replace(valid)

func TestVersion(t *testing.T) {
	code, out, _ := chokepoint(t, "--version")
	if code != 0 || !regexp.MustCompile(`^chokepoint \S+\n$`).MatchString(out) {
		t.Errorf("--version: code %d, %q", code, out)
	}
	version = "v9.9.9"
	defer func() { version = "" }()
	if _, out, _ := chokepoint(t, "--version"); out != "chokepoint v9.9.9\n" {
		t.Errorf("--version with -ldflags version: %q", out)
	}
}

func TestScenarioList(t *testing.T) {
	code, out, errs := chokepoint(t, "scenario", "list")
	if code != 0 || errs != "" {
		t.Fatalf("code %d, stderr %q", code, errs)
	}
	if !strings.HasPrefix(out, "ID ") || !regexp.MustCompile(`(?m)^prisoners-dilemma\s+The Prisoner's Dilemma: Tariffs\s+2: us, prc\s+200$`).MatchString(out) {
		t.Errorf("list:\n%s", out)
	}
}

func TestScenarioShow(t *testing.T) {
	code, out, errs := chokepoint(t, "scenario", "show", "prisoners-dilemma")
	if code != 0 || errs != "" {
		t.Fatalf("code %d, stderr %q", code, errs)
	}
	for _, want := range []string{
		"The Prisoner's Dilemma: Tariffs (prisoners-dilemma)",
		"200 turns of 1 month from 2025-10-01",
		"us   United States",
		"tariff: Tariff (tariff, scope each)",
		"levels: low=10, high=60; coercive from high",
		"Model: payoff-table",
		"us high, prc low   -> us 5, prc 0",
		"Debrief questions",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	// A seat's briefing is for that seat only.
	if strings.Contains(out, "United States: briefing") {
		t.Errorf("show prints a seat briefing:\n%s", out)
	}
	if code, out, _ := chokepoint(t, "scenario", "show", writeFile(t, "tiny.yaml", valid)); code != 0 || !strings.Contains(out, "Tiny (tiny)") {
		t.Errorf("show FILE: code %d\n%s", code, out)
	}
}

func TestScenarioShowSecretsStayHidden(t *testing.T) {
	src := strings.Replace(valid, "    name: PRC\n", `    name: PRC
    briefing: Only the PRC reads this.
    secret-objectives:
      pool:
        - {id: hidden, text: A secret aim, when: end, points: 3, lever: tariff, towards: us, level: low, op: "<="}
`, 1)
	code, out, errs := chokepoint(t, "scenario", "show", writeFile(t, "secret.yaml", src))
	if code != 0 {
		t.Fatalf("code %d: %s", code, errs)
	}
	if strings.Contains(out, "Only the PRC") || strings.Contains(out, "A secret aim") {
		t.Errorf("show prints secrets:\n%s", out)
	}
}

func TestScenarioValidate(t *testing.T) {
	good := writeFile(t, "good.yaml", valid)
	code, out, errs := chokepoint(t, "scenario", "validate", good)
	if code != 0 || out != good+": ok\n" || errs != "" {
		t.Errorf("valid file: code %d, stdout %q, stderr %q", code, out, errs)
	}

	bad := writeFile(t, "bad.yaml", threeMistakes)
	code, out, errs = chokepoint(t, "scenario", "validate", good, bad)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if out != good+": ok\n" {
		t.Errorf("stdout %q", out)
	}
	want := []string{
		bad + `:6:1: author: unknown field "author"`,
		bad + `:12:14: seats[0].start.tariff.all: lever "tariff" has no level "medium"`,
		bad + `:25:11: timeline[0].turn: turn 9 is outside the game (1 to 4)`,
	}
	if got := strings.Split(strings.TrimSuffix(errs, "\n"), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stderr:\n%s\nwant:\n%s", errs, strings.Join(want, "\n"))
	}
}

func TestScenarioValidateUnreadable(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.yaml")
	code, out, errs := chokepoint(t, "scenario", "validate", missing)
	if code != 1 || out != "" || errs != missing+": cannot read: no such file or directory\n" {
		t.Errorf("code %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"bogus"},
		{"--bogus"},
		{"scenario", "bogus"},
		{"scenario", "list", "extra"},
		{"scenario", "show"},
		{"scenario", "validate"},
		{"scenario", "validate", "--strict", "x.yaml"},
	} {
		code, out, errs := chokepoint(t, args...)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "chokepoint: ") {
			t.Errorf("%q: code %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

// TestNoArgumentsPrintsHelp: with no terminal to draw the title screen
// on, a bare chokepoint prints help.
func TestNoArgumentsPrintsHelp(t *testing.T) {
	code, out, _ := chokepoint(t)
	if code != 0 || !strings.Contains(out, "scenario") {
		t.Errorf("code %d:\n%s", code, out)
	}
}
