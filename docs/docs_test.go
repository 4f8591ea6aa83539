// Package docs_test checks that the project documents itself: every link
// of the README and of docs/ leads somewhere in the repository, and no
// comment, in Go or in the shipped YAML, cites a file the repository does
// not hold. A reader of the repository alone must find what they cite.
package docs_test

import (
	"bufio"
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// root is the repository, as seen from this package's directory.
const root = ".."

// The project's design notes live outside the repository; citing them
// leaves a reader with nothing to open, whatever the rest of the path.
var outsideNotes = regexp.MustCompile(`\b(GAME\.md|GAME §|MODEL_SKETCH|ARCHITECTURE\.md|UX\.md|BUBBLETEA_V2|shared/(design|facts|seed)/)`)

// fileRef is a path to a file of a kind the repository holds, as prose
// cites it: "game/phase.go", "docs/rules.md", "docs_test.go".
var fileRef = regexp.MustCompile(`(?:[A-Za-z0-9_.-]+/)*[A-Za-z0-9_-]+\.(?:md|go|yaml|yml|json|txt|gob)\b`)

// placeholder names stand for any file in a usage line
// ("content/playbooks/NAME.yaml"); only their folder must exist.
var placeholder = regexp.MustCompile(`^[A-Z][A-Z_-]*$`)

// commandLine matches a line that shows a command to type: the files it
// names are the reader's own ("chokepoint scenario validate my.yaml").
var commandLine = regexp.MustCompile(`\bchokepoint\s+[a-z]`)

// url matches a web address, whose path is not the repository's.
var url = regexp.MustCompile(`\S+://\S+`)

// markdownFiles are the README and every page of docs/.
func markdownFiles(t *testing.T) []string {
	t.Helper()
	files := []string{filepath.Join(root, "README.md")}
	pages, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatal("docs/ holds no pages")
	}
	return append(files, pages...)
}

var (
	inlineLink  = regexp.MustCompile(`\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)`)
	refLink     = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s*(\S+)`)
	codeSpan    = regexp.MustCompile("`[^`]*`")
	heading     = regexp.MustCompile(`^#{1,6}\s+(.*?)\s*#*\s*$`)
	htmlAnchor  = regexp.MustCompile(`<a\s+(?:name|id)="([^"]+)"`)
	backtickRef = regexp.MustCompile("`([^`\\s]+)`")
)

// prose returns a Markdown file's lines outside fenced code blocks, with
// their line numbers.
func prose(data []byte) (lines []string, numbers []int) {
	fence := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if fence == "" && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")) {
			fence = trimmed[:3]
			continue
		}
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		lines, numbers = append(lines, line), append(numbers, n)
	}
	return lines, numbers
}

