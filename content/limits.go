package content

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
)

// Limits on what the loader accepts. A scenario is a few hundred lines;
// these only stop a broken or hostile file from exhausting memory or time
// before its mistakes can be reported.
const (
	// MaxFileSize is the largest scenario file the loader reads: ten times
	// the largest shipped scenario. goccy's parser also slows down
	// quadratically with the keys of one mapping (100,000 keys take about a
	// minute), so the limit is kept low enough that a hostile file costs
	// seconds, not minutes.
	MaxFileSize = 1 << 20
	// maxFlowDepth bounds the nesting of [ ] and { }: goccy's parser takes
	// time quadratic in nesting depth and recurses once per level, so a
	// file of a million brackets would run for hours or out of memory.
	maxFlowDepth = 64
	// maxKeys bounds the "key:" pairs of a file (counted loosely, text
	// included): goccy's parser slows down quadratically with the keys of
	// one mapping, and 20,000 keys still parse in about three seconds. The
	// default scenario has about 1,400.
	maxKeys = 20000
	// maxIndent bounds a line's leading spaces and "- " markers, which is
	// how block YAML nests ("- - - - x"), for the same reason.
	maxIndent = 256
	// maxAliasNodes bounds how many values aliases may add to a document
	// (the "billion laughs": aliases of lists of aliases), since Validate
	// and the game walk the expanded scenario.
	maxAliasNodes = 1_000_000
)

// precheck finds what must be refused before the YAML parser sees the
// file: invalid UTF-8 and nesting the parser cannot handle in reasonable
// time. It is a cautious byte scan, not a YAML reader: it skips comments
// and quoted text, and otherwise counts brackets wherever they appear, so
// it may overestimate nesting but never underestimates it.
func precheck(data []byte) []Problem {
	if n := bytes.Count(data, []byte(": ")) + bytes.Count(data, []byte(":\n")); n > maxKeys {
		return []Problem{{Msg: fmt.Sprintf("the file has about %d keys, more than the %d a scenario may have", n, maxKeys)}}
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

// aliasGrowth counts the values the document's aliases add when
// expanded, saturating far above any limit. Each anchor's expanded size is
// computed once, so the count stays linear in the file however the
// aliases nest.
func aliasGrowth(body ast.Node) int {
	s := sizer{anchors: map[string]ast.Node{}, memo: map[ast.Node]int{}, busy: map[ast.Node]bool{}}
	return s.size(body, true) - s.size(body, false)
}

type sizer struct {
	anchors map[string]ast.Node
	memo    map[ast.Node]int // expanded size of alias targets
	busy    map[ast.Node]bool
}

const sizeCap = 1 << 50

// size counts the values in n, following aliases when expand is set. An
// alias inside the value it refers to counts as nothing (the walk reports
// it).
func (s *sizer) size(n ast.Node, expand bool) int {
	switch v := n.(type) {
	case nil:
		return 0
	case *ast.AnchorNode:
		if v.Name != nil && v.Name.GetToken() != nil {
			s.anchors[v.Name.GetToken().Value] = v.Value
		}
		return s.size(v.Value, expand)
	case *ast.TagNode:
		return s.size(v.Value, expand)
	case *ast.AliasNode:
		if !expand || v.Value == nil || v.Value.GetToken() == nil {
			return 1
		}
		target := s.anchors[v.Value.GetToken().Value]
		if target == nil || s.busy[target] {
			return 1
		}
		if m, ok := s.memo[target]; ok {
			return m
		}
		s.busy[target] = true
		m := s.size(target, true)
		delete(s.busy, target)
		s.memo[target] = m
		return m
	case *ast.MappingValueNode:
		return min(s.size(v.Key, expand)+s.size(v.Value, expand), sizeCap)
	case *ast.MappingNode:
		total := 1
		for _, kv := range v.Values {
			total = min(total+s.size(kv, expand), sizeCap)
		}
		return total
	case *ast.SequenceNode:
		total := 1
		for _, e := range v.Values {
			total = min(total+s.size(e, expand), sizeCap)
		}
		return total
	}
	return 1
}
