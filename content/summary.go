package content

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/chokepoint-game/chokepoint/game"
)

// WriteList prints the shipped scenarios as a table: id, title, seats
// (count and ids) and turns.
func WriteList(w io.Writer, entries []Entry) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tSEATS\tTURNS")
	for _, e := range entries {
		if e.Err != nil {
			fmt.Fprintf(tw, "%s\t(does not load: %s)\t\t\n", e.ID, firstLine(e.Err.Error()))
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%d: %s\t%d\n", e.ID, e.Title, len(e.Seats), strings.Join(e.Seats, ", "), e.Turns)
	}
	return tw.Flush()
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// WriteSummary prints what a facilitator needs to know about a valid
// scenario before running it: calendar, seats and their public
// objectives, levers, the model, events, the end condition and the
// debrief. It leaves out what belongs to one seat only: secret objective
// pools and seat briefings.
func WriteSummary(w io.Writer, sc *game.Scenario) error {
	s := &summary{w: w, sc: sc}
	s.header()
	s.seats()
	s.levers()
	s.model()
	s.events()
	s.end()
	s.debrief()
	return s.err
}

type summary struct {
	w   io.Writer
	sc  *game.Scenario
	err error
}

func (s *summary) printf(format string, args ...any) {
	if s.err == nil {
		_, s.err = fmt.Fprintf(s.w, format, args...)
	}
}

func (s *summary) section(title string) { s.printf("\n%s\n", title) }

// wrap prints text as paragraphs wrapped to a terminal's width, each
// paragraph's first line after first and the others after rest.
func (s *summary) wrap(first, rest, text string) {
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		line, indent := first, len(first)
		for _, word := range strings.Fields(para) {
			if len(line) > indent && len(line)+1+len(word) > 78 {
				s.printf("%s\n", line)
				line, indent = rest, len(rest)
			}
			if len(line) > indent {
				line += " "
			}
			line += word
		}
		s.printf("%s\n", line)
	}
}

