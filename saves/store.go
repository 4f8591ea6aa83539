package saves

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Store is a directory of saves:
//
//	DIR/NAME.json                 a save a person named
//	DIR/autosave/ID-TIME-R.json   the last few autosaves of game ID
//
// Every write is atomic (a temporary file in the same directory, synced,
// renamed over the target, and the directory synced), so a crash or a
// kill at any instant leaves every save either as it was or whole, never
// half written. Processes may share a directory: temporary names are
// unique, autosave names carry the time and a random part, and pruning
// touches only the autosaves of the game being saved.
type Store struct {
	Dir string
	// Keep is how many autosaves of each game are kept; 0 means
	// DefaultKeep.
	Keep int
	// FS writes and removes files; nil means OS.
	FS FS

	mu sync.Mutex // one autosave and its pruning at a time per store
}

// DefaultKeep is how many autosaves of a game a store keeps by default:
// the newest, and two to fall back on.
const DefaultKeep = 3

// autosaveDir is the store's folder of autosaves.
const autosaveDir = "autosave"

// staleTemp is how old a leftover temporary file must be before a store
// removes it.
const staleTemp = time.Hour

// DefaultDir is where saves live: $XDG_DATA_HOME/chokepoint/saves, or
// ~/.local/share/chokepoint/saves when XDG_DATA_HOME is unset or not an
// absolute path (as the XDG specification says to treat it).
func DefaultDir() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "chokepoint", "saves"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "", newError(ErrNotExist, "no directory for saves: set XDG_DATA_HOME or HOME, or give --save-dir")
	}
	return filepath.Join(home, ".local", "share", "chokepoint", "saves"), nil
}

// Open returns the store in dir, or in DefaultDir when dir is empty. It
// creates nothing: the directory is made by the first write.
func Open(dir string) (*Store, error) {
	if dir == "" {
		d, err := DefaultDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	return &Store{Dir: dir}, nil
}

func (st *Store) fs() FS {
	if st.FS == nil {
		return OS{}
	}
	return st.FS
}

func (st *Store) keep() int {
	if st.Keep <= 0 {
		return DefaultKeep
	}
	return st.Keep
}

// mkdir makes the store's directories (mode 0700: saves may name people).
func (st *Store) mkdir(sub string) (string, error) {
	dir := filepath.Join(st.Dir, sub)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", osError(err, dir, true)
	}
	return dir, nil
}

// Autosave writes an autosave of the game and prunes the game's older
// autosaves down to Keep. The caller hands it the game after every phase
// change; it may be called from any goroutine with a Snapshot (an
// Autosaver does that). It returns the file written. A failed write
// leaves every earlier autosave in place.
func (st *Store) Autosave(s *Save) (string, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	dir, err := st.mkdir(autosaveDir)
	if err != nil {
		return "", err
	}
	t := time.Now().UTC()
	c := s.Snapshot()
	c.Updated = t.Truncate(time.Millisecond)
	data, err := c.Marshal()
	if err != nil {
		return "", err
	}
	name := autosaveName(c.ID, t)
	path := filepath.Join(dir, name)
	if err := writeAtomic(st.fs(), path, data); err != nil {
		return "", err
	}
	st.prune(dir, c.ID, name)
	return path, nil
}

// prune removes the game's autosaves beyond the newest Keep, never the
// one just written, and temporary files left by crashes (in the
// autosave folder and beside the named saves). A file that
// cannot be removed now is tried again at the next autosave.
func (st *Store) prune(dir, id, written string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	var mine []string
	st.removeStaleTemps(st.Dir)
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, tmpPrefix) {
			st.removeStale(dir, e)
			continue
		}
		if gid, _, ok := parseAutosaveName(name); ok && gid == id {
			mine = append(mine, name)
		}
	}
	slices.Sort(mine) // by time: the names are fixed width after the id
	for _, name := range mine[:max(0, len(mine)-st.keep())] {
		if name != written {
			_ = st.fs().Remove(filepath.Join(dir, name))
		}
	}
}

// removeStaleTemps removes the temporary files in dir that a crash left.
func (st *Store) removeStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tmpPrefix) {
			st.removeStale(dir, e)
		}
	}
}

