package game

import "errors"

// Projection is the model's expectation for one turn ahead.
type Projection struct {
	Turn    int                              `json:"turn"`
	Ind     [MaxSeats][MaxIndicators]float64 `json:"indicators"`
	World   [MaxWorld]float64                `json:"world"`
	Changes []Change                         `json:"changes"`
}

// ErrNoForecast is returned when a view cannot be forecast from: it belongs
// to no seat, or to a game that is over.
var ErrNoForecast = errors.New("a forecast needs a seat's view of a game in progress")

// Forecast runs the model `turns` turns ahead from what a seat's view
// shows, with the seat playing `orders` and every other seat keeping the
// policy it has in force, moved inside every deal binding it that the
// viewer can see (a seat cannot see others' orders, but it can expect
// them to keep their word). It is the resolution's own model code on a
// copy, so a preview and the turn agree when the others do as expected.
// Scores from objectives are not forecast: other seats' secret
// objectives are unknown.
func Forecast(v *View, orders Policy, turns int) ([]Projection, error) {
	if v.sc == nil || v.Viewer < 0 || v.Viewer >= len(v.Seats) {
		return nil, ErrNoForecast
	}
	pols := Expected(v)
	pols[v.Viewer] = orders
	return Project(v, pols, turns)
}

// Expected is every seat's policy as the viewer expects it this turn: the
// policy in force, moved inside every deal binding the seat that the
// viewer can see.
func Expected(v *View) []Policy {
	pols := make([]Policy, len(v.Seats))
	for i := range v.Seats {
		pols[i] = v.Seats[i].Policy
	}
	for _, d := range v.Deals {
		if !d.Binds(v.Turn) {
			continue
		}
		for k := range d.Clauses {
			c := &d.Clauses[k]
			c.Keep(&pols[c.Actor])
		}
	}
	return pols
}

// Project runs the model `turns` turns ahead from what a seat's view
// shows, with every seat playing the given policy: the look-ahead of an
// AI that forms its own expectations of the others.
func Project(v *View, policies []Policy, turns int) ([]Projection, error) {
	if turns < 1 {
		return nil, ErrNoForecast
	}
	return ProjectPlan(v, func(int, *Projection) []Policy { return policies }, turns)
}

// ProjectPlan is Project with policies that change from turn to turn:
// plan gives every seat's policy for the k-th turn ahead (k from 0),
// seeing the projection of the turn before (nil for k = 0). It is how an
// AI plays forward its expectations of how the others will answer it.
func ProjectPlan(v *View, plan func(k int, prev *Projection) []Policy, turns int) ([]Projection, error) {
	if v.sc == nil || v.Viewer < 0 || v.Viewer >= len(v.Seats) || v.Phase == GameOver || turns < 1 {
		return nil, ErrNoForecast
	}
	policies := plan(0, nil)
	if len(policies) != len(v.Seats) {
		return nil, ErrNoForecast
	}
	turns = min(turns, v.sc.Turns)
	st := State{sc: v.sc, ScenarioID: v.Scenario.ID, Phase: Resolution, Turn: v.Turn, World: v.World,
		Seats: make([]SeatState, len(v.Seats))}
	if v.model != nil {
		st.Model = v.model.Clone()
	}
	for i := range v.Seats {
		sv := &v.Seats[i]
		st.Seats[i] = SeatState{Policy: policies[i], Ind: sv.Ind, Trust: sv.Trust}
	}
	out := make([]Projection, turns)
	model := v.sc.ix.model
	for k := range out {
		if k > 0 {
			policies = plan(k, &out[k-1])
			if len(policies) != len(v.Seats) {
				return nil, ErrNoForecast
			}
			for i := range st.Seats {
				st.Seats[i].Policy = policies[i]
			}
		}
		st.Changes = nil
		model.Resolve(&st, dropEvent)
		p := &out[k]
		p.Turn = v.Turn + k
		p.World = st.World
		p.Changes = st.Changes
		for i := range st.Seats {
			p.Ind[i] = st.Seats[i].Ind
		}
	}
	return out, nil
}

func dropEvent(Event) {}

// Position is the projection as objectives see it, with the given
// policies and deals in force.
func (p *Projection) Position(policy []Policy, pacts *[MaxSeats]SeatSet) Position {
	return Position{Ind: &p.Ind, World: &p.World, Policy: policy, Pacts: pacts}
}
