package report

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/debrief"
	"github.com/chokepoint-game/chokepoint/internal/palette"
)

// esc escapes text for HTML.
func esc(s string) string { return html.EscapeString(s) }

// style is the page's only style sheet: system fonts, no images, and a
// print layout (A4 or Letter, two charts a row, no navigation, colours
// kept).
const style = `
:root { --ink: #1c1c1c; --muted: #5f5f5f; --rule: #d0d0d0; --soft: #f4f4f2; --accent: #7a2e00; --bad: #b00000; --good: #006b00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.2rem 0 0.5rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
p, li { max-width: 48rem; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: var(--accent); font-weight: 600; margin: 0; }
.meta { color: var(--muted); margin: 0; }
.glance { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0.75rem; margin: 1.5rem 0; padding: 0; list-style: none; }
.glance li { background: var(--soft); border-left: 4px solid var(--accent); padding: 0.6rem 0.8rem; }
.glance b { display: block; font-size: 1.3rem; }
.glance span { color: var(--muted); font-size: 0.85rem; }
nav ol { columns: 2; padding-left: 1.2rem; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { border-bottom: 2px solid var(--ink); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.nowrap, td.n { white-space: nowrap; }
.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px; margin-right: 0.4rem; vertical-align: -0.05rem; }
.seat { font-weight: 600; }
.objectives { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
.objectives section { border: 1px solid var(--rule); border-top-width: 4px; padding: 0.5rem 0.8rem; }
.objectives h3 { margin: 0.2rem 0 0.4rem; }
.objectives ul { list-style: none; padding: 0; margin: 0; }
.objectives li { padding: 0.15rem 0; }
.met { color: var(--good); font-weight: 700; }
.unmet { color: var(--bad); font-weight: 700; }
.tag { display: inline-block; font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.04em; border: 1px solid var(--rule); border-radius: 3px; padding: 0 0.3rem; margin-right: 0.35rem; color: var(--muted); min-width: 5.5rem; text-align: center; }
.tag.secret { min-width: 0; }
.tag.breached, .tag.rejected { color: var(--bad); border-color: var(--bad); }
.tag.in-force, .tag.accepted { color: var(--good); border-color: var(--good); }
.tag.event, .tag.inject { color: var(--accent); border-color: var(--accent); }
.timeline ul { list-style: none; padding-left: 0; margin: 0; }
.timeline li { padding: 0.2rem 0; }
.detail { color: var(--muted); display: block; margin-left: 6.6rem; font-size: 0.9rem; }
.turn { border-left: 3px solid var(--rule); padding-left: 1rem; margin-bottom: 1rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr)); gap: 1.5rem 2rem; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 0.25rem; }
figcaption span { font-weight: 400; color: var(--muted); }
svg.chart { width: 100%; height: auto; display: block; }
svg .grid { stroke: #e4e4e4; stroke-width: 1; }
svg .axis { stroke: #8a8a8a; stroke-width: 1; }
svg .tick { font-size: 13px; fill: #5f5f5f; }
svg .series { fill: none; stroke-width: 2.2; stroke-linejoin: round; stroke-linecap: round; }
svg line.key { stroke-width: 2.5; }
svg text.key { font-size: 14px; font-weight: 600; }
table.grid { width: auto; font-size: 0.85rem; }
table.grid caption { text-align: left; color: var(--muted); padding-bottom: 0.3rem; caption-side: top; }
table.grid th, table.grid td { padding: 0.15rem 0.3rem; text-align: center; border-bottom: 1px solid var(--rule); }
table.grid td:first-child, table.grid th:first-child { text-align: left; }
table.grid td.on { color: #fff; min-width: 1.6rem; }
table.grid td.end { color: var(--muted); }
table.grid td.bad { color: var(--bad); font-weight: 700; }
.causes { margin: 0.2rem 0 0.6rem; padding-left: 1.2rem; color: var(--muted); }
.small { color: var(--muted); font-size: 0.9rem; }
@page { margin: 14mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 1.2rem; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, tr, .turn, .objectives section, .glance { break-inside: avoid; page-break-inside: avoid; }
  .charts { grid-template-columns: 1fr 1fr; gap: 0.8rem 1.2rem; }
  .glance { grid-template-columns: repeat(4, 1fr); }
  .objectives { display: block; columns: 2; column-gap: 1.2rem; }
  .objectives section { margin-bottom: 0.8rem; }
  a { color: inherit; text-decoration: none; }
}
`

