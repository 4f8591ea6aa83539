package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/debrief"
)

// mdEscaper keeps text from a game (titles, messages, notes) from being
// read as Markdown or HTML, or from breaking a table row.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "|", `\|`, "#", `\#`, "\n", " ", "\r", " ",
)

func md(s string) string { return mdEscaper.Replace(s) }

// WriteMarkdown writes the report as Markdown: headings, lists, and a
// table per indicator where the HTML has a chart.
func (r *Report) WriteMarkdown(out io.Writer) error {
	w := bufio.NewWriter(out)
	ps := r.Scenario
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }

	p("# After-action report: %s\n\n", md(ps.Title))
	if r.Name != "" {
		p("Game “%s”, ", md(r.Name))
	}
	p("scenario `%s`, seed %d, %s to %s. %s\n\n", ps.ID, r.Seed, month(ps, 1), month(ps, max(1, r.LastTurn)), md(r.endedText()))

	p("## Seats and final scores\n\n")
	p("| Rank | Seat | Played by | Score |\n|---:|---|---|---:|\n")
	for rank, s := range r.Scores {
		p("| %d | %s | %s | %s |\n", rank+1, md(ps.Seats[s.Seat].Name), md(r.player(s.Seat)), num(s.Points))
	}
	p("\n### Objectives\n\n")
	p("Every objective with the points it earned; secret objectives are revealed and marked.\n\n")
	for _, s := range r.Scores {
		p("**%s** (%s points)\n\n", md(ps.Seats[s.Seat].Name), num(s.Points))
		if len(s.Objectives) == 0 {
			p("- No objectives: the score is the model's.\n")
		}
		for _, o := range s.Objectives {
			mark := "✗"
			if o.Earned > 0 {
				mark = "✓"
			}
			secret := ""
			if o.Secret {
				secret = " *(secret)*"
			}
			p("- %s %s: %s%s\n", mark, debrief.ObjectivePoints(&o), md(o.Text), secret)
		}
		if s.Hidden > 0 {
			p("- and %d secret objectives not revealed\n", s.Hidden)
		}
		p("\n")
	}

	p("## Timeline\n\n")
	if len(r.Timeline) == 0 {
		p("Nothing happened worth telling.\n\n")
	}
	for _, t := range r.Timeline {
		p("### %s\n\n", turnHeading(ps, t.Turn))
		for _, it := range t.Items {
			line := md(it.Text)
			if it.Detail != "" {
				line += " *" + md(it.Detail) + "*"
			}
			p("- %s\n", line)
		}
		if t.Private > 0 {
			p("- (%s, not quoted)\n", plural(t.Private, "private message", "private messages"))
		}
		p("\n")
	}

	p("## Deal ledger\n\n")
	if len(r.Ledger) == 0 {
		p("No deals were proposed.\n\n")
	} else {
		p("| Deal | Parties | Proposed | In force | Kept | Outcome |\n|---|---|---:|---|---:|---|\n")
		for k := range r.Ledger {
			e := &r.Ledger[k]
			inForce := "never"
			if e.Start > 0 {
				inForce = fmt.Sprintf("turns %d–%d", e.Start, e.End)
			}
			p("| “%s” | %s | %d | %s | %s | %s |\n", md(e.Deal.Title), md(partiesOf(ps, &e.Deal)), e.Proposed, inForce, kept(e.Start, e.Kept), md(outcome(ps, e)))
		}
		p("\n")
		for k := range r.Ledger {
			p("- %s\n", md(r.Ledger[k].Line(ps)))
		}
		p("\n")
	}

	p("## Behaviour\n\n")
	p("Each turn a seat makes a move towards every seat its hostile levers reach: a defection when a lever towards that seat is at a coercive level or was raised, or it broke a deal with that seat; otherwise a cooperation. docs/report-format.md defines each term.\n\n")
	if len(r.Fingerprints) == 0 || r.Fingerprints[0].Cooperated.Of == 0 && r.Fingerprints[0].Breached.Of == 0 {
		p("The save holds too little to tell.\n\n")
	}
	p("| Seat |")
	for _, b := range debrief.Behaviours {
		p(" %s |", capital(b.Name))
	}
	p("\n|---|")
	for range debrief.Behaviours {
		p("---:|")
	}
	p("\n")
	for k := range r.Fingerprints {
		f := &r.Fingerprints[k]
		p("| %s |", md(ps.Seats[f.Seat].Name))
		for _, b := range debrief.Behaviours {
			t := b.Get(f)
			p(" %s (%d of %d) |", t.Percent(), t.Count, t.Of)
		}
		p("\n")
	}
	p("\nThe turns that show it (and towards whom):\n\n")
	for k := range r.Fingerprints {
		f := &r.Fingerprints[k]
		p("- **%s**: %s.\n", md(ps.Seats[f.Seat].Name), md(f.Shown(ps, 8)))
	}
	p("\n")

	p("## Biggest moves and their causes\n\n")
	if len(r.Swings) == 0 {
		p("No indicator moved.\n\n")
	}
	for k, s := range r.Swings {
		if k == 0 || r.Swings[k-1].Seat != s.Seat {
			p("**%s**\n\n", md(ps.Seats[s.Seat].Name))
		}
		p("- %s\n", md(s.Line(ps)))
		for _, c := range s.Causes {
			p("  - %s\n", md(s.CauseLine(ps, &c)))
		}
		if k == len(r.Swings)-1 || r.Swings[k+1].Seat != s.Seat {
			p("\n")
		}
	}

	p("## Indicators\n\n")
	labels := r.pointLabels()
	p("Each seat's indicators at the start and after each turn%s.\n\n", finalNote(r.Final))
	for _, s := range r.Seats {
		spec := ps.Indicator(s.Indicator)
		p("### %s\n\n", md(titleWithUnit(&spec)))
		var heads []string
		var cols [][]float64
		var specs []*game.IndicatorSpec
		for i, v := range s.Values {
			heads, cols, specs = append(heads, md(ps.Tag(i))), append(cols, v), append(specs, &spec)
		}
		table(w, labels, heads, cols, specs)
	}
	p("## World\n\n")
	if len(r.World) == 0 {
		p("The scenario has no world indicators.\n\n")
	} else {
		var heads []string
		var cols [][]float64
		var specs []*game.IndicatorSpec
		for _, ws := range r.World {
			spec := ps.World[ws.Index]
			heads, cols, specs = append(heads, md(titleWithUnit(&spec))), append(cols, ws.Values), append(specs, &spec)
		}
		table(w, labels, heads, cols, specs)
	}

	p("## Questions for discussion\n\n")
	for k, q := range r.Questions {
		p("%d. %s", k+1, md(q.Text))
		if q.Prompt != "" {
			p(" *(%s in this game)*", md(q.Prompt))
		}
		p("\n")
	}
	return w.Flush()
}

// table writes a table with a row per point (start, each turn, end) and
// a column per series, so that a game of any length stays readable.
func table(w io.Writer, labels, heads []string, cols [][]float64, specs []*game.IndicatorSpec) {
	fmt.Fprintf(w, "| Turn | %s |\n|---|%s\n", strings.Join(heads, " | "), strings.Repeat("---:|", len(heads)))
	for k, l := range labels {
		cells := make([]string, len(cols))
		for c, xs := range cols {
			if k < len(xs) {
				cells[c] = md(specs[c].Format(xs[k]))
			}
		}
		fmt.Fprintf(w, "| %s | %s |\n", l, strings.Join(cells, " | "))
	}
	fmt.Fprintln(w)
}
