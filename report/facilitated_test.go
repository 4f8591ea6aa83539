package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/report"
	"github.com/chokepoint-game/chokepoint/saves"
)

// facilitated is a tutorial game stopped in turn 2, with everything a
// facilitator does and messages public and private, one of them trying
// to smuggle markup into the report.
func facilitated(t *testing.T) *report.Report {
	t.Helper()
	src, err := content.GetSource("tutorial")
	if err != nil {
		t.Fatal(err)
	}
	seats := []saves.Seat{{Seat: "us", Player: "human", Person: "Ada"}, {Seat: "prc", Player: "hawk@normal"}, {Seat: "eu", Player: "passive"}}
	s, err := saves.New(src, 1, seats)
	if err != nil {
		t.Fatal(err)
	}
	do := func(c game.Command) {
		t.Helper()
		next, _, err := game.Apply(s.State(), c)
		if err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
		if err := s.Record(c, next); err != nil {
			t.Fatal(err)
		}
	}
	f := game.FacilitatorID
	do(game.Command{Kind: game.CmdChat, Seat: "eu", Text: "hello all, before we start"})
	do(game.Command{Kind: game.CmdStart, Seat: f})
	do(game.Command{Kind: game.CmdSetClock, Seat: f, Value: 240})
	do(game.Command{Kind: game.CmdPause, Seat: f})
	do(game.Command{Kind: game.CmdResume, Seat: f})
	do(game.Command{Kind: game.CmdInject, Seat: f, Event: "elections-loom"})
	do(game.Command{Kind: game.CmdOverride, Seat: f, Target: "eu", Indicator: "economy", Value: 99, Text: "a strike in the ports"})
	do(game.Command{Kind: game.CmdAdvance, Seat: f})
	do(game.Command{Kind: game.CmdMessage, Seat: "us", Text: "<script>alert(1)</script> | *deal* [x](http://example.com) # now"})
	do(game.Command{Kind: game.CmdMessage, Seat: "prc", To: []string{"eu"}, Text: "between us"})
	do(game.Command{Kind: game.CmdChat, Seat: "us", By: "Ada", Text: "tariffs stay where they are"})
	do(game.Command{Kind: game.CmdChat, Seat: "prc", To: []string{"us"}, Text: "only you and me"})
	do(game.Command{Kind: game.CmdChat, Seat: f, Text: "five minutes left"})
	do(game.Command{Kind: game.CmdPropose, Seat: "us", By: "Ada", Proposal: &game.Proposal{
		Title: "Open <door> | now", Parties: []string{"eu"}, Duration: 2,
		Clauses: []game.ClauseSpec{{Actor: "us", Lever: "tariff", Target: "eu", Bound: game.AtMost, Level: "10%"}}}})
	do(game.Command{Kind: game.CmdRespond, Seat: "eu", Deal: 1, Answer: game.Reject})
	do(game.Command{Kind: game.CmdAdvance, Seat: f})
	do(game.Command{Kind: game.CmdReveal, Seat: f})
	do(game.Command{Kind: game.CmdEnd, Seat: f, Text: "the bell rang"})
	r, err := report.FromSave(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestTimelineHasTheFacilitatorAndPublicMessages: every facilitator
// action and public message is in the timeline; a private message is
// counted, never quoted; who gave a command is named.
func TestTimelineHasTheFacilitatorAndPublicMessages(t *testing.T) {
	r := facilitated(t)
	var all []string
	private := 0
	for _, tl := range r.Timeline {
		for _, it := range tl.Items {
			all = append(all, it.Kind+": "+it.Text+" "+it.Detail)
		}
		private += tl.Private
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{
		"facilitator: The facilitator sets the clock to 4 minutes.",
		"facilitator: The facilitator pauses the game.",
		"facilitator: The facilitator resumes the game.",
		"inject: The facilitator fires “Elections are coming in the US”. Campaigning begins.",
		"facilitator: The facilitator sets EU’s economy to 99.0. a strike in the ports",
		"message: US to everyone: <script>",
		"proposed: US (Ada) proposes “Open <door> | now” to EU (2 turns, public): US tariff on EU at most 10%.",
		"rejected: EU rejects “Open <door> | now”.",
		"facilitator: The facilitator reveals every seat’s secret objectives.",
		"facilitator: The negotiation phase is closed before everyone is ready",
		"chat: EU in the chat to everyone: hello all, before we start",
		"chat: US (Ada) in the chat to everyone: tariffs stay where they are",
		"chat: The facilitator in the chat to everyone: five minutes left",
		"game-over: The game ends: the bell rang.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the timeline lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "between us") || strings.Contains(text, "only you and me") || private != 2 {
		t.Errorf("the private message and chat line: quoted %v, counted %d", strings.Contains(text, "between us") || strings.Contains(text, "only you and me"), private)
	}
	if r.Timeline[0].Turn != 0 || len(r.Timeline[0].Items) != 1 || r.Timeline[0].Items[0].Kind != "chat" {
		t.Errorf("the lobby's chat is not before the first turn: %+v", r.Timeline[0])
	}
	if r.Ended != "the bell rang" || r.LastTurn != 1 {
		t.Errorf("ended %q in turn %d", r.Ended, r.LastTurn)
	}
	for _, s := range r.Scores {
		if s.Hidden != 0 {
			t.Errorf("seat %d hides %d secrets from the facilitator's report", s.Seat, s.Hidden)
		}
	}
}

// TestTextFromPlayersStaysText: a message or deal title with markup is
// escaped in HTML and Markdown, and stays whole in JSON.
func TestTextFromPlayersStaysText(t *testing.T) {
	r := facilitated(t)
	out := map[report.Format]string{}
	for _, f := range report.Formats {
		var b bytes.Buffer
		if err := r.Write(&b, f); err != nil {
			t.Fatal(err)
		}
		out[f] = b.String()
	}
	h := out[report.HTML]
	if strings.Contains(h, "<script>") || strings.Contains(h, "<door>") || !strings.Contains(h, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the HTML report lets a player's markup through")
	}
	m := out[report.Markdown]
	if strings.Contains(m, "<script>") || strings.Contains(m, " [x](") || !strings.Contains(m, `&lt;script&gt;alert(1)&lt;/script&gt; \| \*deal\* \[x\]`) {
		t.Errorf("the Markdown report lets a player's markup through:\n%s", grep(m, "alert"))
	}
	if !strings.Contains(out[report.JSON], `"detail": "\u003cscript\u003ealert(1)\u003c/script\u003e | *deal* [x](http://example.com) # now"`) {
		t.Errorf("the JSON report changed the message:\n%s", grep(out[report.JSON], "alert"))
	}
}

func grep(s, w string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, w) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestUnfinishedGame: a save taken mid-game reports what was played.
func TestUnfinishedGame(t *testing.T) {
	s := fixedSave(t)
	var after int
	for _, c := range s.Checks {
		if c.Turn == 5 {
			after = c.After
			break
		}
	}
	part, err := s.Branch(after, s.Seats)
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.FromSave(part)
	if err != nil {
		t.Fatal(err)
	}
	if r.Ended != "" || r.LastTurn != 5 || r.Final {
		t.Errorf("ended %q, last turn %d, final %v", r.Ended, r.LastTurn, r.Final)
	}
	var md bytes.Buffer
	if err := r.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "Unfinished: the save stops in turn 5 of 12.") {
		t.Error("the report does not say the game is unfinished")
	}
	for _, f := range r.Fingerprints {
		if f.Cooperated.Of == 0 {
			t.Errorf("seat %d: no moves read from an unfinished game", f.Seat)
		}
	}
}

// TestGameNotStarted: a save of a game not yet started makes a report in
// every format, saying so, with nothing to chart but the start.
func TestGameNotStarted(t *testing.T) {
	src, err := content.GetSource("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	seats := make([]saves.Seat, len(src.Scenario.Seats))
	for i, s := range src.Scenario.Seats {
		seats[i] = saves.Seat{Seat: s.ID, Player: "passive"}
	}
	s, err := saves.New(src, 1, seats)
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.FromSave(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range report.Formats {
		var b bytes.Buffer
		if err := r.Write(&b, f); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if f == report.Markdown && !strings.Contains(b.String(), "Unfinished: the save stops in turn 0 of 12.") {
			t.Errorf("the report of a game not started:\n%.400s", b.String())
		}
		if f == report.JSON {
			d := decodeStrict(t, b.Bytes())
			if len(d.Points) != 1 || len(d.Timeline) != 0 || len(d.Swings) != 0 {
				t.Errorf("points %v, %d timeline turns, %d swings", d.Points, len(d.Timeline), len(d.Swings))
			}
		}
	}
}
