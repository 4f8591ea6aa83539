package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

// Roster is who is at a served table: the people at each seat, in seat
// order, then at the facilitator's console and the projector. Only the
// server knows it (the table knows seats, not people); it sends a
// RosterMsg to every session whenever it changes.
type Roster struct {
	Seats       [][]string
	Facilitator []string
	Projectors  int
}

// RosterMsg tells a served session who is at the table now.
type RosterMsg Roster

// rostered takes the server's news of who is at the table.
func (m *Model) rostered(msg RosterMsg) tea.Cmd {
	m.env.roster = Roster(msg)
	return nil
}

// routeLobby shows a seat joined to a served table the lobby, where its
// team sees who has joined, until the facilitator starts the game; it
// reports whether it did. After the start the seat's screens take over
// (the briefing first).
func (m *Model) routeLobby() bool {
	if m.opts.Join == nil || m.opts.Role != RoleSeat {
		return false
	}
	v := m.env.view()
	if v == nil {
		return false
	}
	if v.Phase == game.Setup {
		if m.cur != scrLobby && m.overlay == ovNone {
			m.showScreen(scrLobby, action{})
		}
		return true
	}
	if m.cur == scrLobby {
		m.cur = scrLoading
	}
	return false
}

// servedAction keeps a served session at its table: it may not open the
// title screen or start games of its own (those would run on the server,
// and the setup screen reads the server's files), so leaving the game
// for the title is leaving the table.
func servedAction(a action) action {
	switch a.kind {
	case actTitle:
		return action{kind: actQuit}
	case actStart, actTutorial:
		return action{}
	}
	return a
}

// rosterAt names the people at seat i of a served table, the first few
// and how many more, or says none when the server sent no roster.
func rosterAt(r *Roster, i int, none string) string {
	if i >= len(r.Seats) {
		return none
	}
	names := r.Seats[i]
	switch {
	case len(names) == 0:
		return "no one yet"
	case len(names) > 3:
		return strings.Join(names[:3], ", ") + fmt.Sprintf(" +%d", len(names)-3)
	}
	return strings.Join(names, ", ")
}
