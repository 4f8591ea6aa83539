package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chokepoint-game/chokepoint/game"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The tests of this file each check one fix of a newcomer's playtest
// (the second pass over issue 13), driving the model by hand.

// A bracketed paste reaches the focused text input, one line, without
// control characters, and within the field's limit.
func TestPolishPaste(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.start(tutorialSpec(t, "us"))
	h.key("enter", "n")
	h.m.Update(tea.PasteMsg{Content: "Tariff\x1b[31m truce\r\nnow\x07"})
	c := h.composer()
	if got := c.title.Value(); got != "Tariff[31m truce now" {
		t.Errorf("the pasted title is %q", got)
	}
	h.m.Update(tea.PasteMsg{Content: strings.Repeat("x", 5000)})
	if n := len([]rune(c.title.Value())); n != c.title.CharLimit {
		t.Errorf("a long paste gives a title of %d characters, the limit is %d", n, c.title.CharLimit)
	}
	// The message line takes a paste too.
	h.key("esc", "y", "m")
	h.m.Update(tea.PasteMsg{Content: "hello\tthere"})
	if got := h.gameScreen().msg.Value(); got != "hello there" {
		t.Errorf("the pasted message is %q", got)
	}
	// Nowhere else does a paste act: not as keys on the game screen.
	h.key("esc")
	h.m.Update(tea.PasteMsg{Content: "q"})
	if h.m.overlay != ovNone || h.m.quit {
		t.Error("a paste outside a text field acted as a key")
	}
}

// While the terminal is too small only help and quit act.
func TestPolishTooSmallKeys(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.start(tutorialSpec(t, "us"))
	h.key("enter")
	h.m.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
	h.key("n", "r", "o", "tab")
	if h.m.cur != scrGame || h.m.Status().Ready {
		t.Fatalf("keys acted on a hidden screen: %+v", h.m.Status())
	}
	mustContain(t, h.screen(), "needs at least 80×24")
	h.key("q")
	mustContain(t, h.screen(), "Quit Chokepoint?", "y: quit")
	h.key("n")
	if h.m.overlay != ovNone || h.m.quit {
		t.Fatal("n did not close the quit question")
	}
	h.m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.key("n")
	if h.m.cur != scrCompose {
		t.Errorf("at full size n opens %s", h.m.cur)
	}
}

// Help scrolls by page at 80x24, and says so on the bottom line.
func TestPolishHelpPages(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.start(tutorialSpec(t, "us"))
	h.key("enter", "?")
	h.m.View()
	if h.m.helpVP.TotalLineCount() <= h.m.helpVP.Height() {
		t.Fatal("the help fits: the test needs a long one")
	}
	mustContain(t, h.screen(), "pgup/pgdn page")
	h.key("pgdown")
	if h.m.helpVP.YOffset() == 0 {
		t.Fatal("pgdn did not scroll the help")
	}
	h.key("pgup")
	if h.m.helpVP.YOffset() != 0 {
		t.Errorf("pgup left the help at line %d", h.m.helpVP.YOffset())
	}
}

// After the game the quit question's no is not "keep playing".
func TestPolishQuitWordingAfterGame(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.start(tutorialSpec(t, "us"))
	h.key("enter")
	h.key("q")
	mustContain(t, h.screen(), "back to the game")
	h.key("n")
	h.playTurns(4)
	h.key("q")
	s := h.screen()
	mustContain(t, s, "back to the debrief")
	if strings.Contains(s, "keep playing") {
		t.Error("the quit question after the game offers to keep playing")
	}
}

// The composer opens at the top each time, whatever row the last
// proposal was left on; a counter opens at its first clause.
func TestPolishComposerOpensAtTop(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.start(tutorialSpec(t, "us"))
	h.key("enter", "n", "down", "space", "down", "down", "down")
	if h.composer().state.row == rowTitle {
		t.Fatal("the test needs the composer moved off the top")
	}
	h.key("esc", "y", "n")
	if r := h.composer().state.row; r != rowTitle {
		t.Errorf("a new proposal opens at row %d", r)
	}
	h.key("esc")
	h.m.env.draft = &composerState{row: 5, title: "kept", parties: 2, duration: 1}
	h.key("n")
	if r := h.composer().state.row; r != rowTitle {
		t.Errorf("a draft opens at row %d", r)
	}
}

