package ai

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// This file answers the messages written to the AI. Each message to the
// seat (or to everyone, when it names the seat) gets one reply, sent
// back to its writer alone, in the same negotiation phase: what the AI
// made of the terms it names, and where the AI stands towards the
// writer (what it wants of it, what it would give, whether it trusts
// it). When the terms are a deal it would accept, it proposes that deal;
// when it would accept something near them, it proposes that instead.

// maxReplies bounds the replies to one seat in one turn: enough for a
// conversation, and an end to any exchange between two AIs.
const maxReplies = 3

// Listens marks the player as a Listener: it answers the messages
// written to it.
func (s *Scripted) Listens() {}

// listen answers the messages the seat has not read yet. proposed are
// the seats it has proposed to in this Act; promised and capital are as
// in negotiate, and are updated by what it proposes here.
func (s *Scripted) listen(v *game.View, promised *[]*game.Deal, proposed *game.SeatSet) []game.Command {
	me := s.k.me
	m := &s.mem
	if m.heardTurn != v.Turn {
		m.heardTurn, m.heard = v.Turn, 0
		clear(m.replies)
	}
	var out []game.Command
	for _, msg := range v.Messages[min(m.heard, len(v.Messages)):] {
		from := msg.From
		if from == me || from < 0 || from >= len(v.Seats) || msg.Turn != v.Turn {
			continue
		}
		h := s.hear(v, from, msg.Text)
		if !msg.To.Has(me) && !(msg.To == 0 && h.named) {
			continue
		}
		if m.replies[from] >= maxReplies {
			continue
		}
		m.replies[from]++
		o, text := s.reply(v, from, &h, *promised, proposed.Has(from))
		if o != nil {
			pr := s.write(v, o, 0)
			*promised = append(*promised, &o.deal)
			out = append(out, game.Command{Kind: game.CmdPropose, Seat: s.k.seatID, Proposal: pr})
			s.reasons = append(s.reasons, pr.Note)
			*proposed = proposed.With(from)
		}
		out = append(out, game.Command{Kind: game.CmdMessage, Seat: s.k.seatID, To: []string{v.Seats[from].ID}, Text: text})
		s.reasons = append(s.reasons, text)
	}
	m.heard = len(v.Messages)
	return out
}

// reply is the seat's answer to a message from seat from that it read
// as h: a proposal when the message's terms (or terms near them) are a
// deal it would accept, and the words it sends back.
func (s *Scripted) reply(v *game.View, from int, h *heard, promised []*game.Deal, proposedTo bool) (*offer, string) {
	var say []string
	var pr *offer
	if o := s.opening(v, from); o != "" {
		say = append(say, o)
	}
	agreed := false
	if len(h.asks)+len(h.offers) > 0 {
		var line string
		pr, line, agreed = s.answerTerms(v, from, h, promised, proposedTo)
		say = append(say, line)
	}
	for _, l := range h.notMine {
		say = append(say, fmt.Sprintf("We do not set %s.", strings.ToLower(s.k.ps.Levers[l].Name)))
	}
	if len(h.others) > 0 {
		var names []string
		for _, j := range h.others {
			names = append(names, seatLabel(v, j))
		}
		say = append(say, fmt.Sprintf("We cannot answer for %s.", strings.Join(names, " or ")))
	}
	if len(h.threat) > 0 {
		say = append(say, s.threatVoice(v, from, h.threat))
	}
	if !agreed {
		say = append(say, s.stance(v, from, pr == nil)...)
	}
	text := strings.Join(say, " ")
	if r := []rune(text); len(r) > 480 {
		text = string(r[:477]) + "..."
	}
	return pr, text
}

// opening is how the personality begins a reply.
func (s *Scripted) opening(v *game.View, from int) string {
	switch {
	case s.p.Deals.Answer == AnswerByMove && s.mem.move[from]:
		return "We play as you play: this turn we answer your pressure in kind."
	case s.p.Deals.Answer == AnswerByMove:
		return "We play as you play: this turn we cooperate with you."
	case s.p.Coercion == CoercionYield:
		return "Thank you for writing."
	}
	return ""
}

