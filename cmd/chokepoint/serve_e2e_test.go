package main

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chokepoint-game/chokepoint/serve"
)

// needSSH skips without the OpenSSH client, except in CI, where .ci/run
// installs it.
func needSSH(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("ssh")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("ssh is not installed; .ci/run installs openssh-client")
		}
		t.Skip("ssh is not installed")
	}
	return path
}

// freePort is a port nothing listens on now.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startServe runs chokepoint serve and returns its join table once the
// codes are written.
func startServe(t *testing.T, bin, dir string, port int, args ...string) (serve.JoinTable, *exec.Cmd) {
	t.Helper()
	codes := filepath.Join(dir, "codes.json")
	_ = os.Remove(codes)
	cmd := exec.Command(bin, append([]string{"serve", "--listen", fmt.Sprintf("127.0.0.1:%d", port),
		"--save-dir", filepath.Join(dir, "saves"), "--host-key", filepath.Join(dir, "host_ed25519"),
		"--codes-out", codes}, args...)...)
	log, err := os.Create(filepath.Join(dir, fmt.Sprintf("serve-%d.log", time.Now().UnixNano())))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if t.Failed() {
			data, _ := os.ReadFile(log.Name())
			t.Logf("server output:\n%s", data)
		}
	})
	for range 200 {
		if data, err := os.ReadFile(codes); err == nil {
			var jt serve.JoinTable
			if json.Unmarshal(data, &jt) == nil {
				return jt, cmd
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the server wrote no join table")
	return serve.JoinTable{}, nil
}

func codeOf(jt serve.JoinTable, role, seat string) string {
	for _, e := range jt.Entries {
		if e.Role == role && e.Seat == seat {
			return e.Code
		}
	}
	return ""
}

// sshArgs joins the server at port as user with the real OpenSSH
// client: no keys, no agent, no known-hosts file of the test machine.
func sshArgs(port int, user string) []string {
	args := []string{"env", "-u", "SSH_AUTH_SOCK", "ssh", "-p", fmt.Sprint(port),
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
		"-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=keyboard-interactive"}
	if user != "" {
		args = append(args, "-l", user)
	}
	return append(args, "127.0.0.1")
}

// TestServeEndToEndWithOpenSSH plays a whole turn of a served game: two
// seats and the facilitator on the real OpenSSH client, each in its own
// terminal, the other seats AIs; then the server restarts from its
// autosave and a seat finds its game again with the same code.
func TestServeEndToEndWithOpenSSH(t *testing.T) {
	needTmux(t)
	needSSH(t)
	if testing.Short() {
		t.Skip("builds and runs the binary and ssh")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	port := freePort(t)
	jt, srv := startServe(t, bin, dir, port, "--scenario", "embargo-2010", "--seed", "5", "--seats", "prc=hawk,us=dove")

	// The facilitator types the code at the prompt; the seats give it as
	// the user name.
	fac := startTmux(t, 110, 32, sshArgs(port, "")...)
	fac.waitFor("Join code:")
	fac.keys(codeOf(jt, "facilitator", ""), "Enter")
	fac.waitFor("Type your name")
	fac.keys("Prof Lee", "Enter")
	jp := startTmux(t, 100, 30, sshArgs(port, codeOf(jt, "seat", "japan"))...)
	jp.waitFor("Type your name")
	jp.keys("Aiko", "Enter")
	au := startTmux(t, 100, 30, sshArgs(port, codeOf(jt, "seat", "australia"))...)
	au.waitFor("Type your name")
	au.keys("Ben", "Enter")
	jp.waitFor("Lobby", "Aiko", "Ben", "Facilitator: Prof Lee")
	fac.waitFor("Aiko", "Ben", "s start the game")
	fac.keys("s")
	for _, s := range []*tmuxSession{jp, au} {
		s.waitFor("Briefing")
		s.keys("Enter")
		s.waitFor("NEGOTIATION")
	}
	jp.keys("m")
	jp.keys("we", "Space", "need", "Space", "magnets", "Enter")
	au.waitFor("Japan (Aiko): we need magnets")

	// Each seat says it is done until its orders open, keeps last turn's
	// orders, then is ready for the next turn.
	done := map[*tmuxSession]bool{}
	deadline := time.Now().Add(60 * time.Second)
	for len(done) < 2 {
		if time.Now().After(deadline) {
			t.Fatalf("the turn never ended:\n%s\n%s", jp.screen(), au.screen())
		}
		for _, s := range []*tmuxSession{jp, au} {
			if done[s] {
				continue
			}
			screen := s.screen()
			switch {
			case strings.Contains(screen, "turn 2/12"):
				done[s] = true
			case strings.Contains(screen, "Orders · turn 1"):
				s.keys("Enter")
			case strings.Contains(screen, "Report · turn 1"):
				s.keys("r")
			case strings.Contains(screen, "○ not done negotiating"):
				s.keys("r")
			}
		}
		time.Sleep(300 * time.Millisecond)
	}
	fac.waitFor("turn 2/12")

	// A restart: the server stops (its last autosave holds the game) and
	// resumes with the same codes.
	_ = srv.Process.Signal(os.Interrupt)
	_ = srv.Wait()
	autos, _ := filepath.Glob(filepath.Join(dir, "saves", "autosave", "*.json"))
	if len(autos) == 0 {
		t.Fatal("no autosave was written")
	}
	latest := autos[len(autos)-1]
	jt2, _ := startServe(t, bin, dir, port, "--resume", latest)
	if codeOf(jt2, "seat", "japan") != codeOf(jt, "seat", "japan") || codeOf(jt2, "facilitator", "") != codeOf(jt, "facilitator", "") {
		t.Fatalf("the codes changed on resume: %+v then %+v", jt.Entries, jt2.Entries)
	}
	back := startTmux(t, 100, 30, sshArgs(port, codeOf(jt, "seat", "japan"))...)
	back.waitFor("Type your name")
	back.keys("Aiko", "Enter")
	back.waitFor("Briefing")
	back.keys("Enter")
	back.waitFor("turn 2/12", "Japan (Aiko): we need magnets")
}
