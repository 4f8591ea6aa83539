package game

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// PublicScenario is everything every seat may know of a scenario, compiled
// to indices: seats with their public profiles and objectives, levers with
// who may set them towards whom, the model's indicators, the rules and
// the end condition. It leaves out other seats' secret objective pools and
// briefings. Every view carries it, so that a client (the AI, the
// terminal, an SSH session, the projector) needs nothing but its view. It
// is built once when the scenario is validated and never written again.
type PublicScenario struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Summary    string `json:"summary"`
	StartDate  string `json:"start-date"`
	Turns      int    `json:"turns"`
	TurnMonths int    `json:"turn-months"`
	// Rounds is how many negotiation rounds a turn may have.
	Rounds int `json:"rounds"`
	// ClockSeconds is the suggested negotiation clock; 0 for none.
	ClockSeconds int   `json:"clock-seconds"`
	Rules        Rules `json:"rules"` // what breaches and concessions cost
	// Model is the model's kind; Indicators are every seat's indicators
	// (the engine's first), World the world's.
	Model       string          `json:"model"`
	ModelDoc    string          `json:"model-doc"`
	Indicators  []IndicatorSpec `json:"indicators"`
	World       []IndicatorSpec `json:"world"`
	UsesCapital bool            `json:"uses-capital"`
	// ModelDef is the scenario's model section as written: the model's
	// parameters, and a payoff-table model's lever and table, which a
	// client shows as the payoff matrix. Public rules, never written.
	ModelDef ModelDef     `json:"model-def"`
	Seats    []PublicSeat `json:"seats"`
	Levers   []Lever      `json:"levers"`
	// Settlement is the end condition: a deal in force between all of
	// Parties with at least MinClauses clauses ends the game. Parties is
	// empty when the scenario has no early end.
	Settlement SettlementRule `json:"settlement"`
	Briefing   string         `json:"briefing"`
	Debrief    []string       `json:"debrief"`

	cause func(c Cause, n Names, seat int) string
}

// PublicSeat is a seat as everyone knows it.
type PublicSeat struct {
	ID         string         `json:"id"`
	Name       string         `json:"name"`
	Principal  bool           `json:"principal"`
	Profile    Profile        `json:"profile"`
	Objectives []ObjectiveDef `json:"objectives"` // public ones
	// Secrets is how many secret objectives the seat is dealt.
	Secrets int `json:"secrets"`
}

// ObjectiveDef is an objective with its condition compiled.
type ObjectiveDef struct {
	ID     string    `json:"id"`
	Text   string    `json:"text"`
	Points float64   `json:"points"`
	Cond   Condition `json:"condition"`
}

// Lever is one lever as everyone knows it.
type Lever struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	Kind   string  `json:"kind"`
	Scope  Scope   `json:"scope"`
	Help   string  `json:"help,omitempty"`
	Levels []Level `json:"levels"`
	// Setters may set the lever; Targets are the seats it may be aimed
	// at (a seat never aims at itself).
	Setters SeatSet `json:"setters"`
	Targets SeatSet `json:"targets"`
	// Coercive is the first level counted as coercion, -1 for none.
	Coercive int `json:"coercive"`
	// Hostile, Spend, Bounds, AtMost and AtLeast come from the model's
	// lever kind (see LeverKindSpec).
	Hostile bool    `json:"hostile,omitempty"`
	Spend   bool    `json:"spend,omitempty"`
	Bounds  []Bound `json:"bounds,omitempty"`
	AtMost  string  `json:"at-most"`
	AtLeast string  `json:"at-least"`
	Towards string  `json:"towards"`
	Unit    string  `json:"unit,omitempty"`

	kind   int            // the index of its kind in the model's spec
	levels map[string]int // level id -> index
}

// SettlementRule is the scenario's end condition.
type SettlementRule struct {
	Parties    SeatSet `json:"parties"`
	MinClauses int     `json:"min-clauses"`
}

// SeatIndex returns the index of the seat with the given id.
func (ps *PublicScenario) SeatIndex(id string) (int, bool) {
	for i := range ps.Seats {
		if ps.Seats[i].ID == id {
			return i, true
		}
	}
	return 0, false
}

// LeverIndex returns the index of the lever with the given id.
func (ps *PublicScenario) LeverIndex(id string) (int, bool) {
	for l := range ps.Levers {
		if ps.Levers[l].ID == id {
			return l, true
		}
	}
	return 0, false
}

// LeverOfKind returns the index of the scenario's lever of a model's kind
// ("tariff"); a scenario has at most one lever of each kind.
func (ps *PublicScenario) LeverOfKind(kind string) (int, bool) {
	for l := range ps.Levers {
		if ps.Levers[l].Kind == kind {
			return l, true
		}
	}
	return 0, false
}

// LevelIndex returns the index of a level of lever l.
func (ps *PublicScenario) LevelIndex(l int, id string) (int, bool) {
	if l < 0 || l >= len(ps.Levers) {
		return 0, false
	}
	j, ok := ps.Levers[l].levels[id]
	return j, ok
}

