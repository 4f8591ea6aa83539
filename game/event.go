package game

// EventKind names what an Event reports.
type EventKind uint8

// Event kinds.
const (
	EvStarted   EventKind = iota // the game began
	EvPhase                      // a new phase (Turn and Phase say which)
	EvScheduled                  // a timeline event fired (Ref: its id)
	EvDrawn                      // a deck event was drawn (Ref: its id)
	EvInjected                   // the facilitator injected an event (Ref, or Text for a custom one)
	EvProposed                   // Seat proposed deal Deal
	EvAnswered                   // Seat answered deal Deal (Answer)
	EvInForce                    // deal Deal came into force
	EvWithdrawn                  // Seat withdrew deal Deal
	EvClosed                     // deal Deal closed (Status says how)
	EvBreach                     // Seat breached deal Deal (clause Value)
	EvMessage                    // Seat sent a message (Text)
	EvReady                      // Seat is ready (or no longer, Value 0)
	EvSubmitted                  // Seat submitted orders
	EvResolved                   // the model resolved the turn
	EvPaused                     // the facilitator paused
	EvResumed                    // the facilitator resumed
	EvOverride                   // the facilitator set Seat's Indicator to Value (Text: the note)
	EvClock                      // the facilitator set the clock to Value seconds
	EvObjective                  // Seat earned Value points for Count objectives met
	EvGameOver                   // the game ended (Text: why)
	EvModel                      // the model reports something (Ref: what, Text: in words)
	EvRevealed                   // the facilitator revealed every seat's secret objectives
	EvPlayer                     // Seat is played by people from now on, or by an AI (Ref: "people" or "ai")
	numEventKinds
)

var eventKindNames = [numEventKinds]string{
	"started", "phase", "scheduled", "drawn", "injected", "proposed", "answered",
	"in-force", "withdrawn", "closed", "breach", "message", "ready", "submitted",
	"resolved", "paused", "resumed", "override", "clock", "objective", "game-over", "model", "revealed", "player",
}

func (k EventKind) String() string {
	if k < numEventKinds {
		return eventKindNames[k]
	}
	return "event?"
}

// MarshalText writes the kind by name.
func (k EventKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Event is something that happened, with who may know of it. Apply
// returns the events a command caused; the state keeps the present
// turn's events as its news, and views filter them by audience.
type Event struct {
	Kind      EventKind  `json:"kind"`
	Turn      int        `json:"turn"`
	Phase     Phase      `json:"phase"`
	Seat      int        `json:"seat"`         // the acting or affected seat, -1 for none
	By        string     `json:"by,omitempty"` // the person who gave the command, when named
	Deal      int        `json:"deal,omitempty"`
	Answer    Answer     `json:"answer,omitempty"`
	Status    DealStatus `json:"status,omitempty"`
	Indicator Indicator  `json:"indicator,omitempty"`
	Value     float64    `json:"value,omitempty"`
	Count     int        `json:"count,omitempty"`
	Ref       string     `json:"ref,omitempty"`   // an event card's id, or what a model reports
	Title     string     `json:"title,omitempty"` // an event card's title
	Text      string     `json:"text,omitempty"`  // free text: a message, a note, an event card's text
	// Audience is who may see the event; Public events are for everyone.
	Audience SeatSet `json:"audience"`
	Public   bool    `json:"public"`
}

// VisibleTo reports whether seat may see the event.
func (e *Event) VisibleTo(seat int) bool { return e.Public || e.Audience.Has(seat) }
