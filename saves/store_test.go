package saves_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/saves"
)

// live is a game being recorded, move by move, from a played log.
type live struct {
	save *saves.Save
	st   game.State
	log  []game.Command
	next int
}

func newLive(t testing.TB, id string, seed uint64) *live {
	t.Helper()
	p := play(t, id, seed, 0)
	s, err := saves.New(p.src, p.log.Seed, p.seats)
	if err != nil {
		t.Fatal(err)
	}
	return &live{save: s, st: s.State(), log: p.log.Commands}
}

// toNextPhase records commands up to the next phase change and reports
// whether there was one.
func (l *live) toNextPhase(t testing.TB) bool {
	t.Helper()
	for l.next < len(l.log) {
		c := l.log[l.next]
		l.next++
		st, _, err := game.Apply(l.st, c)
		if err != nil {
			t.Fatal(err)
		}
		changed := st.Phase != l.st.Phase || st.Turn != l.st.Turn
		l.st = st
		if err := l.save.Record(c, st); err != nil {
			t.Fatal(err)
		}
		if changed {
			return true
		}
	}
	return false
}

func autosaveFiles(t testing.TB, dir string) []string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "autosave", "*.json"))
	return names
}

// Autosaves after every phase change keep the newest Keep per game, each
// loads and verifies, and the newest is the game as it stands.
func TestAutosavePrunesPerGame(t *testing.T) {
	dir := t.TempDir()
	st := &saves.Store{Dir: dir, Keep: 2}
	a, b := newLive(t, "tutorial", 1), newLive(t, "tutorial", 2)
	for range 6 {
		for _, g := range []*live{a, b} {
			if !g.toNextPhase(t) {
				t.Fatal("the game ended too soon")
			}
			if _, err := st.Autosave(g.save); err != nil {
				t.Fatal(err)
			}
		}
	}
	files := autosaveFiles(t, dir)
	if len(files) != 4 {
		t.Fatalf("%d autosaves, want 2 per game: %v", len(files), files)
	}
	for _, f := range files {
		if _, err := saves.Load(f); err != nil {
			t.Error(err)
		}
	}
	entries, err := st.List(false)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Fatalf("the list has %d entries, want the newest autosave of each of 2 games", len(entries))
	}
	if entries[0].Save.ID != b.save.ID || entries[0].Kind != saves.Auto {
		t.Errorf("the newest entry is %s, want game b's", entries[0].Save.ID)
	}
	all, _ := st.List(true)
	if len(all) != 4 {
		t.Errorf("the whole list has %d entries, want 4", len(all))
	}
	got, path, skipped, err := st.Latest()
	if err != nil || len(skipped) > 0 {
		t.Fatal(err, skipped)
	}
	if got.ID != b.save.ID || game.Hash(got.State()) != game.Hash(b.st) || !strings.HasPrefix(path, filepath.Join(dir, "autosave")) {
		t.Error("Latest is not game b as it stands")
	}
	// A stale temporary file left by a crash goes at the next autosave; a
	// fresh one (another process's save in progress) stays.
	stale := filepath.Join(dir, "autosave", ".tmp-x.json-1")
	fresh := filepath.Join(dir, "autosave", ".tmp-y.json-2")
	staleNamed := filepath.Join(dir, ".tmp-lesson.json-3")
	for _, p := range []string{stale, fresh, staleNamed} {
		if err := os.WriteFile(p, []byte("{"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	_ = os.Chtimes(stale, old, old)
	_ = os.Chtimes(staleNamed, old, old)
	a.toNextPhase(t)
	if _, err := st.Autosave(a.save); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{stale, staleNamed} {
		if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("a stale temporary file survived: %s", p)
		}
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temporary file was removed")
	}
}

// Latest falls back to an older autosave when the newest does not load,
// and says which it skipped; with none it says there is none.
func TestLatestFallsBack(t *testing.T) {
	dir := t.TempDir()
	st := &saves.Store{Dir: dir}
	if _, _, _, err := st.Latest(); !errors.Is(err, saves.ErrNotExist) {
		t.Errorf("an empty store: %v", err)
	}
	g := newLive(t, "tutorial", 1)
	g.toNextPhase(t)
	first, err := st.Autosave(g.save)
	if err != nil {
		t.Fatal(err)
	}
	g.toNextPhase(t)
	second, err := st.Autosave(g.save)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(second, []byte(`{"format": "chokepoint-save", "version": 1`), 0o600); err != nil {
		t.Fatal(err)
	}
	got, path, skipped, err := st.Latest()
	if err != nil {
		t.Fatal(err)
	}
	if path != first || len(got.Commands) != 1 || len(skipped) != 1 || !errors.Is(skipped[0], saves.ErrTruncated) {
		t.Errorf("Latest: %s, %d commands, skipped %v", path, len(got.Commands), skipped)
	}
	entries, _ := st.List(false)
	if len(entries) != 1 || entries[0].Err == nil {
		t.Errorf("the list hides the broken newest autosave: %+v", entries)
	}
}

// Named saves: a name becomes a file; an existing name is kept unless
// replacing was asked; the list shows them with their names.
func TestSaveAs(t *testing.T) {
	dir := t.TempDir()
	st := &saves.Store{Dir: dir}
	g := newLive(t, "tutorial", 1)
	g.toNextPhase(t)
	path, err := st.SaveAs(g.save, "Period 3: before the vote", false)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "Period-3-before-the-vote.json" {
		t.Errorf("written to %s", path)
	}
	g.toNextPhase(t)
	if _, err := st.SaveAs(g.save, "Period 3: before the vote", false); !errors.Is(err, saves.ErrExists) {
		t.Errorf("saving over a name: %v", err)
	}
	if s, _ := saves.Load(path); len(s.Commands) != 1 {
		t.Error("a refused save changed the file")
	}
	if _, err := st.SaveAs(g.save, "Period 3: before the vote", true); err != nil {
		t.Fatal(err)
	}
	s, err := saves.Load(path)
	if err != nil || s.Name != "Period 3: before the vote" || len(s.Commands) != len(g.save.Commands) {
		t.Errorf("the replaced save: %v %v", s, err)
	}
	if g.save.Name != "" {
		t.Error("SaveAs named the caller's save")
	}
	entries, err := st.List(false)
	if err != nil || len(entries) != 1 || entries[0].Kind != saves.Manual || entries[0].Save.Name != "Period 3: before the vote" {
		t.Errorf("list: %+v %v", entries, err)
	}
}

func TestFileName(t *testing.T) {
	for name, want := range map[string]string{
		"Period 3: before the vote": "Period-3-before-the-vote.json",
		"  turn 4  ":                "turn-4.json",
		"../../etc/passwd":          "etc-passwd.json",
		".hidden":                   "hidden.json",
		"week 2.json":               "week-2.json",
		"Größe über alles":          "Größe-über-alles.json",
		"nul":                       "nul-save.json",
		"a/b\\c":                    "a-b-c.json",
	} {
		got, err := saves.FileName(name)
		if err != nil || got != want {
			t.Errorf("FileName(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	for _, bad := range []string{"", "   ", "///", "...", strings.Repeat("x", saves.MaxNameLen+1), "clear\x1b[2J", "two\nlines"} {
		if _, err := saves.FileName(bad); !errors.Is(err, saves.ErrBadName) {
			t.Errorf("FileName(%q): %v", bad, err)
		}
	}
}

// Delete removes a named save, every autosave of a game, or a save file
// elsewhere, and refuses a file elsewhere that is not a save.
func TestDelete(t *testing.T) {
	dir := t.TempDir()
	st := &saves.Store{Dir: dir}
	g := newLive(t, "tutorial", 1)
	for range 3 {
		g.toNextPhase(t)
		if _, err := st.Autosave(g.save); err != nil {
			t.Fatal(err)
		}
	}
	other := newLive(t, "tutorial", 2)
	other.toNextPhase(t)
	if _, err := st.Autosave(other.save); err != nil {
		t.Fatal(err)
	}
	named, err := st.SaveAs(g.save, "keep me", false)
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := st.List(false)
	var auto string
	for _, e := range entries {
		if e.Kind == saves.Auto && e.Save.ID == g.save.ID {
			auto = e.Path
		}
	}
	removed, err := st.Delete(auto)
	if err != nil || len(removed) != 3 {
		t.Fatalf("deleting game g's autosave removed %v, %v; want its 3 autosaves", removed, err)
	}
	if n := len(autosaveFiles(t, dir)); n != 1 {
		t.Errorf("%d autosaves left, want the other game's one", n)
	}
	if _, err := st.Delete("keep me"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(named); !errors.Is(err, fs.ErrNotExist) {
		t.Error("the named save is still there")
	}
	if _, err := st.Delete("keep me"); !errors.Is(err, saves.ErrNotExist) {
		t.Errorf("deleting it again: %v", err)
	}

	outside := t.TempDir()
	notASave := filepath.Join(outside, "notes.json")
	if err := os.WriteFile(notASave, []byte(`{"todo": "grade essays"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Delete(notASave); !errors.Is(err, saves.ErrUnknownFormat) {
		t.Errorf("deleting a file that is no save: %v", err)
	}
	if _, err := os.Stat(notASave); err != nil {
		t.Error("a file that is no save was deleted")
	}
	aSave := filepath.Join(outside, "game.json")
	if err := saves.WriteFile(aSave, g.save); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Delete(aSave); err != nil {
		t.Errorf("deleting a save outside the store: %v", err)
	}
	if _, err := st.Delete(outside); !errors.Is(err, saves.ErrIsDir) {
		t.Errorf("deleting a directory: %v", err)
	}
}

// faultFS is the OS but fails writes, syncs or renames as told.
type faultFS struct {
	saves.OS
	failWrite, failSync, failRename, failDirSync error
}

type faultFile struct {
	*os.File
	fs *faultFS
}

func (f faultFile) Write(p []byte) (int, error) {
	if f.fs.failWrite != nil {
		// Part of the data, as a real full disk does.
		n, _ := f.File.Write(p[:len(p)/2])
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: f.fs.failWrite}
	}
	return f.File.Write(p)
}

func (f faultFile) Sync() error {
	if f.fs.failSync != nil {
		return &fs.PathError{Op: "sync", Path: f.Name(), Err: f.fs.failSync}
	}
	return f.File.Sync()
}

func (f *faultFS) CreateTemp(dir, pattern string) (saves.File, error) {
	file, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return faultFile{file, f}, nil
}

func (f *faultFS) Rename(a, b string) error {
	if f.failRename != nil {
		return &os.LinkError{Op: "rename", Old: a, New: b, Err: f.failRename}
	}
	return os.Rename(a, b)
}

func (f *faultFS) SyncDir(dir string) error {
	if f.failDirSync != nil {
		return &fs.PathError{Op: "sync", Path: dir, Err: f.failDirSync}
	}
	return f.OS.SyncDir(dir)
}

// A full disk (simulated by a file system whose writes fail with ENOSPC)
// makes an autosave or a named save fail with a clear line; the previous
// save is untouched and no temporary file is left behind.
func TestFullDisk(t *testing.T) {
	dir := t.TempDir()
	ffs := &faultFS{}
	st := &saves.Store{Dir: dir, FS: ffs}
	g := newLive(t, "tutorial", 1)
	g.toNextPhase(t)
	prev, err := st.Autosave(g.save)
	if err != nil {
		t.Fatal(err)
	}
	named, err := st.SaveAs(g.save, "lesson", false)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(named)
	g.toNextPhase(t)
	for _, fault := range []struct {
		name string
		set  func()
	}{
		{"write", func() { *ffs = faultFS{failWrite: syscall.ENOSPC} }},
		{"sync", func() { *ffs = faultFS{failSync: syscall.ENOSPC} }},
		{"quota", func() { *ffs = faultFS{failWrite: syscall.EDQUOT} }},
		{"rename", func() { *ffs = faultFS{failRename: syscall.ENOSPC} }},
	} {
		t.Run(fault.name, func(t *testing.T) {
			fault.set()
			_, err := st.Autosave(g.save)
			if !errors.Is(err, saves.ErrDiskFull) || !errors.Is(err, syscall.ENOSPC) && !errors.Is(err, syscall.EDQUOT) {
				t.Fatalf("autosave: %v", err)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, "the disk is full") {
				t.Errorf("message: %s", msg)
			}
			if _, err := st.SaveAs(g.save, "lesson", true); !errors.Is(err, saves.ErrDiskFull) {
				t.Errorf("named save: %v", err)
			}
			if after, _ := os.ReadFile(named); string(after) != string(before) {
				t.Error("the named save changed")
			}
			files := autosaveFiles(t, dir)
			if len(files) != 1 || files[0] != prev {
				t.Errorf("autosaves after the failure: %v", files)
			}
			if s, err := saves.Load(prev); err != nil || len(s.Commands) != 1 {
				t.Errorf("the previous autosave: %v", err)
			}
			for _, d := range []string{dir, filepath.Join(dir, "autosave")} {
				if tmp, _ := filepath.Glob(filepath.Join(d, ".tmp-*")); len(tmp) > 0 {
					t.Errorf("temporary files left: %v", tmp)
				}
			}
		})
	}
	*ffs = faultFS{}
	if _, err := st.Autosave(g.save); err != nil {
		t.Errorf("with space again: %v", err)
	}
}

// The Autosaver writes off the caller's goroutine and keeps only the
// newest waiting save; Close writes what waits.
func TestAutosaver(t *testing.T) {
	dir := t.TempDir()
	st := &saves.Store{Dir: dir, Keep: 100}
	var mu sync.Mutex
	var written []string
	var errs []error
	a := st.NewAutosaver(func(path string, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			errs = append(errs, err)
		}
		written = append(written, path)
	})
	g := newLive(t, "rare-earth-card", 11)
	for g.toNextPhase(t) {
		a.Save(g.save)
	}
	a.Close()
	a.Save(g.save) // after Close: dropped, no panic
	mu.Lock()
	defer mu.Unlock()
	if len(errs) > 0 || len(written) == 0 {
		t.Fatalf("written %d, errors %v", len(written), errs)
	}
	s, err := saves.Load(written[len(written)-1])
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Commands) != len(g.save.Commands) || s.Phase() != game.GameOver {
		t.Errorf("the last autosave has %d of %d commands", len(s.Commands), len(g.save.Commands))
	}
	if !slices.IsSorted(written) {
		t.Error("autosaves were written out of order")
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data")
	if d, _ := saves.DefaultDir(); d != filepath.Join("/data", "chokepoint", "saves") {
		t.Errorf("with XDG_DATA_HOME: %s", d)
	}
	t.Setenv("HOME", "/home/ada")
	for _, xdg := range []string{"", "relative/path"} {
		t.Setenv("XDG_DATA_HOME", xdg)
		if d, _ := saves.DefaultDir(); d != filepath.Join("/home/ada", ".local", "share", "chokepoint", "saves") {
			t.Errorf("XDG_DATA_HOME=%q: %s", xdg, d)
		}
	}
}

// A name typed for a save that is a file path is refused with a reason.
func TestCheckName(t *testing.T) {
	for _, bad := range []string{"../lesson", "/tmp/x", `C:\saves\x`, "c:", "~/x", ".hidden", "a/b", ""} {
		if _, err := saves.CheckName(bad); !errors.Is(err, saves.ErrBadName) {
			t.Errorf("CheckName(%q): %v", bad, err)
		} else if bad != "" && !strings.Contains(err.Error(), "not a file path") {
			t.Errorf("CheckName(%q) says %q", bad, err)
		}
	}
	if got, err := saves.CheckName("Period 3: before the vote"); err != nil || got != "Period-3-before-the-vote.json" {
		t.Errorf("a plain name: %q, %v", got, err)
	}
}
