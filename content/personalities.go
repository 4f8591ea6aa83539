package content

import (
	"embed"
	"fmt"
	"sync"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// The shipped personalities of the scripted opponents.
//
//go:embed personalities/*.yaml
var personalityFS embed.FS

var personalities = &kind[ai.Personality, ai.Personality]{
	name:  "personality",
	needs: "a name",
	finish: func(p *ai.Personality) (*ai.Personality, []game.FieldError) {
		return p, p.Validate()
	},
}

var personalityLib = &library[ai.Personality]{kind: "personality", dir: "personalities", fsys: personalityFS, load: LoadPersonality}

// LoadPersonality reads a personality from YAML and checks it. name is the
// file name problems use. On any mistake it returns a *Error listing all
// of them, placed at their lines, in file order.
func LoadPersonality(name string, data []byte) (*ai.Personality, error) {
	return loadAs(personalities, name, data)
}

// LoadPersonalityFile reads and loads the personality file at p. A file
// that cannot be read is a plain error (wrapping the os error); a file
// with mistakes is a *Error.
func LoadPersonalityFile(p string) (*ai.Personality, error) { return personalityLib.loadFile(p) }

// PersonalityNames lists the shipped personalities, sorted.
func PersonalityNames() []string { return personalityLib.names() }

// PersonalitySource returns the YAML of a shipped personality, for a copy
// an instructor edits.
func PersonalitySource(name string) ([]byte, error) { return personalityLib.source(name) }

// shippedPersonalities loads every shipped personality once: they are
// read-only, so every game and seat may share them.
var shippedPersonalities = sync.OnceValue(func() map[string]personalityEntry {
	out := map[string]personalityEntry{}
	for _, n := range PersonalityNames() {
		p, err := personalityLib.get(n)
		if err == nil && p.Name != n {
			err = fmt.Errorf("%s: the name %q is not the file's name", personalityLib.file(n), p.Name)
		}
		out[n] = personalityEntry{p: p, err: err}
	}
	return out
})

type personalityEntry struct {
	p   *ai.Personality
	err error
}

// GetPersonality returns the shipped personality with the given name. It
// is shared: callers must not change it.
func GetPersonality(name string) (*ai.Personality, error) {
	e, ok := shippedPersonalities()[name]
	if !ok {
		_, err := personalityLib.source(name) // says which there are
		return nil, err
	}
	return e.p, e.err
}

// ResolvePersonality loads a personality named on a command line: a
// shipped name when there is one, otherwise a file path.
func ResolvePersonality(nameOrPath string) (*ai.Personality, error) {
	return personalityLib.resolve(nameOrPath, GetPersonality)
}

// PersonalityPlayer returns a constructor of the scripted player of p at
// difficulty d for a seat of sc, as the simulator calls it for each game:
// with the game's seed, from which the player seeds its own generator.
func PersonalityPlayer(sc *game.Scenario, seat string, p *ai.Personality, d ai.Difficulty, name string) (func(seed uint64) ai.Player, error) {
	i, ok := sc.SeatIndex(seat)
	if !ok {
		return nil, fmt.Errorf("the scenario %s has no seat %q", sc.ID, seat)
	}
	return func(seed uint64) ai.Player { return ai.NewScripted(sc.Public(), i, p, d, seed, name) }, nil
}

// A PersonalityEntry describes one shipped personality for a list.
type PersonalityEntry struct {
	Name        string
	Description string
	Err         error // set when the shipped file does not load: a bug in the release
}

// ShippedPersonalities lists the shipped personalities, sorted by name.
func ShippedPersonalities() []PersonalityEntry {
	var out []PersonalityEntry
	for _, n := range PersonalityNames() {
		e := PersonalityEntry{Name: n}
		if p, err := GetPersonality(n); err != nil {
			e.Err = err
		} else {
			e.Description = p.Description
		}
		out = append(out, e)
	}
	return out
}
