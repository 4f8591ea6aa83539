package debrief

import (
	"fmt"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// Line says one deal's life in a sentence: who proposed it and when,
// when it was in force and for how long it was kept, who broke it, how
// it ended. The terminal's debrief and the after-action report both
// print it, so they tell a deal's story in the same words.
func (e *Entry) Line(ps *game.PublicScenario) string {
	d := &e.Deal
	text := fmt.Sprintf("“%s”: proposed by %s in turn %d", d.Title, ps.Tag(d.Proposer), e.Proposed)
	switch {
	case e.Start > 0:
		text += fmt.Sprintf("; in force from turn %d, kept %s", e.Start, plural(e.Kept, "turn", "turns"))
		if by := e.BrokenBy(); len(by) > 0 {
			text += "; broken by " + tags(ps, by, " and ")
			if t := e.Breaches[0].Turn; t > 0 {
				text += fmt.Sprintf(" in turn %d", t)
			}
			if kept := e.KeptBy(); len(kept) > 0 {
				text += " (" + tags(ps, kept, " and ") + " kept it)"
			}
		} else if e.Status == game.Expired {
			text += fmt.Sprintf("; expired after turn %d", e.End)
		} else if e.Status == game.InForce {
			text += "; in force at the end"
		}
		if e.Settled {
			text += "; it met the end condition"
		}
	default:
		text += "; " + e.Status.String()
	}
	return text + "."
}

// Parties names a deal's parties, the proposer first.
func Parties(ps *game.PublicScenario, d *game.Deal) string {
	seats := []int{d.Proposer}
	for _, p := range d.Parties.Seats() {
		if p != d.Proposer {
			seats = append(seats, p)
		}
	}
	return tags(ps, seats, ", ")
}

func tags(ps *game.PublicScenario, seats []int, sep string) string {
	names := make([]string, len(seats))
	for k, s := range seats {
		names[k] = ps.Tag(s)
	}
	return strings.Join(names, sep)
}
