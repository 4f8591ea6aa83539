package saves

import "github.com/chokepoint-game/chokepoint/content"

// TurnStart is the number of commands of the log after which turn t
// begins (its first phase); ok is false when the game never reached it.
func (s *Save) TurnStart(t int) (after int, ok bool) {
	for _, c := range s.Checks {
		if c.Turn == t && c.Phase != 0 {
			return c.After, true
		}
	}
	return 0, false
}

// Branch starts a new game from this one as it stood after its first
// `after` commands (TurnStart gives the start of a turn), with the seats
// played as seats says. The branch has a new id, its log is that prefix
// of this one's, and its BranchedFrom records this game's id, the turn
// and the prefix's length. The save must be verified.
func (s *Save) Branch(after int, seats []Seat) (*Save, error) {
	if s.sc == nil {
		return nil, newError(ErrNotRecording, "the save has not been verified, so it cannot be branched")
	}
	if after < 0 || after > len(s.Commands) {
		return nil, newError(ErrNotRecording, "cannot branch after %d commands: the game has %d", after, len(s.Commands))
	}
	src := &content.Source{Scenario: s.sc, Data: s.Copy.Source, Digest: s.Copy.Digest}
	b, err := New(src, s.Seed, seats)
	if err != nil {
		return nil, err
	}
	if err := b.replay(s.Commands[:after]); err != nil {
		return nil, err
	}
	b.BranchedFrom = &Branch{Parent: s.ID, Turn: b.cur.Turn, After: after}
	return b, nil
}
