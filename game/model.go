package game

import (
	"slices"
	"sort"
)

// A Model turns every seat's orders into the next state of the world. It
// is a plug-in, in the manner of godip's variants: a package of its own
// registers a ModelSpec and a builder, and a scenario names it by kind.
// The engine core knows nothing of what a model computes: it gives the
// model the levers, indicators and world indicators the spec declares,
// keeps the model's own state in State.Model, and calls Resolve once a
// turn. The same code serves resolution and Forecast, so what a player
// previews is what the engine will do (given the same orders from
// everyone).
type Model interface {
	// Init sets the starting indicators and the model's own state
	// (State.Model) of a new game.
	Init(st *State)
	// Resolve runs one turn on st, whose seats' Policy already holds the
	// turn's orders. st.Model is the model's own copy (the engine clones
	// it first), so Resolve may change it in place. It records each
	// indicator's change and its causes with Record, and may report
	// events through report (a forecast passes a report that drops them).
	Resolve(st *State, report func(Event))
}

// ModelState is the state a model keeps between turns: capacity under
// construction, stockpiles, whatever it needs. It must marshal to JSON
// (the state's hash covers it) and Clone must return a deep copy, since
// states are values that share nothing they may write.
type ModelState interface {
	Clone() ModelState
}

// ModelSpec declares a model's vocabulary: the lever kinds it reads, the
// indicators it reports for each seat and for the world, its parameters
// and how its causes read. Scenarios are checked against it.
type ModelSpec struct {
	Kind string
	// Doc says in a line what the model is.
	Doc string
	// Levers are the lever kinds a scenario of this model may define.
	Levers []LeverKindSpec
	// Indicators are the per-seat indicators the model reports, after the
	// engine's own (score and capital, see CoreIndicators).
	Indicators []IndicatorSpec
	// World are the world-level indicators.
	World []IndicatorSpec
	// Params are the named constants a scenario may set under
	// model.params.
	Params []ParamSpec
	// Stocks are the quantities in the model's own state, per seat, that
	// an event may move (capacity, a stockpile); the model must then be a
	// StockModel.
	Stocks []StockSpec
	// UsesCapital says whether the model moves political capital; when it
	// does not, the interface need not show it.
	UsesCapital bool
	// CauseText says what one cause of a change was, for the seat it
	// affected, in words a player reads ("PRC licensing 'deny' (-58.5)").
	CauseText func(c Cause, n Names, seat int) string
	// Build checks the scenario's model section and the profile fields
	// the model reads, and compiles the model for that scenario. The
	// scenario's lever, seat and parameter accessors work while it runs,
	// over what has been checked so far; mistakes elsewhere are reported
	// already and the model must tolerate the gaps they leave.
	Build func(sc *Scenario, p *Problems) Model
}

// StockSpec is one quantity of a seat in a model's own state that events
// may move.
type StockSpec struct {
	Name string // the id effects use: "separation"
	Unit string
	Doc  string
}

// A StockModel is a model whose own state events may move.
type StockModel interface {
	Model
	// Shock adds add to stock k of seat in st.Model (or, with hasSet, sets
	// it to set), keeping the state valid. st.Model is already the
	// caller's own copy.
	Shock(st *State, seat, k int, add, set float64, hasSet bool)
}

// LeverKindSpec is one kind of lever a model reads.
type LeverKindSpec struct {
	Name  string
	Scope Scope
	Doc   string
	// Hostile levers hurt the seat they are aimed at more the stronger
	// they are set (tariffs, controls, licence denial): the levers a move
	// rule cooperates or defects with, and whose milder settings a deal
	// concedes.
	Hostile bool
	// Spend levers spend on the seat's own supply or resilience.
	Spend bool
	// Bounds are the commitments a deal clause may make on a lever of
	// this kind: keep it at most, or at least, at a level. Empty: a deal
	// cannot bind it.
	Bounds []Bound
	// AtMost and AtLeast are how a clause's bound reads for this kind
	// ("at most", or "at least as open as" for licensing, whose milder
	// levels are more open). Empty means "at most" and "at least".
	AtMost, AtLeast string
	// Towards is the word before the target in a sentence ("on" for a
	// tariff on a seat's goods); empty means "towards".
	Towards string
	// Unit, when set, is the unit of the levels' values, which are then
	// what a screen shows ("%" for a tariff rate); otherwise a level shows
	// by its id.
	Unit string
}

