package main

import (
	"strings"
	"testing"
)

// TestPlayClockFlags: --clock and --no-clock together are a usage
// mistake, refused with one line before any screen opens.
func TestPlayClockFlags(t *testing.T) {
	code, out, errs := chokepoint(t, "play", "--scenario", "tutorial", "--clock", "--no-clock")
	if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "--clock") {
		t.Errorf("code %d, stdout %q, stderr %q; want one line and exit 2", code, out, errs)
	}
	// Either alone is accepted: with no terminal, play stops at "needs a
	// terminal" (exit 1).
	for _, flag := range []string{"--clock", "--no-clock"} {
		if code, _, errs := chokepoint(t, "play", "--scenario", "tutorial", flag); code != 1 || !strings.Contains(errs, "terminal") {
			t.Errorf("%s: code %d, %q", flag, code, errs)
		}
	}
}
