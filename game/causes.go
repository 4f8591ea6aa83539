package game

import "math"

// Causes collects the terms of one indicator's change while a model
// resolves a turn, and keeps the largest by size. Models use it with
// Record.
type Causes struct {
	c [MaxCauses]Cause
}

// Add files one term; a zero term is left out.
func (cs *Causes) Add(c Cause) {
	if c.Delta == 0 || math.IsNaN(c.Delta) {
		return
	}
	for i := range cs.c {
		if cs.c[i].Kind == 0 || math.Abs(c.Delta) > math.Abs(cs.c[i].Delta) {
			copy(cs.c[i+1:], cs.c[i:len(cs.c)-1])
			cs.c[i] = c
			return
		}
	}
}

// Record files an indicator's change with its largest causes, and what
// they leave out as Other, so that a change and its causes always add up.
// A change too small to show is not filed.
func (st *State) Record(seat int, ind Indicator, from, to float64, cs *Causes) {
	if math.Abs(to-from) < 1e-9 {
		return
	}
	other := to - from
	for _, c := range cs.c {
		other -= c.Delta
	}
	if math.Abs(other) < 1e-9 {
		other = 0
	}
	st.Changes = append(st.Changes, Change{Seat: seat, Indicator: ind, From: from, To: to, Causes: cs.c, Other: other})
}

// NewCause is a cause with no seat, lever or level attached.
func NewCause(kind uint8, value, delta float64) Cause {
	return Cause{Kind: kind, Other: -1, Lever: -1, Level: -1, Value: value, Delta: delta}
}
