package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// SeatSpec says who plays a seat.
type SeatSpec struct {
	Human bool
	// Player names the AI: a built-in personality, or playbook:NAME for a
	// shipped playbook or playbook file.
	Player string
	// Difficulty is easy, normal or hard ("" is normal).
	Difficulty string
}

func (s SeatSpec) String() string {
	if s.Human {
		return "human"
	}
	d := s.Difficulty
	if d == "" {
		d = "normal"
	}
	return s.Player + "@" + d
}

// GameSpec is a game to start: a scenario, a seed and a player per seat.
type GameSpec struct {
	Scenario *game.Scenario
	Seed     uint64
	Seats    []SeatSpec
	// NoClock turns the negotiation clock off; Clock turns it on where it
	// is off by default (the tutorial, hot seat). See clockOff.
	NoClock bool
	Clock   bool
}

// Difficulties are the AI difficulty names, easiest first.
var Difficulties = []string{"easy", "normal", "hard"}

// PlaybookPrefix marks a playbook in a player name.
const PlaybookPrefix = "playbook:"

// Personalities lists the AI personalities a seat may be given, the
// default first: the shipped personalities, then the built-in players.
func Personalities() []string {
	names := content.PersonalityNames()
	for _, b := range ai.BuiltinNames() {
		if !slices.Contains(names, b) {
			names = append(names, b)
		}
	}
	for _, pref := range []string{"opportunist", "tit-for-tat", "dove", "hawk"} {
		if k := slices.Index(names, pref); k > 0 {
			names = append([]string{pref}, slices.Delete(names, k, k+1)...)
			break
		}
	}
	return names
}

// PlayerError is a seat's player that cannot be made.
type PlayerError struct {
	Seat, Player string
	Err          error
}

func (e *PlayerError) Error() string {
	return fmt.Sprintf("seat %s: player %q: %v", e.Seat, e.Player, e.Err)
}

func (e *PlayerError) Unwrap() error { return e.Err }

// newPlayer makes the AI player of one seat for a game with the given
// seed (a personality seeds its own generator from it).
func newPlayer(sc *game.Scenario, seat int, spec SeatSpec, seed uint64) (ai.Player, error) {
	id := sc.Seats[seat].ID
	level := ai.Normal
	if spec.Difficulty != "" {
		d, err := ai.ParseDifficulty(spec.Difficulty)
		if err != nil {
			return nil, &PlayerError{id, spec.Player, err}
		}
		level = d
	}
	if slices.Contains(content.PersonalityNames(), spec.Player) {
		p, err := content.GetPersonality(spec.Player)
		if err != nil {
			return nil, &PlayerError{id, spec.Player, err}
		}
		f, err := content.PersonalityPlayer(sc, id, p, level, spec.Player)
		if err != nil {
			return nil, &PlayerError{id, spec.Player, err}
		}
		return f(seed), nil
	}
	if name, ok := strings.CutPrefix(spec.Player, PlaybookPrefix); ok {
		pb, err := content.ResolvePlaybook(name)
		if err != nil {
			return nil, &PlayerError{id, spec.Player, err}
		}
		f, err := pb.Player(sc, id, spec.Player)
		if err != nil {
			return nil, &PlayerError{id, spec.Player, err}
		}
		return f(), nil
	}
	f, ok := ai.Builtin(spec.Player)
	if !ok {
		return nil, &PlayerError{id, spec.Player, fmt.Errorf("no such personality (personalities: %s; or playbook:NAME)", strings.Join(Personalities(), ", "))}
	}
	return f(), nil
}

// ParseSeats reads "SEAT=PLAYER[@DIFFICULTY],..." into one spec per
// seat: human for the seat named you, AI for those named, and the default
// personality for the rest.
func ParseSeats(sc *game.Scenario, you string, values []string) ([]SeatSpec, error) {
	specs := make([]SeatSpec, len(sc.Seats))
	def := Personalities()[0]
	found := false
	for i, s := range sc.Seats {
		specs[i] = SeatSpec{Player: def}
		if s.ID == you {
			specs[i] = SeatSpec{Human: true}
			found = true
		}
	}
	if !found {
		return nil, fmt.Errorf("no seat %q in %s (seats: %s)", you, sc.ID, strings.Join(seatIDs(sc), ", "))
	}
	for _, v := range values {
		for entry := range strings.SplitSeq(v, ",") {
			entry = strings.TrimSpace(entry)
			if entry == "" {
				continue
			}
			seat, player, ok := strings.Cut(entry, "=")
			if !ok || seat == "" || player == "" {
				return nil, fmt.Errorf("%q is not SEAT=PERSONALITY[@DIFFICULTY]", entry)
			}
			k := slices.Index(seatIDs(sc), seat)
			if k < 0 {
				return nil, fmt.Errorf("no seat %q in %s (seats: %s)", seat, sc.ID, strings.Join(seatIDs(sc), ", "))
			}
			spec := SeatSpec{Player: player}
			if player == "human" {
				spec = SeatSpec{Human: true}
			} else if p, d, ok := strings.Cut(player, "@"); ok && !strings.HasPrefix(player, PlaybookPrefix) {
				spec = SeatSpec{Player: p, Difficulty: d}
			}
			specs[k] = spec
		}
	}
	for i, s := range specs {
		if s.Human {
			continue
		}
		if _, err := newPlayer(sc, i, s, 0); err != nil {
			return nil, err
		}
	}
	return specs, nil
}

func seatIDs(sc *game.Scenario) []string {
	out := make([]string, len(sc.Seats))
	for i, s := range sc.Seats {
		out[i] = s.ID
	}
	return out
}
