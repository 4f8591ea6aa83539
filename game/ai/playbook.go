package ai

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// A Playbook fixes one seat's orders turn by turn and how it answers
// proposals: the way an analyst asks "what if the PRC denies licences from
// turn 3?". It is data, read from YAML by the content package; Validate
// checks it alone and Compile checks it against the scenario and seat it is
// used with. Errors carry the YAML path of the field ("$.orders[1].set[0].level"),
// which the loader turns into a line and column.
type Playbook struct {
	Name        string
	Description string
	// Scenario and Seat, when set, are the scenario and seat the playbook
	// was written for; using it elsewhere is an error. Empty: any.
	Scenario string
	Seat     string
	Orders   []OrderRule
	Answers  Answers
}

// An OrderRule sets levers from turn From to turn Until (0: to the end).
// For each lever and target, the rule with the latest From that covers a
// turn decides its level; between rules with the same From, the later one
// in the file. Outside every rule the seat gives no order for that lever,
// so the policy in force (its own last setting, or what an event set)
// stays.
type OrderRule struct {
	From  int
	Until int
	Set   []Setting
}

// A Setting puts one lever at one level, towards the seats in Towards for
// a lever aimed at a seat ("all" meaning every seat the lever may be set
// towards), or with Towards empty for a lever of scope all or self. Within
// a rule, a later setting of the same lever and target overrides an
// earlier one, so "all at 100, except the EU at 10" is two settings.
type Setting struct {
	Lever   string
	Towards []string
	Level   string
}

// AllTargets in Towards stands for every seat the lever may be set
// towards.
const AllTargets = "all"

// Answers says how the seat answers the proposals made to it: the first
// rule whose filter matches a deal decides, and a deal no rule matches is
// rejected. A rule with an empty filter matches every deal, so "accept
// every other deal" is a last rule that accepts with no condition.
type Answers struct {
	Rules []AnswerRule
}

// An AnswerRule accepts or rejects the deals its filter matches.
type AnswerRule struct {
	Answer game.Answer // Accept or Reject
	If     DealFilter
}

// A DealFilter matches a proposal when every condition it sets holds; an
// empty filter matches every proposal.
type DealFilter struct {
	From        []string // the proposer is one of these seats
	MaxClauses  *int     // the deal has at most this many clauses
	NotLever    []string // the deal binds this seat to nothing on these levers
	MinTrust    *float64 // this seat's trust in the proposer is at least this
	MaxBreaches *int     // this seat knows of at most this many breaches by the proposer
}

var nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Validate checks what can be checked without a scenario: the name, the
// turns, that every setting names a lever and a level, and the answer
// rules. It returns every problem found.
func (pb *Playbook) Validate() []game.FieldError {
	var p game.Problems
	switch {
	case pb.Name == "":
		p.Add("$.name", "is required")
	case !nameRE.MatchString(pb.Name):
		p.Add("$.name", "%q is not a valid name (lower-case letters, digits and dashes)", pb.Name)
	}
	for k, r := range pb.Orders {
		path := fmt.Sprintf("$.orders[%d]", k)
		switch {
		case r.From == 0:
			p.Add(path+".from", "is required: the first turn the rule applies, from 1")
		case r.From < 0:
			p.Add(path+".from", "a rule starts at turn 1 or later, not %d", r.From)
		}
		if r.Until != 0 && r.Until < r.From {
			p.Add(path+".until", "the last turn (%d) is before the first (%d)", r.Until, r.From)
		}
		if len(r.Set) == 0 {
			p.Add(path+".set", "a rule needs at least one setting")
		}
		for j, s := range r.Set {
			sp := fmt.Sprintf("%s.set[%d]", path, j)
			if s.Lever == "" {
				p.Add(sp+".lever", "is required")
			}
			if s.Level == "" {
				p.Add(sp+".level", "is required")
			}
			if slices.Contains(s.Towards, AllTargets) && len(s.Towards) > 1 {
				p.Add(sp+".towards", `"all" already names every target; name no other seat beside it`)
			}
			for i, t := range s.Towards {
				if t == "" {
					p.Add(fmt.Sprintf("%s.towards[%d]", sp, i), "a seat id is required")
				} else if i > 0 && slices.Contains(s.Towards[:i], t) {
					p.Add(fmt.Sprintf("%s.towards[%d]", sp, i), "%q is named twice", t)
				}
			}
		}
	}
	for k, r := range pb.Answers.Rules {
		path := fmt.Sprintf("$.answers[%d]", k)
		if r.Answer == game.Accept {
			path += ".accept-if"
		} else {
			path += ".reject-if"
		}
		f := r.If
		if f.MaxClauses != nil && *f.MaxClauses < 1 {
			p.Add(path+".max-clauses", "must be 1 or more, not %d", *f.MaxClauses)
		}
		if f.MaxBreaches != nil && *f.MaxBreaches < 0 {
			p.Add(path+".max-breaches", "must be 0 or more, not %d", *f.MaxBreaches)
		}
		if f.MinTrust != nil && (*f.MinTrust < game.TrustMin || *f.MinTrust > game.TrustMax) {
			p.Add(path+".min-trust", "trust runs from %g to %g, not %g", game.TrustMin, game.TrustMax, *f.MinTrust)
		}
	}
	return p.List()
}

