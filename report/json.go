package report

import (
	"encoding/json"
	"io"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/debrief"
	"github.com/chokepoint-game/chokepoint/internal/palette"
)

// DocumentFormat and DocumentVersion open every JSON report.
const (
	DocumentFormat  = "chokepoint-report"
	DocumentVersion = 1
)

// Document is the JSON report: the shape docs/report-format.md
// documents, field by field. Seats are named by their ids everywhere.
type Document struct {
	Format     string         `json:"format"`
	Version    int            `json:"version"`
	Game       GameInfo       `json:"game"`
	Seats      []SeatInfo     `json:"seats"`
	Scores     []ScoreDoc     `json:"scores"`
	Timeline   []TurnDoc      `json:"timeline"`
	Deals      []DealDoc      `json:"deals"`
	Behaviour  []BehaviourDoc `json:"behaviour"`
	Swings     []SwingDoc     `json:"swings"`
	Points     []int          `json:"points"`
	FinalPoint bool           `json:"final-point"`
	Indicators []SeriesDoc    `json:"indicators"`
	World      []SeriesDoc    `json:"world"`
	Questions  []QuestionDoc  `json:"questions"`
}

// GameInfo says which game this is and how it ended.
type GameInfo struct {
	Scenario string `json:"scenario"`
	Title    string `json:"title"`
	Name     string `json:"name"`
	Seed     uint64 `json:"seed"`
	Turns    int    `json:"turns"`
	LastTurn int    `json:"last-turn"`
	Ended    string `json:"ended"`
}

// SeatInfo is one seat and who played it.
type SeatInfo struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Player string `json:"player"`
	Person string `json:"person"`
	Colour string `json:"colour"`
}

// ScoreDoc is one seat's result, the highest first.
type ScoreDoc struct {
	Seat          string         `json:"seat"`
	Rank          int            `json:"rank"`
	Points        float64        `json:"points"`
	Objectives    []ObjectiveDoc `json:"objectives"`
	HiddenSecrets int            `json:"hidden-secrets"`
}

// ObjectiveDoc is one objective and what it earned.
type ObjectiveDoc struct {
	ID     string  `json:"id"`
	Text   string  `json:"text"`
	When   string  `json:"when"`
	Points float64 `json:"points"`
	Earned float64 `json:"earned"`
	Secret bool    `json:"secret"`
}

// TurnDoc is what happened in one turn.
type TurnDoc struct {
	Turn            int       `json:"turn"`
	Date            string    `json:"date"`
	Items           []ItemDoc `json:"items"`
	PrivateMessages int       `json:"private-messages"`
}

// ItemDoc is one thing that happened.
type ItemDoc struct {
	Kind   string `json:"kind"`
	Phase  string `json:"phase"`
	Seat   string `json:"seat"`
	Deal   int    `json:"deal"`
	Text   string `json:"text"`
	Detail string `json:"detail"`
}

// DealDoc is one deal's life.
type DealDoc struct {
	ID         int         `json:"id"`
	Title      string      `json:"title"`
	Proposer   string      `json:"proposer"`
	Parties    []string    `json:"parties"`
	Clauses    []string    `json:"clauses"`
	Duration   int         `json:"duration"`
	Visibility string      `json:"visibility"`
	Status     string      `json:"status"`
	Proposed   int         `json:"proposed"`
	Start      int         `json:"start"`
	End        int         `json:"end"`
	Kept       int         `json:"kept"`
	Breaches   []BreachDoc `json:"breaches"`
	KeptBy     []string    `json:"kept-by"`
	Settled    bool        `json:"settled"`
	Summary    string      `json:"summary"`
}

// BreachDoc is one breach: who, in which turn, which clause.
type BreachDoc struct {
	Seat   string `json:"seat"`
	Turn   int    `json:"turn"`
	Clause string `json:"clause"`
}

// BehaviourDoc is one seat's fingerprint.
type BehaviourDoc struct {
	Seat       string   `json:"seat"`
	Cooperated TallyDoc `json:"cooperated"`
	Retaliated TallyDoc `json:"retaliated"`
	Forgave    TallyDoc `json:"forgave"`
	Exploited  TallyDoc `json:"exploited"`
	Breached   TallyDoc `json:"breached"`
}

