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
	breaches := 0
	for k := range r.Ledger {
		breaches += len(r.Ledger[k].Breaches)
	}
	for _, q := range ps.Debrief {
		if aboutNothing(q, ps, unmoved, inForce, breaches) || repeats(q, out) {
			continue
		}
		out = append(out, Question{Text: q})
	}
	return out
}

// repeats reports whether question q asks what one already chosen asks:
// most of its content words (by stem) are in the other ("Which proposal
// was accepted first, and why was that one easier to agree?" after "“X”
// was the first deal in force. Why was it easier to agree?").
func repeats(q string, chosen []Question) bool {
	mine := contentStems(q)
	if len(mine) == 0 {
		return false
	}
	for _, c := range chosen {
		theirs := contentStems(c.Text)
		shared := 0
		for w := range mine {
			if theirs[w] {
				shared++
			}
		}
		// Three words in common at least: a question of few content
		// words ("what would you do in the first turn?") is its own.
		if shared >= 3 && (2*shared >= len(mine) || 2*shared >= len(theirs)) {
			return true
		}
	}
	return false
}

// stopWords are the words too common to tell two questions apart.
var stopWords = map[string]bool{
	"what": true, "when": true, "which": true, "with": true, "that": true, "this": true, "than": true,
	"they": true, "them": true, "their": true, "were": true, "does": true, "have": true, "from": true,
	"your": true, "would": true, "could": true, "there": true, "these": true, "those": true, "into": true,
	"more": true, "most": true, "game": true, "turn": true, "seat": true, "each": true, "other": true,
	"others": true, "about": true, "anyone": true, "played": true, "again": true, "same": true,
}

// contentStems is the set of the stems of a text's words of four letters
// or more, common words left out.
func contentStems(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words(s)) {
		if len(w) < 4 || stopWords[w] {
			continue
		}
		out[stem(w)] = true
	}
	return out
}

// stem is a word's first five letters, less a plural s: enough to match
// "licences" with "licensing" and "tariffs" with "tariff".
func stem(w string) string {
	if len(w) > 5 {
		w = w[:5]
	}
	return strings.TrimSuffix(w, "s")
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
// that never happened: it names only levers nobody moved (by the stems of
// their ids: "licences" names licensing, "flooding" flood), it is about
// deals and none came into force, or about breaking one and none broke.
func aboutNothing(q string, ps *game.PublicScenario, unmoved map[int]bool, inForce, breaches int) bool {
	text := words(q)
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(text, " "+w+" ") {
				return true
			}
		}
		return false
	}
	if inForce == 0 && has("deal", "deals", "proposal", "accepted", "breach", "breaches", "broke", "break", "broken") {
		return true
	}
	if breaches == 0 && has("breach", "breaches", "broke", "break", "broken") {
		return true
	}
	if unmoved == nil {
		return false
	}
	qs := strings.Fields(text)
	named, moved := 0, 0
	for l := range ps.Levers {
		if namesLever(qs, ps.Levers[l].ID) {
			named++
			if !unmoved[l] {
				moved++
			}
		}
	}
	return named > 0 && moved == 0
}

// leverWords are parts of lever ids too general to say which lever a
// question is about ("price" of "price-floor" is about prices).
var leverWords = map[string]bool{"invest": true, "price": true, "export": true, "rare": true, "earth": true}

// namesLever reports whether the words of a question name the lever of
// the given id, by the stems of the id's parts.
func namesLever(qs []string, id string) bool {
	for _, part := range strings.Split(strings.ToLower(id), "-") {
		if len(part) < 4 || leverWords[part] {
			continue
		}
		st := stem(part)
		for _, w := range qs {
			if strings.HasPrefix(w, st) {
				return true
			}
		}
	}
	return false
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
