package sim_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// numbers lists setters for every number of a scenario, by reflection.
func numbers(rv reflect.Value, set func(reflect.Value), out *[]func(float64) func()) {
	switch rv.Kind() {
	case reflect.Pointer:
		if !rv.IsNil() {
			numbers(rv.Elem(), nil, out)
		}
	case reflect.Struct:
		for i := range rv.NumField() {
			if rv.Type().Field(i).IsExported() {
				f := rv.Field(i)
				numbers(f, func(x reflect.Value) { f.Set(x) }, out)
			}
		}
	case reflect.Slice:
		for i := range rv.Len() {
			e := rv.Index(i)
			numbers(e, func(x reflect.Value) { e.Set(x) }, out)
		}
	case reflect.Map:
		for _, k := range rv.MapKeys() {
			if rv.Type().Elem().Kind() == reflect.Float64 {
				*out = append(*out, func(x float64) func() {
					old := rv.MapIndex(k)
					rv.SetMapIndex(k, reflect.ValueOf(x))
					return func() { rv.SetMapIndex(k, old) }
				})
				continue
			}
			numbers(rv.MapIndex(k), nil, out)
		}
	case reflect.Float64:
		*out = append(*out, func(x float64) func() {
			old := rv.Float()
			rv.SetFloat(x)
			return func() { rv.SetFloat(old) }
		})
	case reflect.Int:
		*out = append(*out, func(x float64) func() {
			old := rv.Int()
			rv.SetInt(int64(x))
			return func() { rv.SetInt(old) }
		})
	}
}

// No valid scenario makes a score or an indicator infinite: every number
// of the default scenario and of the payoff-table one is pushed, one
// after another, to the largest magnitude Validate accepts, and games
// with AI seats still end with finite results that JSON can carry.
func TestExtremeValidScenariosStayFinite(t *testing.T) {
	if testing.Short() {
		t.Skip("plays games of stretched scenarios")
	}
	for _, id := range []string{"rare-earth-card", "prisoners-dilemma"} {
		t.Run(id, func(t *testing.T) {
			sc, err := content.Get(id)
			if err != nil {
				t.Fatal(err)
			}
			var setters []func(float64) func()
			numbers(reflect.ValueOf(sc).Elem(), nil, &setters)
			stretched := 0
			for _, set := range setters {
				for _, x := range []float64{game.MaxNumber, -game.MaxNumber, 1000, -1000, 100, 1} {
					undo := set(x)
					if sc.Validate() == nil {
						stretched++
						break
					}
					undo()
				}
			}
			if errs := sc.Validate(); errs != nil {
				t.Fatalf("the stretched scenario does not validate: %v", errs)
			}
			t.Logf("%d of %d numbers stretched", stretched, len(setters))
			op, err := content.GetPersonality("opportunist")
			if err != nil {
				t.Fatal(err)
			}
			seats := make([]sim.SeatPlayer, len(sc.Seats))
			for i := range seats {
				mk, err := content.PersonalityPlayer(sc, sc.Seats[i].ID, op, ai.Easy, "opportunist")
				if err != nil {
					t.Fatal(err)
				}
				seats[i] = sim.SeatPlayer{Name: "opportunist", Seeded: mk}
			}
			var trace bytes.Buffer
			res, err := sim.Run(sim.Config{Scenario: sc, Games: 2, Seed: 1, Seats: seats, Workers: 2, Trace: &trace})
			if err != nil {
				t.Fatal(err)
			}
			if err := sim.WriteJSON(&bytes.Buffer{}, res); err != nil {
				t.Fatalf("the results do not encode: %v", err)
			}
			if bytes.Contains(trace.Bytes(), []byte("null")) {
				t.Fatalf("the trace holds a number that is not finite")
			}
		})
	}
}
