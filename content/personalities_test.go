package content

import (
	"errors"
	"strings"
	"testing"
)

func TestShippedPersonalitiesLoad(t *testing.T) {
	names := PersonalityNames()
	want := []string{"always-cooperate", "always-defect", "dove", "free-rider", "generous-tit-for-tat", "grim-trigger",
		"hawk", "opportunist", "random", "tit-for-tat", "win-stay-lose-shift"}
	if strings.Join(names, ",") != strings.Join(want, ",") {
		t.Fatalf("shipped %v, want %v", names, want)
	}
	for _, n := range names {
		p, err := GetPersonality(n)
		if err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		if p.Name != n || p.Description == "" {
			t.Errorf("%s: name %q, description %q", n, p.Name, p.Description)
		}
	}
}

// A personality with several mistakes reports each one, placed at its
// line and column, in file order.
func TestPersonalityProblems(t *testing.T) {
	src := `name: My Hawk
moves:
  rule: hawkish
  cooperate: hold
  defect: stronger
  generosity: 2
weights:
  objectivs: 1
deals:
  answer: by-value
  keep: sometimes
trust:
  min: -500
`
	_, err := LoadPersonality("my-hawk.yaml", []byte(src))
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("want a *content.Error, got %v", err)
	}
	got := ce.Error()
	for _, want := range []string{
		`my-hawk.yaml:1:7: name: "My Hawk" is not a valid name`,
		`my-hawk.yaml:3:9: moves.rule: "hawkish" is not one of always-cooperate`,
		`my-hawk.yaml:6:15: moves.generosity: is a chance: between 0 and 1, not 2`,
		`my-hawk.yaml:8:3: weights.objectivs: unknown field`,
		`my-hawk.yaml:11:9: deals.keep: "sometimes" is not one of always, by-move, when-worth-it, never`,
		`my-hawk.yaml:13:8: trust.min: trust runs from -100 to 100, not -500`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if _, err := LoadPersonality("x.yaml", []byte("name: x\nmoves: [1, 2]\n")); err == nil || !strings.Contains(err.Error(), "x.yaml:2:8") {
		t.Errorf("a list for a mapping: %v", err)
	}
	if _, err := ResolvePersonality("nosuch"); err == nil || !strings.Contains(err.Error(), `no shipped personality and no file named "nosuch"`) {
		t.Errorf("unknown name: %v", err)
	}
}
