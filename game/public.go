package game

import (
	"fmt"
	"math"
	"sort"
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

// LevelName is level j of lever l as causes name it: its meaning, as
// LevelText writes it, not its id.
func (ps *PublicScenario) LevelName(l, j int) string { return ps.LevelText(l, j) }

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
// change, and its causes, whose shown values add up to the shown change,
// e.g. "industry -6.1: rare-earth coverage 48% (-5.9); other causes
// (-0.2)".
func (ps *PublicScenario) Explain(c Change) string {
	var b strings.Builder
	spec := ps.Indicator(c.Indicator)
	fmt.Fprintf(&b, "%s %s", spec.Name, spec.FormatDelta(c.To-c.From))
	sep := ": "
	shown := ps.ShownCauses(c)
	for _, sc := range shown {
		b.WriteString(sep)
		switch {
		case !sc.Other:
			b.WriteString(sc.Text)
		case len(shown) == 1:
			fmt.Fprintf(&b, "small causes together (%s)", spec.FormatDelta(sc.Delta))
		default:
			fmt.Fprintf(&b, "other causes (%s)", spec.FormatDelta(sc.Delta))
		}
		sep = "; "
	}
	return b.String()
}

// ShownCause is one line of a change's explanation as a screen shows it:
// a named cause, or the rest ("other causes"), with its value rounded so
// that the values shown add up to the change shown.
type ShownCause struct {
	Text  string  // the cause in words, its rounded value included; "" for the rest
	Delta float64 // the rounded value, in the indicator's own units
	Other bool    // the rest: small causes and what no cause names
}

// ShownCauses are the lines that explain a change, each rounded to the
// precision the change is shown at (FormatDelta's) by the largest
// remainder, so that they add up to the shown change exactly. A cause
// that would show as zero joins the rest, and a rest of zero is left out.
func (ps *PublicScenario) ShownCauses(c Change) []ShownCause {
	spec := ps.Indicator(c.Indicator)
	scale := spec.Scale
	if scale == 0 {
		scale = 1
	}
	unit := math.Pow(10, float64(max(1, spec.Decimals))) * scale // units of the last shown digit, per indicator unit
	var named []Cause
	other := c.Other
	for _, cause := range c.Causes {
		if cause.Kind != 0 {
			named = append(named, cause)
		}
	}
	for {
		xs := make([]float64, 0, len(named)+1)
		for _, k := range named {
			xs = append(xs, k.Delta)
		}
		xs = append(xs, other)
		r := roundToSum(xs, unit, shownUnits(c.To-c.From, spec))
		// A named cause that shows as zero says nothing: it joins the rest,
		// and the rounding is done again.
		keep := named[:0:0]
		moved := false
		for k, cause := range named {
			if r[k] == 0 {
				other += cause.Delta
				moved = true
				continue
			}
			keep = append(keep, cause)
		}
		if moved {
			named = keep
			continue
		}
		out := make([]ShownCause, 0, len(named)+1)
		for k, cause := range named {
			cause.Delta = r[k] / unit
			out = append(out, ShownCause{Text: ps.CauseText(cause, c.Seat), Delta: cause.Delta})
		}
		if rest := r[len(named)]; rest != 0 {
			out = append(out, ShownCause{Delta: rest / unit, Other: true})
		}
		return out
	}
}

// shownUnits is a change as FormatDelta shows it, in units of its last
// digit: read back from the text, since printing rounds a half to even
// where math.Round would not.
func shownUnits(d float64, spec IndicatorSpec) float64 {
	text := spec.FormatDelta(d)
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return 0
	}
	return math.Round(v * math.Pow(10, float64(max(1, spec.Decimals))))
}

// roundToSum rounds each value to whole units (values times unit) so that
// the rounded values add up to total: each is rounded down, and the units
// left go to the values with the largest remainders (the first among
// equals). Values of tiny magnitude never take a unit from a real one.
func roundToSum(xs []float64, unit, total float64) []float64 {
	out := make([]float64, len(xs))
	rem := make([]float64, len(xs))
	var sum float64
	for k, x := range xs {
		// Shave off float noise before flooring: 0.3*10 is 2.9999999999999996.
		v := x * unit
		f := math.Floor(v + 1e-9)
		out[k], rem[k] = f, v-f
		sum += f
	}
	left := int(total - sum)
	order := make([]int, len(xs))
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(a, b int) bool { return rem[order[a]] > rem[order[b]] })
	for k := 0; left > 0 && k < len(order); k++ {
		out[order[k]]++
		left--
	}
	for k := 0; left < 0 && k < len(order); k++ {
		// Only when float noise made total smaller than the floors.
		out[order[len(order)-1-k]]--
		left++
	}
	// Values that do not add up to the total at all (never a model's
	// change, whose causes and rest add up to it) leave the difference to
	// the last value, the rest.
	out[len(out)-1] += float64(left)
	for k := range out {
		if out[k] == 0 {
			out[k] = 0 // no -0
		}
	}
	return out
}

