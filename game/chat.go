package game

import (
	"strings"
	"unicode/utf8"

	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// Chat bounds. A line is one line of at most MaxChat characters; the
// state keeps the latest MaxChatLines lines, so that a talkative room
// cannot grow every view without end (the command log keeps them all).
const (
	MaxChat      = 500
	MaxChatLines = 1000
)

// ChatLine is one line said on a chat channel. Chat is talk beside the
// deals: it binds no one and any seat or the facilitator may say
// something at any time, the lobby, a pause and the debrief included.
type ChatLine struct {
	Turn  int    `json:"turn"`
	Phase Phase  `json:"phase"`
	From  int    `json:"from"`         // a seat, or Facilitator
	By    string `json:"by,omitempty"` // the person who said it, when named
	// To is the channel: the seats it is for besides the speaker; empty
	// for every seat.
	To   SeatSet `json:"to"`
	Text string  `json:"text"`
}

// Heard reports whether a viewer is on the line's channel. The
// facilitator hears every channel; a spectator (the projector) none,
// since chat is the seats' talk, not a public announcement.
func (c *ChatLine) Heard(viewer int) bool {
	switch {
	case viewer == Facilitator || viewer == Omniscient:
		return true
	case viewer < 0:
		return false
	}
	return c.To == 0 || c.From == viewer || c.To.Has(viewer)
}

// chatFor is the lines a viewer hears. The state's chat is never
// written once made (a new line makes a new slice), so the facilitator's
// view shares it; a seat's is counted, then copied once.
func chatFor(all []ChatLine, viewer int) []ChatLine {
	if viewer == Facilitator || viewer == Omniscient {
		return all[:len(all):len(all)]
	}
	n := 0
	for k := range all {
		if all[k].Heard(viewer) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]ChatLine, 0, n)
	for k := range all {
		if all[k].Heard(viewer) {
			out = append(out, all[k])
		}
	}
	return out
}

// chat adds a line to the chat. The text must be one line without
// control characters: a client strips them first, and the engine
// refuses what still has them, so that no terminal on the channel can
// be driven by another's text.
func (a *applier) chat() error {
	c := a.cmd
	text := strings.TrimSpace(c.Text)
	if text == "" || !utf8.ValidString(text) || utf8.RuneCountInString(text) > MaxChat {
		return a.fail(ErrBadChat, "")
	}
	if bad := safetext.Check(text, false); bad != nil {
		return a.fail(ErrBadChat, "the line %v", bad)
	}
	from := a.seat
	if c.Seat == FacilitatorID {
		from = Facilitator
	}
	var to SeatSet
	for _, id := range c.To {
		j, ok := a.st.sc.ix.seat[id]
		if !ok {
			return a.fail(ErrUnknownSeat, "chat to %q", id)
		}
		if j == from {
			return a.fail(ErrBadChat, "a channel is for others besides you")
		}
		to = to.With(j)
	}
	// Every seat named is the all-seats channel, said the short way.
	everyone := SeatSet(1)<<uint(len(a.st.Seats)) - 1
	if all := to; from >= 0 && all.With(from) == everyone || all == everyone {
		to = 0
	}
	line := ChatLine{Turn: a.st.Turn, Phase: a.st.Phase, From: from, By: c.By, To: to, Text: text}
	old := a.st.Chat
	if len(old) >= MaxChatLines {
		old = old[len(old)-MaxChatLines+1:]
	}
	// A fresh slice: states before this one keep theirs.
	chat := make([]ChatLine, len(old), len(old)+1)
	copy(chat, old)
	a.st.Chat = append(chat, line)
	return nil
}
