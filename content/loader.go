// Package content holds the shipped scenarios, playbooks and
// personalities and the one loader that reads each kind of file, checks
// it and reports every mistake in it with its file, line, column and
// field.
package content

import (
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"slices"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// A kind is one kind of content file and how its loading ends: D is what
// the YAML is read into, T what the file gives, and finish checks the
// meaning of a D and makes the T, returning every mistake by YAML path.
type kind[D, T any] struct {
	name   string // "scenario"
	needs  string // what an empty file lacks: "at least a name"
	finish func(*D) (*T, []game.FieldError)
	// referenced are the paths (with [] for any index) of what the rest
	// of a file refers to by id: when one of them cannot be read, the
	// checks of meaning would report every reference to it, so they are
	// skipped and the walk's problems stand alone.
	referenced []string
}

// lost reports whether a path the rest of the file refers to failed.
func (k *kind[D, T]) lost(failed map[string]bool) bool {
	for p := range failed {
		if slices.Contains(k.referenced, anyIndex.ReplaceAllString(p, "[]")) {
			return true
		}
	}
	return false
}

var anyIndex = regexp.MustCompile(`\[[0-9]+\]`)

// load runs the one pipeline every content file goes through: the size
// limit, the byte checks (encoding, nesting), YAML syntax, one document,
// the alias limits, the walk that reads the document into a D and
// reports every value of the wrong shape, and the checks of meaning,
// whose mistakes are placed at their fields. Each stage reports
// everything it finds; the checks of meaning run despite values of the
// wrong shape, unknown fields or repeated keys, so that a typo does not
// hide a wrong level id. It returns the T, where each path of the file
// starts, and the problems in no order, with a count of those found but
// not kept.
func (k *kind[D, T]) load(data []byte) (t *T, pos positions, probs []Problem, more int) {
	defer func() {
		// A bug in the walk or the checks must not take the game down
		// with it: the file is refused, and the message says why.
		if r := recover(); r != nil {
			t, probs, more = nil, []Problem{{Msg: fmt.Sprintf("the %s loader failed on this file: %v", k.name, r)}}, 0
		}
	}()
	if len(data) > MaxFileSize {
		return nil, nil, []Problem{{Msg: fmt.Sprintf("the file is larger than %d MiB, the most a %s may be", MaxFileSize>>20, k.name)}}, 0
	}
	if probs := precheck(data); len(probs) > 0 {
		return nil, nil, probs, 0
	}
	body, probs := parse(data, k.name, k.needs)
	if len(probs) > 0 {
		return nil, nil, probs, 0
	}
	if probs := expansion(body, k.name); len(probs) > 0 {
		return nil, nil, probs, 0
	}
	w := newWalker(k.name)
	d := new(D)
	w.record("$", body)
	w.value(body, reflect.ValueOf(d).Elem(), "$", false)
	pos = positions(w.seen)
	if k.lost(w.failed) {
		return nil, pos, w.probs, w.more
	}
	t, errs := k.finish(d)
	probs = append(w.probs, pos.place(errs, w.failed)...)
	if len(probs) > 0 {
		return nil, pos, probs, w.more
	}
	return t, pos, nil, 0
}

// multilineField reports whether the text field of type t with the given
// YAML name may run over several lines. Every other text is one line, and
// no text may hold other control characters: text from a file ends up on
// a terminal.
func multilineField(t reflect.Type, name string) bool {
	switch t {
	case personalityType, playbookDocType:
		return name == "description"
	}
	return game.MultilineText(t, name)
}

var scenarios = &kind[game.Scenario, game.Scenario]{
	name:  "scenario",
	needs: "an id, a title, seats, levers and a model",
	finish: func(sc *game.Scenario) (*game.Scenario, []game.FieldError) {
		return sc, sc.Validate()
	},
	referenced: []string{"$.seats", "$.seats[]", "$.seats[].id", "$.levers", "$.levers[]", "$.levers[].id",
		"$.levers[].levels", "$.levers[].levels[]", "$.levers[].levels[].id"},
}

var personalityType = reflect.TypeFor[ai.Personality]()

// Load reads a scenario from YAML and validates it. name is the file name
// used in problems. On any mistake it returns a *Error listing all of
// them, sorted by position; otherwise the scenario is valid and ready for
// a game.
func Load(name string, data []byte) (*game.Scenario, error) {
	return loadAs(scenarios, name, data)
}

// loadAs loads a file of one kind, naming it name in problems (the kind
// when name is empty).
func loadAs[D, T any](k *kind[D, T], name string, data []byte) (*T, error) {
	t, _, probs, more := k.load(data)
	if len(probs) > 0 {
		if name == "" {
			name = k.name
		}
		return nil, newError(name, probs, more)
	}
	return t, nil
}

// LoadFile reads and loads the scenario file at path. A file that cannot
// be read is a plain error (wrapping the os error); a file with mistakes
// is a *Error.
func LoadFile(path string) (*game.Scenario, error) {
	data, err := readFile(path, "scenario")
	if err != nil {
		return nil, err
	}
	return Load(path, data)
}

// readFile reads a content file of the given kind for a loader. It reads
// one byte past the size limit, so that the loader sees an oversized file
// without this reading all of a huge one.
func readFile(path, kind string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return nil, err
	} else if fi.IsDir() {
		return nil, fmt.Errorf("%s is a directory, not a %s file", path, kind)
	}
	return io.ReadAll(io.LimitReader(f, MaxFileSize+1))
}