// IndicatorSpec describes one indicator, of a seat or of the world.
type IndicatorSpec struct {
	Name  string // the id scenarios and commands use: "economy"
	Label string // a short column heading: "econ"
	Title string // a full name: "Economic output"
	Unit  string // printed after the value: "%", "$/kg", "" for an index
	Doc   string // one line for the glossary and help
	// Min and Max bound the indicator; event effects are clamped to them
	// and overrides refused outside them. Use -Unbounded and Unbounded
	// for an indicator with no bound.
	Min, Max float64
	// Better says which way is good for the seat it belongs to: +1 when
	// higher is better, -1 when lower is, 0 when neither.
	Better int
	// Decimals is how many decimals a screen shows.
	Decimals int
	// Scale multiplies the stored value for display (100 for a share
	// shown as a percentage).
	Scale float64
}

// Clamp keeps x within the indicator's bounds.
func (s *IndicatorSpec) Clamp(x float64) float64 { return max(s.Min, min(s.Max, x)) }

// Unbounded is the bound of an indicator that has none: large enough
// never to bind, small enough that arithmetic on it stays finite.
const Unbounded = 1e12

// ParamSpec documents one named model parameter and its bounds.
type ParamSpec struct {
	Name    string
	Default float64
	Min     float64
	Max     float64
	Doc     string
}

// Names are the public names a cause's text may need.
type Names interface {
	SeatName(i int) string
	// Tag is a seat's short name in a sentence: US, PRC, EU, Japan.
	Tag(i int) string
	LeverName(l int) string
	LevelName(l, level int) string
}

var models = map[string]*ModelSpec{}

// RegisterModel makes a model available to scenarios under its kind. A
// model package calls it from init; registering a kind twice panics, as
// it is a programming error.
func RegisterModel(spec *ModelSpec) {
	if spec == nil || spec.Kind == "" || spec.Build == nil {
		panic("game: RegisterModel needs a spec with a kind and a builder")
	}
	if _, dup := models[spec.Kind]; dup {
		panic("game: model " + spec.Kind + " registered twice")
	}
	models[spec.Kind] = spec
}

// ModelKinds lists the model names a scenario may choose.
func ModelKinds() []string {
	out := make([]string, 0, len(models))
	for k := range models {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ModelParams lists the parameters of a model kind.
func ModelParams(kind string) []ParamSpec {
	if m, ok := models[kind]; ok {
		return slices.Clone(m.Params)
	}
	return nil
}

// validateParams checks the scenario's model parameters against the
// spec, refusing unknown names and values out of bounds, and resolves
// every parameter to its value or default.
func validateParams(sc *Scenario, spec *ModelSpec, p *Problems) []float64 {
	vals := make([]float64, len(spec.Params))
	for k, s := range spec.Params {
		vals[k] = s.Default
	}
	for _, name := range sortedKeys(sc.Model.Params) {
		i := slices.IndexFunc(spec.Params, func(s ParamSpec) bool { return s.Name == name })
		if i < 0 {
			p.Add("$.model.params."+name, "model %q has no parameter %q", sc.Model.Kind, name)
			continue
		}
		x := sc.Model.Params[name]
		if !(x >= spec.Params[i].Min && x <= spec.Params[i].Max) { // NaN fails too
			p.Add("$.model.params."+name, "must be between %g and %g, not %g", spec.Params[i].Min, spec.Params[i].Max, x)
			continue
		}
		vals[i] = x
	}
	return vals
}
