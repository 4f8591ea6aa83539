package game

import "math"

// Causes collects the terms of one indicator's change while a model
// resolves a turn, and keeps the largest by size. Models use it with
// Record.
type Causes struct {
	c [MaxCauses]Cause
}

// Add files one term; a zero term is left out. The test is inlined into
// the models, whose many zero terms then cost no call.
func (cs *Causes) Add(c Cause) {
	if c.Delta != 0 && !math.IsNaN(c.Delta) {
		cs.add(c)
	}
}

// add puts a term among the largest by size.
func (cs *Causes) add(c Cause) {
	size := math.Abs(c.Delta)
	for i := range cs.c {
		if cs.c[i].Kind == 0 || size > math.Abs(cs.c[i].Delta) {
			// Shifted one by one: the list is short, and a copy would
			// call memmove for a few words, dozens of times a turn.
			for j := len(cs.c) - 1; j > i; j-- {
				cs.c[j] = cs.c[j-1]
			}
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
	for i := range cs.c {
		other -= cs.c[i].Delta
	}
	if math.Abs(other) < 1e-9 {
		other = 0
	}
	// Filled in place: a resolution records dozens of changes, and a
	// change built aside would be copied once more into the slice.
	st.Changes = append(st.Changes, Change{})
	ch := &st.Changes[len(st.Changes)-1]
	ch.Seat, ch.Indicator, ch.From, ch.To, ch.Causes, ch.Other = seat, ind, from, to, cs.c, other
}

// NewCause is a cause with no seat, lever or level attached.
func NewCause(kind uint8, value, delta float64) Cause {
	return Cause{Kind: kind, Other: -1, Lever: -1, Level: -1, Value: value, Delta: delta}
}

// addCause puts one more cause among a change's, by size; a cause it
// pushes out, or one too small to keep, goes to Other.
func (ch *Change) addCause(c Cause) {
	for i := range ch.Causes {
		if ch.Causes[i].Kind == 0 || math.Abs(c.Delta) > math.Abs(ch.Causes[i].Delta) {
			if last := ch.Causes[len(ch.Causes)-1]; last.Kind != 0 {
				ch.Other += last.Delta
			}
			copy(ch.Causes[i+1:], ch.Causes[i:len(ch.Causes)-1])
			ch.Causes[i] = c
			return
		}
	}
	ch.Other += c.Delta
}
