package tui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// sizes are the terminal sizes every screen is checked at.
var sizes = [][2]int{{80, 24}, {120, 40}}

// screens reaches each screen from a fresh model; the golden file holds
// its plain text (ANSI stripped). Refresh with go test ./tui -update.
var screens = []struct {
	name string
	to   func(h *harness)
}{
	{"title", func(h *harness) {}},
	{"setup-scenario", func(h *harness) { h.key("enter") }},
	{"setup-seats", func(h *harness) { h.key("enter", "down", "enter") }},
	{"help", func(h *harness) { h.key("?") }},
	{"briefing", func(h *harness) { h.start(tutorialSpec(h.t, "us")) }},
	{"negotiation", func(h *harness) { h.start(tutorialSpec(h.t, "us")); h.key("enter") }},
	{"why", func(h *harness) { h.start(tutorialSpec(h.t, "us")); h.key("enter", "w") }},
	{"composer", func(h *harness) {
		h.start(tutorialSpec(h.t, "us"))
		h.key("enter", "n", "C", "a", "l", "m", "down", "space", "+", "down", "left")
	}},
	{"orders", func(h *harness) {
		h.start(tutorialSpec(h.t, "us"))
		h.key("enter", "x", "r", "r", "left")
	}},
	{"report", func(h *harness) {
		h.start(tutorialSpec(h.t, "us"))
		h.key("enter", "a", "r", "r", "left", "enter")
	}},
	{"debrief", func(h *harness) {
		h.start(tutorialSpec(h.t, "us"))
		h.key("enter")
		for range 4 {
			h.key("r", "r", "enter", "r")
		}
	}},
	{"quit", func(h *harness) { h.start(tutorialSpec(h.t, "us")); h.key("enter", "q") }},
	{"hot-seat-privacy", func(h *harness) {
		h.start(tutorialSpec(h.t, "us", "eu"))
		h.key("enter", "r")
	}},
}

func TestGoldenScreens(t *testing.T) {
	for _, sc := range screens {
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				h := newHarness(t, size[0], size[1])
				sc.to(h)
				golden.RequireEqual(t, h.screen())
			})
		}
	}
}

func TestGoldenTooSmall(t *testing.T) {
	h := newHarness(t, 60, 20)
	golden.RequireEqual(t, h.screen())
}
