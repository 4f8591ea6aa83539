// Package report writes the after-action report of a saved game, as
// Markdown, as one self-contained HTML page (charts drawn as inline SVG)
// or as JSON (the shape in docs/report-format.md). Every figure and
// sentence in it comes from game/debrief, which the terminal's debrief
// reads too, so the two never disagree; this package only lays them out.
package report

import (
	"fmt"
	"io"
	"time"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/debrief"
	"github.com/chokepoint-game/chokepoint/saves"
)

// Report is a game analysed for its after-action report.
type Report struct {
	debrief.Report
	// Name is the save's name ("" for none); Seed the game's seed.
	Name string
	Seed uint64
	// Players says who played each seat, in seat order.
	Players []saves.Seat
}

// FromSave analyses a verified save from the facilitator's view: every
// deal, every public message and every seat's secret objectives.
func FromSave(s *saves.Save) (*Report, error) {
	if !s.Verified() {
		return nil, fmt.Errorf("the save has not been verified")
	}
	in, err := debrief.FromLog(s.Scenario(), s.Log(), game.Facilitator)
	if err != nil {
		return nil, err
	}
	return &Report{Report: debrief.Analyze(in), Name: s.Name, Seed: s.Seed, Players: s.Seats}, nil
}

// Format is an output format.
type Format string

// Formats.
const (
	Markdown Format = "md"
	HTML     Format = "html"
	JSON     Format = "json"
)

// Formats lists the formats, for help and errors.
var Formats = []Format{Markdown, HTML, JSON}

// Write writes the report in format f.
func (r *Report) Write(w io.Writer, f Format) error {
	switch f {
	case Markdown:
		return r.WriteMarkdown(w)
	case HTML:
		return r.WriteHTML(w)
	case JSON:
		return r.WriteJSON(w)
	}
	return fmt.Errorf("unknown format %q (md, html or json)", string(f))
}

// month is the month a turn stands for, "Jan 2026"; "" when the
// scenario's start date does not parse.
func month(ps *game.PublicScenario, turn int) string {
	t, err := time.Parse("2006-01", ps.Date(turn))
	if err != nil {
		return ""
	}
	return t.Format("Jan 2006")
}

// player says who played seat i: "Ada (human)", "hawk@hard".
func (r *Report) player(i int) string {
	if i < 0 || i >= len(r.Players) {
		return ""
	}
	p := r.Players[i]
	if p.Person != "" {
		return p.Person + " (" + p.Player + ")"
	}
	return p.Player
}

// points is the label of the series' points: "start", "1", ..., "end".
func (r *Report) pointLabels() []string {
	var out []string
	for _, p := range r.Points {
		if p == 0 {
			out = append(out, "start")
		} else {
			out = append(out, fmt.Sprint(p))
		}
	}
	if r.Final {
		out = append(out, "end")
	}
	return out
}

// endedText says how the game ended.
func (r *Report) endedText() string {
	if r.Ended == "" {
		return fmt.Sprintf("Unfinished: the save stops in turn %d of %d.", r.LastTurn, r.Scenario.Turns)
	}
	return fmt.Sprintf("The game ended after turn %d of %d: %s.", r.LastTurn, r.Scenario.Turns, r.Ended)
}

func tagList(ps *game.PublicScenario, seats []int) string {
	out := ""
	for k, s := range seats {
		if k > 0 {
			out += ", "
		}
		out += ps.Tag(s)
	}
	return out
}
