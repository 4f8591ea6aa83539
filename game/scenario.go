package game

// A Scenario is everything a game starts from: seats, levers, the model and
// its parameters, the calendar, scheduled and random events, objectives,
// briefings and debrief questions. It is data: the content package reads it
// from YAML and checks it with Validate before a game may use it. Field tags
// are the YAML names; they are also the paths Validate reports.
type Scenario struct {
	ID          string             `yaml:"id" json:"id"`
	Title       string             `yaml:"title" json:"title"`
	Summary     string             `yaml:"summary" json:"summary"`
	StartDate   string             `yaml:"start-date" json:"start-date"` // YYYY-MM-DD of turn 1
	Turns       int                `yaml:"turns" json:"turns"`
	TurnMonths  int                `yaml:"turn-months" json:"turn-months"`
	Negotiation NegotiationRules   `yaml:"negotiation" json:"negotiation"`
	Rules       Rules              `yaml:"rules" json:"rules"`
	Seats       []SeatDef          `yaml:"seats" json:"seats"`
	Levers      []LeverDef         `yaml:"levers" json:"levers"`
	Model       ModelDef           `yaml:"model" json:"model"`
	World       map[string]float64 `yaml:"world" json:"world,omitempty"` // starting world indicators by name
	Timeline    []EventDef         `yaml:"timeline" json:"timeline,omitempty"`
	Deck        Deck               `yaml:"deck" json:"deck"`
	End         EndCondition       `yaml:"end" json:"end"`
	Briefing    string             `yaml:"briefing" json:"briefing,omitempty"` // Markdown everyone reads
	Debrief     []string           `yaml:"debrief" json:"debrief,omitempty"`   // questions for discussion

	ix *scenarioIndex // built by Validate; nil until the scenario is valid
}

// NegotiationRules bound the negotiation phase of every turn.
type NegotiationRules struct {
	// Rounds is how many times the seats may go round (everyone ready, with
	// new proposals or answers since the last time) before negotiation
	// closes. 0 means 3.
	Rounds int `yaml:"rounds" json:"rounds"`
	// ClockSeconds is the suggested clock for a negotiation phase; a table
	// enforces it, the engine only records it. 0 means no clock.
	ClockSeconds int `yaml:"clock-seconds" json:"clock-seconds"`
}

// Rules are the engine's own constants for deals and trust, as opposed
// to the model's. Zero means zero: a scenario without trust effects may
// leave them out.
type Rules struct {
	// BreachTrust is the trust a breaching seat loses with every seat that
	// learns of the breach (the other parties, or everyone for a public deal).
	BreachTrust float64 `yaml:"breach-trust" json:"breach-trust"`
	// KeepTrust is the trust each party gains towards the others for every
	// turn a deal in force is kept.
	KeepTrust float64 `yaml:"keep-trust" json:"keep-trust"`
	// ConcessionCapital is the political capital a seat spends per clause it
	// commits to when a deal comes into force. A seat with no capital left
	// cannot take on new commitments.
	ConcessionCapital float64 `yaml:"concession-capital" json:"concession-capital"`
	// CoercionTrust is the trust a seat loses with the target each turn it
	// applies a coercive lever level (see LeverDef.Coercive).
	CoercionTrust float64 `yaml:"coercion-trust" json:"coercion-trust"`
}

// SeatDef is one seat as the scenario describes it.
type SeatDef struct {
	ID        string  `yaml:"id" json:"id"`
	Name      string  `yaml:"name" json:"name"`
	Principal bool    `yaml:"principal" json:"principal"` // counts for the end condition and for balance checks
	Profile   Profile `yaml:"profile" json:"profile"`
	// Start is the starting policy: lever id -> target -> level id. The
	// target "all" sets every target the lever allows; a seat id overrides it.
	// Levers scoped to the world or to the seat itself take only "all".
	Start      map[string]map[string]string `yaml:"start" json:"start,omitempty"`
	Objectives []Objective                  `yaml:"objectives" json:"objectives,omitempty"`
	Secret     SecretObjectives             `yaml:"secret-objectives" json:"-"`
	Briefing   string                       `yaml:"briefing" json:"-"` // Markdown for this seat only
}

