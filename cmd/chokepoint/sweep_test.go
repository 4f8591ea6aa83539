package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/chokepoint-game/chokepoint/content"
	"golang.org/x/net/html"
)

// pdSweep is a small sweep whose numbers do not move with the economy
// model: the prisoner's dilemma's payoff table over both seats' starting
// tariffs.
var pdSweep = []string{"sweep", "--scenario", "prisoners-dilemma", "--games", "3",
	"--param", "seats.us.start.tariff=low,high", "--param", "seats.prc.start.tariff=low:high"}

// ecoSweep is a sweep of the default scenario, cut short to stay quick:
// a model parameter on a grid and the PRC's starting licences.
var ecoSweep = []string{"sweep", "--games", "5", "--turns", "3",
	"--param", "model.params.tariff-elasticity=0.5:3:3", "--param", "seats.prc.start.licensing=open:deny"}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := chokepoint(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	return out
}

func with(base []string, more ...string) []string {
	return append(append([]string(nil), base...), more...)
}

func TestSweepGolden(t *testing.T) {
	t.Run("csv", func(t *testing.T) { golden.RequireEqual(t, []byte(mustRun(t, with(pdSweep, "--csv")...))) })
	t.Run("json", func(t *testing.T) { golden.RequireEqual(t, []byte(mustRun(t, with(pdSweep, "--json")...))) })
	t.Run("summary", func(t *testing.T) { golden.RequireEqual(t, []byte(mustRun(t, pdSweep...))) })
}

// The points, their statistics and the charts do not depend on how many
// games run at once.
func TestSweepSameWhateverTheWorkers(t *testing.T) {
	one := mustRun(t, with(ecoSweep, "--json", "--workers", "1")...)
	for _, w := range []string{"2", "7"} {
		if got := mustRun(t, with(ecoSweep, "--json", "--workers", w)...); got != one {
			t.Errorf("--workers %s gives other results than --workers 1", w)
		}
	}
	lhs := with(ecoSweep[:5], "--samples", "6", "--param", "model.params.trade-drag=0.5:2", "--param", "seats.prc.start.licensing=open:deny", "--json")
	if a, b := mustRun(t, with(lhs, "--workers", "1")...), mustRun(t, with(lhs, "--workers", "3")...); a != b {
		t.Errorf("a Latin hypercube's results depend on the workers")
	}
}

// shardRuns runs args as n shards writing raw files and returns their
// paths, in the order given to merge: backwards, to show order does not
// matter.
func shardRuns(t *testing.T, args []string, n int) []string {
	t.Helper()
	dir := t.TempDir()
	var files []string
	for k := n; k >= 1; k-- {
		f := filepath.Join(dir, "part"+string(rune('0'+k))+".jsonl")
		out := mustRun(t, with(args, "--shard", string(rune('0'+k))+"/"+string(rune('0'+n)), "--raw", f, "--workers", "2")...)
		if out != "" {
			t.Fatalf("a shard printed %q", out)
		}
		files = append(files, f)
	}
	return files
}

func TestShardsMergeToTheSingleRun(t *testing.T) {
	simArgs := []string{"sim", "--games", "7", "--seats", "all=opportunist", "--turns", "4"}
	files := shardRuns(t, simArgs, 3)
	for _, format := range [][]string{nil, {"--json"}} {
		want := mustRun(t, with(simArgs, format...)...)
		if got := mustRun(t, with(append([]string{"merge"}, format...), files...)...); got != want {
			t.Errorf("merge %v differs from the single run:\n%s\nwant\n%s", format, got, want)
		}
	}
	// More shards than games: a shard may play none.
	few := []string{"sim", "--games", "2", "--turns", "1"}
	if got, want := mustRun(t, with([]string{"merge"}, shardRuns(t, few, 3)...)...), mustRun(t, few...); got != want {
		t.Errorf("merging shards of which one is empty differs from the single run")
	}
	// More shards than points: some shards split a point, some hold
	// none of its end.
	files = shardRuns(t, ecoSweep, 4)
	dir := t.TempDir()
	for _, format := range [][]string{nil, {"--json"}, {"--csv"}, {"--outcome", "us.industry", "--outcome", "world.resolve"}} {
		want := mustRun(t, with(ecoSweep, format...)...)
		if got := mustRun(t, with(append([]string{"merge"}, format...), files...)...); got != want {
			t.Errorf("merge %v differs from the single sweep:\n%s\nwant\n%s", format, got, want)
		}
	}
	a, b := filepath.Join(dir, "a.html"), filepath.Join(dir, "b.html")
	mustRun(t, with(ecoSweep, "--html", a)...)
	mustRun(t, with(append([]string{"merge", "--html", b}, files...))...)
	pa, _ := os.ReadFile(a)
	pb, _ := os.ReadFile(b)
	if len(pa) == 0 || string(pa) != string(pb) {
		t.Errorf("merged HTML differs from the single sweep's")
	}
	// One raw file of the whole run merges to the run too.
	whole := filepath.Join(dir, "whole.jsonl")
	want := mustRun(t, with(ecoSweep, "--csv", "--raw", whole)...)
	if got := mustRun(t, "merge", "--csv", whole); got != want {
		t.Errorf("merging a whole run's raw file differs from the run")
	}
}

