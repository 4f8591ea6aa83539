package tui

import "charm.land/bubbles/v2/key"

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
	// The orders and the composer.
	Reset, Submit, Toggle, AddClause, DelClause key.Binding
	Difficulty                                  key.Binding
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

		Reset:      b("u", "undo changes", "u"),
		Submit:     b("enter", "submit", "enter"),
		Toggle:     b("space", "toggle", "space"),
		AddClause:  b("+", "add clause", "+", "="),
		DelClause:  b("-", "remove clause", "-", "delete"),
		Difficulty: b("d", "difficulty", "d"),
	}
}

// helpKeys is one screen's bindings for the help component: the bottom
// line (short) and the full help (groups).
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }
