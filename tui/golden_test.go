package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// sizes are the terminal sizes every screen is checked at: the smallest
// supported, a common laptop terminal, and a large one.
var sizes = [][2]int{{80, 24}, {120, 40}, {200, 60}}

// soloSpec is a shipped scenario with one human seat and the default
// personality elsewhere, seed 1.
func soloSpec(t testing.TB, scenario, seat string) GameSpec {
	t.Helper()
	spec, err := SoloSpec(scenario, seat, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	return spec
}

// playTurns plays n whole turns from a game's negotiation by readying and
// keeping orders.
func (h *harness) playTurns(n int) {
	for range n {
		turn := h.m.env.view().Turn
		for i := 0; h.m.env.view().Turn == turn && i < 20; i++ {
			switch h.m.cur {
			case scrOrders:
				h.key("enter")
			case scrReport:
				h.key("r")
			case scrDebrief:
				return
			default:
				h.key("r")
			}
		}
	}
}

// screens reaches each screen state from a fresh model; the golden file
// holds its plain text (ANSI stripped). Refresh with go test ./tui -update.
var screens = []struct {
	name string
	to   func(h *harness)
}{
	{"title", func(h *harness) {}},
	{"title-new-game", func(h *harness) { h.key("down") }},
	{"title-help", func(h *harness) { h.key("?") }},
	{"setup-scenario", func(h *harness) { h.key("down", "enter") }},
	{"setup-seats", func(h *harness) { h.key("down", "enter", "enter") }},
	{"setup-hot-seat", func(h *harness) { h.key("down", "enter", "enter", "down", "left") }},
	{"briefing", func(h *harness) { h.start(tutorialSpec(h.t, "us")) }},
	{"briefing-details", func(h *harness) { h.start(tutorialSpec(h.t, "us")); h.key("d") }},
	{"negotiation", func(h *harness) { h.start(tutorialSpec(h.t, "us")); h.key("enter") }},
	{"negotiation-seven-seats", func(h *harness) { h.start(soloSpec(h.t, "rare-earth-card", "us")); h.key("enter") }},
	{"game-help", func(h *harness) { h.start(tutorialSpec(h.t, "us")); h.key("enter", "?") }},
	{"why-before-first-turn", func(h *harness) { h.start(tutorialSpec(h.t, "us")); h.key("enter", "w") }},
	{"why", func(h *harness) {
		h.start(soloSpec(h.t, "rare-earth-card", "us"))
		h.key("enter")
		h.playTurns(2)
		h.key("w")
	}},
	{"news-selected", func(h *harness) {
		h.start(tutorialSpec(h.t, "us"))
		h.key("enter", "tab", "tab", "up")
	}},
	{"composer", func(h *harness) {
		h.start(tutorialSpec(h.t, "us"))
		h.key("enter", "n", "C", "a", "l", "m", "down", "right", "space", "+", "enter", "left")
	}},
	{"composer-kinds", func(h *harness) {
		h.start(tutorialSpec(h.t, "us"))
		h.key("enter", "n", "C", "a", "l", "m", "down", "space", "+")
	}},
	{"composer-settlement", func(h *harness) {
		h.start(soloSpec(h.t, "rare-earth-card", "us"))
		h.key("enter", "n", "S", "down", "space", "+", "enter", "+", "enter", "+", "enter")
	}},
	{"composer-settlement-confirm", func(h *harness) {
		h.start(soloSpec(h.t, "rare-earth-card", "us"))
		h.key("enter", "n", "S", "down", "space", "+", "enter", "+", "enter", "+", "enter")
		for h.composer().state.row != h.composer().rowSend() {
			h.key("down")
		}
		h.key("enter")
	}},
	{"composer-discard", func(h *harness) {
		h.start(tutorialSpec(h.t, "us"))
		h.key("enter", "n", "C", "esc")
	}},
	{"orders", func(h *harness) {
		h.start(tutorialSpec(h.t, "us"))
		h.key("enter", "x", "r", "r", "left")
	}},
	{"orders-seven-seats", func(h *harness) {
		h.start(soloSpec(h.t, "rare-earth-card", "us"))
		h.key("enter", "r")
		for h.m.cur != scrOrders && h.m.env.view().Round < 4 {
			h.key("r")
		}
		h.key("down", "right")
	}},
	{"orders-phase", func(h *harness) {
		h.start(tutorialSpec(h.t, "us"))
		h.key("enter", "x", "r", "r", "esc")
	}},
	{"report", func(h *harness) {
		h.start(tutorialSpec(h.t, "us"))
		h.key("enter", "a", "r", "r", "left", "enter")
	}},
	{"report-seven-seats", func(h *harness) {
		h.start(soloSpec(h.t, "rare-earth-card", "us"))
		h.key("enter")
		h.playTurns(1)
		h.key("t")
	}},
	{"game-report-phase", func(h *harness) {
		h.start(tutorialSpec(h.t, "us"))
		h.key("enter", "r", "r", "enter", "esc")
	}},
	{"debrief", func(h *harness) {
		h.start(tutorialSpec(h.t, "us"))
		h.key("enter")
		h.playTurns(4)
	}},
	{"debrief-charts", func(h *harness) {
		h.start(tutorialSpec(h.t, "us"))
		h.key("enter")
		h.playTurns(4)
		h.key("pgdown", "pgdown", "pgdown")
	}},
	{"quit", func(h *harness) { h.start(tutorialSpec(h.t, "us")); h.key("enter", "q") }},
	{"save-name", func(h *harness) { h.start(tutorialSpec(h.t, "us")); h.key("enter", "S", "l", "e", "s", "s", "o", "n") }},
	{"replay", func(h *harness) { h.replay(); h.key("down", "right", "right") }},
	{"replay-seat-view", func(h *harness) { h.replay(); h.key("down", "down", "v", "v") }},
	{"branch", func(h *harness) { h.replay(); h.key("down", "B", "right") }},
	{"quit-after-the-game", func(h *harness) {
		h.start(tutorialSpec(h.t, "us"))
		h.key("enter")
		h.playTurns(4)
		h.key("q")
	}},
	{"hot-seat-first-privacy", func(h *harness) { h.start(tutorialSpec(h.t, "us", "eu")) }},
	{"hot-seat-privacy", func(h *harness) {
		h.start(tutorialSpec(h.t, "us", "eu"))
		h.key("enter", "enter")
		for i := 0; h.m.env.view().Owes(0).Answer && i < 5; i++ {
			h.key("x")
		}
		h.key("r")
	}},
	{"clock-last-minute", func(h *harness) {
		h.start(soloSpec(h.t, "rare-earth-card", "us"))
		h.key("enter")
		h.m.env.now = h.m.env.u.Deadline.Add(-50 * time.Second)
		h.m.clockWarning()
	}},
	{"dilemma", func(h *harness) {
		h.start(soloSpec(h.t, "prisoners-dilemma", "us"))
		h.key("enter")
	}},
	{"dilemma-after-rounds", func(h *harness) {
		h.start(soloSpec(h.t, "prisoners-dilemma", "us"))
		h.key("enter", "1", "2", "1")
	}},
	{"dilemma-repeat", func(h *harness) {
		h.start(soloSpec(h.t, "prisoners-dilemma", "us"))
		h.key("enter", "R", "5")
	}},
	{"dilemma-briefing", func(h *harness) { h.start(soloSpec(h.t, "prisoners-dilemma", "us")) }},
}

func TestGoldenScreens(t *testing.T) {
	for _, sc := range screens {
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				h := newHarness(t, size[0], size[1])
				sc.to(h)
				screen := h.screen()
				checkLayout(t, screen, size[0], size[1])
				golden.RequireEqual(t, screen)
			})
		}
	}
}