func TestMergeRefusesIncompleteOrMixedShards(t *testing.T) {
	simArgs := []string{"sim", "--games", "4", "--turns", "2"}
	files := shardRuns(t, simArgs, 3)
	other := shardRuns(t, []string{"sim", "--games", "5", "--turns", "2"}, 3)
	dir := t.TempDir()
	cut := filepath.Join(dir, "cut.jsonl")
	data, _ := os.ReadFile(files[0])
	os.WriteFile(cut, data[:len(data)-10], 0o644)
	garbage := writeFile(t, "g.jsonl", "hello\n")
	sweepRaw := filepath.Join(dir, "sweep.jsonl")
	mustRun(t, with(ecoSweep, "--raw", sweepRaw, "--csv")...)
	data, _ = os.ReadFile(sweepRaw)
	damaged := filepath.Join(dir, "damaged.jsonl")
	os.WriteFile(damaged, []byte(strings.Replace(string(data), `"steps":3`, `"steps":-5`, 1)), 0o644)
	cases := []struct {
		files []string
		want  string
	}{
		{files[:2], "shards missing: 1 of 3"},
		{append(files, files[0]), "shard 3/3 is also in"},
		{[]string{files[0], files[1], other[2]}, "not a shard of the same run"},
		{[]string{cut, files[1], files[2]}, "cut short"},
		{[]string{garbage}, "not a raw results file"},
		{[]string{damaged}, "the sweep's plan in the raw files is damaged"},
		{[]string{sweepRaw, files[0]}, "not a shard of the same run"},
		{[]string{filepath.Join(dir, "none.jsonl")}, "cannot read"},
	}
	for _, c := range cases {
		code, out, errs := chokepoint(t, append([]string{"merge"}, c.files...)...)
		if code == 0 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("merge %v: exit %d, stdout %q, stderr %q; want one line with %q", c.files, code, out, errs, c.want)
		}
	}
	if code, _, errs := chokepoint(t, "merge", "--csv", files[0], files[1], files[2]); code != exitUsage || !strings.Contains(errs, "for sweeps") {
		t.Errorf("merge --csv of sim shards: exit %d, %q", code, errs)
	}
}

func TestSweepBadCommandLines(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{nil, "name at least one assumption"},
		{[]string{"--param", "model.params.nosuch=1:2:3"}, `has no parameter "nosuch" (parameters: `},
		{[]string{"--param", "model.params.tariff-elasticity=1:20:3"}, "tariff-elasticity must be between 0 and 10"},
		{[]string{"--param", "model.params.tariff-elasticity=2:1:3"}, "LO must be below HI"},
		{[]string{"--param", "model.params.tariff-elasticity=1:2:1"}, "STEPS must be a whole number from 2"},
		{[]string{"--param", "model.params.tariff-elasticity=1:2"}, "write LO:HI:STEPS"},
		{[]string{"--param", "model.params.tariff-elasticity=a:2:3"}, "LO and HI must be numbers"},
		{[]string{"--param", "tariff-elasticity"}, "write PATH=RANGE"},
		{[]string{"--param", "model.tariff-elasticity=1:2:3"}, "the path must be model.params.NAME or seats.SEAT.start.LEVER[.TARGET]"},
		{[]string{"--param", "seats.mars.start.licensing=open:deny"}, `has no seat "mars"`},
		{[]string{"--param", "seats.prc.start.warp=open:deny"}, `has no lever "warp"`},
		{[]string{"--param", "seats.prc.start.licensing=open:never"}, `has no level "never" (levels: `},
		{[]string{"--param", "seats.prc.start.licensing=open"}, "name two levels or more"},
		{[]string{"--param", "seats.prc.start.licensing.mars=open:deny"}, `no seat "mars" to set licensing towards`},
		{[]string{"--param", "seats.us.start.licensing=open:deny"}, "point 0 (seats.us.start.licensing=open): $.seats[0].start.licensing"},
		{[]string{"--param", "model.params.tariff-elasticity=1:2:3", "--param", "model.params.tariff-elasticity=1:2:3"}, "given twice"},
		{[]string{"--param", "model.params.tariff-elasticity=1:2:3", "--samples", "1"}, "--samples must be between 2"},
		{[]string{"--param", "model.params.tariff-elasticity=1:2:3", "--csv", "--json"}, "choose one"},
		{[]string{"--param", "model.params.tariff-elasticity=1:2:3", "--shard", "3/2", "--raw", "x"}, `--shard: "3/2": K must be between 1 and N`},
		{[]string{"--param", "model.params.tariff-elasticity=1:2:3", "--shard", "1/2"}, "give one"},
		{[]string{"--param", "model.params.tariff-elasticity=1:2:3", "--shard", "x"}, `"x" is not K/N`},
		{[]string{"--param", "model.params.tariff-elasticity=1:2:3", "--shard", "1/2", "--raw", "x", "--csv"}, "give --json, --csv, --html and --outcome to chokepoint merge"},
		{[]string{"--param", "model.params.tariff-elasticity=1:2:3", "--outcome", "us.nosuch"}, `a seat has no indicator "nosuch"`},
		{[]string{"--param", "model.params.tariff-elasticity=1:2:3", "--games", "0"}, "--games must be between 1"},
		{[]string{"--param", "model.params.tariff-elasticity=1:2:3", "--seats", "us=genius"}, `unknown player "genius"`},
		{[]string{"--scenario", "prisoners-dilemma", "--param", "model.params.x=1:2:3"}, "has no parameters"},
	}
	for _, c := range cases {
		args := append([]string{"sweep", "--games", "1", "--turns", "1"}, c.args...)
		code, out, errs := chokepoint(t, args...)
		if code != exitUsage || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and one line with %q", c.args, code, out, errs, c.want)
		}
	}
	for _, c := range [][]string{{"--shard", "1/2"}, {"--tournament", "--raw", "x"}, {"--shard", "1/2", "--raw", "x", "--json"}} {
		if code, _, errs := chokepoint(t, append([]string{"sim"}, c...)...); code != exitUsage || strings.Count(errs, "\n") != 1 {
			t.Errorf("sim %v: exit %d, %q", c, code, errs)
		}
	}
}

