package docs_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/chokepoint-game/chokepoint/"

// packages maps every package directory of the module (relative to the
// root, with slashes) to the module's packages its non-test files import.
func packages(t *testing.T) map[string][]string {
	t.Helper()
	pkgs := map[string][]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); p != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		dir := filepath.ToSlash(rel)
		if _, ok := pkgs[dir]; !ok {
			pkgs[dir] = nil
		}
		if strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, im := range f.Imports {
			path, _ := strconv.Unquote(im.Path.Value)
			if own, ok := strings.CutPrefix(path, module); ok && !slices.Contains(pkgs[dir], own) {
				pkgs[dir] = append(pkgs[dir], own)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// fenced returns the first fenced block after the heading line want.
func fenced(t *testing.T, file, want string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, file))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, "\n"+want+"\n")
	if i < 0 {
		t.Fatalf("%s has no heading %q", file, want)
	}
	s = s[i:]
	j := strings.Index(s, "```")
	k := strings.Index(s[j+3:], "```")
	if j < 0 || k < 0 {
		t.Fatalf("%s: no fenced block under %q", file, want)
	}
	body := s[j+3 : j+3+k]
	return body[strings.Index(body, "\n")+1:]
}

// listed is the first word of each line of a layout block that names a
// folder, without its trailing slash.
func listed(block string) map[string]bool {
	out := map[string]bool{}
	for _, l := range strings.Split(block, "\n") {
		if l == "" || l[0] == ' ' {
			continue
		}
		out[strings.TrimSuffix(strings.Fields(l)[0], "/")] = true
	}
	return out
}

// TestLayoutListsEveryPackage: the Layout of the README and of
// docs/architecture.md names every package directory there is, and no
// folder that is not there.
func TestLayoutListsEveryPackage(t *testing.T) {
	pkgs := packages(t)
	for _, doc := range []struct{ file, heading string }{
		{"README.md", "## Layout"},
		{"docs/architecture.md", "## Layout"},
	} {
		names := listed(fenced(t, doc.file, doc.heading))
		for dir := range pkgs {
			if dir != "." && !names[dir] {
				t.Errorf("%s: the Layout does not list the package %s/", doc.file, dir)
			}
		}
		for name := range names {
			if _, err := os.Stat(filepath.Join(root, name)); err != nil {
				t.Errorf("%s: the Layout lists %s, which is not in the repository", doc.file, name)
			}
		}
	}
}

var layerLine = regexp.MustCompile(`^(\S.*?)\s+->\s+(.*)$`)

// TestLayersAreTheImports: every import between the module's packages is
// in the Layers table of docs/architecture.md (the leaves
// internal/palette and internal/safetext may be imported anywhere), and
// the table claims no import that is not made.
func TestLayersAreTheImports(t *testing.T) {
	pkgs := packages(t)
	leaves := map[string]bool{"internal/palette": true, "internal/safetext": true}
	rows := map[string][]string{}
	var last string // the packages of the row a continued line belongs to
	add := func(pkgs, deps string) {
		for _, p := range strings.Split(pkgs, ",") {
			p = strings.TrimSpace(p)
			if _, ok := rows[p]; !ok {
				rows[p] = []string{}
			}
			for _, d := range strings.Split(deps, ",") {
				if d = strings.TrimSpace(d); d != "" {
					rows[p] = append(rows[p], d)
				}
			}
		}
	}
	for _, l := range strings.Split(fenced(t, "docs/architecture.md", "## Layers"), "\n") {
		if m := layerLine.FindStringSubmatch(l); m != nil {
			last = m[1]
			add(m[1], m[2])
		} else if strings.TrimSpace(l) != "" && last != "" {
			add(last, l)
		}
	}
	for dir, imports := range pkgs {
		deps, ok := rows[dir]
		if !ok {
			if len(imports) > 0 && !leaves[dir] {
				t.Errorf("the Layers table has no row for %s, which imports %v", dir, imports)
			}
			continue
		}
		for _, im := range imports {
			if !leaves[im] && !slices.Contains(deps, im) {
				t.Errorf("the Layers table says %s -> %v, but it imports %s", dir, deps, im)
			}
		}
		for _, d := range deps {
			if strings.Contains(d, " ") {
				continue // prose, such as "the standard library only"
			}
			if !slices.Contains(imports, d) {
				t.Errorf("the Layers table says %s imports %s; it does not", dir, d)
			}
		}
	}
}
