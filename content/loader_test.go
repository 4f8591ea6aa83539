package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestShippedScenariosLoadAndValidate(t *testing.T) {
	entries := Shipped()
	if len(entries) == 0 {
		t.Fatal("no shipped scenarios")
	}
	if !slices.IsSortedFunc(entries, func(a, b Entry) int { return strings.Compare(a.ID, b.ID) }) {
		t.Errorf("Shipped() is not sorted by id")
	}
	for _, e := range entries {
		t.Run(e.ID, func(t *testing.T) {
			if e.Err != nil {
				t.Fatalf("shipped scenario does not load:\n%v", e.Err)
			}
			sc, err := Get(e.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !sc.Valid() {
				t.Fatal("loaded scenario is not validated")
			}
			if sc.ID != e.ID {
				t.Errorf("file %s.yaml holds scenario id %q; they must match", e.ID, sc.ID)
			}
			if e.Title == "" || e.Turns != sc.Turns || len(e.Seats) != len(sc.Seats) {
				t.Errorf("entry %+v does not describe the scenario", e)
			}
		})
	}
	if !slices.ContainsFunc(entries, func(e Entry) bool { return e.ID == "prisoners-dilemma" }) {
		t.Error("prisoners-dilemma is not shipped")
	}
}

func TestPrisonersDilemmaShape(t *testing.T) {
	sc, err := Get("prisoners-dilemma")
	if err != nil {
		t.Fatal(err)
	}
	if sc.Turns != 200 || len(sc.Seats) != 2 || sc.Seats[0].ID != "us" || sc.Seats[1].ID != "prc" {
		t.Errorf("unexpected shape: %d turns, seats %+v", sc.Turns, sc.Seats)
	}
	if sc.Model.Kind != "payoff-table" || len(sc.Model.Payoffs) != 4 {
		t.Fatalf("model = %+v", sc.Model)
	}
	// T=5, R=3, P=1, S=0, looked up by what each seat chose.
	want := map[[2]string][2]float64{
		{"low", "low"}: {3, 3}, {"high", "high"}: {1, 1},
		{"high", "low"}: {5, 0}, {"low", "high"}: {0, 5},
	}
	for _, row := range sc.Model.Payoffs {
		k := [2]string{row.When["us"], row.When["prc"]}
		if got := [2]float64{row.Score["us"], row.Score["prc"]}; got != want[k] {
			t.Errorf("us %s, prc %s: scores %v, want %v", k[0], k[1], got, want[k])
		}
	}
}

// problems loads a file and returns its problems, failing the test when
// the error is not a *Error.
func problems(t *testing.T, path string) []Problem {
	t.Helper()
	_, err := LoadFile(path)
	if err == nil {
		t.Fatalf("%s loaded without error", path)
	}
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("%s: error %T is not a *content.Error: %v", path, err, err)
	}
	return ce.Problems
}

func TestThreeMistakesAtOnce(t *testing.T) {
	path := filepath.Join("testdata", "broken", "three-mistakes.yaml")
	got := problems(t, path)
	want := []Problem{
		{File: path, Line: 7, Col: 1, Path: "$.author", Msg: `unknown field "author"`},
		{File: path, Line: 13, Col: 14, Path: "$.seats[0].start.tariff.all", Msg: `lever "tariff" has no level "medium"`},
		{File: path, Line: 28, Col: 11, Path: "$.timeline[0].turn", Msg: "turn 9 is outside the game (1 to 4)"},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("problems:\n%v\nwant:\n%v", (&Error{Problems: got}).Error(), (&Error{Problems: want}).Error())
	}
	_, err := LoadFile(path)
	wantText := path + ":7:1: author: unknown field \"author\"\n" +
		path + ":13:14: seats[0].start.tariff.all: lever \"tariff\" has no level \"medium\"\n" +
		path + ":28:11: timeline[0].turn: turn 9 is outside the game (1 to 4)"
	if err.Error() != wantText {
		t.Errorf("Error():\n%s\nwant:\n%s", err, wantText)
	}
}

