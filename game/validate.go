package game

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// FieldError is one mistake in a scenario: the YAML path of the field
// (in the form "$.seats[2].start.tariff.prc") and what is wrong with it.
// The content loader turns the path into a file, line and column.
type FieldError struct {
	Path string
	Msg  string
}

func (e FieldError) Error() string { return e.Path + ": " + e.Msg }

// Problems collects every mistake found in a scenario, so that a user sees
// them all at once rather than one per attempt.
type Problems struct{ list []FieldError }

// Add records a mistake at path.
func (p *Problems) Add(path, format string, args ...any) {
	p.list = append(p.list, FieldError{Path: path, Msg: fmt.Sprintf(format, args...)})
}

// List returns the mistakes in the order they were found.
func (p *Problems) List() []FieldError { return p.list }

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Validate checks every field and cross-reference of the scenario and, when
// there is no mistake, prepares the lookup tables a game needs. It returns
// all the mistakes it found; nil means the scenario is ready to play.
func (sc *Scenario) Validate() []FieldError {
	sc.ix = nil
	var p Problems
	ix := &scenarioIndex{seat: map[string]int{}, lever: map[string]int{}, public: &PublicScenario{}}
	v := validator{sc: sc, ix: ix, p: &p}
	v.header()
	v.modelKind()
	v.seatsAndLevers()
	v.seatDetails()
	v.world()
	v.events()
	v.end()
	// The model's builder reads the scenario through its accessors, which
	// read the index built so far.
	sc.ix = ix
	v.model()
	sc.ix = nil
	v.values()
	if len(p.list) > 0 {
		return p.list
	}
	v.public()
	for _, e := range sc.Timeline {
		ix.cards = append(ix.cards, EventCard{ID: e.ID, Title: e.Title, Source: "timeline", Turn: e.Turn})
	}
	for _, e := range sc.Deck.Events {
		ix.cards = append(ix.cards, EventCard{ID: e.ID, Title: e.Title, Source: "deck"})
	}
	sc.ix = ix
	return nil
}

// Valid reports whether Validate has accepted the scenario.
func (sc *Scenario) Valid() bool { return sc != nil && sc.ix != nil }

type validator struct {
	sc *Scenario
	ix *scenarioIndex
	p  *Problems
}

func (v *validator) add(path, format string, args ...any) { v.p.Add(path, format, args...) }

func (v *validator) id(path, id string) {
	if id == "" {
		v.add(path, "is required")
	} else if !idPattern.MatchString(id) {
		v.add(path, "%q is not a valid id (lower-case letters, digits and dashes)", id)
	}
}

func (v *validator) header() {
	sc := v.sc
	v.id("$.id", sc.ID)
	if strings.TrimSpace(sc.Title) == "" {
		v.add("$.title", "is required")
	}
	if sc.Turns < 1 || sc.Turns > MaxTurns {
		v.add("$.turns", "must be between 1 and %d, not %d", MaxTurns, sc.Turns)
	}
	if sc.TurnMonths < 1 || sc.TurnMonths > 120 {
		v.add("$.turn-months", "must be between 1 and 120, not %d", sc.TurnMonths)
	}
	if _, err := time.Parse(time.DateOnly, sc.StartDate); err != nil {
		v.add("$.start-date", "%q is not a date in the form YYYY-MM-DD", sc.StartDate)
	}
	if sc.Negotiation.Rounds < 0 || sc.Negotiation.Rounds > 100 {
		v.add("$.negotiation.rounds", "must be between 0 and 100, not %d", sc.Negotiation.Rounds)
	}
	if sc.Negotiation.ClockSeconds < 0 || sc.Negotiation.ClockSeconds > MaxClockSeconds {
		v.add("$.negotiation.clock-seconds", "must be between 0 (no clock) and %d (a day), not %d", MaxClockSeconds, sc.Negotiation.ClockSeconds)
	}
	for name, x := range map[string]float64{
		"breach-trust": sc.Rules.BreachTrust, "keep-trust": sc.Rules.KeepTrust,
		"concession-capital": sc.Rules.ConcessionCapital, "coercion-trust": sc.Rules.CoercionTrust,
	} {
		if !(x >= 0 && x <= 200) { // written so that NaN fails too
			v.add("$.rules."+name, "must be between 0 and 200, not %g", x)
		}
	}
}

