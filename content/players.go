package content

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// Players resolves the player grammar (ai.ParsePlayer, ai.ParseSeats) to
// players for the seats of one scenario: built-in players, shipped and
// file personalities, shipped and file playbooks. Every command and the
// new-game screen use it, so a name means the same everywhere. Files are
// read once however many seats name them.
type Players struct {
	sc        *game.Scenario
	playbooks map[string]*PlaybookFile
	personas  map[string]*ai.Personality
}

// NewPlayers makes a resolver for a validated scenario.
func NewPlayers(sc *game.Scenario) *Players {
	return &Players{sc: sc, playbooks: map[string]*PlaybookFile{}, personas: map[string]*ai.Personality{}}
}

// ErrUnknownPlayer is a player name the grammar allows but nothing
// answers to: a usage mistake.
var ErrUnknownPlayer = errors.New("no such player")

// PlayerError is a seat's player that cannot be made. Err is
// ErrUnknownPlayer, an *ai.SyntaxError or a difficulty error (usage
// mistakes), a *Error (a personality or playbook file with mistakes, each
// placed in the file) or the error of reading a file.
type PlayerError struct {
	Seat, Player string
	Err          error
}

func (e *PlayerError) Error() string {
	if errors.Is(e.Err, ErrUnknownPlayer) {
		return fmt.Sprintf("unknown player %q for %s %s", e.Player, e.Seat, strings.TrimPrefix(e.Err.Error(), ErrUnknownPlayer.Error()+" "))
	}
	return fmt.Sprintf("%s: %v", e.Player, e.Err)
}

func (e *PlayerError) Unwrap() error { return e.Err }

// Usage reports whether the error is a mistake in how the player was
// named, rather than in a file it names.
func (e *PlayerError) Usage() bool {
	var fe *Error
	return !errors.As(e.Err, &fe) && !errors.Is(e.Err, errReadingFile)
}

var errReadingFile = errors.New("reading the file")

// Player returns a constructor of seat's player as the spec names it,
// at level def unless the spec gives one; the constructor takes the
// game's seed, from which a personality seeds its own generator. A
// person's seat has no player: the constructor is nil. name is how
// results call the player.
func (r *Players) Player(seat int, spec ai.PlayerSpec, def ai.Difficulty) (newPlayer func(seed uint64) ai.Player, name string, err error) {
	id := r.sc.Seats[seat].ID
	fail := func(err error) (func(uint64) ai.Player, string, error) {
		return nil, "", &PlayerError{Seat: id, Player: spec.String(), Err: err}
	}
	if spec.Human {
		return nil, ai.HumanPlayer, nil
	}
	level := def
	if spec.Difficulty != "" {
		d, err := ai.ParseDifficulty(spec.Difficulty)
		if err != nil {
			return fail(err)
		}
		level = d
	}
	if f, ok := ai.Builtin(spec.Player); ok {
		if spec.Difficulty != "" {
			return fail(fmt.Errorf("%s has no level", spec.Player))
		}
		return func(uint64) ai.Player { return f() }, spec.Player, nil
	}
	if ref, ok := strings.CutPrefix(spec.Player, ai.PlaybookPrefix); ok {
		if spec.Difficulty != "" {
			return fail(errors.New("a playbook has no level"))
		}
		pf, ok := r.playbooks[ref]
		if !ok {
			var err error
			if pf, err = ResolvePlaybook(ref); err != nil {
				return fail(fileErr(err))
			}
			r.playbooks[ref] = pf
		}
		f, err := pf.Player(r.sc, id, spec.Player)
		if err != nil {
			return fail(err)
		}
		return func(uint64) ai.Player { return f() }, spec.Player, nil
	}
	file, isFile := strings.CutPrefix(spec.Player, ai.PersonalityPrefix)
	if !isFile && !slices.Contains(PersonalityNames(), spec.Player) {
		return fail(fmt.Errorf("%w (players: %s, %s, personality:FILE, playbook:NAME or playbook:FILE)",
			ErrUnknownPlayer, strings.Join(ai.BuiltinNames(), ", "), strings.Join(PersonalityNames(), ", ")))
	}
	p, ok := r.personas[spec.Player]
	if !ok {
		var err error
		if isFile {
			p, err = LoadPersonalityFile(file)
			err = fileErr(err)
		} else {
			p, err = GetPersonality(spec.Player)
		}
		if err != nil {
			return fail(err)
		}
		r.personas[spec.Player] = p
	}
	name = spec.Player + "@" + level.String()
	ps := r.sc.Public()
	return func(seed uint64) ai.Player { return ai.NewScripted(ps, seat, p, level, seed, name) }, name, nil
}

// fileErr marks the error of reading a named file, so that it is not
// taken for a usage mistake; a file with mistakes is a *Error already.
func fileErr(err error) error {
	var fe *Error
	if err == nil || errors.As(err, &fe) {
		return err
	}
	return fmt.Errorf("%w: %w", errReadingFile, err)
}

// Check resolves every seat's spec once, so that a command refuses a bad
// player before any screen opens or any game runs.
func (r *Players) Check(specs []ai.PlayerSpec, def ai.Difficulty) error {
	for i, s := range specs {
		if _, _, err := r.Player(i, s, def); err != nil {
			return err
		}
	}
	return nil
}
