package game

import (
	"cmp"
	"maps"
	"slices"
)

// scenarioIndex is a scenario with its string references resolved to
// indices, built once by Validate so that play never looks up a name.
type scenarioIndex struct {
	seat       map[string]int
	lever      map[string]int
	kind       [NumLeverKinds]int8 // lever index of each kind, -1 when absent
	levers     []leverIndex
	objectives [][]objectiveIndex // public objectives by seat
	pool       [][]objectiveIndex // secret objective pool by seat
	timeline   []eventIndex
	deck       []eventIndex
	settlement SeatSet
	model      Model
}

type leverIndex struct {
	kind     LeverKind
	scope    Scope
	setters  SeatSet
	targets  SeatSet
	levels   map[string]int
	coercive int // first coercive level, -1 for none
}

type condKind uint8

const (
	condIndicator condKind = iota
	condWorld
	condLever
	condDeal
)

type objectiveIndex struct {
	kind      condKind
	everyTurn bool
	atLeast   bool // op >=; otherwise <=
	seat      int  // whose indicator or lever
	indicator Indicator
	world     WorldIndicator
	lever     int
	towards   int
	level     int
	dealWith  int
	value     float64
	points    float64
}

type effectKind uint8

const (
	effIndicator effectKind = iota
	effWorld
	effLever
	effTrust
)

type effectIndex struct {
	kind      effectKind
	seat      int // -1 with allSeats, or for world effects
	allSeats  bool
	indicator Indicator
	world     WorldIndicator
	lever     int
	towards   int // -1: every target the lever allows
	level     int
	trustWith int
	add       float64
	set       float64
	hasSet    bool
}

type eventIndex struct {
	audience SeatSet // 0: everyone
	effects  []effectIndex
}

func sortedKeys[M ~map[K]V, K cmp.Ordered, V any](m M) []K {
	return slices.Sorted(maps.Keys(m))
}

// SeatIndex returns the index of the seat with the given id.
func (sc *Scenario) SeatIndex(id string) (int, bool) {
	if sc.ix == nil {
		return 0, false
	}
	i, ok := sc.ix.seat[id]
	return i, ok
}

// LeverIndex returns the index of the lever with the given id.
func (sc *Scenario) LeverIndex(id string) (int, bool) {
	if sc.ix == nil {
		return 0, false
	}
	i, ok := sc.ix.lever[id]
	return i, ok
}

// LeverOfKind returns the index of the scenario's lever of kind k.
func (sc *Scenario) LeverOfKind(k LeverKind) (int, bool) {
	if sc.ix == nil || k >= NumLeverKinds || sc.ix.kind[k] < 0 {
		return 0, false
	}
	return int(sc.ix.kind[k]), true
}

// LevelIndex returns the index of a level of lever l.
func (sc *Scenario) LevelIndex(l int, id string) (int, bool) {
	if sc.ix == nil || l < 0 || l >= len(sc.ix.levers) {
		return 0, false
	}
	j, ok := sc.ix.levers[l].levels[id]
	return j, ok
}

// LeverScope is the scope of lever l.
func (sc *Scenario) LeverScope(l int) Scope { return sc.ix.levers[l].scope }

// LeverKindOf is the kind of lever l.
func (sc *Scenario) LeverKindOf(l int) LeverKind { return sc.ix.levers[l].kind }

// MaySet reports whether seat may set lever l at all.
func (sc *Scenario) MaySet(seat, l int) bool { return sc.ix.levers[l].setters.Has(seat) }

// MayTarget reports whether seat may set the each-scoped lever l towards to.
func (sc *Scenario) MayTarget(seat, l, to int) bool { return sc.ix.mayTarget(l, seat, to) }

// Slots lists the policy slots seat uses for lever l: the targets of an
// each-scoped lever, or slot 0 for a lever of scope all or self.
func (sc *Scenario) Slots(seat, l int) []int {
	li := &sc.ix.levers[l]
	if !li.setters.Has(seat) {
		return nil
	}
	if li.scope != ScopeEach {
		return []int{0}
	}
	var out []int
	for to := range sc.Seats {
		if sc.ix.mayTarget(l, seat, to) {
			out = append(out, to)
		}
	}
	return out
}

// CoerciveLevel is the first coercive level of lever l, or -1.
func (sc *Scenario) CoerciveLevel(l int) int { return sc.ix.levers[l].coercive }

// ModelImpl is the model that resolves this scenario's turns.
func (sc *Scenario) ModelImpl() Model { return sc.ix.model }