// IndicatorIndex returns the index of a per-seat indicator by name.
func (ps *PublicScenario) IndicatorIndex(name string) (Indicator, bool) {
	for i := range ps.Indicators {
		if ps.Indicators[i].Name == name {
			return Indicator(i), true
		}
	}
	return 0, false
}

// WorldIndex returns the index of a world indicator by name.
func (ps *PublicScenario) WorldIndex(name string) (int, bool) {
	for i := range ps.World {
		if ps.World[i].Name == name {
			return i, true
		}
	}
	return 0, false
}

// MaySet reports whether seat may set lever l at all.
func (ps *PublicScenario) MaySet(seat, l int) bool { return ps.Levers[l].Setters.Has(seat) }

// MayTarget reports whether seat may set the each-scoped lever l towards to.
func (ps *PublicScenario) MayTarget(seat, l, to int) bool {
	lv := &ps.Levers[l]
	return lv.Scope == ScopeEach && lv.Setters.Has(seat) && lv.Targets.Has(to) && seat != to
}

// Slot is the policy slot of lever l that holds its level towards
// target: the target itself for a lever aimed at each seat, else 0.
func (ps *PublicScenario) Slot(l, target int) int {
	if ps.Levers[l].Scope == ScopeEach {
		return target
	}
	return 0
}

// Slots lists the policy slots seat uses for lever l: the targets of an
// each-scoped lever, or slot 0 for a lever of scope all or self.
func (ps *PublicScenario) Slots(seat, l int) []int {
	lv := &ps.Levers[l]
	if !lv.Setters.Has(seat) {
		return nil
	}
	if lv.Scope != ScopeEach {
		return []int{0}
	}
	var out []int
	for to := range ps.Seats {
		if ps.MayTarget(seat, l, to) {
			out = append(out, to)
		}
	}
	return out
}

// MayBind reports whether a deal clause may bound lever l that way.
func (ps *PublicScenario) MayBind(l int, b Bound) bool {
	for _, x := range ps.Levers[l].Bounds {
		if x == b {
			return true
		}
	}
	return false
}

// SeatName is seat i's name ("" for no seat), for a cause's text.
func (ps *PublicScenario) SeatName(i int) string {
	if i < 0 || i >= len(ps.Seats) {
		return ""
	}
	return ps.Seats[i].Name
}

// LeverName is lever l's name.
func (ps *PublicScenario) LeverName(l int) string {
	if l < 0 || l >= len(ps.Levers) {
		return ""
	}
	return ps.Levers[l].Name
}

// LevelName is the id of level j of lever l.
func (ps *PublicScenario) LevelName(l, j int) string {
	if l < 0 || l >= len(ps.Levers) || j < 0 || j >= len(ps.Levers[l].Levels) {
		return ""
	}
	return ps.Levers[l].Levels[j].ID
}

// Date is the month a turn stands for, as YYYY-MM; turn 0 (setup) is
// the start month.
func (ps *PublicScenario) Date(turn int) string {
	start, err := time.Parse(time.DateOnly, ps.StartDate)
	if err != nil {
		return ""
	}
	if turn > 1 {
		start = start.AddDate(0, (turn-1)*ps.TurnMonths, 0)
	}
	return start.Format("2006-01")
}

// Settles reports whether deal d, once in force, meets the scenario's end
// condition: accepting it ends the game after this turn's report.
func (ps *PublicScenario) Settles(d *Deal) bool {
	need := ps.Settlement.Parties
	return need != 0 && d.Parties&need == need && len(d.Clauses) >= ps.Settlement.MinClauses
}

// SettlementText says the end condition in words, or "" when there is
// none.
func (ps *PublicScenario) SettlementText() string {
	need := ps.Settlement.Parties
	if need == 0 {
		return ""
	}
	var names []string
	for _, i := range need.Seats() {
		names = append(names, ps.SeatName(i))
	}
	return fmt.Sprintf("a deal of %d or more clauses in force between %s ends the game after that turn's report",
		ps.Settlement.MinClauses, joinAnd(names))
}

// Explain writes a change the way a report says it: the indicator, its
// change, and its causes, which add up to the change, e.g.
// "industry -6.1: rare-earth coverage 48% (-5.9); other causes (-0.2)".
func (ps *PublicScenario) Explain(c Change) string {
	var b strings.Builder
	spec := ps.Indicator(c.Indicator)
	fmt.Fprintf(&b, "%s %s", spec.Name, spec.FormatDelta(c.To-c.From))
	sep := ": "
	// A term too small to show at the indicator's precision is left to
	// "other causes", as the change itself would round it away.
	small := 0.5 * math.Pow(10, -float64(max(1, spec.Decimals)))
	other := c.Other
	for _, cause := range c.Causes {
		if cause.Kind == 0 {
			continue
		}
		if math.Abs(cause.Delta) < small {
			other += cause.Delta
			continue
		}
		b.WriteString(sep)
		b.WriteString(ps.CauseText(cause, c.Seat))
		sep = "; "
	}
	if math.Abs(other) >= small {
		if sep == ": " {
			fmt.Fprintf(&b, ": small causes together (%s)", spec.FormatDelta(other))
		} else {
			fmt.Fprintf(&b, "; other causes (%s)", spec.FormatDelta(other))
		}
	}
	return b.String()
}