func (v *validator) seatsAndLevers() {
	sc, ix := v.sc, v.ix
	if len(sc.Seats) < 1 || len(sc.Seats) > MaxSeats {
		v.add("$.seats", "a scenario needs between 1 and %d seats, not %d", MaxSeats, len(sc.Seats))
	}
	for i, s := range sc.Seats {
		path := fmt.Sprintf("$.seats[%d]", i)
		v.id(path+".id", s.ID)
		if s.ID == "all" || s.ID == "self" || s.ID == FacilitatorID {
			v.add(path+".id", "%q is reserved", s.ID)
		}
		if _, dup := ix.seat[s.ID]; dup {
			v.add(path+".id", "seat %q is defined twice", s.ID)
		} else if i < MaxSeats {
			ix.seat[s.ID] = i
		}
		if strings.TrimSpace(s.Name) == "" {
			v.add(path+".name", "is required")
		}
	}
	if len(sc.Levers) > MaxLevers {
		v.add("$.levers", "at most %d levers, not %d", MaxLevers, len(sc.Levers))
	}
	levers := make([]Lever, len(sc.Levers))
	ix.public.Levers = levers
	for i, l := range sc.Levers {
		path := fmt.Sprintf("$.levers[%d]", i)
		li := &levers[i]
		*li = Lever{ID: l.ID, Name: l.Name, Kind: l.Kind, Help: l.Help, Levels: l.Levels, levels: map[string]int{}, Coercive: -1}
		v.id(path+".id", l.ID)
		if _, dup := ix.lever[l.ID]; dup {
			v.add(path+".id", "lever %q is defined twice", l.ID)
		} else {
			ix.lever[l.ID] = i
		}
		if strings.TrimSpace(l.Name) == "" {
			v.add(path+".name", "is required")
		}
		li.kind = -1
		if spec := ix.spec; spec != nil {
			k := slices.IndexFunc(spec.Levers, func(ks LeverKindSpec) bool { return ks.Name == l.Kind })
			switch {
			case k < 0:
				v.add(path+".kind", "the %s model has no lever kind %q (one of %s)", spec.Kind, l.Kind, strings.Join(kindNames(spec), ", "))
			case ix.byKind[k] >= 0:
				v.add(path+".kind", "lever kind %q is already used by lever %q", l.Kind, sc.Levers[ix.byKind[k]].ID)
			default:
				ix.byKind[k] = i
				li.kind = k
				ks := &spec.Levers[k]
				li.Hostile, li.Spend, li.Bounds = ks.Hostile, ks.Spend, ks.Bounds
				li.AtMost, li.AtLeast = cmp.Or(ks.AtMost, "at most"), cmp.Or(ks.AtLeast, "at least")
				li.Towards, li.Unit = cmp.Or(ks.Towards, "towards"), ks.Unit
			}
		}
		scope, ok := parseScope(l.Scope)
		if !ok {
			v.add(path+".scope", "unknown scope %q (each, all or self)", l.Scope)
		} else if li.kind >= 0 && ix.spec.Levers[li.kind].Scope != scope {
			v.add(path+".scope", "a %s lever must have scope %s", l.Kind, ix.spec.Levers[li.kind].Scope)
		}
		li.Scope = scope
		if len(l.Levels) < 2 || len(l.Levels) > MaxLevels {
			v.add(path+".levels", "a lever needs between 2 and %d levels, not %d", MaxLevels, len(l.Levels))
		}
		for j, lv := range l.Levels {
			if lv.ID == "" {
				v.add(fmt.Sprintf("%s.levels[%d].id", path, j), "is required")
			}
			if _, dup := li.levels[lv.ID]; dup {
				v.add(fmt.Sprintf("%s.levels[%d].id", path, j), "level %q is defined twice", lv.ID)
			}
			li.levels[lv.ID] = j
		}
		if l.Coercive != "" {
			if j, ok := li.levels[l.Coercive]; ok {
				li.Coercive = j
			} else {
				v.add(path+".coercive", "lever %q has no level %q", l.ID, l.Coercive)
			}
		}
	}
	// Setters and targets need every seat known.
	all := AllSeats(min(len(sc.Seats), MaxSeats))
	for i, l := range sc.Levers {
		path := fmt.Sprintf("$.levers[%d]", i)
		li := &levers[i]
		li.Setters, li.Targets = all, all
		if len(l.Setters) > 0 {
			li.Setters = v.seatSet(path+".setters", l.Setters)
		}
		if len(l.Targets) > 0 {
			if li.Scope != ScopeEach {
				v.add(path+".targets", "only a lever of scope each has targets")
			}
			li.Targets = v.seatSet(path+".targets", l.Targets)
		}
	}
}