// Profile holds a seat's public starting numbers. Models read the fields
// they need; all are public knowledge.
type Profile struct {
	GDP       float64            `yaml:"gdp" json:"gdp"`               // economy size, $tn a year
	Growth    float64            `yaml:"growth" json:"growth"`         // baseline growth per turn, %
	Inflation float64            `yaml:"inflation" json:"inflation"`   // starting inflation, %
	Capital   float64            `yaml:"capital" json:"capital"`       // starting political capital, 0..100
	Tech      float64            `yaml:"tech" json:"tech"`             // starting tech access, 0..100 (0 means 100)
	TechShare float64            `yaml:"tech-share" json:"tech-share"` // share of the world's advanced chips, tools and software this seat supplies, 0..1
	REDemand  float64            `yaml:"re-demand" json:"re-demand"`   // magnet-grade rare-earth demand, kt a year
	REWeight  float64            `yaml:"re-weight" json:"re-weight"`   // share of output in rare-earth-dependent sectors, 0..1
	Capacity  Capacity           `yaml:"capacity" json:"capacity"`     // operating domestic capacity, kt a year
	Stockpile float64            `yaml:"stockpile" json:"stockpile"`   // kt held at the start
	UnitCost  float64            `yaml:"unit-cost" json:"unit-cost"`   // cost of producing a kg of rare-earth supply outside China, $ (0: the model's default)
	Trade     map[string]float64 `yaml:"trade" json:"trade,omitempty"` // exports to each seat, $bn a year
	Trust     map[string]float64 `yaml:"trust" json:"trust,omitempty"` // starting trust towards each seat, -100..100
}

// Capacity is rare-earth capacity by stage, in kt of oxide a year.
type Capacity struct {
	Mining     float64 `yaml:"mining" json:"mining"`
	Separation float64 `yaml:"separation" json:"separation"`
	Magnets    float64 `yaml:"magnets" json:"magnets"`
}

// SecretObjectives is the pool a seat's secret objectives are dealt from
// at the start of a game.
type SecretObjectives struct {
	Deal int         `yaml:"deal" json:"deal"` // how many to deal; 0 means 1 when the pool is not empty
	Pool []Objective `yaml:"pool" json:"pool"`
}

// An Objective earns victory points when its condition holds: every turn
// (when: every-turn, checked after each resolution) or once at the end
// (when: end). The condition is exactly one of: an indicator of a seat, a
// world indicator, a lever level, or a deal in force with a seat.
type Objective struct {
	ID     string  `yaml:"id" json:"id"`
	Text   string  `yaml:"text" json:"text"`
	When   string  `yaml:"when" json:"when"` // every-turn | end
	Points float64 `yaml:"points" json:"points"`

	Indicator string  `yaml:"indicator" json:"indicator,omitempty"` // per-seat indicator name
	Seat      string  `yaml:"seat" json:"seat,omitempty"`           // whose indicator or lever; default: the holder
	World     string  `yaml:"world" json:"world,omitempty"`         // world indicator name
	Lever     string  `yaml:"lever" json:"lever,omitempty"`         // lever id
	Towards   string  `yaml:"towards" json:"towards,omitempty"`     // lever target seat (each-scoped levers)
	Level     string  `yaml:"level" json:"level,omitempty"`         // lever level id compared with op
	DealWith  string  `yaml:"deal-with" json:"deal-with,omitempty"` // a deal in force with this seat
	Op        string  `yaml:"op" json:"op,omitempty"`               // >= or <= (indicators, world, levers)
	Value     float64 `yaml:"value" json:"value,omitempty"`         // threshold for indicators and world
}

// LeverDef is one policy lever. Levels are listed from the mildest to the
// strongest (0% before 155%, open before deny): deal clauses and
// objectives compare levels by that order.
type LeverDef struct {
	ID      string   `yaml:"id" json:"id"`
	Name    string   `yaml:"name" json:"name"`
	Kind    string   `yaml:"kind" json:"kind"`   // what the model does with it: see LeverKinds
	Scope   string   `yaml:"scope" json:"scope"` // each (towards each other seat) | all (one setting for the world) | self
	Levels  []Level  `yaml:"levels" json:"levels"`
	Setters []string `yaml:"setters" json:"setters,omitempty"` // seats that may set it; empty: every seat
	Targets []string `yaml:"targets" json:"targets,omitempty"` // seats it may be set towards; empty: every other seat
	// Coercive is the first level counted as coercion (deny, the
	// extraterritorial rule, broad sanctions); empty: never coercive.
	Coercive string `yaml:"coercive" json:"coercive,omitempty"`
	Help     string `yaml:"help" json:"help,omitempty"`
}

