package table

import (
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/table/tabletest"
)

// At a table, an AI seat answers a person's message in the same
// negotiation, even after it has said it is ready: the table asks it
// again when the message reaches it, and the answer reaches the writer.
func TestAIAnswersAMessageAtTheTable(t *testing.T) {
	sc := tutorial(t)
	p, err := content.GetPersonality("opportunist")
	if err != nil {
		t.Fatal(err)
	}
	pl := players(sc, "us")
	prc, _ := sc.SeatIndex("prc")
	pl[prc] = ai.NewScripted(sc.Public(), prc, p, ai.Normal, 8, "opportunist")
	tb := open(t, Config{Scenario: sc, Seed: 8, Players: pl, Clock: tabletest.NewFakeClock(epoch), NoClock: true})
	us := join(t, tb, 0)
	waitFor(t, us, "the PRC ready in negotiation", func(u Update) bool {
		return u.View.Phase == game.Negotiation && u.View.Seats[prc].Ready && u.Thinking == 0
	})
	do(t, us, game.Command{Kind: game.CmdMessage, To: []string{"prc"}, Text: "What do you want from us?"})
	u := waitFor(t, us, "the PRC's answer", func(u Update) bool {
		for _, m := range u.View.Messages {
			if m.From == prc && m.To == game.SeatSet(0).With(0) {
				return true
			}
		}
		return false
	})
	if u.View.Phase != game.Negotiation || u.View.Turn != 1 {
		t.Errorf("the answer came in %s of turn %d, want turn 1's negotiation", u.View.Phase, u.View.Turn)
	}
	n := 0
	for _, m := range u.View.Messages {
		if m.From == prc {
			n++
			t.Logf("PRC: %s", m.Text)
		}
	}
	if n != 1 {
		t.Errorf("the PRC answered %d times, want once", n)
	}
}
