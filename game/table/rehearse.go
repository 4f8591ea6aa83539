package table

import (
	"github.com/chokepoint-game/chokepoint/game"
)

// A resumed game's AI seats must play on as they would have had the game
// never stopped. A scripted player is not stateless over the log: it
// remembers each seat's last moves, breaches and rejected proposals, it
// proposes once a turn, and its own generator is drawn from as it
// observes each turn. So the table replays the log through the AI seats:
// wherever the running table would have asked an AI seat (the driver's
// rule, the same as pump's), it asks it now, from the same view, and
// throws the answer away, since the answer that counted is in the log.
//
// The running table asks one AI seat at a time and applies all of its
// commands at once, so in the log a seat's answer is the run of its
// commands that follows the point where it was asked: the rehearsal
// treats that run as the answer, and the seat as done after it.

// rehearsal is the state of a replay through the AI seats.
type rehearsal struct {
	// burst is the AI seat whose answer is being replayed, or -1;
	// expect are the commands and reasons it gave when asked now.
	burst   int
	expect  []game.Command
	reasons []string
}

// rehearse asks the AI seats the running table would have asked before
// the log's next command (nil at the end of the log).
func (o *owner) rehearse(r *rehearsal, next *game.Command) {
	if r.burst >= 0 {
		if next != nil && next.Seat == o.t.seats[r.burst] {
			return // its answer goes on
		}
		o.drive.Done(r.burst, o.st.Seq)
		r.burst, r.expect, r.reasons = -1, nil, nil
	}
	if next == nil {
		// The end of the log: from here the running table asks as it
		// always does, from this very state.
		return
	}
	for o.st.Phase != game.Events && o.st.Phase != game.GameOver && !o.st.Paused {
		seat, ask := o.drive.Next(&o.st)
		if seat < 0 {
			return
		}
		ours := next.Seat == o.t.seats[seat]
		if ask {
			v := game.ViewFor(o.st, seat)
			r.expect = o.players[seat].Act(&v)
			r.reasons = nil
			if rs, ok := o.players[seat].(reasoned); ok {
				r.reasons = rs.Reasons()
			}
		}
		if ours {
			r.burst = seat
			return
		}
		// The seat's answer left nothing in the log (it had nothing to
		// say, or the game moved on while it thought).
		o.drive.Done(seat, o.st.Seq)
		r.expect, r.reasons = nil, nil
	}
}

// rehearsed notes the reason an AI seat gave for an answer replayed from
// the log, as the running table did when it applied it, so that a resumed
// game's journal keeps the AI's explanations.
func (o *owner) rehearsed(r *rehearsal, c game.Command) {
	if r.burst < 0 || c.Kind != game.CmdRespond {
		return
	}
	for k, e := range r.expect {
		if e.Kind == c.Kind && e.Deal == c.Deal && e.Answer == c.Answer && k < len(r.reasons) && r.reasons[k] != "" {
			o.note(Note{Turn: o.st.Turn, Seat: r.burst, Deal: c.Deal, Answer: c.Answer, Text: r.reasons[k]})
			return
		}
	}
}
