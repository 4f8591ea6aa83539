package ai

import "fmt"

// Difficulty is how well a scripted opponent plays. Harder means better
// play, never more knowledge: every level decides from its seat's view.
type Difficulty uint8

// Difficulties.
const (
	// Easy follows its personality's rules and nothing else.
	Easy Difficulty = iota
	// Normal also tries a few candidate orders and deals two turns ahead
	// with the engine's own forecast and keeps the best for its objectives.
	Normal
	// Hard searches more candidates, further ahead.
	Hard
)

var difficultyNames = [...]string{"easy", "normal", "hard"}

func (d Difficulty) String() string {
	if int(d) < len(difficultyNames) {
		return difficultyNames[d]
	}
	return "difficulty?"
}

// ParseDifficulty reads a difficulty name.
func ParseDifficulty(name string) (Difficulty, error) {
	for i, n := range difficultyNames {
		if n == name {
			return Difficulty(i), nil
		}
	}
	return 0, &UnknownDifficultyError{Name: name}
}

// UnknownDifficultyError is a difficulty name that is not easy, normal or
// hard.
type UnknownDifficultyError struct{ Name string }

func (e *UnknownDifficultyError) Error() string {
	return fmt.Sprintf("unknown difficulty %q (difficulties: easy, normal, hard)", e.Name)
}

// search is how much look-ahead a difficulty does.
type search struct {
	turns     int  // forecast horizon (hard: to the end of the game, see horizon)
	finalists int  // candidates judged over the whole horizon after the one-turn screen
	perSlot   bool // try each target of a lever on its own, not only all together
	refine    bool // combine the best single changes in a second pass
}

func (d Difficulty) search() search {
	switch d {
	case Normal:
		return search{turns: 2, finalists: 4}
	case Hard:
		return search{finalists: 10, perSlot: true, refine: true}
	}
	return search{}
}
