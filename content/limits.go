package content

import (
	"fmt"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// Limits on what the loader accepts. A scenario is a few hundred lines;
// these only stop a broken or hostile file from exhausting memory or time
// before its mistakes can be reported. The YAML parser's work grows
// linearly with the file, so the size limit bounds it: the worst 1 MiB
// file costs a fraction of a second.
const (
	// MaxFileSize is the largest content file the loaders read: ten times
	// the largest shipped scenario.
	MaxFileSize = 1 << 20
	// maxFlowDepth bounds the nesting of [ ] and { }, and maxIndent a
	// line's leading spaces and "- " markers, which is how block YAML
	// nests ("- - - - x"): the walk recurses once per level, and no
	// content file needs more.
	maxFlowDepth = 64
	maxIndent    = 256
	// maxAliasNodes bounds how many values aliases may add to a document
	// (the "billion laughs": aliases of lists of aliases), and
	// maxExpandedText the bytes of text, counted expanded (one long text
	// aliased a thousand times): the walk, the checks and the game work
	// on the expanded document.
	maxAliasNodes   = 1_000_000
	maxExpandedText = 4 * MaxFileSize
)

// bom is the UTF-8 byte-order mark some editors write at the start of a
// file. The parser skips it; positions count from after it.
const bom = "\ufeff"

// precheck finds what must be refused before the YAML parser sees the
// file: invalid UTF-8 and nesting deeper than a content file needs. It
// is a cautious byte scan, not a YAML reader: it skips comments and quoted
// text, and otherwise counts brackets wherever they appear, so it may
// overestimate nesting but never underestimates it.
func precheck(data []byte) []Problem {
	if len(data) >= len(bom) && string(data[:len(bom)]) == bom {
		data = data[len(bom):]
	}
	if !utf8.Valid(data) {
		line, col := 1, 1
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			line, col = advance(line, col, r)
			i += size
		}
		return []Problem{{Line: line, Col: col, Msg: "the file is not valid UTF-8 text"}}
	}
	line, col, depth, indent := 1, 0, 0, 0
	leading, comment := true, false
	var quote byte
	var prev byte = '\n'
	for i := 0; i < len(data); i++ {
		c := data[i]
		col++
		if c == '\n' {
			line, col, indent = line+1, 0, 0
			leading, comment, quote, prev = true, false, 0, c
			continue
		}
		if leading {
			switch c {
			case ' ', '\t', '-', '?', ':':
				if indent++; indent > maxIndent {
					return []Problem{{Line: line, Col: col, Msg: fmt.Sprintf("this line is indented or nested more than %d levels deep", maxIndent)}}
				}
			default:
				leading = false
			}
		}
		switch {
		case comment:
		case quote != 0:
			if quote == '"' && c == '\\' && i+1 < len(data) && data[i+1] != '\n' {
				i++
				col++
			} else if c == quote {
				quote = 0
			}
		case c == '#' && (prev == ' ' || prev == '\t' || prev == '\n'):
			comment = true
		case (c == '"' || c == '\'') && tokenStart(prev):
			quote = c
		case c == '[' || c == '{':
			if depth++; depth > maxFlowDepth {
				return []Problem{{Line: line, Col: col, Msg: fmt.Sprintf("brackets are nested more than %d deep", maxFlowDepth)}}
			}
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
		}
		prev = c
	}
	return nil
}

// tokenStart reports whether a quote after byte prev opens a quoted
// scalar rather than sitting inside a plain one ("the PRC's").
func tokenStart(prev byte) bool {
	switch prev {
	case ' ', '\t', '\n', '[', '{', ',', ':', '-', '?':
		return true
	}
	return false
}

func advance(line, col int, r rune) (int, int) {
	if r == '\n' {
		return line + 1, 1
	}
	return line, col + 1
}

// expansion refuses a document whose aliases would expand it beyond the
// limits, in values or in bytes of text. Each alias target's expanded
// size is computed once, so the count stays linear in the file however
// the aliases nest.
func expansion(body *yaml.Node, kind string) []Problem {
	s := sizer{memo: map[*yaml.Node]size{}, busy: map[*yaml.Node]bool{}}
	expanded := s.size(body, true)
	if !s.aliases {
		return nil // nothing expands, and the file is within its size
	}
	plain := s.size(body, false)
	switch {
	case expanded.values-plain.values > maxAliasNodes:
		return []Problem{{Msg: fmt.Sprintf("aliases expand the %s to more than %d values", kind, maxAliasNodes)}}
	case expanded.text > maxExpandedText:
		return []Problem{{Msg: fmt.Sprintf("aliases expand the %s to more than %d MiB of text", kind, maxExpandedText>>20)}}
	}
	return nil
}

type size struct{ values, text int }

func (a size) plus(b size) size {
	return size{min(a.values+b.values, sizeCap), min(a.text+b.text, sizeCap)}
}

type sizer struct {
	memo    map[*yaml.Node]size // expanded size of alias targets
	busy    map[*yaml.Node]bool
	aliases bool // an alias was met
}

const sizeCap = 1 << 50

// size counts the values and the bytes of text in n, following aliases
// when expand is set. An alias inside the value it refers to counts as
// one value (the walk reports it).
func (s *sizer) size(n *yaml.Node, expand bool) size {
	if n == nil {
		return size{}
	}
	switch n.Kind {
	case yaml.AliasNode:
		s.aliases = true
		target := n.Alias
		if !expand || target == nil || s.busy[target] {
			return size{1, len(n.Value)}
		}
		if m, ok := s.memo[target]; ok {
			return m
		}
		s.busy[target] = true
		m := s.size(target, true)
		delete(s.busy, target)
		s.memo[target] = m
		return m
	case yaml.ScalarNode:
		return size{1, len(n.Value)}
	}
	total := size{1, 0}
	for _, c := range n.Content {
		total = total.plus(s.size(c, expand))
	}
	return total
}
