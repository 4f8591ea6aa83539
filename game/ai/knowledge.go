package ai

import "github.com/chokepoint-game/chokepoint/game"

// knowledge is what a seat knows of its scenario before the game starts,
// compiled once per player from the public scenario that every view
// carries, so that decisions never look up a name: its levers, how each
// other seat's levers reach it, and every seat's public objectives. Its
// own secret objectives it learns from its view.
type knowledge struct {
	ps     *game.PublicScenario
	me     int
	seatID string
	n      int
	levers []leverInfo // the levers this seat may set
	// against[j] lists the policy slots through which seat j's hostile
	// levers reach this seat: how it reads j's last move.
	against [][]slotRef
	public  [][]cond // each seat's public objectives
	// weights are the personality's indicator weights, by the indicator
	// they weigh: the model's indicators that the scenario has.
	weights []weight
	// economy is the index of the "economy" indicator, or -1: what a seat
	// minding relative gains compares.
	economy int
	// coverage is the index of the "coverage" indicator, or -1: the
	// invest rule's sign of shortage.
	coverage int
	// resolve is the index of the world's "resolve" indicator (allied
	// resolve), or -1: what easy's rule on coercion watches.
	resolve int
}

type weight struct {
	ind game.Indicator
	w   float64
}

// leverInfo is one lever the seat may set.
type leverInfo struct {
	l        int
	id       string
	kind     string
	scope    game.Scope
	levels   int
	coercive int   // first coercive level, -1 for none
	slots    []int // targets, or slot 0 for levers of scope all or self
	hostile  bool  // a coercive or trade lever: milder is friendlier
	spend    bool  // spending on the seat's own supply
}

type slotRef struct {
	l, slot  int
	coercive int
	levels   int
}

func newKnowledge(ps *game.PublicScenario, me int, p *Personality) *knowledge {
	k := &knowledge{ps: ps, me: me, seatID: ps.Seats[me].ID, n: len(ps.Seats), economy: -1, coverage: -1, resolve: -1}
	for l := range ps.Levers {
		lv := &ps.Levers[l]
		if ps.MaySet(me, l) {
			k.levers = append(k.levers, leverInfo{
				l: l, id: lv.ID, kind: lv.Kind, scope: lv.Scope, levels: len(lv.Levels),
				coercive: lv.Coercive, slots: ps.Slots(me, l), hostile: lv.Hostile, spend: lv.Spend,
			})
		}
	}
	k.against = make([][]slotRef, k.n)
	for j := range k.n {
		if j == me {
			continue
		}
		for l := range ps.Levers {
			lv := &ps.Levers[l]
			if !lv.Hostile || !ps.MaySet(j, l) {
				continue
			}
			ref := slotRef{l: l, coercive: lv.Coercive, levels: len(lv.Levels)}
			if lv.Scope == game.ScopeEach {
				if !ps.MayTarget(j, l, me) {
					continue
				}
				ref.slot = me
			}
			k.against[j] = append(k.against[j], ref)
		}
	}
	k.public = make([][]cond, k.n)
	for j := range k.n {
		for _, o := range ps.Seats[j].Objectives {
			k.public[j] = append(k.public[j], cond{Condition: o.Cond, id: o.ID, text: o.Text, points: o.Points, holder: j})
		}
	}
	if i, ok := ps.IndicatorIndex("economy"); ok {
		k.economy = int(i)
	}
	if i, ok := ps.IndicatorIndex("coverage"); ok {
		k.coverage = int(i)
	}
	if i, ok := ps.WorldIndex("resolve"); ok {
		k.resolve = i
	}
	if p != nil {
		w := &p.Weights
		for _, x := range []struct {
			name string
			w    float64
		}{{"economy", w.Economy}, {"industry", w.Industry}, {"coverage", w.Coverage}, {"tech", w.Tech}, {"capital", w.Capital}, {"inflation", w.Inflation}} {
			if i, ok := ps.IndicatorIndex(x.name); ok && x.w != 0 {
				k.weights = append(k.weights, weight{i, x.w})
			}
		}
	}
	return k
}

// lever returns the seat's own lever info for lever index l.
func (k *knowledge) lever(l int) *leverInfo {
	for i := range k.levers {
		if k.levers[i].l == l {
			return &k.levers[i]
		}
	}
	return nil
}

// mine lists the objectives the viewer holds: its public ones and the
// secret ones its view shows it was dealt.
func (k *knowledge) mine(v *game.View) []cond {
	out := append([]cond(nil), k.public[k.me]...)
	for _, o := range v.Seats[k.me].Objectives {
		if o.Secret {
			out = append(out, cond{Condition: o.Cond, id: o.ID, text: o.Text, points: o.Points, holder: k.me, secret: true})
		}
	}
	return out
}
