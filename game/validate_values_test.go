package game_test

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	. "github.com/chokepoint-game/chokepoint/game"
)

// leaf is one text or number of a scenario, with its YAML path and a way
// to change it in place.
type leaf struct {
	path string
	kind reflect.Kind
	set  func(reflect.Value)
}

// leaves lists the texts and numbers of v by reflection, in a fixed order,
// so that every field a scenario gains later is covered too.
func leaves(rv reflect.Value, path string, set func(reflect.Value), out *[]leaf) {
	switch rv.Kind() {
	case reflect.Pointer:
		if !rv.IsNil() {
			leaves(rv.Elem(), path, func(x reflect.Value) { rv.Elem().Set(x) }, out)
		}
	case reflect.Struct:
		t := rv.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			fv := rv.Field(i)
			leaves(fv, path+"."+name, func(x reflect.Value) { fv.Set(x) }, out)
		}
	case reflect.Slice:
		for i := range rv.Len() {
			e := rv.Index(i)
			leaves(e, fmt.Sprintf("%s[%d]", path, i), func(x reflect.Value) { e.Set(x) }, out)
		}
	case reflect.Map:
		keys := rv.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			// A map value cannot be set in place; a copy is changed and
			// stored back.
			leaves(rv.MapIndex(k), path+"."+k.String(), func(x reflect.Value) { rv.SetMapIndex(k, x) }, out)
		}
	case reflect.String, reflect.Float64, reflect.Int:
		*out = append(*out, leaf{path: path, kind: rv.Kind(), set: set})
	}
}

func scenarioLeaves(sc *Scenario) []leaf {
	var out []leaf
	leaves(reflect.ValueOf(sc).Elem(), "$", nil, &out)
	return out
}

// Every text field of a scenario refuses terminal escapes, and a
// carriage return; only the multi-line ones take a line break.
func TestValidateRefusesControlCharactersInEveryText(t *testing.T) {
	n := 0
	for i, l := range scenarioLeaves(tinyScenario()) {
		if l.kind != reflect.String {
			continue
		}
		n++
		for _, bad := range []string{"x\x1b]0;PWNED\a\x1b[2J\x1b[31mRED", "US\rPRC", "a\u202eb"} {
			sc := tinyScenario()
			scenarioLeaves(sc)[i].set(reflect.ValueOf(bad))
			if !hasError(sc.Validate(), l.path) {
				t.Errorf("%s = %q: no error at that path", l.path, bad)
			}
		}
		sc := tinyScenario()
		scenarioLeaves(sc)[i].set(reflect.ValueOf("two\nlines"))
		errs := sc.Validate()
		multi := strings.HasSuffix(l.path, ".briefing") || strings.HasSuffix(l.path, ".summary") ||
			strings.HasSuffix(l.path, ".help") || strings.HasSuffix(l.path, ".text") && !strings.Contains(l.path, "objectives")
		if got := hasError(errs, l.path); got == multi {
			t.Errorf("%s with a line break: error %v, want %v (%v)", l.path, got, !multi, errs)
		}
	}
	if n < 50 {
		t.Fatalf("only %d text fields found: the walk misses some", n)
	}
}

// Every number of a scenario is bounded, so that no valid scenario can
// make a score or an indicator overflow.
func TestValidateBoundsEveryNumber(t *testing.T) {
	n := 0
	for i, l := range scenarioLeaves(tinyScenario()) {
		var huge []reflect.Value
		switch l.kind {
		case reflect.Float64:
			huge = []reflect.Value{reflect.ValueOf(1.5e308), reflect.ValueOf(-1e7), reflect.ValueOf(math.Inf(1)), reflect.ValueOf(math.NaN())}
		case reflect.Int:
			huge = []reflect.Value{reflect.ValueOf(math.MaxInt), reflect.ValueOf(math.MinInt)}
		default:
			continue
		}
		n++
		for _, x := range huge {
			sc := tinyScenario()
			scenarioLeaves(sc)[i].set(x)
			if errs := sc.Validate(); !hasError(errs, l.path) {
				t.Errorf("%s = %v: no error at that path (%v)", l.path, x, errs)
			}
		}
	}
	if n < 40 {
		t.Fatalf("only %d numbers found: the walk misses some", n)
	}
}

