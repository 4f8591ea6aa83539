package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds the loader arbitrary bytes, starting from the shipped
// scenarios and the broken files. The loader must never panic, and must
// either accept the input as a valid scenario or explain why with at least
// one placed problem.
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
	})
}

// FuzzWalkMatchesDecoder checks the walk against goccy's decoder: whatever
// shape the walk accepts, the decoder must decode. A failure means the
// walk misses a case, and a user would get the decoder's one-at-a-time
// message instead of the walk's.
func FuzzWalkMatchesDecoder(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > MaxFileSize || len(precheck(data)) > 0 {
			return
		}
		file, probs := parse(data)
		if len(probs) > 0 {
			return
		}
		body, probs := document(file)
		if len(probs) > 0 || aliasGrowth(body) > maxAliasNodes {
			return
		}
		w := newWalker()
		w.value(body, scenarioType, "$")
		if w.mismatch {
			return
		}
		if _, failed := decode(body, !w.unknown); failed != nil {
			t.Fatalf("the walk accepted what the decoder refuses: %+v", *failed)
		}
	})
}

// addSeeds starts a fuzz target from the shipped scenarios, the broken
// files and a few shapes the files lack: anchors, merge keys, tags.
func addSeeds(f *testing.F) {
	shipped, _ := fs.Glob(shippedFS, "scenarios/*.yaml")
	for _, name := range shipped {
		data, err := shippedFS.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
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
}
