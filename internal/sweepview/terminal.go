// Package sweepview draws a sweep's sensitivity: tornado charts and a
// table of what moves what in the terminal, and a self-contained HTML
// page of SVG charts (tornados and outcome-versus-parameter lines) for a
// report.
package sweepview

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/chokepoint-game/chokepoint/game/sim"
	"github.com/chokepoint-game/chokepoint/game/sweep"
)

// Styles of the terminal view.
var (
	titleStyle = lipgloss.NewStyle().Bold(true)
	dimStyle   = lipgloss.NewStyle().Faint(true)
	upStyle    = lipgloss.NewStyle().Foreground(lipgloss.Color("#2b8a3e"))
	downStyle  = lipgloss.NewStyle().Foreground(lipgloss.Color("#c92a2a"))
	markStyle  = lipgloss.NewStyle().Bold(true)
)

// barWidth is the cells of a tornado's widest bar.
const barWidth = 40

// Header is the line that says what a sweep was.
func Header(r *sweep.Result) string {
	design := "a grid"
	if r.Design != "grid" {
		design = "a Latin hypercube"
	}
	games := "1 game"
	if r.Games > 1 {
		games = fmt.Sprintf("%d games, seeds %d to %d,", r.Games, r.Seed, sim.GameSeed(r.Seed, r.Games-1))
	} else {
		games = fmt.Sprintf("1 game, seed %d,", r.Seed)
	}
	return fmt.Sprintf("%s: %s of %d points over %s; %s at every point", r.Scenario, design, len(r.Points), plural(len(r.Dims), "assumption"), games)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// WriteTerminal writes the summary for a person: what the sweep was, a
// table of how far each assumption moves each outcome, and a tornado
// chart for each outcome in show (every seat's score when show is empty).
// It writes colours as ANSI sequences: the caller passes them through a
// writer that keeps what the terminal shows (colorprofile.Writer) or
// drops them where the output is not a terminal. Every word it prints is
// an id the scenario's validation or the sweep's checks allowed, or a
// number.
func WriteTerminal(w io.Writer, r *sweep.Result, show []string) error {
	var b strings.Builder
	b.WriteString(titleStyle.Render(Header(r)) + "\n\n")
	if len(r.Points) == 0 {
		b.WriteString("no point was played whole\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	whatMovesWhat(&b, r)
	if len(show) == 0 {
		for _, s := range r.Seats {
			show = append(show, s+".score")
		}
	}
	for _, key := range show {
		i := slices.IndexFunc(r.Sensitivity, func(s sweep.Sensitivity) bool { return s.Outcome == key })
		if i >= 0 {
			b.WriteByte('\n')
			tornado(&b, &r.Sensitivity[i])
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// whatMovesWhat writes a row per outcome and a column per assumption: the
// swing of the outcome's mean over the assumption's range, the largest
// of the row marked.
func whatMovesWhat(b *strings.Builder, r *sweep.Result) {
	b.WriteString("How far each assumption moves each outcome (the swing of its mean over the\nassumption's range; * marks the largest in a row)\n\n")
	keyW := len("outcome")
	for _, s := range r.Sensitivity {
		keyW = max(keyW, len(s.Outcome))
	}
	colW := make([]int, len(r.Dims))
	fmt.Fprintf(b, "%-*s", keyW, "outcome")
	for i, d := range r.Dims {
		colW[i] = max(10, len(shortName(d.Name)))
		fmt.Fprintf(b, "  %*s", colW[i], shortName(d.Name))
	}
	b.WriteByte('\n')
	for _, s := range r.Sensitivity {
		fmt.Fprintf(b, "%-*s", keyW, s.Outcome)
		top := topDim(&s)
		for i, d := range r.Dims {
			j := slices.IndexFunc(s.Effects, func(e sweep.Effect) bool { return e.Dim == d.Name })
			cell := fmt.Sprintf("%*s", colW[i]-1, number(s.Effects[j].Swing))
			if d.Name == top {
				cell = markStyle.Render(cell + "*")
			} else {
				cell += " "
			}
			b.WriteString("  " + cell)
		}
		b.WriteByte('\n')
	}
}

// shortName is a dimension's name without the model.params prefix every
// parameter shares.
func shortName(name string) string { return strings.TrimPrefix(name, "model.params.") }

// tornado draws an outcome's chart: a bar per assumption from the
// outcome's mean at the assumption's first value to its mean at the last,
// on one scale, the widest swing on top; a bar is green where the outcome
// rises with the assumption and red where it falls. The axis mark │ is
// the outcome's mean over every point.
func tornado(b *strings.Builder, s *sweep.Sensitivity) {
	b.WriteString(titleStyle.Render(s.Outcome) + dimStyle.Render(fmt.Sprintf("  (mean %s over the points; bars from the first value to the last)", number(s.Mean))) + "\n")
	lo, hi := s.Mean, s.Mean
	nameW := 0
	for _, e := range s.Effects {
		lo, hi = min(lo, e.Low, e.High), max(hi, e.Low, e.High)
		nameW = max(nameW, len(shortName(e.Dim)))
	}
	cell := func(x float64) int {
		if hi == lo {
			return barWidth / 2
		}
		return min(barWidth-1, int(math.Floor((x-lo)/(hi-lo)*float64(barWidth))))
	}
	axis := cell(s.Mean)
	for _, e := range s.Effects {
		a, z := cell(min(e.Low, e.High)), cell(max(e.Low, e.High))
		style := upStyle
		if e.High < e.Low {
			style = downStyle
		}
		var row strings.Builder
		for c := range barWidth {
			switch {
			case c >= a && c <= z && e.Low != e.High:
				row.WriteString(style.Render("█"))
			case c == axis:
				row.WriteString(dimStyle.Render("│"))
			default:
				row.WriteByte(' ')
			}
		}
		fmt.Fprintf(b, "  %-*s  %s  %s\n", nameW, shortName(e.Dim), row.String(), fromTo(e.Low, e.High))
	}
}

// number writes an outcome for a person: four significant digits.
func number(x float64) string { return fmt.Sprintf("%.4g", x) }

// fromTo writes a bar's ends, with more digits where four would show
// two different numbers as the same.
func fromTo(lo, hi float64) string {
	a, z := number(lo), number(hi)
	for digits := 6; a == z && lo != hi && digits <= 12; digits += 2 {
		a, z = fmt.Sprintf("%.*g", digits, lo), fmt.Sprintf("%.*g", digits, hi)
	}
	return a + " → " + z
}

// topDim is the dimension that moves an outcome most, "" when none moves
// it more than every other.
func topDim(s *sweep.Sensitivity) string {
	switch {
	case len(s.Effects) == 0 || s.Effects[0].Swing == 0:
		return ""
	case len(s.Effects) > 1 && s.Effects[1].Swing == s.Effects[0].Swing:
		return ""
	}
	return s.Effects[0].Dim
}