func TestGoldenTooSmall(t *testing.T) {
	h := newHarness(t, 60, 20)
	golden.RequireEqual(t, h.screen())
}

// hyphenEnd is a line, or a panel's line, that ends in the middle of a
// hyphenated word ("rare-" then "earth" on the next line).
var hyphenEnd = regexp.MustCompile(`[A-Za-z]-\s*(│|$)`)

// checkLayout fails when a screen is not exactly w by h cells, when a
// line is cut in the middle of a word (a "…" right after a letter), or
// when a panel's borders do not line up from its top to its bottom (a
// line shifted by a cell too many or too few).
func checkLayout(t *testing.T, screen string, w, h int) {
	t.Helper()
	lines := strings.Split(screen, "\n")
	if len(lines) != h {
		t.Errorf("%d lines, want %d", len(lines), h)
	}
	grid := make([][]rune, len(lines))
	for r, l := range lines {
		if n := ansi.StringWidth(l); n != w {
			t.Errorf("line %d is %d cells wide, want %d: %q", r+1, n, w, l)
		}
		if hyphenEnd.MatchString(l) {
			t.Errorf("line %d ends a word at a hyphen, the rest on the next line: %q", r+1, l)
		}
		grid[r] = []rune(l)
		for k, c := range grid[r] {
			if c == '…' && k > 0 && (unicode.IsLetter(grid[r][k-1]) || unicode.IsDigit(grid[r][k-1])) {
				t.Errorf("line %d is cut in the middle of a word: %q", r+1, l)
			}
		}
	}
	at := func(r, c int) rune {
		if r < 0 || r >= len(grid) || c < 0 || c >= len(grid[r]) {
			return 0
		}
		return grid[r][c]
	}
	for r := range grid {
		for c, ch := range grid[r] {
			if ch != '╭' {
				continue
			}
			right := -1
			for k := c + 1; k < len(grid[r]); k++ {
				if grid[r][k] == '╮' {
					right = k
					break
				}
			}
			if right < 0 {
				t.Errorf("line %d: a panel's top border has no right corner", r+1)
				continue
			}
			for k := r + 1; ; k++ {
				l, rr := at(k, c), at(k, right)
				if l == '╰' && rr == '╯' {
					break
				}
				if l != '│' || rr != '│' {
					t.Errorf("line %d: the panel opened on line %d is shifted (%q at its left border, %q at its right)", k+1, r+1, string(l), string(rr))
					break
				}
			}
		}
	}
}

