package content

import (
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// positions is where each path of a file starts, as the walk recorded it:
// a single value at itself, a list or mapping at the key that holds it, a
// list item at the item.
type positions map[string][2]int

// at places a path at its own position or its nearest ancestor's. A field
// that is missing (a required name left out) is so placed at the mapping
// it should have been in, and a value that came through an alias or a
// merge key at the place that uses it.
func (ps positions) at(path string) (line, col int) {
	for p := path; ; p = parentPath(p) {
		if lc, ok := ps[p]; ok {
			return lc[0], lc[1]
		}
		if p == "$" || p == "" {
			return 1, 1
		}
	}
}

// place turns the field errors of a check of meaning into problems at
// their fields. An error about a value the walk could not read (or about
// what it holds, or the mapping it sits in) is left out: it would only
// repeat the walk's own problem in other words ("turns must be between 1
// and 1000, not 0" after "expected a whole number, found text").
func (ps positions) place(errs []game.FieldError, failed map[string]bool) []Problem {
	near := make(map[string]bool, len(failed))
	for p := range failed {
		near[parentPath(p)] = true
	}
	var out []Problem
	for _, fe := range errs {
		if near[fe.Path] || underFailed(fe.Path, failed) {
			continue
		}
		line, col := ps.at(fe.Path)
		out = append(out, Problem{Line: line, Col: col, Path: fe.Path, Msg: fe.Msg})
	}
	return out
}

// underFailed reports whether path or one of its ancestors failed.
func underFailed(path string, failed map[string]bool) bool {
	if len(failed) == 0 {
		return false
	}
	for p := path; ; p = parentPath(p) {
		if failed[p] {
			return true
		}
		if p == "$" || p == "" {
			return false
		}
	}
}

// parentPath drops the last step of a path: "$.a.b[2]" -> "$.a.b" -> "$.a".
func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i <= 0 {
		return "$"
	}
	return p[:i]
}