// slug is the anchor GitHub gives a heading: lower case, punctuation
// dropped, spaces turned into dashes.
func slug(h string) string {
	h = codeSpan.ReplaceAllStringFunc(h, func(s string) string { return strings.Trim(s, "`") })
	h = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`).ReplaceAllString(h, "$1")
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// anchors lists the anchors a Markdown file defines, numbering repeated
// headings as GitHub does ("x", "x-1", ...).
func anchors(data []byte) map[string]bool {
	out := map[string]bool{}
	seen := map[string]int{}
	lines, _ := prose(data)
	for _, line := range lines {
		for _, m := range htmlAnchor.FindAllStringSubmatch(line, -1) {
			out[m[1]] = true
		}
		m := heading.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		s := slug(m[1])
		if k := seen[s]; k > 0 {
			out[fmt.Sprintf("%s-%d", s, k)] = true
		} else {
			out[s] = true
		}
		seen[s]++
	}
	return out
}

// TestMarkdownLinksResolve checks every relative link of the README and
// of docs/: the file or folder exists in the repository, and an anchor
// names a heading of the page it points into.
func TestMarkdownLinksResolve(t *testing.T) {
	for _, file := range markdownFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name, _ := filepath.Rel(root, file)
		lines, numbers := prose(data)
		for k, line := range lines {
			var targets []string
			text := codeSpan.ReplaceAllString(line, "")
			for _, m := range inlineLink.FindAllStringSubmatch(text, -1) {
				targets = append(targets, m[1])
			}
			if m := refLink.FindStringSubmatch(text); m != nil {
				targets = append(targets, m[1])
			}
			for _, target := range targets {
				if err := checkLink(file, target); err != nil {
					t.Errorf("%s:%d: link %q: %v", name, numbers[k], target, err)
				}
			}
		}
	}
}

func checkLink(from, target string) error {
	if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
		return nil
	}
	file, anchor, _ := strings.Cut(target, "#")
	dest := from
	if file != "" {
		if strings.HasPrefix(file, "/") {
			return fmt.Errorf("an absolute path does not resolve in a clone of the repository")
		}
		dest = filepath.Join(filepath.Dir(from), filepath.FromSlash(file))
		rel, err := filepath.Rel(root, dest)
		if err != nil || strings.HasPrefix(rel, "..") {
			return fmt.Errorf("it leads out of the repository")
		}
		info, err := os.Stat(dest)
		if err != nil {
			return fmt.Errorf("no such file or folder in the repository")
		}
		if info.IsDir() {
			if anchor != "" {
				return fmt.Errorf("a folder has no anchors")
			}
			return nil
		}
	}
	if anchor == "" {
		return nil
	}
	if !strings.HasSuffix(dest, ".md") {
		return nil
	}
	data, err := os.ReadFile(dest)
	if err != nil {
		return err
	}
	if !anchors(data)[anchor] {
		return fmt.Errorf("%s has no heading with the anchor #%s", filepath.Base(dest), anchor)
	}
	return nil
}

// TestMarkdownCitesOnlyRepositoryFiles checks the prose of the README and
// of docs/: a path written in code quotes that starts at a top-level
// folder of the repository (`game/phase.go`, `content/personalities/`)
// must exist, and nothing cites the design notes kept outside it.
func TestMarkdownCitesOnlyRepositoryFiles(t *testing.T) {
	top := topFolders(t)
	for _, file := range markdownFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name, _ := filepath.Rel(root, file)
		lines, numbers := prose(data)
		for k, line := range lines {
			if m := outsideNotes.FindString(line); m != "" {
				t.Errorf("%s:%d: cites %s, which is not in the repository", name, numbers[k], m)
			}
			for _, m := range backtickRef.FindAllStringSubmatch(line, -1) {
				p := strings.TrimSuffix(m[1], "/")
				first, _, nested := strings.Cut(p, "/")
				if !nested || !top[first] || strings.ContainsAny(p, "*?[{<") {
					continue
				}
				if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err != nil {
					t.Errorf("%s:%d: cites %s, which is not in the repository", name, numbers[k], m[1])
				}
			}
		}
	}
}

// topFolders are the repository's top-level folders.
func topFolders(t *testing.T) map[string]bool {
	t.Helper()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			out[e.Name()] = true
		}
	}
	return out
}

// TestCommentsCiteOnlyRepositoryFiles checks every comment of the Go
// source and of the shipped YAML content: a file it names must be in the
// repository, next to the commented file or from the repository's root,
// and no comment cites the design notes kept outside it.
func TestCommentsCiteOnlyRepositoryFiles(t *testing.T) {
	files := 0
	top := topFolders(t)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		var comments []comment
		switch {
		case strings.HasSuffix(p, ".go"):
			comments = goComments(t, p)
		case strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml"):
			comments = yamlComments(t, p)
		default:
			return nil
		}
		files++
		name, _ := filepath.Rel(root, p)
		for _, c := range comments {
			for _, problem := range citations(filepath.Dir(p), c.text, top) {
				t.Errorf("%s:%d: %s", filepath.ToSlash(name), c.line, problem)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Fatalf("checked the comments of only %d files: the walk missed the source", files)
	}
}

type comment struct {
	line int
	text string
}

// goComments lists a Go file's comments line by line.
func goComments(t *testing.T, p string) []comment {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, p, nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var out []comment
	for _, g := range f.Comments {
		for _, c := range g.List {
			line := fset.Position(c.Pos()).Line
			for k, text := range strings.Split(c.Text, "\n") {
				out = append(out, comment{line + k, text})
			}
		}
	}
	return out
}

// yamlComments lists what follows a # that starts a comment on each line
// of a YAML file (a # at the start of a line or after a space).
func yamlComments(t *testing.T, p string) []comment {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var out []comment
	for n, line := range strings.Split(string(data), "\n") {
		i := strings.Index(line, "#")
		for i > 0 && line[i-1] != ' ' && line[i-1] != '\t' {
			j := strings.Index(line[i+1:], "#")
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if i >= 0 {
			out = append(out, comment{n + 1, line[i+1:]})
		}
	}
	return out
}

// citations lists what is wrong with the files one comment line cites.
// A citation is a Go source or Markdown file (what a comment sends a
// reader to), or any path from a top-level folder of the repository
// ("content/scenarios/tutorial.yaml"). Other names of data files are
// examples, not citations: a file a user writes, a save's name, a
// fixture still to be added.
func citations(dir, text string, top map[string]bool) []string {
	var out []string
	if m := outsideNotes.FindString(text); m != "" {
		out = append(out, fmt.Sprintf("cites %s, which is not in the repository", m))
	}
	if commandLine.MatchString(text) {
		return out
	}
	text = url.ReplaceAllString(text, "")
	for _, ref := range fileRef.FindAllString(text, -1) {
		first, _, _ := strings.Cut(ref, "/")
		ext := path.Ext(ref)
		if outsideNotes.MatchString(ref) || ext != ".go" && ext != ".md" && !top[first] {
			continue
		}
		p := ref
		base := path.Base(p)
		if placeholder.MatchString(strings.TrimSuffix(base, path.Ext(base))) {
			p = path.Dir(p)
			if p == "." {
				continue
			}
		}
		if !exists(dir, p) {
			out = append(out, fmt.Sprintf("cites %s, which is not in the repository", ref))
		}
	}
	return out
}

// exists reports whether a cited path is in the repository: beside the
// citing file, or from the repository's root.
func exists(dir, p string) bool {
	for _, base := range []string{dir, root} {
		if _, err := os.Stat(filepath.Join(base, filepath.FromSlash(p))); err == nil {
			return true
		}
	}
	return false
}

// The checks must catch what they are for.
func TestCitationChecksCatchMistakes(t *testing.T) {
	dir := filepath.Join(root, "game")
	for _, tc := range []struct {
		text string
		bad  bool
	}{
		{"the stylized facts of GAME.md §6", true},
		{"see MODEL_SKETCH for the equations", true},
		{"game/model_economy.go has the model", true},
		{"the transitions are in phase.go", false},
		{"docs/model.md gives the equations", false},
		{"see errors.go, which is not here", false},
		{"see nosuch.go", true},
		{"content/playbooks/NAME.yaml", false},
		{"content/nosuch/NAME.yaml", true},
		{"content/scenarios/nosuch.yaml", true},
		{"check it: chokepoint scenario validate my-own.yaml", false},
		{"fact sheet: shared/facts/rare-earth-2025-2026.md", true},
		{"add testdata/format/v2.json for the new version", false},
		{`"Period 3" becomes "Period-3.json"`, false},
		{"DIR/autosave/ID-TIME-R.json", false},
		{"read https://example.org/a/b/nosuch.go", false},
	} {
		if got := len(citations(dir, tc.text, topFolders(t))) > 0; got != tc.bad {
			t.Errorf("%q: flagged %v, want %v", tc.text, got, tc.bad)
		}
	}
	page := filepath.Join(root, "docs", "rules.md")
	if checkLink(page, "model.md#no-such-heading") == nil {
		t.Error("a link to a missing heading passes")
	}
	if checkLink(page, "no-such-page.md") == nil {
		t.Error("a link to a missing page passes")
	}
	if err := checkLink(page, "model.md"); err != nil {
		t.Errorf("a link to a page that exists fails: %v", err)
	}
	if err := checkLink(page, "#the-turn"); err != nil {
		t.Errorf("a link to a heading of the same page fails: %v", err)
	}
	if got := slug("`chokepoint play`: a game in this terminal"); got != "chokepoint-play-a-game-in-this-terminal" {
		t.Errorf("slug %q", got)
	}
	if a := anchors([]byte("# x\n## x\n")); !a["x"] || !a["x-1"] {
		t.Errorf("a repeated heading is not numbered: %v", a)
	}
}
