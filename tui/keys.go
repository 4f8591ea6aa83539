package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// KeyMap is every key binding of the interface. Help, the bottom line and
// the routing all read these bindings, so a key is defined in one place.
type KeyMap struct {
	Up, Down, Left, Right key.Binding
	PageUp, PageDown      key.Binding
	Enter, Back, Tab      key.Binding
	Help, Quit, ForceQuit key.Binding
	Yes, No               key.Binding

	// The game.
	Ready, Orders, Report, Briefing, Why key.Binding
	Accept, Reject, Counter, NewDeal     key.Binding
	Message, Withdraw                    key.Binding
	// A payoff-table game: one key a round, or a run of rounds.
	Move, Repeat key.Binding
	// The orders and the composer.
	Reset, Submit, Toggle, AddClause, DelClause key.Binding
	// The new-game screen.
	Difficulty, Clock key.Binding
	// The briefing.
	Details key.Binding
	// Saves: a named save from a game; deleting one in the load list.
	Save, Delete key.Binding
	// The replay viewer: first and last moment, whose view, branch.
	Home, End, Viewer, Branch key.Binding
	// Chat, on the game screen and the console.
	Chat key.Binding
	// The facilitator's console.
	StartGame, Pause, Extend, SetClock, Advance   key.Binding
	Inject, Override, SwitchSeat, EndGame, Reveal key.Binding
	WriteReport, Projector, Seats, Console        key.Binding
	// The console of a served game: end a person's session.
	RemovePerson key.Binding
}

// DefaultKeyMap is the key map of a normal terminal.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Up:        b("↑/k", "up", "up", "k"),
		Down:      b("↓/j", "down", "down", "j"),
		Left:      b("←/h", "less", "left", "h"),
		Right:     b("→/l", "more", "right", "l"),
		PageUp:    b("pgup", "page up", "pgup"),
		PageDown:  b("pgdn", "page down", "pgdown", "pgdn"),
		Enter:     b("enter", "open / confirm", "enter"),
		Back:      b("esc", "back", "esc"),
		Tab:       b("tab", "next panel", "tab"),
		Help:      b("?", "help", "?"),
		Quit:      b("q", "quit", "q"),
		ForceQuit: b("ctrl+c", "quit", "ctrl+c"),
		Yes:       b("y", "yes", "y", "Y"),
		No:        b("n", "no", "n", "N"),

		Ready:    b("r", "ready", "r"),
		Orders:   b("o", "orders", "o"),
		Report:   b("t", "turn report", "t"),
		Briefing: b("b", "briefing", "b"),
		Why:      b("w", "why", "w"),
		Accept:   b("a", "accept", "a"),
		Reject:   b("x", "reject", "x"),
		Counter:  b("c", "counter", "c"),
		NewDeal:  b("n", "new deal", "n"),
		Message:  b("m", "message", "m"),
		Withdraw: b("W", "withdraw", "W"),

		Move:   b("1-9", "play that choice this round", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Repeat: b("R", "repeat a choice for rounds", "R"),

		Reset:     b("u", "undo changes", "u"),
		Submit:    b("enter", "submit", "enter"),
		Toggle:    b("space", "toggle", "space"),
		AddClause: b("+", "add clause", "+", "="),
		DelClause: b("-", "remove clause", "-", "delete"),

		Difficulty: b("d", "difficulty", "d"),
		Clock:      b("c", "clock on or off", "c"),

		Details: b("d", "details", "d"),

		Save:   b("S", "save the game under a name", "S"),
		Delete: b("d", "delete", "d", "delete"),

		Home:   b("home", "first", "home"),
		End:    b("end", "last", "end"),
		Viewer: b("v", "whose view", "v"),
		Branch: b("B", "branch from this turn", "B"),
		Chat:   b("C", "chat", "C"),

		StartGame:   b("s", "start the game", "s"),
		Pause:       b("p", "pause / resume", "p"),
		Extend:      b("+", "a minute more", "+", "="),
		SetClock:    b("c", "set the clock", "c"),
		Advance:     b("n", "close the phase now", "n"),
		Inject:      b("i", "inject an event", "i"),
		Override:    b("o", "override an indicator", "o"),
		SwitchSeat:  b("a", "person or AI at a seat", "a"),
		EndGame:     b("E", "end the game", "E"),
		Reveal:      b("v", "reveal secret objectives", "v"),
		WriteReport: b("w", "write the after-action report", "w"),
		Projector:   b("P", "projector preview", "P"),
		Seats:       b("g", "give the keyboard to the seats", "g"),
		Console:     b("F", "back to the console", "F"),

		RemovePerson: b("x", "remove a person's session", "x"),
	}
}

// keyMap is one screen's bindings as Bubbles' help reads them: the short
// list the bottom line shows, and the full groups the help overlay lists
// one a line. Every short binding is in a full group too (newKeyMap sees
// to it), so help never leaves out a key the bottom line shows.
type keyMap struct {
	short []key.Binding
	full  [][]key.Binding
	// titles name the full groups in help; a group without one is "On
	// this screen" (the first) or "Also here".
	titles []string
}

// titled is the key map with its full groups named.
func (k keyMap) titled(titles ...string) keyMap {
	k.titles = titles
	return k
}

// ShortHelp is the bottom line's list.
func (k keyMap) ShortHelp() []key.Binding { return k.short }

// FullHelp is the help overlay's groups.
func (k keyMap) FullHelp() [][]key.Binding { return k.full }

// newKeyMap is a screen's key map: the short list, and full groups that
// add the rest. Short bindings no group lists are put in a first group.
func newKeyMap(short []key.Binding, full ...[]key.Binding) keyMap {
	listed := map[string]bool{}
	for _, g := range full {
		for _, b := range g {
			listed[helpID(b)] = true
		}
	}
	var missing []key.Binding
	for _, b := range short {
		if !listed[helpID(b)] {
			missing = append(missing, b)
			listed[helpID(b)] = true
		}
	}
	if len(missing) > 0 {
		full = append(full, missing)
	}
	return keyMap{short: short, full: full}
}

// helpID tells bindings apart by their keys: the same keys listed twice
// (a short description on the bottom line, a longer one in a group) are
// one binding.
func helpID(b key.Binding) string { return strings.Join(b.Keys(), "\x00") }

// withHelp is a binding with the words it shows on one screen.
func withHelp(b key.Binding, keys, desc string) key.Binding {
	b.SetHelp(keys, desc)
	return b
}