// Every file under testdata/broken is listed here with the problems it
// must give (line, column and a fragment of the message), so that a new
// broken file cannot be added without saying what it should report.
var brokenFiles = map[string][]struct {
	line, col int
	path, msg string
}{
	"bad-date.yaml":      {{4, 13, "$.start-date", `"2025-13-01" is not a date`}},
	"duplicate-key.yaml": {{4, 1, "$.title", `"title" is already set at line 3`}},
	"empty.yaml":         {{0, 0, "", "the file is empty"}},
	"list-item-mismatch.yaml": {
		{39, 5, "$.debrief[1]", "expected text, found a mapping"},
	},
	"mapping-for-list.yaml":   {{8, 3, "$.seats", "expected a list (- item), found a mapping"}},
	"missing-name.yaml":       {{13, 5, "$.seats[1].name", "is required"}},
	"missing-payoff-row.yaml": {{28, 3, "$.model.payoffs", "1 of 4 combinations of levels have no row"}},
	"not-a-number.yaml":       {{8, 15, "$.rules.keep-trust", "expected a finite number, found .nan"}},
	"syntax-error.yaml":       {{15, 1, "", "found a tab character that violates indentation"}},
	"three-mistakes.yaml": {
		{7, 1, "$.author", `unknown field "author"`},
		{13, 14, "$.seats[0].start.tariff.all", `no level "medium"`},
		{28, 11, "$.timeline[0].turn", "outside the game"},
	},
	"too-deep.yaml":        {{4, 72, "", "nested more than 64 deep"}},
	"two-documents.yaml":   {{37, 1, "", "one YAML document, not 2"}},
	"type-mismatch.yaml":   {{5, 8, "$.turns", `expected a whole number, found text "four"`}},
	"undefined-alias.yaml": {{14, 11, "", "alias *prc-name refers to no anchor defined before it"}},
	"unknown-field.yaml": {
		{20, 5, "$.levers[0].setter", `unknown field "setter" (did you mean "setters"?)`},
	},
	"unknown-seat.yaml": {
		{36, 7, "$.model.payoffs[3].score", `gives no score for seat "prc"`},
		{36, 26, "$.model.payoffs[3].score.eu", `no seat "eu"`},
	},
	"unsupported-tag.yaml": {{3, 8, "$.title", "the YAML tag !!binary is not supported"}},
	"wrong-level-in-objective.yaml": {
		{16, 9, "$.seats[1].objectives[0].op", "must be >= or <="},
		{23, 16, "$.seats[1].objectives[0].level", `lever "tariff" has no level "zero"`},
	},
}

func TestBrokenFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "broken", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no broken files: %v", err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			want, ok := brokenFiles[name]
			if !ok {
				t.Fatalf("%s has no expected problems in brokenFiles", name)
			}
			got := problems(t, path)
			if len(got) != len(want) {
				t.Fatalf("got %d problems, want %d:\n%v", len(got), len(want), (&Error{Problems: got}).Error())
			}
			for i, w := range want {
				g := got[i]
				if g.Line != w.line || g.Col != w.col || g.Path != w.path || !strings.Contains(g.Msg, w.msg) || g.File != path {
					t.Errorf("problem %d = %s (path %q)\nwant line %d col %d path %q message containing %q",
						i, g, g.Path, w.line, w.col, w.path, w.msg)
				}
			}
		})
	}
	for name := range brokenFiles {
		if !slices.Contains(files, filepath.Join("testdata", "broken", name)) {
			t.Errorf("brokenFiles lists %s, which does not exist", name)
		}
	}
}

// tiny is a small valid scenario the tests below change one thing in.
const tiny = `id: tiny
title: Tiny
start-date: 2025-10-01
turns: 4
turn-months: 2
seats:
  - id: us
    name: United States
  - id: prc
    name: PRC
levers:
  - id: tariff
    name: Tariff
    kind: tariff
    scope: each
    levels: [{id: low, value: 10}, {id: high, value: 60}]
model:
  kind: payoff-table
  lever: tariff
  payoffs:
    - {when: {us: low, prc: low}, score: {us: 3, prc: 3}}
    - {when: {us: low, prc: high}, score: {us: 0, prc: 5}}
    - {when: {us: high, prc: low}, score: {us: 5, prc: 0}}
    - {when: {us: high, prc: high}, score: {us: 1, prc: 1}}
`

func loadString(t *testing.T, src string) []Problem {
	t.Helper()
	_, err := Load("t.yaml", []byte(src))
	if err == nil {
		return nil
	}
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("error %T is not a *content.Error: %v", err, err)
	}
	return ce.Problems
}

func TestTinyIsValid(t *testing.T) {
	if p := loadString(t, tiny); p != nil {
		t.Fatalf("tiny does not load:\n%v", (&Error{Problems: p}).Error())
	}
}