func (v *validator) seatSet(path string, ids []string) SeatSet {
	var set SeatSet
	for j, id := range ids {
		i, ok := v.ix.seat[id]
		if !ok {
			v.add(fmt.Sprintf("%s[%d]", path, j), "no seat %q", id)
			continue
		}
		set = set.With(i)
	}
	return set
}

// seatIndex resolves a seat id at path, reporting a missing one.
func (v *validator) seatIndex(path, id string) int {
	i, ok := v.ix.seat[id]
	if !ok {
		v.add(path, "no seat %q", id)
		return -1
	}
	return i
}

func (v *validator) leverIndex(path, id string) int {
	i, ok := v.ix.lever[id]
	if !ok {
		v.add(path, "no lever %q", id)
		return -1
	}
	return i
}

func (v *validator) levelIndex(path string, lever int, id string) int {
	if lever < 0 {
		return -1
	}
	j, ok := v.ix.public.Levers[lever].levels[id]
	if !ok {
		v.add(path, "lever %q has no level %q", v.sc.Levers[lever].ID, id)
		return -1
	}
	return j
}

// mayTarget reports whether seat `from` may set lever l towards `to`.
func (ix *scenarioIndex) mayTarget(l, from, to int) bool { return ix.public.MayTarget(from, l, to) }

func (v *validator) seatDetails() {
	sc, ix := v.sc, v.ix
	n := min(len(sc.Seats), MaxSeats)
	ix.public.Seats = make([]PublicSeat, n)
	ix.pool = make([][]Condition, n)
	for i := 0; i < n; i++ {
		s := sc.Seats[i]
		path := fmt.Sprintf("$.seats[%d]", i)
		pr := s.Profile
		checkRange := func(field string, x, lo, hi float64) {
			if !(x >= lo && x <= hi) { // NaN fails too
				v.add(path+".profile."+field, "must be between %g and %g, not %g", lo, hi, x)
			}
		}
		checkRange("gdp", pr.GDP, 0, 1e6)
		checkRange("growth", pr.Growth, -50, 50)
		checkRange("inflation", pr.Inflation, -50, 1000)
		checkRange("capital", pr.Capital, 0, 100)
		checkRange("tech", pr.Tech, 0, 100)
		checkRange("tech-share", pr.TechShare, 0, 1)
		checkRange("re-demand", pr.REDemand, 0, 1e6)
		checkRange("re-weight", pr.REWeight, 0, 1)
		checkRange("capacity.mining", pr.Capacity.Mining, 0, 1e6)
		checkRange("capacity.separation", pr.Capacity.Separation, 0, 1e6)
		checkRange("capacity.magnets", pr.Capacity.Magnets, 0, 1e6)
		checkRange("stockpile", pr.Stockpile, 0, 1e6)
		checkRange("unit-cost", pr.UnitCost, 0, 10000)
		for _, to := range sortedKeys(pr.Trade) {
			if j := v.seatIndex(path+".profile.trade."+to, to); j == i {
				v.add(path+".profile.trade."+to, "a seat does not trade with itself")
			}
			if pr.Trade[to] < 0 {
				v.add(path+".profile.trade."+to, "must not be negative")
			}
		}
		for _, to := range sortedKeys(pr.Trust) {
			if j := v.seatIndex(path+".profile.trust."+to, to); j == i {
				v.add(path+".profile.trust."+to, "a seat has no trust towards itself")
			}
			if x := pr.Trust[to]; !(x >= TrustMin && x <= TrustMax) {
				v.add(path+".profile.trust."+to, "must be between %g and %g, not %g", TrustMin, TrustMax, x)
			}
		}
		for _, lid := range sortedKeys(s.Start) {
			lpath := path + ".start." + lid
			l := v.leverIndex(lpath, lid)
			if l < 0 {
				continue
			}
			li := &ix.public.Levers[l]
			if !li.Setters.Has(i) {
				v.add(lpath, "seat %q may not set lever %q", s.ID, lid)
				continue
			}
			for _, to := range sortedKeys(s.Start[lid]) {
				tpath := lpath + "." + to
				v.levelIndex(tpath, l, s.Start[lid][to])
				if to == "all" {
					continue
				}
				if li.Scope != ScopeEach {
					v.add(tpath, "lever %q has scope %s: use the key \"all\"", lid, li.Scope)
					continue
				}
				if j := v.seatIndex(tpath, to); j >= 0 && !ix.mayTarget(l, i, j) {
					v.add(tpath, "lever %q may not be set by %q towards %q", lid, s.ID, to)
				}
			}
		}
		ids := map[string]bool{}
		for j, o := range s.Objectives {
			c := v.objective(fmt.Sprintf("%s.objectives[%d]", path, j), i, o, ids)
			ix.public.Seats[i].Objectives = append(ix.public.Seats[i].Objectives, ObjectiveDef{ID: o.ID, Text: o.Text, Points: o.Points, Cond: c})
		}
		for j, o := range s.Secret.Pool {
			ix.pool[i] = append(ix.pool[i], v.objective(fmt.Sprintf("%s.secret-objectives.pool[%d]", path, j), i, o, ids))
		}
		if s.Secret.Deal < 0 || s.Secret.Deal > len(s.Secret.Pool) || s.Secret.Deal > MaxSecret {
			v.add(path+".secret-objectives.deal", "must be between 0 and the size of the pool (%d, at most %d), not %d", len(s.Secret.Pool), MaxSecret, s.Secret.Deal)
		}
		if len(s.Secret.Pool) > MaxPool {
			v.add(path+".secret-objectives.pool", "at most %d secret objectives, not %d", MaxPool, len(s.Secret.Pool))
		}
		if dealt := max(s.Secret.Deal, min(1, len(s.Secret.Pool))); len(s.Objectives)+dealt > MaxObjectives {
			v.add(path+".objectives", "a seat may hold at most %d objectives, public and dealt secret ones together; this one would hold %d", MaxObjectives, len(s.Objectives)+dealt)
		}
	}
}

