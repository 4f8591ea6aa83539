package game

// CondKind is what an objective's condition looks at.
type CondKind uint8

// Condition kinds.
const (
	CondIndicator CondKind = iota // a seat's indicator against a value
	CondWorld                     // a world indicator against a value
	CondLever                     // a seat's lever level against a level
	CondDeal                      // a deal in force with a seat
)

// Condition is an objective's condition compiled to indices. The engine
// scores objectives with it, and a client evaluates it on a view or on a
// forecast with the same code, so that no one re-derives the rule.
type Condition struct {
	Kind      CondKind  `json:"kind"`
	EveryTurn bool      `json:"every-turn"` // scored after every resolution; else once at the end
	AtLeast   bool      `json:"at-least"`   // op >=; otherwise <=
	Seat      int       `json:"seat"`       // whose indicator, lever or deal: the holder unless the objective names another
	Indicator Indicator `json:"indicator"`
	World     int       `json:"world"`
	Lever     int       `json:"lever"`
	Slot      int       `json:"slot"` // the lever's policy slot (its target, or 0)
	Level     int       `json:"level"`
	DealWith  int       `json:"deal-with"`
	Value     float64   `json:"value"`
}

// Position is a moment, real or forecast, as far as objectives look at
// it: every seat's indicators and policy, the world, and which seats
// have a deal in force with which.
type Position struct {
	Ind    *[MaxSeats][MaxIndicators]float64
	World  *[MaxWorld]float64
	Policy []Policy
	// Pacts[i] holds the seats i has a deal in force with.
	Pacts *[MaxSeats]SeatSet
}

// Holds evaluates the condition in a position.
func (c *Condition) Holds(p *Position) bool {
	cmp := func(x, bound float64) bool {
		if c.AtLeast {
			return x >= bound
		}
		return x <= bound
	}
	switch c.Kind {
	case CondIndicator:
		return cmp(p.Ind[c.Seat][c.Indicator], c.Value)
	case CondWorld:
		return cmp(p.World[c.World], c.Value)
	case CondLever:
		if c.Seat >= len(p.Policy) {
			return false
		}
		return cmp(float64(p.Policy[c.Seat][c.Lever][c.Slot]), float64(c.Level))
	case CondDeal:
		return p.Pacts != nil && p.Pacts[c.Seat].Has(c.DealWith)
	}
	return false
}

// Satisfying is the level of the condition's lever nearest to level that
// meets it.
func (c *Condition) Satisfying(level int) int {
	if c.AtLeast {
		return max(level, c.Level)
	}
	return min(level, c.Level)
}

// PactsOf lists, for every seat, the seats it has a deal in force with,
// among the given deals.
func PactsOf(deals []Deal) [MaxSeats]SeatSet {
	var out [MaxSeats]SeatSet
	for i := range deals {
		d := &deals[i]
		if d.Status != InForce {
			continue
		}
		for _, a := range d.Parties.Seats() {
			if a < MaxSeats {
				out[a] |= d.Parties.Without(a)
			}
		}
	}
	return out
}

// position is the state as objectives see it.
func (st *State) position(ind *[MaxSeats][MaxIndicators]float64, pols []Policy, pacts *[MaxSeats]SeatSet) Position {
	for i := range st.Seats {
		ind[i] = st.Seats[i].Ind
		pols[i] = st.Seats[i].Policy
	}
	*pacts = PactsOf(st.Deals)
	return Position{Ind: ind, World: &st.World, Policy: pols, Pacts: pacts}
}

// Position is the view's present moment as objectives see it: the
// indicators and policies in force, and the deals in force the viewer
// knows of.
func (v *View) Position() Position {
	var ind [MaxSeats][MaxIndicators]float64
	pols := make([]Policy, len(v.Seats))
	for i := range v.Seats {
		ind[i] = v.Seats[i].Ind
		pols[i] = v.Seats[i].Policy
	}
	pacts := PactsOf(v.Deals)
	world := v.World
	return Position{Ind: &ind, World: &world, Policy: pols, Pacts: &pacts}
}
