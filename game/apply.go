package game

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// maxBy bounds the name of the person who gives a command.
const maxBy = 40

// Apply applies one command to a state and returns the new state and the
// events the command caused, or the unchanged state and an error that says
// why the command is not allowed now. The given state is never modified.
func Apply(s State, c Command) (State, []Event, error) {
	if !s.sc.Valid() {
		return s, nil, ErrNoScenario
	}
	a := applier{st: s, cmd: c}
	if err := a.check(); err != nil {
		return s, nil, err
	}
	var err error
	switch c.Kind {
	case CmdPropose:
		err = a.propose()
	case CmdRespond:
		err = a.respond()
	case CmdWithdraw:
		err = a.withdraw()
	case CmdMessage:
		err = a.message()
	case CmdReady:
		err = a.ready()
	case CmdSubmit:
		err = a.submit()
	case CmdStart:
		err = a.start()
	case CmdPause:
		err = a.pause()
	case CmdResume:
		err = a.resume()
	case CmdInject:
		err = a.inject()
	case CmdOverride:
		err = a.override()
	case CmdSetClock:
		err = a.setClock()
	case CmdAdvance:
		err = a.advance()
	case CmdEnd:
		err = a.end()
	case CmdReveal:
		err = a.reveal()
	case CmdPlayer:
		err = a.player()
	case CmdChat:
		err = a.chat()
	}
	if err != nil {
		return s, nil, err
	}
	a.st.Seq++
	return a.st, a.events(), nil
}

// applier builds the next state. Slices of the old state are shared until
// first written, then copied once, so the old state stays intact.
type applier struct {
	st   State
	cmd  Command
	seat int // acting seat, -1 for the facilitator
	// The command's events are News[first:] of the new state: the news
	// is copied before the first event, and a reset of the news (a new
	// turn, a resolution) carries the command's earlier events over.
	first   int
	emitted bool

	seatsOwned, dealsOwned, newsOwned, msgsOwned bool
	// modelOwned says the model state is this command's copy, after an
	// event moved one of its stocks.
	modelOwned bool
}

func (a *applier) fail(err error, format string, args ...any) error {
	detail := ""
	if format != "" {
		detail = fmt.Sprintf(format, args...)
	}
	return &CommandError{Kind: a.cmd.Kind, Seat: a.cmd.Seat, Err: err, Detail: detail}
}

// check applies the rules every command shares: known kind, the right
// actor, a game in progress, not paused.
func (a *applier) check() error {
	c, s := &a.cmd, &a.st
	if c.Kind >= numCommandKinds {
		return a.fail(ErrUnknownCommand, "")
	}
	if utf8.RuneCountInString(c.By) > maxBy || !safetext.Clean(c.By, false) {
		return a.fail(ErrBadValue, "a player's name has at most %d characters and no control characters", maxBy)
	}
	// Chat goes on in the lobby, during a pause and at the debrief.
	chat := c.Kind == CmdChat
	if s.Phase == GameOver && c.Kind != CmdReveal && !chat {
		return a.fail(ErrGameOver, "")
	}
	a.seat = -1
	if chat && c.Seat == FacilitatorID {
		return nil
	}
	if c.Kind.Facilitator() {
		if c.Seat != FacilitatorID {
			return a.fail(ErrFacilitator, "%s is the facilitator's", c.Kind)
		}
		if s.Phase == Setup && c.Kind != CmdStart && c.Kind != CmdAdvance && c.Kind != CmdEnd && c.Kind != CmdReveal && c.Kind != CmdPlayer {
			return a.fail(ErrNotStarted, "")
		}
		return nil
	}
	i, ok := s.sc.ix.seat[c.Seat]
	if !ok {
		if c.Seat == FacilitatorID {
			return a.fail(ErrNotYourSeat, "the facilitator does not play a seat")
		}
		return a.fail(ErrUnknownSeat, "%q", c.Seat)
	}
	a.seat = i
	if chat {
		return nil
	}
	if s.Phase == Setup {
		return a.fail(ErrNotStarted, "")
	}
	if s.Paused {
		return a.fail(ErrPaused, "")
	}
	return nil
}

func (a *applier) seats() []SeatState {
	if !a.seatsOwned {
		a.st.Seats = slices.Clone(a.st.Seats)
		a.seatsOwned = true
	}
	return a.st.Seats
}

func (a *applier) deals() []Deal {
	if !a.dealsOwned {
		a.st.Deals = slices.Clone(a.st.Deals)
		a.dealsOwned = true
	}
	return a.st.Deals
}

func (a *applier) addDeal(d Deal) {
	if !a.dealsOwned {
		a.st.Deals = slices.Clip(a.st.Deals)
		a.dealsOwned = true
	}
	a.st.Deals = append(a.st.Deals, d)
}

// emit records an event in the news of the turn and in the command's
// result.
func (a *applier) emit(e Event) {
	e.Turn, e.Phase, e.By = a.st.Turn, a.st.Phase, a.cmd.By
	if !a.newsOwned {
		// One copy with room for the few events a command causes, rather
		// than a regrowth per event.
		a.st.News = slices.Grow(slices.Clip(a.st.News), 8)
		a.newsOwned = true
	}
	if !a.emitted {
		a.first, a.emitted = len(a.st.News), true
	}
	a.st.News = append(a.st.News, e)
}

// resetNews starts the state's news afresh with room for n events,
// keeping the events this command has caused so far.
func (a *applier) resetNews(n int) {
	mine := a.events()
	news := make([]Event, len(mine), len(mine)+n)
	copy(news, mine)
	a.st.News, a.newsOwned, a.first = news, true, 0
}

// events are the command's events: read-only, sharing the state's news,
// with no room to append into it.
func (a *applier) events() []Event {
	if !a.emitted {
		return nil
	}
	return a.st.News[a.first:len(a.st.News):len(a.st.News)]
}

func (a *applier) emitPublic(kind EventKind, seat int) {
	a.emit(Event{Kind: kind, Seat: seat, Public: true})
}

// moveTo changes phase through the transition table.
func (a *applier) moveTo(p Phase) {
	if !CanMove(a.st.Phase, p) {
		// The handlers only ask for legal moves; reaching here is an engine bug.
		panic(fmt.Sprintf("game: illegal phase transition %s -> %s", a.st.Phase, p))
	}
	a.st.Phase = p
	a.st.Clock = 0
	a.emit(Event{Kind: EvPhase, Seat: -1, Public: true})
}

// dealIndex finds an open or recent deal by id.
func (a *applier) dealIndex(id int) (int, error) {
	for i := range a.st.Deals {
		if a.st.Deals[i].ID == id {
			return i, nil
		}
	}
	return -1, a.fail(ErrNoSuchDeal, "deal %d", id)
}
