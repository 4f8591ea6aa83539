package game

import (
	"errors"
	"fmt"
)

// Sentinel errors a caller can match with errors.Is. The messages are
// written to be shown to a player as they are.
var (
	ErrWrongPhase     = errors.New("that cannot be done in this phase")
	ErrNotYourSeat    = errors.New("that seat is not yours to play")
	ErrUnknownSeat    = errors.New("no such seat")
	ErrUnknownLever   = errors.New("no such lever")
	ErrLeverNotYours  = errors.New("your seat does not have that lever")
	ErrUnknownLevel   = errors.New("that lever has no such level")
	ErrBadTarget      = errors.New("that lever cannot be set towards that seat")
	ErrNoSuchDeal     = errors.New("no such deal")
	ErrAnswered       = errors.New("that deal has already been answered")
	ErrNotParty       = errors.New("you are not a party to that deal")
	ErrDealClosed     = errors.New("that deal is no longer open")
	ErrBadDeal        = errors.New("that deal is not well formed")
	ErrGameOver       = errors.New("the game is over")
	ErrPaused         = errors.New("the game is paused")
	ErrNotPaused      = errors.New("the game is not paused")
	ErrFacilitator    = errors.New("only the facilitator may do that")
	ErrUnknownCommand = errors.New("unknown command")
	ErrNoCapital      = errors.New("your seat has no political capital left for new commitments")
	ErrUnknownEvent   = errors.New("no such event in the deck or timeline")
	ErrBadValue       = errors.New("value out of range")
	ErrNotStarted     = errors.New("the game has not started")
	ErrBadMessage     = errors.New("a message needs text of at most 500 characters")
	ErrNoScenario     = errors.New("the scenario has not been validated")
	ErrBadChat        = errors.New("a chat line needs text of at most 500 characters, on one line, without control characters")
)

// CommandError wraps a sentinel with the detail of one refused command;
// errors.Is matches the sentinel and errors.As gives the detail.
type CommandError struct {
	Kind   CommandKind
	Seat   string
	Err    error
	Detail string
}

func (e *CommandError) Error() string {
	if e.Detail == "" {
		return e.Err.Error()
	}
	return fmt.Sprintf("%s: %s", e.Err.Error(), e.Detail)
}

func (e *CommandError) Unwrap() error { return e.Err }

// UnknownNameError is returned when decoding a name that is not one of the
// names a type knows.
type UnknownNameError struct {
	What, Name string
}

func (e *UnknownNameError) Error() string { return fmt.Sprintf("unknown %s %q", e.What, e.Name) }
