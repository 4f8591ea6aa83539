package ai

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// A Personality is how a scripted opponent plays, as data: an instructor
// writes one in YAML (content/personalities/) without touching Go. It
// says how the seat sets its coercive and trade levers towards each other
// seat (its move rule), how it weighs its objectives and indicators, how
// it answers coercion, how it negotiates, when it keeps a deal, how much
// it trusts and how fast it forgives. Field tags are the YAML names and
// the paths Validate reports.
type Personality struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Moves       Moves  `yaml:"moves"`
	// Invest says what it does with its own spending levers (mines,
	// plants, stockpile, substitutes, price floor) when not looking ahead.
	Invest   string     `yaml:"invest"`
	Weights  Weights    `yaml:"weights"`
	Coercion string     `yaml:"coercion"` // retaliate | yield | ignore
	Deals    DealRules  `yaml:"deals"`
	Trust    TrustRules `yaml:"trust"`
	// Forgiveness is the chance, each turn, that a grudge held against a
	// seat is dropped, and the share of a remembered breach forgotten.
	// 0 never forgives; 1 forgives at once.
	Forgiveness float64 `yaml:"forgiveness"`
}

// Moves is the rule that decides, each turn and towards each other seat,
// whether the seat cooperates or defects, and what each means on its
// coercive and trade levers (tariffs, licensing, controls, sanctions,
// the extraterritorial rule, flooding).
type Moves struct {
	Rule    string `yaml:"rule"`
	Opening string `yaml:"opening"` // cooperate | defect: the first move of the reactive rules
	// Cooperate and Defect are what the moves do to each lever towards
	// the seat: mildest, milder (one level), hold, stronger (one level)
	// or strongest.
	Cooperate string `yaml:"cooperate"`
	Defect    string `yaml:"defect"`
	// Generosity is the chance generous-tit-for-tat cooperates after a
	// defection, and the chance random cooperates at all.
	Generosity float64 `yaml:"generosity"`
	// Rival is the trust below which the wary rule treats a seat as a
	// rival and defects towards it.
	Rival float64 `yaml:"rival"`
	// LookAhead lets the normal and hard levels change what the rule
	// says when the engine's forecast shows something better for the
	// seat's objectives. The classic strategies leave it off: they are
	// fixed strategies by definition.
	LookAhead bool `yaml:"look-ahead"`
}

// Weights turn a forecast into one number: points per unit. Objectives
// are victory points the seat expects to meet (its public objectives and
// its own secret ones); indicators count by their change over the
// look-ahead; Others counts the other seats' economies (negative: a
// seat that minds relative gains); Rule is what each level away from the
// move rule's choice costs, which keeps a personality recognisable when
// it looks ahead.
type Weights struct {
	Objectives float64 `yaml:"objectives"`
	Economy    float64 `yaml:"economy"`
	Industry   float64 `yaml:"industry"`
	Coverage   float64 `yaml:"coverage"`
	Tech       float64 `yaml:"tech"`
	Capital    float64 `yaml:"capital"`
	Inflation  float64 `yaml:"inflation"`
	Others     float64 `yaml:"others"`
	Rule       float64 `yaml:"rule"`
}

// DealRules say how the seat negotiates and when it keeps its word.
type DealRules struct {
	Propose bool `yaml:"propose"` // makes proposals of its own
	// Answer: by-value (weighs what a deal is worth to it) or by-move
	// (accepts from a seat it cooperates with this turn, as a classic
	// strategy does).
	Answer  string `yaml:"answer"`
	Counter bool   `yaml:"counter"` // answers a poor proposal with a better bundle
	// Accept is the least value, in points, a deal must have for the seat
	// to accept it.
	Accept float64 `yaml:"accept"`
	// Give multiplies what the seat's own commitments cost it: above 1 it
	// gives reluctantly (a free-rider), below 1 generously.
	Give float64 `yaml:"give"`
	// Keep: always | by-move (keeps a deal while its move towards the
	// other parties is to cooperate) | when-worth-it (breaks when the
	// forecast gain beats the reputation lost) | never.
	Keep string `yaml:"keep"`
	// Reputation is the points the seat puts on the trust it would lose
	// with each seat that learns of a breach.
	Reputation float64 `yaml:"reputation"`
}