// rareEarthSpec is the full scenario with the US human.
func rareEarthSpec(t testing.TB, seat string) GameSpec {
	t.Helper()
	spec, err := SoloSpec("rare-earth-card", seat, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	return spec
}

// toOrders plays on from the briefing to the seat's orders screen.
func (h *harness) toOrders() *ordersModel {
	h.t.Helper()
	for i := 0; h.m.cur != scrOrders && i < 10; i++ {
		h.key("r")
	}
	if h.m.cur != scrOrders {
		h.t.Fatalf("no orders screen: at %s", h.m.cur)
	}
	return screenOf[*ordersModel](h, scrOrders)
}

// Each order row names the deal that binds that lever, not another
// deal in force.
func TestPolishOrdersBoundNamesItsDeal(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.start(rareEarthSpec(t, "us"))
	h.key("enter")
	o := h.toOrders()
	v := h.m.env.view()
	ps := v.Scenario
	us, _ := ps.SeatIndex("us")
	prc, _ := ps.SeatIndex("prc")
	tariff, _ := ps.LeverIndex("tariff")
	chips, _ := ps.LeverIndex("chips")
	inForce := func(id int, title string, lever, level int) game.Deal {
		return game.Deal{ID: id, Title: title, Proposer: us, Parties: game.SeatSet(0).With(us).With(prc), Status: game.InForce,
			Start: v.Turn, End: v.Turn + 2, Duration: 3,
			Clauses: []game.Clause{{Actor: us, Target: prc, Lever: lever, Slot: ps.Slot(lever, prc), Bound: game.AtMost, Level: level}}}
	}
	v.Deals = append(v.Deals, inForce(900, "Chip truce", chips, 0), inForce(901, "Tariff truce", tariff, 2))
	found := 0
	for _, r := range o.rows {
		b := o.bound(r)
		switch {
		case r.lever == tariff && r.slot == prc:
			found++
			if !strings.Contains(b, "Tariff truce") {
				t.Errorf("the tariff row on the PRC says %q", b)
			}
		case r.lever == chips && r.slot == prc:
			found++
			if !strings.Contains(b, "Chip truce") {
				t.Errorf("the chips row on the PRC says %q", b)
			}
		case b != "":
			t.Errorf("row %+v is bound by no deal but says %q", r, b)
		}
	}
	if found != 2 {
		t.Fatalf("found %d of the two rows", found)
	}
}

// longFloat is a number with more decimals than any screen means to
// show: indicators show at most one, quantities of rare earths two.
var longFloat = regexp.MustCompile(`[0-9]\.[0-9]{3,}`)

// No golden and no frame of a few turns of play prints a number with
// all its digits.
func TestPolishNumbersFormatted(t *testing.T) {
	files, err := filepath.Glob("testdata/*/*/*.golden")
	if err != nil || len(files) == 0 {
		t.Fatalf("no goldens: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if m := longFloat.Find(b); m != nil {
			t.Errorf("%s prints %s", f, m)
		}
	}
	for _, seat := range []string{"us", "prc", "japan"} {
		h := newHarness(t, 120, 40)
		h.start(rareEarthSpec(t, seat))
		h.key("enter")
		frames := 0
		check := func(what string) {
			frames++
			if m := longFloat.FindString(h.screen()); m != "" {
				t.Errorf("%s, turn %d, %s prints %s:\n%s", seat, h.m.env.view().Turn, what, m, h.screen())
			}
		}
		for range 3 {
			if h.m.env.view().Phase == game.GameOver {
				break
			}
			check("negotiation")
			h.key("n", "down", "space", "+", "enter")
			check("the composer")
			h.key("esc")
			if h.m.overlay == ovAsk {
				h.key("y")
			}
			h.key("w")
			check("why")
			h.key("w")
			if h.m.env.view().Phase != game.Negotiation {
				t.Fatalf("%s: at %s after the composer and why", seat, h.m.env.view().Phase)
			}
			h.toOrders()
			check("orders")
			h.key("enter")
			for i := 0; h.m.cur != scrReport && i < 5; i++ {
				h.key("r")
			}
			check("the report")
			h.key("r")
		}
		if frames < 5 {
			t.Errorf("%s: only %d frames", seat, frames)
		}
	}
}

// The world table's arrows come from the change the report shows, even
// when a value has moved since (capital spent on a deal, an override).
func TestPolishArrowsFollowTheReport(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.start(tutorialSpec(t, "us"))
	h.key("enter")
	h.playTurns(1)
	if h.m.cur == scrReport {
		h.key("r")
	}
	u := h.m.env.u
	r := lastResolution(u)
	if r == nil {
		t.Fatal("no resolution")
	}
	v := &u.View
	checked := 0
	for _, c := range r.Changes {
		s := v.Scenario.Indicator(c.Indicator)
		want := arrowFor(s, c.To-c.From)
		if c.Seat != v.Viewer || want == " " || c.Indicator == game.Score {
			continue
		}
		// Move the value the other way since the report.
		v.Seats[c.Seat].Ind[c.Indicator] = c.From - 3*(c.To-c.From)
		x := v.Seats[c.Seat].Ind[c.Indicator]
		body := ansi.Strip(worldBody(h.m.env, 116, -1))
		for _, line := range strings.Split(body, "\n") {
			if !strings.Contains(line, "■ US") {
				continue
			}
			cell := fmtInd(v, c.Indicator, x) + " "
			k := strings.Index(line, cell)
			if k < 0 {
				continue // the column is not shown at this width
			}
			checked++
			if got := []rune(line[k+len(cell):])[0]; string(got) != want {
				t.Errorf("%s: the world shows %q, the report %s", s.Name, got, want)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no arrow checked")
	}
}

// r with proposals unanswered says what still waits, in the round it
// moves to and in the last round.
func TestPolishReadySaysWhatWaits(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.start(rareEarthSpec(t, "us"))
	h.key("enter")
	v := h.m.env.view()
	if awaiting(v) == 0 {
		t.Fatal("the test needs a proposal awaiting the US")
	}
	h.key("r")
	v = h.m.env.view()
	if v.Round != 2 {
		t.Fatalf("round %d after r", v.Round)
	}
	mustContain(t, h.screen(), "Round 2 of 3:", "your answer")
	for i := 0; v.Phase == game.Negotiation && v.Round < v.Scenario.Rounds && i < 5; i++ {
		h.key("r")
		v = h.m.env.view()
	}
	if v.Phase == game.Negotiation && awaiting(v) > 0 {
		h.key("r")
		if s := h.m.env.view(); s.Phase == game.Negotiation && !strings.Contains(h.m.status, "will lapse") {
			t.Errorf("ready in the last round says %q", h.m.status)
		}
	}
}

// The debrief ranks tied seats as the engine does: a shared place.
func TestPolishTiedScores(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.start(tutorialSpec(t, "us"))
	h.key("enter")
	h.playTurns(4)
	v := h.m.env.view()
	if v.Phase != game.GameOver {
		t.Fatalf("phase %s", v.Phase)
	}
	v.Seats[0].Ind[game.Score], v.Seats[1].Ind[game.Score], v.Seats[2].Ind[game.Score] = 6, 9, 9
	r := debriefReport(h)
	st := game.Standings(v)
	for k, s := range r.Scores {
		if s.Seat != st[k].Seat || s.Rank != st[k].Rank {
			t.Errorf("place %d: the debrief has %+v, the engine %+v", k, s, st[k])
		}
	}
	body := ansi.Strip(debriefBody(h.m.env, &r, 90))
	mustContain(t, body, "1= PRC", "1= EU", "3. US")
}

// The debrief's questions are chosen by what happened: no question twice
// (the first deal asked about once), none about a lever nobody moved.
func TestPolishDebriefQuestions(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		h := newHarness(t, 100, 30)
		spec := tutorialSpec(t, "us")
		spec.Seed = seed
		h.start(spec)
		h.key("enter")
		h.playTurns(4)
		r := debriefReport(h)
		var texts []string
		firsts := 0
		for _, q := range r.Questions {
			texts = append(texts, q.Text)
			if strings.Contains(q.Text, "first deal in force") || strings.Contains(q.Text, "accepted first") {
				firsts++
			}
		}
		all := strings.Join(texts, "\n")
		if firsts > 1 {
			t.Errorf("seed %d: the first deal is asked about %d times:\n%s", seed, firsts, all)
		}
		u := h.m.env.u
		ps := u.View.Scenario
		lic, _ := ps.LeverIndex("licensing")
		moved := false
		turns := u.Journal.Turns
		for _, tr := range turns[1:] {
			for i := range tr.Policy {
				moved = moved || tr.Policy[i][lic] != turns[0].Policy[i][lic]
			}
		}
		if !moved && strings.Contains(all, "licences") {
			t.Errorf("seed %d: a question about licences nobody changed:\n%s", seed, all)
		}
		t.Logf("seed %d:\n%s", seed, all)
		if len(r.Questions) < 2 {
			t.Errorf("seed %d: only %d questions", seed, len(r.Questions))
		}
	}
}

// The new-game screen names seats as the game does and says what the
// selected seat's player does.
func TestPolishNewGameSeats(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.key("down", "enter")
	s := h.screen()
	mustContain(t, s, "prisoners-dilemma 200 turns", "Japan, Australia, Canada")
	if strings.Contains(s, "JAPAN") {
		t.Error("a seat name in capitals")
	}
	h.key("enter")
	mustContain(t, h.screen(), "■ Japan", "A person at this keyboard")
	h.key("down")
	desc := PlayerDescriptions()["opportunist"]
	if desc == "" {
		t.Fatal("the opportunist has no description")
	}
	mustContain(t, h.screen(), "opportunist: "+strings.Fields(desc)[0])
	h.key("right")
	sp := screenOf[*setupModel](h, scrSetup).seats[1]
	mustContain(t, h.screen(), sp.Player+": ")
	// The seed and clock values start in the players' column.
	col := func(prefix, word string) int {
		for _, l := range strings.Split(h.screen(), "\n") {
			if strings.Contains(l, prefix) {
				return utf8.RuneCountInString(l[:strings.Index(l, word)])
			}
		}
		return -1
	}
	h.key("down", "down", "down", "down", "down", "down")
	if a, b := col("■ US", "◂"), col("clock", "◂"); a != b || a < 0 {
		t.Errorf("the clock's ◂ at %d, the players' at %d", b, a)
	}
}

// In the prisoner's dilemma a proposal does not take the keys from the
// moves: each key plays its round, and the proposal waits in the inbox
// with a hint.
func TestPolishDilemmaProposalWaits(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.start(soloSpec(t, "prisoners-dilemma", "us"))
	h.key("enter", "2")
	v := h.m.env.view()
	if v.Turn != 2 {
		t.Fatalf("turn %d after one move", v.Turn)
	}
	if !v.Owes(v.Viewer).Answer {
		t.Fatal("the test needs the PRC's proposal awaiting the US")
	}
	mustContain(t, h.screen(), "A proposal waits in the inbox: a accept, x reject.")
	h.key("1")
	v = h.m.env.view()
	if v.Turn != 3 || h.m.isError {
		t.Fatalf("the move with a proposal waiting: turn %d, line %q", v.Turn, h.m.status)
	}
	h.key("R", "3", "enter")
	if v = h.m.env.view(); v.Turn != 6 {
		t.Errorf("a run of 3 rounds ends at turn %d", v.Turn)
	}
}

// A window over lines never cuts them without a marker, keeps the
// selected line in view, and fits its rows.
func TestPolishMarkedWindow(t *testing.T) {
	st := newStyles(true)
	var lines []string
	for i := range 20 {
		lines = append(lines, fmt.Sprintf("line %d", i))
	}
	for h := 3; h <= 21; h++ {
		for sel := range lines {
			out := markedWindow(&st, lines, h, sel)
			if len(out) > h {
				t.Fatalf("h %d sel %d: %d lines", h, sel, len(out))
			}
			text := ansi.Strip(strings.Join(out, "\n"))
			if !strings.Contains(text, fmt.Sprintf("line %d\n", sel)) && !strings.HasSuffix(text, fmt.Sprintf("line %d", sel)) {
				t.Fatalf("h %d sel %d: the selected line is out of view:\n%s", h, sel, text)
			}
			shown := 0
			for _, l := range out {
				var n int
				if _, err := fmt.Sscanf(ansi.Strip(l), "↑ %d more", &n); err == nil {
					shown += n
				} else if _, err := fmt.Sscanf(ansi.Strip(l), "↓ %d more", &n); err == nil {
					shown += n
				} else {
					shown++
				}
			}
			if shown != len(lines) {
				t.Fatalf("h %d sel %d: the window and its markers count %d lines of %d:\n%s", h, sel, shown, len(lines), text)
			}
		}
	}
	for off := range 20 {
		out := ansi.Strip(strings.Join(offsetWindow(&st, lines, 6, off), "\n"))
		if off > 0 && !strings.Contains(out, "↑") || off < 14 && !strings.Contains(out, "↓") {
			t.Errorf("offset %d: a cut without a marker:\n%s", off, out)
		}
	}
}

// At 80x24 the inbox, the kinds of clause and the world table say what
// they leave out, and pgdn scrolls the inbox.
func TestPolishScrollMarkersAt80x24(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.start(rareEarthSpec(t, "us"))
	h.key("enter")
	s := h.screen()
	mustContain(t, s, "more", "not shown here: w shows every number", "capital")
	if !strings.Contains(s, "↓") {
		t.Fatalf("the inbox is cut with no marker:\n%s", s)
	}
	before := s
	h.key("pgdown")
	if h.screen() == before {
		t.Error("pgdn does not scroll the inbox")
	}
	h.key("n", "down", "space", "+")
	mustContain(t, h.screen(), "↓ 13 more")
}

// The briefing, the report and the debrief mark what their scrolled text
// leaves below and above at 80x24.
func TestPolishViewportMarkers(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.start(rareEarthSpec(t, "us"))
	mustContain(t, h.screen(), "more (pgdn)")
	h.key("pgdown")
	mustContain(t, h.screen(), "↑", "more (pgdn)")
	h.key("enter")
	h.toOrders()
	h.key("enter")
	for i := 0; h.m.cur != scrReport && i < 5; i++ {
		h.key("r")
	}
	if h.m.cur != scrReport {
		t.Fatalf("at %s", h.m.cur)
	}
	mustContain(t, h.screen(), "more (pgdn)")
}

// The orders forecast never cuts its comparison at 120x40: it goes under
// the numbers when the line is full.
func TestPolishOrdersForecastNotCut(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.start(rareEarthSpec(t, "us"))
	h.key("enter")
	h.toOrders()
	h.key("left", "left")
	s := h.screen()
	mustContain(t, s, "against keeping)")
	if strings.Contains(s, "…") {
		t.Errorf("a line is cut:\n%s", s)
	}
}

// A deal's title is never cut for its status in the inbox: the status
// goes under it when both do not fit.
func TestPolishInboxTitleWhole(t *testing.T) {
	h := newHarness(t, 200, 60)
	h.start(rareEarthSpec(t, "us"))
	h.key("enter")
	v := h.m.env.view()
	us, _ := v.Scenario.SeatIndex("us")
	prc, _ := v.Scenario.SeatIndex("prc")
	v.Deals = append(v.Deals, game.Deal{ID: 900, Title: "A long title for a deal between the two largest economies", Proposer: prc,
		Parties: game.SeatSet(0).With(us).With(prc), Status: game.InForce, Start: 1, End: 12, Duration: 12})
	s := h.screen()
	mustContain(t, s, "PRC → US “A long title for a deal", "economies”", "in force through turn 12")
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "PRC → US") && strings.Contains(l, "…") {
			t.Errorf("the deal's line is cut: %q", l)
		}
	}
}

