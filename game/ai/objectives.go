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
	// secret objectives are never quoted to another seat.
	secret bool
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

// firstPerson turns an objective's text, written to the seat that holds
// it ("the US tariff on your goods"), into the seat's own words for a
// note to another seat ("the US tariff on our goods"): read by the other
// seat, "your" would mean the reader's.
func firstPerson(s string) string {
	ws := strings.Split(s, " ")
	for k, w := range ws {
		core := strings.TrimRight(w, ".,;:!?")
		tail := w[len(core):]
		var to string
		switch strings.ToLower(core) {
		case "your":
			to = "our"
		case "yours":
			to = "ours"
		case "yourself":
			to = "ourselves"
		case "you":
			to = "we"
			if k > 0 {
				switch strings.ToLower(ws[k-1]) {
				case "to", "towards", "on", "for", "with", "against", "from", "by", "of", "at", "than":
					to = "us"
				}
			}
		default:
			continue
		}
		if core != "" && core[0] >= 'A' && core[0] <= 'Z' {
			to = strings.ToUpper(to[:1]) + to[1:]
		}
		ws[k] = to + tail
	}
	return strings.Join(ws, " ")
}
