package saves_test

import (
	"path/filepath"
	"testing"

	"github.com/chokepoint-game/chokepoint/saves"
)

// The budgets for a finished game of the default scenario (rare-earth-card,
// six AI seats, about 330 commands): saving and loading with the full
// replay check each under 20 ms.

// BenchmarkSaveFinishedGame measures writing the save of a finished game
// into a store: encoding it and the atomic write with its two fsyncs
// (which dominate on a slow disk). The checks are already recorded, as
// they are for a game the table records as it goes.
func BenchmarkSaveFinishedGame(b *testing.B) {
	s := recorded(b)
	st := &saves.Store{Dir: b.TempDir(), Keep: 1}
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		if _, err := st.Autosave(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeFinishedGame is the encoding alone, without the disk.
func BenchmarkEncodeFinishedGame(b *testing.B) {
	s := recorded(b)
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		if _, err := s.Marshal(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadFinishedGame measures Load: reading the file, decoding it,
// finding the scenario (the shipped one, since the copy's digest matches,
// already parsed by an earlier load) and replaying every command with a
// hash at every phase change.
func BenchmarkLoadFinishedGame(b *testing.B) {
	s := recorded(b)
	path := filepath.Join(b.TempDir(), "game.json")
	if err := saves.WriteFile(path, s); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		if _, err := saves.Load(path); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstLoadFinishedGame is BenchmarkLoadFinishedGame in a
// process that has not loaded the scenario yet: the scenario's YAML is
// parsed too, as in `chokepoint play --continue` or `saves verify`.
// Later loads of saves of the same shipped scenario reuse it.
func BenchmarkFirstLoadFinishedGame(b *testing.B) {
	s := recorded(b)
	path := filepath.Join(b.TempDir(), "game.json")
	if err := saves.WriteFile(path, s); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		saves.ForgetShipped()
		if _, err := saves.Load(path); err != nil {
			b.Fatal(err)
		}
	}
}

// recorded is a finished game of the default scenario as the table would
// have recorded it.
func recorded(b *testing.B) *saves.Save {
	p := play(b, "rare-earth-card", 11, 0)
	s, err := saves.FromLog(p.src, p.log, p.seats)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d commands, %d checks", len(s.Commands), len(s.Checks))
	return s
}
