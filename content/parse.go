package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v4"
)

// parse turns bytes into the one YAML document a content file holds.
// Repeated keys are allowed here so that the walk can report each of
// them. kind and needs name the file and what it must hold, for the
// messages.
func parse(data []byte, kind, needs string) (body *yaml.Node, probs []Problem) {
	defer func() {
		// The parser is not written for hostile input; a panic in it is a
		// file it cannot read, not a crash of the game.
		if r := recover(); r != nil {
			body, probs = nil, []Problem{{Msg: fmt.Sprintf("the YAML reader failed on this file: %v", r)}}
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []*yaml.Node
	for {
		doc := new(yaml.Node)
		err := dec.Decode(doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, []Problem{syntaxProblem(err)}
		}
		if len(doc.Content) > 0 && !isNull(doc.Content[0]) {
			docs = append(docs, doc)
		}
	}
	switch len(docs) {
	case 0:
		return nil, []Problem{{Msg: fmt.Sprintf("the file is empty: a %s needs at least %s", kind, needs)}}
	case 1:
		return docs[0].Content[0], nil
	}
	line := max(docs[1].Line, 1)
	return nil, []Problem{{Line: line, Col: 1, Msg: fmt.Sprintf("a %s file holds one YAML document, not %d (remove the --- line)", kind, len(docs))}}
}

// syntaxProblem places a YAML syntax error. The parser gives where it
// noticed the mistake and, for some, where the construct it was reading
// began. For a quote or a bracket left open, the mistake is noticed
// lines later (at the end of the file, for a quote) but is where the
// construct began, so that is where the problem points.
func syntaxProblem(err error) Problem {
	var le *yaml.LoadError
	if !errors.As(err, &le) {
		msg, _, _ := strings.Cut(err.Error(), "\n")
		return Problem{Line: 1, Col: 1, Msg: msg}
	}
	p := Problem{Line: le.Mark.Line, Col: le.Mark.Column, Msg: le.Message}
	if name, ok := strings.CutPrefix(le.Message, "unknown anchor '"); ok {
		p.Msg = fmt.Sprintf("alias *%s refers to no anchor defined before it", strings.TrimSuffix(name, "' referenced"))
	}
	ctx := le.ContextMark
	if open := strings.Contains(le.ContextMsg, "quoted scalar") || strings.Contains(le.ContextMsg, "flow"); open && ctx.Line > 0 {
		what := strings.TrimPrefix(le.ContextMsg, "while ")
		if le.Mark.Line != ctx.Line && le.Mark.Line > 0 {
			p.Msg = fmt.Sprintf("%s at line %d, %s that starts here", le.Message, le.Mark.Line, what)
		} else {
			p.Msg = fmt.Sprintf("%s, %s that starts here", le.Message, what)
		}
		p.Line, p.Col = ctx.Line, ctx.Column
	}
	if p.Line <= 0 {
		p.Line, p.Col = 1, 1
	}
	p.Col = max(p.Col, 1)
	// One line per problem.
	p.Msg, _, _ = strings.Cut(p.Msg, "\n")
	return p
}
