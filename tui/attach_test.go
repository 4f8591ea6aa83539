package tui

import "testing"

// A served session stays at its table: leaving the game for the title is
// leaving the table, and starting a game of its own (which would run on
// the server and read the server's files) does nothing.
func TestServedActionsStayAtTheTable(t *testing.T) {
	for _, c := range []struct {
		in, want actionKind
	}{
		{actTitle, actQuit},
		{actStart, actNone},
		{actTutorial, actNone},
		{actCommand, actCommand},
		{actQuit, actQuit},
	} {
		if got := servedAction(action{kind: c.in}).kind; got != c.want {
			t.Errorf("action %d in a served session became %d, want %d", c.in, got, c.want)
		}
	}
}

func TestRosterAt(t *testing.T) {
	r := &Roster{Seats: [][]string{{"Aiko", "Ben", "Chen", "Dana", "Eli"}, nil}}
	for i, want := range []string{"Aiko, Ben, Chen +2", "no one yet", "people"} {
		if got := rosterAt(r, i, "people"); got != want {
			t.Errorf("seat %d: %q, want %q", i, got, want)
		}
	}
}
