package main

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

var updateSample = flag.Bool("update-sample", false, "write docs/sample-report.html and docs/sample-report.md afresh")

// sampleCommands are the commands docs/report-format.md and the README
// give for the sample report; SAVE and DOCS stand for the save's path
// and the docs folder.
var sampleCommands = [][]string{
	{"sim", "--games", "1", "--seed", "2", "--seats", "us=win-stay-lose-shift,prc=random,all=dove", "--save", "SAVE"},
	{"report", "SAVE", "-o", "DOCS/sample-report.html"},
	{"report", "SAVE", "-o", "DOCS/sample-report.md"},
}

// TestSampleReport runs the documented commands and compares what they
// write with the committed sample, which is also the golden file of the
// report of a fixed game (an AI-only game of rare-earth-card, seed 2) in
// Markdown and HTML. -update-sample writes the sample afresh.
func TestSampleReport(t *testing.T) {
	tmp := t.TempDir()
	save := filepath.Join(tmp, "sample-game.json")
	out := tmp
	if *updateSample {
		out = filepath.Join("..", "..", "docs")
	}
	for _, c := range sampleCommands {
		args := make([]string, len(c))
		for k, a := range c {
			a = strings.ReplaceAll(a, "SAVE", save)
			args[k] = strings.ReplaceAll(a, "DOCS", out)
		}
		if code, _, errs := chokepoint(t, args...); code != 0 {
			t.Fatalf("chokepoint %s: exit %d: %s", strings.Join(c, " "), code, errs)
		}
	}
	if *updateSample {
		return
	}
	for _, name := range []string{"sample-report.html", "sample-report.md"} {
		got, err := os.ReadFile(filepath.Join(tmp, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", "docs", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("docs/%s is not what the documented commands make now (line %d differs); run go test ./cmd/chokepoint -run TestSampleReport -update-sample", name, firstDiffLine(got, want))
		}
	}
}

func firstDiffLine(a, b []byte) int {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for k := range min(len(la), len(lb)) {
		if la[k] != lb[k] {
			return k + 1
		}
	}
	return min(len(la), len(lb)) + 1
}

// reportSave writes a short finished game to a save file.
func reportSave(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "game.json")
	code, _, errs := chokepoint(t, "sim", "--games", "1", "--seed", "3", "--scenario", "tutorial", "--seats", "all=tit-for-tat", "--save", path)
	if code != 0 {
		t.Fatalf("sim: exit %d: %s", code, errs)
	}
	return path
}

func TestReportFormats(t *testing.T) {
	path := reportSave(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "# After-action report: "},
		{[]string{"--format", "md"}, "# After-action report: "},
		{[]string{"--format", "html"}, "<!DOCTYPE html>"},
		{[]string{"--format", "json"}, "{\n  \"format\": \"chokepoint-report\""},
	} {
		code, out, errs := chokepoint(t, append([]string{"report", path}, c.args...)...)
		if code != 0 || !strings.HasPrefix(out, c.want) || errs != "" {
			t.Errorf("report %v: exit %d, stderr %q, output %.60q", c.args, code, errs, out)
		}
	}
	// Without --format, the output's name picks it.
	dir := t.TempDir()
	for name, want := range map[string]string{"r.html": "<!DOCTYPE html>", "r.htm": "<!DOCTYPE html>", "r.json": "{", "r.md": "# ", "r.txt": "# "} {
		out := filepath.Join(dir, name)
		if code, _, errs := chokepoint(t, "report", path, "-o", out); code != 0 {
			t.Fatalf("-o %s: exit %d: %s", name, code, errs)
		}
		data, err := os.ReadFile(out)
		if err != nil || !strings.HasPrefix(string(data), want) {
			t.Errorf("-o %s: %v, %.40q", name, err, data)
		}
	}
	// A save found by name in the save directory.
	store := t.TempDir()
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(filepath.Join(store, "lesson-one.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := chokepoint(t, "report", "lesson-one", "--save-dir", store); code != 0 || !strings.HasPrefix(out, "# ") {
		t.Errorf("by name: exit %d: %s", code, errs)
	}
}

