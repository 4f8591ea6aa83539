package saves_test

import (
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/saves"
)

// The README's excerpt of a save is the format fixture, line for line,
// apart from the lines it shortens with "…" or "...".
func TestREADMEExcerptIsTheFixture(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	i := strings.Index(s, "### The format\n\n```json\n")
	if i < 0 {
		t.Fatal("the README has no excerpt of a save")
	}
	s = s[i+len("### The format\n\n```json\n"):]
	excerpt := s[:strings.Index(s, "```")]
	data, err := os.ReadFile(fixture(saves.Version))
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]bool{}
	for l := range strings.SplitSeq(string(data), "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	n := 0
	for l := range strings.SplitSeq(excerpt, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.Contains(l, "...") {
			continue
		}
		n++
		if prefix, _, cut := strings.Cut(l, "…"); cut {
			// A shortened line: some line of the fixture starts so.
			if !slices.ContainsFunc(slices.Collect(maps.Keys(lines)), func(f string) bool { return strings.HasPrefix(f, prefix) }) {
				t.Errorf("the README's excerpt has %q, which begins no line of the fixture", l)
			}
			continue
		}
		if !lines[l] && !lines[l+","] && !lines[strings.TrimSuffix(l, ",")] {
			t.Errorf("the README's excerpt has %q, which the fixture does not", l)
		}
	}
	if n < 15 {
		t.Errorf("only %d lines of the excerpt checked", n)
	}
}
