// Package game is Chokepoint's engine: a pure, deterministic state machine
// that knows the rules of the game and nothing of terminals, files,
// networks or clocks.
//
// A game is a validated Scenario, a seed and a log of Commands. NewGame
// sets one up; Apply takes a State and a Command and returns the next
// State and the Events it caused, or a typed error (see errors.go) that
// says why the command is not allowed now. States are values: Apply never
// changes the state it is given. Replay rebuilds a game from its log and
// Hash digests a state, so a replayed game can be checked step by step.
//
// The rules live here, once: the phases and their transitions (phase.go),
// who still owes an action (Owes), what a deal awaits (Deal.Awaits), when
// a deal binds and expires (Deal.Binds), whether an objective holds
// (Condition.Holds), whether a deal would end the game (Settles). Clients
// never re-derive them.
//
// Clients see a game only through a View (ViewFor): a seat sees its own
// secrets and nothing of another's; the spectator, the facilitator and
// the omniscient analyst have views of their own. Every view carries the
// PublicScenario, with the names, levers, indicators and texts a client
// shows.
//
// The economics are a plug-in: a Model registered with RegisterModel
// declares its lever kinds, indicators and parameters in a ModelSpec and
// keeps its own state in State.Model. The engine core holds no model's
// words; game/econ (the rare-earth economy) and game/payoff (a payoff
// table) are the shipped models. Forecast runs a model ahead on a copy of
// what a view shows: the same code as resolution.
package game
