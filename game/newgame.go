package game

import "math"

// NewGame sets up a game of a validated scenario with the given seed: the
// starting policies, indicators and trust, and each seat's secret
// objectives dealt from its pool with the game's generator. The game is in
// Setup until the facilitator starts it.
func NewGame(sc *Scenario, seed uint64) (State, error) {
	if !sc.Valid() {
		return State{}, ErrNoScenario
	}
	n := len(sc.Seats)
	st := State{
		sc:         sc,
		ScenarioID: sc.ID,
		Seed:       seed,
		RNG:        newRNG(seed),
		Phase:      Setup,
		Seats:      make([]SeatState, n),
		NextDeal:   1,
	}
	for _, k := range sortedKeys(sc.World) {
		w, _ := sc.ix.public.WorldIndex(k)
		st.World[w] = sc.World[k]
	}
	for i := range st.Seats {
		s := &st.Seats[i]
		def := sc.Seats[i]
		s.Policy = startPolicy(sc, i)
		s.Orders = s.Policy
		for _, to := range sortedKeys(def.Profile.Trust) {
			s.Trust[sc.ix.seat[to]] = def.Profile.Trust[to]
		}
		for k, p := range deal(&st.RNG, len(def.Secret.Pool), secretCount(def.Secret)) {
			s.Secret[k] = uint8(p)
			s.NSecret = k + 1
		}
	}
	sc.ix.model.Init(&st)
	return st, nil
}

func secretCount(s SecretObjectives) int {
	if s.Deal == 0 && len(s.Pool) > 0 {
		return 1
	}
	return s.Deal
}

// deal draws k distinct indices from [0, n) in the order drawn.
func deal(r *RNG, n, k int) []int {
	if k == 0 {
		return nil
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	for i := 0; i < k; i++ {
		j := i + r.IntN(n-i)
		idx[i], idx[j] = idx[j], idx[i]
	}
	return idx[:k:k]
}

// startPolicy reads a seat's starting levels: "all" first, then each
// named target.
func startPolicy(sc *Scenario, seat int) Policy {
	var p Policy
	start := sc.Seats[seat].Start
	for _, lid := range sortedKeys(start) {
		l := sc.ix.lever[lid]
		li := &sc.ix.public.Levers[l]
		targets := start[lid]
		if lv, ok := targets["all"]; ok {
			level := uint8(li.levels[lv])
			if li.Scope != ScopeEach {
				p[l][0] = level
			} else {
				for to := range sc.Seats {
					if sc.ix.mayTarget(l, seat, to) {
						p[l][to] = level
					}
				}
			}
		}
		for _, to := range sortedKeys(targets) {
			if to == "all" {
				continue
			}
			p[l][sc.ix.seat[to]] = uint8(li.levels[targets[to]])
		}
	}
	return p
}

// clampTrust keeps trust within its range.
func clampTrust(x float64) float64 { return math.Max(TrustMin, math.Min(TrustMax, x)) }
