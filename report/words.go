package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/debrief"
)

// num writes a number of points without needless decimals.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// turnHeading is "Turn 3 · Jul 2025", or "Before the first turn".
func turnHeading(ps *game.PublicScenario, turn int) string {
	if turn == 0 {
		return "Before the first turn"
	}
	if m := month(ps, turn); m != "" {
		return fmt.Sprintf("Turn %d · %s", turn, m)
	}
	return fmt.Sprintf("Turn %d", turn)
}

func titleWithUnit(spec *game.IndicatorSpec) string {
	if spec.Unit != "" {
		return spec.Title + " (" + spec.Unit + ")"
	}
	return spec.Title
}

func finalNote(final bool) string {
	if final {
		return "; the last column, “end”, adds the points scored at the end of the game"
	}
	return ""
}

// partiesOf names a deal's parties, the proposer first.
func partiesOf(ps *game.PublicScenario, d *game.Deal) string { return debrief.Parties(ps, d) }

func kept(start, n int) string {
	if start == 0 {
		return "–"
	}
	return plural(n, "turn", "turns")
}

// outcome says how a deal ended, in a few words.
func outcome(ps *game.PublicScenario, e *debrief.Entry) string {
	if by := e.BrokenBy(); len(by) > 0 {
		s := "broken by " + tagList(ps, by)
		if t := e.Breaches[0].Turn; t > 0 {
			s += fmt.Sprintf(" in turn %d", t)
		}
		if kept := e.KeptBy(); len(kept) > 0 {
			s += "; " + tagList(ps, kept) + " kept it"
		}
		return s
	}
	switch {
	case e.Status == game.InForce && e.Settled:
		return "in force at the end; met the end condition"
	case e.Status == game.InForce:
		return "in force at the end"
	case e.Status == game.Expired:
		return fmt.Sprintf("expired after turn %d", e.End)
	}
	return e.Status.String()
}
