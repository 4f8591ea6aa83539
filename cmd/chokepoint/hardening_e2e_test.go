package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// These tests run the built binary where the in-process tests cannot
// reach: pipes whose reader goes away, a closed or full stdout, signals
// to a game in a real terminal.

var (
	binOnce sync.Once
	binDir  string
	binPath string
	binErr  error
)

// sharedBinary builds the binary once for every test that needs it; the
// directory is removed by TestMain.
func sharedBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "chokepoint-bin-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "chokepoint")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

func needUnix(t *testing.T) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("uses /dev/stdout, /dev/full and FIFOs as Linux has them")
	}
}

// readOneLineAndLeave starts the command with its output (the file
// given, or stdout) going into a pipe, reads one line, closes the read
// end and waits: the command must end soon after, killed by SIGPIPE.
func readOneLineAndLeave(t *testing.T, cmd *exec.Cmd, r *os.File) {
	t.Helper()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the first line: %v", err)
	}
	if !strings.HasPrefix(line, `{"game":0,"turn":1`) {
		t.Fatalf("first line %q is not a trace line", line)
	}
	r.Close()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("the command ended with %v, want death by SIGPIPE", err)
		}
		ws := ee.Sys().(syscall.WaitStatus)
		if !ws.Signaled() || ws.Signal() != syscall.SIGPIPE {
			t.Fatalf("the command ended with %v, want death by SIGPIPE", err)
		}
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("the command still runs a minute after its reader left: it hangs")
	}
}

// A trace written to a pipe, through /dev/stdout, /dev/stderr or a FIFO
// (what a process substitution is), ends the run once its reader leaves.
func TestTraceToAPipeEndsWhenTheReaderLeaves(t *testing.T) {
	needUnix(t)
	bin := sharedBinary(t)
	args := []string{"sim", "--games", "2000", "--seats", "all=passive"}
	t.Run("stdout", func(t *testing.T) {
		r, w, _ := os.Pipe()
		cmd := exec.Command(bin, append(args, "--trace", "/dev/stdout")...)
		cmd.Stdout = w
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		w.Close()
		readOneLineAndLeave(t, cmd, r)
	})
	t.Run("stderr", func(t *testing.T) {
		r, w, _ := os.Pipe()
		cmd := exec.Command(bin, append(args, "--trace", "/dev/stderr")...)
		cmd.Stderr = w
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		w.Close()
		readOneLineAndLeave(t, cmd, r)
	})
	t.Run("fifo", func(t *testing.T) {
		fifo := filepath.Join(t.TempDir(), "trace")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skip("no FIFOs here:", err)
		}
		cmd := exec.Command(bin, append(args, "--trace", fifo)...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		r, err := os.Open(fifo)
		if err != nil {
			t.Fatal(err)
		}
		readOneLineAndLeave(t, cmd, r)
	})
}

// Output that cannot be written is a failure, whatever the command.
func TestUnwritableStdoutFails(t *testing.T) {
	needUnix(t)
	bin := sharedBinary(t)
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.yaml")
	if err := os.WriteFile(ok, []byte(valid), 0o644); err != nil {
		t.Fatal(err)
	}
	commands := [][]string{
		{"sim", "--games", "2", "--seats", "all=passive"},
		{"sim", "--games", "2", "--seats", "all=passive", "--json"},
		{"scenario", "show", "rare-earth-card"},
		{"scenario", "list"},
		{"scenario", "validate", ok},
		{"playbook", "list"},
		{"playbook", "validate", filepath.Join("..", "..", "content", "playbooks", "embargo.yaml")},
		{"personality", "show", "hawk"},
		{"--version"},
		{"--help"},
	}
	for _, redirect := range []string{">&-", ">/dev/full"} {
		if redirect == ">/dev/full" {
			if _, err := os.Stat("/dev/full"); err != nil {
				continue
			}
		}
		for _, args := range commands {
			name := redirect + " " + strings.Join(args, " ")
			t.Run(name, func(t *testing.T) {
				script := `exec "$0" "$@" ` + redirect
				cmd := exec.Command("sh", append([]string{"-c", script, bin}, args...)...)
				var stderr strings.Builder
				cmd.Stderr = &stderr
				err := cmd.Run()
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.ExitCode() != 1 {
					t.Fatalf("exit %v, want 1; stderr:\n%s", err, stderr.String())
				}
				if n := strings.Count(stderr.String(), "\n"); n != 1 || !strings.HasPrefix(stderr.String(), "chokepoint: ") {
					t.Fatalf("want one line of error, got:\n%s", stderr.String())
				}
			})
		}
	}
	// A redirection to /dev/null is not a closed stdout.
	if out, err := exec.Command("sh", "-c", `exec "$0" scenario list >/dev/null`, bin).CombinedOutput(); err != nil {
		t.Fatalf("scenario list >/dev/null: %v\n%s", err, out)
	}
}

// A game ended by a signal leaves the terminal as it found it (cooked
// mode, main screen, cursor shown) and exits 128+N, never 0.
func TestSignalsRestoreTheTerminal(t *testing.T) {
	needTmux(t)
	needUnix(t)
	bin := sharedBinary(t)
	for _, c := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGHUP, 129}, {syscall.SIGTERM, 143}, {syscall.SIGINT, 130}} {
		t.Run(c.sig.String(), func(t *testing.T) {
			pidFile := filepath.Join(t.TempDir(), "pid")
			// The game runs as a child of a shell that outlives it and
			// then shows its exit code and the terminal's modes.
			script := `"$0" play --scenario tutorial --seed 1 --no-clock </dev/tty & echo $! >"$1"; wait $!; echo "EXIT=$?"; ` +
				`stty -a </dev/tty | tr ' ;' '\n\n' | grep -E '^-?(icanon|echo|isig)$' | tr '\n' ' '; echo; sleep 600`
			s := startTmux(t, 100, 30, "sh", "-c", script, bin, pidFile)
			s.waitFor("Briefing")
			if on := strings.TrimSpace(s.tmux("display", "-p", "-t", s.name, "#{alternate_on}")); on != "1" {
				t.Fatalf("the game is not on the alternate screen (alternate_on=%s)", on)
			}
			data, err := os.ReadFile(pidFile)
			if err != nil {
				t.Fatal(err)
			}
			pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
			if err != nil {
				t.Fatal(err)
			}
			if err := syscall.Kill(pid, c.sig); err != nil {
				t.Fatal(err)
			}
			screen := s.waitFor("EXIT=")
			if !strings.Contains(screen, fmt.Sprintf("EXIT=%d", c.code)) {
				t.Errorf("want EXIT=%d:\n%s", c.code, screen)
			}
			modes := s.waitFor("icanon")
			for _, mode := range []string{" icanon ", " echo ", " isig "} {
				if !strings.Contains(" "+lastLines(modes)+" ", mode) {
					t.Errorf("the terminal is not back in cooked mode (want%s):\n%s", mode, modes)
				}
			}
			if on := strings.TrimSpace(s.tmux("display", "-p", "-t", s.name, "#{alternate_on}")); on != "0" {
				t.Errorf("the terminal is still on the alternate screen")
			}
			if cursor := strings.TrimSpace(s.tmux("display", "-p", "-t", s.name, "#{cursor_flag}")); cursor != "1" {
				t.Errorf("the cursor is still hidden")
			}
		})
	}
}

func lastLines(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n "), "\n")
	return strings.Join(lines[max(0, len(lines)-3):], " ")
}