func (v *validator) objective(path string, holder int, o Objective, ids map[string]bool) Condition {
	c := Condition{Seat: holder, Lever: -1, Level: -1, DealWith: -1}
	v.id(path+".id", o.ID)
	if ids[o.ID] {
		v.add(path+".id", "objective %q is defined twice for this seat", o.ID)
	}
	ids[o.ID] = true
	if strings.TrimSpace(o.Text) == "" {
		v.add(path+".text", "is required")
	}
	switch o.When {
	case "every-turn":
		c.EveryTurn = true
	case "end":
	default:
		v.add(path+".when", "must be every-turn or end, not %q", o.When)
	}
	conds := 0
	for _, set := range []bool{o.Indicator != "", o.World != "", o.Lever != "", o.DealWith != ""} {
		if set {
			conds++
		}
	}
	if conds != 1 {
		v.add(path, "needs exactly one condition of indicator, world, lever or deal-with; it has %d", conds)
	}
	if o.Seat != "" {
		c.Seat = v.seatIndex(path+".seat", o.Seat)
	}
	needOp := true
	switch {
	case o.Indicator != "":
		c.Kind = CondIndicator
		c.Indicator = v.indicator(path+".indicator", o.Indicator)
	case o.World != "":
		c.Kind = CondWorld
		c.World = v.worldIndicator(path+".world", o.World)
	case o.Lever != "":
		c.Kind = CondLever
		c.Lever = v.leverIndex(path+".lever", o.Lever)
		c.Level = v.levelIndex(path+".level", c.Lever, o.Level)
		if c.Lever >= 0 {
			li := &v.ix.public.Levers[c.Lever]
			if c.Seat >= 0 && !li.Setters.Has(c.Seat) {
				v.add(path+".lever", "seat %q may not set lever %q", v.sc.Seats[c.Seat].ID, o.Lever)
			}
			if li.Scope == ScopeEach {
				if o.Towards == "" {
					v.add(path+".towards", "is required for lever %q", o.Lever)
				} else {
					c.Slot = max(0, v.seatIndex(path+".towards", o.Towards))
				}
			} else if o.Towards != "" {
				v.add(path+".towards", "lever %q has no target", o.Lever)
			}
		}
	case o.DealWith != "":
		c.Kind = CondDeal
		needOp = false
		c.DealWith = v.seatIndex(path+".deal-with", o.DealWith)
		if c.DealWith == holder && o.Seat == "" {
			v.add(path+".deal-with", "a seat cannot have a deal with itself")
		}
	}
	if needOp {
		switch o.Op {
		case ">=":
			c.AtLeast = true
		case "<=":
		default:
			v.add(path+".op", "must be >= or <=, not %q", o.Op)
		}
	} else if o.Op != "" {
		v.add(path+".op", "a deal-with condition takes no op")
	}
	c.Value = o.Value
	return c
}