// TestHelpListsEveryBinding: on every screen state, the help overlay has
// a line for every binding of the screen's key map, short and full, and
// for the global ones.
func TestHelpListsEveryBinding(t *testing.T) {
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			h := newHarness(t, 120, 40)
			sc.to(h)
			if h.m.overlay != ovNone {
				return
			}
			km := h.m.withGlobal(h.m.screen().Keys())
			body := ansi.Strip(h.m.helpBody(100))
			lines := strings.Split(body, "\n")
			listed := func(keyName string) bool {
				for _, l := range lines {
					if f := strings.Fields(l); len(f) > 0 && f[0] == keyName {
						return true
					}
				}
				return false
			}
			// Help lists the full groups, one line for each set of keys
			// (its first binding's words); a short binding is the same
			// keys under a shorter name.
			shown := map[string]string{}
			for _, g := range km.FullHelp() {
				for _, b := range g {
					if _, ok := shown[helpID(b)]; !ok {
						shown[helpID(b)] = b.Help().Key
					}
				}
			}
			all := append([]key.Binding{}, km.ShortHelp()...)
			for _, g := range km.FullHelp() {
				all = append(all, g...)
			}
			if len(all) == 0 {
				t.Fatal("the screen has no keys")
			}
			for _, b := range all {
				k, ok := shown[helpID(b)]
				if !ok || !listed(k) {
					t.Errorf("help has no line for %q (%s):\n%s", b.Help().Key, b.Help().Desc, body)
				}
			}
		})
	}
}