// TrustRules say how much the seat trusts others in negotiation.
type TrustRules struct {
	// Min is the trust below which it rejects every proposal from a seat.
	Min float64 `yaml:"min"`
	// Breach is the points each remembered breach by the proposer takes
	// off the value of the proposer's deals.
	Breach float64 `yaml:"breach"`
	// Refuse is how many turns after a seat breaks a deal with it the
	// seat turns down every proposal from the breacher, gifts included:
	// how long the memory of a broken promise shuts the door. 0 leaves
	// it to Breach and trust alone.
	Refuse int `yaml:"refuse"`
}

// The names the fields take.
var (
	ruleNames      = []string{RuleAlwaysCooperate, RuleAlwaysDefect, RuleTitForTat, RuleGrimTrigger, RuleWinStayLoseShift, RuleGenerousTitForTat, RuleRandom, RuleWary}
	openingNames   = []string{"cooperate", "defect"}
	stepNames      = []string{StepMildest, StepMilder, StepHold, StepStronger, StepStrongest}
	investNames    = []string{InvestKeep, InvestNever, InvestWhenShort}
	coercionNames  = []string{CoercionRetaliate, CoercionYield, CoercionIgnore}
	answerNames    = []string{AnswerByValue, AnswerByMove}
	keepNames      = []string{KeepAlways, KeepByMove, KeepWhenWorthIt, KeepNever}
	personalityMax = 100.0 // bound on weights: larger would drown every other term
)

// maxRefuse bounds trust.refuse: longer than any game, so it means "for good".
const maxRefuse = 1000

// Move rules.
const (
	RuleAlwaysCooperate   = "always-cooperate"
	RuleAlwaysDefect      = "always-defect"
	RuleTitForTat         = "tit-for-tat"
	RuleGrimTrigger       = "grim-trigger"
	RuleWinStayLoseShift  = "win-stay-lose-shift"
	RuleGenerousTitForTat = "generous-tit-for-tat"
	RuleRandom            = "random"
	RuleWary              = "wary" // defects towards rivals (trust below moves.rival) and seats that defected last turn
)

// What a move does to a lever.
const (
	StepMildest   = "mildest"
	StepMilder    = "milder"
	StepHold      = "hold"
	StepStronger  = "stronger"
	StepStrongest = "strongest"
)

// Spending rules.
const (
	InvestKeep      = "keep"       // leaves its spending as it is
	InvestNever     = "never"      // spends nothing: lets others build
	InvestWhenShort = "when-short" // raises spending a level while its rare-earth coverage is short
)

// Answers to coercion.
const (
	CoercionRetaliate = "retaliate" // holds a grudge: defects towards the coercer until it forgives
	CoercionYield     = "yield"     // cooperates with the coercer and offers it a deal
	CoercionIgnore    = "ignore"    // leaves it to the move rule
)

// How proposals are answered.
const (
	AnswerByValue = "by-value"
	AnswerByMove  = "by-move"
)

// When deals are kept.
const (
	KeepAlways      = "always"
	KeepByMove      = "by-move"
	KeepWhenWorthIt = "when-worth-it"
	KeepNever       = "never"
)

