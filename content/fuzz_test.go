package content

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/chokepoint-game/chokepoint/game"
)

// FuzzLoad feeds the loader arbitrary bytes, starting from small
// scenarios and the broken files. The loader must never panic, and must
// either accept the input as a valid scenario or explain why with at least
// one placed problem. The seeds are kept small (the shipped scenarios are
// tested elsewhere): the fuzzer spends its first seconds minimising any
// seed that finds something new, and a large one would use up a short run.
func FuzzLoad(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := Load("fuzz.yaml", data)
		if err == nil {
			if sc == nil || !sc.Valid() {
				t.Fatal("no error, but no valid scenario")
			}
			return
		}
		if sc != nil {
			t.Fatal("a scenario returned with an error")
		}
		checkProblems(t, err)
	})
}

// FuzzWalkMatchesDecoder checks the walk, which decodes by itself so that
// it can report every mistake, against the YAML library's own decoder:
// whatever the walk reads without a problem, the library must decode to
// the same scenario. A failure means the walk reads YAML differently from
// the reference (a merge key, a number's spelling, an alias). One
// difference is meant: an empty item of a list (- with nothing after it)
// is an empty value to the walk, which keeps item k of the file at index
// k for the checks and their messages, while the library drops it.
func FuzzWalkMatchesDecoder(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > MaxFileSize || len(precheck(data)) > 0 {
			return
		}
		body, probs := parse(data, "scenario", "")
		if len(probs) > 0 || len(expansion(body, "scenario")) > 0 || hasEmptyItem(body, 0) {
			return
		}
		w := newWalker("scenario")
		var ours game.Scenario
		w.value(body, reflect.ValueOf(&ours).Elem(), "$", false)
		if len(w.probs) > 0 || len(w.failed) > 0 {
			return
		}
		var ref game.Scenario
		if err := yaml.Unmarshal(data, &ref); err != nil {
			if strings.Contains(err.Error(), "alias") {
				return // the library's own, lower, bound on aliases
			}
			t.Fatalf("the walk read what the library refuses: %v", err)
		}
		if !reflect.DeepEqual(ours, ref) {
			t.Fatalf("the walk and the library disagree:\nwalk:    %+v\nlibrary: %+v", ours, ref)
		}
	})
}

// checkProblems checks that a loader's error lists placed problems.
func checkProblems(t *testing.T, err error) {
	t.Helper()
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("error %T is not a *content.Error: %v", err, err)
	}
	if len(ce.Problems) == 0 {
		t.Fatal("an error without problems")
	}
	for _, p := range ce.Problems {
		// Line 0 is for problems of the whole file, which name no field.
		if p.Line < 0 || p.Line == 0 && p.Path != "" || p.Line > 0 && p.Col < 1 {
			t.Fatalf("misplaced problem %+v", p)
		}
	}
}

// addSeeds starts a fuzz target from small files: the tiny scenario, the
// broken files and a few shapes they lack: anchors, merge keys, tags,
// numbers in YAML's other spellings.
func addSeeds(f *testing.F) {
	broken, _ := filepath.Glob(filepath.Join("testdata", "broken", "*.yaml"))
	for _, name := range broken {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(tiny))
	f.Add([]byte(tiny + "debrief: &q [a, b]\nbriefing: !!str 10\nworld: {<<: {resolve: 0.5}}\n"))
	f.Add([]byte(tiny + "deck:\n  chance: 0.5\n  events:\n    - &e {id: a, title: A, weight: 1, effects: [{seat: us, indicator: economy, add: 1}]}\n    - <<: *e\n      id: b\n"))
	f.Add([]byte(tiny + "world: {price-world: 1_000, resolve: .5, prc-share: 0x1}\nnegotiation: {rounds: 0o3, clock-seconds: 29e1}\n"))
	f.Add([]byte("\ufeffid: x\ntitle: \"a\\tb\"\nturns: ~\n"))
}

// hasEmptyItem reports a list with a null item anywhere in n.
func hasEmptyItem(n *yaml.Node, depth int) bool {
	if n == nil || depth > 100 {
		return false
	}
	for _, c := range n.Content {
		if n.Kind == yaml.SequenceNode && isNull(c) || hasEmptyItem(c, depth+1) {
			return true
		}
	}
	return n.Kind == yaml.AliasNode && hasEmptyItem(n.Alias, depth+1)
}
