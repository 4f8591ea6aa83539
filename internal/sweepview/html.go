package sweepview

import (
	"fmt"
	"html"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/game/sweep"
)

// The page's look: inline, so the page is one file that opens anywhere
// and prints as it shows; no script and nothing fetched.
const pageStyle = `body{font-family:system-ui,sans-serif;color:#222;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.85rem}th,td{padding:.2rem .5rem;border-bottom:1px solid #eee;text-align:right}
th:first-child,td:first-child{text-align:left}td.top{font-weight:bold;background:#fff3bf}
figure{margin:1.5rem 0;break-inside:avoid;page-break-inside:avoid}figcaption{font-size:.85rem;color:#555}
svg{max-width:100%;height:auto}svg text{font-family:system-ui,sans-serif;font-size:12px;fill:#222}
.note{color:#555;font-size:.9rem}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}
`

// Colours of the lines of a chart with a line per seat, and of the
// tornado's bars: dark enough to print in grey.
var (
	lineColours = []string{"#1c7ed6", "#e03131", "#2f9e44", "#f08c00", "#7048e8", "#495057", "#d6336c", "#0c8599"}
	upColour    = "#2b8a3e"
	downColour  = "#c92a2a"
)

// WriteHTML writes the sweep's sensitivity as one HTML page: what the
// sweep was, a table of how far each assumption moves each outcome, a
// tornado chart per outcome, and each outcome against each assumption
// (the seats' scores together, their win shares together, every other
// outcome alone). Each chart is an inline SVG in a figure of its own.
func WriteHTML(w io.Writer, r *sweep.Result) error {
	var b strings.Builder
	esc := html.EscapeString
	title := "Sensitivity of " + r.Scenario
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n", esc(title), pageStyle)
	fmt.Fprintf(&b, "<h1>%s</h1>\n<p>%s.</p>\n", esc(title), esc(Header(r)))
	b.WriteString("<table>\n<tr><th>assumption</th><th>values</th></tr>\n")
	for _, d := range r.Dims {
		vals := strings.Join(d.Levels, ", ")
		if !d.IsLever() {
			vals = fmt.Sprintf("%g to %g", d.Lo, d.Hi)
			if r.Design == "grid" {
				vals += fmt.Sprintf(" in %d steps", d.Steps)
			}
		}
		fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td></tr>\n", esc(d.Name), esc(vals))
	}
	b.WriteString("</table>\n")
	fmt.Fprintf(&b, "<p class=\"note\">Players: %s.</p>\n", esc(playersText(r)))
	if len(r.Points) == 0 {
		b.WriteString("<p>No point was played whole.</p>\n</body>\n</html>\n")
		_, err := io.WriteString(w, b.String())
		return err
	}

	b.WriteString("<h2>What moves what</h2>\n<p class=\"note\">The swing of each outcome's mean (over the points at each value of an assumption) across the assumption's range; the largest of each row, where one is, is marked.</p>\n<table>\n<tr><th>outcome</th>")
	for _, d := range r.Dims {
		fmt.Fprintf(&b, "<th>%s</th>", esc(shortName(d.Name)))
	}
	b.WriteString("</tr>\n")
	for _, s := range r.Sensitivity {
		fmt.Fprintf(&b, "<tr><td>%s</td>", esc(s.Outcome))
		for _, d := range r.Dims {
			j := slices.IndexFunc(s.Effects, func(e sweep.Effect) bool { return e.Dim == d.Name })
			cls := ""
			if topDim(&s) == d.Name {
				cls = ` class="top"`
			}
			fmt.Fprintf(&b, "<td%s>%s</td>", cls, esc(number(s.Effects[j].Swing)))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")

	b.WriteString("<h2>Tornado charts</h2>\n<p class=\"note\">Each bar runs from the outcome's mean at the assumption's first value to its mean at the last: green where the outcome rises with the assumption, red where it falls. The grey line is the outcome's mean over every point. The widest swing is on top.</p>\n")
	for i := range r.Sensitivity {
		tornadoSVG(&b, &r.Sensitivity[i])
	}

	b.WriteString("<h2>Outcomes against each assumption</h2>\n<p class=\"note\">The outcome's mean over the points at each value of the assumption (over every value of the others).</p>\n")
	for di := range r.Dims {
		for _, g := range chartGroups(r) {
			lineSVG(&b, r, di, g)
		}
	}
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func playersText(r *sweep.Result) string {
	parts := make([]string, len(r.Seats))
	for i, s := range r.Seats {
		parts[i] = s + " " + r.Players[i]
	}
	return strings.Join(parts, ", ")
}

// chartGroup is the outcomes one line chart shows.
type chartGroup struct {
	title string
	keys  []string
}

// chartGroups puts every seat's score on one chart, every win share on
// another, and each other outcome alone.
func chartGroups(r *sweep.Result) []chartGroup {
	var scores, wins chartGroup
	scores.title, wins.title = "mean score by seat", "win share by seat"
	var rest []chartGroup
	for _, s := range r.Sensitivity {
		switch {
		case strings.HasSuffix(s.Outcome, ".score"):
			scores.keys = append(scores.keys, s.Outcome)
		case strings.HasSuffix(s.Outcome, ".win-share"):
			wins.keys = append(wins.keys, s.Outcome)
		default:
			rest = append(rest, chartGroup{title: s.Outcome, keys: []string{s.Outcome}})
		}
	}
	var out []chartGroup
	for _, g := range []chartGroup{scores, wins} {
		if len(g.keys) > 0 {
			out = append(out, g)
		}
	}
	return append(out, rest...)
}

// f writes a coordinate with one decimal.
func f(x float64) string { return fmt.Sprintf("%.1f", x) }

func tornadoSVG(b *strings.Builder, s *sweep.Sensitivity) {
	const labelW, barW, valueW, rowH, top = 230.0, 380.0, 150.0, 26.0, 30.0
	width := labelW + barW + valueW
	height := top + rowH*float64(len(s.Effects)) + 24
	lo, hi := s.Mean, s.Mean
	for _, e := range s.Effects {
		lo, hi = min(lo, e.Low, e.High), max(hi, e.Low, e.High)
	}
	x := func(v float64) float64 {
		if hi == lo {
			return labelW + barW/2
		}
		return labelW + (v-lo)/(hi-lo)*barW
	}
	esc := html.EscapeString
	fmt.Fprintf(b, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %s %s\" width=\"%s\" height=\"%s\" role=\"img\" aria-label=\"%s\">\n",
		f(width), f(height), f(width), f(height), esc("Tornado chart of "+s.Outcome))
	fmt.Fprintf(b, "<text x=\"0\" y=\"16\" font-weight=\"bold\">%s</text>\n", esc(s.Outcome))
	for i, e := range s.Effects {
		y := top + rowH*float64(i)
		fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" text-anchor=\"end\">%s</text>\n", f(labelW-8), f(y+rowH/2+4), esc(shortName(e.Dim)))
		a, z := x(min(e.Low, e.High)), x(max(e.Low, e.High))
		colour := upColour
		if e.High < e.Low {
			colour = downColour
		}
		if e.Low != e.High {
			fmt.Fprintf(b, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>\n", f(a), f(y+4), f(math.Max(z-a, 1)), f(rowH-8), colour)
		}
		fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\">%s</text>\n", f(labelW+barW+8), f(y+rowH/2+4), esc(fromTo(e.Low, e.High)))
	}
	axis := x(s.Mean)
	fmt.Fprintf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#868e96\" stroke-width=\"1.5\"/>\n", f(axis), f(top-4), f(axis), f(height-20))
	fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" fill=\"#555\">mean %s</text>\n", f(axis), f(height-6), esc(number(s.Mean)))
	fmt.Fprintf(b, "</svg>\n<figcaption>%s: the assumptions by how far they move it.</figcaption>\n</figure>\n", esc(s.Outcome))
}

func lineSVG(b *strings.Builder, r *sweep.Result, di int, g chartGroup) {
	const left, right, top, plotW, plotH = 70.0, 150.0, 30.0, 460.0, 200.0
	width, height := left+plotW+right, top+plotH+50
	dim := &r.Dims[di]
	type series struct {
		key   string
		curve []sweep.CurvePoint
	}
	var ss []series
	ylo, yhi := math.Inf(1), math.Inf(-1)
	xlo, xhi := math.Inf(1), math.Inf(-1)
	for _, key := range g.keys {
		i := slices.IndexFunc(r.Sensitivity, func(s sweep.Sensitivity) bool { return s.Outcome == key })
		j := slices.IndexFunc(r.Sensitivity[i].Effects, func(e sweep.Effect) bool { return e.Dim == dim.Name })
		c := r.Sensitivity[i].Effects[j].Curve
		ss = append(ss, series{key, c})
		for _, p := range c {
			ylo, yhi = min(ylo, p.Mean), max(yhi, p.Mean)
			xlo, xhi = min(xlo, p.X), max(xhi, p.X)
		}
	}
	if math.IsInf(ylo, 0) {
		return
	}
	if yhi == ylo {
		// A flat line sits in the middle of a scale of its own size.
		pad := max(math.Abs(ylo)/10, 1e-6)
		ylo, yhi = ylo-pad, yhi+pad
	}
	if xhi == xlo {
		xlo, xhi = xlo-1, xhi+1
	}
	px := func(v float64) float64 { return left + (v-xlo)/(xhi-xlo)*plotW }
	py := func(v float64) float64 { return top + plotH - (v-ylo)/(yhi-ylo)*plotH }
	esc := html.EscapeString
	caption := g.title + " against " + dim.Name
	fmt.Fprintf(b, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %s %s\" width=\"%s\" height=\"%s\" role=\"img\" aria-label=\"%s\">\n",
		f(width), f(height), f(width), f(height), esc(caption))
	fmt.Fprintf(b, "<text x=\"0\" y=\"16\" font-weight=\"bold\">%s</text>\n", esc(caption))
	// Axes and the y scale: five ticks from the lowest mean to the highest.
	fmt.Fprintf(b, "<path d=\"M%s %sV%sH%s\" fill=\"none\" stroke=\"#868e96\"/>\n", f(left), f(top), f(top+plotH), f(left+plotW))
	for k := range 5 {
		v := ylo + (yhi-ylo)*float64(k)/4
		y := py(v)
		fmt.Fprintf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#e9ecef\"/>\n", f(left), f(y), f(left+plotW), f(y))
		fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" text-anchor=\"end\">%s</text>\n", f(left-6), f(y+4), esc(number(v)))
	}
	// The x ticks are the curve's values, at most about ten labelled.
	ticks := ss[0].curve
	every := max(1, (len(ticks)+9)/10)
	for k, p := range ticks {
		if k%every != 0 && k != len(ticks)-1 {
			continue
		}
		fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\">%s</text>\n", f(px(p.X)), f(top+plotH+16), esc(p.Label))
	}
	fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n", f(left+plotW/2), f(top+plotH+36), esc(shortName(dim.Name)))
	for i, s := range ss {
		colour := lineColours[i%len(lineColours)]
		var d strings.Builder
		for k, p := range s.curve {
			cmd := "L"
			if k == 0 {
				cmd = "M"
			}
			d.WriteString(cmd + f(px(p.X)) + " " + f(py(p.Mean)))
		}
		fmt.Fprintf(b, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n", d.String(), colour)
		for _, p := range s.curve {
			fmt.Fprintf(b, "<circle cx=\"%s\" cy=\"%s\" r=\"2.5\" fill=\"%s\"/>\n", f(px(p.X)), f(py(p.Mean)), colour)
		}
		if len(ss) > 1 {
			ly := top + 14*float64(i)
			fmt.Fprintf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"2\"/>\n", f(left+plotW+12), f(ly), f(left+plotW+30), f(ly), colour)
			fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\">%s</text>\n", f(left+plotW+36), f(ly+4), esc(strings.SplitN(s.key, ".", 2)[0]))
		}
	}
	n := 0
	for _, p := range ss[0].curve {
		n += p.N
	}
	fmt.Fprintf(b, "</svg>\n<figcaption>Each dot is the mean over the points at that value of %s (%d points in all).</figcaption>\n</figure>\n", esc(shortName(dim.Name)), n)
}
