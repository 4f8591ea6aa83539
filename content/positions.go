package content

import (
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
)

// locate finds the line and column of a field Validate complained about,
// given its YAML path ("$.seats[2].start.tariff.prc"), with a goccy path
// query. Where the query cannot reach the field (a map key holding dots or
// quotes, a value that came through an alias or a merge key), seen, the
// positions the walk recorded, places it. A field that is missing (a
// required name left out) is placed at its nearest ancestor that exists:
// the mapping it should have been in.
func locate(file *ast.File, seen map[string][2]int, path string) (line, col int) {
	for p := path; ; p = parentPath(p) {
		if n := filter(file, p); n != nil {
			if line, col := keyPos(file, p, n); line > 0 {
				return line, col
			}
			if line, col := nodePos(n); line > 0 {
				return line, col
			}
		}
		if at, ok := seen[p]; ok {
			return at[0], at[1]
		}
		if p == "$" || p == "" {
			return 1, 1
		}
	}
}

// keyPos places a list or a mapping at the key that holds it: a problem
// with "payoffs" reads better at "payoffs:" than at its first row. A single
// value keeps its own position, which points at the value itself.
func keyPos(file *ast.File, path string, n ast.Node) (int, int) {
	if n.Type() != ast.MappingType && n.Type() != ast.SequenceType {
		return 0, 0
	}
	i := strings.LastIndexAny(path, ".[")
	if i <= 0 || path[i] != '.' {
		return 0, 0
	}
	parent, ok := filter(file, path[:i]).(*ast.MappingNode)
	if !ok {
		return 0, 0
	}
	for _, kv := range parent.Values {
		if kv != nil && kv.Value == n {
			return nodePos(kv.Key)
		}
	}
	return 0, 0
}

// filter runs a goccy YAML path query, returning nil for a path that does
// not parse (a map key holding dots or brackets) or reaches nothing. The
// query code is not written for hostile paths, so a panic in it counts as
// not found rather than crashing the loader.
func filter(file *ast.File, path string) (n ast.Node) {
	defer func() {
		if recover() != nil {
			n = nil
		}
	}()
	p, err := yaml.PathString(path)
	if err != nil {
		return nil
	}
	n, err = p.FilterFile(file)
	if err != nil {
		return nil
	}
	return n
}

// parentPath drops the last step of a path: "$.a.b[2]" -> "$.a.b" -> "$.a".
func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i <= 0 {
		return "$"
	}
	return p[:i]
}