// CauseText says what one cause was, for the seat it affected.
func (ps *PublicScenario) CauseText(c Cause, seat int) string {
	if c.Kind == CauseCommitments {
		return fmt.Sprintf("spent on commitments in deals (%+.1f)", c.Delta)
	}
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
		sign := ""
		if x < 0 && fmt.Sprintf("%.*f", s.Decimals, -x) != fmt.Sprintf("%.*f", s.Decimals, 0.0) {
			sign = "-"
		}
		return sign + fmt.Sprintf("$%.*f", s.Decimals, math.Abs(x)) + strings.TrimPrefix(s.Unit, "$")
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

// LevelText is level j of lever l as a player reads it, by its meaning:
// for a lever whose levels have a unit, the amount with its unit ("7%",
// "$1bn a turn", "$60/kg"), after the level's name when that is a word
// ("low ($0.1bn a turn)"), and "none" for a zero; otherwise the level's
// name. A level id that is a code ("usmca-35", "6-a-year") never shows.
func (ps *PublicScenario) LevelText(l, j int) string {
	if l < 0 || l >= len(ps.Levers) || j < 0 || j >= len(ps.Levers[l].Levels) {
		return ""
	}
	lv := &ps.Levers[l]
	id := lv.Levels[j].ID
	if lv.Unit == "" {
		return id
	}
	amount := UnitAmount(lv.Levels[j].Value, lv.Unit)
	switch {
	case lv.Levels[j].Value == 0 && (id == "none" || id == "off"):
		return id
	case isWord(id) && lv.Unit != "%":
		return id + " (" + amount + ")"
	}
	return amount
}

// UnitAmount writes an amount with a unit: "%" follows the number, a
// unit that starts with "$" wraps it ("$0.1bn a turn", "$60/kg"), and any
// other follows it after a space ("0.25 kt a turn").
func UnitAmount(x float64, unit string) string {
	v := strconv.FormatFloat(x, 'f', -1, 64)
	switch {
	case unit == "%":
		return v + "%"
	case strings.HasPrefix(unit, "$"):
		if x < 0 {
			return "-$" + strings.TrimPrefix(v, "-") + unit[1:]
		}
		return "$" + v + unit[1:]
	}
	return v + " " + unit
}

// isWord reports whether a level id is a plain word ("low",
// "case-by-case") rather than a code carrying a number ("usmca-35").
func isWord(id string) bool {
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == ' ') {
			return false
		}
	}
	return id != ""
}

// BoundText says what a clause commits its actor to, after the lever it
// binds: "at most 10%", "at least as open as general", or, where the
// usual words would make nonsense at the end of the lever's range, what
// the clause means: "none" (nothing at all of a measure whose first
// level is none), "fully open", "at 0%", or "at any level (binds
// nothing)" for a floor at the bottom or a ceiling at the top.
func (ps *PublicScenario) BoundText(c Clause) string {
	if c.Lever < 0 || c.Lever >= len(ps.Levers) {
		return ""
	}
	lv := &ps.Levers[c.Lever]
	last := len(lv.Levels) - 1
	text := ps.LevelText(c.Lever, c.Level)
	switch {
	case c.Bound == AtLeast && c.Level <= 0, c.Bound == AtMost && c.Level >= last:
		return "at any level (binds nothing)"
	case c.Bound == AtMost && c.Level == 0:
		switch {
		case lv.AtMost != "at most" && strings.HasPrefix(lv.AtMost, "at least as "):
			// "at least as open as open" is "fully open".
			return "fully " + text
		case lv.Levels[0].Value == 0 && !isNumberish(text):
			return text
		case isNumberish(text):
			return "at " + text
		default:
			// A first level that is a word and not zero: "kept at full",
			// where "at most full" would read as a limit.
			return "kept at " + text
		}
	}
	bound := lv.AtMost
	if c.Bound == AtLeast {
		bound = lv.AtLeast
	}
	return bound + " " + text
}

// isNumberish reports whether a level's text starts with an amount.
func isNumberish(s string) bool {
	s = strings.TrimPrefix(s, "$")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// ClauseText says a clause as a sentence, e.g. "US tariff on PRC at most
// 10%", "PRC rare-earth licensing towards Japan at least as open as
// general" or "US chip export controls on PRC: none".
func (ps *PublicScenario) ClauseText(c Clause) string {
	if c.Lever < 0 || c.Lever >= len(ps.Levers) {
		return ""
	}
	lv := &ps.Levers[c.Lever]
	t := ps.Tag(c.Actor) + " " + strings.ToLower(lv.Name)
	if lv.Scope == ScopeEach {
		t += " " + lv.Towards + " " + ps.Tag(c.Target)
	}
	b := ps.BoundText(c)
	if b == ps.LevelText(c.Lever, c.Level) {
		// A bare level ("none", "off") reads after a colon.
		return t + ": " + b
	}
	return t + " " + b
}
