package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A Problem is one mistake in a scenario file, placed where an editor can
// jump to it. Line and Col start at 1; Line 0 means the problem concerns the
// whole file (too large, empty) rather than one place in it.
type Problem struct {
	File string
	Line int
	Col  int
	// Path is the YAML path of the field, "$.seats[2].start.tariff.prc", or
	// empty for problems that belong to no field (YAML syntax).
	Path string
	Msg  string
}

// String prints the problem as FILE:LINE:COL: field.path: message, the
// form compilers use, so that editors and terminals make it clickable.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, p.Col)
	}
	b.WriteString(": ")
	if f := displayPath(p.Path); f != "" {
		b.WriteString(f)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// displayPath drops the "$." a YAML path starts with: a teacher thinks of
// seats[2].name, not of the document root.
func displayPath(path string) string {
	path = strings.TrimPrefix(path, "$")
	return strings.TrimPrefix(path, ".")
}

// Error is every problem found in one scenario file. Load returns it (as
// *Error) whenever a file cannot be used, so that a caller can list the
// problems one per line or show them next to the source.
type Error struct {
	File     string
	Problems []Problem
}

// Error prints one problem per line, in file order.
func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// newError sorts the problems by position so that the output follows the
// file and does not depend on the order the checks ran in; problems at one
// place keep the order they were found in.
func newError(file string, probs []Problem) *Error {
	// The same mistake reached twice (through an alias, say) is shown once.
	seen := make(map[Problem]bool, len(probs))
	kept := probs[:0]
	for _, p := range probs {
		p.File = file
		if !seen[p] {
			seen[p] = true
			kept = append(kept, p)
		}
	}
	probs = kept
	slices.SortStableFunc(probs, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return &Error{File: file, Problems: probs}
}
