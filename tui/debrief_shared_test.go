package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/chokepoint-game/chokepoint/game/debrief"
)

// TestDebriefSaysWhatTheReportSays: the debrief screen prints the
// objectives' points, the deal ledger, the behaviour fingerprints and the
// biggest moves in the very
// sentences game/debrief gives the after-action report, so the two never
// disagree.
func TestDebriefSaysWhatTheReportSays(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.start(tutorialSpec(t, "us"))
	h.key("enter")
	h.playTurns(4)
	if h.m.cur != scrDebrief {
		t.Fatalf("not at the debrief: %+v", h.m.Status())
	}
	r := debriefReport(h)
	ps := h.m.env.view().Scenario
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	body := flat(ansi.Strip(debriefBody(h.m.env, &r, 110)))
	var want []string
	for k := range r.Ledger {
		if r.Ledger[k].Start > 0 {
			want = append(want, r.Ledger[k].Line(ps))
		}
	}
	if len(r.Fingerprints) == 0 || len(r.Swings) == 0 {
		t.Fatalf("no fingerprints (%d) or swings (%d) to show", len(r.Fingerprints), len(r.Swings))
	}
	for k := range r.Fingerprints {
		f := &r.Fingerprints[k]
		want = append(want, ps.Tag(f.Seat)+": "+f.Shown(ps, 4))
		for _, b := range debrief.Behaviours {
			want = append(want, b.Get(f).Percent())
		}
	}
	for _, sc := range r.Scores {
		for k := range sc.Objectives {
			want = append(want, debrief.ObjectivePoints(&sc.Objectives[k])+": "+sc.Objectives[k].Text)
		}
	}
	for k := range r.Swings {
		s := &r.Swings[k]
		want = append(want, s.Line(ps))
		for c := range s.Causes {
			want = append(want, s.CauseLine(ps, &s.Causes[c]))
		}
	}
	for _, w := range want {
		if !strings.Contains(body, flat(w)) {
			t.Errorf("the debrief does not say %q", w)
		}
	}
}
