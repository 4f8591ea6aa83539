package game

// ClauseKind is what one party of a deal commits to. Each kind bounds one
// lever kind, from above (a ceiling: "at most") or from below (a floor:
// "at least"), in the order of the lever's levels.
type ClauseKind uint8

// Clause kinds.
const (
	TariffCeiling           ClauseKind = iota // actor's tariff on target at most Level
	TariffFloor                               // actor's tariff on target at least Level
	LicensingFloor                            // actor's licensing towards target at least as open as Level
	SuspendExtraterritorial                   // actor's extraterritorial rule off
	ChipCeiling                               // actor's chip controls on target at most Level
	SoftwareCeiling                           // actor's software controls on target at most Level
	FinanceCeiling                            // actor's financial sanctions on target at most Level
	PurchaseCommitment                        // actor buys at least Level from target
	CapacityReservation                       // actor reserves at least Level of capacity for target
	JointStockpile                            // actor stockpiles at least Level
	numClauseKinds
)

type clauseSpec struct {
	name    string
	lever   LeverKind
	ceiling bool // the level may not exceed the bound; otherwise it may not fall below
}

var clauseSpecs = [numClauseKinds]clauseSpec{
	TariffCeiling:           {"tariff-ceiling", LeverTariff, true},
	TariffFloor:             {"tariff-floor", LeverTariff, false},
	LicensingFloor:          {"licensing-floor", LeverLicensing, true},
	SuspendExtraterritorial: {"suspend-extraterritorial", LeverExtraterritorial, true},
	ChipCeiling:             {"chip-ceiling", LeverChips, true},
	SoftwareCeiling:         {"software-ceiling", LeverSoftware, true},
	FinanceCeiling:          {"finance-ceiling", LeverFinance, true},
	PurchaseCommitment:      {"purchase-commitment", LeverPurchases, false},
	CapacityReservation:     {"capacity-reservation", LeverReserve, false},
	JointStockpile:          {"joint-stockpile", LeverStockpile, false},
}

func (k ClauseKind) String() string {
	if k < numClauseKinds {
		return clauseSpecs[k].name
	}
	return "clause?"
}

// MarshalText writes the clause kind by name.
func (k ClauseKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a clause kind name.
func (k *ClauseKind) UnmarshalText(b []byte) error {
	c, ok := ParseClauseKind(string(b))
	if !ok {
		return &UnknownNameError{What: "clause kind", Name: string(b)}
	}
	*k = c
	return nil
}

// ParseClauseKind maps a name to a ClauseKind.
func ParseClauseKind(name string) (ClauseKind, bool) {
	for i, s := range clauseSpecs {
		if s.name == name {
			return ClauseKind(i), true
		}
	}
	return 0, false
}

// ClauseKinds lists every clause kind.
func ClauseKinds() []ClauseKind {
	out := make([]ClauseKind, numClauseKinds)
	for i := range out {
		out[i] = ClauseKind(i)
	}
	return out
}

// LeverKind is the kind of lever the clause bounds.
func (k ClauseKind) LeverKind() LeverKind { return clauseSpecs[k].lever }

// Ceiling reports whether the clause bounds its lever from above.
func (k ClauseKind) Ceiling() bool { return clauseSpecs[k].ceiling }

// Clause is one commitment of a deal: Actor keeps lever Lever towards
// Target within the bound Level. For levers of scope all or self, Target
// is the actor itself.
type Clause struct {
	Kind   ClauseKind `json:"kind"`
	Actor  int        `json:"actor"`
	Target int        `json:"target"`
	Lever  int        `json:"lever"`
	Level  int        `json:"level"`
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

// Binds reports whether the deal's clauses bind the orders of turn t.
func (d *Deal) Binds(t int) bool { return d.Status == InForce && t >= d.Start && t <= d.End }

// Kept reports whether a clause holds under policy p of its actor.
func (c Clause) Kept(p *Policy, sc *Scenario) bool {
	slot := c.Target
	if sc.ix.levers[c.Lever].scope != ScopeEach {
		slot = 0
	}
	level := int(p[c.Lever][slot])
	if c.Kind.Ceiling() {
		return level <= c.Level
	}
	return level >= c.Level
}
