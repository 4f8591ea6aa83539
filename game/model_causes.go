package game

import "math"

// causes collects the terms of one indicator's change and keeps the
// largest by size.
type causes struct {
	c [maxCauses]Cause
}

func (cs *causes) add(c Cause) {
	if c.Delta == 0 || math.IsNaN(c.Delta) {
		return
	}
	for i := range cs.c {
		if cs.c[i].Kind == CauseNone || math.Abs(c.Delta) > math.Abs(cs.c[i].Delta) {
			copy(cs.c[i+1:], cs.c[i:len(cs.c)-1])
			cs.c[i] = c
			return
		}
	}
}

// record files an indicator's change with its largest causes; a change
// too small to show is not filed.
func record(st *State, seat int, ind Indicator, from, to float64, cs *causes) {
	if math.Abs(to-from) < 1e-9 {
		return
	}
	st.Changes = append(st.Changes, Change{Seat: seat, Indicator: ind, From: from, To: to, Causes: cs.c})
}

// cause is a Cause with no seat, lever or level attached.
func cause(k CauseKind, value, delta float64) Cause {
	return Cause{Kind: k, Other: -1, Lever: -1, Level: -1, Value: value, Delta: delta}
}
