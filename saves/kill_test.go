package saves_test

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/saves"
)

// killChildEnv, when set in the environment, makes the test binary a
// child of TestKillDuringAutosave: it autosaves into the directory the
// variable names until it is killed.
const killChildEnv = "CHOKEPOINT_SAVES_KILL_CHILD"

func TestMain(m *testing.M) {
	if dir := os.Getenv(killChildEnv); dir != "" {
		os.Exit(killChild(dir))
	}
	os.Exit(m.Run())
}

// killChild replays the game of the save file named by the variable
// _GAME, recording it anew (a new game id each time round) and
// autosaving after every phase change, with a named save every third
// phase change, for ever. It prints a line when it starts saving, so the
// parent's random moment of killing falls among the saves and not in the
// program's start. Any failure exits with status 3 and a message, which
// the parent reports.
func killChild(dir string) int {
	fail := func(err error) int {
		fmt.Fprintln(os.Stderr, "kill child:", err)
		return 3
	}
	tmpl, err := saves.Load(os.Getenv(killChildEnv + "_GAME"))
	if err != nil {
		return fail(err)
	}
	src := &content.Source{Scenario: tmpl.Scenario(), Data: tmpl.Copy.Source, Digest: tmpl.Copy.Digest}
	name := os.Getenv(killChildEnv + "_NAME")
	st := &saves.Store{Dir: dir}
	fmt.Println("saving")
	for {
		s, err := saves.New(src, tmpl.Seed, tmpl.Seats)
		if err != nil {
			return fail(err)
		}
		state := s.State()
		phases := 0
		for _, c := range tmpl.Commands {
			next, _, err := game.Apply(state, c)
			if err != nil {
				return fail(err)
			}
			changed := next.Phase != state.Phase || next.Turn != state.Turn
			state = next
			if err := s.Record(c, state); err != nil {
				return fail(err)
			}
			if !changed {
				continue
			}
			if _, err := st.Autosave(s); err != nil {
				return fail(err)
			}
			if phases++; phases%3 == 0 {
				if _, err := st.SaveAs(s, name, true); err != nil {
					return fail(err)
				}
			}
		}
	}
}

// A crash or kill -9 at any instant never leaves a half-written save and
// never destroys the previous one. Two children autosave into one
// directory (as two games on one machine would) and are killed with
// SIGKILL at random moments, many times; after each kill every save in
// the directory loads and verifies, the newest autosave loads through
// Latest, and each child's named save, once written, is still there.
func TestKillDuringAutosave(t *testing.T) {
	rounds := 20
	if testing.Short() {
		rounds = 5
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	st := &saves.Store{Dir: dir}
	p := play(t, "tutorial", 3, 0)
	tmpl, err := saves.FromLog(p.src, p.log, p.seats)
	if err != nil {
		t.Fatal(err)
	}
	gameFile := filepath.Join(t.TempDir(), "game.json")
	if err := saves.WriteFile(gameFile, tmpl); err != nil {
		t.Fatal(err)
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("kill moments from seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	checked := map[string]bool{}
	named := map[string]bool{}
	kills := 0
	for round := range rounds {
		var children []*exec.Cmd
		var stderrs []*bytes.Buffer
		for k := range 2 {
			cmd := exec.Command(exe, "-test.run=^$")
			cmd.Env = append(os.Environ(),
				killChildEnv+"="+dir,
				killChildEnv+"_GAME="+gameFile,
				fmt.Sprintf("%s_NAME=child %d", killChildEnv, k))
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Should the test stop early, no child is left running.
			t.Cleanup(func() { _ = cmd.Process.Kill() })
			children = append(children, cmd)
			stderrs = append(stderrs, &stderr)
			started := make(chan error, 1)
			go func() {
				_, err := bufio.NewReader(out).ReadString('\n')
				started <- err
			}()
			select {
			case err := <-started:
				if err != nil {
					_ = cmd.Wait()
					t.Fatalf("round %d: child %d did not start saving: %v: %s", round, k, err, &stderr)
				}
			case <-time.After(time.Minute):
				t.Fatalf("round %d: child %d did not start saving in a minute", round, k)
			}
		}
		time.Sleep(time.Duration(rng.IntN(150)) * time.Millisecond)
		for k, cmd := range children {
			if k == 1 {
				// The second a little later, so the kills land at
				// different moments of the two.
				time.Sleep(time.Duration(rng.IntN(20)) * time.Millisecond)
			}
			_ = cmd.Process.Signal(syscall.SIGKILL)
		}
		for k, cmd := range children {
			err := cmd.Wait()
			ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
			if !ok || !ws.Signaled() {
				t.Fatalf("round %d: child %d ended by itself (%v): %s", round, k, err, stderrs[k])
			}
			kills++
		}

		// Every save in the directory loads and verifies.
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		autos, _ := filepath.Glob(filepath.Join(dir, "autosave", "*.json"))
		for _, f := range append(files, autos...) {
			if checked[f] && !strings.HasPrefix(filepath.Base(f), "child") {
				continue // autosaves are written once; named saves are rewritten
			}
			if _, err := saves.Load(f); err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			checked[f] = true
		}
		for _, f := range files {
			named[f] = true
		}
		for f := range named {
			if _, err := os.Stat(f); err != nil {
				t.Fatalf("round %d: the named save %s is gone: %v", round, f, err)
			}
		}
		if len(autos) > 0 {
			if _, _, skipped, err := st.Latest(); err != nil || len(skipped) > 0 {
				t.Fatalf("round %d: the newest autosave: %v %v", round, err, skipped)
			}
		}
		if _, err := st.List(false); err != nil {
			t.Fatalf("round %d: listing: %v", round, err)
		}
	}
	tmp, _ := filepath.Glob(filepath.Join(dir, "*", ".tmp-*"))
	t.Logf("%d kills, %d saves checked, %d temporary files left by kills", kills, len(checked), len(tmp))
	if len(checked) == 0 {
		t.Fatal("no child wrote a save before it was killed: the test proved nothing")
	}
}