func hasError(errs []FieldError, path string) bool {
	return slices.ContainsFunc(errs, func(e FieldError) bool { return e.Path == path })
}

func TestValidateMessages(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Scenario)
		want   string
	}{
		{"no model kind", func(sc *Scenario) { sc.Model.Kind = "" }, `$.model.kind: is required (one of economy, payoff-table`}, // and any a test registers
		{"clock of a year", func(sc *Scenario) { sc.Negotiation.ClockSeconds = 9_300_000_000 },
			`$.negotiation.clock-seconds: must be between 0 (no clock) and 86400 (a day), not 9300000000`},
		{"huge points", func(sc *Scenario) { sc.Seats[0].Objectives[0].Points = 1.5e308 },
			`$.seats[0].objectives[0].points: must be between -1000000 and 1000000, not 1.5e+308`},
		{"infinite world", func(sc *Scenario) { sc.World["price-world"] = math.Inf(1) },
			`$.world.price-world: must be between 0 and 1e+12, not +Inf`},
		{"escape in a title", func(sc *Scenario) { sc.Title = "\x1b]0;PWNED\a" },
			`$.title: contains a control character (ESC, U+001B) at character 1: text here may hold only printable characters`},
		{"deck weight", func(sc *Scenario) { sc.Deck.Events[0].Weight = 2e6 },
			`$.deck.events[0].weight: must be more than 0 and at most 1000000, not 2e+06`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := tinyScenario()
			c.change(sc)
			errs := sc.Validate()
			for _, e := range errs {
				if strings.HasPrefix(e.Error(), c.want) {
					return
				}
			}
			t.Fatalf("want %q, got %v", c.want, errs)
		})
	}
}

// Text that players send is shown on the other players' screens: the
// engine refuses control characters in it.
func TestPlayerTextRefusesControlCharacters(t *testing.T) {
	bad := "\x1b[2J\x1b[31mgotcha"
	g := newTestGame(t, mustTiny(t), 1)
	g.toNegotiation()
	deal := func(title, note string) *Proposal {
		p := calm("prc")
		p.Title, p.Note = title, note
		return p
	}
	cmds := []struct {
		name string
		cmd  Command
		want error
	}{
		{"proposal title", Command{Kind: CmdPropose, Seat: "us", Proposal: deal(bad, "")}, ErrBadDeal},
		{"proposal title with a return", Command{Kind: CmdPropose, Seat: "us", Proposal: deal("calm\rwar", "")}, ErrBadDeal},
		{"proposal note", Command{Kind: CmdPropose, Seat: "us", Proposal: deal("calm", bad)}, ErrBadDeal},
		{"message", Command{Kind: CmdMessage, Seat: "us", Text: bad}, ErrBadMessage},
		{"custom event", Command{Kind: CmdInject, Seat: FacilitatorID, Text: bad}, ErrBadValue},
		{"override note", Command{Kind: CmdOverride, Seat: FacilitatorID, Target: "us", Indicator: "economy", Value: 100, Text: bad}, ErrBadValue},
		{"end reason", Command{Kind: CmdEnd, Seat: FacilitatorID, Text: bad}, ErrBadValue},
	}
	for _, c := range cmds {
		if _, err := g.try(c.cmd); !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
	// A note and a message may run over lines.
	g.do(Command{Kind: CmdPropose, Seat: "us", Proposal: deal("calm", "first\nsecond")})
	g.do(Command{Kind: CmdMessage, Seat: "us", Text: "first line\nsecond line"})
}
