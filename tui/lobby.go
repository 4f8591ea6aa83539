package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

func init() { registerScreen(scrLobby, func(e *env) screen { return &lobbyModel{env: e} }) }

// scrLobby is the room of a served table as a seat sees it: who has
// joined which seat, while the facilitator waits to start the game.
const scrLobby screenID = "lobby"

type lobbyModel struct {
	env  *env
	w, h int
}

func (l *lobbyModel) SetSize(w, h int) { l.w, l.h = w, h }

func (l *lobbyModel) Keys() keyMap                      { return keyMap{} }
func (l *lobbyModel) Update(msg tea.KeyPressMsg) action { return action{} }

func (l *lobbyModel) View() string {
	st := &l.env.st
	s := l.env.sess
	if s == nil || s.public == nil {
		return lipgloss.Place(l.w, l.h, lipgloss.Center, lipgloss.Center, l.env.spin+" Joining the table")
	}
	ps := s.public
	var b strings.Builder
	b.WriteString(st.Title.Render(ps.Title) + "\n\n")
	// A seat sees the lobby only while the game is in setup.
	b.WriteString(st.Subtle.Render(wrap("The room is gathering. The facilitator starts the game when every team is here.", min(l.w, 78)-4)) + "\n\n")
	r := l.env.roster
	nameW := 0
	for i := range ps.Seats {
		nameW = max(nameW, lipgloss.Width(ps.Seats[i].Name))
	}
	for i := range ps.Seats {
		var people []string
		if i < len(r.Seats) {
			people = r.Seats[i]
		}
		who := st.Faint.Render("no one yet")
		if len(people) > 0 {
			who = st.Good.Render("✓ ") + strings.Join(people, ", ")
		}
		if len(s.humans) > 0 && s.humans[0] == i {
			who += st.Subtle.Render("  (your seat)")
		}
		name := st.Seat(i).Bold(true).Render(ps.Seats[i].Name)
		b.WriteString(fit(name, nameW+2) + who + "\n")
	}
	b.WriteString("\n")
	fac := st.Faint.Render("not here yet")
	if len(r.Facilitator) > 0 {
		fac = strings.Join(r.Facilitator, ", ")
	}
	b.WriteString(st.Subtle.Render("Facilitator: ") + fac + "\n")
	b.WriteString(st.Subtle.Render(fmt.Sprintf("Projectors: %d", r.Projectors)) + "\n")
	w := min(l.w, 78)
	body := st.panel("Lobby", b.String(), w, min(l.h, strings.Count(b.String(), "\n")+3), false)
	return lipgloss.Place(l.w, l.h, lipgloss.Center, lipgloss.Center, body)
}
