package main

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite the README's sample runs (sim, tournament, the worked sweep) and docs/sensitivity-sample.html from the program's output")

// workedSweep is the README's worked sweep for analysts.
var workedSweep = []string{"sweep", "--games", "20",
	"--param", "model.params.tariff-elasticity=0.5:3:6", "--param", "seats.prc.start.licensing=open:deny",
	"--outcome", "prc.economy", "--outcome", "us.economy"}

const samplePage = "docs/sensitivity-sample.html"

// The README's worked sweep is what the program prints, and the sample
// page under docs/ is what its command writes. After a change to the
// model, rewrite both with
//
//	go test ./cmd/chokepoint -run TestAnalystDocs -update-docs
func TestAnalystDocs(t *testing.T) {
	if testing.Short() {
		t.Skip("plays 600 games")
	}
	readmePath := filepath.Join("..", "..", "README.md")
	data, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	summaryCmd := "$ chokepoint " + strings.Join(workedSweep, " ")
	csvCmd := summaryCmd + " --csv --html " + samplePage + " > sweep.csv"
	for _, c := range []string{summaryCmd + "\n", csvCmd + "\n", "](" + samplePage + ")"} {
		if !strings.Contains(readme, c) {
			t.Errorf("the README lacks %q", c)
		}
	}

	summary := mustRun(t, workedSweep...)
	page := filepath.Join(t.TempDir(), "page.html")
	csv := mustRun(t, with(workedSweep, "--csv", "--html", page)...)
	var head []string
	sc := bufio.NewScanner(strings.NewReader(csv))
	sc.Buffer(nil, 1<<20)
	for i := 0; i < 4 && sc.Scan(); i++ {
		head = append(head, strings.Join(strings.SplitN(sc.Text(), ",", 9)[:8], ","))
	}
	// The summary's table of what moves what, and its first tornado.
	blocks := map[string]string{
		"worked-sweep-summary": summary[:strings.Index(summary, "\nprc.economy  (")+1] + tornadoOf(summary, "prc.economy"),
		"worked-sweep-csv":     "$ head -4 sweep.csv | cut -d, -f1-8\n" + strings.Join(head, "\n") + "\n",
	}
	gotPage, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	pagePath := filepath.Join("..", "..", samplePage)
	if *updateDocs {
		for name, body := range blocks {
			readme = replaceBlock(t, readme, name, body)
		}
		if err := os.WriteFile(readmePath, []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(pagePath, gotPage, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for name, body := range blocks {
		if got := block(t, readme, name); got != body {
			t.Errorf("the README's %s is not what the program prints; it should read:\n%s", name, body)
		}
	}
	if want, err := os.ReadFile(pagePath); err != nil || string(want) != string(gotPage) {
		t.Errorf("%s is not what the README's command writes (%v)", samplePage, err)
	}
}

// tornadoOf cuts one outcome's tornado out of a sweep's summary.
func tornadoOf(summary, outcome string) string {
	i := strings.Index(summary, outcome+"  (")
	rest := summary[i:]
	if j := strings.Index(rest, "\n\n"); j >= 0 {
		rest = rest[:j+1]
	}
	return rest
}

func blockMarks(name string) (string, string) {
	return "<!-- " + name + " -->\n```text\n", "```\n<!-- /" + name + " -->"
}

func block(t *testing.T, readme, name string) string {
	open, end := blockMarks(name)
	i := strings.Index(readme, open)
	j := strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("the README has no block %s", name)
	}
	return readme[i+len(open) : j]
}

func replaceBlock(t *testing.T, readme, name, body string) string {
	old := block(t, readme, name)
	open, _ := blockMarks(name)
	return strings.Replace(readme, open+old, open+body, 1)
}

// The recipes in docs/shard and the README's analyst section use only
// flags the commands have.
func TestShardRecipesUseRealFlags(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "docs", "shard", "*"))
	if err != nil || len(files) < 4 {
		t.Fatalf("docs/shard holds %d files (%v)", len(files), err)
	}
	files = append(files, filepath.Join("..", "..", "README.md"), filepath.Join("..", "..", "docs", "workbench.md"))
	root := newRootCmd()
	flagRE := regexp.MustCompile(`(?:^|\s)(--[a-z][a-z-]*)`)
	checked := map[string]int{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// A command runs from "chokepoint sim|sweep|merge" to the end of
		// its line, continued by a backslash or folded YAML lines.
		text := strings.ReplaceAll(string(data), "\\\n", " ")
		lines := strings.Split(text, "\n")
		for i := 0; i < len(lines); i++ {
			line := lines[i]
			k := strings.Index(line, "chokepoint ")
			if k < 0 {
				continue
			}
			fields := strings.Fields(line[k:])
			if len(fields) < 2 || (fields[1] != "sim" && fields[1] != "sweep" && fields[1] != "merge") {
				continue
			}
			cmdText := line[k:]
			// A YAML folded scalar (>-) goes on over the lines indented
			// as deep as its first.
			indent := len(line) - len(strings.TrimLeft(line, " "))
			for i+1 < len(lines) && strings.HasSuffix(f, ".yaml") && len(lines[i+1])-len(strings.TrimLeft(lines[i+1], " ")) == indent && strings.TrimSpace(lines[i+1]) != "" {
				i++
				cmdText += " " + lines[i]
			}
			sub, _, err := root.Find([]string{fields[1]})
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range flagRE.FindAllStringSubmatch(cmdText, -1) {
				name := strings.TrimPrefix(m[1], "--")
				if sub.Flags().Lookup(name) == nil {
					t.Errorf("%s: chokepoint %s has no flag --%s", filepath.Base(f), fields[1], name)
				}
				checked[fields[1]]++
			}
		}
	}
	for _, c := range []string{"sweep", "merge"} {
		if checked[c] == 0 {
			t.Errorf("no flag of chokepoint %s was checked: the recipes' commands were not found", c)
		}
	}
}
