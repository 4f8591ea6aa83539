package tui

import (
	"github.com/chokepoint-game/chokepoint/game/table/tabletest"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

// observer keeps the latest status the program reported.
type observer struct {
	mu   sync.Mutex
	last Status
	n    int
}

func (o *observer) observe(s Status) {
	o.mu.Lock()
	o.last, o.n = s, o.n+1
	o.mu.Unlock()
}

func (o *observer) get() (Status, int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.last, o.n
}

// TestTutorialByKeys plays the tutorial from the title screen to the final
// scores with key presses only, in a real program, and checks the final
// model.
func TestTutorialByKeys(t *testing.T) {
	obs := &observer{}
	m := New(Options{Clock: tabletest.NewFakeClock(epoch), Observe: obs.observe})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	press := func(k string) { tm.Send(keyMsg(k)) }
	// waitUntil waits for a status the condition accepts.
	waitUntil := func(what string, cond func(Status) bool) Status {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for time.Now().Before(deadline) {
			if s, _ := obs.get(); cond(s) {
				return s
			}
			time.Sleep(5 * time.Millisecond)
		}
		s, _ := obs.get()
		t.Fatalf("waiting for %s: stuck at %+v", what, s)
		return s
	}
	waitUntil("the title", func(s Status) bool { return s.Screen == "title" })
	press("enter")
	waitUntil("the briefing", func(s Status) bool { return s.Screen == "briefing" })
	press("enter")
	for steps := 0; ; steps++ {
		if steps > 200 {
			t.Fatal("the game did not end in 200 key presses")
		}
		s := waitUntil("a screen that takes a key", func(s Status) bool {
			switch {
			case s.Screen == "debrief":
				return true
			case s.Screen == "game" && (s.Phase == game.Negotiation || s.Phase == game.Report) && !s.Ready:
				return true
			case s.Screen == "orders" && !s.Submitted:
				return true
			case s.Screen == "report" && !s.Ready:
				return true
			}
			return false
		})
		if s.Screen == "debrief" {
			break
		}
		switch s.Screen {
		case "orders":
			press("left") // a lower tariff on the PRC: a real order
			press("enter")
		default:
			press("r")
		}
		// Wait for the table to take the key before the next one.
		waitUntil("the key to take effect", func(n Status) bool { return n.Seq != s.Seq || n.Screen != s.Screen })
	}
	press("q")
	press("y")
	fm, ok := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if !ok {
		t.Fatal("the final model is not a *Model")
	}
	st := fm.Status()
	if st.Screen != "debrief" || st.Phase != game.GameOver || st.Turn != 4 {
		t.Errorf("final status %+v, want the debrief of turn 4", st)
	}
	v := fm.env.view()
	total := 0.0
	for _, s := range v.Seats {
		total += s.Ind[game.Score]
	}
	if total <= 0 {
		t.Error("nobody scored a point")
	}
	if n := len(fm.env.u.Journal.Turns); n != 5 {
		t.Errorf("%d turn records in the final journal, want 5", n)
	}
	screen := ansi.Strip(fm.View().Content)
	if !strings.Contains(screen, "Final scores") {
		t.Errorf("the final screen shows no scores:\n%s", screen)
	}
	_ = tea.Quit
}
