package tui

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/chokepoint-game/chokepoint/game"
)

// term is one entry of the glossary.
type term struct{ name, text string }

// glossary explains the game's words, from the scenario's own
// descriptions where it has them: its indicators, its world indicators
// and its levers with their levels. The words of the game itself (deal,
// clause, breach, trust) come first. With no game open it has those only.
func glossary(ps *game.PublicScenario) []term {
	out := []term{
		{"Deal", "a proposal every party has accepted: a list of clauses, each a promise one seat makes about one of its levers, for a number of turns. Public deals are seen by everyone once in force; secret ones only by their parties."},
		{"Breach", "orders that break a clause of a deal in force. Nothing stops a seat from breaking its word, but everyone who knows of the deal learns of the breach, and the deal stops binding the others."},
	}
	if ps == nil {
		return append(out, term{"Trust", "how far one seat trusts another, from -100 to 100: kept deals raise it, breaches and coercion lower it."})
	}
	r := ps.Rules
	trust := "how far one seat trusts another, from -100 to 100. "
	var parts []string
	if r.BreachTrust != 0 {
		parts = append(parts, fmt.Sprintf("a breach costs %s with everyone who learns of it", num(r.BreachTrust)))
	}
	if r.KeepTrust != 0 {
		parts = append(parts, fmt.Sprintf("each turn a deal holds adds %s between its parties", num(r.KeepTrust)))
	}
	if r.CoercionTrust != 0 {
		parts = append(parts, fmt.Sprintf("a coercive lever costs %s a turn with its target", num(r.CoercionTrust)))
	}
	if len(parts) > 0 {
		trust += capitalize(strings.Join(parts, "; ")) + ". "
	}
	trust += "In the world panel, you→ is your trust in a seat and →you its trust in you."
	out = append(out, term{"Trust", trust})
	if t := ps.SettlementText(); t != "" {
		out = append(out, term{"Settlement", capitalize(t) + "."})
	}
	for _, ind := range ps.ReportOrder() {
		s := ps.Indicator(ind)
		if s.Doc != "" {
			out = append(out, term{indicatorName(&s), s.Doc})
		}
	}
	for k := range ps.World {
		s := &ps.World[k]
		if s.Doc != "" {
			out = append(out, term{indicatorName(s), s.Doc})
		}
	}
	for l := range ps.Levers {
		lv := &ps.Levers[l]
		var levels []string
		for j := range lv.Levels {
			levels = append(levels, levelMeaning(ps, l, j))
		}
		text := lv.Help
		if text != "" && !strings.HasSuffix(text, ".") {
			text += "."
		}
		text = strings.TrimSpace(text + " Levels, mildest first: " + strings.Join(levels, ", ") + ".")
		out = append(out, term{lv.Name, text})
	}
	if ps.Model != "" && ps.ModelDoc != "" {
		out = append(out, term{"The model", ps.ModelDoc + "."})
	}
	return out
}

// indicatorName is an indicator's full name, with the short label the
// screens use when it differs ("Rare-earth coverage (cover)").
func indicatorName(s *game.IndicatorSpec) string {
	name := s.Title
	if name == "" {
		name = s.Name
	}
	if s.Label != "" && !strings.EqualFold(s.Label, name) {
		name += " (" + s.Label + ")"
	}
	return name
}

// levelMeaning is a level with its number when the lever has no unit to
// show it with ("general 0.9"), or as LevelText has it ("10%").
func levelMeaning(ps *game.PublicScenario, l, j int) string {
	lv := &ps.Levers[l]
	if lv.Unit != "" {
		return ps.LevelText(l, j)
	}
	return lv.Levels[j].ID + " " + strconv.FormatFloat(lv.Levels[j].Value, 'f', -1, 64)
}

// capitalize puts the first letter in capitals (after any opening
// quote).
func capitalize(s string) string {
	r := []rune(s)
	for i, c := range r {
		if unicode.IsLetter(c) {
			r[i] = unicode.ToUpper(c)
			break
		}
		if c != '“' && c != '"' {
			break
		}
	}
	return string(r)
}