// indicator resolves a per-seat indicator name against the engine's and
// the model's indicators.
func (v *validator) indicator(path, name string) Indicator {
	for i := range v.ix.indicators {
		if v.ix.indicators[i].Name == name {
			return Indicator(i)
		}
	}
	if v.ix.spec != nil {
		v.add(path, "unknown indicator %q (one of %s)", name, strings.Join(specNames(v.ix.indicators), ", "))
	}
	return 0
}

// worldIndicator resolves a world indicator name against the model's.
func (v *validator) worldIndicator(path, name string) int {
	for i := range v.ix.world {
		if v.ix.world[i].Name == name {
			return i
		}
	}
	if v.ix.spec != nil {
		v.add(path, "unknown world indicator %q (one of %s)", name, strings.Join(specNames(v.ix.world), ", "))
	}
	return 0
}

// stock is the index of a stock the scenario's model lets events move.
func (v *validator) stock(path, name string) int {
	if v.ix.spec == nil {
		return -1
	}
	names := make([]string, len(v.ix.spec.Stocks))
	for i, s := range v.ix.spec.Stocks {
		if s.Name == name {
			return i
		}
		names[i] = s.Name
	}
	if len(names) == 0 {
		v.add(path, "model %q has no stocks an event may move", v.ix.spec.Kind)
	} else {
		v.add(path, "unknown stock %q (one of %s)", name, strings.Join(names, ", "))
	}
	return -1
}

func specNames(specs []IndicatorSpec) []string {
	out := make([]string, len(specs))
	for i := range specs {
		out[i] = specs[i].Name
	}
	return out
}

func kindNames(spec *ModelSpec) []string {
	out := make([]string, len(spec.Levers))
	for i := range spec.Levers {
		out[i] = spec.Levers[i].Name
	}
	return out
}

func (v *validator) world() {
	for _, k := range sortedKeys(v.sc.World) {
		if v.ix.spec == nil {
			break
		}
		path := "$.world." + k
		w := slices.IndexFunc(v.ix.world, func(s IndicatorSpec) bool { return s.Name == k })
		if w < 0 {
			v.add(path, "unknown world indicator %q (one of %s)", k, strings.Join(specNames(v.ix.world), ", "))
			continue
		}
		spec := &v.ix.world[w]
		if x := v.sc.World[k]; !(x >= spec.Min && x <= spec.Max) { // NaN fails too
			v.add(path, "must be between %g and %g, not %g", spec.Min, spec.Max, x)
		}
	}
}

