package ai

import "github.com/chokepoint-game/chokepoint/game"

// knowledge is what a seat knows of its scenario before the game starts,
// compiled once per player so that decisions never look up a name: its
// levers, how each other seat's levers reach it, and every objective it
// may read (the public ones of every seat, and its own secret pool; which
// of the pool it holds it learns from its view).
type knowledge struct {
	sc     *game.Scenario
	me     int
	seatID string
	n      int
	levers []leverInfo // the levers this seat may set
	// against[j] lists the policy slots through which seat j's coercive
	// and trade levers reach this seat: how it reads j's last move.
	against [][]slotRef
	public  [][]cond        // each seat's public objectives
	pool    map[string]cond // this seat's secret pool, by objective id
	// clause[kind][0] is the clause kind that bounds a lever of that kind
	// from above, clause[kind][1] from below; ok says whether one exists.
	clause [game.NumLeverKinds][2]clauseRef
}

type clauseRef struct {
	kind game.ClauseKind
	ok   bool
}

// leverInfo is one lever the seat may set.
type leverInfo struct {
	l        int
	id       string
	kind     game.LeverKind
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

// hostileKind reports whether a lever kind hurts its target more the
// stronger it is set: the levers a move rule cooperates or defects with.
func hostileKind(k game.LeverKind) bool {
	switch k {
	case game.LeverTariff, game.LeverLicensing, game.LeverExtraterritorial, game.LeverChips,
		game.LeverSoftware, game.LeverFinance, game.LeverFlood:
		return true
	}
	return false
}

func spendKind(k game.LeverKind) bool {
	switch k {
	case game.LeverInvestMining, game.LeverInvestSeparation, game.LeverInvestMagnets,
		game.LeverStockpile, game.LeverSubstitutes, game.LeverPriceFloor:
		return true
	}
	return false
}

func newKnowledge(sc *game.Scenario, me int) *knowledge {
	k := &knowledge{sc: sc, me: me, seatID: sc.Seats[me].ID, n: len(sc.Seats), pool: map[string]cond{}}
	for l := range sc.Levers {
		kind := sc.LeverKindOf(l)
		if sc.MaySet(me, l) {
			k.levers = append(k.levers, leverInfo{
				l: l, id: sc.Levers[l].ID, kind: kind, scope: sc.LeverScope(l), levels: len(sc.Levers[l].Levels),
				coercive: sc.CoerciveLevel(l), slots: sc.Slots(me, l), hostile: hostileKind(kind), spend: spendKind(kind),
			})
		}
	}
	k.against = make([][]slotRef, k.n)
	for j := range k.n {
		if j == me {
			continue
		}
		for l := range sc.Levers {
			if !hostileKind(sc.LeverKindOf(l)) || !sc.MaySet(j, l) {
				continue
			}
			ref := slotRef{l: l, coercive: sc.CoerciveLevel(l), levels: len(sc.Levers[l].Levels)}
			if sc.LeverScope(l) == game.ScopeEach {
				if !sc.MayTarget(j, l, me) {
					continue
				}
				ref.slot = me
			}
			k.against[j] = append(k.against[j], ref)
		}
	}
	k.public = make([][]cond, k.n)
	for j := range k.n {
		for _, o := range sc.Seats[j].Objectives {
			if c, ok := compileCond(sc, j, &o); ok {
				k.public[j] = append(k.public[j], c)
			}
		}
	}
	for _, o := range sc.Seats[me].Secret.Pool {
		if c, ok := compileCond(sc, me, &o); ok {
			k.pool[o.ID] = c
		}
	}
	for _, ck := range game.ClauseKinds() {
		side := 1
		if ck.Ceiling() {
			side = 0
		}
		if !k.clause[ck.LeverKind()][side].ok {
			k.clause[ck.LeverKind()][side] = clauseRef{ck, true}
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
			if c, ok := k.pool[o.ID]; ok {
				out = append(out, c)
			}
		}
	}
	return out
}
