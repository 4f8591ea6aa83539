package saves_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chokepoint-game/chokepoint/saves"
)

var update = flag.Bool("update", false, "rewrite the fixture of the present format version")

// fixture is the file of a format version's fixture.
func fixture(v int) string {
	return filepath.Join("testdata", "format", fmt.Sprintf("v%d.json", v))
}

// Every format version this program has ever written has a fixture, and
// each loads (migrated to the present version) and verifies. The present
// version's fixture is also exactly what the writer makes of it, so a
// change of layout shows up here.
//
// A fixture also fails when the engine changes what a game's states
// hash to: then every save written before the change stops loading, which
// is a decision to take knowingly. `go test ./saves -run
// TestFormatFixtures -update` rewrites the present version's fixture.
func TestFormatFixtures(t *testing.T) {
	if *update {
		writeFixture(t)
	}
	for v := 1; v <= saves.Version; v++ {
		t.Run(fmt.Sprintf("v%d", v), func(t *testing.T) {
			s, err := saves.Load(fixture(v))
			if err != nil {
				t.Fatal(err)
			}
			if s.Name != "fixture" || len(s.Commands) == 0 || len(s.Checks) < 3 || !s.Verified() {
				t.Errorf("the fixture loads to %v", s)
			}
			if v != saves.Version {
				return
			}
			want, _ := os.ReadFile(fixture(v))
			got, err := s.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("the writer no longer writes %s as it is: a layout change needs a new fixture (-update) and perhaps a new version", fixture(v))
			}
		})
	}
}

// Each version before the present one has a migration to the next.
func TestMigrationsCoverEveryVersion(t *testing.T) {
	for v := 1; v < saves.Version; v++ {
		if !saves.HasMigration(v) {
			t.Errorf("no migration from format version %d", v)
		}
	}
	if saves.HasMigration(saves.Version) {
		t.Errorf("a migration from the present version %d", saves.Version)
	}
}

// writeFixture writes the present version's fixture: three turns of the
// prisoner's dilemma between two AIs, with fixed id and times.
func writeFixture(t *testing.T) {
	p := play(t, "prisoners-dilemma", 3, 3)
	s, err := saves.FromLog(p.src, p.log, p.seats)
	if err != nil {
		t.Fatal(err)
	}
	s.ID, s.Name, s.Program = "0123456789abcdef", "fixture", "v0.1.0"
	s.Created = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	s.Updated = s.Created.Add(50 * time.Minute)
	s.Seats[0].Person = "Ada"
	data, err := s.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(fixture(saves.Version)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fixture(saves.Version), data, 0o644); err != nil {
		t.Fatal(err)
	}
}
