package content

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// The shipped playbooks, compiled into the binary like the scenarios.
//
//go:embed playbooks/*.yaml
var playbookFS embed.FS

// A PlaybookFile is a playbook read from YAML, with where each of its
// fields sits in the file, so that a problem found when it is bound to a
// scenario and a seat can still name the file, line and column.
type PlaybookFile struct {
	File     string // the name problems use: the path given, or playbooks/NAME.yaml
	Playbook ai.Playbook
	pos      map[string][2]int
}

// maxAliasVisits bounds the nodes a playbook's walk visits, aliases
// expanded: a playbook is a few dozen lines.
const maxAliasVisits = 100_000

// LoadPlaybook reads a playbook from YAML and checks what can be checked
// without a scenario. name is the file name problems use. On any mistake
// it returns a *Error listing all of them in file order.
func LoadPlaybook(name string, data []byte) (*PlaybookFile, error) {
	if name == "" {
		name = "playbook"
	}
	f, probs := loadPlaybook(data)
	if len(probs) > 0 {
		return nil, newError(name, probs)
	}
	f.File = name
	return f, nil
}

func loadPlaybook(data []byte) (*PlaybookFile, []Problem) {
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
	body, probs := singleDocument(file, "playbook")
	if len(probs) > 0 {
		return nil, probs
	}
	w := &pbWalker{pos: map[string][2]int{}, anchors: map[string]ast.Node{}, budget: maxAliasVisits}
	f := &PlaybookFile{Playbook: w.playbook(body), pos: w.pos}
	probs = w.probs
	if !w.mismatch {
		probs = append(probs, f.place(f.Playbook.Validate())...)
	}
	return f, probs
}

// singleDocument returns the one document a playbook or personality file
// holds; kind names the file in the messages.
func singleDocument(file *ast.File, kind string) (ast.Node, []Problem) {
	var docs []*ast.DocumentNode
	for _, d := range file.Docs {
		if d != nil && d.Body != nil && d.Body.Type() != ast.CommentType && d.Body.Type() != ast.CommentGroupType && d.Body.Type() != ast.DirectiveType {
			docs = append(docs, d)
		}
	}
	switch {
	case len(docs) == 0 || len(docs) == 1 && docs[0].Body.Type() == ast.NullType:
		return nil, []Problem{{Msg: "the file is empty: a " + kind + " needs at least a name"}}
	case len(docs) > 1:
		line, _ := nodePos(docs[1].Body)
		return nil, []Problem{{Line: max(line, 1), Col: 1, Msg: fmt.Sprintf("a %s file holds one YAML document, not %d (remove the --- line)", kind, len(docs))}}
	}
	return docs[0].Body, nil
}

// place turns field errors into problems at the fields' positions.
func (f *PlaybookFile) place(errs []game.FieldError) []Problem {
	w := pbWalker{pos: f.pos}
	var out []Problem
	for _, fe := range errs {
		line, col := w.at(fe.Path)
		out = append(out, Problem{Line: line, Col: col, Path: fe.Path, Msg: fe.Msg})
	}
	return out
}

// Player checks the playbook against the scenario and the seat it is to
// play and returns a constructor of its player, which the results call
// name. Every problem is reported as a *Error, placed in the file.
func (f *PlaybookFile) Player(sc *game.Scenario, seat, name string) (func() ai.Player, error) {
	newPlayer, errs := f.Playbook.Compile(sc.Public(), seat, name)
	if len(errs) > 0 {
		return nil, newError(f.File, f.place(errs))
	}
	return newPlayer, nil
}

// LoadPlaybookFile reads and loads the playbook file at path. A file that
// cannot be read is a plain error (wrapping the os error); a file with
// mistakes is a *Error.
func LoadPlaybookFile(p string) (*PlaybookFile, error) {
	data, err := readFile(p, "playbook")
	if err != nil {
		return nil, err
	}
	return LoadPlaybook(p, data)
}

// PlaybookEntry describes one shipped playbook for a list.
type PlaybookEntry struct {
	Name        string
	Description string
	Seat        string // the seat it was written for, or ""
	Err         error  // set when the shipped file does not load: a bug in the release
}

// ShippedPlaybooks lists the shipped playbooks, sorted by name.
func ShippedPlaybooks() []PlaybookEntry {
	var out []PlaybookEntry
	for _, n := range shippedPlaybookNames() {
		e := PlaybookEntry{Name: n}
		if f, err := GetPlaybook(n); err != nil {
			e.Err = err
		} else {
			e.Description, e.Seat = f.Playbook.Description, f.Playbook.Seat
		}
		out = append(out, e)
	}
	return out
}

// ShippedPlaybookNames lists the shipped playbooks' names, sorted,
// without loading them.
func ShippedPlaybookNames() []string { return shippedPlaybookNames() }

func shippedPlaybookNames() []string { return yamlNames(playbookFS, "playbooks") }

// GetPlaybook loads the shipped playbook with the given name.
func GetPlaybook(name string) (*PlaybookFile, error) {
	if !slices.Contains(shippedPlaybookNames(), name) {
		return nil, fmt.Errorf("no shipped playbook %q (shipped: %s)", name, strings.Join(shippedPlaybookNames(), ", "))
	}
	file := "playbooks/" + name + ".yaml"
	data, err := playbookFS.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return LoadPlaybook(file, data)
}

// ResolvePlaybook loads a playbook named on a command line: a shipped
// name when there is one by that name, otherwise a file path.
func ResolvePlaybook(nameOrPath string) (*PlaybookFile, error) {
	if slices.Contains(shippedPlaybookNames(), nameOrPath) {
		return GetPlaybook(nameOrPath)
	}
	f, err := LoadPlaybookFile(nameOrPath)
	if errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(nameOrPath, `/\.`) {
		return nil, fmt.Errorf("no shipped playbook and no file named %q (shipped: %s)", nameOrPath, strings.Join(shippedPlaybookNames(), ", "))
	}
	return f, err
}
