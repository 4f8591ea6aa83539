// Package saves keeps games on disk: one versioned JSON format that holds
// everything needed to rebuild a game exactly (a copy of its scenario, the
// seed, the command log) and the state hash after every phase, so that
// loading replays the log and refuses a save that does not reproduce its
// game; and a store of such files in the user's data directory, written
// atomically, with autosaves pruned per game.
//
// The engine is deterministic, so a save holds commands, never states: a
// state is what the engine makes of the scenario, the seed and the log.
package saves

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// Format is the identifier every save starts with.
const Format = "chokepoint-save"

// Version is the format version this program writes. Older versions are
// migrated when read (see migrate.go); newer ones are refused.
const Version = 1

// MaxSize is the largest save file read. A classroom game of a few
// thousand commands with the largest scenario allowed (1 MiB) stays well
// under it; a file over it is refused before it is parsed.
const MaxSize = 32 << 20

// ProgramVersion is the program's version, written into every save and
// compared with a save's own when that save cannot be loaded, so that a
// save from a newer program is refused saying so. The command line sets
// it at start; "dev" is never newer or older than anything.
var ProgramVersion = "dev"

// Save is one game on disk, or on its way there. A Save made by New,
// FromLog or Verify (and so Load and Read) knows its scenario and the
// state after its commands, and can record further commands; one made by
// Decode alone is only data until verified.
type Save struct {
	// ID names the game: random at creation, kept by every save and
	// autosave of the game, and new for a branch. Lower-case hex.
	ID string
	// Name is the name a person gave the save; empty for autosaves of an
	// unnamed game.
	Name    string
	Created time.Time
	Updated time.Time
	// Program is the version of the program that wrote the save.
	Program string
	// BranchedFrom is set when the game was branched from another.
	BranchedFrom *Branch
	// Copy is the scenario as the game was played on it.
	Copy ScenarioCopy
	Seed uint64
	// Seats says who played each seat, in the scenario's seat order.
	Seats []Seat
	// Commands is the log: every command the engine accepted, in order.
	Commands []game.Command
	// Checks holds the state hash at the start, after every phase change
	// and after the last command, in order.
	Checks []Check

	sc  *game.Scenario // nil until the save is verified or built here
	cur game.State     // the state after Commands, once sc is known
}

// ScenarioCopy is the scenario of a saved game: its id, the digest of its
// text (content.SourceDigest) and the text itself.
type ScenarioCopy struct {
	ID     string
	Digest string
	Source []byte
}

// Seat is who played one seat. Player is written as the command line
// writes players: "human", a personality with its level ("hawk@hard"),
// "personality:FILE@normal", "playbook:embargo", "passive". Person is the
// name of the person at the seat, when one played it and gave a name.
type Seat struct {
	Seat   string `json:"seat"`
	Player string `json:"player"`
	Person string `json:"person,omitempty"`
}

// Branch says where a branched game came from: the parent game's id, and
// the turn and number of commands of the parent at which it branched (the
// branch's log starts with those commands).
type Branch struct {
	Parent string `json:"parent"`
	Turn   int    `json:"turn"`
	After  int    `json:"after"`
}

// Check is the state hash (game.Hash) after the first After commands of
// the log, with the turn and phase of that state.
type Check struct {
	After int        `json:"after"`
	Turn  int        `json:"turn"`
	Phase game.Phase `json:"phase"`
	Hash  string     `json:"hash"`
}

// samePlace reports whether two checks are at the same turn and phase:
// the last check of a log is only a phase change when it is not at the
// same place as the one before.
func samePlace(a, b Check) bool { return a.Turn == b.Turn && a.Phase == b.Phase }

// NewID returns a new random game id: 16 hex digits from crypto/rand. The
// id is not part of the game (no state depends on it), so it need not
// come from the game's seeded generator.
func NewID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b[:])
}

// now is the time written as Created and Updated: UTC, to the millisecond.
var now = func() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

// New begins the save of a new game of the scenario src, with the seed
// and who plays each seat (one Seat per scenario seat, in order). The
// save then records the game's commands with Record.
func New(src *content.Source, seed uint64, seats []Seat) (*Save, error) {
	if src == nil || src.Scenario == nil {
		return nil, newError(ErrScenario, "no scenario")
	}
	sc := src.Scenario
	if err := checkSeats(sc, seats); err != nil {
		return nil, err
	}
	st, err := game.NewGame(sc, seed)
	if err != nil {
		return nil, newError(ErrScenario, "scenario %s: %v", sc.ID, err)
	}
	t := now()
	s := &Save{
		ID: NewID(), Created: t, Updated: t, Program: ProgramVersion,
		Copy:  ScenarioCopy{ID: sc.ID, Digest: content.SourceDigest(src.Data), Source: slices.Clone(src.Data)},
		Seed:  seed,
		Seats: slices.Clone(seats),
		sc:    sc, cur: st,
		Checks: []Check{{After: 0, Turn: st.Turn, Phase: st.Phase, Hash: game.Hash(st)}},
	}
	s.Commands = []game.Command{}
	return s, nil
}

// FromLog makes the save of a game that was played without one (by the
// simulator, say): it replays the log on src to work out the checks. The
// log must be of src's scenario.
func FromLog(src *content.Source, log game.Log, seats []Seat) (*Save, error) {
	if src != nil && src.Scenario != nil && log.Scenario != src.Scenario.ID {
		return nil, newError(ErrScenario, "the log is of scenario %s, not %s", log.Scenario, src.Scenario.ID)
	}
	s, err := New(src, log.Seed, seats)
	if err != nil {
		return nil, err
	}
	if err := s.replay(log.Commands); err != nil {
		return nil, err
	}
	return s, nil
}

