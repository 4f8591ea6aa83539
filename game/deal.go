package game

// Clause is one commitment of a deal: Actor keeps its lever Lever towards
// Target within Bound of Level (at most, or at least, that level, levels
// running from the mildest to the strongest). For levers of scope all or
// self, Target is the actor itself. Slot is the policy slot the clause
// reads: the target of a lever aimed at a seat, else 0.
type Clause struct {
	Actor  int   `json:"actor"`
	Target int   `json:"target"`
	Lever  int   `json:"lever"`
	Slot   int   `json:"slot"`
	Bound  Bound `json:"bound"`
	Level  int   `json:"level"`
}

// Kept reports whether the clause holds under its actor's policy p.
func (c *Clause) Kept(p *Policy) bool { return c.Bound.Holds(int(p[c.Lever][c.Slot]), c.Level) }

// Keep moves p the least way that keeps the clause: what a seat that
// honours it would order.
func (c *Clause) Keep(p *Policy) {
	p[c.Lever][c.Slot] = uint8(c.Bound.Clamp(int(p[c.Lever][c.Slot]), c.Level))
}

// Visibility says who learns of a deal and of its breaches.
type Visibility uint8

// Visibilities.
const (
	Public Visibility = iota // everyone sees the deal once in force, and its breaches
	Secret                   // only the parties ever see it
)

func (v Visibility) String() string {
	if v == Secret {
		return "secret"
	}
	return "public"
}

// MarshalText writes the visibility by name.
func (v Visibility) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// UnmarshalText reads a visibility name.
func (v *Visibility) UnmarshalText(b []byte) error {
	switch string(b) {
	case "public":
		*v = Public
	case "secret":
		*v = Secret
	default:
		return &UnknownNameError{What: "visibility", Name: string(b)}
	}
	return nil
}

// DealStatus is where a deal is in its life.
type DealStatus uint8

// Deal statuses.
const (
	Proposed  DealStatus = iota // waiting for every party's answer
	InForce                     // accepted by every party
	Rejected                    // a party said no
	Countered                   // a party answered with a counter-proposal
	Withdrawn                   // the proposer took it back
	Lapsed                      // negotiation closed before every party answered
	Expired                     // ran its full duration
	Broken                      // breached by a party; the others are free
	numStatuses
)

var statusNames = [numStatuses]string{"proposed", "in-force", "rejected", "countered", "withdrawn", "lapsed", "expired", "broken"}

func (s DealStatus) String() string {
	if s < numStatuses {
		return statusNames[s]
	}
	return "status?"
}

// MarshalText writes the status by name.
func (s DealStatus) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Open reports whether the deal is still a proposal or in force.
func (s DealStatus) Open() bool { return s == Proposed || s == InForce }

// Answer is a party's response to a proposal.
type Answer uint8

// Answers.
const (
	NoAnswer Answer = iota
	Accept
	Reject
	Counter
)

var answerNames = [...]string{"", "accept", "reject", "counter"}

func (a Answer) String() string {
	if int(a) < len(answerNames) {
		return answerNames[a]
	}
	return "answer?"
}

// MarshalText writes the answer by name.
func (a Answer) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText reads an answer name.
func (a *Answer) UnmarshalText(b []byte) error {
	for i, n := range answerNames {
		if n == string(b) && i > 0 {
			*a = Answer(i)
			return nil
		}
	}
	return &UnknownNameError{What: "answer", Name: string(b)}
}

// Deal is a proposal or an agreement between two or more seats.
type Deal struct {
	ID         int              `json:"id"`
	Title      string           `json:"title"`
	Proposer   int              `json:"proposer"`
	Parties    SeatSet          `json:"parties"`  // the proposer included
	Clauses    []Clause         `json:"clauses"`  // never changed once proposed
	Duration   int              `json:"duration"` // turns in force
	Visibility Visibility       `json:"visibility"`
	Note       string           `json:"note,omitempty"` // the proposer's pitch, one line
	CounterOf  int              `json:"counter-of"`     // the deal this one answers, 0 for none
	Status     DealStatus       `json:"status"`
	Answers    [MaxSeats]Answer `json:"answers"`
	Proposed   int              `json:"proposed-turn"`
	Start      int              `json:"start-turn"` // first turn it binds, once in force
	End        int              `json:"end-turn"`   // last turn it binds
	Breachers  SeatSet          `json:"breachers"`  // parties found in breach
}

// Party reports whether seat is a party to the deal.
func (d *Deal) Party(seat int) bool { return d.Parties.Has(seat) }

// Binds reports whether the deal's clauses bind the orders of turn t. A
// deal of N turns binds the orders of N turns, from the turn it came
// into force; it stays in force through the report of its last turn, and
// expires as the next turn begins. At the end of the game a deal whose
// last turn was the game's last is still in force.
func (d *Deal) Binds(t int) bool { return d.Status == InForce && t >= d.Start && t <= d.End }

// Awaits reports whether the deal is a proposal still waiting for seat's
// answer: seat is a party and has neither accepted nor rejected it.
func (d *Deal) Awaits(seat int) bool {
	return d.Status == Proposed && d.Party(seat) && d.Answers[seat] == NoAnswer
}

// Commits reports whether the deal binds seat to any clause: accepting
// it costs the seat political capital.
func (d *Deal) Commits(seat int) bool { return d.ClausesOf(seat) > 0 }

// ClausesOf counts the clauses that bind seat.
func (d *Deal) ClausesOf(seat int) int {
	n := 0
	for i := range d.Clauses {
		if d.Clauses[i].Actor == seat {
			n++
		}
	}
	return n
}
