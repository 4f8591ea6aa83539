// Package content holds the shipped scenarios and the loader that reads a
// scenario file, checks it and reports every mistake in it with its file,
// line, column and field.
package content

import (
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/chokepoint-game/chokepoint/game"
)

// Load reads a scenario from YAML and validates it. name is the file name
// used in problems. On any mistake it returns a *Error listing all of
// them, sorted by position; otherwise the scenario is valid and ready for
// a game.
//
// Checking runs in stages, each of which reports everything it finds:
// the file itself (size, encoding, YAML syntax), then its shape against
// the scenario types (unknown fields, wrong kinds of value, repeated keys),
// then the scenario's meaning (game.Scenario.Validate: references, ranges,
// the model). Meaning is checked only when the shape allows decoding, and
// is checked despite unknown fields or repeated keys, so a typo and a
// wrong level id show up in the same run.
func Load(name string, data []byte) (*game.Scenario, error) {
	if name == "" {
		name = "scenario"
	}
	sc, probs := load(data)
	if len(probs) > 0 {
		return nil, newError(name, probs)
	}
	return sc, nil
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

var scenarioType = reflect.TypeFor[game.Scenario]()

func load(data []byte) (*game.Scenario, []Problem) {
	if len(data) > MaxFileSize {
		return nil, []Problem{{Msg: fmt.Sprintf("the file is larger than %d MiB, the most a scenario may be", MaxFileSize>>20)}}
	}
	if probs := precheck(data); len(probs) > 0 {
		return nil, probs
	}
	file, probs := parse(data)
	if len(probs) > 0 {
		return nil, probs
	}
	body, probs := document(file)
	if len(probs) > 0 {
		return nil, probs
	}
	if aliasGrowth(body) > maxAliasNodes {
		return nil, []Problem{{Msg: fmt.Sprintf("aliases expand the scenario to more than %d values", maxAliasNodes)}}
	}
	w := newWalker()
	w.value(body, scenarioType, "$")
	if w.mismatch {
		return nil, w.probs
	}
	probs = w.probs
	sc, failed := decode(body, !w.unknown)
	if failed != nil {
		return nil, append(probs, *failed)
	}
	for _, fe := range sc.Validate() {
		line, col := locate(file, w.seen, fe.Path)
		probs = append(probs, Problem{Line: line, Col: col, Path: fe.Path, Msg: fe.Msg})
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return sc, nil
}

// parse turns bytes into a YAML tree. Repeated keys are allowed here so
// that the walk can report each of them rather than the parser the first.
func parse(data []byte) (file *ast.File, probs []Problem) {
	defer func() {
		if r := recover(); r != nil {
			file, probs = nil, []Problem{{Msg: fmt.Sprintf("the YAML reader failed on this file: %v", r)}}
		}
	}()
	file, err := parser.ParseBytes(data, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		return nil, []Problem{yamlProblem(err, "")}
	}
	return file, nil
}

// document returns the one document a scenario file holds.
func document(file *ast.File) (ast.Node, []Problem) {
	var docs []*ast.DocumentNode
	for _, d := range file.Docs {
		if d != nil && d.Body != nil && d.Body.Type() != ast.CommentType && d.Body.Type() != ast.CommentGroupType && d.Body.Type() != ast.DirectiveType {
			docs = append(docs, d)
		}
	}
	switch len(docs) {
	case 0:
		return nil, []Problem{{Msg: "the file is empty: a scenario needs at least an id, a title, seats, levers and a model"}}
	case 1:
		if docs[0].Body.Type() == ast.NullType {
			return nil, []Problem{{Msg: "the file is empty: a scenario needs at least an id, a title, seats, levers and a model"}}
		}
		return docs[0].Body, nil
	}
	// A document's own token is the end of its "---"; point at the line.
	line, _ := nodePos(docs[1].Body)
	if docs[1].Start != nil && docs[1].Start.Position != nil {
		line = docs[1].Start.Position.Line
	}
	return nil, []Problem{{Line: max(line, 1), Col: 1, Msg: fmt.Sprintf("a scenario file holds one YAML document, not %d (remove the --- line)", len(docs))}}
}

// decode turns the checked tree into a Scenario. After the walk it should
// not fail; if it does, the walk missed a case, and the decoder's own
// message still reaches the user with its position.
func decode(body ast.Node, strict bool) (sc *game.Scenario, failed *Problem) {
	defer func() {
		if r := recover(); r != nil {
			line, col := nodePos(body)
			sc, failed = nil, &Problem{Line: max(line, 1), Col: max(col, 1), Msg: fmt.Sprintf("the YAML decoder failed on this file: %v", r)}
		}
	}()
	// Repeated keys are reported by the walk; unknown fields too, and
	// then the decoder skips them so Validate can still run.
	opts := []yaml.DecodeOption{yaml.AllowDuplicateMapKey()}
	if strict {
		opts = append(opts, yaml.DisallowUnknownField())
	}
	sc = new(game.Scenario)
	if err := yaml.NodeToValue(body, sc, opts...); err != nil {
		line, col := nodePos(body)
		p := yamlProblem(err, "", line, col)
		return nil, &p
	}
	return sc, nil
}

// yamlProblem turns a goccy error into a Problem at the error's token, or
// at the fallback position when it has none.
func yamlProblem(err error, path string, fallback ...int) Problem {
	p := Problem{Path: path, Msg: err.Error()}
	if len(fallback) == 2 {
		p.Line, p.Col = fallback[0], fallback[1]
	}
	var ye yaml.Error
	if errors.As(err, &ye) {
		p.Msg = ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil && tk.Position.Line > 0 {
			p.Line, p.Col = tk.Position.Line, tk.Position.Column
		}
	}
	if p.Line <= 0 {
		p.Line, p.Col = 1, 1
	}
	// One line per problem: a decoder message may carry a source excerpt.
	p.Msg, _, _ = strings.Cut(p.Msg, "\n")
	// The parser quotes the offending character raw; a raw tab or control
	// character would be invisible or garble the terminal.
	p.Msg = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '?'
		}
		return r
	}, strings.ReplaceAll(p.Msg, "\t", "<tab>"))
	return p
}
