package tui

import (
	"runtime"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkGameScreen200x60 draws the game screen of the default scenario
// in negotiation at 200x60. Budget: under 2 ms.
func BenchmarkGameScreen200x60(b *testing.B) {
	h := newHarness(b, 200, 60)
	spec, err := SoloSpec("rare-earth-card", "us", 1, nil)
	if err != nil {
		b.Fatal(err)
	}
	h.start(spec)
	h.key("enter")
	if h.m.cur != scrGame {
		b.Fatalf("on screen %v", h.m.Status())
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = h.m.View()
	}
}

// BenchmarkFirstFrame is the work from a new model to its first frame:
// the title screen, as a bare chokepoint shows it. Budget, with the
// process start: under 200 ms.
func BenchmarkFirstFrame(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		m := New(Options{})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}

// BenchmarkFirstGameFrame is chokepoint play up to its first game frame:
// loading the default scenario, opening the table with six AI seats and
// drawing the first screen.
func BenchmarkFirstGameFrame(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		m := New(Options{})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		spec, err := SoloSpec("rare-earth-card", "us", 1, nil)
		if err != nil {
			b.Fatal(err)
		}
		m.Update(m.start(spec)())
		s := m.env.sess
		u := <-s.seats[s.humans[0]].Updates()
		m.Update(updateMsg{gen: s.gen, seat: s.humans[0], u: u, ok: true})
		_ = m.View()
		m.Close()
	}
}

// BenchmarkWholeGame plays the default scenario to its end through the
// interface, as the player would with r and enter, and reports the
// memory the process holds from the system afterwards. Budget: under
// 60 MB.
func BenchmarkWholeGame(b *testing.B) {
	var sys uint64
	for b.Loop() {
		h := newHarness(b, 120, 40)
		spec, err := SoloSpec("rare-earth-card", "us", 1, nil)
		if err != nil {
			b.Fatal(err)
		}
		h.start(spec)
		h.key("enter")
		for range 12 * 6 {
			if h.m.cur == scrDebrief {
				break
			}
			switch h.m.cur {
			case scrOrders:
				h.key("enter")
			case scrReport:
				h.key("r")
			default:
				h.key("r")
			}
			_ = h.m.View()
		}
		if h.m.cur != scrDebrief {
			b.Fatalf("the game did not end: %+v", h.m.Status())
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		sys = max(sys, ms.Sys)
		h.m.Close()
	}
	b.ReportMetric(float64(sys)/(1<<20), "MB-sys")
}
