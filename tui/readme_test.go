package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// readmeScreen is the game screen the README shows: the tutorial's
// second turn after the US accepted the PRC's first proposal, at 100x32.
func readmeScreen(t *testing.T) string {
	h := newHarness(t, 100, 32)
	h.start(tutorialSpec(t, "us"))
	h.key("enter", "a")
	h.playTurns(1)
	return h.screen()
}

// TestReadmeScreenshot: the README's screenshot of the game screen is
// the program's screen, line for line (trailing spaces aside).
func TestReadmeScreenshot(t *testing.T) {
	screen := readmeScreen(t)
	golden.RequireEqual(t, screen)
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, l := range strings.Split(screen, "\n") {
		want = append(want, strings.TrimRight(l, " "))
	}
	block := "```\n" + strings.Join(want, "\n") + "\n```"
	if !strings.Contains(string(readme), block) {
		t.Errorf("the README's screenshot is not the program's screen; it should read:\n%s", block)
	}
}

// readmeKeys maps screen states of TestGoldenScreens to the rows of the
// README's key table that must list their keys between them.
var readmeKeys = []struct {
	states []string
	rows   []string
}{
	{[]string{"title"}, []string{"title"}},
	{[]string{"setup-scenario", "setup-seats"}, []string{"new game"}},
	{[]string{"briefing", "briefing-details"}, []string{"briefing"}},
	{[]string{"negotiation", "game-report-phase", "orders-phase"}, []string{"game screen", "game screen, by phase"}},
	{[]string{"dilemma"}, []string{"payoff-table game", "game screen", "game screen, by phase"}},
	{[]string{"composer"}, []string{"deal composer"}},
	{[]string{"composer-kinds"}, []string{"clause kinds"}},
	{[]string{"orders"}, []string{"orders"}},
	{[]string{"report"}, []string{"report"}},
	{[]string{"debrief"}, []string{"debrief"}},
	{[]string{"hot-seat-privacy"}, []string{"hot seat"}},
	{[]string{"console-lobby", "console-negotiation", "console-game-over"}, []string{"console"}},
	{[]string{"console-inject", "console-override", "console-end"}, []string{"console forms"}},
	{[]string{"console-chat"}, []string{"chat"}},
	{[]string{"projector-negotiation", "projector-debrief", "console-projector"}, []string{"projector"}},
}

// TestReadmeKeyTable: every key each screen's help lists is in the
// README's row for that screen (or the row "everywhere").
func TestReadmeKeyTable(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	for _, l := range strings.Split(string(readme), "\n") {
		if !strings.HasPrefix(l, "| ") {
			continue
		}
		cells := strings.Split(l, "|")
		if len(cells) >= 3 {
			rows[strings.TrimSpace(cells[1])] = cells[2]
		}
	}
	everywhere, ok := rows["everywhere"]
	if !ok {
		t.Fatal("the README's key table has no row \"everywhere\"")
	}
	byName := map[string]func(h *harness){}
	for _, sc := range screens {
		byName[sc.name] = sc.to
	}
	for _, rk := range readmeKeys {
		text := ""
		for _, row := range rk.rows {
			r, ok := rows[row]
			if !ok {
				t.Errorf("the README's key table has no row %q", row)
			}
			text += r
		}
		row := strings.Join(rk.rows, "/")
		for _, name := range rk.states {
			if byName[name] == nil {
				t.Fatalf("no screen state %q", name)
			}
			h := newHarness(t, 120, 40)
			byName[name](h)
			km := h.m.withGlobal(h.m.screen().Keys())
			for _, g := range km.FullHelp() {
				for _, b := range g {
					k := "`" + b.Help().Key + "`"
					if !strings.Contains(text, k) && !strings.Contains(everywhere, k) {
						t.Errorf("README row %q lacks %s (%s) of screen state %s", row, k, b.Help().Desc, name)
					}
				}
			}
		}
	}
}
