package game

import (
	"cmp"
	"maps"
	"slices"
)

// scenarioIndex is a scenario compiled by Validate: its public part, and
// the private tables play needs (names resolved to indices, secret
// objective pools, events), so that play never looks up a name.
type scenarioIndex struct {
	public     *PublicScenario
	seat       map[string]int
	lever      map[string]int
	byKind     []int         // lever index of each of the model's lever kinds, -1 when absent
	pool       [][]Condition // secret objective pool by seat
	timeline   []eventIndex
	deck       []eventIndex
	spec       *ModelSpec
	params     []float64 // the model's parameters, in the order of spec.Params
	model      Model
	indicators []IndicatorSpec // the engine's, then the model's
	world      []IndicatorSpec
	// cards are the timeline's and the deck's events as the
	// facilitator's view lists them; never written once built.
	cards []EventCard
}

type effectKind uint8

const (
	effIndicator effectKind = iota
	effWorld
	effLever
	effTrust
	effStock
)

type effectIndex struct {
	kind      effectKind
	seat      int // -1 with allSeats, or for world effects
	allSeats  bool
	indicator Indicator
	world     int
	lever     int
	towards   int // -1: every target the lever allows
	level     int
	trustWith int
	stock     int
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

// Public is the part of the scenario every seat may know, or nil for a
// scenario that has not been validated.
func (sc *Scenario) Public() *PublicScenario {
	if sc.ix == nil {
		return nil
	}
	return sc.ix.public
}

// The accessors below serve models and loaders. They read the compiled
// scenario, so they work once Validate has accepted it, and, for a
// model's Build, while Validate runs.

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

// LeverOfKind returns the index of the scenario's lever of the model's
// lever kind k (its index in ModelSpec.Levers).
func (sc *Scenario) LeverOfKind(k int) (int, bool) {
	if sc.ix == nil || k < 0 || k >= len(sc.ix.byKind) || sc.ix.byKind[k] < 0 {
		return 0, false
	}
	return sc.ix.byKind[k], true
}

// LevelValue is the number behind level j of lever l.
func (sc *Scenario) LevelValue(l, j int) float64 { return sc.Levers[l].Levels[j].Value }

// LeverScope is the scope of lever l.
func (sc *Scenario) LeverScope(l int) Scope { return sc.ix.public.Levers[l].Scope }

// MaySet reports whether seat may set lever l at all.
func (sc *Scenario) MaySet(seat, l int) bool { return sc.ix.public.MaySet(seat, l) }

// MayTarget reports whether seat may set the each-scoped lever l towards to.
func (sc *Scenario) MayTarget(seat, l, to int) bool { return sc.ix.public.MayTarget(seat, l, to) }

// CoerciveLevel is the first coercive level of lever l, or -1.
func (sc *Scenario) CoerciveLevel(l int) int { return sc.ix.public.Levers[l].Coercive }

// Param is the value of the model's parameter k (its index in
// ModelSpec.Params): the scenario's, or the default.
func (sc *Scenario) Param(k int) float64 { return sc.ix.params[k] }

// Rounds is how many negotiation rounds a turn may have: the scenario's
// negotiation.rounds, where 0 means 3.
func (sc *Scenario) Rounds() int {
	if sc.Negotiation.Rounds == 0 {
		return 3
	}
	return sc.Negotiation.Rounds
}

// LevelIndex returns the index of a level of lever l.
func (sc *Scenario) LevelIndex(l int, id string) (int, bool) {
	if sc.ix == nil {
		return 0, false
	}
	return sc.ix.public.LevelIndex(l, id)
}

// Data is a copy of the scenario as written, without what Validate
// compiled from it: two scenarios with equal Data say the same thing.
func (sc *Scenario) Data() Scenario {
	c := *sc
	c.ix = nil
	return c
}
