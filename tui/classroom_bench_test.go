package tui

import (
	"fmt"
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
)

// chattyClassroom is a served game of the Rare Earth Card in negotiation
// with n chat lines said, at the harness's size.
func chattyClassroom(b *testing.B, w, h, n int) *harness {
	hs := newHarness(b, w, h)
	hs.classroom("rare-earth-card", "us", "eu")
	s, err := hs.tb.Join(game.Facilitator)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Leave()
	if err := s.Do(b.Context(), game.Command{Kind: game.CmdStart}); err != nil {
		b.Fatal(err)
	}
	for k := range n {
		to := []string{"eu"}
		if k%3 == 0 {
			to = nil
		}
		if err := s.Do(b.Context(), game.Command{Kind: game.CmdChat, To: to, Text: fmt.Sprintf("line %d of the room's talk", k)}); err != nil {
			b.Fatal(err)
		}
	}
	return hs
}

// BenchmarkConsole200x60 draws the facilitator's console, chat panel in
// view, with 1,000 lines of chat, at 200x60.
func BenchmarkConsole200x60(b *testing.B) {
	h := chattyClassroom(b, 200, 60, game.MaxChatLines)
	h.join(RoleFacilitator, 0, "")
	b.ReportAllocs()
	for b.Loop() {
		_ = h.m.View()
	}
}

// BenchmarkProjector200x60 draws the projector in negotiation at 200x60.
func BenchmarkProjector200x60(b *testing.B) {
	h := chattyClassroom(b, 200, 60, 0)
	h.join(RoleProjector, 0, "")
	b.ReportAllocs()
	for b.Loop() {
		_ = h.m.View()
	}
}
