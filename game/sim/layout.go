package sim

import (
	"regexp"

	"github.com/chokepoint-game/chokepoint/game"
)

// idPattern is what a scenario allows for ids and indicator names; a
// layout read from a file must hold no other, since reports print them
// to terminals as they are.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// IsID reports whether s is an id as scenarios allow them.
func IsID(s string) bool { return len(s) <= 64 && idPattern.MatchString(s) }

// Layout names what a game's outcome holds, so that outcomes written by
// one process (a shard of a run) can be summed up by another that never
// loaded the scenario: the seats, their players, the per-seat indicators
// in the model's order and the order reports show them, and the world
// indicators.
type Layout struct {
	Scenario   string   `json:"scenario"`
	Seats      []string `json:"seats"`
	Players    []string `json:"players"`
	Indicators []string `json:"indicators"`
	// Report is the order reports show the indicators in, as indices into
	// Indicators; Score is the index of the score.
	Report []int    `json:"report"`
	Score  int      `json:"score"`
	World  []string `json:"world"`
}

// NewLayout describes the outcomes of games of a validated scenario with
// the given players.
func NewLayout(sc *game.Scenario, players []string) *Layout {
	ps := sc.Public()
	l := &Layout{Scenario: sc.ID, Players: append([]string(nil), players...), Score: int(game.Score)}
	for _, s := range sc.Seats {
		l.Seats = append(l.Seats, s.ID)
	}
	for _, in := range ps.Indicators {
		l.Indicators = append(l.Indicators, in.Name)
	}
	for _, k := range ps.ReportOrder() {
		l.Report = append(l.Report, int(k))
	}
	for _, w := range ps.World {
		l.World = append(l.World, w.Name)
	}
	return l
}

// check reports whether the layout is whole enough to sum outcomes with:
// a layout read from a file may be anything.
func (l *Layout) check() error {
	switch {
	case len(l.Seats) == 0 || len(l.Seats) > game.MaxSeats:
		return &RawError{Msg: "the layout has no seats or too many"}
	case len(l.Players) != len(l.Seats):
		return &RawError{Msg: "the layout's players do not match its seats"}
	case len(l.Indicators) == 0 || len(l.Indicators) > int(game.MaxIndicators):
		return &RawError{Msg: "the layout has no indicators or too many"}
	case l.Score < 0 || l.Score >= len(l.Indicators):
		return &RawError{Msg: "the layout's score is not one of its indicators"}
	case len(l.World) > game.MaxWorld:
		return &RawError{Msg: "the layout has too many world indicators"}
	}
	for _, k := range l.Report {
		if k < 0 || k >= len(l.Indicators) {
			return &RawError{Msg: "the layout's report order names an indicator it does not have"}
		}
	}
	names := map[string]bool{}
	for _, group := range [][]string{{l.Scenario}, l.Seats, l.Indicators, l.World} {
		clear(names)
		for _, n := range group {
			if !IsID(n) || names[n] {
				return &RawError{Msg: "the layout's names are not ids, or repeat"}
			}
			names[n] = true
		}
	}
	return nil
}

// Outcome is what one game leaves behind: each seat's indicators at the
// end (in the layout's order) and the world's, and the commands of
// unchecked players the engine refused. It is one line of a raw file.
type Outcome struct {
	// Point is the sweep point the game was played at (0 for a run).
	Point int `json:"point"`
	// Game is the game's index within its point (or run): its seed is
	// the run's seed plus Game.
	Game    int         `json:"game"`
	Seats   [][]float64 `json:"seats"`
	World   []float64   `json:"world"`
	Refused int         `json:"refused"`
}

// fits reports whether an outcome read from a file has the layout's
// shape.
func (l *Layout) fits(o *Outcome) bool {
	if len(o.Seats) != len(l.Seats) || len(o.World) != len(l.World) || o.Refused < 0 {
		return false
	}
	for _, s := range o.Seats {
		if len(s) != len(l.Indicators) {
			return false
		}
	}
	return true
}
