package serve

import (
	"strings"
	"testing"
)

func TestCodesAreReadableAndDistinct(t *testing.T) {
	seen := map[string]bool{}
	counts := map[rune]int{}
	for range 2000 {
		c := NewCode()
		if len(c) != codeLen+codeLen/codeGroup-1 {
			t.Fatalf("code %q has the wrong length", c)
		}
		if strings.ContainsAny(c, "0Oo1lIi") {
			t.Fatalf("code %q has a character that reads like another", c)
		}
		n := normalCode(c)
		if n == "" {
			t.Fatalf("code %q does not read back", c)
		}
		if seen[n] {
			t.Fatalf("code %q drawn twice", c)
		}
		seen[n] = true
		for _, r := range n {
			counts[r]++
		}
	}
	if len(counts) != len(codeAlphabet) {
		t.Fatalf("%d of the %d characters were used", len(counts), len(codeAlphabet))
	}
}

func TestNormalCode(t *testing.T) {
	for in, want := range map[string]string{
		"k7m-xq2-hvd":   "k7mxq2hvd",
		"K7M XQ2 HVD":   "k7mxq2hvd",
		" k7mxq2hvd ":   "k7mxq2hvd",
		"k7m-xq2-hv":    "",
		"k7m-xq2-hv0":   "",
		"k7m-xq2-hvd-a": "",
		"alice":         "",
		"k7m-xq2-hvé":   "",
	} {
		if got := normalCode(in); got != want {
			t.Errorf("normalCode(%q) = %q, want %q", in, got, want)
		}
	}
}
