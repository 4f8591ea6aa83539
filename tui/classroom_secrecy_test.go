package tui

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
)

const secretMark = "ZQXSECRET"

// markedScenario is the Rare Earth Card with a marker in every seat's
// secret objectives and briefing.
func markedScenario(t *testing.T) *game.Scenario {
	t.Helper()
	src, err := content.GetSource("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := content.Load("rare-earth-card", src.Data)
	if err != nil {
		t.Fatal(err)
	}
	for i := range sc.Seats {
		for k := range sc.Seats[i].Secret.Pool {
			sc.Seats[i].Secret.Pool[k].Text = secretMark + "-objective " + sc.Seats[i].Secret.Pool[k].Text
		}
		sc.Seats[i].Briefing = secretMark + "-briefing " + sc.Seats[i].Briefing
	}
	if errs := sc.Validate(); errs != nil {
		t.Fatal(errs)
	}
	return sc
}

// secretMoves plays the secret side of a game from outside the model: a
// secret deal with a marked title and note, a private message, chat on
// private channels (from a seat and from the facilitator).
func secretMoves(h *harness) {
	h.seatDo("us", game.Command{Kind: game.CmdPropose, Proposal: &game.Proposal{
		Title: secretMark + "-deal", Note: secretMark + "-note", Parties: []string{"eu"}, Duration: 2, Visibility: game.Secret,
		Clauses: []game.ClauseSpec{{Actor: "eu", Lever: "tariff", Target: "us", Bound: game.AtMost, Level: "0"}},
	}})
	h.seatDo("us", game.Command{Kind: game.CmdMessage, To: []string{"eu"}, Text: secretMark + "-message"})
	h.seatDo("us", game.Command{Kind: game.CmdChat, By: "Ada", To: []string{"eu"}, Text: secretMark + "-chat"})
	h.seatDo("eu", game.Command{Kind: game.CmdChat, To: []string{"us"}, Text: secretMark + "-reply"})
	h.facDo(game.Command{Kind: game.CmdChat, To: []string{"us"}, Text: secretMark + "-facilitator"})
	h.seatDo("japan", game.Command{Kind: game.CmdChat, Text: "Good morning, every seat."})
}

// scan draws the model's screen at every size, with the help overlay
// too, and fails on a marker.
func scan(h *harness, when string) {
	h.t.Helper()
	w, ht := h.m.w, h.m.h
	for _, size := range sizes {
		h.m.Update(sizeMsg(size[0], size[1]))
		if s := h.screen(); strings.Contains(s, secretMark) {
			h.t.Errorf("%s, at %dx%d: a secret on the screen:\n%s", when, size[0], size[1], s)
		}
	}
	h.m.Update(sizeMsg(w, ht))
}

// TestProjectorShowsNoSecret: the projector draws every frame of a game
// in which every secret field holds a marker (secret objectives,
// briefings, a secret deal and its note, a private message, private chat)
// without one marker, to the debrief at the end, scrolled to its
// bottom. The facilitator's view of the same game has them, so the
// markers are there to leak.
func TestProjectorShowsNoSecret(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.classroomOf(markedScenario(t), "us", "eu", "japan")
	h.join(RoleProjector, 0, "")
	scan(h, "the lobby")
	h.facDo(game.Command{Kind: game.CmdStart})
	scan(h, "negotiation")
	secretMoves(h)
	scan(h, "after the secret moves")
	h.seatDo("eu", game.Command{Kind: game.CmdRespond, Deal: secretDeal(h), Answer: game.Accept})
	scan(h, "a secret deal in force")
	fac := mustJoin(t, h.tb, game.Facilitator)
	u := <-fac.Updates()
	b, _ := json.Marshal(u.View)
	for _, kind := range []string{"objective", "chat", "deal"} {
		if !strings.Contains(string(b), secretMark+"-"+kind) {
			t.Fatalf("the facilitator's view lacks the marked %s: the test plants nothing", kind)
		}
	}
	for k := 0; k < 6; k++ {
		h.facDo(game.Command{Kind: game.CmdAdvance})
		scan(h, "a phase later")
	}
	h.facDo(game.Command{Kind: game.CmdEnd, Text: "the bell rang"})
	scan(h, "the debrief")
	for k := 0; k < 40; k++ {
		h.key("pgdown")
		scan(h, "the debrief, scrolled")
	}
}

// secretDeal is the id of the marked deal, from the facilitator's view.
func secretDeal(h *harness) int {
	fac := mustJoin(h.t.(*testing.T), h.tb, game.Facilitator)
	u := <-fac.Updates()
	for _, d := range u.View.Deals {
		if d.Title == secretMark+"-deal" {
			return d.ID
		}
	}
	h.t.Fatal("no marked deal")
	return 0
}

// TestChatScreenKeepsChannels: a seat's chat panel shows the lines of its
// channels and never another channel's, and the bottom line tells it of
// a line said to it; the speaking seat sees its own line.
func TestChatScreenKeepsChannels(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.classroomOf(markedScenario(t), "us", "eu", "japan")
	h.facDo(game.Command{Kind: game.CmdStart})
	h.join(RoleSeat, 3, "Kenji") // Japan
	h.key("enter")               // the briefing read
	secretMoves(h)
	h.key("C")
	scan(h, "Japan's chat")
	if s := h.screen(); !strings.Contains(s, "Good morning, every seat.") {
		t.Errorf("Japan's chat lacks the line to every seat:\n%s", s)
	}
	h.typeText("Anyone for a deal?")
	h.key("enter")
	if s := h.screen(); !strings.Contains(s, "Kenji (Japan) → every seat: Anyone for a deal?") {
		t.Errorf("Japan's own line is not in its chat, by name:\n%s", s)
	}

	// The US hears its channels: the EU's reply and the facilitator's.
	h2 := newHarness(t, 120, 40)
	h2.clock, h2.tb, h2.sc = h.clock, h.tb, h.sc
	h2.join(RoleSeat, 0, "Ada")
	h2.key("enter", "C")
	s := h2.screen()
	for _, want := range []string{secretMark + "-reply", secretMark + "-facilitator", secretMark + "-chat"} {
		if !strings.Contains(s, want) {
			t.Errorf("the US's chat lacks %s:\n%s", want, s)
		}
	}
}
