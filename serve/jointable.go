package serve

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/internal/safetext"
	"github.com/chokepoint-game/chokepoint/tui"
)

// A Place is where a code leads: a seat (by index), the facilitator's
// console or the projector.
type Place struct {
	Role tui.Role
	Seat int // the seat index for RoleSeat
}

// Codes are a table's join codes: one per seat (every seat has one, so
// that a seat the facilitator hands from an AI to people can be joined),
// one for the facilitator and one for the projector. They are kept with
// the game's autosaves so that a resumed game keeps them.
type Codes struct {
	Game        string            `json:"game"`
	Seats       map[string]string `json:"seats"` // seat id → code
	Facilitator string            `json:"facilitator"`
	Projector   string            `json:"projector"`
}

// NewCodes draws fresh codes for every place at a game of the scenario.
func NewCodes(gameID string, sc *game.PublicScenario) *Codes {
	c := &Codes{Game: gameID, Seats: map[string]string{}, Facilitator: NewCode(), Projector: NewCode()}
	for _, s := range sc.Seats {
		c.Seats[s.ID] = NewCode()
	}
	return c
}

// check says whether the codes fit the scenario: one per seat, every
// code a code, none twice.
func (c *Codes) check(sc *game.PublicScenario) error {
	seen := map[string]bool{}
	add := func(what, code string) error {
		n := normalCode(code)
		if n == "" {
			return fmt.Errorf("the code of %s is not a join code", what)
		}
		if seen[n] {
			return fmt.Errorf("the code of %s is used twice", what)
		}
		seen[n] = true
		return nil
	}
	if err := add("the facilitator", c.Facilitator); err != nil {
		return err
	}
	if err := add("the projector", c.Projector); err != nil {
		return err
	}
	for _, s := range sc.Seats {
		if err := add(s.ID, c.Seats[s.ID]); err != nil {
			return err
		}
	}
	if len(c.Seats) != len(sc.Seats) {
		return fmt.Errorf("the codes name %d seats; %s has %d", len(c.Seats), sc.ID, len(sc.Seats))
	}
	return nil
}

// places maps every normalised code to its place.
func (c *Codes) places(sc *game.PublicScenario) map[string]Place {
	m := map[string]Place{
		normalCode(c.Facilitator): {Role: tui.RoleFacilitator, Seat: -1},
		normalCode(c.Projector):   {Role: tui.RoleProjector, Seat: -1},
	}
	for i, s := range sc.Seats {
		m[normalCode(c.Seats[s.ID])] = Place{Role: tui.RoleSeat, Seat: i}
	}
	return m
}

// JoinEntry is one line of the join table: who joins with which code.
type JoinEntry struct {
	Role string `json:"role"`           // seat, facilitator or projector
	Seat string `json:"seat,omitempty"` // the seat's id
	Name string `json:"name"`           // the seat's name, or the role's
	// Player is who plays the seat at the start: human, or the AI.
	Player string `json:"player,omitempty"`
	Code   string `json:"code"`
	// Command is what to type on a laptop to join.
	Command string `json:"command"`
}

// JoinTable is what the instructor hands out: a code per place and the
// command that joins with it.
type JoinTable struct {
	Game     string      `json:"game"`
	Scenario string      `json:"scenario"`
	Address  string      `json:"address"`
	Entries  []JoinEntry `json:"entries"`
}

// joinCommand is the ssh command line that joins addr with code.
func joinCommand(addr, code string) string {
	host, port := addr, "22"
	if i := strings.LastIndex(addr, ":"); i >= 0 {
		host, port = addr[:i], addr[i+1:]
	}
	host = strings.Trim(host, "[]")
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port == "22" {
		return fmt.Sprintf("ssh %s@%s", code, host)
	}
	return fmt.Sprintf("ssh -p %s %s@%s", port, code, host)
}

// Table is the join table of the codes for players at addr; players says
// who plays each seat at the start ("human" or an AI).
func (c *Codes) Table(sc *game.PublicScenario, addr string, players []string) JoinTable {
	t := JoinTable{Game: c.Game, Scenario: sc.ID, Address: addr}
	for i, s := range sc.Seats {
		code := c.Seats[s.ID]
		t.Entries = append(t.Entries, JoinEntry{Role: "seat", Seat: s.ID, Name: s.Name, Player: players[i], Code: code, Command: joinCommand(addr, code)})
	}
	t.Entries = append(t.Entries,
		JoinEntry{Role: "facilitator", Name: "Facilitator", Code: c.Facilitator, Command: joinCommand(addr, c.Facilitator)},
		JoinEntry{Role: "projector", Name: "Projector", Code: c.Projector, Command: joinCommand(addr, c.Projector)})
	return t
}

// Print writes the join table for the instructor's terminal.
func (t JoinTable) Print(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Chokepoint classroom: %s, listening on %s\n\n", safetext.Escape(t.Scenario, false), t.Address)
	nameW := 0
	for _, e := range t.Entries {
		nameW = max(nameW, len([]rune(safetext.Escape(e.Name, false))))
	}
	for _, e := range t.Entries {
		name := safetext.Escape(e.Name, false)
		note := ""
		if e.Player != "" && e.Player != "human" {
			note = "  (AI: " + safetext.Escape(e.Player, false) + ")"
		}
		fmt.Fprintf(&b, "  %-*s  %s   %s%s\n", nameW, name, e.Code, e.Command, note)
	}
	b.WriteString("\nWithout a code in the command (ssh -p PORT HOST), ssh asks for it.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// JSON is the join table as written by --codes-out.
func (t JoinTable) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