// TallyDoc counts a behaviour: Count times in Of chances, with the turns
// that show it.
type TallyDoc struct {
	Count int           `json:"count"`
	Of    int           `json:"of"`
	Rate  float64       `json:"rate"`
	When  []InstanceDoc `json:"when"`
}

// InstanceDoc is one turn that shows a behaviour.
type InstanceDoc struct {
	Turn    int      `json:"turn"`
	Towards []string `json:"towards"`
}

// SwingDoc is one of a seat's biggest moves.
type SwingDoc struct {
	Seat      string     `json:"seat"`
	Turn      int        `json:"turn"`
	Indicator string     `json:"indicator"`
	From      float64    `json:"from"`
	To        float64    `json:"to"`
	Causes    []CauseDoc `json:"causes"`
}

// CauseDoc is one cause of a change.
type CauseDoc struct {
	Text  string  `json:"text"`
	Delta float64 `json:"delta"`
	Other bool    `json:"other"`
}

// SeriesDoc is one indicator over the game: one series per seat for a
// seat's indicator, one (seat "") for a world indicator.
type SeriesDoc struct {
	ID       string      `json:"id"`
	Title    string      `json:"title"`
	Unit     string      `json:"unit"`
	Scale    float64     `json:"scale"`
	Decimals int         `json:"decimals"`
	Better   int         `json:"better"`
	Series   []SeriesOne `json:"series"`
}

// SeriesOne is one seat's values at the report's points.
type SeriesOne struct {
	Seat   string    `json:"seat"`
	Values []float64 `json:"values"`
}

// QuestionDoc is one question for the discussion.
type QuestionDoc struct {
	Text   string `json:"text"`
	Prompt string `json:"prompt"`
}