// script is a playbook compiled for one seat of one scenario: the orders
// to submit each turn and the answer rules with names turned into indices.
// It is never written after Compile, so one script serves every game.
type script struct {
	name   string
	seat   int
	seatID string
	orders [][]game.Order // by turn-1; nil: no order that turn
	rules  []answerRule
}

type answerRule struct {
	answer      game.Answer
	from        game.SeatSet // 0: any proposer
	maxClauses  *int
	notLever    uint32 // levers as a bit set
	minTrust    *float64
	maxBreaches *int
}

// slotKey is one lever towards one target: the unit a rule decides.
type slotKey struct{ lever, slot int }

type decision struct {
	level      int
	from, rule int // precedence: latest From, then latest rule in the file
}

// Compile checks the playbook against the scenario and the seat it will
// play and returns a constructor of its player, named name (how the
// command line called it). Any problem, including those Validate finds,
// is returned with the YAML path of its field, and no constructor.
func (pb *Playbook) Compile(sc *game.PublicScenario, seat, name string) (func() Player, []game.FieldError) {
	var p game.Problems
	for _, fe := range pb.Validate() {
		p.Add(fe.Path, "%s", fe.Msg)
	}
	me, ok := sc.SeatIndex(seat)
	if !ok {
		p.Add("$", "the scenario %s has no seat %q", sc.ID, seat)
		return nil, p.List()
	}
	if pb.Scenario != "" && pb.Scenario != sc.ID {
		p.Add("$.scenario", "the playbook was written for scenario %q, not %q", pb.Scenario, sc.ID)
	}
	if pb.Seat != "" && pb.Seat != seat {
		p.Add("$.seat", "the playbook was written for seat %q, not %q", pb.Seat, seat)
	}
	s := &script{name: name, seat: me, seatID: seat, orders: make([][]game.Order, sc.Turns)}
	// Every (lever, target) a rule sets, with the turns it covers.
	type entry struct {
		key         slotKey
		level       int
		from, until int
		rule        int
	}
	var entries []entry
	for k, r := range pb.Orders {
		path := fmt.Sprintf("$.orders[%d]", k)
		if r.From > sc.Turns {
			p.Add(path+".from", "turn %d is after the last turn of %s (%d)", r.From, sc.ID, sc.Turns)
		}
		until := r.Until
		if until == 0 || until > sc.Turns {
			until = sc.Turns
		}
		for j, set := range r.Set {
			sp := fmt.Sprintf("%s.set[%d]", path, j)
			slots, level, ok := resolveSetting(&p, sc, me, seat, sp, set)
			if !ok {
				continue
			}
			for _, slot := range slots {
				entries = append(entries, entry{slotKey{slot.lever, slot.slot}, level, r.From, until, k})
			}
		}
	}
	for k, r := range pb.Answers.Rules {
		path := fmt.Sprintf("$.answers[%d]", k)
		if r.Answer == game.Accept {
			path += ".accept-if"
		} else {
			path += ".reject-if"
		}
		s.rules = append(s.rules, compileFilter(&p, sc, path, r))
	}
	if len(p.List()) > 0 {
		return nil, p.List()
	}
	for t := 1; t <= sc.Turns; t++ {
		chosen := map[slotKey]decision{}
		for _, e := range entries {
			if t < e.from || t > e.until {
				continue
			}
			// Later entries of one rule come later in the list, so ">="
			// lets a later setting of the same rule win too.
			if d, ok := chosen[e.key]; !ok || e.from > d.from || e.from == d.from && e.rule >= d.rule {
				chosen[e.key] = decision{level: e.level, from: e.from, rule: e.rule}
			}
		}
		s.orders[t-1] = ordersOf(sc, chosen)
	}
	return func() Player { return (*playbookPlayer)(s) }, nil
}

