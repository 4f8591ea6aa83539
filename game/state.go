package game

// Policy is a seat's setting of every lever: Policy[lever][target] is a
// level index. Levers of scope all or self use target slot 0. Level 0 is
// the mildest level of every lever.
type Policy [MaxLevers][MaxSeats]uint8

// State is one moment of a game. It is a value: Apply returns a new state
// and never changes the one it was given, so a caller may keep old states
// (for undo, replay checks or look-ahead) at no risk.
//
// Slices inside a state are never written after the state is returned;
// the engine copies a slice before changing it.
type State struct {
	sc *Scenario

	ScenarioID string `json:"scenario"`
	Seed       uint64 `json:"seed"`
	RNG        RNG    `json:"-"` // hashed through MarshalBinary
	Phase      Phase  `json:"phase"`
	Turn       int    `json:"turn"`  // 1-based; 0 during Setup
	Round      int    `json:"round"` // negotiation round within the turn, 1-based
	// Activity records whether anything was proposed or answered in the
	// present negotiation round; a round without activity closes the phase.
	Activity bool `json:"activity"`
	Paused   bool `json:"paused"`
	// Revealed: every seat's secret objectives are shown to everyone.
	Revealed bool `json:"revealed,omitempty"`
	// Clock is the seconds the facilitator set for the present phase; the
	// table runs the clock, the engine only keeps the setting.
	Clock int               `json:"clock"`
	Seq   int               `json:"seq"` // commands applied so far
	Seats []SeatState       `json:"seats"`
	World [MaxWorld]float64 `json:"world"`
	// Model is the model's own state between turns (see ModelState).
	Model ModelState `json:"model"`
	Deals []Deal     `json:"deals"` // open proposals, deals in force, and deals closed this turn
	// NextDeal is the id the next proposal gets; ids are never reused.
	NextDeal int       `json:"next-deal"`
	Messages []Message `json:"messages"` // this turn's messages
	// News holds the events of the present turn up to its resolution, and
	// from then on the events of the resolution and its report; each
	// carries its audience.
	News    []Event  `json:"news"`
	Changes []Change `json:"changes"` // the last resolution's indicator changes and their causes
	// Ended says why the game is over, once it is.
	Ended string `json:"ended,omitempty"`
	// Chat is the latest chat lines of the whole game (chat.go).
	Chat []ChatLine `json:"chat,omitempty"`
}

// SeatState is one seat's part of the state. It holds no pointers, so
// that copying the seats for a new state is one memmove the garbage
// collector need not scan.
type SeatState struct {
	Policy    Policy                 `json:"policy"` // in force: last resolved, or the start
	Orders    Policy                 `json:"orders"` // this turn's orders, secret until resolution
	Submitted bool                   `json:"submitted"`
	Ready     bool                   `json:"ready"`
	Ind       [MaxIndicators]float64 `json:"indicators"`
	Trust     [MaxSeats]float64      `json:"trust"` // this seat's trust towards each seat
	// Secret holds indices into the seat's secret objective pool; the
	// first NSecret are dealt.
	Secret  [MaxSecret]uint8 `json:"secret"`
	NSecret int              `json:"n-secret"`
	// Known counts, for each seat j, the breaches by this seat that j has
	// learned of: what j holds against this seat.
	Known [MaxSeats]uint16 `json:"known-breaches"`
	// Points earned per objective so far: public objectives first, then
	// the dealt secret ones, in order.
	Points [MaxObjectives]float64 `json:"points"`
	// Committed is the political capital spent on deal clauses since the
	// last resolution: a cause of that resolution's change of capital.
	Committed float64 `json:"committed,omitempty"`
}

// Scenario is the scenario the state belongs to.
func (s *State) Scenario() *Scenario { return s.sc }

// Message is a free-text message (humans) or canned statement (AI) sent
// during negotiation. To is empty for a message to everyone.
type Message struct {
	From int     `json:"from"`
	To   SeatSet `json:"to"`
	Turn int     `json:"turn"`
	Text string  `json:"text"`
}

// Change is one indicator's change at resolution with its causes: the
// largest few by size, and the rest summed in Other, so that the causes
// always add up to the change.
type Change struct {
	Seat      int              `json:"seat"`
	Indicator Indicator        `json:"indicator"`
	From      float64          `json:"from"`
	To        float64          `json:"to"`
	Causes    [MaxCauses]Cause `json:"causes"`
	// Other is the part of the change the listed causes leave out.
	Other float64 `json:"other,omitempty"`
}

// CauseCommitments is the engine's own cause: political capital spent on
// the clauses of deals that came into force since the last resolution.
const CauseCommitments uint8 = 255

// MaxCauses is how many causes a change names.
const MaxCauses = 4

// Cause is one term of a change: what produced it and how much. Kind is
// the model's own numbering (its CauseText reads it); 0 is no cause, and
// the engine keeps CauseCommitments for itself. Seats, levers and levels
// are bounded by MaxSeats, MaxLevers and MaxLevels, so they fit a byte
// each: a resolution files dozens of causes, and every view copies them.
type Cause struct {
	Kind  uint8   `json:"kind"`
	Other int8    `json:"other"` // the other seat involved, or -1
	Lever int8    `json:"lever"` // the lever involved, or -1
	Level int8    `json:"level"` // its level, or -1
	Value float64 `json:"value"` // a figure the text quotes (coverage, rate)
	Delta float64 `json:"delta"` // the size of this term
}