// answerTerms weighs the deal the message names as if it were proposed:
// agreed when the seat would accept it (it proposes it, if it may), else
// a nearby deal it would accept, proposed instead, or the reason it
// would not.
func (s *Scripted) answerTerms(v *game.View, from int, h *heard, promised []*game.Deal, proposedTo bool) (*offer, string, bool) {
	me := s.k.me
	d := game.Deal{Proposer: from, Parties: game.SeatSet(0).With(me).With(from),
		Clauses:  append(slices.Clone(h.asks), h.offers...),
		Duration: max(1, min(2, v.Scenario.Turns-v.Turn+1)), Visibility: game.Public, Proposed: v.Turn}
	terms := s.termsText(v, &d, from)
	mayPropose := s.p.Deals.Propose && !proposedTo && v.Phase == game.Negotiation
	capital := v.Seats[me].Ind[game.Capital]
	name := seatLabel(v, from)
	if s.myClauses(&d) > 0 && capital <= 0 && v.Scenario.Rules.ConcessionCapital > 0 {
		return nil, fmt.Sprintf("You ask %s: we have no political capital left to promise anything.", terms), false
	}
	if clash := s.clash(v, &d, promised); clash != nil {
		return nil, fmt.Sprintf("You ask %s: we could not keep that and our word to %s both.", terms,
			strings.Join(s.others(v, clash), " and ")), false
	}
	if b := s.mem.broke[from]; b > 0 && v.Turn <= b+s.p.Trust.Refuse {
		return nil, fmt.Sprintf("You ask %s: not before turn %d.", terms, b+s.p.Trust.Refuse+1), false
	}
	accept := false
	var why string
	if s.p.Deals.Answer == AnswerByMove {
		accept = !s.mem.move[from]
		why = "we are not cooperating with " + name + " this turn"
	} else if t := v.Seats[me].Trust[from]; t < s.p.Trust.Min {
		why = fmt.Sprintf("we do not trust %s enough (trust %.0f)", name, t)
	} else {
		a := s.appraise(v, &d)
		accept = a.value >= s.p.Deals.Accept
		why = strings.TrimPrefix(strings.TrimSuffix(s.rejectWhy(v, &d, &a), "."), "We reject: ")
		switch {
		case accept:
			why = strings.TrimPrefix(strings.TrimSuffix(s.acceptWhy(v, &d, &a), "."), "We accept: ")
		case a.value >= 0 && s.meetsDemand(v, &d, from):
			accept, why = true, "it meets our demand"
		case len(h.offers) == 0:
			why = "you offer nothing in return"
		}
		// The reasons name seats in the third person; this one speaks
		// to the writer.
		why = strings.ReplaceAll(why, name+"'s ", "your ")
		why = strings.ReplaceAll(why, " towards "+name, " towards you")
	}
	if accept {
		if !mayPropose {
			return nil, fmt.Sprintf("We would accept %s: %s. Propose it and we will say yes.", terms, why), true
		}
		o := offer{to: from, deal: d}
		o.deal.Proposer = me
		return &o, fmt.Sprintf("Agreed: %s, since %s. We have proposed it; accept it and it binds.", terms, why), true
	}
	if mayPropose && s.p.Deals.Counter && s.p.Deals.Answer == AnswerByValue && v.Seats[me].Trust[from] >= s.p.Trust.Min {
		if o, ok := s.nearby(v, &d, from, promised); ok {
			return &o, fmt.Sprintf("Not as it stands (%s), since %s. We have proposed instead %s.", terms, why, s.termsText(v, &o.deal, from)), false
		}
	}
	return nil, fmt.Sprintf("No to %s: %s.", terms, why), false
}

// threatVoice answers a threat in the personality's manner.
func (s *Scripted) threatVoice(v *game.View, from int, threat []game.Clause) string {
	d := game.Deal{Clauses: threat}
	t := s.termsText(v, &d, from)
	switch s.p.Coercion {
	case CoercionRetaliate:
		return fmt.Sprintf("As for %s: do it, and we answer in kind.", t)
	case CoercionYield:
		return fmt.Sprintf("As for %s: we would rather make you an offer than trade blows.", t)
	}
	return fmt.Sprintf("As for %s: threats do not change our sums.", t)
}

// stance says where the seat stands towards seat j: what it wants of j
// and would give (its demand, when j presses it, or its best bundle),
// unless wants is false (it has just proposed it), and how far it
// trusts j.
func (s *Scripted) stance(v *game.View, j int, wants bool) []string {
	var say []string
	if !wants {
		return s.trustText(v, j)
	}
	pressed := s.mem.move[j] && !s.mem.appease[j]
	var o offer
	ok := false
	if pressed || s.coerced(v, j) {
		o, ok = s.demand(v, j, pressed)
	}
	if !ok && s.p.Deals.Propose {
		o, ok = s.bundle(v, j, 0)
	}
	if ok {
		var asks, gives []game.Clause
		for _, c := range o.deal.Clauses {
			if c.Actor == s.k.me {
				gives = append(gives, c)
			} else {
				asks = append(asks, c)
			}
		}
		want := s.termsText(v, &game.Deal{Clauses: asks}, j)
		switch {
		case len(asks) > 0 && len(gives) > 0:
			say = append(say, fmt.Sprintf("We want %s; for it we would give %s.", want, s.termsText(v, &game.Deal{Clauses: gives}, j)))
		case len(asks) > 0 && s.p.Coercion == CoercionRetaliate:
			say = append(say, fmt.Sprintf("We want %s; until then we keep up the pressure.", want))
		case len(asks) > 0:
			say = append(say, fmt.Sprintf("We want %s.", want))
		case len(gives) > 0:
			say = append(say, fmt.Sprintf("We could offer %s.", s.termsText(v, &game.Deal{Clauses: gives}, j)))
		}
	} else {
		say = append(say, "We have nothing to ask of you this turn.")
	}
	return append(say, s.trustText(v, j)...)
}

// trustText says how far the seat trusts seat j, if it has anything to
// say about it.
func (s *Scripted) trustText(v *game.View, j int) []string {
	var say []string
	me := s.k.me
	switch b := s.mem.broke[j]; {
	case b > 0 && v.Turn <= b+s.p.Trust.Refuse:
		say = append(say, fmt.Sprintf("You broke your word to us in turn %d; we will not deal with you before turn %d.", b, b+s.p.Trust.Refuse+1))
	case s.mem.held[j] >= 0.5:
		say = append(say, fmt.Sprintf("We have not forgotten the %s you broke.", plural(v.Seats[j].Breaches, "deal", "deals")))
	case v.Seats[me].Trust[j] < s.p.Trust.Min:
		say = append(say, "We do not trust you enough to deal.")
	case v.Seats[me].Trust[j] >= 25:
		say = append(say, "We trust you to keep your word.")
	}
	return say
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// termsText names a deal's clauses as the seat says them to seat to:
// "our tariff towards you at most 10% and your chip export controls
// towards us at most advanced-node".
func (s *Scripted) termsText(v *game.View, d *game.Deal, to int) string {
	return s.phrase(v, d, to, func(*game.Clause) bool { return true })
}