// removeStale removes a temporary file older than staleTemp: no write
// takes that long, so it is no other process's save in progress.
func (st *Store) removeStale(dir string, e fs.DirEntry) {
	if info, err := e.Info(); err == nil && !e.IsDir() && time.Since(info.ModTime()) > staleTemp {
		_ = st.fs().Remove(filepath.Join(dir, e.Name()))
	}
}

// SaveAs writes a save under a name a person gave it, as DIR/NAME.json
// (FileName says how a name becomes a file name). The written save's Name
// is name; the caller's save is not changed. Unless replace is true, an
// existing save of that name is left alone and ErrExists returned.
func (st *Store) SaveAs(s *Save, name string, replace bool) (string, error) {
	file, err := FileName(name)
	if err != nil {
		return "", err
	}
	dir, err := st.mkdir("")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, file)
	if !replace {
		if _, err := os.Lstat(path); err == nil {
			return "", &Error{File: path, Kind: ErrExists, Msg: fmt.Sprintf("a save named %q exists", clip(name, 60))}
		}
	}
	c := s.Snapshot()
	c.Name = strings.TrimSpace(name)
	c.Updated = now()
	data, err := c.Marshal()
	if err != nil {
		return "", withFile(err, path)
	}
	if err := writeAtomic(st.fs(), path, data); err != nil {
		return "", err
	}
	return path, nil
}

// Kind says how a save came to be in the store.
type Kind string

// The kinds of save in a store.
const (
	Manual Kind = "saved"    // named by a person
	Auto   Kind = "autosave" // written after a phase change
)

// Entry is one save in a store's list.
type Entry struct {
	Path string
	Kind Kind
	// Save is the file decoded but not verified (Load verifies); nil
	// when Err is set.
	Save *Save
	// Err says why the file could not be read or decoded; a list shows
	// such files rather than hiding them.
	Err error
}

// List lists the store's saves, newest first: every named save, and the
// newest autosave of each game (every autosave when all is true). A
// directory that does not exist yet holds no saves.
func (st *Store) List(all bool) ([]Entry, error) {
	var out []Entry
	manual, err := st.files("", func(name string) bool { return strings.HasSuffix(name, ".json") })
	if err != nil {
		return nil, err
	}
	for _, name := range manual {
		out = append(out, entry(filepath.Join(st.Dir, name), Manual))
	}
	autos, err := st.autosaves()
	if err != nil {
		return nil, err
	}
	newest := map[string]bool{}
	for i := len(autos) - 1; i >= 0; i-- { // newest first
		a := autos[i]
		if !all && newest[a.id] {
			continue
		}
		newest[a.id] = true
		out = append(out, entry(a.path, Auto))
	}
	// A file removed by another process between the listing and the
	// reading is simply gone.
	out = slices.DeleteFunc(out, func(e Entry) bool { return errors.Is(e.Err, ErrNotExist) })
	slices.SortStableFunc(out, func(a, b Entry) int { return cmp.Compare(updated(b), updated(a)) })
	return out, nil
}

func updated(e Entry) int64 {
	if e.Save != nil {
		return e.Save.Updated.UnixNano()
	}
	if info, err := os.Stat(e.Path); err == nil {
		return info.ModTime().UnixNano()
	}
	return 0
}

func entry(path string, kind Kind) Entry {
	e := Entry{Path: path, Kind: kind}
	data, err := readFile(path)
	if err == nil {
		e.Save, err = Decode(data)
	}
	e.Err = withFile(err, path)
	return e
}

// files lists the names in a folder of the store that keep says to,
// leaving out temporary files; a missing folder has none.
func (st *Store) files(sub string, keep func(string) bool) ([]string, error) {
	dir := filepath.Join(st.Dir, sub)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, osError(err, dir, false)
	}
	var out []string
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && !strings.HasPrefix(n, tmpPrefix) && keep(n) {
			out = append(out, n)
		}
	}
	return out, nil
}

type autosaveFile struct {
	path, id string
	t        string // the time part of the name, sortable
}