// replay records cmds after the save's present state.
func (s *Save) replay(cmds []game.Command) error {
	st := s.cur
	for i, c := range cmds {
		next, _, err := game.Apply(st, c)
		if err != nil {
			return newError(ErrMismatch, "command %d (%s by %s) is refused: %v", len(s.Commands)+1, c.Kind, c.Seat, err)
		}
		st = next
		if err := s.Record(cmds[i], st); err != nil {
			return err
		}
	}
	return nil
}

// Record adds a command the engine accepted, with the state it led to.
// The caller that owns the game calls it after every accepted command, on
// the goroutine that applies them; a phase change costs one state hash,
// any other command nothing but the append.
func (s *Save) Record(c game.Command, after game.State) error {
	if s.sc == nil {
		return newError(ErrNotRecording, "the save has not been verified, so it cannot record commands")
	}
	if after.Seq != s.cur.Seq+1 {
		return newError(ErrNotRecording, "the state after command %d is %d commands into its game: a command was missed or recorded twice", len(s.Commands)+1, after.Seq)
	}
	// A last check that marks only the end of the log (not a phase
	// change) goes: the log is about to have a new end.
	if k := len(s.Checks); k >= 2 && samePlace(s.Checks[k-1], s.Checks[k-2]) {
		s.Checks = s.Checks[:k-1]
	}
	s.Commands = append(s.Commands, c)
	if after.Turn != s.cur.Turn || after.Phase != s.cur.Phase {
		s.Checks = append(s.Checks, Check{After: len(s.Commands), Turn: after.Turn, Phase: after.Phase, Hash: game.Hash(after)})
	}
	s.cur = after
	return nil
}

// Snapshot returns a copy of the save as it is now, for writing on
// another goroutine while the game goes on: later Records do not change
// it. It is cheap (the log is shared, not copied).
func (s *Save) Snapshot() *Save {
	c := *s
	c.Commands = slices.Clip(s.Commands)
	c.Seats = slices.Clone(s.Seats)
	c.Checks = slices.Clone(s.Checks)
	if s.BranchedFrom != nil {
		b := *s.BranchedFrom
		c.BranchedFrom = &b
	}
	return &c
}

// sealed returns the checks with one at the end of the log, computing
// its hash when the last command was not a phase change.
func (s *Save) sealed() ([]Check, error) {
	k := len(s.Checks)
	if k > 0 && s.Checks[k-1].After == len(s.Commands) {
		return s.Checks, nil
	}
	if s.sc == nil {
		return nil, newError(ErrNotRecording, "the save's checks stop before the end of its log")
	}
	return append(slices.Clip(s.Checks), Check{After: len(s.Commands), Turn: s.cur.Turn, Phase: s.cur.Phase, Hash: game.Hash(s.cur)}), nil
}

// Scenario is the scenario the game is played on; nil until the save is
// verified. A shipped scenario is shared by every save of this process
// that was played on it: read it, never change it.
func (s *Save) Scenario() *game.Scenario { return s.sc }

// State is the state after the save's commands; the zero State until the
// save is verified.
func (s *Save) State() game.State { return s.cur }

// Verified reports whether the save knows its scenario and state: it was
// built here or has passed Verify.
func (s *Save) Verified() bool { return s.sc != nil }

// Log is the save's game as the engine's log.
func (s *Save) Log() game.Log {
	return game.Log{Scenario: s.Copy.ID, Seed: s.Seed, Commands: s.Commands}
}

// Turn and Phase say where the game stands after its last command, read
// from the checks (so they work on a save that is only decoded).
func (s *Save) Turn() int {
	if len(s.Checks) == 0 {
		return 0
	}
	return s.Checks[len(s.Checks)-1].Turn
}

// Phase: see Turn.
func (s *Save) Phase() game.Phase {
	if len(s.Checks) == 0 {
		return game.Setup
	}
	return s.Checks[len(s.Checks)-1].Phase
}

// checkSeats requires one Seat per scenario seat, in the scenario's order,
// each with a player.
func checkSeats(sc *game.Scenario, seats []Seat) error {
	if len(seats) != len(sc.Seats) {
		return newError(ErrCorrupt, "%d seats for the %d of scenario %s (%s)", len(seats), len(sc.Seats), sc.ID, seatIDs(sc))
	}
	for i, s := range seats {
		if s.Seat != sc.Seats[i].ID {
			return newError(ErrCorrupt, "seat %d is %q, but scenario %s's seat %d is %q (seats: %s)", i+1, s.Seat, sc.ID, i+1, sc.Seats[i].ID, seatIDs(sc))
		}
		if err := checkSeat(s); err != nil {
			return err
		}
	}
	return nil
}

// checkSeat requires a player, and text a terminal may show as it is: a
// seat's fields end up in lists and on screens.
func checkSeat(s Seat) error {
	if s.Player == "" {
		return newError(ErrCorrupt, "seat %s has no player", clip(s.Seat, 40))
	}
	for _, f := range []struct{ what, text string }{{"id", s.Seat}, {"player", s.Player}, {"person", s.Person}} {
		if p := safetext.Check(f.text, false); p != nil {
			return newError(ErrCorrupt, "seat %s: the %s %s", clip(s.Seat, 40), f.what, p.Error())
		}
	}
	return nil
}

func seatIDs(sc *game.Scenario) string {
	out := ""
	for i, s := range sc.Seats {
		if i > 0 {
			out += ", "
		}
		out += s.ID
	}
	return out
}

// String sums the save up for logs and tests.
func (s *Save) String() string {
	return fmt.Sprintf("save %s of %s, seed %d, %d commands, turn %d, %s", s.ID, s.Copy.ID, s.Seed, len(s.Commands), s.Turn(), s.Phase())
}
