package tui

import (
	"math/rand/v2"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

var randomKeys = []string{
	"enter", "esc", "tab", "up", "down", "left", "right", "space", "pgup", "pgdown",
	"?", "q", "n", "r", "a", "x", "c", "m", "w", "t", "o", "b", "u", "d", "+", "-",
	"W", "h", "j", "k", "l", "1", "7", "Z", "é", "ctrl+c",
}

// TestRandomInput sends thousands of random keys and resizes to every
// screen: nothing may panic, and every frame must draw. "y" is left out
// so that a random quit confirmation does not end the game early.
func TestRandomInput(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 200
	}
	for k, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			h := newHarness(t, 100, 30)
			sc.to(h)
			rng := rand.New(rand.NewPCG(uint64(k), 42))
			for i := range n {
				if rng.IntN(25) == 0 {
					h.m.Update(tea.WindowSizeMsg{Width: 10 + rng.IntN(200), Height: 3 + rng.IntN(70)})
				} else {
					h.runFor(h.m.key(keyMsg(randomKeys[rng.IntN(len(randomKeys))])))
				}
				h.drain()
				if i%10 == 0 {
					_ = h.m.View()
				}
			}
		})
	}
}

// runFor runs a command with a time limit and feeds its message back; a
// command that waits for the table longer is left behind.
func (h *harness) runFor(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	select {
	case msg := <-ch:
		switch msg := msg.(type) {
		case tea.QuitMsg:
		case tea.BatchMsg:
			for _, c := range msg {
				h.runFor(c)
			}
		default:
			h.m.Update(msg)
		}
	case <-time.After(200 * time.Millisecond):
		h.late = append(h.late, ch)
	}
}

// drain hands the model whatever updates are waiting, without blocking.
func (h *harness) drain() {
	s := h.m.env.sess
	if s == nil {
		return
	}
	for _, seat := range s.humans {
		select {
		case u, ok := <-s.seats[seat].Updates():
			h.m.Update(updateMsg{gen: s.gen, seat: seat, u: u, ok: ok})
		default:
		}
	}
}
