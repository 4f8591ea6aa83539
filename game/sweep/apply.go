package sweep

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// PointError is a point whose scenario does not validate: a parameter's
// values together, or a lever a seat may not set towards its target.
type PointError struct {
	Point  int
	Values string // "model.params.x=1.5 seats.prc.start.licensing=deny"
	Errs   []game.FieldError
}

func (e *PointError) Error() string {
	return fmt.Sprintf("point %d (%s): %s: %s", e.Point, e.Values, e.Errs[0].Path, e.Errs[0].Msg)
}

// Describe writes a point's values as PATH=VALUE, space-separated.
func (p *Plan) Describe(point int) string {
	var b strings.Builder
	for i := range p.Dims {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p.Dims[i].Name + "=" + p.Dims[i].Label(p.Points[point][i]))
	}
	return b.String()
}

// Scenario is the base scenario with a point's values set, validated.
// The base is not changed: what a point sets is copied first.
func (p *Plan) Scenario(base *game.Scenario, point int) (*game.Scenario, error) {
	sc := base.Data()
	sc.Model.Params = maps.Clone(sc.Model.Params)
	if sc.Model.Params == nil {
		sc.Model.Params = map[string]float64{}
	}
	sc.Seats = slices.Clone(sc.Seats)
	copied := map[int]bool{}
	for i := range p.Dims {
		d := &p.Dims[i]
		v := p.Points[point][i]
		if !d.IsLever() {
			sc.Model.Params[d.param] = v
			continue
		}
		si, _ := base.SeatIndex(d.seat)
		seat := &sc.Seats[si]
		if !copied[si] {
			copied[si] = true
			start := make(map[string]map[string]string, len(seat.Start))
			for k, m := range seat.Start {
				start[k] = maps.Clone(m)
			}
			seat.Start = start
		}
		if d.target == "all" || seat.Start[d.lever] == nil {
			// "all" sets every target: settings towards single seats
			// would otherwise stand against it.
			seat.Start[d.lever] = map[string]string{}
		}
		seat.Start[d.lever][d.target] = d.Levels[int(v)]
	}
	if errs := sc.Validate(); len(errs) > 0 {
		return nil, &PointError{Point: point, Values: p.Describe(point), Errs: errs}
	}
	return &sc, nil
}
