package content

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/chokepoint-game/chokepoint/game"
)

// The shipped scenarios are compiled into the binary, so that a classroom
// copy runs with nothing but the executable.
//
//go:embed scenarios/*.yaml
var shippedFS embed.FS

// An Entry describes one shipped scenario for a list or a menu.
type Entry struct {
	ID      string // the file name without .yaml, and the scenario's id
	Title   string
	Summary string
	Seats   []string // seat ids in order
	Turns   int
	// Err is set when the shipped file does not load. That is a bug in
	// the release, but a list should still show the other scenarios.
	Err error
}

// Shipped lists the shipped scenarios, sorted by id.
func Shipped() []Entry {
	return slices.Clone(shippedEntries())
}

var shippedEntries = sync.OnceValue(func() []Entry {
	var out []Entry
	for _, id := range shippedIDs() {
		e := Entry{ID: id}
		sc, err := Get(id)
		if err != nil {
			e.Err = err
		} else {
			e.Title, e.Summary, e.Turns = sc.Title, sc.Summary, sc.Turns
			for _, s := range sc.Seats {
				e.Seats = append(e.Seats, s.ID)
			}
		}
		out = append(out, e)
	}
	return out
})

func shippedIDs() []string { return yamlNames(shippedFS, "scenarios") }

// yamlNames lists the YAML files of an embedded folder by name, without
// the extension, sorted.
func yamlNames(fsys fs.FS, dir string) []string {
	files, _ := fs.Glob(fsys, dir+"/*.yaml")
	names := make([]string, 0, len(files))
	for _, f := range files {
		names = append(names, strings.TrimSuffix(path.Base(f), ".yaml"))
	}
	slices.Sort(names)
	return names
}

// Get loads the shipped scenario with the given id. Each call returns a
// new Scenario, so a caller may not change another's.
func Get(id string) (*game.Scenario, error) {
	if !slices.Contains(shippedIDs(), id) {
		return nil, fmt.Errorf("no shipped scenario %q (shipped: %s)", id, strings.Join(shippedIDs(), ", "))
	}
	if sc, ok := compiled(id); ok {
		return sc, nil
	}
	return ShippedYAML(id)
}

// Resolve loads a scenario named on a command line: a shipped id when
// there is one by that name, otherwise a file path.
func Resolve(idOrPath string) (*game.Scenario, error) {
	if slices.Contains(shippedIDs(), idOrPath) {
		return Get(idOrPath)
	}
	sc, err := LoadFile(idOrPath)
	if errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(idOrPath, `/\.`) {
		return nil, fmt.Errorf("no shipped scenario and no file named %q (shipped: %s)", idOrPath, strings.Join(shippedIDs(), ", "))
	}
	return sc, err
}
