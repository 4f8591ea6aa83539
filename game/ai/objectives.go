package ai

import (
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// cond is an objective the AI weighs: the engine's compiled condition,
// evaluated with the engine's own code, with what the AI says of it.
type cond struct {
	game.Condition
	id     string
	text   string
	points float64
	holder int
}

// holds evaluates the objective in a position.
func (c *cond) holds(p *game.Position) bool { return c.Condition.Holds(p) }

// short is the objective's text cut to its first sentence, for an
// explanation.
func (c *cond) short() string {
	t, _, _ := strings.Cut(c.text, ". ")
	if t == "" {
		return c.id
	}
	return strings.TrimSuffix(strings.ToLower(t[:1])+t[1:], ".")
}