func (v *validator) events() {
	sc, ix := v.sc, v.ix
	ids := map[string]bool{}
	ix.timeline = make([]eventIndex, len(sc.Timeline))
	for i, e := range sc.Timeline {
		path := fmt.Sprintf("$.timeline[%d]", i)
		if e.Turn < 1 || e.Turn > sc.Turns {
			v.add(path+".turn", "turn %d is outside the game (1 to %d)", e.Turn, sc.Turns)
		}
		if e.Weight != 0 {
			v.add(path+".weight", "only deck events have a weight")
		}
		ix.timeline[i] = v.event(path, e, ids)
	}
	if sc.Deck.Chance < 0 || sc.Deck.Chance > 1 {
		v.add("$.deck.chance", "a probability must be between 0 and 1, not %g", sc.Deck.Chance)
	}
	if sc.Deck.Chance > 0 && len(sc.Deck.Events) == 0 {
		v.add("$.deck.events", "a deck with a chance needs events")
	}
	ix.deck = make([]eventIndex, len(sc.Deck.Events))
	for i, e := range sc.Deck.Events {
		path := fmt.Sprintf("$.deck.events[%d]", i)
		if e.Turn != 0 {
			v.add(path+".turn", "a deck event has no turn: it is drawn at random")
		}
		if !(e.Weight > 0 && e.Weight <= MaxNumber) {
			v.add(path+".weight", "must be more than 0 and at most %.0f, not %g", MaxNumber, e.Weight)
		}
		ix.deck[i] = v.event(path, e, ids)
	}
}

func (v *validator) event(path string, e EventDef, ids map[string]bool) eventIndex {
	ei := eventIndex{}
	v.id(path+".id", e.ID)
	if ids[e.ID] {
		v.add(path+".id", "event %q is defined twice", e.ID)
	}
	ids[e.ID] = true
	if strings.TrimSpace(e.Title) == "" {
		v.add(path+".title", "is required")
	}
	if len(e.Audience) > 0 {
		ei.audience = v.seatSet(path+".audience", e.Audience)
	}
	for j, f := range e.Effects {
		ei.effects = append(ei.effects, v.effect(fmt.Sprintf("%s.effects[%d]", path, j), f))
	}
	return ei
}

func (v *validator) effect(path string, f Effect) effectIndex {
	fi := effectIndex{seat: -1, lever: -1, towards: -1, level: -1, trustWith: -1, add: f.Add}
	if f.Set != nil {
		fi.set, fi.hasSet = *f.Set, true
	}
	// Checked here as well as by values, for a facilitator's custom event.
	if !(math.Abs(f.Add) <= MaxNumber) {
		v.add(path+".add", "must be between %.0f and %.0f, not %g", -MaxNumber, MaxNumber, f.Add)
	}
	if f.Set != nil && !(math.Abs(*f.Set) <= MaxNumber) {
		v.add(path+".set", "must be between %.0f and %.0f, not %g", -MaxNumber, MaxNumber, *f.Set)
	}
	kinds := 0
	for _, set := range []bool{f.Indicator != "", f.World != "", f.Lever != "", f.TrustWith != "", f.Stock != ""} {
		if set {
			kinds++
		}
	}
	if kinds != 1 {
		v.add(path, "needs exactly one of indicator, world, lever, trust-with or stock; it has %d", kinds)
		return fi
	}
	if f.World == "" {
		if f.Seat == "all" {
			fi.allSeats = true
		} else {
			fi.seat = v.seatIndex(path+".seat", f.Seat)
		}
	} else if f.Seat != "" {
		v.add(path+".seat", "a world effect names no seat")
	}
	switch {
	case f.Indicator != "":
		fi.kind = effIndicator
		fi.indicator = v.indicator(path+".indicator", f.Indicator)
		if f.Add == 0 && f.Set == nil {
			v.add(path, "needs add or set")
		}
	case f.World != "":
		fi.kind = effWorld
		fi.world = v.worldIndicator(path+".world", f.World)
		if f.Add == 0 && f.Set == nil {
			v.add(path, "needs add or set")
		}
	case f.Lever != "":
		fi.kind = effLever
		fi.lever = v.leverIndex(path+".lever", f.Lever)
		fi.level = v.levelIndex(path+".level", fi.lever, f.Level)
		if f.Add != 0 || f.Set != nil {
			v.add(path, "a lever effect sets a level, not add or set")
		}
		if fi.lever >= 0 {
			li := &v.ix.public.Levers[fi.lever]
			if fi.seat >= 0 && !li.Setters.Has(fi.seat) {
				v.add(path+".seat", "seat %q may not set lever %q", f.Seat, f.Lever)
			}
			if li.Scope == ScopeEach {
				if f.Towards == "all" || f.Towards == "" {
					fi.towards = -1
				} else if fi.towards = v.seatIndex(path+".towards", f.Towards); fi.towards >= 0 && fi.seat >= 0 && !v.ix.mayTarget(fi.lever, fi.seat, fi.towards) {
					v.add(path+".towards", "lever %q may not be set by %q towards %q", f.Lever, f.Seat, f.Towards)
				}
			} else if f.Towards != "" {
				v.add(path+".towards", "lever %q has no target", f.Lever)
			}
		}
	case f.Stock != "":
		fi.kind = effStock
		fi.stock = v.stock(path+".stock", f.Stock)
		if f.Add == 0 && f.Set == nil {
			v.add(path, "needs add or set")
		}
	case f.TrustWith != "":
		fi.kind = effTrust
		fi.trustWith = v.seatIndex(path+".trust-with", f.TrustWith)
		if f.Set != nil {
			v.add(path+".set", "a trust effect takes add, not set")
		}
	}
	return fi
}

