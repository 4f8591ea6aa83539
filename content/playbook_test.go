package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
)

func TestShippedPlaybooksLoadAndFit(t *testing.T) {
	sc, err := Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	entries := ShippedPlaybooks()
	var names []string
	for _, e := range entries {
		names = append(names, e.Name)
	}
	for _, want := range []string{"passive", "embargo", "embargo-from-3", "allied-investment", "allied-investment-floor",
		"tariff-escalation", "tariff-escalation-us", "tariff-escalation-prc"} {
		if !slices.Contains(names, want) {
			t.Errorf("playbook %s is not shipped", want)
		}
	}
	for _, e := range entries {
		t.Run(e.Name, func(t *testing.T) {
			if e.Err != nil {
				t.Fatalf("does not load:\n%v", e.Err)
			}
			f, err := GetPlaybook(e.Name)
			if err != nil {
				t.Fatal(err)
			}
			if f.Playbook.Name != e.Name || f.Playbook.Description == "" {
				t.Errorf("playbooks/%s.yaml is named %q (they must match) and needs a description", e.Name, f.Playbook.Name)
			}
			if e.Name == "allied-investment-floor" {
				if _, ok := sc.LeverIndex("price-floor"); !ok {
					t.Skip("rare-earth-card has no price-floor lever yet; allied-investment-floor sets it")
				}
			}
			// A playbook for one seat must fit it; one for any seat must
			// fit every seat of the default scenario.
			seats := []string{f.Playbook.Seat}
			if f.Playbook.Seat == "" {
				seats = nil
				for _, s := range sc.Seats {
					seats = append(seats, s.ID)
				}
			}
			for _, seat := range seats {
				if _, err := f.Player(sc, seat, "playbook:"+e.Name); err != nil {
					t.Errorf("for %s:\n%v", seat, err)
				}
			}
		})
	}
}

