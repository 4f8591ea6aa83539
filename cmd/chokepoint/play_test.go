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

// TestPlaySeatUnknown: a seat the scenario lacks is a usage mistake named
// after --seat, the flag that gave it, in one line.
func TestPlaySeatUnknown(t *testing.T) {
	code, out, errs := chokepoint(t, "play", "--scenario", "tutorial", "--seat", "mars")
	if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "--seat: ") || !strings.Contains(errs, `no seat "mars"`) {
		t.Errorf("code %d, stdout %q, stderr %q; want one line naming --seat and exit 2", code, out, errs)
	}
	// A wrong --ai entry is still --ai's.
	if code, _, errs := chokepoint(t, "play", "--scenario", "tutorial", "--seat", "us", "--ai", "mars=hawk"); code != 2 || !strings.Contains(errs, "--ai: ") {
		t.Errorf("--ai mars=hawk: code %d, %q", code, errs)
	}
}
