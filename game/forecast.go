package game

import "errors"

// Projection is the model's expectation for one turn ahead.
type Projection struct {
	Turn    int                              `json:"turn"`
	Ind     [MaxSeats][NumIndicators]float64 `json:"indicators"`
	World   [NumWorld]float64                `json:"world"`
	Changes []Change                         `json:"changes"`
}

// ErrNoForecast is returned when a view cannot be forecast from: it belongs
// to no seat, or to a game that is over.
var ErrNoForecast = errors.New("a forecast needs a seat's view of a game in progress")

// Forecast runs the model `turns` turns ahead from what a seat's view
// shows, with the seat playing `orders` and every other seat keeping the
// policy it has in force (a seat cannot see others' orders). It is the
// resolution's own model code on a copy, so a preview and the turn agree
// when the others do keep their policies. Scores from objectives are not
// forecast: other seats' secret objectives are unknown.
func Forecast(v *View, orders Policy, turns int) ([]Projection, error) {
	if v.sc == nil || v.Viewer < 0 || v.Viewer >= len(v.Seats) || v.Phase == GameOver || turns < 1 {
		return nil, ErrNoForecast
	}
	turns = min(turns, v.sc.Turns)
	st := State{sc: v.sc, ScenarioID: v.Scenario.ID, Phase: Resolution, Turn: v.Turn, World: v.World,
		Seats: make([]SeatState, len(v.Seats))}
	for i := range v.Seats {
		sv := &v.Seats[i]
		st.Seats[i] = SeatState{Policy: sv.Policy, Ind: sv.Ind, Trust: sv.Trust, Econ: sv.Econ}
	}
	st.Seats[v.Viewer].Policy = orders
	out := make([]Projection, turns)
	model := v.sc.ix.model
	for k := range out {
		st.Changes = nil
		model.Resolve(&st)
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
