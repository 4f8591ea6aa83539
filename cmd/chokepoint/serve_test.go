package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A mistake on serve's command line is one line and exit 2, before
// anything listens.
func TestServeUsageMistakes(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--seats", "narnia=hawk"}, `has no seat "narnia"`},
		{[]string{"--seats", "japan=nobody"}, "nobody"},
		{[]string{"--resume", "x.json", "--scenario", "tutorial"}, "--resume carries on a saved game"},
		{[]string{"stray"}, "no arguments"},
	} {
		args := append([]string{"serve", "--scenario", "embargo-2010", "--save-dir", dir, "--host-key", dir + "/hk", "--listen", "127.0.0.1:0"}, c.args...)
		if c.args[0] == "--resume" {
			args = append([]string{"serve", "--save-dir", dir}, c.args...)
		}
		code, out, errs := chokepoint(t, args...)
		if code != 2 || !strings.Contains(errs, c.want) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 saying %q", c.args, code, out, errs, c.want)
		}
	}
}

// Stopped in its lobby, before anything was played, the server does not
// claim to have saved the game: there is no save for --resume to find.
func TestServeStoppedInLobbySaysNothingToResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and starts a server")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	srv := exec.Command(bin, "serve", "--scenario", "embargo-2010", "--save-dir", dir, "--host-key", filepath.Join(dir, "hk"), "--listen", "127.0.0.1:0")
	stdout, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	srv.Stderr = &stderr
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() && !strings.HasPrefix(sc.Text(), "Game ") {
	}
	_ = srv.Process.Signal(os.Interrupt)
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	if err := srv.Wait(); err != nil {
		t.Fatalf("serve stopped with %v: %s", err, stderr.String())
	}
	if got := stderr.String(); strings.Contains(got, "the game is saved") || !strings.Contains(got, "no save to resume") {
		t.Errorf("stopped in the lobby, serve says %q", got)
	}
	if saves, _ := filepath.Glob(filepath.Join(dir, "autosave", "*.json")); len(saves) != 0 {
		t.Errorf("a lobby left autosaves: %v", saves)
	}
}
