package game

import (
	"slices"
	"sort"
)

// A Model turns every seat's orders into the next state of the world. The
// same code serves resolution and Forecast, so what a player previews is
// what the engine will do (given the same orders from everyone).
//
// Resolve is called with every seat's Policy already set to the orders of
// the turn; it updates indicators, the world and model state in place and
// records the largest causes of each change in st.Changes.
type Model interface {
	Kind() string
	// Validate checks the scenario's model section and the profile fields
	// the model needs. ix may be partly built when the scenario has other
	// mistakes; those are reported already.
	Validate(sc *Scenario, ix *scenarioIndex, p *Problems)
	// Init sets the starting indicators and model state of a new game.
	Init(st *State)
	// Resolve runs one turn.
	Resolve(st *State)
}

var models = map[string]func() Model{}

// registerModel makes a model available to scenarios under its kind name.
func registerModel(kind string, mk func() Model) { models[kind] = mk }

// ModelKinds lists the model names a scenario may choose.
func ModelKinds() []string {
	out := make([]string, 0, len(models))
	for k := range models {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// paramSpec documents one named model parameter and its bounds.
type paramSpec struct {
	name    string
	def     float64
	lo, hi  float64
	comment string
}

// validateParams checks a model's parameters in the scenario, refusing
// unknown names and values out of bounds; param gives a value or its default.
func validateParams(sc *Scenario, specs []paramSpec, p *Problems) {
	for _, name := range sortedKeys(sc.Model.Params) {
		i := slices.IndexFunc(specs, func(s paramSpec) bool { return s.name == name })
		if i < 0 {
			p.Add("$.model.params."+name, "model %q has no parameter %q", sc.Model.Kind, name)
			continue
		}
		if x := sc.Model.Params[name]; !(x >= specs[i].lo && x <= specs[i].hi) { // NaN fails too
			p.Add("$.model.params."+name, "must be between %g and %g, not %g", specs[i].lo, specs[i].hi, x)
		}
	}
}

// param returns the scenario's value for a parameter, or its default.
func param(sc *Scenario, s paramSpec) float64 {
	if x, ok := sc.Model.Params[s.name]; ok {
		return x
	}
	return s.def
}

// ParamDoc describes one model parameter for documentation and the CLI.
type ParamDoc struct {
	Name    string
	Default float64
	Min     float64
	Max     float64
	Doc     string
}

// ModelParams lists the parameters of a model kind.
func ModelParams(kind string) []ParamDoc {
	var specs []paramSpec
	switch kind {
	case EconomyModelKind:
		specs = economyParams[:]
	}
	out := make([]ParamDoc, len(specs))
	for i, s := range specs {
		out[i] = ParamDoc{s.name, s.def, s.lo, s.hi, s.comment}
	}
	return out
}