// resolveSetting turns one setting into the policy slots it sets and its
// level index, reporting what is wrong with it.
func resolveSetting(p *game.Problems, sc *game.PublicScenario, me int, seat, path string, set Setting) ([]slotKey, int, bool) {
	l, ok := sc.LeverIndex(set.Lever)
	if !ok {
		p.Add(path+".lever", "the scenario %s has no lever %q (levers: %s)", sc.ID, set.Lever, leverIDs(sc))
		return nil, 0, false
	}
	def := &sc.Levers[l]
	good := true
	if !sc.MaySet(me, l) {
		p.Add(path+".lever", "%s may not set %q (only %s may)", seat, set.Lever, setterIDs(sc, def.Setters))
		good = false
	}
	level, ok := sc.LevelIndex(l, set.Level)
	if !ok {
		p.Add(path+".level", "%q has no level %q (levels: %s)", set.Lever, set.Level, levelIDs(def))
		good = false
	}
	if !good {
		return nil, 0, false
	}
	if sc.Levers[l].Scope != game.ScopeEach {
		if len(set.Towards) > 0 {
			p.Add(path+".towards", "%q is one setting for the %s, not towards a seat: leave out towards", set.Lever, scopeWord(sc.Levers[l].Scope))
			return nil, 0, false
		}
		return []slotKey{{l, 0}}, level, true
	}
	if len(set.Towards) == 0 {
		p.Add(path+".towards", `%q is set towards each seat: name the seats, or "all"`, set.Lever)
		return nil, 0, false
	}
	var out []slotKey
	for i, t := range set.Towards {
		if t == AllTargets {
			for _, to := range sc.Slots(me, l) {
				out = append(out, slotKey{l, to})
			}
			continue
		}
		tp := path + ".towards"
		if len(set.Towards) > 1 {
			tp = fmt.Sprintf("%s[%d]", tp, i)
		}
		to, ok := sc.SeatIndex(t)
		switch {
		case !ok:
			p.Add(tp, "the scenario %s has no seat %q (seats: %s)", sc.ID, t, seatIDs(sc))
			good = false
		case !sc.MayTarget(me, l, to):
			p.Add(tp, "%s may not set %q towards %q", seat, set.Lever, t)
			good = false
		default:
			out = append(out, slotKey{l, to})
		}
	}
	return out, level, good
}

func compileFilter(p *game.Problems, sc *game.PublicScenario, path string, r AnswerRule) answerRule {
	f := r.If
	ar := answerRule{answer: r.Answer, maxClauses: f.MaxClauses, minTrust: f.MinTrust, maxBreaches: f.MaxBreaches}
	for i, id := range f.From {
		if j, ok := sc.SeatIndex(id); ok {
			ar.from = ar.from.With(j)
		} else {
			p.Add(fmt.Sprintf("%s.from[%d]", path, i), "the scenario %s has no seat %q (seats: %s)", sc.ID, id, seatIDs(sc))
		}
	}
	for i, id := range f.NotLever {
		if l, ok := sc.LeverIndex(id); ok {
			ar.notLever |= 1 << uint(l)
		} else {
			p.Add(fmt.Sprintf("%s.not-lever[%d]", path, i), "the scenario %s has no lever %q (levers: %s)", sc.ID, id, leverIDs(sc))
		}
	}
	return ar
}

// ordersOf writes the chosen levels as orders, by lever then target, so
// that a log reads the same every time.
func ordersOf(sc *game.PublicScenario, chosen map[slotKey]decision) []game.Order {
	if len(chosen) == 0 {
		return nil
	}
	keys := make([]slotKey, 0, len(chosen))
	for k := range chosen {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b slotKey) int {
		if a.lever != b.lever {
			return a.lever - b.lever
		}
		return a.slot - b.slot
	})
	out := make([]game.Order, len(keys))
	for i, k := range keys {
		def := &sc.Levers[k.lever]
		o := game.Order{Lever: def.ID, Level: def.Levels[chosen[k].level].ID}
		if sc.Levers[k.lever].Scope == game.ScopeEach {
			o.Towards = sc.Seats[k.slot].ID
		}
		out[i] = o
	}
	return out
}

func scopeWord(s game.Scope) string {
	if s == game.ScopeSelf {
		return "seat itself"
	}
	return "whole world"
}

func leverIDs(sc *game.PublicScenario) string {
	ids := make([]string, len(sc.Levers))
	for i, l := range sc.Levers {
		ids[i] = l.ID
	}
	return strings.Join(ids, ", ")
}

func seatIDs(sc *game.PublicScenario) string {
	ids := make([]string, len(sc.Seats))
	for i, s := range sc.Seats {
		ids[i] = s.ID
	}
	return strings.Join(ids, ", ")
}

func levelIDs(l *game.Lever) string {
	ids := make([]string, len(l.Levels))
	for i, lv := range l.Levels {
		ids[i] = lv.ID
	}
	return strings.Join(ids, ", ")
}

// setterIDs names the seats in a set, for a message.
func setterIDs(sc *game.PublicScenario, set game.SeatSet) string {
	var ids []string
	for _, i := range set.Seats() {
		ids = append(ids, sc.Seats[i].ID)
	}
	return strings.Join(ids, ", ")
}
