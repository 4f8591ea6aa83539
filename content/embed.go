package content

import (
	"embed"
	"slices"
	"sync"

	"github.com/chokepoint-game/chokepoint/game"
)

//go:embed scenarios/*.yaml
var scenarioFS embed.FS

var scenarioLib = &library[game.Scenario]{kind: "scenario", dir: "scenarios", fsys: scenarioFS, load: Load}

// ScenarioNames lists the shipped scenarios by id, sorted.
func ScenarioNames() []string { return scenarioLib.names() }

// Get loads the shipped scenario with the given id. Each call returns a
// new Scenario, so a caller may not change another's.
func Get(id string) (*game.Scenario, error) { return scenarioLib.get(id) }

// Resolve loads a scenario named on a command line: a shipped id when
// there is one by that name, otherwise a file path.
func Resolve(idOrPath string) (*game.Scenario, error) { return scenarioLib.resolve(idOrPath, Get) }

// ScenarioSource returns the YAML of a shipped scenario, for a copy to
// edit.
func ScenarioSource(id string) ([]byte, error) { return scenarioLib.source(id) }

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
	for _, id := range ScenarioNames() {
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
