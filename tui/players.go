package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/saves"
)

// GameSpec is a game to start: a scenario, a seed and a player per seat.
type GameSpec struct {
	Scenario *game.Scenario
	Seed     uint64
	Seats    []ai.PlayerSpec
	// NoClock turns the negotiation clock off; Clock turns it on where it
	// is off by default (the tutorial, hot seat). See clockOff.
	NoClock bool
	Clock   bool
	// Pace has each AI seat take this long over a decision, so that a
	// game of AI seats can be followed (a facilitated one at one
	// terminal); 0 for none.
	Pace time.Duration
	// Source is the scenario's text, which a save keeps a copy of; nil
	// looks a shipped scenario up by its id.
	Source *content.Source
	// Save, when set, is the game to carry on: a loaded save, whose log
	// the table replays and whose autosaves go on, or a new branch.
	Save *saves.Save
}

// Difficulties are the AI difficulty names, easiest first.
var Difficulties = []string{"easy", "normal", "hard"}

// PlayerDescriptions is each player's one-line description: the shipped
// personalities' own, and the built-in players'.
func PlayerDescriptions() map[string]string {
	out := map[string]string{"passive": "Never proposes, answers or moves a lever: the seat keeps its starting policy all game."}
	for _, p := range content.ShippedPersonalities() {
		if p.Err == nil {
			out[p.Name] = p.Description
		}
	}
	return out
}

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

// DefaultPlayer is who plays a seat nobody named: the first of
// Personalities, at the default level.
func DefaultPlayer() ai.PlayerSpec { return ai.PlayerSpec{Player: Personalities()[0]} }

// ParseSeats gives seat you to a person and reads the others from
// SEAT=PLAYER lists in the player grammar (ai.ParseSeats); seats not named
// play DefaultPlayer. Naming you there too is a contradiction. Every AI is
// checked, so that a bad name is refused before any screen opens.
func ParseSeats(sc *game.Scenario, you string, values []string) ([]ai.PlayerSpec, error) {
	ps := sc.Public()
	me, ok := ps.SeatIndex(you)
	if !ok {
		return nil, &ai.SyntaxError{Entry: you, Msg: fmt.Sprintf("%s has no seat %q (seats: %s)", sc.ID, you, seatIDs(sc))}
	}
	if ai.SameSeat(values, you) {
		return nil, &ai.SyntaxError{Entry: you, Msg: fmt.Sprintf("you play %s: leave it out of the AI seats", you)}
	}
	specs, err := ai.ParseSeats(ps, values, DefaultPlayer())
	if err != nil {
		return nil, err
	}
	specs[me] = ai.PlayerSpec{Human: true}
	if err := content.NewPlayers(sc).Check(specs, ai.Normal); err != nil {
		return nil, err
	}
	return specs, nil
}

func seatIDs(sc *game.Scenario) string {
	out := make([]string, len(sc.Seats))
	for i, s := range sc.Seats {
		out[i] = s.ID
	}
	return strings.Join(out, ", ")
}

// SpecOfSave is the game a loaded (verified) save holds, to carry on with
// the players it records. A save in which no seat is a person's (a
// simulated game) cannot be carried on as it is: it must be branched with
// a seat given to someone.
func SpecOfSave(s *saves.Save) (GameSpec, error) {
	sc := s.Scenario()
	if sc == nil {
		return GameSpec{}, errors.New("the save has not been verified")
	}
	seats := make([]ai.PlayerSpec, len(s.Seats))
	human := false
	for i, seat := range s.Seats {
		p, err := ai.ParsePlayer(seat.Player)
		if err != nil {
			return GameSpec{}, fmt.Errorf("seat %s: %w", seat.Seat, err)
		}
		seats[i] = p
		human = human || p.Human
	}
	// A facilitator's switches (people to an AI, or back) are in the log:
	// the game goes on with the players as they last stood.
	for _, c := range s.Commands {
		if c.Kind != game.CmdPlayer {
			continue
		}
		i := slices.IndexFunc(s.Seats, func(x saves.Seat) bool { return x.Seat == c.Target })
		if p, err := ai.ParsePlayer(c.Text); err == nil && i >= 0 {
			seats[i] = p
		}
	}
	human = slices.ContainsFunc(seats, func(p ai.PlayerSpec) bool { return p.Human })
	if !human {
		return GameSpec{}, fmt.Errorf("no seat of this game is played by a person: branch it with a seat of your own (chokepoint play --load FILE --from-turn %d --seat SEAT)", max(1, s.Turn()))
	}
	if err := content.NewPlayers(sc).Check(seats, ai.Normal); err != nil {
		return GameSpec{}, err
	}
	return GameSpec{Scenario: sc, Seed: s.Seed, Seats: seats, Save: s}, nil
}

// SaveSeats are the players of a game as a save records them.
func SaveSeats(sc *game.Scenario, specs []ai.PlayerSpec) []saves.Seat {
	out := make([]saves.Seat, len(specs))
	for i, p := range specs {
		out[i] = saves.Seat{Seat: sc.Seats[i].ID, Player: p.String()}
	}
	return out
}

// SaveScenario is the scenario of a verified save, for reading its seats
// (to reassign them for a branch).
func SaveScenario(s *saves.Save) *game.Scenario { return s.Scenario() }

// BranchSpec starts a new game from a save as it stood at the start of
// turn, with the seats played as specs says: a new save (BranchedFrom
// says where it came from) whose log is the save's up to that point.
func BranchSpec(s *saves.Save, turn int, specs []ai.PlayerSpec) (GameSpec, error) {
	sc := s.Scenario()
	if sc == nil {
		return GameSpec{}, errors.New("the save has not been verified")
	}
	after, ok := s.TurnStart(turn)
	if !ok {
		return GameSpec{}, fmt.Errorf("the game never reached turn %d (it stands at turn %d)", turn, s.Turn())
	}
	if !slices.ContainsFunc(specs, func(p ai.PlayerSpec) bool { return p.Human }) {
		return GameSpec{}, errors.New("at least one seat must be played by a person")
	}
	if err := content.NewPlayers(sc).Check(specs, ai.Normal); err != nil {
		return GameSpec{}, err
	}
	b, err := s.Branch(after, SaveSeats(sc, specs))
	if err != nil {
		return GameSpec{}, err
	}
	return GameSpec{Scenario: sc, Seed: s.Seed, Seats: specs, Save: b}, nil
}

// ParseFacilitatedSeats reads every seat's player from SEAT=PLAYER
// lists, for a game the terminal facilitates: seats not named play
// DefaultPlayer; a human seat is played at this keyboard (hot seat).
func ParseFacilitatedSeats(sc *game.Scenario, values []string) ([]ai.PlayerSpec, error) {
	specs, err := ai.ParseSeats(sc.Public(), values, DefaultPlayer())
	if err != nil {
		return nil, err
	}
	if err := content.NewPlayers(sc).Check(specs, ai.Normal); err != nil {
		return nil, err
	}
	return specs, nil
}