// turnDate is the first day of a turn: turn 1 starts on the start date.
func (s *summary) turnDate(turn int) string {
	start, err := time.Parse(time.DateOnly, s.sc.StartDate)
	if err != nil {
		return "?"
	}
	return start.AddDate(0, (turn-1)*s.sc.TurnMonths, 0).Format(time.DateOnly)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func (s *summary) header() {
	sc := s.sc
	s.printf("%s (%s)\n", sc.Title, sc.ID)
	if sc.Summary != "" {
		s.printf("\n")
		s.wrap("", "", sc.Summary)
	}
	s.section("Calendar")
	s.printf("  %s of %s from %s; the last turn starts %s\n",
		plural(sc.Turns, "turn", "turns"), plural(sc.TurnMonths, "month", "months"), sc.StartDate, s.turnDate(sc.Turns))
	rounds := sc.Negotiation.Rounds
	if rounds == 0 {
		rounds = 3 // the engine's default; see game.NegotiationRules
	}
	s.printf("  negotiation: up to %s a turn", plural(rounds, "round", "rounds"))
	if sc.Negotiation.ClockSeconds > 0 {
		s.printf(", %ds clock", sc.Negotiation.ClockSeconds)
	}
	s.printf("\n")
}

func (s *summary) seats() {
	s.section("Seats")
	tw := tabwriter.NewWriter(s.w, 0, 0, 2, ' ', 0)
	for _, seat := range s.sc.Seats {
		name := seat.Name
		if seat.Principal {
			name += " (principal)"
		}
		fmt.Fprintf(tw, "  %s\t%s\n", seat.ID, name)
	}
	if err := tw.Flush(); err != nil && s.err == nil {
		s.err = err
	}
	for _, seat := range s.sc.Seats {
		if len(seat.Objectives) == 0 {
			continue
		}
		s.printf("\n  %s, public objectives:\n", seat.ID)
		for _, o := range seat.Objectives {
			when := "at the end"
			if o.When == "every-turn" {
				when = "every turn"
			}
			points := fmt.Sprintf("%g points", o.Points)
			if o.Points == 1 {
				points = "1 point"
			}
			s.wrap(fmt.Sprintf("    - [%s %s] ", points, when), "      ", o.Text)
		}
	}
}

func (s *summary) levers() {
	s.section("Levers")
	for _, l := range s.sc.Levers {
		s.printf("  %s: %s (%s, scope %s)\n", l.ID, l.Name, l.Kind, l.Scope)
		levels := make([]string, len(l.Levels))
		for i, lv := range l.Levels {
			levels[i] = fmt.Sprintf("%s=%g", lv.ID, lv.Value)
		}
		s.printf("    levels: %s", strings.Join(levels, ", "))
		if l.Coercive != "" {
			s.printf("; coercive from %s", l.Coercive)
		}
		s.printf("\n")
		who := "every seat"
		if len(l.Setters) > 0 {
			who = strings.Join(l.Setters, ", ")
		}
		s.printf("    set by: %s", who)
		if l.Scope == "each" {
			towards := "every other seat"
			if len(l.Targets) > 0 {
				towards = strings.Join(l.Targets, ", ")
			}
			s.printf("; towards: %s", towards)
		}
		s.printf("\n")
		if l.Help != "" {
			s.wrap("    ", "    ", l.Help)
		}
	}
}

func (s *summary) model() {
	m := s.sc.Model
	s.section("Model: " + m.Kind)
	if m.Lever != "" {
		s.printf("  payoffs by the level each seat sets on %s:\n", m.Lever)
		tw := tabwriter.NewWriter(s.w, 0, 0, 2, ' ', 0)
		for _, row := range m.Payoffs {
			var when, score []string
			for _, seat := range s.sc.Seats {
				when = append(when, seat.ID+" "+row.When[seat.ID])
				score = append(score, fmt.Sprintf("%s %g", seat.ID, row.Score[seat.ID]))
			}
			fmt.Fprintf(tw, "    %s\t-> %s\n", strings.Join(when, ", "), strings.Join(score, ", "))
		}
		if err := tw.Flush(); err != nil && s.err == nil {
			s.err = err
		}
	}
	params := game.ModelParams(m.Kind)
	if len(params) == 0 {
		return
	}
	s.printf("  parameters (* = set by this scenario, otherwise the default):\n")
	for _, p := range params {
		x, set := m.Params[p.Name]
		mark := " "
		if !set {
			x = p.Default
		} else {
			mark = "*"
		}
		s.printf("   %s%s = %g  [%g..%g]\n", mark, p.Name, x, p.Min, p.Max)
		s.wrap("      ", "      ", p.Doc)
	}
}

func (s *summary) events() {
	sc := s.sc
	if len(sc.Timeline) > 0 {
		s.section("Timeline")
		tw := tabwriter.NewWriter(s.w, 0, 0, 2, ' ', 0)
		for _, e := range sc.Timeline {
			fmt.Fprintf(tw, "  turn %d\t%s\t%s\n", e.Turn, s.turnDate(e.Turn), e.Title)
		}
		if err := tw.Flush(); err != nil && s.err == nil {
			s.err = err
		}
	}
	s.section("Deck")
	if len(sc.Deck.Events) == 0 || sc.Deck.Chance == 0 {
		s.printf("  no random events\n")
		return
	}
	s.printf("  %s; each turn after the first draws one with chance %g\n",
		plural(len(sc.Deck.Events), "event", "events"), sc.Deck.Chance)
}

func (s *summary) end() {
	st := s.sc.End.Settlement
	s.section("End")
	if len(st.Parties) == 0 {
		s.printf("  after turn %d; no early end\n", s.sc.Turns)
		return
	}
	s.printf("  after turn %d, or earlier once %s have a deal in force", s.sc.Turns, strings.Join(st.Parties, ", "))
	if st.MinClauses > 0 {
		s.printf(" with at least %s", plural(st.MinClauses, "clause", "clauses"))
	}
	s.printf("\n")
}

func (s *summary) debrief() {
	if len(s.sc.Debrief) == 0 {
		return
	}
	s.section("Debrief questions")
	for i, q := range s.sc.Debrief {
		num := fmt.Sprintf("  %d. ", i+1)
		s.wrap(num, strings.Repeat(" ", len(num)), q)
	}
}