// autosaves lists the store's autosaves, oldest first.
func (st *Store) autosaves() ([]autosaveFile, error) {
	var out []autosaveFile
	names, err := st.files(autosaveDir, func(n string) bool { _, _, ok := parseAutosaveName(n); return ok })
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		id, t, _ := parseAutosaveName(n)
		out = append(out, autosaveFile{path: filepath.Join(st.Dir, autosaveDir, n), id: id, t: t})
	}
	slices.SortFunc(out, func(a, b autosaveFile) int { return cmp.Or(cmp.Compare(a.t, b.t), cmp.Compare(a.path, b.path)) })
	return out, nil
}

// Latest loads the newest autosave of any game that loads and verifies,
// for Continue. When the newest fails (a program downgrade, a damaged
// disk) it falls back to the one before, and so on; skipped says which
// files it passed over and why. With no autosave at all it returns an
// error of kind ErrNotExist.
func (st *Store) Latest() (s *Save, path string, skipped []error, err error) {
	autos, err := st.autosaves()
	if err != nil {
		return nil, "", nil, err
	}
	for i := len(autos) - 1; i >= 0; i-- {
		s, err := Load(autos[i].path)
		if err == nil {
			return s, autos[i].path, skipped, nil
		}
		if !errors.Is(err, ErrNotExist) {
			skipped = append(skipped, err)
		}
	}
	if len(skipped) > 0 {
		return nil, "", skipped, skipped[0]
	}
	return nil, "", nil, &Error{File: st.Dir, Kind: ErrNotExist, Msg: "no autosaved game to continue"}
}

// Find returns the path of the save a person names: a file path (as
// given, or relative to the store, as List shows them), or else the name
// of a named save in the store.
func (st *Store) Find(ref string) (string, error) {
	if _, err := os.Lstat(ref); err == nil && ref != "" {
		return ref, nil
	}
	if filepath.IsLocal(ref) {
		p := filepath.Join(st.Dir, ref)
		if _, err := os.Lstat(p); err == nil {
			return p, nil
		}
	}
	if file, err := FileName(ref); err == nil {
		p := filepath.Join(st.Dir, file)
		if _, err := os.Lstat(p); err == nil {
			return p, nil
		}
	}
	if strings.ContainsAny(ref, `/\`) {
		return "", &Error{File: ref, Kind: ErrNotExist, Msg: "no such file"}
	}
	return "", &Error{File: ref, Kind: ErrNotExist, Msg: "no such file, and no save of that name in " + st.Dir}
}

// Delete removes the save a person names (Find). An autosave stands in a
// list for its game, so deleting one deletes every autosave of that game.
// A file outside the store is deleted only if it is a save (its format
// field says so), so a mistyped path cannot remove anything else. It
// returns the files removed.
func (st *Store) Delete(ref string) ([]string, error) {
	path, err := st.Find(ref)
	if err != nil {
		return nil, err
	}
	info, err := os.Lstat(path)
	if err != nil {
		return nil, osError(err, path, true)
	}
	if info.IsDir() {
		return nil, &Error{File: path, Kind: ErrIsDir, Msg: "is a directory, not a save"}
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	dir, name := filepath.Dir(path), filepath.Base(path)
	inStore := sameDir(dir, st.Dir)
	if sameDir(dir, filepath.Join(st.Dir, autosaveDir)) {
		if id, _, ok := parseAutosaveName(name); ok {
			return st.deleteGame(dir, id)
		}
		inStore = true
	}
	if !inStore {
		data, err := readFile(path)
		if err != nil {
			return nil, err
		}
		if _, err := topLevel(data); err != nil {
			return nil, &Error{File: path, Kind: ErrUnknownFormat, Msg: "not a Chokepoint save, so not deleted"}
		}
	}
	if err := st.fs().Remove(path); err != nil {
		return nil, osError(err, path, true)
	}
	_ = st.fs().SyncDir(dir)
	return []string{path}, nil
}

func (st *Store) deleteGame(dir, id string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, osError(err, dir, true)
	}
	var removed []string
	for _, e := range entries {
		if gid, _, ok := parseAutosaveName(e.Name()); ok && gid == id {
			p := filepath.Join(dir, e.Name())
			if err := st.fs().Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return removed, osError(err, p, true)
			}
			removed = append(removed, p)
		}
	}
	_ = st.fs().SyncDir(dir)
	return removed, nil
}

// sameDir reports whether two paths name the same directory.
func sameDir(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}
