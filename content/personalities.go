package content

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// The shipped personalities of the scripted opponents, compiled into the
// binary like the scenarios and playbooks.
//
//go:embed personalities/*.yaml
var personalityFS embed.FS

var personalityType = reflect.TypeFor[ai.Personality]()

// LoadPersonality reads a personality from YAML and checks it. name is the
// file name problems use. On any mistake it returns a *Error listing all
// of them, placed at their lines, in file order.
func LoadPersonality(name string, data []byte) (*ai.Personality, error) {
	if name == "" {
		name = "personality"
	}
	p, probs := loadPersonality(data)
	if len(probs) > 0 {
		return nil, newError(name, probs)
	}
	return p, nil
}

func loadPersonality(data []byte) (*ai.Personality, []Problem) {
	if len(data) > MaxFileSize {
		return nil, []Problem{{Msg: fmt.Sprintf("the file is larger than %d MiB", MaxFileSize>>20)}}
	}
	if probs := precheck(data); len(probs) > 0 {
		return nil, probs
	}
	file, probs := parse(data)
	if len(probs) > 0 {
		return nil, probs
	}
	body, probs := singleDocument(file, "personality")
	if len(probs) > 0 {
		return nil, probs
	}
	if aliasGrowth(body) > maxAliasNodes {
		return nil, []Problem{{Msg: fmt.Sprintf("aliases expand the personality to more than %d values", maxAliasNodes)}}
	}
	// The scenario loader's walk checks the tree against the Go type and
	// reports every unknown field and wrong kind of value at once.
	w := newWalker()
	w.value(body, personalityType, "$")
	if w.mismatch {
		return nil, w.probs
	}
	probs = w.probs
	p := new(ai.Personality)
	if failed := decodeInto(body, p, !w.unknown); failed != nil {
		return nil, append(probs, *failed)
	}
	for _, fe := range p.Validate() {
		line, col := locate(file, w.seen, fe.Path)
		probs = append(probs, Problem{Line: line, Col: col, Path: fe.Path, Msg: fe.Msg})
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return p, nil
}

// LoadPersonalityFile reads and loads the personality file at p. A file
// that cannot be read is a plain error (wrapping the os error); a file
// with mistakes is a *Error.
func LoadPersonalityFile(p string) (*ai.Personality, error) {
	data, err := readFile(p, "personality")
	if err != nil {
		return nil, err
	}
	return LoadPersonality(p, data)
}

// PersonalityNames lists the shipped personalities, sorted.
func PersonalityNames() []string { return yamlNames(personalityFS, "personalities") }

// shippedPersonalities loads every shipped personality once: they are
// read-only, so every game and seat may share them.
var shippedPersonalities = sync.OnceValue(func() map[string]personalityEntry {
	out := map[string]personalityEntry{}
	for _, n := range PersonalityNames() {
		file := "personalities/" + n + ".yaml"
		data, err := personalityFS.ReadFile(file)
		if err != nil {
			out[n] = personalityEntry{err: err}
			continue
		}
		p, err := LoadPersonality(file, data)
		if err == nil && p.Name != n {
			err = fmt.Errorf("%s: the name %q is not the file's name", file, p.Name)
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
		return nil, fmt.Errorf("no shipped personality %q (shipped: %s)", name, strings.Join(PersonalityNames(), ", "))
	}
	return e.p, e.err
}

// ResolvePersonality loads a personality named on a command line: a
// shipped name when there is one, otherwise a file path.
func ResolvePersonality(nameOrPath string) (*ai.Personality, error) {
	if _, ok := shippedPersonalities()[nameOrPath]; ok {
		return GetPersonality(nameOrPath)
	}
	p, err := LoadPersonalityFile(nameOrPath)
	if errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(nameOrPath, `/\.`) {
		return nil, fmt.Errorf("no shipped personality and no file named %q (shipped: %s)", nameOrPath, strings.Join(PersonalityNames(), ", "))
	}
	return p, err
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

// decodeInto decodes a checked tree into out, as the scenario loader's
// decode does for scenarios: after the walk it should not fail, and if it
// does, the decoder's own message reaches the user with its position.
func decodeInto(body ast.Node, out any, strict bool) (failed *Problem) {
	defer func() {
		if r := recover(); r != nil {
			line, col := nodePos(body)
			failed = &Problem{Line: max(line, 1), Col: max(col, 1), Msg: fmt.Sprintf("the YAML decoder failed on this file: %v", r)}
		}
	}()
	opts := []yaml.DecodeOption{yaml.AllowDuplicateMapKey()}
	if strict {
		opts = append(opts, yaml.DisallowUnknownField())
	}
	if err := yaml.NodeToValue(body, out, opts...); err != nil {
		line, col := nodePos(body)
		p := yamlProblem(err, "", line, col)
		return &p
	}
	return nil
}

// PersonalityFile returns the YAML of a shipped personality, for a copy
// an instructor edits.
func PersonalityFile(name string) ([]byte, error) {
	if _, err := GetPersonality(name); err != nil {
		return nil, err
	}
	return personalityFS.ReadFile("personalities/" + name + ".yaml")
}
