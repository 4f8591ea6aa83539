package debrief

import (
	"fmt"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// Kinds of timeline item, as the JSON report writes them.
const (
	ItemEvent       = "event"       // a timeline or deck event fired
	ItemInject      = "inject"      // the facilitator fired an event
	ItemProposed    = "proposed"    // a seat proposed a deal
	ItemAccepted    = "accepted"    // a party accepted it
	ItemRejected    = "rejected"    // a party rejected it
	ItemCountered   = "countered"   // a party answered with a counter-proposal
	ItemWithdrawn   = "withdrawn"   // the proposer took it back
	ItemInForce     = "in-force"    // every party accepted
	ItemLapsed      = "lapsed"      // negotiation closed before every answer
	ItemExpired     = "expired"     // it ran its full term
	ItemBreached    = "breached"    // a party broke it
	ItemMessage     = "message"     // a public message
	ItemChat        = "chat"        // a chat line to every seat
	ItemFacilitator = "facilitator" // a pause, resume, override, clock, reveal or end
	ItemModel       = "model"       // something the model reports
	ItemGameOver    = "game-over"   // the game ended
)

// TurnLog is what happened in one turn (turn 0: before the first).
type TurnLog struct {
	Turn  int
	Items []Item
	// Private counts the private messages and chat lines of the turn
	// (to some seats, not all), which the timeline leaves out: only what
	// was said to everyone is quoted.
	Private int
}

// Item is one thing that happened, said in a sentence.
type Item struct {
	Kind  string
	Phase game.Phase
	// Seat is the seat that acted (-1 for none); Deal the deal concerned
	// (0 for none).
	Seat int
	Deal int
	// Text is the sentence; Detail what the event card, proposal or
	// message said in full ("" when nothing more).
	Text   string
	Detail string
}

// timeline reads the news, turn by turn, into sentences.
func timeline(in *Input) []TurnLog {
	ps := in.Final.Scenario
	deals := map[int]*game.Deal{}
	for k := range in.Deals {
		deals[in.Deals[k].ID] = &in.Deals[k]
	}
	var out []TurnLog
	at := func(turn int) *TurnLog {
		if n := len(out); n == 0 || out[n-1].Turn != turn {
			out = append(out, TurnLog{Turn: turn})
		}
		return &out[len(out)-1]
	}
	chat := 0
	said := func(upTo int) {
		for ; chat < len(in.Chat) && in.Chat[chat].After <= upTo; chat++ {
			l := &in.Chat[chat].Line
			t := at(l.Turn)
			if l.To != 0 {
				t.Private++
				continue
			}
			who := "The facilitator"
			if l.From >= 0 {
				who = ps.Tag(l.From)
			}
			if l.By != "" {
				who += " (" + l.By + ")"
			}
			t.Items = append(t.Items, Item{Kind: ItemChat, Phase: l.Phase, Seat: l.From, Text: who + " in the chat to everyone:", Detail: l.Text})
		}
	}
	adv := 0
	advanced := func(upTo int) {
		for ; adv < len(in.Advances) && in.Advances[adv].After <= upTo; adv++ {
			a := &in.Advances[adv]
			at(a.Turn).Items = append(at(a.Turn).Items, Item{Kind: ItemFacilitator, Phase: a.Phase, Seat: -1,
				Text: fmt.Sprintf("The %s phase is closed before everyone is ready (the facilitator moved on, or the clock ran out).", a.Phase)})
		}
	}
	for k := range in.News {
		said(k)
		advanced(k)
		e := &in.News[k]
		t := at(e.Turn)
		if e.Kind == game.EvMessage && !e.Public {
			t.Private++
			continue
		}
		if it, ok := item(ps, deals, e); ok {
			t.Items = append(t.Items, it)
		}
	}
	said(len(in.News))
	advanced(len(in.News))
	// Turns where nothing worth telling happened stay out, the start
	// included, unless something came before the first turn.
	kept := out[:0]
	for _, t := range out {
		if len(t.Items) > 0 || t.Private > 0 {
			kept = append(kept, t)
		}
	}
	return kept
}

// item says one event, or reports false for the bookkeeping events a
// reader does not need (phases, readiness, orders submitted, points).
func item(ps *game.PublicScenario, deals map[int]*game.Deal, e *game.Event) (Item, bool) {
	it := Item{Phase: e.Phase, Seat: e.Seat, Deal: e.Deal}
	who := ps.Tag(e.Seat)
	if e.By != "" {
		who += " (" + e.By + ")"
	}
	title := fmt.Sprintf("deal %d", e.Deal)
	d := deals[e.Deal]
	if d != nil {
		title = "“" + d.Title + "”"
	}
	switch e.Kind {
	case game.EvScheduled, game.EvDrawn:
		it.Kind, it.Text, it.Detail = ItemEvent, cardTitle(e), e.Text
	case game.EvInjected:
		it.Kind, it.Text, it.Detail = ItemInject, "The facilitator fires “"+cardTitle(e)+"”.", e.Text
	case game.EvProposed:
		it.Kind = ItemProposed
		it.Text = fmt.Sprintf("%s proposes %s", who, title)
		if d != nil {
			it.Text += proposalText(ps, d)
			it.Detail = d.Note
		}
		it.Text += "."
	case game.EvAnswered:
		switch e.Answer {
		case game.Accept:
			it.Kind, it.Text = ItemAccepted, fmt.Sprintf("%s accepts %s.", who, title)
		case game.Reject:
			it.Kind, it.Text = ItemRejected, fmt.Sprintf("%s rejects %s.", who, title)
		default:
			it.Kind, it.Text = ItemCountered, fmt.Sprintf("%s answers %s with a counter-proposal.", who, title)
		}
	case game.EvWithdrawn:
		it.Kind, it.Text = ItemWithdrawn, fmt.Sprintf("%s withdraws %s.", who, title)
	case game.EvInForce:
		it.Kind, it.Text = ItemInForce, fmt.Sprintf("%s is in force", title)
		if d != nil {
			it.Text += fmt.Sprintf(" between %s, binding turns %d to %d", Parties(ps, d), d.Start, d.End)
		}
		it.Text += "."
	case game.EvClosed:
		switch e.Status {
		case game.Lapsed:
			it.Kind, it.Text = ItemLapsed, fmt.Sprintf("%s lapses: negotiation closed before every party answered.", title)
		case game.Expired:
			it.Kind, it.Text = ItemExpired, fmt.Sprintf("%s expires, kept to its end.", title)
		default:
			it.Kind, it.Text = ItemExpired, fmt.Sprintf("%s closes (%s).", title, e.Status)
		}
	case game.EvBreach:
		it.Kind, it.Text = ItemBreached, fmt.Sprintf("%s breaks %s", who, title)
		if c := int(e.Value); d != nil && c >= 0 && c < len(d.Clauses) {
			it.Text += ": " + ps.ClauseText(d.Clauses[c]) + " no longer holds"
		}
		it.Text += "."
	case game.EvMessage:
		it.Kind, it.Text, it.Detail = ItemMessage, who+" to everyone:", e.Text
	case game.EvOverride:
		spec := ps.Indicator(e.Indicator)
		it.Kind, it.Text, it.Detail = ItemFacilitator, fmt.Sprintf("The facilitator sets %s’s %s to %s.", ps.Tag(e.Seat), spec.Name, spec.Format(e.Value)), e.Text
	case game.EvPaused:
		it.Kind, it.Text = ItemFacilitator, "The facilitator pauses the game."
	case game.EvResumed:
		it.Kind, it.Text = ItemFacilitator, "The facilitator resumes the game."
	case game.EvClock:
		it.Kind, it.Text = ItemFacilitator, fmt.Sprintf("The facilitator sets the clock to %s.", seconds(int(e.Value)))
	case game.EvRevealed:
		it.Kind, it.Text = ItemFacilitator, "The facilitator reveals every seat’s secret objectives."
	case game.EvModel:
		it.Kind, it.Text = ItemModel, e.Text
	case game.EvGameOver:
		it.Kind, it.Text = ItemGameOver, "The game ends: "+e.Text+"."
	default:
		return Item{}, false
	}
	return it, true
}

func cardTitle(e *game.Event) string {
	if e.Title != "" {
		return e.Title
	}
	return e.Ref
}

// proposalText says to whom a deal was offered and what it asks.
func proposalText(ps *game.PublicScenario, d *game.Deal) string {
	var others []int
	for _, p := range d.Parties.Seats() {
		if p != d.Proposer {
			others = append(others, p)
		}
	}
	clauses := make([]string, len(d.Clauses))
	for k, c := range d.Clauses {
		clauses[k] = ps.ClauseText(c)
	}
	return fmt.Sprintf(" to %s (%s, %s): %s", tags(ps, others, ", "), plural(d.Duration, "turn", "turns"), d.Visibility, strings.Join(clauses, "; "))
}

// seconds says a clock setting in minutes and seconds.
func seconds(n int) string {
	m, s := n/60, n%60
	switch {
	case n == 0:
		return "none"
	case m == 0:
		return plural(s, "second", "seconds")
	case s == 0:
		return plural(m, "minute", "minutes")
	}
	return plural(m, "minute", "minutes") + " " + plural(s, "second", "seconds")
}
