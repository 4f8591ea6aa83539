package ai

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// The one grammar for naming who plays a seat, shared by every command
// (play --ai, sim --seats, serve --seats) and the new-game screen:
//
//	SEAT=PLAYER[,SEAT=PLAYER...]      SEAT is a seat id, or all for every seat not named
//	PLAYER  human                     a person
//	        passive                   keeps its policy, rejects every proposal
//	        NAME[@LEVEL]              a shipped personality (hawk, opportunist@hard, ...)
//	        personality:FILE[@LEVEL]  a personality file
//	        playbook:NAME | playbook:FILE
//	LEVEL   easy | normal | hard
//
// This file parses it; content resolves the names to players.

// Prefixes of the player grammar.
const (
	PlaybookPrefix    = "playbook:"
	PersonalityPrefix = "personality:"
	HumanPlayer       = "human"
	AllSeats          = "all"
)

// PlayerSpec is who plays one seat: a person, or an AI named in the
// player grammar.
type PlayerSpec struct {
	Human bool
	// Player names the AI: a built-in or personality name,
	// personality:FILE, or playbook:NAME or playbook:FILE.
	Player string
	// Difficulty is easy, normal or hard; "" leaves it to the default.
	Difficulty string
}

// String writes the spec back in the grammar.
func (s PlayerSpec) String() string {
	switch {
	case s.Human:
		return HumanPlayer
	case s.Difficulty != "":
		return s.Player + "@" + s.Difficulty
	}
	return s.Player
}

// IsPlaybook reports whether the spec names a playbook, which has no
// level.
func (s PlayerSpec) IsPlaybook() bool { return strings.HasPrefix(s.Player, PlaybookPrefix) }

// ErrPlayerSyntax marks a player or seat list that does not follow the
// grammar: a usage mistake.
var ErrPlayerSyntax = errors.New("not in the player grammar")

// SyntaxError says what is wrong with one entry.
type SyntaxError struct {
	Entry string
	Msg   string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%q: %s", e.Entry, e.Msg) }

// Unwrap makes errors.Is(err, ErrPlayerSyntax) hold.
func (e *SyntaxError) Unwrap() error { return ErrPlayerSyntax }

// ParsePlayer reads one PLAYER of the grammar. It checks the form, not
// whether a personality or playbook of that name exists (content does).
func ParsePlayer(s string) (PlayerSpec, error) {
	s = strings.TrimSpace(s)
	bad := func(format string, args ...any) (PlayerSpec, error) {
		return PlayerSpec{}, &SyntaxError{Entry: s, Msg: fmt.Sprintf(format, args...)}
	}
	if s == "" {
		return bad("a player is needed")
	}
	if s == HumanPlayer {
		return PlayerSpec{Human: true}, nil
	}
	if name, ok := strings.CutPrefix(s, PlaybookPrefix); ok {
		if name == "" {
			return bad("playbook: needs a name or a file")
		}
		return PlayerSpec{Player: s}, nil
	}
	name, level, leveled := s, "", false
	if i := strings.LastIndex(s, "@"); i >= 0 {
		name, level, leveled = s[:i], s[i+1:], true
	}
	if leveled {
		if level == "" {
			return bad("the level after @ is missing (easy, normal or hard)")
		}
		if _, err := ParseDifficulty(level); err != nil {
			return bad("%v", err)
		}
	}
	switch {
	case name == HumanPlayer:
		return bad("a person has no level")
	case name == "":
		return bad("a player is needed before @")
	case strings.HasPrefix(name, PersonalityPrefix) && len(name) == len(PersonalityPrefix):
		return bad("personality: needs a file")
	}
	if _, builtin := Builtin(name); builtin && leveled {
		return bad("%s has no level", name)
	}
	return PlayerSpec{Player: name, Difficulty: level}, nil
}

// ParseSeats reads SEAT=PLAYER lists (each value may hold several,
// separated by commas) into one spec per seat of the scenario. A seat
// named twice is a mistake; all=PLAYER covers every seat not named; the
// rest get def.
func ParseSeats(ps *game.PublicScenario, values []string, def PlayerSpec) ([]PlayerSpec, error) {
	named := map[string]PlayerSpec{}
	var order []string
	for _, v := range values {
		for entry := range strings.SplitSeq(v, ",") {
			entry = strings.TrimSpace(entry)
			if entry == "" {
				continue
			}
			seat, player, ok := strings.Cut(entry, "=")
			seat = strings.TrimSpace(seat)
			if !ok || seat == "" {
				return nil, &SyntaxError{Entry: entry, Msg: "write SEAT=PLAYER"}
			}
			if _, known := ps.SeatIndex(seat); !known && seat != AllSeats {
				return nil, &SyntaxError{Entry: entry, Msg: fmt.Sprintf("%s has no seat %q (seats: %s)", ps.ID, seat, seatList(ps))}
			}
			if _, dup := named[seat]; dup {
				return nil, &SyntaxError{Entry: entry, Msg: fmt.Sprintf("seat %q is given twice", seat)}
			}
			spec, err := ParsePlayer(player)
			if err != nil {
				var se *SyntaxError
				if errors.As(err, &se) {
					se.Entry = entry
				}
				return nil, err
			}
			named[seat] = spec
			order = append(order, seat)
		}
	}
	if all, ok := named[AllSeats]; ok {
		def = all
	}
	out := make([]PlayerSpec, len(ps.Seats))
	for i, s := range ps.Seats {
		out[i] = def
		if spec, ok := named[s.ID]; ok {
			out[i] = spec
		}
	}
	return out, nil
}

func seatList(ps *game.PublicScenario) string {
	ids := make([]string, len(ps.Seats))
	for i, s := range ps.Seats {
		ids[i] = s.ID
	}
	return strings.Join(ids, ", ")
}

// SameSeat reports whether values name seat (by id) explicitly, for a
// command that gives a seat to a person by another flag.
func SameSeat(values []string, seat string) bool {
	for _, v := range values {
		for entry := range strings.SplitSeq(v, ",") {
			s, _, _ := strings.Cut(strings.TrimSpace(entry), "=")
			if strings.TrimSpace(s) == seat {
				return true
			}
		}
	}
	return slices.Contains(values, seat)
}
