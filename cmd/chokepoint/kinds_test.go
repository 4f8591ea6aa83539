package main

import (
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

func TestPlaybookAndPersonalityCommands(t *testing.T) {
	broken := writeFile(t, "broken.yaml", "name: Broken\nordres: []\norders:\n  - from: 0\n    set: [{lever: tariff, towards: mars, level: \"100\"}]\n")
	misfit := writeFile(t, "misfit.yaml", "name: misfit\nscenario: rare-earth-card\nseat: us\norders:\n  - from: 1\n    set: [{lever: licensing, towards: prc, level: deny}]\n")
	good := writeFile(t, "good.yaml", "name: good\nanswers: accept-all\n")
	stubborn := writeFile(t, "stubborn.yaml", strings.Replace(readShipped(t, "tit-for-tat"), "name: tit-for-tat", "name: stubborn", 1))
	badPersonality := writeFile(t, "bad.yaml", "name: bad\nmoves: {rule: sometimes}\nweights: {economy: abc, others: 500}\n")
	cases := []struct {
		args       []string
		code       int
		out, errs  []string // lines that must appear
		noOut      bool
		wholeLines bool
	}{
		{args: []string{"playbook", "list"}, out: []string{"NAME", "embargo ", "prc", "tariff-escalation-us"}},
		{args: []string{"personality", "list"}, out: []string{"NAME", "hawk ", "tit-for-tat"}},
		{args: []string{"playbook", "show", "embargo"}, out: []string{"name: embargo", "answers: reject-all"}},
		{args: []string{"personality", "show", "hawk"}, out: []string{"name: hawk", "# Hawk"}},
		{args: []string{"personality", "show", stubborn}, out: []string{"name: stubborn"}},
		{args: []string{"playbook", "show", "nosuch"}, code: 1, noOut: true, errs: []string{`no shipped playbook and no file named "nosuch"`}},
		{args: []string{"playbook", "validate", good, broken, misfit}, code: 1, wholeLines: true,
			out: []string{good + ": ok"},
			errs: []string{
				broken + `:1:7: name: "Broken" is not a valid name (lower-case letters, digits and dashes)`,
				broken + `:2:1: ordres: unknown field "ordres" (did you mean "orders"?)`,
				broken + `:4:11: orders[0].from: is required: the first turn the rule applies, from 1`,
				misfit + `:6:19: orders[0].set[0].lever: us may not set "licensing" (only prc may)`,
			}},
		{args: []string{"personality", "validate", stubborn, badPersonality}, code: 1, wholeLines: true,
			out: []string{stubborn + ": ok"},
			errs: []string{
				badPersonality + `:2:15: moves.rule: "sometimes" is not one of always-cooperate, always-defect, tit-for-tat, grim-trigger, win-stay-lose-shift, generous-tit-for-tat, random, wary`,
				badPersonality + `:3:20: weights.economy: expected a number, found text "abc"`,
				badPersonality + `:3:33: weights.others: a weight runs from -100 to 100, not 500`,
			}},
		{args: []string{"playbook", "validate"}, code: 2, noOut: true, errs: []string{"needs at least one playbook file"}},
		{args: []string{"personality", "bogus"}, code: 2, noOut: true, errs: []string{`unknown command "bogus" for "personality"`}},
	}
	for _, c := range cases {
		code, out, errs := chokepoint(t, c.args...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d\n%s", c.args, code, c.code, errs)
		}
		if c.noOut && out != "" {
			t.Errorf("%v: printed %q", c.args, out)
		}
		check := func(what, text string, want []string) {
			lines := strings.Split(text, "\n")
			for _, w := range want {
				found := false
				for _, l := range lines {
					found = found || c.wholeLines && l == w || !c.wholeLines && strings.Contains(l, w)
				}
				if !found {
					t.Errorf("%v: %s lacks %q:\n%s", c.args, what, w, text)
				}
			}
		}
		check("stdout", out, c.out)
		check("stderr", errs, c.errs)
	}
}

// Nothing a content file holds reaches the terminal raw: an unknown key
// made of escapes is quoted escaped, and so is a file name.
func TestNoRawEscapesFromFiles(t *testing.T) {
	src := valid + "\"\\e]0;PWNED\\a\\e[2J\": 1\ntitle2: \"\\e[31mRED\"\n"
	bad := writeFile(t, "bad\x1b[31m.yaml", src)
	for _, args := range [][]string{
		{"scenario", "validate", bad},
		{"scenario", "show", bad},
		{"sim", "--scenario", bad},
		{"playbook", "validate", bad},
		{"personality", "validate", bad},
	} {
		code, out, errs := chokepoint(t, args...)
		if code == 0 {
			t.Errorf("%v: exit 0", args)
		}
		for _, s := range []string{out, errs} {
			if strings.ContainsFunc(s, func(r rune) bool { return r != '\n' && safetext.Unsafe(r) }) {
				t.Errorf("%v: raw control characters in the output: %q", args, s)
			}
		}
	}
}

// A broken playbook given to play is reported as validate reports it:
// one line per mistake, before any screen opens.
func TestPlayWithABrokenPlaybook(t *testing.T) {
	broken := writeFile(t, "broken.yaml", "name: Broken\nordres: []\n")
	code, out, errs := chokepoint(t, "play", "--ai", "prc=playbook:"+broken)
	want := broken + `:1:7: name: "Broken" is not a valid name (lower-case letters, digits and dashes)` + "\n" +
		broken + `:2:1: ordres: unknown field "ordres" (did you mean "orders"?)` + "\n"
	if code != exitFailure || out != "" || errs != want {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s\nwant:\n%s", code, out, errs, want)
	}
}
