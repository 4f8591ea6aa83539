package game

// Policy is a seat's setting of every lever: Policy[lever][target] is a
// level index. Levers of scope all or self use target slot 0. Level 0 is
// the mildest level of every lever.
type Policy [MaxLevers][MaxSeats]uint8

// State is one moment of a game. It is a value: Apply returns a new state
// and never changes the one it was given, so a caller may keep old states
// (for undo, replay checks or look-ahead) at no risk.
//
// Slices inside a state are never written after the state is returned;
// the engine copies a slice before changing it.
type State struct {
	sc *Scenario

	ScenarioID string `json:"scenario"`
	Seed       uint64 `json:"seed"`
	RNG        RNG    `json:"-"` // hashed through MarshalBinary
	Phase      Phase  `json:"phase"`
	Turn       int    `json:"turn"`  // 1-based; 0 during Setup
	Round      int    `json:"round"` // negotiation round within the turn, 1-based
	// Activity records whether anything was proposed or answered in the
	// present negotiation round; a round without activity closes the phase.
	Activity bool `json:"activity"`
	Paused   bool `json:"paused"`
	// Clock is the seconds the facilitator set for the present phase; the
	// table runs the clock, the engine only keeps the setting.
	Clock int               `json:"clock"`
	Seq   int               `json:"seq"` // commands applied so far
	Seats []SeatState       `json:"seats"`
	World [NumWorld]float64 `json:"world"`
	// WorldBase holds the calm levels the model moves world indicators
	// from (the ex-China price with no shortfall, say).
	WorldBase [NumWorld]float64 `json:"world-base"`
	// Econ is the model's own world-level state.
	Econ  WorldEcon `json:"econ"`
	Deals []Deal    `json:"deals"` // open proposals, deals in force, and deals closed this turn
	// NextDeal is the id the next proposal gets; ids are never reused.
	NextDeal int       `json:"next-deal"`
	Messages []Message `json:"messages"` // this turn's messages
	// News holds the events of the present turn up to its resolution, and
	// from then on the events of the resolution and its report; each
	// carries its audience.
	News    []Event  `json:"news"`
	Changes []Change `json:"changes"` // the last resolution's indicator changes and their causes
	// Ended says why the game is over, once it is.
	Ended string `json:"ended,omitempty"`
}

// SeatState is one seat's part of the state. It holds no pointers, so
// that copying the seats for a new state is one memmove the garbage
// collector need not scan.
type SeatState struct {
	Policy    Policy                 `json:"policy"` // in force: last resolved, or the start
	Orders    Policy                 `json:"orders"` // this turn's orders, secret until resolution
	Submitted bool                   `json:"submitted"`
	Ready     bool                   `json:"ready"`
	Ind       [NumIndicators]float64 `json:"indicators"`
	Trust     [MaxSeats]float64      `json:"trust"` // this seat's trust towards each seat
	// Secret holds indices into the seat's secret objective pool; the
	// first NSecret are dealt.
	Secret  [MaxSecret]uint8 `json:"secret"`
	NSecret int              `json:"n-secret"`
	// Known counts, for each seat j, the breaches by this seat that j has
	// learned of: what j holds against this seat.
	Known [MaxSeats]uint16 `json:"known-breaches"`
	// Points earned per objective so far: public objectives first, then
	// the dealt secret ones, in order.
	Points [MaxObjectives]float64 `json:"points"`
	Econ   EconState              `json:"econ"` // the model's own per-seat state
}

// WorldEcon is world-level state a model keeps between turns.
type WorldEcon struct {
	// Shortfall is the share of demand outside the producer left unmet in
	// the last resolution.
	Shortfall float64 `json:"shortfall"`
}

