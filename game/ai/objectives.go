package ai

import (
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// cond is an objective compiled to indices, so that the AI can test it on
// a forecast. The engine keeps its own compiled objectives private; these
// are read from the same public scenario fields (and the seat's own
// secret pool) and follow the same rules as the engine's scoring.
type cond struct {
	id        string
	text      string
	holder    int
	kind      condKind
	everyTurn bool
	atLeast   bool
	seat      int
	ind       game.Indicator
	world     game.WorldIndicator
	lever     int
	slot      int
	level     int
	dealWith  int
	value     float64
	points    float64
}

type condKind uint8

const (
	condIndicator condKind = iota
	condWorld
	condLever
	condDeal
)

func compileCond(sc *game.Scenario, holder int, o *game.Objective) (cond, bool) {
	c := cond{id: o.ID, text: o.Text, holder: holder, everyTurn: o.When == "every-turn", atLeast: o.Op != "<=",
		seat: holder, value: o.Value, points: o.Points}
	if o.Seat != "" {
		s, ok := sc.SeatIndex(o.Seat)
		if !ok {
			return cond{}, false
		}
		c.seat = s
	}
	switch {
	case o.Indicator != "":
		ind, ok := game.ParseIndicator(o.Indicator)
		if !ok {
			return cond{}, false
		}
		c.kind, c.ind = condIndicator, ind
	case o.World != "":
		w, ok := game.ParseWorld(o.World)
		if !ok {
			return cond{}, false
		}
		c.kind, c.world = condWorld, w
	case o.Lever != "":
		l, ok := sc.LeverIndex(o.Lever)
		if !ok || !sc.MaySet(c.seat, l) {
			return cond{}, false
		}
		c.kind, c.lever = condLever, l
		if o.Towards != "" {
			t, ok := sc.SeatIndex(o.Towards)
			if !ok {
				return cond{}, false
			}
			c.slot = t
		}
		lv, ok := sc.LevelIndex(l, o.Level)
		if !ok {
			return cond{}, false
		}
		c.level = lv
	case o.DealWith != "":
		d, ok := sc.SeatIndex(o.DealWith)
		if !ok {
			return cond{}, false
		}
		c.kind, c.dealWith = condDeal, d
	default:
		return cond{}, false
	}
	return c, true
}

// snapshot is one moment, real or forecast, as the AI judges it.
type snapshot struct {
	ind    *[game.MaxSeats][game.NumIndicators]float64
	world  *[game.NumWorld]float64
	policy []game.Policy // every seat's policy, as the AI expects it
	viewer int
	deals  game.SeatSet // seats the viewer has a deal in force with
}

func (c *cond) holds(s *snapshot) bool {
	cmp := func(x, bound float64) bool {
		if c.atLeast {
			return x >= bound
		}
		return x <= bound
	}
	switch c.kind {
	case condIndicator:
		return cmp(s.ind[c.seat][c.ind], c.value)
	case condWorld:
		return cmp(s.world[c.world], c.value)
	case condLever:
		return cmp(float64(s.policy[c.seat][c.lever][c.slot]), float64(c.level))
	case condDeal:
		return c.holder == s.viewer && s.deals.Has(c.dealWith) || c.dealWith == s.viewer && s.deals.Has(c.holder)
	}
	return false
}

// satisfying returns the level of lever c.lever that meets a lever
// objective, starting from the present level: the nearest one that does.
func (c *cond) satisfying(level int) int {
	if c.atLeast {
		return max(level, c.level)
	}
	return min(level, c.level)
}

// short is the objective's text cut to its first sentence, for an
// explanation.
func (c *cond) short() string {
	t, _, _ := strings.Cut(c.text, ". ")
	if t == "" {
		return c.id
	}
	return strings.TrimSuffix(strings.ToLower(t[:1])+t[1:], ".")
}
