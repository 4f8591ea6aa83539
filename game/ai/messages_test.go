package ai_test

import (
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// writer is a seat played by a person who, in the negotiation of one
// turn, writes the given messages (to one seat, or to everyone when to
// is empty) and is then done; it changes no orders and answers nothing.
type writer struct {
	me   int
	turn int
	msgs [][2]string // to, text
	sent bool
}

func (p *writer) Name() string                      { return "writer" }
func (p *writer) Idle(phase game.Phase, _ int) bool { return phase != game.Negotiation }
func (p *writer) Act(v *game.View) []game.Command {
	if v.Phase != game.Negotiation || v.Turn != p.turn || p.sent {
		return nil
	}
	p.sent = true
	id := v.Scenario.Seats[p.me].ID
	var out []game.Command
	for _, m := range p.msgs {
		c := game.Command{Kind: game.CmdMessage, Seat: id, Text: m[1]}
		if m[0] != "" {
			c.To = []string{m[0]}
		}
		out = append(out, c)
	}
	return out
}

// exchange plays rare-earth-card to the end of turn 2 with the US played
// by a writer of msgs in turn 2 and every other seat by personality
// name at level d, and returns turn 2's messages and the deals proposed
// in it, as the facilitator sees them.
func exchange(t *testing.T, name string, d ai.Difficulty, seed uint64, msgs ...[2]string) ([]game.Message, []game.Deal) {
	t.Helper()
	sc := scenario(t, "rare-earth-card")
	players := sameAI(t, sc, name, d, seed)
	us, _ := sc.SeatIndex("us")
	players[us] = &writer{me: us, turn: 2, msgs: msgs}
	var got []game.Message
	var deals []game.Deal
	_, err := sim.PlayWatching(sc, seed, players, 2, func(st *game.State) {
		if st.Turn != 2 {
			return
		}
		got = append(got, st.Messages...)
		for _, dl := range st.Deals {
			if dl.Proposed == 2 {
				deals = append(deals, dl)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return got, deals
}

// An AI answers each message written to it, once, in the same
// negotiation, to the writer alone, and in the game's own words for the
// levers the message names; every personality does, at every level.
// A message to another seat, or to everyone without naming it, gets no
// answer from it.
func TestAIsAnswerMessages(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	us, _ := sc.SeatIndex("us")
	prc, _ := sc.SeatIndex("prc")
	eu, _ := sc.SeatIndex("eu")
	for _, name := range content.PersonalityNames() {
		for _, d := range levels {
			msgs, _ := exchange(t, name, d, 1,
				[2]string{"prc", "Lift the denial on Japan and we drop the chip controls."},
				[2]string{"eu", "Between us: what do you want?"},
				[2]string{"", "Good morning, everyone."})
			replies := map[int][]game.Message{}
			for _, m := range msgs {
				if m.From != us {
					replies[m.From] = append(replies[m.From], m)
				}
			}
			for from, rs := range replies {
				for _, m := range rs {
					if m.To != game.SeatSet(0).With(us) {
						t.Errorf("%s@%s: %s wrote to %v, not to the US alone: %q", name, d, sc.Seats[from].ID, m.To.Seats(), m.Text)
					}
				}
			}
			if n := len(replies[prc]); n != 1 {
				t.Fatalf("%s@%s: the PRC answered %d times, want once: %v", name, d, n, replies[prc])
			}
			if n := len(replies[eu]); n != 1 {
				t.Errorf("%s@%s: the EU answered %d times, want once: %v", name, d, n, replies[eu])
			}
			if len(replies) != 2 {
				t.Errorf("%s@%s: %d seats answered, want the PRC and the EU", name, d, len(replies))
			}
			text := replies[prc][0].Text
			for _, w := range []string{"chip export controls", "rare-earth export licensing towards Japan"} {
				if !strings.Contains(text, w) {
					t.Errorf("%s@%s: the PRC's answer does not name %q: %q", name, d, w, text)
				}
			}
			if d == ai.Normal && (name == "hawk" || name == "dove" || name == "opportunist" || name == "tit-for-tat") {
				t.Logf("%s: PRC: %s", name, text)
				t.Logf("%s: EU: %s", name, replies[eu][0].Text)
			}
		}
	}
}

// When what a message offers is a deal the AI would accept, it proposes
// that deal: offered the US's chip controls eased for nothing, the PRC
// proposes a deal binding the US to them, at every level, in the same
// negotiation, and says so.
func TestAIProposesWhatAMessageOffers(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	us, _ := sc.SeatIndex("us")
	prc, _ := sc.SeatIndex("prc")
	chips, _ := sc.LeverIndex("chips")
	for _, name := range []string{"opportunist", "dove", "hawk", "free-rider"} {
		for _, d := range levels {
			msgs, deals := exchange(t, name, d, 2, [2]string{"prc", "We will ease our chip controls on you."})
			found := false
			for _, dl := range deals {
				if dl.Proposer != prc || !dl.Party(us) {
					continue
				}
				for _, c := range dl.Clauses {
					if c.Actor == us && c.Lever == chips && c.Target == prc && c.Bound == game.AtMost {
						found = true
					}
				}
			}
			if !found {
				t.Errorf("%s@%s: the PRC proposed nothing of what the US offered; deals %v, messages %v", name, d, deals, msgs)
			}
			for _, m := range msgs {
				if m.From == prc && !strings.Contains(m.Text, "proposed") {
					t.Errorf("%s@%s: the PRC's answer does not say it proposed: %q", name, d, m.Text)
				}
			}
		}
	}
}

// An AI reads a message in the game's own words: the levers by their
// ids, the distinctive words of their names and their levels, the seats
// by id or name, "we" and "you", and which way each lever is to move;
// its reply names what it understood, as the game names it, and answers
// a threat in its personality's manner.
func TestAIsReadTheGamesWords(t *testing.T) {
	prc, _ := scenario(t, "rare-earth-card").SeatIndex("prc")
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"opportunist", "Keep your tariff towards us at most 10%.", []string{"our tariff towards you at most 10%", "you offer nothing in return"}},
		{"opportunist", "Cut the software controls.", []string{"We do not set software export controls."}},
		{"opportunist", "Raise your purchases to 18-a-year and we cut our tariff to 25%.",
			[]string{"our purchase commitments towards you at least", "your tariff towards us at most 25%"}},
		{"opportunist", "Drop the extraterritorial rule and we lower the tariff on you to 30%",
			[]string{"our extraterritorial rule on rare-earth content off", "your tariff towards us at most 30%"}},
		{"opportunist", "We will impose total chip controls on you unless you open licensing to us.",
			[]string{"your chip export controls towards us at least total", "our rare-earth export licensing towards you fully open", "threats do not change our sums"}},
		{"opportunist", "China: we ease our tariff on you to 25% if you keep licensing to us at general.",
			[]string{"your tariff towards us at most 25%", "our rare-earth export licensing towards you at least as open as general"}},
		{"hawk", "We will impose total chip controls on you.", []string{"your chip export controls towards us at least total: do it, and we answer in kind"}},
		{"dove", "We will impose total chip controls on you.", []string{"Thank you for writing.", "we would rather make you an offer than trade blows"}},
	} {
		msgs, _ := exchange(t, c.name, ai.Normal, 1, [2]string{"prc", c.text})
		var reply string
		for _, m := range msgs {
			if m.From == prc {
				reply = m.Text
			}
		}
		for _, w := range c.want {
			if !strings.Contains(reply, w) {
				t.Errorf("%s, told %q, answered %q: want %q in it", c.name, c.text, reply, w)
			}
		}
	}
}
