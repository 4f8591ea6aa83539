package report

import (
	"fmt"
	"html"
	"math"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/internal/palette"
)

// line is one series of a chart: a seat's (seat -1 for the world).
type line struct {
	seat   int
	label  string
	values []float64
}

// Chart geometry, in SVG user units: the chart scales to its container.
const (
	chartW, plotH          = 640, 220
	padL, padR, padT, padB = 70, 16, 12, 32
	legendRow              = 22
)

// dashes tell the seats apart on a page printed in black and white.
var dashes = []string{"", "7 4", "2 3", "10 3 2 3", "4 4", "1 2", "12 4 4 4"}

// svgChart draws one indicator over the game as an inline SVG line
// chart, with its legend (each seat's colour and dash) under the plot.
func svgChart(title string, labels []string, lines []line, spec *game.IndicatorSpec) string {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, l := range lines {
		for _, x := range l.values {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
	}
	if math.IsInf(lo, 0) {
		lo, hi = 0, 1
	}
	ticks := niceTicks(lo, hi)
	y0, y1 := ticks[0], ticks[len(ticks)-1]
	plotW := float64(chartW - padL - padR)
	xAt := func(k int) float64 {
		if len(labels) < 2 {
			return padL + plotW/2
		}
		return padL + plotW*float64(k)/float64(len(labels)-1)
	}
	yAt := func(x float64) float64 { return padT + plotH*(1-(x-y0)/(y1-y0)) }

	perRow := 4
	rows := (len(lines) + perRow - 1) / perRow
	if len(lines) <= 1 {
		rows = 0
	}
	h := padT + plotH + padB + rows*legendRow + 4
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`, chartW, h, html.EscapeString(title))
	fmt.Fprintf(&b, "<title>%s</title>", html.EscapeString(title))
	// Grid and y labels.
	for _, t := range ticks {
		y := yAt(t)
		fmt.Fprintf(&b, `<line class="grid" x1="%d" y1="%.1f" x2="%d" y2="%.1f"/>`, padL, y, chartW-padR, y)
		fmt.Fprintf(&b, `<text class="tick" x="%d" y="%.1f" text-anchor="end">%s</text>`, padL-6, y+4, html.EscapeString(spec.Format(t)))
	}
	// X labels: every point when they fit, else every 2nd, 5th, 10th...
	step := 1
	for k := 0; len(labels) > 16*step; k++ {
		step = []int{2, 5, 10}[k%3] * int(math.Pow10(k/3))
	}
	for k, l := range labels {
		if k%step != 0 && k != len(labels)-1 {
			continue
		}
		fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%d" text-anchor="middle">%s</text>`, xAt(k), padT+plotH+20, html.EscapeString(l))
	}
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`, padL, padT+plotH, chartW-padR, padT+plotH)
	for _, l := range lines {
		colour := palette.Seat(l.seat)
		dash := ""
		if l.seat >= 0 {
			if d := dashes[l.seat%len(dashes)]; d != "" {
				dash = ` stroke-dasharray="` + d + `"`
			}
		}
		var pts []string
		for k, x := range l.values {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", xAt(k), yAt(x)))
		}
		fmt.Fprintf(&b, `<polyline class="series" points="%s" stroke="%s"%s><title>%s</title></polyline>`, strings.Join(pts, " "), colour, dash, html.EscapeString(l.label))
		// A marker a point, while the points stay apart enough to show.
		for k, x := range l.values {
			if len(l.values) > 40 {
				break
			}
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="2.2" fill="%s"><title>%s, %s: %s</title></circle>`, xAt(k), yAt(x), colour,
				html.EscapeString(l.label), html.EscapeString(labels[min(k, len(labels)-1)]), html.EscapeString(spec.Format(x)))
		}
	}
	// The legend, in the seats' colours and dashes.
	if rows > 0 {
		colW := float64(chartW-padL) / float64(perRow)
		for k, l := range lines {
			x := float64(padL) + colW*float64(k%perRow)
			y := padT + plotH + padB + (k/perRow)*legendRow + 10
			dash := ""
			if d := dashes[l.seat%len(dashes)]; d != "" {
				dash = ` stroke-dasharray="` + d + `"`
			}
			fmt.Fprintf(&b, `<line class="key" x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"%s/>`, x, y-4, x+26, y-4, palette.Seat(l.seat), dash)
			fmt.Fprintf(&b, `<text class="key" x="%.1f" y="%d" fill="%s">%s</text>`, x+32, y, palette.Seat(l.seat), html.EscapeString(l.label))
		}
	}
	b.WriteString("</svg>")
	return b.String()
}

// niceTicks picks a few round values, 1, 2 or 5 times a power of ten
// apart, from at or below lo to at or above hi.
func niceTicks(lo, hi float64) []float64 {
	if hi-lo < 1e-9 {
		pad := math.Max(math.Abs(lo)*0.1, 1)
		lo, hi = lo-pad, hi+pad
	}
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	first := math.Floor(lo/step+1e-9) * step
	out := []float64{first}
	for x := first; x < hi-step*1e-9 && len(out) < 12; {
		x = math.Round((x+step)/step) * step
		out = append(out, x)
	}
	return out
}
