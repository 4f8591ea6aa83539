package game

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// FacilitatorID is the seat name commands use for the facilitator.
const FacilitatorID = "facilitator"

// CommandKind names a command.
type CommandKind uint8

// Command kinds. The facilitator's are CmdStart to CmdPlayer; seats give
// the ones before; chat is everyone's.
const (
	CmdPropose  CommandKind = iota // a seat proposes a deal
	CmdRespond                     // a seat accepts, rejects or counters a proposal
	CmdWithdraw                    // a seat takes back its own proposal
	CmdMessage                     // a seat sends a message
	CmdReady                       // a seat is ready to move on (or, with Cancel, no longer)
	CmdSubmit                      // a seat submits its orders
	CmdStart                       // the facilitator starts the game
	CmdPause                       // the facilitator pauses play
	CmdResume                      // the facilitator resumes play
	CmdInject                      // the facilitator fires an event
	CmdOverride                    // the facilitator sets an indicator, with a note
	CmdSetClock                    // the facilitator sets the phase clock
	CmdAdvance                     // the facilitator closes the present phase (a clock ran out)
	CmdEnd                         // the facilitator ends the game
	CmdReveal                      // the facilitator reveals every seat's secret objectives to all
	CmdPlayer                      // the facilitator hands a seat to people or to an AI
	CmdChat                        // a seat or the facilitator says something on a chat channel
	numCommandKinds
)

var commandNames = [numCommandKinds]string{
	"propose", "respond", "withdraw", "message", "ready", "submit",
	"start", "pause", "resume", "inject", "override", "set-clock", "advance", "end", "reveal", "player", "chat",
}

func (k CommandKind) String() string {
	if k < numCommandKinds {
		return commandNames[k]
	}
	return "command?"
}

// Facilitator reports whether only the facilitator may give the command.
func (k CommandKind) Facilitator() bool { return k >= CmdStart && k <= CmdPlayer }

// MarshalText writes the kind by name.
func (k CommandKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a command name.
func (k *CommandKind) UnmarshalText(b []byte) error {
	for i, n := range commandNames {
		if n == string(b) {
			*k = CommandKind(i)
			return nil
		}
	}
	return &UnknownNameError{What: "command", Name: string(b)}
}

// CommandKinds lists every command kind.
func CommandKinds() []CommandKind {
	out := make([]CommandKind, numCommandKinds)
	for i := range out {
		out[i] = CommandKind(i)
	}
	return out
}

// Command is one action in a game, by a seat or by the facilitator. It
// names things by their scenario ids, so a command log reads well and
// survives as JSON.
type Command struct {
	Kind CommandKind `json:"kind"`
	Seat string      `json:"seat"` // the acting seat's id, or "facilitator"
	// By names the person at the seat who gave the command, when a team
	// plays it (optional): the events it causes carry the name, so that
	// the team and the after-action report see who did what.
	By string `json:"by,omitempty"`

	Deal      int       `json:"deal,omitempty"`      // respond, withdraw
	Answer    Answer    `json:"answer,omitempty"`    // respond
	Proposal  *Proposal `json:"proposal,omitempty"`  // propose; respond with counter
	To        []string  `json:"to,omitempty"`        // message or chat recipients; empty: every seat
	Text      string    `json:"text,omitempty"`      // message; custom event title; override note; player: who plays now
	Cancel    bool      `json:"cancel,omitempty"`    // ready: no longer ready
	Orders    []Order   `json:"orders,omitempty"`    // submit
	Event     string    `json:"event,omitempty"`     // inject: a timeline or deck event id
	Effects   []Effect  `json:"effects,omitempty"`   // inject: a custom event's effects
	Target    string    `json:"target,omitempty"`    // override, player: the seat
	Indicator string    `json:"indicator,omitempty"` // override
	Value     float64   `json:"value,omitempty"`     // override: new value; set-clock: seconds
}

// Order sets one lever towards one seat. Towards is empty for levers of
// scope all or self.
type Order struct {
	Lever   string `json:"lever"`
	Towards string `json:"towards,omitempty"`
	Level   string `json:"level"`
}

// Proposal is a deal as a seat writes it.
type Proposal struct {
	Title      string       `json:"title"`
	Parties    []string     `json:"parties"` // the other parties; the proposer is always one
	Clauses    []ClauseSpec `json:"clauses"`
	Duration   int          `json:"duration"` // turns
	Visibility Visibility   `json:"visibility"`
	Note       string       `json:"note,omitempty"`
}

// ClauseSpec is one clause as a seat writes it: Actor keeps Lever
// towards Target at most, or at least, Level. Target is empty for levers
// of scope all or self.
type ClauseSpec struct {
	Actor  string `json:"actor"`
	Lever  string `json:"lever"`
	Target string `json:"target,omitempty"`
	Bound  Bound  `json:"bound"`
	Level  string `json:"level"`
}

// DecodeCommand reads one command from JSON, refusing unknown fields and
// trailing data, so that a client's typo is an error and not a no-op.
func DecodeCommand(data []byte) (Command, error) {
	var c Command
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Command{}, fmt.Errorf("decoding command: %w", err)
	}
	if dec.More() {
		return Command{}, fmt.Errorf("decoding command: trailing data after the command")
	}
	return c, nil
}
