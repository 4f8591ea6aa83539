package report_test

import (
	"io"
	"testing"

	"github.com/chokepoint-game/chokepoint/report"
	"github.com/chokepoint-game/chokepoint/saves"
)

// BenchmarkReport is `chokepoint report` of a finished rare-earth-card
// game less the process start: read the save from its bytes (decode,
// replay, compare every recorded state), replay it once more from the
// facilitator's view for the analysis, and write the report.
func BenchmarkReport(b *testing.B) {
	data, err := fixedSave(b).Marshal()
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range report.Formats {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			defer reportCPU(b)()
			for b.Loop() {
				s, err := saves.Read("game.json", data)
				if err != nil {
					b.Fatal(err)
				}
				r, err := report.FromSave(s)
				if err != nil {
					b.Fatal(err)
				}
				if err := r.Write(io.Discard, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
