package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		text string
		w    int
		want string
	}{
		{"Rare-earth licensing is a lever", 12, "Rare-earth\nlicensing is\na lever"},
		{"coverage +8.2: licensing 'general' (-6.9)", 20, "coverage +8.2:\nlicensing 'general'\n(-6.9)"},
		{"  ✓     4  Keep your industry", 40, "  ✓     4  Keep your industry"},
		{"  • indented item that wraps here", 16, "  • indented\nitem that wraps\nhere"},
		{"aaaaaaaaaaaaaaaaaaaa", 8, "aaaaaaaa\naaaaaaaa\naaaa"},
		{"two\nlines", 20, "two\nlines"},
		{"", 10, ""},
	}
	for _, tc := range tests {
		got := wrap(tc.text, tc.w)
		if got != tc.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", tc.text, tc.w, got, tc.want)
		}
		for _, l := range strings.Split(got, "\n") {
			if ansi.StringWidth(l) > max(tc.w, 8) {
				t.Errorf("wrap(%q, %d): line %q is too wide", tc.text, tc.w, l)
			}
		}
	}
}

func TestFitWords(t *testing.T) {
	if got := fitWords("PRC keeps its rare-earth export licensing towards US", 30); got != "PRC keeps its rare-earth …" {
		t.Errorf("fitWords = %q", got)
	}
	if got := fitWords("short", 30); got != "short" {
		t.Errorf("fitWords = %q", got)
	}
}
