package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// consoleScreen is a screen from outside the shipped set, the way a
// facilitator's console or a projector would be added: one type and one
// registration.
type consoleScreen struct {
	env  *env
	w, h int
	keys int
}

func (c *consoleScreen) SetSize(w, h int)                  { c.w, c.h = w, h }
func (c *consoleScreen) Keys() keyMap                      { return newKeyMap(nil) }
func (c *consoleScreen) View() string                      { return fit("console: "+strings.Repeat("k", c.keys), c.w) }
func (c *consoleScreen) Update(msg tea.KeyPressMsg) action { c.keys++; return action{} }

// TestScreenTableTakesANewScreen: a screen registered in the table is
// made, sized, shown, given keys and drawn by the root model with no
// other change.
func TestScreenTableTakesANewScreen(t *testing.T) {
	const id screenID = "test-console"
	registerScreen(id, func(e *env) screen { return &consoleScreen{env: e} })
	t.Cleanup(func() { delete(screenTable, id) })
	h := newHarness(t, 80, 24)
	h.m.do(show(id))
	h.key("a", "b")
	if st := h.m.Status(); st.Screen != string(id) {
		t.Fatalf("screen %q, want %q", st.Screen, id)
	}
	if !strings.HasPrefix(h.screen(), "console: kk") {
		t.Errorf("the new screen is not drawn:\n%s", h.screen())
	}
	h.key("?")
	if st := h.m.Status(); st.Screen != "help" {
		t.Errorf("the global keys do not reach a new screen: %+v", st)
	}
}

// TestEveryScreenIsRegistered: each screen the interface names has a
// constructor in the table, and registering one twice is refused.
func TestEveryScreenIsRegistered(t *testing.T) {
	for _, id := range []screenID{scrTitle, scrSetup, scrLoading, scrPrivacy, scrBriefing, scrGame, scrOrders, scrCompose, scrReport, scrDebrief} {
		if screenTable[id] == nil {
			t.Errorf("screen %s is not in the table", id)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("a screen registered twice was accepted")
		}
	}()
	registerScreen(scrTitle, screenTable[scrTitle])
}
