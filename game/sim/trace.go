package sim

import (
	"math"
	"strconv"

	"github.com/chokepoint-game/chokepoint/game"
)

// tracer writes one game's trace: a JSON line per turn and seat after
// every resolution. Lines are built by hand, in a fixed field order
// (game, turn, seat, the indicators, trust, the world), because a trace of
// thousands of games is written fast and read by tools that may compare
// lines as text.
type tracer struct {
	sc  *game.Scenario
	buf []byte
	// Field names, quoted and with their colon, made once per run.
	ind, world []string
	order      []game.Indicator // the indicators in report order
	seat       []string         // "seat":"us"
	trustKey   []string         // "us":
}

func newTracer(sc *game.Scenario) *tracer {
	t := &tracer{sc: sc}
	ps := sc.Public()
	t.order = ps.ReportOrder()
	for _, k := range t.order {
		t.ind = append(t.ind, `,"`+ps.Indicators[k].Name+`":`)
	}
	for _, w := range ps.World {
		t.world = append(t.world, `,"`+w.Name+`":`)
	}
	for _, s := range sc.Seats {
		t.seat = append(t.seat, `,"seat":`+strconv.Quote(s.ID))
		t.trustKey = append(t.trustKey, strconv.Quote(s.ID)+":")
	}
	return t
}

// clone gives a tracer with its own buffer for another game; the field
// names are shared and never written.
func (t *tracer) clone() *tracer {
	c := *t
	c.buf = nil
	return &c
}

// turn appends the lines of the turn just resolved.
func (t *tracer) turn(gameIndex int, st *game.State) {
	b := t.buf
	for i := range st.Seats {
		s := &st.Seats[i]
		b = append(b, `{"game":`...)
		b = strconv.AppendInt(b, int64(gameIndex), 10)
		b = append(b, `,"turn":`...)
		b = strconv.AppendInt(b, int64(st.Turn), 10)
		b = append(b, t.seat[i]...)
		for n, name := range t.ind {
			b = append(b, name...)
			b = appendFloat(b, s.Ind[t.order[n]])
		}
		b = append(b, `,"trust":{`...)
		first := true
		for j := range st.Seats {
			if j == i {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, t.trustKey[j]...)
			b = appendFloat(b, s.Trust[j])
		}
		b = append(b, '}')
		for w, name := range t.world {
			b = append(b, name...)
			b = appendFloat(b, st.World[w])
		}
		b = append(b, "}\n"...)
	}
	t.buf = b
}

// appendFloat writes a number as encoding/json does (shortest form that
// reads back exactly; exponent form only for very large or small
// values). JSON has no NaN or infinity: those are written as null.
func appendFloat(b []byte, x float64) []byte {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return append(b, "null"...)
	}
	abs := math.Abs(x)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, x, format, -1, 64)
	if format == 'e' {
		// Like encoding/json, write 1e-7 where Go writes 1e-07.
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
