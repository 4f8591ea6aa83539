package tui

import (
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/game/table"
	"github.com/chokepoint-game/chokepoint/saves"
)

// frames times what the program does for each message: Update, then
// View (one frame). The table's work and the autosave's happen in
// commands and on the table's goroutines, as in the running program, and
// are not part of a frame.
type frames struct {
	h       *harness
	longest time.Duration
	all     []time.Duration
}

func (f *frames) frame(msg tea.Msg) tea.Cmd {
	t := time.Now()
	cmd := f.h.m.update(msg)
	_ = f.h.m.View()
	d := time.Since(t)
	f.longest = max(f.longest, d)
	f.all = append(f.all, d)
	return cmd
}

// key presses a key and follows what it sets off to the settled table,
// timing every frame, the autosave's report included.
func (f *frames) key(k string) {
	f.run(f.frame(keyMsg(k)))
	if s := f.h.m.env.sess; s != nil && s.saved != nil {
		select {
		case r, ok := <-s.saved:
			f.frame(autosavedMsg{gen: s.gen, savedReport: r, ok: ok})
		default:
		}
	}
}

func (f *frames) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			f.run(c)
		}
	case doneMsg:
		f.frame(msg)
		f.settle()
	case tea.QuitMsg:
	default:
		f.frame(msg)
	}
}

// settle is harness.settle with each update a timed frame.
func (f *frames) settle() {
	h := f.h
	s := h.m.env.sess
	deadline := time.After(10 * time.Second)
	for _, seat := range s.humans {
		ch := s.seats[seat].Updates()
		for {
			var u table.Update
			select {
			case u = <-ch:
			case <-deadline:
				h.t.Fatal("the table did not settle")
			}
			f.frame(updateMsg{gen: s.gen, seat: seat, u: u, ok: true})
			if seq, clock := h.tableNow(); settled(&u) && u.View.Seq == seq && u.Deadline.Equal(clock) {
				break
			}
		}
	}
}

// BenchmarkTurnChangeFrames plays turns of the default scenario (six AI
// seats) through the interface, as the player would with r, enter and r,
// and reports the longest frame of the turn changes: with every phase
// change autosaved to disk, and with no saving, to show the autosave
// costs the frames nothing (it runs on the table's saving goroutine).
// One op is one turn.
func BenchmarkTurnChangeFrames(b *testing.B) {
	for _, c := range []struct {
		name string
		save bool
	}{{"autosave", true}, {"no-save", false}} {
		b.Run(c.name, func(b *testing.B) {
			var f *frames
			var longest time.Duration
			var all []time.Duration
			newGame := func() {
				if f != nil {
					f.h.m.Close()
					longest = max(longest, f.longest)
					all = append(all, f.all...)
				}
				h := newHarness(b, 120, 40)
				h.m.opts.Store = nil
				if c.save {
					h.m.opts.Store = &saves.Store{Dir: b.TempDir()}
				}
				spec, err := SoloSpec("rare-earth-card", "us", 1, nil)
				if err != nil {
					b.Fatal(err)
				}
				h.start(spec)
				h.key("enter")
				f = &frames{h: h}
			}
			newGame()
			for b.Loop() {
				if f.h.m.cur == scrDebrief {
					b.StopTimer()
					newGame()
					b.StartTimer()
				}
				turn := f.h.m.env.view().Turn
				for i := 0; f.h.m.env.view().Turn == turn && f.h.m.cur != scrDebrief && i < 20; i++ {
					switch f.h.m.cur {
					case scrOrders:
						f.key("enter")
					default:
						f.key("r")
					}
				}
			}
			longest = max(longest, f.longest)
			all = append(all, f.all...)
			f.h.m.Close()
			slices.Sort(all)
			b.ReportMetric(float64(longest.Microseconds())/1000, "ms-longest-frame")
			b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "ms-median-frame")
			b.ReportMetric(float64(len(all))/float64(b.N), "frames/op")
		})
	}
}