func (v *validator) end() {
	s := v.sc.End.Settlement
	v.ix.public.Settlement = SettlementRule{Parties: v.seatSet("$.end.settlement.parties", s.Parties), MinClauses: s.MinClauses}
	if len(s.Parties) == 1 {
		v.add("$.end.settlement.parties", "a settlement needs at least two parties")
	}
	if s.MinClauses < 0 || s.MinClauses > maxClauses {
		v.add("$.end.settlement.min-clauses", "must be between 0 and %d (the most clauses a deal may have), not %d", maxClauses, s.MinClauses)
	}
}

// modelKind finds the scenario's model, whose spec says which lever kinds
// and indicators the rest of the scenario may use.
func (v *validator) modelKind() {
	spec, ok := models[v.sc.Model.Kind]
	if !ok {
		if v.sc.Model.Kind == "" {
			v.add("$.model.kind", "is required (one of %s)", strings.Join(ModelKinds(), ", "))
		} else {
			v.add("$.model.kind", "unknown model %q (one of %s)", v.sc.Model.Kind, strings.Join(ModelKinds(), ", "))
		}
		return
	}
	v.ix.spec = spec
	v.ix.byKind = make([]int, len(spec.Levers))
	for k := range v.ix.byKind {
		v.ix.byKind[k] = -1
	}
	v.ix.indicators = append(append([]IndicatorSpec(nil), CoreIndicators[:]...), spec.Indicators...)
	v.ix.world = spec.World
	if len(v.ix.indicators) > MaxIndicators || len(v.ix.world) > MaxWorld {
		panic("game: model " + spec.Kind + " declares more indicators than the engine holds")
	}
}

// model checks the model's parameters and builds the model.
func (v *validator) model() {
	spec := v.ix.spec
	if spec == nil {
		return
	}
	v.ix.params = validateParams(v.sc, spec, v.p)
	// The model reads the index as built so far; it must tolerate the
	// gaps that earlier mistakes left, which are reported already.
	v.ix.model = spec.Build(v.sc, v.p)
}

// public fills the public scenario once the scenario is known sound.
func (v *validator) public() {
	sc, ix := v.sc, v.ix
	ps := ix.public
	ps.ID, ps.Title, ps.Summary, ps.StartDate = sc.ID, sc.Title, sc.Summary, sc.StartDate
	ps.Turns, ps.TurnMonths, ps.Rounds = sc.Turns, sc.TurnMonths, sc.Rounds()
	ps.ClockSeconds, ps.Rules = sc.Negotiation.ClockSeconds, sc.Rules
	ps.Model, ps.ModelDoc, ps.UsesCapital = ix.spec.Kind, ix.spec.Doc, ix.spec.UsesCapital
	ps.ModelDef = sc.Model
	ps.Indicators, ps.World = ix.indicators, ix.world
	ps.Briefing, ps.Debrief = sc.Briefing, sc.Debrief
	ps.cause = ix.spec.CauseText
	for i, s := range sc.Seats {
		p := &ps.Seats[i]
		p.ID, p.Name, p.Principal, p.Profile = s.ID, s.Name, s.Principal, s.Profile
		p.Secrets = secretCount(s.Secret)
	}
}

// MaxNumber bounds every number a scenario holds, in either direction.
// The largest the shipped scenarios use is in the hundreds; the bound
// leaves room for other units while keeping every sum and product the
// models and the scoring make over a thousand turns far from overflow,
// so that no valid file can make a score or an indicator infinite.
const MaxNumber = 1e6

