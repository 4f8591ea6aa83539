// Package debrief analyses a game for its debrief: every indicator of
// every seat and of the world turn by turn, the final scores with the
// objectives behind them, the ledger of deals (who kept what for how
// long, who broke what), trust between the seats, and questions for
// discussion chosen by what happened in this game.
//
// It is pure: it reads an Input and returns a Report, and knows nothing
// of terminals, files or tables. The terminal's debrief is drawn from a
// Report, and so can an after-action report be. An Input comes either
// from a table's journal as a game runs, or from a saved log replayed
// view by view through a Recorder.
package debrief

import "github.com/chokepoint-game/chokepoint/game"

// Input is a game as one viewer saw it.
type Input struct {
	// Final is the viewer's last view: the end of the game, or the
	// present moment of a game still running.
	Final game.View
	// Turns are the world at the start and after each resolution, in
	// order: the start first.
	Turns []Turn
	// Deals is every deal the viewer saw, each as last seen.
	Deals []game.Deal
	// News is every event the viewer saw, in order.
	News []game.Event
	// Chat is every chat line the viewer heard, in order, each with the
	// number of News events before it (where it falls among them).
	Chat []Chat
	// Advances are the phases the facilitator (or the clock) closed
	// before everyone was ready, each with its place among the news.
	Advances []Advance
}

// Advance is a phase closed early: the turn, the phase that was closed
// and the number of News events before it.
type Advance struct {
	Turn  int
	Phase game.Phase
	After int
}

// Chat is one chat line and its place among the news.
type Chat struct {
	Line  game.ChatLine
	After int
}

// Turn is the world after one resolution (Turn 0: the start).
type Turn struct {
	Turn int
	// Ind is every seat's indicators; World the world's.
	Ind   [][game.MaxIndicators]float64
	World [game.MaxWorld]float64
	// Trust[i][j] is seat i's trust in seat j, and Policy every seat's
	// policy in force, after the resolution. Either is nil when the
	// source did not record it; what rests on it is then left out.
	Trust  [][game.MaxSeats]float64
	Policy []game.Policy
	// Changes are the resolution's indicator changes with their causes.
	Changes []game.Change
}

// TurnOf is the turn record a view shows: its indicators, trust,
// policies and the last resolution's changes.
func TurnOf(v *game.View) Turn {
	t := Turn{Turn: v.Turn, World: v.World, Changes: append([]game.Change(nil), v.Changes...)}
	t.Ind = make([][game.MaxIndicators]float64, len(v.Seats))
	t.Trust = make([][game.MaxSeats]float64, len(v.Seats))
	t.Policy = make([]game.Policy, len(v.Seats))
	for i := range v.Seats {
		t.Ind[i] = v.Seats[i].Ind
		t.Trust[i] = v.Seats[i].Trust
		t.Policy[i] = v.Seats[i].Policy
	}
	return t
}

// Recorder builds an Input from one viewer's views, taken after every
// command of a game: a saved log replayed command by command through
// game.Apply. It keeps the first view as the start, a turn record at
// each report, every deal the views show and every event they may see.
type Recorder struct {
	in      Input
	started bool
	deals   map[int]int
}

// Observe takes the view after a command, with the events the command
// caused (as game.Apply returns them); those the viewer may not see are
// left out. The first view, before the game starts, comes with none.
func (r *Recorder) Observe(v *game.View, events []game.Event) {
	if r.deals == nil {
		r.deals = map[int]int{}
	}
	if !r.started {
		r.started = true
		start := TurnOf(v)
		start.Turn, start.Changes = 0, nil
		r.in.Turns = append(r.in.Turns, start)
	}
	all := v.Viewer == game.Facilitator || v.Viewer == game.Omniscient
	for k := range events {
		if all || v.Viewer >= 0 && events[k].VisibleTo(v.Viewer) {
			r.in.News = append(r.in.News, events[k])
		}
	}
	for _, d := range v.Deals {
		if k, ok := r.deals[d.ID]; ok {
			r.in.Deals[k] = d
			continue
		}
		r.deals[d.ID] = len(r.in.Deals)
		r.in.Deals = append(r.in.Deals, d)
	}
	if (v.Phase == game.Report || v.Phase == game.GameOver) && len(v.Changes) > 0 {
		if last := r.in.Turns[len(r.in.Turns)-1]; last.Turn != v.Turn {
			r.in.Turns = append(r.in.Turns, TurnOf(v))
		}
	}
	r.in.Final = *v
}

// Said records a chat line the viewer heard, after the news observed so
// far: chat is said beside the game and causes no event, so the one
// replaying a log hands each line over as its command is applied.
func (r *Recorder) Said(line game.ChatLine, viewer int) {
	if line.Heard(viewer) {
		r.in.Chat = append(r.in.Chat, Chat{Line: line, After: len(r.in.News)})
	}
}

// Advanced records that a phase was closed before everyone was ready (an
// advance command), which the news tells only as the next phase.
func (r *Recorder) Advanced(turn int, phase game.Phase) {
	r.in.Advances = append(r.in.Advances, Advance{Turn: turn, Phase: phase, After: len(r.in.News)})
}

// Input is what the recorder has seen so far.
func (r *Recorder) Input() Input { return r.in }