// Every broken playbook in testdata/playbooks is reported with each of
// its problems at its line and column. Those that load are then bound to
// the US seat of rare-earth-card.
func TestBrokenPlaybooks(t *testing.T) {
	want := map[string][]string{
		"unknown-field.yaml": {
			`unknown-field.yaml:3:1: ordres: unknown field "ordres" (did you mean "orders"?)`,
		},
		"wrong-kinds.yaml": {
			`wrong-kinds.yaml:3:11: orders[0].from: expected a whole number, found text "first"`,
			`wrong-kinds.yaml:5:7: orders[0].set: expected a list (- item), found a mapping`,
			`wrong-kinds.yaml:9:12: orders[1].until: a game has at most 1000 turns, not 99999999999999`,
			`wrong-kinds.yaml:11:34: orders[1].set[0].towards: expected text or a list of them, found a mapping`,
		},
		"three-mistakes.yaml": {
			`three-mistakes.yaml:1:7: name: "Three Mistakes" is not a valid name (lower-case letters, digits and dashes)`,
			`three-mistakes.yaml:4:12: orders[0].until: a rule's last turn is 1 or more; leave until out to run to the end`,
			`three-mistakes.yaml:6:53: orders[0].set[0].when: unknown field "when"`,
			`three-mistakes.yaml:7:10: answers: answers is accept-all, reject-all or a list of rules, not text "reject-most"`,
		},
		"bad-answers.yaml": {
			`bad-answers.yaml:3:16: answers[0].otherwise: otherwise must be the last rule: it decides every proposal the rules before it leave`,
			`bad-answers.yaml:5:30: answers[2].accept-if.max-clauses: must be 1 or more, not 0`,
			`bad-answers.yaml:5:44: answers[2].accept-if.min-trust: trust runs from -100 to 100, not 500`,
			`bad-answers.yaml:6:5: answers[2].reject-if: a rule is one of accept-if, reject-if or otherwise, not several`,
			`bad-answers.yaml:7:5: answers[3].maybe: unknown field "maybe"`,
			`bad-answers.yaml:7:5: answers[3]: a rule needs accept-if, reject-if or otherwise`,
		},
		"wrong-for-scenario.yaml": {
			`wrong-for-scenario.yaml:6:17: orders[0].set[0].lever: the scenario rare-earth-card has no lever "licencing" (levers: `,
			`wrong-for-scenario.yaml:7:40: orders[0].set[1].towards[1]: the scenario rare-earth-card has no seat "mars" (seats: us, prc, eu, japan, australia, canada, india)`,
			`wrong-for-scenario.yaml:8:45: orders[0].set[2].level: "chips" has no level "banned" (levels: none, advanced-node, broad, total)`,
			`wrong-for-scenario.yaml:9:11: orders[1].from: turn 20 is after the last turn of rare-earth-card (12)`,
		},
		"syntax-error.yaml":  {`syntax-error.yaml:4:12: `},
		"empty.yaml":         {`empty.yaml: the file is empty: a playbook needs at least a name`},
		"two-documents.yaml": {`two-documents.yaml:2:1: a playbook file holds one YAML document, not 2 (remove the --- line)`},
	}
	sc, err := Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/playbooks/*.yaml")
	if len(files) != len(want) {
		t.Errorf("%d files in testdata/playbooks, %d expected here", len(files), len(want))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := LoadPlaybook(name, data)
			if err == nil {
				_, err = f.Player(sc, "us", "playbook:"+name)
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("want a *content.Error, got %v", err)
			}
			var got []string
			for _, p := range ce.Problems {
				got = append(got, p.String())
			}
			w := want[name]
			if len(got) != len(w) {
				t.Fatalf("got %d problems, want %d:\n%s", len(got), len(w), strings.Join(got, "\n"))
			}
			for i := range w {
				if !strings.HasPrefix(got[i], w[i]) {
					t.Errorf("problem %d:\n got %s\nwant %s...", i, got[i], w[i])
				}
			}
		})
	}
}

func TestPlaybookForms(t *testing.T) {
	src := `name: forms
orders:
  - from: 2
    until: 5
    set:
      - {lever: tariff, towards: prc, level: 100}      # a number as a level id
      - lever: tariff
        towards: [eu, japan]
        level: !!str 25
  - &floor
    from: 3
    set: [{lever: stockpile, level: small}]
  - *floor
answers:
  - accept-if: {from: eu, max-clauses: 2, not-lever: licensing, min-trust: -10.5, max-breaches: 0}
  - reject-if:
  - otherwise: accept
`
	f, err := LoadPlaybook("forms.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	pb := f.Playbook
	if len(pb.Orders) != 3 || pb.Orders[0].From != 2 || pb.Orders[0].Until != 5 || pb.Orders[2].From != 3 {
		t.Fatalf("orders: %+v", pb.Orders)
	}
	s := pb.Orders[0].Set
	if s[0].Level != "100" || !slices.Equal(s[0].Towards, []string{"prc"}) || s[1].Level != "25" || !slices.Equal(s[1].Towards, []string{"eu", "japan"}) {
		t.Errorf("settings: %+v", s)
	}
	r := pb.Answers.Rules
	if len(r) != 3 || r[0].Answer != game.Accept || !slices.Equal(r[0].If.From, []string{"eu"}) || *r[0].If.MaxClauses != 2 ||
		!slices.Equal(r[0].If.NotLever, []string{"licensing"}) || *r[0].If.MinTrust != -10.5 || *r[0].If.MaxBreaches != 0 ||
		r[1].Answer != game.Reject || r[1].If.From != nil || r[2].Answer != game.Accept {
		t.Errorf("answers: %+v", r)
	}
	sc, _ := Get("rare-earth-card")
	if _, err := f.Player(sc, "us", "playbook:forms.yaml"); err != nil {
		t.Errorf("binding: %v", err)
	}
	for src, n := range map[string]int{"name: a\nanswers: accept-all\n": 1, "name: a\nanswers: reject-all\n": 1, "name: a\n": 0} {
		f, err := LoadPlaybook("x.yaml", []byte(src))
		if err != nil || len(f.Playbook.Answers.Rules) != n {
			t.Errorf("%q: %v, %+v", src, err, f)
		}
	}
}

func TestResolvePlaybook(t *testing.T) {
	if f, err := ResolvePlaybook("embargo"); err != nil || f.File != "playbooks/embargo.yaml" {
		t.Errorf("shipped: %v", err)
	}
	path := filepath.Join(t.TempDir(), "mine.yaml")
	if err := os.WriteFile(path, []byte("name: mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if f, err := ResolvePlaybook(path); err != nil || f.File != path || f.Playbook.Name != "mine" {
		t.Errorf("file: %v", err)
	}
	if _, err := ResolvePlaybook("embarg"); err == nil || !strings.Contains(err.Error(), "shipped: allied-investment") {
		t.Errorf("a missing name should list the shipped playbooks: %v", err)
	}
	if _, err := ResolvePlaybook(filepath.Join(t.TempDir(), "none.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
	if _, err := ResolvePlaybook(t.TempDir()); err == nil {
		t.Errorf("a directory loaded")
	}
}

// Aliases that multiply cannot make the walk run for ever: here 400 rules
// of 400 settings each, from a file of a few kilobytes.
func TestPlaybookAliasBomb(t *testing.T) {
	many := func(alias string) string {
		return "[" + strings.TrimSuffix(strings.Repeat(alias+", ", 400), ", ") + "]"
	}
	src := "name: bomb\n" +
		"description: &s {lever: tariff, towards: [all], level: \"10\"}\n" +
		"scenario: &S " + many("*s") + "\n" +
		"seat: &r {from: 1, set: *S}\n" +
		"orders: " + many("*r") + "\n"
	_, err := LoadPlaybook("bomb.yaml", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "aliases expand the playbook to more than 1000000 values") {
		t.Errorf("alias bomb: %v", err)
	}
}
