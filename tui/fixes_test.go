package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/debrief"
	"github.com/chokepoint-game/chokepoint/game/table/tabletest"
)

// debriefReport is the analysis the debrief screen draws.
func debriefReport(h *harness) debrief.Report {
	return debrief.Analyze(debriefInput(h.m.env.u))
}

// The tests of this file each check one fix of the first hour (issue 13)
// in a real Bubble Tea program driven by teatest: keys go in, the
// program's status is watched until the game has moved, and the final
// screen is read once the program has quit.

// prog is a program under test.
type prog struct {
	t   *testing.T
	tm  *teatest.TestModel
	obs *observer
}

// runProg starts a program at w by h cells: the title screen, or the
// given game at once.
func runProg(t *testing.T, spec *GameSpec, w, h int) *prog {
	t.Helper()
	obs := &observer{}
	m := New(Options{Start: spec, Now: epoch, Clock: tabletest.NewFakeClock(epoch), Observe: obs.observe})
	t.Cleanup(m.Close)
	return &prog{t: t, tm: teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h)), obs: obs}
}

// press sends keys, each once the program has taken the one before.
func (p *prog) press(keys ...string) {
	p.t.Helper()
	for _, k := range keys {
		_, n := p.obs.get()
		p.tm.Send(keyMsg(k))
		deadline := time.Now().Add(5 * time.Second)
		for time.Now().Before(deadline) {
			if _, m := p.obs.get(); m > n {
				break
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
}

// until waits for a status the condition accepts.
func (p *prog) until(what string, cond func(Status) bool) Status {
	p.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if s, _ := p.obs.get(); cond(s) {
			return s
		}
		time.Sleep(5 * time.Millisecond)
	}
	s, _ := p.obs.get()
	p.t.Fatalf("waiting for %s: stuck at %+v", what, s)
	return s
}

// negotiating waits for the seat's own move in a negotiation.
func (p *prog) negotiating(turn int) Status {
	p.t.Helper()
	return p.until("negotiation", func(s Status) bool {
		return s.Screen == "game" && s.Phase == game.Negotiation && s.Turn == turn
	})
}

// finish quits the program and returns its model and its last screen as
// plain text.
func (p *prog) finish() (*Model, string) {
	p.t.Helper()
	if err := p.tm.Quit(); err != nil {
		p.t.Fatal(err)
	}
	m, ok := p.tm.FinalModel(p.t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if !ok {
		p.t.Fatal("the final model is not a *Model")
	}
	return m, ansi.Strip(m.View().Content)
}

// playTurn passes one turn as a player who keeps everything: done
// negotiating (as often as it takes), orders kept, report read.
func (p *prog) playTurn(turn int) {
	p.t.Helper()
	for i := 0; i < 40; i++ {
		s, _ := p.obs.get()
		if s.Turn > turn || s.Phase == game.GameOver {
			return
		}
		k := ""
		switch {
		case s.Screen == "orders" && !s.Submitted:
			k = "enter"
		case s.Screen == "report" && !s.Ready:
			k = "r"
		case s.Screen == "game" && s.Phase == game.Negotiation && !s.Ready:
			k = "r"
		case s.Screen == "game" && s.Phase == game.Report && !s.Ready:
			k = "r"
		}
		if k == "" {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		p.press(k)
		// Wait for the key to take effect, so that the next key is chosen
		// from the screen it made and never lands in the next turn.
		deadline := time.Now().Add(2 * time.Second)
		for time.Now().Before(deadline) {
			n, _ := p.obs.get()
			// Another seat's command moves Seq too, and the key may change
			// the screen before the table has applied its command: only
			// what the command itself changes counts.
			if n.Turn != s.Turn || n.Phase != s.Phase || n.Ready != s.Ready || n.Submitted != s.Submitted {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	p.until("the next turn", func(s Status) bool { return s.Turn > turn || s.Phase == game.GameOver })
}

func tutorial(t *testing.T) *GameSpec {
	spec := tutorialSpec(t, "us")
	return &spec
}

func mustContain(t *testing.T, screen string, want ...string) {
	t.Helper()
	flat := strings.Join(strings.Fields(screen), " ")
	for _, w := range want {
		if !strings.Contains(flat, w) {
			t.Errorf("the screen does not show %q:\n%s", w, screen)
		}
	}
}

// Item 1: help lists the keys of the screen and a glossary.
func TestFixHelpIsNotEmpty(t *testing.T) {
	p := runProg(t, tutorial(t), 100, 40)
	p.until("the briefing", func(s Status) bool { return s.Screen == "briefing" })
	p.press("enter")
	p.negotiating(1)
	p.press("?")
	p.until("help", func(s Status) bool { return s.Screen == "help" })
	_, screen := p.finish()
	mustContain(t, screen, "Negotiation", "accept the selected proposal", "done negotiating", "Moving around")
}

// Item 2: t and w work after the first turn, and the why panel closes
// when the turn moves on.
func TestFixReportAndWhyAfterTurnOne(t *testing.T) {
	p := runProg(t, tutorial(t), 100, 40)
	p.until("the briefing", func(s Status) bool { return s.Screen == "briefing" })
	p.press("enter")
	p.negotiating(1)
	p.playTurn(1)
	p.negotiating(2)
	p.press("w")
	p.playTurn(2)
	s := p.negotiating(3)
	if s.Line != "" && strings.Contains(s.Line, "resolved") {
		t.Errorf("a stale line in turn 3: %q", s.Line)
	}
	p.press("t")
	p.until("the report", func(s Status) bool { return s.Screen == "report" })
	p.press("esc", "w")
	m, screen := p.finish()
	if m.isError {
		t.Errorf("an error: %s", m.status)
	}
	mustContain(t, screen, "Why US's numbers moved", "in turn 2", "from last turn")
	if g := m.screens[scrGame].(*gameModel); g.whyTurn != 3 {
		t.Errorf("the why panel explains the view of turn %d, want 3", g.whyTurn)
	}
}

// Item 3: the end condition is in the briefing, and sending a deal that
// meets it asks first, saying so.
func TestFixSettlementAsksFirst(t *testing.T) {
	spec := soloSpec(t, "rare-earth-card", "us")
	p := runProg(t, &spec, 120, 40)
	p.until("the briefing", func(s Status) bool { return s.Screen == "briefing" })
	p.press("enter")
	p.negotiating(1)
	p.press("n", "S", "down", "space", "+", "enter", "+", "enter", "+", "enter")
	p.press("down", "down", "down", "down", "down", "enter")
	p.until("the question", func(s Status) bool { return s.Screen == "confirm" })
	_, screen := p.finish()
	mustContain(t, screen, "This deal would end the game", "send it anyway")

	b := newHarness(t, 120, 40)
	b.start(soloSpec(t, "rare-earth-card", "us"))
	mustContain(t, screenOf[*briefingModel](b, scrBriefing).markdown(), "How the game ends", "ends the game after that turn's report")
}

// Item 4: a change is said from last turn, and its causes with what they
// leave out add up to it.
func TestFixWhyAddsUp(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.start(tutorialSpec(t, "us"))
	c := game.Change{Seat: 0, Indicator: game.Capital, From: 40, To: 41.5, Other: 1.5}
	c.Causes[0] = game.NewCause(0, 0, 0)
	lines := strings.Join(changeLines(h.m.env, c, 100), "\n")
	mustContain(t, ansi.Strip(lines), "capital 40 → 42 (+1.5 from last turn)", "no single cause named (+1.5)")
	p := runProg(t, tutorial(t), 120, 40)
	p.until("the briefing", func(s Status) bool { return s.Screen == "briefing" })
	p.press("enter")
	p.negotiating(1)
	p.playTurn(1)
	p.negotiating(2)
	p.press("t")
	p.until("the report", func(s Status) bool { return s.Screen == "report" })
	_, screen := p.finish()
	mustContain(t, screen, "from last turn", "its causes add up to it", "Trade envoys meet: The US and PRC")
}

// Item 8: a payoff-table game shows its table, plays a round with one
// key, and says what each side chose.
func TestFixDilemmaOneKeyARound(t *testing.T) {
	spec := soloSpec(t, "prisoners-dilemma", "us")
	p := runProg(t, &spec, 100, 30)
	p.until("the briefing", func(s Status) bool { return s.Screen == "briefing" })
	p.press("enter")
	p.negotiating(1)
	p.press("2")
	p.negotiating(2)
	// A proposal that awaits an answer does not stop the one-key play.
	p.press("1")
	p.negotiating(3)
	m, screen := p.finish()
	mustContain(t, screen, "Payoffs", "you high", "score after 2 rounds of 200", "HL")
	r := reportBodyOf(m, 1)
	mustContain(t, r, "US chose high, PRC chose low: US +5, PRC +0")
}

// reportBodyOf is the report of one journal record, as the report screen
// writes it.
func reportBodyOf(m *Model, idx int) string {
	return ansi.Strip(reportBody(m.env, idx, 100))
}

// Item 9: the tutorial runs with no clock unless asked; a clock warns at
// one minute and at ten seconds; an expiry keeps the proposal being
// written.
func TestFixClock(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.start(tutorialSpec(t, "us"))
	h.key("enter")
	if !h.m.env.u.Deadline.IsZero() {
		t.Error("the tutorial runs a clock nobody asked for")
	}
	spec := tutorialSpec(t, "us")
	spec.Clock = true
	h = newHarness(t, 100, 30)
	h.start(spec)
	h.key("enter", "n", "D", "r", "a", "f", "t")
	deadline := h.m.env.u.Deadline
	if deadline.IsZero() {
		t.Fatal("no clock when asked for one")
	}
	h.m.env.now = deadline.Add(-59 * time.Second)
	h.m.clockWarning()
	if !strings.Contains(h.m.status, "one minute left") || !strings.Contains(h.screen(), "⚠ 00:59 left") {
		t.Errorf("no warning at a minute: %q\n%s", h.m.status, h.screen())
	}
	h.m.env.now = deadline.Add(-9 * time.Second)
	h.m.clockWarning()
	if !strings.Contains(h.m.status, "ten seconds left") {
		t.Errorf("no warning at ten seconds: %q", h.m.status)
	}
	h.clock.Advance(deadline.Sub(epoch) + time.Second)
	h.settle()
	if h.m.env.draft == nil || h.m.env.draft.title != "Draft" {
		t.Fatalf("the proposal being written was lost when the clock ran out: %+v", h.m.env.draft)
	}
	if !strings.Contains(h.m.status, "kept as a draft") {
		t.Errorf("no word of the draft: %q", h.m.status)
	}
}

// Item 10: a status line goes when the game moves on, and the key hints
// stay beside it.
func TestFixNoStaleStatus(t *testing.T) {
	p := runProg(t, tutorial(t), 120, 40)
	p.until("the briefing", func(s Status) bool { return s.Screen == "briefing" })
	p.press("enter")
	p.negotiating(1)
	p.playTurn(1)
	s := p.negotiating(2)
	if strings.Contains(s.Line, "ready") || strings.Contains(s.Line, "done negotiating") {
		t.Errorf("a stale line at the start of turn 2: %q", s.Line)
	}
	m, screen := p.finish()
	last := strings.Split(screen, "\n")
	if bottom := last[len(last)-1]; !strings.Contains(bottom, "? help") {
		t.Errorf("the bottom line lost its keys: %q (status %q)", bottom, m.status)
	}
}

// Item 11: q at the title quits at once; after the game it asks, and
// says the game is over.
func TestFixQuitPrompts(t *testing.T) {
	p := runProg(t, nil, 80, 24)
	p.until("the title", func(s Status) bool { return s.Screen == "title" })
	p.press("q")
	p.tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	h := newHarness(t, 100, 30)
	h.start(tutorialSpec(t, "us"))
	h.key("enter")
	// Mid-game, the prompt says the game is kept and how to carry it on.
	h.key("q")
	mustContain(t, h.screen(), "The game is autosaved as it stands.", "chokepoint play --continue", "back to the game")
	h.key("n")
	h.playTurns(4)
	h.key("q")
	mustContain(t, h.screen(), "The game is over and saved.", "back to the debrief")
	for _, stale := range []string{"in progress", "keep playing", "--continue"} {
		if strings.Contains(h.screen(), stale) {
			t.Errorf("the debrief's quit prompt says %q", stale)
		}
	}
}

// Item 13: the world panel shows trust both ways, labelled.
func TestFixTrustBothWays(t *testing.T) {
	for _, w := range []int{80, 120} {
		h := newHarness(t, w, 30)
		h.start(tutorialSpec(t, "us"))
		h.key("enter")
		screen := h.screen()
		v := h.m.env.view()
		mine, theirs := fmtTrust(v.Seats[0].Trust[2]), fmtTrust(v.Seats[2].Trust[0])
		if mine == theirs {
			t.Fatal("the test needs trust that differs both ways")
		}
		if w == 80 {
			mustContain(t, screen, "you→", "→you")
		} else {
			mustContain(t, screen, "you trust", "trusts you")
		}
		for _, l := range strings.Split(screen, "\n") {
			if strings.Contains(l, "■ EU") && !strings.Contains(l, mine) {
				t.Errorf("the EU's row lacks the US's trust in it (%s): %q", mine, l)
			}
			if strings.Contains(l, "■ EU") && !strings.Contains(l, theirs) {
				t.Errorf("the EU's row lacks its trust in the US (%s): %q", theirs, l)
			}
		}
	}
}

func fmtTrust(x float64) string { return fmt.Sprintf("%+.0f", x) }

// Item 14: the composer offers the kinds as a list, a sensible default
// level, a forecast of the deal, and asks before discarding it.
func TestFixComposer(t *testing.T) {
	p := runProg(t, tutorial(t), 120, 40)
	p.until("the briefing", func(s Status) bool { return s.Screen == "briefing" })
	p.press("enter")
	p.negotiating(1)
	p.press("n", "C", "down", "space", "+")
	p.press("down", "down", "down", "down", "enter")
	p.press("esc")
	p.until("the question", func(s Status) bool { return s.Screen == "confirm" })
	m, screen := p.finish()
	mustContain(t, screen, "Discard this proposal?", "keep writing")
	c := m.screens[scrCompose].(*composerModel)
	if len(c.state.clauses) != 1 {
		t.Fatalf("clauses %+v", c.state.clauses)
	}
	cl := c.state.clauses[0]
	v := m.env.view()
	if got := v.Scenario.LevelText(cl.t.lever, cl.level); got != "general" {
		t.Errorf("the PRC licensing clause starts at %q, want general (a step more open than case-by-case)", got)
	}
	preview := ansi.Strip(strings.Join(c.preview(110), "\n"))
	mustContain(t, preview, "If kept, next turn", "coverage 75% → 92%")
}

// Item 15: the news shows an event's text when selected, and the report
// too.
func TestFixEventText(t *testing.T) {
	p := runProg(t, tutorial(t), 120, 40)
	p.until("the briefing", func(s Status) bool { return s.Screen == "briefing" })
	p.press("enter")
	p.negotiating(1)
	p.press("tab", "tab", "up")
	_, screen := p.finish()
	mustContain(t, screen, "Trade envoys meet", "Both say they want calm")
}

// Item 16: the debrief has the end-of-game points, who broke a deal,
// the others' secret objectives, the charts and questions.
func TestFixDebrief(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.start(tutorialSpec(t, "us"))
	h.key("enter")
	h.playTurns(4)
	if h.m.cur != scrDebrief {
		t.Fatalf("not at the debrief: %+v", h.m.Status())
	}
	r := debriefReport(h)
	body := ansi.Strip(debriefBody(h.m.env, &r, 110))
	mustContain(t, body, "Final scores", "(secret)", "Questions for discussion", "The game in charts", "end")
	for _, s := range r.Scores {
		if s.Seat != 0 && s.Hidden > 0 {
			t.Errorf("seat %d keeps %d secret objectives hidden after the game", s.Seat, s.Hidden)
		}
	}
	var last [][]float64
	for _, s := range r.Seats {
		if s.Indicator == game.Score {
			last = s.Values
		}
	}
	for _, s := range r.Scores {
		if got := last[s.Seat][len(last[s.Seat])-1]; got != s.Points {
			t.Errorf("the score chart ends at %v for seat %d, the final score is %v", got, s.Seat, s.Points)
		}
	}
}

// Item 18: a hot-seat game shows the privacy screen first, and runs no
// clock by default.
func TestFixHotSeat(t *testing.T) {
	spec := tutorialSpec(t, "us", "eu")
	spec.Scenario = soloSpec(t, "rare-earth-card", "us").Scenario
	seats, err := ParseSeats(spec.Scenario, "us", []string{"eu=human"})
	if err != nil {
		t.Fatal(err)
	}
	spec.Seats = seats
	p := runProg(t, &spec, 100, 30)
	p.until("the privacy screen", func(s Status) bool { return s.Screen == "privacy" })
	p.press("enter")
	p.until("the briefing", func(s Status) bool { return s.Screen == "briefing" && s.Seat == 0 })
	m, _ := p.finish()
	if u := m.env.sess.latest[0]; u == nil || !u.Deadline.IsZero() {
		t.Error("a hot-seat game runs a clock by default")
	}
}

// Item 19: the title and the game screen say what to do now, and it
// changes with the phase.
func TestFixWhatToDoNow(t *testing.T) {
	p := runProg(t, nil, 80, 24)
	p.until("the title", func(s Status) bool { return s.Screen == "title" })
	_, screen := p.finish()
	mustContain(t, screen, "New here? Press enter")

	h := newHarness(t, 80, 24)
	h.start(tutorialSpec(t, "us"))
	h.key("enter")
	first := h.gameScreen().hint()
	for i := 0; h.m.env.view().Owes(0).Answer && i < 5; i++ {
		h.key("x")
	}
	h.key("r")
	for h.m.cur != scrOrders && h.m.env.view().Phase == game.Negotiation {
		h.key("r")
	}
	h.key("esc")
	orders := h.gameScreen().hint()
	if first == orders || !strings.Contains(orders, "orders") {
		t.Errorf("the line does not change with the phase: %q, then %q", first, orders)
	}
}

// Item 3, the inbox: a proposal that would end the game is marked, and
// accepting it asks first.
func TestFixSettlementInbox(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.start(soloSpec(t, "rare-earth-card", "us"))
	h.key("enter")
	u := *h.m.env.u
	v := &u.View
	ps := v.Scenario
	tariff, _ := ps.LeverIndex("tariff")
	d := game.Deal{ID: 999, Title: "Grand bargain", Proposer: 1, Parties: game.SeatSet(0).With(0).With(1), Duration: 4, Status: game.Proposed}
	for k := range 3 {
		d.Clauses = append(d.Clauses, game.Clause{Actor: k % 2, Target: 1 - k%2, Lever: tariff, Slot: 1 - k%2, Level: 0})
	}
	if !ps.Settles(&d) {
		t.Fatal("the test's deal does not meet the end condition")
	}
	v.Deals = append([]game.Deal{d}, v.Deals...)
	h.m.env.u = &u
	h.m.refresh()
	g := h.gameScreen()
	g.inbox.sel = 0
	mustContain(t, h.screen(), "⚑ awaiting you", "once in force this deal ends the game")
	a := g.inbox.update(keyMsg("a"))
	if a.kind != actConfirm || a.ask == nil || !strings.Contains(a.ask.text, "the game ends after this turn's report") {
		t.Fatalf("accepting a settlement does not ask first: %+v", a)
	}
}

// Item 19: the glossary has the words a newcomer meets, from the
// scenario's own descriptions.
func TestFixGlossary(t *testing.T) {
	spec := soloSpec(t, "rare-earth-card", "us")
	ps := spec.Scenario.Public()
	var all []string
	for _, tm := range glossary(ps) {
		all = append(all, tm.name+": "+tm.text)
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"Political capital (capital):", "Allied resolve (resolve):", "Rare-earth coverage (cover):",
		"Trust:", "advanced-node", "general 0.9", "Settlement:", "you→"} {
		if !strings.Contains(text, want) {
			t.Errorf("the glossary lacks %q:\n%s", want, text)
		}
	}
	h := newHarness(t, 100, 40)
	h.start(spec)
	h.key("enter", "?")
	mustContain(t, ansi.Strip(h.m.helpBody(90)), "Glossary", "Political capital")
}

// Item 5: a limit from a deal reads as the clause does ("at least as open
// as general" for a licensing floor), levels show their meaning, clauses
// read as sentences, and plurals agree.
func TestFixWording(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.start(tutorialSpec(t, "prc"))
	u := *h.m.env.u
	v := &u.View
	ps := v.Scenario
	lic, _ := ps.LeverIndex("licensing")
	general, _ := ps.LevelIndex(lic, "general")
	tariff, _ := ps.LeverIndex("tariff")
	d := game.Deal{ID: 998, Title: "Supply", Proposer: 0, Parties: game.SeatSet(0).With(0).With(1), Duration: 1, Status: game.InForce, Start: v.Turn, End: v.Turn,
		Clauses: []game.Clause{
			{Actor: 1, Target: 0, Lever: lic, Slot: 0, Bound: game.AtMost, Level: general},
			{Actor: 0, Target: 1, Lever: tariff, Slot: 1, Bound: game.AtMost, Level: 1},
		}}
	v.Deals = append(v.Deals, d)
	h.m.env.u = &u
	o := screenOf[*ordersModel](h, scrOrders)
	o.open(action{})
	rows := ansi.Strip(o.rowsBody(110, 30))
	mustContain(t, rows, "deal “Supply”: at least as open as general")
	if strings.Contains(rows, "at most general") {
		t.Errorf("a licensing floor reads as a ceiling:\n%s", rows)
	}
	if got := ps.ClauseText(d.Clauses[1]); got != "US tariff on PRC at most 10%" {
		t.Errorf("clause %q", got)
	}
	if got := dealStatus(v, &d); got != "● in force through turn 1" {
		t.Errorf("status %q", got)
	}
	mustContain(t, screenOf[*briefingModel](h, scrBriefing).markdown(), "at the end, 5 points)")
	if strings.Contains(screenOf[*briefingModel](h, scrBriefing).markdown(), "1 points") {
		t.Error("“1 points”")
	}
}