func TestTypeMismatches(t *testing.T) {
	cases := []struct {
		from, to string
		line     int
		msg      string
	}{
		{"turns: 4", "turns: \"4\"", 4, `expected a whole number, found text "4"`},
		{"turns: 4", "turns: 4.5", 4, "expected a whole number, found 4.5"},
		{"turns: 4", "turns: 99999999999999999999", 4, "99999999999999999999 is out of range"},
		{"turns: 4", "turns: [4]", 4, "expected a whole number, found a list"},
		{"value: 10}", "value: ten}", 16, `expected a number, found text "ten"`},
		{"value: 10}", "value: .inf}", 16, "expected a finite number"},
		{"    name: PRC\n", "    name: PRC\n    principal: yes\n", 11, `expected true or false, found text "yes"`},
		{"title: Tiny", "title: {en: Tiny}", 2, "expected text, found a mapping"},
		{"levels: [", "levels: {a: 1}\n    x: [", 16, "expected a list (- item), found a mapping"},
		{"  - id: us\n", "  - id: us\n    start: [tariff]\n", 8, "expected a mapping (key: value), found a list"},
		{"  - id: us\n", "  - id: us\n    start: {~: {all: low}}\n", 8, "a key is empty"},
		{"  - id: us\n", "  - id: us\n    start:\n      ? \n      : {all: low}\n", 9, "a key is empty"},
		{"    name: PRC\n", "    name: PRC\n    null: x\n", 11, "a key is empty"},
	}
	for _, c := range cases {
		if !strings.Contains(tiny, c.from) {
			t.Fatalf("tiny has no %q", c.from)
		}
		src := strings.Replace(tiny, c.from, c.to, 1)
		got := loadString(t, src)
		if len(got) == 0 || got[0].Line != c.line || !strings.Contains(got[0].Msg, c.msg) {
			t.Errorf("%q: got\n%v\nwant line %d: %s", c.to, (&Error{Problems: got}).Error(), c.line, c.msg)
		}
	}
}

func TestMismatchStopsBeforeValidate(t *testing.T) {
	// A value of the wrong shape cannot be decoded, so the meaning of the
	// rest is not judged: the one mistake is reported alone, not followed
	// by "turns must be between 1 and 1000, not 0".
	got := loadString(t, strings.Replace(tiny, "turns: 4", "turns: four", 1))
	if len(got) != 1 {
		t.Fatalf("got %d problems:\n%v", len(got), (&Error{Problems: got}).Error())
	}
}

func TestSyntaxError(t *testing.T) {
	got := loadString(t, strings.Replace(tiny, "title: Tiny", "title: [Tiny", 1))
	if len(got) != 1 || got[0].Line < 2 || got[0].Path != "" {
		t.Fatalf("got %v", got)
	}
	if s := got[0].String(); !strings.HasPrefix(s, "t.yaml:") || strings.Count(s, "\n") > 0 {
		t.Errorf("syntax problem prints as %q", s)
	}
}

func TestProblemsSortedAndStable(t *testing.T) {
	// Validate checks the rules in map order, which Go randomises; the
	// loader must still give the same list, in file order, every time.
	src := strings.Replace(tiny, "turn-months: 2\n", `turn-months: 2
rules:
  breach-trust: 300
  keep-trust: -1
  concession-capital: 500
  coercion-trust: -7
bogus: 1
`, 1)
	src = strings.Replace(src, "name: PRC", "name: PRC\n    nmae: x", 1)
	first := loadString(t, src)
	if len(first) != 6 {
		t.Fatalf("got %d problems, want 6:\n%v", len(first), (&Error{Problems: first}).Error())
	}
	for i := 1; i < len(first); i++ {
		a, b := first[i-1], first[i]
		if a.Line > b.Line || a.Line == b.Line && a.Col > b.Col {
			t.Fatalf("problems out of order:\n%v", (&Error{Problems: first}).Error())
		}
	}
	for range 20 {
		if again := loadString(t, src); !slices.Equal(again, first) {
			t.Fatalf("problems changed between loads:\n%v\nthen\n%v", (&Error{Problems: first}).Error(), (&Error{Problems: again}).Error())
		}
	}
}

