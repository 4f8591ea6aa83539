package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// A Problem is one mistake in a content file (a scenario, a playbook, a
// personality), placed where an editor can jump to it. Line and Col start
// at 1; Line 0 means the problem concerns the whole file (too large,
// empty) rather than one place in it.
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
// Whatever came from the file (a misspelt key in the path or the message)
// is escaped, so that printing a problem cannot act on the terminal.
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
	return safetext.Escape(b.String(), false)
}

// displayPath drops the "$." a YAML path starts with: a teacher thinks of
// seats[2].name, not of the document root.
func displayPath(path string) string {
	path = strings.TrimPrefix(path, "$")
	return strings.TrimPrefix(path, ".")
}

// MaxProblems is the most problems an Error lists; the others are
// counted. A file of a hundred thousand misspelt keys is better told so
// in a hundred lines.
const MaxProblems = 100

// Error is every problem found in one content file, in file order, up to
// MaxProblems of them. The loaders return it (as *Error) whenever a file
// cannot be used, so that a caller can list the problems one per line or
// show them next to the source.
type Error struct {
	File     string
	Problems []Problem
	// Omitted counts the problems found beyond MaxProblems.
	Omitted int
}

// Error prints one problem per line, in file order, and a last line
// counting those left out.
func (e *Error) Error() string {
	lines := make([]string, len(e.Problems), len(e.Problems)+1)
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	if e.Omitted > 0 {
		more := "problems"
		if e.Omitted == 1 {
			more = "problem"
		}
		lines = append(lines, fmt.Sprintf("%s: and %d more %s", safetext.Escape(e.File, false), e.Omitted, more))
	}
	return strings.Join(lines, "\n")
}

// newError sorts the problems by position so that the output follows the
// file and does not depend on the order the checks ran in; problems at one
// place keep the order they were found in. It keeps the first
// MaxProblems; more counts problems found but not kept.
func newError(file string, probs []Problem, more int) *Error {
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
	e := &Error{File: file, Problems: probs, Omitted: more}
	if len(probs) > MaxProblems {
		e.Problems, e.Omitted = probs[:MaxProblems:MaxProblems], e.Omitted+len(probs)-MaxProblems
	}
	return e
}
