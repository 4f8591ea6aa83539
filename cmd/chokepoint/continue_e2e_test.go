package main

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestContinueAfterClosingTheTerminal: a person closes the terminal in the
// middle of a phase (after answering a proposal, which is no phase
// change), runs chokepoint play --continue, and is exactly where they
// were: the same screen, line for line, but for the bottom line's note
// of the last action. The game then goes on.
func TestContinueAfterClosingTheTerminal(t *testing.T) {
	needTmux(t)
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	s := startTmux(t, 100, 30, bin, "play", "--scenario", "tutorial", "--seat", "us", "--seed", "1", "--no-clock", "--save-dir", dir)
	s.waitFor("Briefing", "You play United States")
	s.keys("Enter")
	s.waitFor("NEGOTIATION", "awaiting you")
	s.keys("a")
	before := s.waitFor("accepted", "is in force")
	pid, err := strconv.Atoi(strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, "#{pane_pid}")))
	if err != nil {
		t.Fatal(err)
	}
	// Closing the terminal: the program gets SIGHUP and must save on its
	// way out.
	_ = exec.Command("tmux", "-L", s.socket, "kill-server").Run()
	deadline := time.Now().Add(15 * time.Second)
	for alive(pid) {
		if time.Now().After(deadline) {
			t.Fatal("the program did not end when its terminal closed")
		}
		time.Sleep(50 * time.Millisecond)
	}

	again := startTmux(t, 100, 30, bin, "play", "--continue", "--save-dir", dir)
	after := again.waitFor("turn 1/4", "is in force")
	b, a := strings.Split(before, "\n"), strings.Split(after, "\n")
	if len(a) != len(b) {
		t.Fatalf("%d lines before, %d after", len(b), len(a))
	}
	bottom := len(b) - 1
	for strings.TrimSpace(b[bottom]) == "" && bottom > 0 {
		bottom--
	}
	for i := range b {
		if i != bottom && strings.TrimRight(a[i], " ") != strings.TrimRight(b[i], " ") {
			t.Errorf("line %d differs after --continue:\n before: %s\n after:  %s", i+1, b[i], a[i])
		}
	}
	if t.Failed() {
		t.Fatalf("before:\n%s\nafter:\n%s", before, after)
	}
	// The game goes on from there.
	again.keys("r")
	again.waitFor("Orders · turn 1")
}
