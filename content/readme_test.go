package content

import (
	"os"
	"strings"
	"testing"
)

// The annotated example in the README is a real scenario: it must load.
func TestREADMEExampleScenarioLoads(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, "id: two-seat-demo")
	if i < 0 {
		t.Fatal("the README has no example scenario")
	}
	j := strings.Index(s[i:], "```")
	if _, err := Load("README.md example", []byte(s[i:i+j])); err != nil {
		t.Fatal(err)
	}
}
