package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// tmuxSession runs the real binary in a detached tmux session on a
// private server and reads its screen as a person would see it.
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

// needTmux skips without tmux, except in CI (CI=true), where a missing
// tmux is a failure: .ci/run installs it.
func needTmux(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("tmux")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is not installed; .ci/run installs it")
		}
		t.Skip("tmux is not installed")
	}
	return path
}

func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "chokepoint")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// tmuxServers numbers the tmux servers of this test process, so that
// each session has its own and one test's cleanup cannot end another's.
var tmuxServers atomic.Int64

func startTmux(t *testing.T, w, h int, command ...string) *tmuxSession {
	t.Helper()
	needTmux(t)
	s := &tmuxSession{t: t, socket: fmt.Sprintf("chokepoint-e2e-%d-%d", os.Getpid(), tmuxServers.Add(1)), name: "game"}
	// Games are autosaved: into a directory of the test's own, never the
	// user's.
	args := append([]string{"new-session", "-d", "-s", s.name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"env", "TERM=xterm-256color", "COLORTERM=truecolor", "XDG_DATA_HOME=" + t.TempDir()}, command...)
	s.tmux(args...)
	pid, _ := strconv.Atoi(strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, "#{pane_pid}")))
	t.Cleanup(func() {
		_ = exec.Command("tmux", "-L", s.socket, "kill-server").Run()
		// The program saves the game on its way out: the test's
		// directories go only once it has ended.
		for end := time.Now().Add(10 * time.Second); pid > 0 && time.Now().Before(end) && alive(pid); {
			time.Sleep(20 * time.Millisecond)
		}
	})
	return s
}

// alive reports whether the process pid is still running.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	return err == nil && p.Signal(syscall.Signal(0)) == nil
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.tmux("capture-pane", "-p", "-t", s.name) }

func (s *tmuxSession) keys(keys ...string) {
	s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// waitFor polls the screen until it shows every one of texts.
func (s *tmuxSession) waitFor(texts ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var screen string
	for time.Now().Before(deadline) {
		screen = s.screen()
		all := true
		for _, x := range texts {
			all = all && strings.Contains(screen, x)
		}
		if all {
			return screen
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("the screen never showed %q:\n%s", texts, screen)
	return ""
}

// TestEndToEndInTmux plays three turns of the tutorial with the real
// binary in a real terminal and checks what a player would see.
func TestEndToEndInTmux(t *testing.T) {
	needTmux(t)
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildBinary(t)
	s := startTmux(t, 100, 30, bin, "play", "--scenario", "tutorial", "--seat", "us", "--seed", "1", "--no-clock")
	s.waitFor("Briefing", "You play United States")
	s.keys("Enter")
	s.waitFor("NEGOTIATION", "World", "PRC", "not done negotiating")
	for turn := 1; turn <= 3; turn++ {
		// Ready until the orders open (a round with proposals is followed
		// by another).
		for i := 0; ; i++ {
			screen := s.screen()
			if strings.Contains(screen, "Orders · turn") {
				break
			}
			if i > 200 {
				t.Fatalf("turn %d: the orders never opened:\n%s", turn, screen)
			}
			if strings.Contains(screen, "not done negotiating") {
				s.keys("r")
				time.Sleep(150 * time.Millisecond)
			}
			time.Sleep(50 * time.Millisecond)
		}
		s.waitFor("Forecast", "Tariff")
		s.keys("Left", "Enter") // a lower tariff on the PRC, in order
		report := s.waitFor(fmt.Sprintf("Report · turn %d", turn), "What happened", "United States")
		if turn == 1 && !strings.Contains(report, "economy") {
			t.Errorf("the first report explains no economy change:\n%s", report)
		}
		s.keys("r")
		s.waitFor(fmt.Sprintf("turn %d/4", turn+1), "NEGOTIATION")
	}
	screen := s.waitFor("turn 4/4", "News", "Turn 3 resolved")
	for _, bad := range []string{"panic", "goroutine", "runtime error"} {
		if strings.Contains(screen, bad) {
			t.Fatalf("the screen shows %q:\n%s", bad, screen)
		}
	}
	t.Logf("the game screen after three turns:\n%s", screen)
	// Too small a window says so; making it larger brings the game back.
	s.tmux("resize-window", "-t", s.name, "-x", "60", "-y", "20")
	s.waitFor("needs at least 80×24")
	s.tmux("resize-window", "-t", s.name, "-x", "100", "-y", "30")
	s.waitFor("turn 4/4", "World")
	// Quitting asks first.
	s.keys("q")
	s.waitFor("Quit Chokepoint?")
	s.keys("y")
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if exec.Command("tmux", "-L", s.socket, "has-session", "-t", s.name).Run() != nil {
			return // the program ended and took its session with it
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the program did not quit:\n%s", s.screen())
}

// TestTitleScreenInTmux: a bare chokepoint opens the title screen.
func TestTitleScreenInTmux(t *testing.T) {
	needTmux(t)
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildBinary(t)
	s := startTmux(t, 80, 24, bin)
	s.waitFor("C H O K E P O I N T", "New game", "Tutorial", "Quit", "New here? Press enter")
	s.keys("Down", "Enter")
	s.waitFor("New game · scenario", "rare-earth-card")
	s.keys("Escape")
	s.waitFor("New game", "Tutorial")
	s.keys("q")
}

// TestTutorialFirstOrdersInTmux is the newcomer's path: from the title
// screen of a bare chokepoint to the first orders submitted in the
// tutorial, in at most 8 keys, each chosen from what the screen says to
// do next.
func TestTutorialFirstOrdersInTmux(t *testing.T) {
	needTmux(t)
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildBinary(t)
	s := startTmux(t, 80, 24, bin)
	s.waitFor("New here? Press enter")
	keys := 0
	press := func(k string) {
		keys++
		s.keys(k)
	}
	press("Enter")
	s.waitFor("Briefing", "enter start playing")
	press("Enter")
	s.waitFor("NEGOTIATION", "▶")
	for keys <= 8 {
		screen := s.screen()
		switch {
		case strings.Contains(screen, "orders submitted") || strings.Contains(screen, "Report · turn 1"):
			// Submitted: the others may already have resolved the turn.
			t.Logf("first orders in after %d keys:\n%s", keys, screen)
			return
		case strings.Contains(screen, "Orders · turn 1"):
			press("Enter")
			time.Sleep(300 * time.Millisecond)
		case strings.Contains(screen, "not done negotiating") && strings.Contains(screen, "press r when done") ||
			strings.Contains(screen, "○ not done negotiating"):
			press("r")
			time.Sleep(300 * time.Millisecond)
		default:
			time.Sleep(50 * time.Millisecond)
		}
	}
	t.Fatalf("the first orders took more than 8 keys:\n%s", s.screen())
}