// Level is one setting of a lever with the number the model reads from it
// (a tariff rate in percent, the share of licences granted, a spend).
type Level struct {
	ID    string  `yaml:"id" json:"id"`
	Value float64 `yaml:"value" json:"value"`
}

// ModelDef names the model that resolves orders and holds its parameters.
type ModelDef struct {
	Kind string `yaml:"kind" json:"kind"`
	// Params are the model's named constants; each model lists the names
	// it knows and Validate refuses others.
	Params map[string]float64 `yaml:"params" json:"params,omitempty"`
	// Lever and Payoffs are for the payoff-table model: the one lever
	// whose levels index the table, and a row per combination of levels.
	Lever   string      `yaml:"lever" json:"lever,omitempty"`
	Payoffs []PayoffRow `yaml:"payoffs" json:"payoffs,omitempty"`
}

// PayoffRow gives each seat's points when every seat has set the
// payoff lever to the level in When.
type PayoffRow struct {
	When  map[string]string  `yaml:"when" json:"when"`
	Score map[string]float64 `yaml:"score" json:"score"`
}

// An EventDef is news with effects. Scheduled events (the timeline) name the
// turn they fire at; deck events carry a weight for the random draw.
type EventDef struct {
	ID       string   `yaml:"id" json:"id"`
	Turn     int      `yaml:"turn" json:"turn,omitempty"`     // timeline only
	Weight   float64  `yaml:"weight" json:"weight,omitempty"` // deck only
	Title    string   `yaml:"title" json:"title"`
	Text     string   `yaml:"text" json:"text,omitempty"`
	Audience []string `yaml:"audience" json:"audience,omitempty"` // seats told; empty: everyone
	Effects  []Effect `yaml:"effects" json:"effects,omitempty"`
}

// An Effect changes the world when its event fires. Set exactly one of
// Indicator (with Add or Set), World (with Add or Set), Lever (with
// Towards and Level: the seat's policy in force changes) or TrustWith
// (with Add).
type Effect struct {
	Seat      string `yaml:"seat" json:"seat,omitempty"` // the seat affected; "all" for every seat
	Indicator string `yaml:"indicator" json:"indicator,omitempty"`
	World     string `yaml:"world" json:"world,omitempty"`
	Lever     string `yaml:"lever" json:"lever,omitempty"`
	Towards   string `yaml:"towards" json:"towards,omitempty"`
	Level     string `yaml:"level" json:"level,omitempty"`
	TrustWith string `yaml:"trust-with" json:"trust-with,omitempty"`
	// Stock names a quantity in the model's own state that the effect
	// moves for the seat: capacity or a stockpile (see ModelSpec.Stocks).
	Stock string   `yaml:"stock" json:"stock,omitempty"`
	Add   float64  `yaml:"add" json:"add,omitempty"`
	Set   *float64 `yaml:"set" json:"set,omitempty"`
}

// Deck is the scenario's random events. At the start of each turn after
// the first, one event is drawn with probability Chance, chosen by weight.
type Deck struct {
	Chance float64    `yaml:"chance" json:"chance"`
	Events []EventDef `yaml:"events" json:"events,omitempty"`
}

// EndCondition ends a game before its last turn.
type EndCondition struct {
	// Settlement ends the game when a deal with at least MinClauses
	// clauses is in force between every one of Parties (empty: no early end).
	Settlement Settlement `yaml:"settlement" json:"settlement"`
}

// Settlement describes a comprehensive deal that ends a game.
type Settlement struct {
	Parties    []string `yaml:"parties" json:"parties,omitempty"`
	MinClauses int      `yaml:"min-clauses" json:"min-clauses,omitempty"`
}
