package debrief

import (
	"fmt"
	"math"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// questions chooses the questions for the discussion: first those this
// game raised (a breach, an early settlement, the first deal, a seat's
// worst fall, coercion, how often each seat cooperated), then the
// scenario's own, less those about things that never happened: a lever
// nobody moved, or deals when none came into force.
func questions(in *Input, r *Report) []Question {
	var out []Question
	add := func(prompt, format string, args ...any) {
		out = append(out, Question{Text: fmt.Sprintf(format, args...), Prompt: prompt})
	}
	ps := r.Scenario
	tag := ps.Tag
	inForce := 0
	var first *Entry
	for k := range r.Ledger {
		e := &r.Ledger[k]
		if e.Start == 0 {
			continue
		}
		inForce++
		if first == nil || e.Start < first.Start {
			first = e
		}
	}
	broken := 0
	for k := range r.Ledger {
		e := &r.Ledger[k]
		if len(e.Breaches) == 0 || broken == 2 {
			continue
		}
		broken++
		b := e.Breaches[0]
		when := fmt.Sprintf(" in turn %d", b.Turn)
		if b.Turn == 0 {
			when = ""
		}
		add("a breach", "%s broke “%s”%s. What did it gain by it, and what did it cost in trust?", tag(b.Seat), e.Deal.Title, when)
	}
	for k := range r.Ledger {
		e := &r.Ledger[k]
		if e.Settled && e.Status == game.InForce && r.Ended != "" && r.LastTurn < ps.Turns {
			add("an early end", "“%s” ended the game in turn %d, %s early. Was settling worth more than playing on, and to whom?",
				e.Deal.Title, r.LastTurn, plural(ps.Turns-r.LastTurn, "turn", "turns"))
			break
		}
	}
	switch {
	case first != nil:
		add("the first deal", "“%s” (%s) was the first deal in force, in turn %d. Why was it easier to agree than the others?",
			first.Deal.Title, partiesOf(ps, &first.Deal), first.Start)
	case len(in.Turns) > 1:
		add("no deal", "No deal came into force in %s. What stood in the way, and what offer might have been accepted?",
			plural(len(in.Turns)-1, "turn", "turns"))
	}
	if q, ok := worstFall(r); ok {
		out = append(out, q)
	}
	if q, ok := coercion(in, r); ok {
		out = append(out, q)
	}
	if q, ok := cooperation(r); ok {
		out = append(out, q)
	}
	unmoved := unmovedLevers(in)
	for _, q := range ps.Debrief {
		if aboutNothing(q, ps, unmoved, inForce) {
			continue
		}
		out = append(out, Question{Text: q})
	}
	return out
}

// worstFall is the largest fall, relative to where it started, of any
// seat's model indicator that has a better direction.
func worstFall(r *Report) (Question, bool) {
	ps := r.Scenario
	best, bestSeat, bestK, bestAt := 0.0, -1, -1, -1
	for k, s := range r.Seats {
		spec := ps.Indicator(s.Indicator)
		if s.Indicator < game.FirstModelIndicator || spec.Better == 0 {
			continue
		}
		for i, vals := range s.Values {
			if len(vals) < 2 {
				continue
			}
			start := vals[0]
			for p, x := range vals {
				fall := (start - x) * float64(spec.Better) / math.Max(math.Abs(start), 1)
				if fall > best {
					best, bestSeat, bestK, bestAt = fall, i, k, p
				}
			}
		}
	}
	if best < 0.05 || bestSeat < 0 {
		return Question{}, false
	}
	s := r.Seats[bestK]
	spec := ps.Indicator(s.Indicator)
	word := "fell"
	if spec.Better < 0 {
		word = "rose"
	}
	return Question{Prompt: "the worst fall", Text: fmt.Sprintf("%s's %s %s from %s to %s by turn %d. What caused it, and what could have cushioned it?",
		ps.Tag(bestSeat), spec.Name, word, spec.Format(s.Values[bestSeat][0]), spec.Format(s.Values[bestSeat][bestAt]), r.Points[min(bestAt, len(r.Points)-1)])}, true
}

// coercion is the first use of a coercive level that was not in force at
// the start.
func coercion(in *Input, r *Report) (Question, bool) {
	ps := r.Scenario
	if len(in.Turns) < 2 || len(in.Turns[0].Policy) == 0 {
		return Question{}, false
	}
	start := in.Turns[0].Policy
	for _, t := range in.Turns[1:] {
		if len(t.Policy) != len(start) {
			return Question{}, false
		}
		for i := range t.Policy {
			for l := range ps.Levers {
				lv := &ps.Levers[l]
				if lv.Coercive < 0 {
					continue
				}
				for _, slot := range ps.Slots(i, l) {
					now, was := int(t.Policy[i][l][slot]), int(start[i][l][slot])
					if now < lv.Coercive || was >= lv.Coercive {
						continue
					}
					target := "everyone"
					if lv.Scope == game.ScopeEach {
						target = ps.Tag(slot)
					}
					return Question{Prompt: "coercion", Text: fmt.Sprintf("%s set %s towards %s to %s in turn %d. Did it change what the others did, and what did it cost %s?",
						ps.Tag(i), strings.ToLower(lv.Name), target, ps.LevelText(l, now), t.Turn, ps.Tag(i))}, true
				}
			}
		}
	}
	return Question{}, false
}

// cooperation says how often each seat chose the mildest level in a
// payoff-table game.
func cooperation(r *Report) (Question, bool) {
	ps := r.Scenario
	if len(r.Moves) == 0 {
		return Question{}, false
	}
	l, _ := ps.LeverIndex(ps.ModelDef.Lever)
	var parts []string
	for i := range ps.Seats {
		n := 0
		for _, m := range r.Moves {
			if i < len(m) && m[i] == 0 {
				n++
			}
		}
		parts = append(parts, fmt.Sprintf("%s %d of %d", ps.Tag(i), n, len(r.Moves)))
	}
	return Question{Prompt: "cooperation", Text: fmt.Sprintf("Rounds played %s: %s. When did cooperation hold, when did it break down, and did it recover?",
		ps.LevelText(l, 0), strings.Join(parts, ", "))}, true
}

// unmovedLevers lists the levers no seat ever moved from where it
// started, or nil when the input has no policies to tell.
func unmovedLevers(in *Input) map[int]bool {
	if len(in.Turns) == 0 || len(in.Turns[0].Policy) == 0 {
		return nil
	}
	ps := in.Final.Scenario
	start := in.Turns[0].Policy
	out := map[int]bool{}
	for l := range ps.Levers {
		out[l] = true
	}
	for _, t := range in.Turns[1:] {
		if len(t.Policy) != len(start) {
			return nil
		}
		for i := range t.Policy {
			for l := range ps.Levers {
				if t.Policy[i][l] != start[i][l] {
					delete(out, l)
				}
			}
		}
	}
	return out
}

// aboutNothing reports whether a scenario question is about something
// that never happened: it names only levers nobody moved, or it is about
// deals and none came into force.
func aboutNothing(q string, ps *game.PublicScenario, unmoved map[int]bool, inForce int) bool {
	text := words(q)
	if inForce == 0 {
		for _, w := range []string{"deal", "deals", "breach", "breaches", "broke", "break", "broken"} {
			if strings.Contains(text, " "+w+" ") {
				return true
			}
		}
	}
	if unmoved == nil {
		return false
	}
	named, moved := 0, 0
	for l := range ps.Levers {
		lv := &ps.Levers[l]
		for _, name := range []string{words(lv.ID), words(lv.Name)} {
			name = strings.TrimSpace(name)
			if name != "" && (strings.Contains(text, " "+name+" ") || strings.Contains(text, " "+name+"s ")) {
				named++
				if !unmoved[l] {
					moved++
				}
				break
			}
		}
	}
	return named > 0 && moved == 0
}

// words is text in lower case with every run of other characters than
// letters and digits made one space, with a space at each end.
func words(s string) string {
	var b strings.Builder
	b.WriteByte(' ')
	space := true
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

func partiesOf(ps *game.PublicScenario, d *game.Deal) string {
	var names []string
	for _, p := range d.Parties.Seats() {
		names = append(names, ps.Tag(p))
	}
	return strings.Join(names, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