func TestAnchorsAndMergeKeys(t *testing.T) {
	// Teachers copy blocks with anchors; the walk must follow them like
	// the decoder does, and report a mistake inside one at its anchor.
	src := strings.Replace(tiny, "  - id: prc\n    name: PRC\n", "  - &seat\n    id: prc\n    name: PRC\n", 1) +
		"debrief: &q [Why?]\nbriefing: Read it.\n"
	src = strings.Replace(src, "levels: [{id: low, value: 10}, {id: high, value: 60}]",
		"levels:\n      - &low {id: low, value: 10}\n      - <<: *low\n        id: high\n        value: 60", 1)
	sc, err := Load("anchors.yaml", []byte(src))
	if err != nil {
		t.Fatalf("does not load:\n%v", err)
	}
	if lv := sc.Levers[0].Levels; len(lv) != 2 || lv[1].ID != "high" || lv[1].Value != 60 {
		t.Errorf("levels = %+v", lv)
	}
	bad := strings.Replace(src, "&low {id: low, value: 10}", "&low {id: low, value: 10, colour: red}", 1)
	got := loadString(t, bad)
	if len(got) != 1 || got[0].Line != 18 || !strings.Contains(got[0].Msg, `unknown field "colour"`) {
		t.Errorf("got %v", (&Error{Problems: got}).Error())
	}
}

func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(tiny)
	b.WriteString("x0: &a0 [a, a, a, a, a, a, a, a, a, a]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("x")
		b.WriteString(string(rune('0' + i)))
		b.WriteString(": &a" + string(rune('0'+i)) + " [")
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	got := loadString(t, b.String())
	if len(got) != 1 || !strings.Contains(got[0].Msg, "aliases expand") {
		t.Fatalf("got %v", (&Error{Problems: got}).Error())
	}
}

func TestWholeFileProblems(t *testing.T) {
	for name, src := range map[string]string{
		"too large": strings.Repeat("#", MaxFileSize+1),
		"empty":     "",
		"blank":     "\n\n   \n",
		"null":      "~\n",
		"not UTF-8": "id: \xff\n",
		"only --- ": "---\n",
	} {
		got := loadString(t, src)
		if len(got) != 1 {
			t.Errorf("%s: got %v", name, got)
			continue
		}
		if name == "not UTF-8" {
			if got[0].Line != 1 || got[0].Col != 5 {
				t.Errorf("%s: at %d:%d, want 1:5", name, got[0].Line, got[0].Col)
			}
		} else if got[0].Line != 0 {
			t.Errorf("%s: at line %d, want 0 (whole file)", name, got[0].Line)
		}
		if s := got[0].String(); !strings.HasPrefix(s, "t.yaml") {
			t.Errorf("%s: prints as %q", name, s)
		}
	}
}

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadFile(filepath.Join(dir, "missing.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := LoadFile(dir); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("directory: %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, MaxFileSize+10), 0o644); err != nil {
		t.Fatal(err)
	}
	var ce *Error
	if _, err := LoadFile(big); !errors.As(err, &ce) || !strings.Contains(err.Error(), "larger than 1 MiB") {
		t.Errorf("big file: %v", err)
	}
}

func TestResolve(t *testing.T) {
	if sc, err := Resolve("prisoners-dilemma"); err != nil || sc.ID != "prisoners-dilemma" {
		t.Fatalf("shipped id: %v", err)
	}
	path := filepath.Join(t.TempDir(), "tiny.yaml")
	if err := os.WriteFile(path, []byte(tiny), 0o644); err != nil {
		t.Fatal(err)
	}
	if sc, err := Resolve(path); err != nil || sc.ID != "tiny" {
		t.Fatalf("file: %v", err)
	}
	_, err := Resolve("no-such-scenario")
	if err == nil || !strings.Contains(err.Error(), "prisoners-dilemma") {
		t.Errorf("unknown id: %v", err)
	}
	if _, err := Get("../loader.go"); err == nil {
		t.Error("Get reads outside the shipped scenarios")
	}
}

func TestProblemsPlacedAtTheirValues(t *testing.T) {
	// A problem with a single value is placed at the value, even under a
	// key holding a dot; a value inherited through a merge key is placed
	// at the item that inherits it.
	src := tiny + "world:\n  \"x.y\": 3\n" +
		"deck:\n  chance: 0.5\n  events:\n    - &e {id: a, title: A, weight: -1}\n    - <<: *e\n      id: b\n"
	got := loadString(t, src)
	want := []struct {
		line, col int
		path      string
	}{
		{26, 10, "$.world.x.y"},
		{30, 36, "$.deck.events[0].weight"},
		{31, 7, "$.deck.events[1].weight"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", (&Error{Problems: got}).Error())
	}
	for i, w := range want {
		if got[i].Line != w.line || got[i].Col != w.col || got[i].Path != w.path {
			t.Errorf("problem %d = %v, want %d:%d path %s", i, got[i], w.line, w.col, w.path)
		}
	}
}