// The page is HTML that a parser reads whole: a figure per chart, each
// with exactly one svg, no script, and nothing it would fetch.
func TestSweepHTML(t *testing.T) {
	page := filepath.Join(t.TempDir(), "s.html")
	mustRun(t, with(ecoSweep, "--html", page, "--outcome", "us.industry")...)
	f, err := os.Open(page)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	var figures, svgs, tornados int
	var walk func(n *html.Node, inFigure *int)
	walk = func(n *html.Node, inFigure *int) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "link", "iframe", "img", "object", "embed":
				t.Errorf("the page has a <%s>", n.Data)
			case "figure":
				figures++
				count := 0
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c, &count)
				}
				if count != 1 {
					t.Errorf("a figure holds %d svg elements, want 1", count)
				}
				return
			case "svg":
				svgs++
				if inFigure != nil {
					*inFigure++
				}
				for _, a := range n.Attr {
					if a.Key == "aria-label" && strings.HasPrefix(a.Val, "Tornado chart of ") {
						tornados++
					}
				}
			}
			for _, a := range n.Attr {
				if a.Key == "src" || a.Key == "href" || strings.HasPrefix(a.Key, "on") || strings.Contains(a.Val, "url(") || strings.Contains(a.Val, "javascript:") {
					t.Errorf("<%s %s=%q> refers to something outside the page or runs code", n.Data, a.Key, a.Val)
				}
			}
		}
		if n.Type == html.TextNode && n.Parent != nil && n.Parent.Data == "style" && (strings.Contains(n.Data, "url(") || strings.Contains(n.Data, "@import")) {
			t.Errorf("the style sheet fetches something")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inFigure)
		}
	}
	walk(doc, nil)
	// A tornado for each seat's score and win share, each world indicator
	// and us.industry; a line chart per assumption (two) of the scores,
	// the win shares, each world indicator and us.industry.
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	nWorld := len(sc.Public().World)
	wantT := 2*len(sc.Seats) + nWorld + 1
	wantF := wantT + 2*(2+nWorld+1)
	if tornados != wantT || figures != wantF || svgs != figures {
		t.Errorf("%d tornados, %d figures, %d svg elements; want %d, %d, %d", tornados, figures, svgs, wantT, wantF, wantF)
	}
}

// The examples in sweep's help run, cut short.
func TestSweepHelpExamplesRun(t *testing.T) {
	dir := t.TempDir()
	text := strings.ReplaceAll(newSweepCmd().Example, "\\\n", " ")
	n := 0
	for _, line := range strings.Split(text, "\n") {
		args := strings.Fields(line)
		if len(args) < 2 || args[0] != "chokepoint" {
			continue
		}
		args = args[1:]
		if i := slices.Index(args, ">"); i >= 0 {
			args = args[:i]
		}
		for i, a := range args {
			if strings.HasSuffix(a, ".html") {
				args[i] = filepath.Join(dir, a)
			}
		}
		n++
		mustRun(t, with(args, "--games", "1", "--turns", "1")...)
	}
	if n != 3 {
		t.Errorf("%d examples found, want 3", n)
	}
}
