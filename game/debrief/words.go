package debrief

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// The sentences below are shared by the terminal's debrief and the
// after-action report, so that both say the same thing the same way.

// Behaviour is one term of a fingerprint: its name, what its rate is a
// share of, and the tally it reads.
type Behaviour struct {
	Name string
	Of   string
	Get  func(f *Fingerprint) *Tally
}

// Behaviours are the fingerprint's terms in the order both show them.
var Behaviours = []Behaviour{
	{"cooperated", "moves", func(f *Fingerprint) *Tally { return &f.Cooperated }},
	{"retaliated", "provocations", func(f *Fingerprint) *Tally { return &f.Retaliated }},
	{"forgave", "provocations", func(f *Fingerprint) *Tally { return &f.Forgave }},
	{"exploited", "others' cooperations", func(f *Fingerprint) *Tally { return &f.Exploited }},
	{"breached", "deals that bound it", func(f *Fingerprint) *Tally { return &f.Breached }},
}

// Percent writes the rate as a whole percentage, or "–" when there was
// no chance to show the behaviour.
func (t *Tally) Percent() string {
	if t.Of == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", 100*t.Rate())
}

// Turns writes the turns that show a behaviour with the seats it was
// towards, "3 (PRC, US), 5 (PRC)", at most limit of them (0: all).
func (t *Tally) Turns(ps *game.PublicScenario, limit int) string {
	var b strings.Builder
	for k, in := range t.When {
		if limit > 0 && k == limit {
			fmt.Fprintf(&b, ", and %d more", len(t.When)-limit)
			break
		}
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(in.Turn))
		if len(in.Others) > 0 {
			b.WriteString(" (" + tags(ps, in.Others, ", ") + ")")
		}
	}
	return b.String()
}

// Shown says, for one seat, the turns of every behaviour but
// cooperation (which is most moves): "retaliated in turns 3 (PRC);
// breached in turns 5 (Japan)".
func (f *Fingerprint) Shown(ps *game.PublicScenario, limit int) string {
	var parts []string
	for _, b := range Behaviours[1:] {
		if t := b.Get(f); t.Count > 0 {
			parts = append(parts, b.Name+" in turns "+t.Turns(ps, limit))
		}
	}
	if len(parts) == 0 {
		return "no retaliation, forgiveness, exploitation or breach to show"
	}
	return strings.Join(parts, "; ")
}

// Line says a swing: "Turn 4: coverage 80% → 42% (-38.0)".
func (s *Swing) Line(ps *game.PublicScenario) string {
	spec := ps.Indicator(s.Indicator)
	return fmt.Sprintf("Turn %d: %s %s → %s (%s)", s.Turn, spec.Name, spec.Format(s.From), spec.Format(s.To), spec.FormatDelta(s.To-s.From))
}

// CauseLine says one cause of a swing. The model's words carry the size
// of the term; "other causes" gets it here.
func (s *Swing) CauseLine(ps *game.PublicScenario, c *CauseShare) string {
	if c.Other {
		spec := ps.Indicator(s.Indicator)
		return "other causes (" + spec.FormatDelta(c.Delta) + ")"
	}
	return c.Text
}

// ObjectivePoints says what an objective earned: "7 points (1 for each
// turn it held)" for one scored every turn, "4 of 4 points (at the
// end)" for one scored at the end.
func ObjectivePoints(o *game.ObjectiveView) string {
	if o.When == "every-turn" {
		return fmt.Sprintf("%s (%s for each turn it held)", points(o.Earned), num(o.Points))
	}
	return fmt.Sprintf("%s of %s (at the end)", num(o.Earned), points(o.Points))
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func points(x float64) string {
	if x == 1 {
		return "1 point"
	}
	return num(x) + " points"
}