// WriteHTML writes the report as one self-contained HTML page: no
// scripts and nothing fetched (styles inline, charts inline SVG, system
// fonts), so it opens offline and prints as it shows.
func (r *Report) WriteHTML(out io.Writer) error {
	w := bufio.NewWriter(out)
	ps := r.Scenario
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	seat := func(i int) string {
		return fmt.Sprintf(`<span class="seat" style="color:%s"><span class="swatch" style="background:%s"></span>%s</span>`, palette.Seat(i), palette.Seat(i), esc(ps.Seats[i].Name))
	}

	p("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	p("<title>After-action report: %s</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", esc(ps.Title), style)
	p("<header>\n<p class=\"kicker\">After-action report</p>\n<h1>%s</h1>\n<p class=\"meta\">", esc(ps.Title))
	if r.Name != "" {
		p("Game “%s” · ", esc(r.Name))
	}
	p("scenario <code>%s</code> · seed %d · %s to %s</p>\n<p>%s</p>\n</header>\n", esc(ps.ID), r.Seed, month(ps, 1), month(ps, max(1, r.LastTurn)), esc(r.endedText()))

	// At a glance.
	agreed, broken := 0, 0
	for k := range r.Ledger {
		if r.Ledger[k].Start > 0 {
			agreed++
		}
		if len(r.Ledger[k].Breaches) > 0 {
			broken++
		}
	}
	p("<ul class=\"glance\">\n")
	if len(r.Scores) > 0 {
		var top []string
		for _, s := range r.Scores {
			if s.Points == r.Scores[0].Points {
				top = append(top, seat(s.Seat))
			}
		}
		what := "highest score"
		if len(top) > 1 {
			what = "tied for the highest score"
		}
		p("<li><b>%s</b><span>%s, %s points</span></li>\n", strings.Join(top, "<br>"), what, num(r.Scores[0].Points))
	}
	p("<li><b>%d of %d</b><span>turns played</span></li>\n", r.LastTurn, ps.Turns)
	p("<li><b>%d of %d</b><span>deals proposed came into force</span></li>\n", agreed, len(r.Ledger))
	p("<li><b>%d</b><span>%s broken</span></li>\n</ul>\n", broken, map[bool]string{true: "deal", false: "deals"}[broken == 1])

	p("<nav aria-label=\"Contents\"><ol>\n")
	for _, s := range [][2]string{{"scores", "Final scores and objectives"}, {"timeline", "Timeline"}, {"deals", "Deal ledger"}, {"behaviour", "Behaviour"},
		{"moves", "Biggest moves and their causes"}, {"indicators", "Indicators"}, {"world", "World"}, {"questions", "Questions for discussion"}} {
		p("<li><a href=\"#%s\">%s</a></li>\n", s[0], s[1])
	}
	p("</ol></nav>\n")

	// Scores.
	p("<section id=\"scores\">\n<h2>Final scores and objectives</h2>\n")
	p("<table>\n<thead><tr><th class=\"n\">Rank</th><th>Seat</th><th>Played by</th><th class=\"n\">Score</th></tr></thead>\n<tbody>\n")
	for rank, s := range r.Scores {
		p("<tr><td class=\"n\">%d</td><td>%s</td><td>%s</td><td class=\"n\">%s</td></tr>\n", rank+1, seat(s.Seat), esc(r.player(s.Seat)), num(s.Points))
	}
	p("</tbody>\n</table>\n<p class=\"small\">Every objective with the points it earned; secret objectives are revealed and marked.</p>\n<div class=\"objectives\">\n")
	for _, s := range r.Scores {
		p("<section style=\"border-top-color:%s\">\n<h3>%s <span class=\"small\">%s points</span></h3>\n<ul>\n", palette.Seat(s.Seat), seat(s.Seat), num(s.Points))
		if len(s.Objectives) == 0 {
			p("<li class=\"small\">No objectives: the score is the model's.</li>\n")
		}
		for _, o := range s.Objectives {
			mark := `<span class="unmet" aria-label="not earned">✗</span>`
			if o.Earned > 0 {
				mark = `<span class="met" aria-label="earned">✓</span>`
			}
			secret := ""
			if o.Secret {
				secret = ` <span class="tag secret">secret</span>`
			}
			p("<li>%s %s: %s%s</li>\n", mark, esc(debrief.ObjectivePoints(&o)), esc(o.Text), secret)
		}
		if s.Hidden > 0 {
			p("<li class=\"small\">and %s not revealed</li>\n", plural(s.Hidden, "secret objective", "secret objectives"))
		}
		p("</ul>\n</section>\n")
	}
	p("</div>\n</section>\n")

	// Timeline.
	p("<section id=\"timeline\" class=\"timeline\">\n<h2>Timeline</h2>\n")
	if len(r.Timeline) == 0 {
		p("<p>Nothing happened worth telling.</p>\n")
	}
	for _, t := range r.Timeline {
		p("<div class=\"turn\">\n<h3>%s</h3>\n<ul>\n", esc(turnHeading(ps, t.Turn)))
		for _, it := range t.Items {
			p("<li><span class=\"tag %s\">%s</span>%s", it.Kind, esc(it.Kind), esc(it.Text))
			if it.Detail != "" {
				p("<span class=\"detail\">%s</span>", esc(it.Detail))
			}
			p("</li>\n")
		}
		if t.Private > 0 {
			p("<li class=\"small\">%s, not quoted</li>\n", plural(t.Private, "private message", "private messages"))
		}
		p("</ul>\n</div>\n")
	}
	p("</section>\n")

	// Deals.
	p("<section id=\"deals\">\n<h2>Deal ledger</h2>\n")
	if len(r.Ledger) == 0 {
		p("<p>No deals were proposed.</p>\n")
	} else {
		dealGrid(w, r, seat)
		p("<table>\n<thead><tr><th>Deal</th><th>Parties</th><th class=\"n\">Proposed</th><th>In force</th><th class=\"n\">Kept</th><th>Outcome</th></tr></thead>\n<tbody>\n")
		for k := range r.Ledger {
			e := &r.Ledger[k]
			inForce := "never"
			if e.Start > 0 {
				inForce = fmt.Sprintf("turns %d–%d", e.Start, e.End)
			}
			var clauses []string
			for _, c := range e.Deal.Clauses {
				clauses = append(clauses, esc(ps.ClauseText(c)))
			}
			p("<tr><td><b>“%s”</b><br><span class=\"small\">%s</span></td><td>%s</td><td class=\"n\">turn %d</td><td class=\"nowrap\">%s</td><td class=\"n\">%s</td><td>%s</td></tr>\n",
				esc(e.Deal.Title), strings.Join(clauses, "; "), seatList(ps, e.Deal.Proposer, e.Deal.Parties.Seats(), seat), e.Proposed, inForce, kept(e.Start, e.Kept), esc(outcome(ps, e)))
		}
		p("</tbody>\n</table>\n")
	}
	p("</section>\n")

	// Behaviour.
	p("<section id=\"behaviour\">\n<h2>Behaviour</h2>\n")
	p("<p>Each turn a seat makes a move towards every seat its hostile levers reach: a <em>defection</em> when a lever towards that seat is at a coercive level or was raised that turn, or it broke a deal with that seat; otherwise a <em>cooperation</em>. <em>Retaliated</em> and <em>forgave</em> are its answers in the turn after another seat defected towards it; <em>exploited</em> is a defection towards a seat that cooperated towards it that turn; <em>breached</em> counts the deals that bound it which it broke.</p>\n")
	p("<table>\n<thead><tr><th>Seat</th>")
	for _, b := range debrief.Behaviours {
		p("<th class=\"n\">%s<br><span class=\"small\">of %s</span></th>", capital(b.Name), b.Of)
	}
	p("</tr></thead>\n<tbody>\n")
	for k := range r.Fingerprints {
		f := &r.Fingerprints[k]
		p("<tr><td>%s</td>", seat(f.Seat))
		for _, b := range debrief.Behaviours {
			t := b.Get(f)
			p("<td class=\"n\"><b>%s</b> <span class=\"small\">%d/%d</span></td>", t.Percent(), t.Count, t.Of)
		}
		p("</tr>\n")
	}
	p("</tbody>\n</table>\n<ul>\n")
	for k := range r.Fingerprints {
		f := &r.Fingerprints[k]
		p("<li>%s: %s.</li>\n", seat(f.Seat), esc(f.Shown(ps, 8)))
	}
	p("</ul>\n</section>\n")

	// Biggest moves.
	p("<section id=\"moves\">\n<h2>Biggest moves and their causes</h2>\n")
	if len(r.Swings) == 0 {
		p("<p>No indicator moved.</p>\n")
	}
	for k, s := range r.Swings {
		if k == 0 || r.Swings[k-1].Seat != s.Seat {
			p("<h3>%s</h3>\n", seat(s.Seat))
		}
		p("<p>%s</p>\n<ul class=\"causes\">\n", esc(s.Line(ps)))
		for _, c := range s.Causes {
			p("<li>%s</li>\n", esc(s.CauseLine(ps, &c)))
		}
		p("</ul>\n")
	}
	p("</section>\n")

	// Charts.
	labels := r.pointLabels()
	p("<section id=\"indicators\">\n<h2>Indicators</h2>\n<p class=\"small\">Each seat's indicators at the start and after each turn%s. Hover a point for its value; the tables of the Markdown and JSON reports hold every figure.</p>\n<div class=\"charts\">\n", esc(finalNote(r.Final)))
	for _, s := range r.Seats {
		spec := ps.Indicator(s.Indicator)
		var lines []line
		for i, v := range s.Values {
			lines = append(lines, line{seat: i, label: ps.Tag(i), values: v})
		}
		figure(w, &spec, svgChart(spec.Title, labels, lines, &spec))
	}
	p("</div>\n</section>\n")
	p("<section id=\"world\">\n<h2>World</h2>\n")
	if len(r.World) == 0 {
		p("<p>The scenario has no world indicators.</p>\n")
	}
	p("<div class=\"charts\">\n")
	for _, ws := range r.World {
		spec := ps.World[ws.Index]
		figure(w, &spec, svgChart(spec.Title, labels, []line{{seat: -1, label: spec.Title, values: ws.Values}}, &spec))
	}
	p("</div>\n</section>\n")

	// Questions.
	p("<section id=\"questions\">\n<h2>Questions for discussion</h2>\n<ol>\n")
	for _, q := range r.Questions {
		p("<li>%s", esc(q.Text))
		if q.Prompt != "" {
			p(" <span class=\"small\">(%s in this game)</span>", esc(q.Prompt))
		}
		p("</li>\n")
	}
	p("</ol>\n</section>\n</main>\n</body>\n</html>\n")
	return w.Flush()
}

// dealGrid draws the deals that came into force against the turns, one
// row each: the turns each was kept, shaded in its proposer's colour, and
// how it ended. A table, so that it reads in any browser and on paper.
func dealGrid(w io.Writer, r *Report, seat func(int) string) {
	ps := r.Scenario
	turns := max(r.LastTurn, 1)
	var rows []int
	for k := range r.Ledger {
		if r.Ledger[k].Start > 0 {
			rows = append(rows, k)
		}
	}
	if len(rows) == 0 {
		return
	}
	fmt.Fprintf(w, "<table class=\"grid\">\n<caption>Deals in force, turn by turn: ■ kept, ✕ broken, ◌ expired</caption>\n<thead><tr><th>Deal</th>")
	for t := 1; t <= turns; t++ {
		fmt.Fprintf(w, "<th>%d</th>", t)
	}
	fmt.Fprintf(w, "</tr></thead>\n<tbody>\n")
	for _, k := range rows {
		e := &r.Ledger[k]
		colour := palette.Seat(e.Deal.Proposer)
		fmt.Fprintf(w, "<tr><td>“%s” <span class=\"small\">%s</span></td>", esc(e.Deal.Title), esc(partiesOf(ps, &e.Deal)))
		broke := 0
		if len(e.Breaches) > 0 {
			broke = e.Breaches[0].Turn
		}
		for t := 1; t <= turns; t++ {
			switch {
			case t >= e.Start && t < e.Start+e.Kept:
				fmt.Fprintf(w, "<td class=\"on\" style=\"background:%s\" title=\"kept\">■</td>", colour)
			case t == broke:
				fmt.Fprintf(w, "<td class=\"end bad\" title=\"broken by %s\">✕</td>", esc(tagList(ps, e.BrokenBy())))
			case e.Status == game.Expired && t == e.End+1:
				fmt.Fprintf(w, "<td class=\"end\" title=\"expired\">◌</td>")
			default:
				fmt.Fprintf(w, "<td></td>")
			}
		}
		fmt.Fprintf(w, "</tr>\n")
	}
	fmt.Fprintf(w, "</tbody>\n</table>\n")
}

func figure(w io.Writer, spec *game.IndicatorSpec, svg string) {
	unit := ""
	if spec.Unit != "" {
		unit = " <span>(" + esc(spec.Unit) + ")</span>"
	}
	fmt.Fprintf(w, "<figure>\n<figcaption>%s%s</figcaption>\n%s\n</figure>\n", esc(spec.Title), unit, svg)
}

// seatList names a deal's parties in their colours, the proposer first.
func seatList(ps *game.PublicScenario, proposer int, parties []int, seat func(int) string) string {
	out := []string{seat(proposer)}
	for _, s := range parties {
		if s != proposer {
			out = append(out, seat(s))
		}
	}
	return strings.Join(out, ", ")
}