// TestReportBadInput: each fault is one line on stderr and exit 1 (a
// mistake in the command line, 2), and nothing is written.
func TestReportBadInput(t *testing.T) {
	good := reportSave(t)
	dir := t.TempDir()
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	damaged := filepath.Join(dir, "damaged.json")
	if err := os.WriteFile(damaged, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	altered := filepath.Join(dir, "altered.json")
	if err := os.WriteFile(altered, bytes.Replace(data, []byte(`"seed": 3`), []byte(`"seed": 4`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.json")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	existing := filepath.Join(dir, "old-report.md")
	if err := os.WriteFile(existing, []byte("earlier report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		code int
		want string // in the one line on stderr
	}{
		{"missing save", []string{"report", filepath.Join(dir, "nope.json")}, 1, "nope.json: no such file"},
		{"missing name", []string{"report", "no-such-game", "--save-dir", dir}, 1, "no-such-game: no such file, and no save of that name"},
		{"damaged save", []string{"report", damaged}, 1, "damaged.json: "},
		{"altered save", []string{"report", altered}, 1, "altered"},
		{"empty save", []string{"report", empty}, 1, "empty.json: "},
		{"a directory as the save", []string{"report", dir}, 1, "is a directory, not a save"},
		{"output is a directory", []string{"report", good, "-o", dir}, 1, "is a directory; -o takes the name of the report file"},
		{"output in a missing directory", []string{"report", good, "-o", filepath.Join(dir, "no", "such", "r.html")}, 1, "cannot write the report"},
		{"output under a file", []string{"report", good, "-o", filepath.Join(existing, "r.html")}, 1, "cannot write the report"},
		{"bad save over an earlier report", []string{"report", damaged, "-o", existing}, 1, "damaged.json: "},
		{"output over the save", []string{"report", good, "-o", good, "--format", "json"}, 1, "is the save the report is of"},
		{"unknown format", []string{"report", good, "--format", "pdf"}, 2, "--format must be md, html or json"},
		{"no save", []string{"report"}, 2, "needs one save file or name"},
	}
	if runtime.GOOS != "windows" && os.Getuid() != 0 {
		locked := filepath.Join(dir, "locked")
		if err := os.Mkdir(locked, 0o500); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, struct {
			name string
			args []string
			code int
			want string
		}{"output in a read-only directory", []string{"report", good, "-o", filepath.Join(locked, "r.md")}, 1, "cannot write the report: permission denied"})
	}
	for _, c := range cases {
		code, out, errs := chokepoint(t, c.args...)
		if code != c.code || out != "" || !strings.Contains(errs, c.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%s: exit %d, stdout %.40q, stderr %q; want exit %d and one line with %q", c.name, code, out, errs, c.code, c.want)
		}
	}
	if got, _ := os.ReadFile(good); !bytes.Equal(got, data) {
		t.Error("a report was written over the save")
	}
	if got, _ := os.ReadFile(existing); string(got) != "earlier report\n" {
		t.Errorf("a failed report changed the earlier one: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("a temporary file is left: %s", e.Name())
		}
	}
}

// BenchmarkReportCommand is the whole `chokepoint report` of a finished
// rare-earth-card game (the sample's), process start included: the
// program is built once, then run once per iteration for each format.
func BenchmarkReportCommand(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "chokepoint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Skipf("cannot build the program: %v\n%s", err, out)
	}
	save := filepath.Join(dir, "sample-game.json")
	args := slices.Clone(sampleCommands[0])
	args[len(args)-1] = save
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		b.Fatalf("%v: %s", err, out)
	}
	for _, f := range []string{"md", "html", "json"} {
		b.Run(f, func(b *testing.B) {
			out := filepath.Join(dir, "report."+f)
			for b.Loop() {
				if msg, err := exec.Command(bin, "report", save, "--format", f, "-o", out).CombinedOutput(); err != nil {
					b.Fatalf("%v: %s", err, msg)
				}
			}
		})
	}
}