// Points read as numbers with their word, fractions kept: a quarter
// point (what an every-turn objective pays) is 0.25, not 0.3.
func TestPolishPointsText(t *testing.T) {
	for x, want := range map[float64]string{1: "1 point", 2: "2 points", 1.5: "1.5 points", 0: "0 points", 0.25: "0.25 points",
		12.75: "12.75 points", 1.0 / 3: "0.33 points", -0.001: "0 points"} {
		if got := pointsText(x); got != want {
			t.Errorf("%v: %q, want %q", x, got, want)
		}
	}
}

// A message too long for its line is cut in the news, and shown whole,
// wrapped, when its line is selected: an AI's reply is read there.
func TestPolishLongMessageReadWhole(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.start(tutorialSpec(t, "us"))
	h.key("enter", "m")
	long := "We will lower our tariff on your goods if you license us at general, and we will keep it there for as long as the licences flow freely to our plants"
	h.m.Update(tea.PasteMsg{Content: long})
	h.key("enter")
	h.settle()
	if strings.Contains(h.screen(), "flow freely to our plants") {
		t.Fatal("the message fits its line at 80 columns: the test needs a longer one")
	}
	h.key("tab", "tab")
	s := h.screen()
	flat := strings.Join(strings.Fields(s), " ")
	for _, part := range []string{"We will lower our tariff", "flow freely to our", "plants"} {
		if !strings.Contains(flat, part) {
			t.Errorf("the selected message does not show %q whole:\n%s", part, s)
		}
	}
}
