package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The README's sample runs of sim (a table of 200 games, a tournament) are
// what the program prints for the command shown above them, so that a
// change to the model or the AI cannot leave them stale. After such a
// change, rewrite them with
//
//	go test ./cmd/chokepoint -run TestREADMESamples -update-docs
func TestREADMESamples(t *testing.T) {
	if testing.Short() {
		t.Skip("plays a tournament of 770 games")
	}
	samples := []struct {
		block string
		args  []string
	}{
		{"readme-sim", []string{"sim", "--games", "200", "--seats", "prc=playbook:embargo"}},
		{"readme-tournament", []string{"sim", "--tournament", "--games", "1"}},
	}
	readmePath := filepath.Join("..", "..", "README.md")
	data, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	for _, s := range samples {
		body := "$ chokepoint " + strings.Join(s.args, " ") + "\n" + mustRun(t, s.args...)
		if *updateDocs {
			readme = replaceBlock(t, readme, s.block, body)
			continue
		}
		if got := block(t, readme, s.block); got != body {
			t.Errorf("the README's %s is not what the program prints; it should read:\n%s", s.block, body)
		}
	}
	if *updateDocs {
		if err := os.WriteFile(readmePath, []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestREADMECommandFlags: every flag the README and the pages of docs/
// give a chokepoint command on the same line (the command list, the
// examples, the prose) is a flag of that command, subcommands included
// ("saves list --json").
func TestREADMECommandFlags(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("..", "..", "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, page := range append([]string{filepath.Join("..", "..", "README.md")}, pages...) {
		checked += checkCommandFlags(t, page)
	}
	if checked < 50 {
		t.Errorf("only %d flags checked: the README's commands were not found", checked)
	}
}

// checkCommandFlags checks the flags of the chokepoint commands in one
// Markdown file and returns how many it checked.
func checkCommandFlags(t *testing.T, file string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	root := newRootCmd()
	cmdRE := regexp.MustCompile(`\bchokepoint((?: [a-z][a-z-]*)+)((?: +[^ |#` + "`" + `;&)]+)*)`)
	flagRE := regexp.MustCompile(`(?:^|[\s\[|])(--[a-z][a-z-]*)`)
	checked := 0
	for n, line := range strings.Split(strings.ReplaceAll(string(data), "\\\n", " "), "\n") {
		for _, m := range cmdRE.FindAllStringSubmatch(line, -1) {
			sub, rest, err := root.Find(strings.Fields(m[1]))
			if err != nil || sub == root {
				continue // "chokepoint is a game", not a command
			}
			args := strings.Join(rest, " ") + m[2]
			for _, f := range flagRE.FindAllStringSubmatch(args, -1) {
				name := strings.TrimPrefix(f[1], "--")
				if sub.Flags().Lookup(name) == nil && sub.InheritedFlags().Lookup(name) == nil {
					t.Errorf("%s:%d: %s has no flag --%s", filepath.Base(file), n+1, sub.CommandPath(), name)
				}
				checked++
			}
		}
	}
	return checked
}