// MaxTurns is the most turns a game may have.
const MaxTurns = 1000

// MaxClockSeconds is the longest negotiation clock: a day, the same bound
// as a facilitator's clock command.
const MaxClockSeconds = 86400

// multilineText names the text fields, by type and YAML name, that may run
// over several lines: briefings, summaries, help and event texts. Every
// other text is one line, and no text may hold other control characters.
var multilineText = map[reflect.Type][]string{
	reflect.TypeFor[Scenario](): {"summary", "briefing"},
	reflect.TypeFor[SeatDef]():  {"briefing"},
	reflect.TypeFor[LeverDef](): {"help"},
	reflect.TypeFor[EventDef](): {"text"},
}

// MultilineText reports whether the field of scenario type t with the
// given YAML name may hold line breaks. The content loader asks it, so
// that a file is judged by the same rule as Validate applies.
func MultilineText(t reflect.Type, field string) bool {
	return slices.Contains(multilineText[t], field)
}

// values checks every text and number of the scenario, found by
// reflection so that a field added later is covered without a line here:
// text may not hold control characters (which would act on the terminal
// that shows it), and numbers must be finite and within MaxNumber. A path
// an earlier check already reported is left alone, so a value gets one
// message. The path of a value is only written out for a problem.
func (v *validator) values() {
	reported := make(map[string]bool, len(v.p.list))
	for _, fe := range v.p.list {
		reported[fe.Path] = true
	}
	w := valueWalk{v: v, reported: reported}
	w.value(reflect.ValueOf(v.sc).Elem(), false)
}

type valueWalk struct {
	v        *validator
	reported map[string]bool
	path     []pathStep
}

// A pathStep is one step of a YAML path: a field or map key, or a list
// index.
type pathStep struct {
	name  string
	index int // -1 for a name
}

func (w *valueWalk) pathString() string {
	var b strings.Builder
	b.WriteString("$")
	for _, s := range w.path {
		if s.index >= 0 {
			fmt.Fprintf(&b, "[%d]", s.index)
		} else {
			b.WriteString(".")
			b.WriteString(s.name)
		}
	}
	return b.String()
}

func (w *valueWalk) report(format string, args ...any) {
	path := w.pathString()
	if !w.reported[path] {
		w.reported[path] = true
		w.v.add(path, format, args...)
	}
}

// A yamlField is a field of a scenario type as the YAML names it.
type yamlField struct {
	index     int
	name      string
	multiline bool
}

var yamlFields sync.Map // reflect.Type -> []yamlField

func fieldsOfType(t reflect.Type) []yamlField {
	if f, ok := yamlFields.Load(t); ok {
		return f.([]yamlField)
	}
	var out []yamlField
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out = append(out, yamlField{index: i, name: name, multiline: MultilineText(t, name)})
	}
	yamlFields.Store(t, out)
	return out
}

func (w *valueWalk) value(rv reflect.Value, multiline bool) {
	switch rv.Kind() {
	case reflect.Pointer:
		if !rv.IsNil() {
			w.value(rv.Elem(), multiline)
		}
	case reflect.Struct:
		for _, f := range fieldsOfType(rv.Type()) {
			w.path = append(w.path, pathStep{f.name, -1})
			w.value(rv.Field(f.index), f.multiline)
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Slice:
		for i := range rv.Len() {
			w.path = append(w.path, pathStep{index: i})
			w.value(rv.Index(i), multiline)
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Map:
		keys := rv.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			w.path = append(w.path, pathStep{k.String(), -1})
			if bad := safetext.Check(k.String(), false); bad != nil {
				w.report("the key %v", bad)
			}
			w.value(rv.MapIndex(k), multiline)
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.String:
		if bad := safetext.Check(rv.String(), multiline); bad != nil {
			w.report("%v", bad)
		}
	case reflect.Float32, reflect.Float64:
		if x := rv.Float(); !(math.Abs(x) <= MaxNumber) {
			w.report("must be between %.0f and %.0f, not %g", -MaxNumber, MaxNumber, x)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if x := rv.Int(); x > MaxNumber || x < -MaxNumber {
			w.report("must be between %.0f and %.0f, not %d", -MaxNumber, MaxNumber, x)
		}
	}
}