// EconState is per-seat state that models keep between turns.
type EconState struct {
	Stockpile float64 `json:"stockpile"` // kt of rare-earth oxide held
	// Capacity in operation, kt a year, by stage.
	Mining     float64 `json:"mining"`
	Separation float64 `json:"separation"`
	Magnets    float64 `json:"magnets"`
	// Pipeline holds capacity under construction by stage (mining,
	// separation, magnets): Pipeline[s][k] comes into operation k+1 turns
	// from now, in kt a year.
	Pipeline [3][pipelineLen]float32 `json:"pipeline"`
	// SubSpend is the cumulative spend on recycling and substitutes, $bn.
	SubSpend float64 `json:"sub-spend"`
	// Distress counts the turns in a row the seat's producers have sold
	// below cost; Failures counts the times they went bankrupt.
	Distress int `json:"distress"`
	Failures int `json:"failures"`
	// Gap is the seat's rare-earth shortfall before stockpile draws in the
	// last resolution and Gap0 the one it started with, kt a year.
	Gap  float64 `json:"gap"`
	Gap0 float64 `json:"gap0"`
	// Output is the seat's production of finished rare-earth supply in the
	// last resolution, kt a year.
	Output float64 `json:"output"`
	// Substitution is tech access recovered by domestic substitution.
	Substitution float64 `json:"substitution"`
	// Base is the economy's baseline path, 100 at the start, growing with
	// the seat's baseline growth.
	Base float64 `json:"base"`
	// TechTarget is tech access under the controls in force, before
	// substitution.
	TechTarget float64 `json:"tech-target"`
	// Term holds the model's drag terms of the last resolution and Term0
	// their levels under the starting policy; changes count from Term0.
	Term  [numTerms]float64 `json:"term"`
	Term0 [numTerms]float64 `json:"term0"`
}

// The terms a model keeps a baseline for: the economy's drags, then the
// two inflation terms.
const (
	termTrade = iota
	termIndustry
	termTech
	termInflation
	termControls
	termFinance
	termSpend
	termPurchases
	termTariffInflation
	termShortageInflation
	numTerms
)

// pipelineLen bounds build lags, in turns. The pipeline is float32 to
// keep the seat small: it is copied with every new state.
const pipelineLen = 30

// Scenario is the scenario the state belongs to.
func (s *State) Scenario() *Scenario { return s.sc }

// Message is a free-text message (humans) or canned statement (AI) sent
// during negotiation. To is empty for a message to everyone.
type Message struct {
	From int     `json:"from"`
	To   SeatSet `json:"to"`
	Turn int     `json:"turn"`
	Text string  `json:"text"`
}

// Change is one indicator's change at resolution with its largest causes.
type Change struct {
	Seat      int              `json:"seat"`
	Indicator Indicator        `json:"indicator"`
	From      float64          `json:"from"`
	To        float64          `json:"to"`
	Causes    [maxCauses]Cause `json:"causes"`
}

const maxCauses = 3

// Cause is one term of a change: what produced it and how much.
type Cause struct {
	Kind  CauseKind `json:"kind"`
	Other int       `json:"other"` // the other seat involved, or -1
	Lever int       `json:"lever"` // the lever involved, or -1
	Level int       `json:"level"` // its level, or -1
	Value float64   `json:"value"` // a figure the text quotes (coverage, rate)
	Delta float64   `json:"delta"` // the size of this term
}

// CauseKind names the mechanism behind a change.
type CauseKind uint8

// Causes the models report.
const (
	CauseNone         CauseKind = iota
	CauseBaseline               // baseline growth or drift
	CauseCoverage               // rare-earth coverage below demand
	CauseLicensing              // a producer's licensing towards this seat
	CauseTariffOwn              // this seat's tariffs (prices at home)
	CauseTariffOn               // tariffs on this seat's goods
	CauseTech                   // chip and software controls on this seat
	CauseControlCost            // the cost of this seat's own controls
	CauseFinance                // financial sanctions on this seat
	CauseInflation              // inflation above its starting rate
	CauseShortage               // shortages at home
	CauseSubstitution           // domestic substitution recovering tech
	CauseStockpile              // stockpile drawn
	CauseRegen                  // political capital regenerating
	CausePayoff                 // a payoff-table outcome
	CauseSpend                  // spending on industrial policy
	CausePurchases              // purchases sold and bought under commitments
)
