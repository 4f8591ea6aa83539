package tui

import (
	"fmt"
	"math"
	"strings"
)

var sparkRunes = []rune("▁▂▃▄▅▆▇█")

// sparkline draws values as a row of block characters scaled between
// their own minimum and maximum; a flat series is a flat line.
func sparkline(values []float64, w int) string {
	if len(values) > w {
		values = values[len(values)-w:]
	}
	if len(values) == 0 {
		return ""
	}
	lo, hi := values[0], values[0]
	for _, x := range values {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	out := make([]rune, len(values))
	for i, x := range values {
		k := 3
		if hi-lo > 1e-9 {
			k = int(math.Round((x - lo) / (hi - lo) * float64(len(sparkRunes)-1)))
		}
		out[i] = sparkRunes[k]
	}
	return string(out)
}

// series is one line of a chart: a seat's values over the turns.
type series struct {
	mark   string // one cell: the seat's letter
	seat   int
	values []float64
}

// lineChart plots series over the same x axis in w by h cells: each point
// is the seat's letter in its colour, so the chart reads without colour;
// where seats meet on one cell it shows "*" (the line of values under a
// chart names every seat). xLabels, when given, label the first and last
// points under the axis.
func (s *Styles) lineChart(all []series, w, h int, format func(float64) string, xFirst, xLast string) string {
	const gutter = 9
	if w < gutter+4 || h < 2 || len(all) == 0 {
		return ""
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	n := 0
	for _, se := range all {
		n = max(n, len(se.values))
		for _, x := range se.values {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
	}
	if n == 0 || math.IsInf(lo, 0) {
		return ""
	}
	if hi-lo < 1e-9 {
		lo, hi = lo-1, hi+1
	}
	cols := min(w-gutter, max(n, 2)*4)
	type cell struct {
		text string
		seat int // -1 empty, -2 several
		mark bool
	}
	grid := make([][]cell, h)
	for r := range grid {
		grid[r] = make([]cell, cols)
		for c := range grid[r] {
			grid[r][c] = cell{text: " ", seat: -1}
		}
	}
	xOf := func(i int) int {
		if n == 1 {
			return 0
		}
		return int(math.Round(float64(i) * float64(cols-1) / float64(n-1)))
	}
	yOf := func(x float64) int {
		return h - 1 - int(math.Round((x-lo)/(hi-lo)*float64(h-1)))
	}
	for _, se := range all {
		st := s.Seat(se.seat)
		for i := 1; i < len(se.values); i++ {
			// A faint trail between two turns, then the turn's mark.
			x0, x1 := xOf(i-1), xOf(i)
			for c := x0 + 1; c < x1; c++ {
				f := float64(c-x0) / float64(x1-x0)
				r := yOf(se.values[i-1] + f*(se.values[i]-se.values[i-1]))
				if grid[r][c].seat == -1 {
					grid[r][c] = cell{text: st.Render("·"), seat: se.seat}
				}
			}
		}
	}
	for _, se := range all {
		st := s.Seat(se.seat)
		for i, x := range se.values {
			c := &grid[yOf(x)][xOf(i)]
			switch {
			case c.mark && c.seat != se.seat:
				*c = cell{text: "*", seat: -2, mark: true}
			case !c.mark:
				*c = cell{text: st.Render(se.mark), seat: se.seat, mark: true}
			}
		}
	}
	var b strings.Builder
	for r := range grid {
		label := ""
		switch r {
		case 0:
			label = format(hi)
		case h - 1:
			label = format(lo)
		}
		fmt.Fprintf(&b, "%*s │", gutter-2, label)
		for _, c := range grid[r] {
			b.WriteString(c.text)
		}
		b.WriteByte('\n')
	}
	b.WriteString(strings.Repeat(" ", gutter-1) + "└" + strings.Repeat("─", cols))
	if xFirst != "" || xLast != "" {
		gap := max(1, cols-lenCells(xFirst)-lenCells(xLast))
		b.WriteString("\n" + strings.Repeat(" ", gutter) + xFirst + strings.Repeat(" ", gap) + xLast)
	}
	return b.String()
}

// bar is a horizontal bar of x out of max in w cells.
func bar(x, maxX float64, w int) string {
	if maxX <= 0 || w <= 0 {
		return ""
	}
	k := int(math.Round(math.Max(0, x) / maxX * float64(w)))
	k = min(k, w)
	return strings.Repeat("█", k) + strings.Repeat("░", w-k)
}
