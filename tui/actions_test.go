package tui

import (
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
)

func TestProposeCounterAndMessage(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.start(tutorialSpec(t, "us"))
	h.key("enter")
	// A proposal to the EU: title, the EU as party, one clause, send.
	h.key("n", "C", "a", "l", "m", "down", "right", "space", "+", "enter")
	for h.composer().state.row != h.composer().rowSend() {
		h.key("down")
	}
	h.key("enter")
	if h.m.isError {
		t.Fatalf("proposing: %s", h.m.status)
	}
	v := h.m.env.view()
	found := false
	for _, d := range v.Deals {
		if d.Title == "Calm" && d.Proposer == 0 && d.Parties.Has(2) {
			found = true
		}
	}
	if !found {
		t.Fatalf("no proposal “Calm” to the EU in %+v", v.Deals)
	}
	// A message to everyone.
	h.key("m", "h", "i", "enter")
	if !strings.Contains(h.screen(), "US: hi") {
		t.Errorf("the message is not in the news:\n%s", h.screen())
	}
	// Counter the PRC's proposal, if it made one.
	for i, id := range h.gameScreen().inbox.ids {
		for _, d := range h.m.env.view().Deals {
			if d.ID == id && d.Proposer == 1 && d.Status == game.Proposed {
				h.gameScreen().inbox.sel = i
				h.key("c")
				for h.composer().state.row != h.composer().rowSend() {
					h.key("down")
				}
				h.key("enter")
				if h.m.isError {
					t.Fatalf("countering: %s", h.m.status)
				}
				return
			}
		}
	}
}

func TestHotSeatPassesTheKeyboard(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.start(tutorialSpec(t, "us", "eu"))
	if st := h.m.Status(); st.Screen != "privacy" {
		t.Fatalf("a hot-seat game does not start with the privacy screen: %+v", st)
	}
	if strings.Contains(h.screen(), "Congress") {
		t.Fatal("the first privacy screen shows the US's secret")
	}
	h.key("enter", "enter")
	// The US answers what awaits it (the keyboard stays while it owes an
	// answer), then is done.
	for i := 0; h.m.env.view().Owes(0).Answer && i < 10; i++ {
		h.key("x")
	}
	h.key("r")
	if st := h.m.Status(); st.Screen != "privacy" {
		t.Fatalf("after the US is ready: %+v", st)
	}
	if strings.Contains(h.screen(), "Congress") {
		t.Fatal("the privacy screen shows the US's secret")
	}
	h.key("enter")
	if st := h.m.Status(); st.Screen != "briefing" || st.Seat != 2 {
		t.Fatalf("after passing: %+v", st)
	}
	if !strings.Contains(h.screen(), "European Union") {
		t.Errorf("the EU's briefing is not shown:\n%s", h.screen())
	}
}