// Document builds the JSON report.
func (r *Report) Document() *Document {
	ps := r.Scenario
	id := func(i int) string {
		if i < 0 || i >= len(ps.Seats) {
			return ""
		}
		return ps.Seats[i].ID
	}
	ids := func(seats []int) []string {
		out := make([]string, len(seats))
		for k, s := range seats {
			out[k] = id(s)
		}
		return out
	}
	d := &Document{
		Format: DocumentFormat, Version: DocumentVersion,
		Game:   GameInfo{Scenario: ps.ID, Title: ps.Title, Name: r.Name, Seed: r.Seed, Turns: ps.Turns, LastTurn: r.LastTurn, Ended: r.Ended},
		Points: nonNil(r.Points), FinalPoint: r.Final,
		Seats: []SeatInfo{}, Scores: []ScoreDoc{}, Timeline: []TurnDoc{}, Deals: []DealDoc{}, Behaviour: []BehaviourDoc{},
		Swings: []SwingDoc{}, Indicators: []SeriesDoc{}, World: []SeriesDoc{}, Questions: []QuestionDoc{},
	}
	for i, s := range ps.Seats {
		si := SeatInfo{ID: s.ID, Name: s.Name, Colour: palette.Seat(i)}
		if i < len(r.Players) {
			si.Player, si.Person = r.Players[i].Player, r.Players[i].Person
		}
		d.Seats = append(d.Seats, si)
	}
	for rank, s := range r.Scores {
		sd := ScoreDoc{Seat: id(s.Seat), Rank: rank + 1, Points: s.Points, HiddenSecrets: s.Hidden, Objectives: []ObjectiveDoc{}}
		for _, o := range s.Objectives {
			sd.Objectives = append(sd.Objectives, ObjectiveDoc{ID: o.ID, Text: o.Text, When: o.When, Points: o.Points, Earned: o.Earned, Secret: o.Secret})
		}
		d.Scores = append(d.Scores, sd)
	}
	for _, t := range r.Timeline {
		td := TurnDoc{Turn: t.Turn, Date: ps.Date(t.Turn), PrivateMessages: t.Private, Items: []ItemDoc{}}
		for _, it := range t.Items {
			td.Items = append(td.Items, ItemDoc{Kind: it.Kind, Phase: it.Phase.String(), Seat: id(it.Seat), Deal: it.Deal, Text: it.Text, Detail: it.Detail})
		}
		d.Timeline = append(d.Timeline, td)
	}
	for k := range r.Ledger {
		e := &r.Ledger[k]
		dl := &e.Deal
		parties := []int{dl.Proposer}
		for _, p := range dl.Parties.Seats() {
			if p != dl.Proposer {
				parties = append(parties, p)
			}
		}
		dd := DealDoc{ID: dl.ID, Title: dl.Title, Proposer: id(dl.Proposer), Parties: ids(parties), Clauses: []string{},
			Duration: dl.Duration, Visibility: dl.Visibility.String(), Status: e.Status.String(), Proposed: e.Proposed,
			Start: e.Start, End: e.End, Kept: e.Kept, KeptBy: ids(e.KeptBy()), Settled: e.Settled, Summary: e.Line(ps), Breaches: []BreachDoc{}}
		for _, c := range dl.Clauses {
			dd.Clauses = append(dd.Clauses, ps.ClauseText(c))
		}
		for _, b := range e.Breaches {
			bd := BreachDoc{Seat: id(b.Seat), Turn: b.Turn}
			if b.Clause >= 0 && b.Clause < len(dl.Clauses) {
				bd.Clause = ps.ClauseText(dl.Clauses[b.Clause])
			}
			dd.Breaches = append(dd.Breaches, bd)
		}
		d.Deals = append(d.Deals, dd)
	}
	tally := func(t *debrief.Tally) TallyDoc {
		td := TallyDoc{Count: t.Count, Of: t.Of, Rate: t.Rate(), When: []InstanceDoc{}}
		for _, in := range t.When {
			td.When = append(td.When, InstanceDoc{Turn: in.Turn, Towards: ids(in.Others)})
		}
		return td
	}
	for k := range r.Fingerprints {
		f := &r.Fingerprints[k]
		d.Behaviour = append(d.Behaviour, BehaviourDoc{Seat: id(f.Seat), Cooperated: tally(&f.Cooperated), Retaliated: tally(&f.Retaliated),
			Forgave: tally(&f.Forgave), Exploited: tally(&f.Exploited), Breached: tally(&f.Breached)})
	}
	for _, s := range r.Swings {
		sd := SwingDoc{Seat: id(s.Seat), Turn: s.Turn, Indicator: ps.Indicator(s.Indicator).Name, From: s.From, To: s.To, Causes: []CauseDoc{}}
		for _, c := range s.Causes {
			sd.Causes = append(sd.Causes, CauseDoc{Text: c.Text, Delta: c.Delta, Other: c.Other})
		}
		d.Swings = append(d.Swings, sd)
	}
	for _, s := range r.Seats {
		sd := seriesDoc(ps.Indicator(s.Indicator))
		for i, v := range s.Values {
			sd.Series = append(sd.Series, SeriesOne{Seat: id(i), Values: nonNil(v)})
		}
		d.Indicators = append(d.Indicators, sd)
	}
	for _, w := range r.World {
		sd := seriesDoc(ps.World[w.Index])
		sd.Series = append(sd.Series, SeriesOne{Values: nonNil(w.Values)})
		d.World = append(d.World, sd)
	}
	for _, q := range r.Questions {
		d.Questions = append(d.Questions, QuestionDoc{Text: q.Text, Prompt: q.Prompt})
	}
	return d
}

func seriesDoc(spec game.IndicatorSpec) SeriesDoc {
	scale := spec.Scale
	if scale == 0 {
		scale = 1
	}
	return SeriesDoc{ID: spec.Name, Title: spec.Title, Unit: spec.Unit, Scale: scale, Decimals: spec.Decimals, Better: spec.Better, Series: []SeriesOne{}}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// WriteJSON writes the report as one indented JSON document.
func (r *Report) WriteJSON(w io.Writer) error {
	e := json.NewEncoder(w)
	e.SetIndent("", "  ")
	return e.Encode(r.Document())
}