// Validate checks a personality and returns every problem, each with the
// YAML path of its field.
func (p *Personality) Validate() []game.FieldError {
	var pr game.Problems
	switch {
	case p.Name == "":
		pr.Add("$.name", "is required")
	case !nameRE.MatchString(p.Name):
		pr.Add("$.name", "%q is not a valid name (lower-case letters, digits and dashes)", p.Name)
	}
	oneOf(&pr, "$.moves.rule", p.Moves.Rule, ruleNames, true)
	oneOf(&pr, "$.moves.opening", p.Moves.Opening, openingNames, false)
	oneOf(&pr, "$.moves.cooperate", p.Moves.Cooperate, stepNames, true)
	oneOf(&pr, "$.moves.defect", p.Moves.Defect, stepNames, true)
	unit(&pr, "$.moves.generosity", p.Moves.Generosity)
	if p.Moves.Rival < game.TrustMin || p.Moves.Rival > game.TrustMax {
		pr.Add("$.moves.rival", "trust runs from %g to %g, not %g", game.TrustMin, game.TrustMax, p.Moves.Rival)
	}
	oneOf(&pr, "$.invest", p.Invest, investNames, false)
	oneOf(&pr, "$.coercion", p.Coercion, coercionNames, false)
	oneOf(&pr, "$.deals.answer", p.Deals.Answer, answerNames, true)
	oneOf(&pr, "$.deals.keep", p.Deals.Keep, keepNames, true)
	unit(&pr, "$.forgiveness", p.Forgiveness)
	w := p.Weights
	for _, f := range []struct {
		name string
		v    float64
	}{{"objectives", w.Objectives}, {"economy", w.Economy}, {"industry", w.Industry}, {"coverage", w.Coverage},
		{"tech", w.Tech}, {"capital", w.Capital}, {"inflation", w.Inflation}, {"others", w.Others}, {"rule", w.Rule}} {
		if f.v < -personalityMax || f.v > personalityMax {
			pr.Add("$.weights."+f.name, "a weight runs from %g to %g, not %g", -personalityMax, personalityMax, f.v)
		}
	}
	if w.Rule < 0 {
		pr.Add("$.weights.rule", "must be 0 or more: it is what leaving the move rule costs, not %g", w.Rule)
	}
	if p.Deals.Give < 0 || p.Deals.Give > 10 {
		pr.Add("$.deals.give", "must be between 0 and 10, not %g", p.Deals.Give)
	}
	if p.Deals.Reputation < 0 || p.Deals.Reputation > personalityMax {
		pr.Add("$.deals.reputation", "must be between 0 and %g, not %g", personalityMax, p.Deals.Reputation)
	}
	if p.Deals.Accept < -personalityMax || p.Deals.Accept > personalityMax {
		pr.Add("$.deals.accept", "must be between %g and %g, not %g", -personalityMax, personalityMax, p.Deals.Accept)
	}
	if p.Trust.Min < game.TrustMin || p.Trust.Min > game.TrustMax {
		pr.Add("$.trust.min", "trust runs from %g to %g, not %g", game.TrustMin, game.TrustMax, p.Trust.Min)
	}
	if p.Trust.Refuse < 0 || p.Trust.Refuse > maxRefuse {
		pr.Add("$.trust.refuse", "is a number of turns between 0 and %d, not %d", maxRefuse, p.Trust.Refuse)
	}
	if p.Trust.Breach < 0 || p.Trust.Breach > personalityMax {
		pr.Add("$.trust.breach", "must be between 0 and %g, not %g", personalityMax, p.Trust.Breach)
	}
	return pr.List()
}

func oneOf(pr *game.Problems, path, v string, names []string, required bool) {
	switch {
	case v == "" && required:
		pr.Add(path, "is required (one of %s)", strings.Join(names, ", "))
	case v != "" && !slices.Contains(names, v):
		pr.Add(path, "%q is not one of %s", v, strings.Join(names, ", "))
	}
}

func unit(pr *game.Problems, path string, v float64) {
	if v < 0 || v > 1 {
		pr.Add(path, "is a chance: between 0 and 1, not %g", v)
	}
}

// opening reports whether the reactive rules open by cooperating.
func (p *Personality) opensCooperating() bool { return p.Moves.Opening != "defect" }

// String names the personality.
func (p *Personality) String() string { return fmt.Sprintf("personality %s", p.Name) }