// CauseText says what one cause was, for the seat it affected.
func (ps *PublicScenario) CauseText(c Cause, seat int) string {
	if ps.cause == nil {
		return fmt.Sprintf("%+.1f", c.Delta)
	}
	return ps.cause(c, ps, seat)
}

// Indicator is the spec of indicator i (a blank one for an unknown i).
func (ps *PublicScenario) Indicator(i Indicator) IndicatorSpec {
	if int(i) < len(ps.Indicators) {
		return ps.Indicators[i]
	}
	return IndicatorSpec{Name: "indicator?"}
}

// FormatDelta writes a change of the indicator with its sign, in the
// indicator's display scale.
func (s *IndicatorSpec) FormatDelta(d float64) string {
	if s.Scale != 0 {
		d *= s.Scale
	}
	return fmt.Sprintf("%+.*f", max(1, s.Decimals), d)
}

// Format writes a value of the indicator with its unit.
func (s *IndicatorSpec) Format(x float64) string {
	if s.Scale != 0 {
		x *= s.Scale
	}
	switch s.Unit {
	case "":
		return fmt.Sprintf("%.*f", s.Decimals, x)
	case "$/kg", "$":
		return fmt.Sprintf("$%.*f", s.Decimals, x) + strings.TrimPrefix(s.Unit, "$")
	case "%":
		return fmt.Sprintf("%.*f%%", s.Decimals, x)
	}
	return fmt.Sprintf("%.*f %s", s.Decimals, x, s.Unit)
}

func joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// SpecOf writes a clause back as a seat writes it in a proposal.
func SpecOf(ps *PublicScenario, c Clause) ClauseSpec {
	lv := &ps.Levers[c.Lever]
	cs := ClauseSpec{Actor: ps.Seats[c.Actor].ID, Lever: lv.ID, Bound: c.Bound, Level: lv.Levels[c.Level].ID}
	if lv.Scope == ScopeEach {
		cs.Target = ps.Seats[c.Target].ID
	}
	return cs
}

// ReportOrder lists the per-seat indicators in the order reports show
// them: the model's first, then political capital (when the model moves
// it), then the score.
func (ps *PublicScenario) ReportOrder() []Indicator {
	var out []Indicator
	for i := FirstModelIndicator; int(i) < len(ps.Indicators); i++ {
		out = append(out, i)
	}
	if ps.UsesCapital {
		out = append(out, Capital)
	}
	return append(out, Score)
}

// Tag is how a sentence names a seat: a short id in capitals (US, PRC,
// EU), otherwise the seat's name (Japan, Australia).
func (ps *PublicScenario) Tag(i int) string {
	if i < 0 || i >= len(ps.Seats) {
		return ""
	}
	if id := ps.Seats[i].ID; len(id) <= 3 {
		return strings.ToUpper(id)
	}
	return ps.Seats[i].Name
}

// LevelText is level j of lever l as a player reads it: its value with
// the lever's unit when it has one ("10%"), with the id too when the id
// says something else ("7% (usmca-35)"); otherwise its id.
func (ps *PublicScenario) LevelText(l, j int) string {
	if l < 0 || l >= len(ps.Levers) || j < 0 || j >= len(ps.Levers[l].Levels) {
		return ""
	}
	lv := &ps.Levers[l]
	id := lv.Levels[j].ID
	if lv.Unit == "" {
		return id
	}
	v := strconv.FormatFloat(lv.Levels[j].Value, 'f', -1, 64)
	if id == v || id == v+lv.Unit {
		return v + lv.Unit
	}
	return v + lv.Unit + " (" + id + ")"
}

// ClauseText says a clause as a sentence, e.g. "US tariff on PRC at most
// 10%" or "PRC rare-earth licensing towards Japan at least as open as
// general".
func (ps *PublicScenario) ClauseText(c Clause) string {
	if c.Lever < 0 || c.Lever >= len(ps.Levers) {
		return ""
	}
	lv := &ps.Levers[c.Lever]
	t := ps.Tag(c.Actor) + " " + strings.ToLower(lv.Name)
	if lv.Scope == ScopeEach {
		t += " " + lv.Towards + " " + ps.Tag(c.Target)
	}
	bound := lv.AtMost
	if c.Bound == AtLeast {
		bound = lv.AtLeast
	}
	return t + " " + bound + " " + ps.LevelText(c.Lever, c.Level)
}
