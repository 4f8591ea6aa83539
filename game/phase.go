package game

// Phase is where a game stands within its turn cycle:
//
//	Setup -> [ Events -> Negotiation -> Orders -> Resolution -> Report ]* -> GameOver
type Phase uint8

// The phases, in the order a turn passes them.
const (
	Setup Phase = iota
	Events
	Negotiation
	Orders
	Resolution
	Report
	GameOver
	numPhases
)

var phaseNames = [numPhases]string{"setup", "events", "negotiation", "orders", "resolution", "report", "game-over"}

func (p Phase) String() string {
	if p < numPhases {
		return phaseNames[p]
	}
	return "phase?"
}

// MarshalText writes the phase by name, so saves and views read well.
func (p Phase) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads a phase name.
func (p *Phase) UnmarshalText(b []byte) error {
	for i, n := range phaseNames {
		if n == string(b) {
			*p = Phase(i)
			return nil
		}
	}
	return &UnknownNameError{What: "phase", Name: string(b)}
}

// transitions is the one place the legal moves between phases are
// written. Every phase but Setup may also go to GameOver when the
// facilitator ends the game (Setup too: a game may be called off before
// it starts); that edge is listed too.
var transitions = [numPhases][]Phase{
	Setup:       {Events, GameOver},
	Events:      {Negotiation, GameOver},
	Negotiation: {Orders, GameOver},
	Orders:      {Resolution, GameOver},
	Resolution:  {Report, GameOver},
	Report:      {Events, GameOver},
	GameOver:    nil,
}

// CanMove reports whether the engine may go from phase `from` to `to`.
func CanMove(from, to Phase) bool {
	if from >= numPhases {
		return false
	}
	for _, p := range transitions[from] {
		if p == to {
			return true
		}
	}
	return false
}

// Transitions lists the phases reachable from p in one step.
func Transitions(p Phase) []Phase {
	if p >= numPhases {
		return nil
	}
	return append([]Phase(nil), transitions[p]...)
}

// Phases lists every phase in order.
func Phases() []Phase {
	out := make([]Phase, numPhases)
	for i := range out {
		out[i] = Phase(i)
	}
	return out
}
