package ai_test

import (
	"slices"
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// ordersOf is the level seat me orders for lever l towards slot when
// personality name at level d gives its orders in st, or the level in
// force when it orders none for that lever and slot.
func ordersOf(t *testing.T, st game.State, me int, name string, d ai.Difficulty, l, slot int) int {
	t.Helper()
	sc := st.Scenario()
	p := ai.NewScripted(sc.Public(), me, personality(t, name), d, 7, name)
	v := game.ViewFor(st, me)
	lv := int(st.Seats[me].Policy[l][slot])
	for _, c := range p.Act(&v) {
		if c.Kind != game.CmdSubmit {
			continue
		}
		for _, o := range c.Orders {
			if o.Lever != sc.Levers[l].ID || sc.Public().Levers[l].Scope == game.ScopeEach && o.Towards != sc.Seats[slot].ID {
				continue
			}
			k, ok := sc.Public().LevelIndex(l, o.Level)
			if !ok {
				t.Fatalf("order for an unknown level %q of %s", o.Level, o.Lever)
			}
			lv = k
		}
	}
	return lv
}

// dealSecret makes seat me hold the secret objective id alone.
func dealSecret(t *testing.T, st *game.State, me int, id string) {
	t.Helper()
	st.Seats = slices.Clone(st.Seats)
	for k, o := range st.Scenario().Seats[me].Secret.Pool {
		if o.ID == id {
			st.Seats[me].Secret[0], st.Seats[me].NSecret = uint8(k), 1
			return
		}
	}
	t.Fatalf("no secret objective %s", id)
}

// Easy's first rule of thumb: short of the coverage an objective asks for
// (Canada's 85%), an opportunist at easy buys a level more for a reserve;
// covered, it leaves its purchases as they are.
func TestEasyBuysAReserveWhileCoverageIsShort(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	st := stateAt(t, sc, 7, 2, game.Orders)
	me, _ := sc.SeatIndex("canada")
	stock, _ := sc.LeverIndex("stockpile")
	cov, _ := sc.Public().IndicatorIndex("coverage")
	st.Seats = slices.Clone(st.Seats)
	st.Seats[me].Policy[stock][0] = 0
	st.Seats[me].Ind[cov] = 60
	if got := ordersOf(t, st, me, "opportunist", ai.Easy, stock, 0); got != 1 {
		t.Errorf("Canada at 60%% coverage orders stockpile level %d, want 1", got)
	}
	st.Seats[me].Ind[cov] = 95
	if got := ordersOf(t, st, me, "opportunist", ai.Easy, stock, 0); got != 0 {
		t.Errorf("Canada at 95%% coverage orders stockpile level %d, want 0 (unchanged)", got)
	}
}

// Easy's second rule of thumb: holding the PRC's secret aim of keeping
// allied resolve low, an opportunist at easy lifts its coercion (the
// extraterritorial rule, licensing denied) while resolve is above the aim,
// and leaves it while resolve is below.
func TestEasyLiftsCoercionWhileResolveIsHigh(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	st := stateAt(t, sc, 7, 2, game.Orders)
	me, _ := sc.SeatIndex("prc")
	dealSecret(t, &st, me, "prc-calm-allies")
	ext, _ := sc.LeverIndex("extraterritorial")
	resolve, _ := sc.Public().WorldIndex("resolve")
	coercive := sc.Public().Levers[ext].Coercive
	if coercive <= 0 {
		t.Fatal("the extraterritorial rule has no coercive level: the test measures nothing")
	}
	st.Seats[me].Policy[ext][0] = uint8(coercive)
	st.World[resolve] = 0.6
	if got := ordersOf(t, st, me, "opportunist", ai.Easy, ext, 0); got >= coercive {
		t.Errorf("the PRC with resolve at 0.6 keeps the extraterritorial rule at level %d, want below %d", got, coercive)
	}
	st.World[resolve] = 0.1
	if got := ordersOf(t, st, me, "opportunist", ai.Easy, ext, 0); got != coercive {
		t.Errorf("the PRC with resolve at 0.1 moves the extraterritorial rule to level %d, want it kept at %d", got, coercive)
	}
}

// Easy leaves its own levers to its move rule: holding the US's secret
// aim of a tariff of 47% or more on the PRC, the opportunist at easy does
// not raise it, while at normal it does.
func TestEasyDoesNotSetItsLeversForASecretAim(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	st := stateAt(t, sc, 7, 2, game.Orders)
	me, _ := sc.SeatIndex("us")
	prc, _ := sc.SeatIndex("prc")
	dealSecret(t, &st, me, "us-keep-tariff")
	tariff, _ := sc.LeverIndex("tariff")
	aim, ok := sc.Public().LevelIndex(tariff, "47")
	if !ok {
		t.Fatal("no 47% tariff level")
	}
	st.Seats[me].Policy[tariff][prc] = uint8(aim - 2)
	if got := ordersOf(t, st, me, "opportunist", ai.Easy, tariff, prc); got >= aim {
		t.Errorf("the US at easy raises its tariff on the PRC to level %d for its secret aim (level %d)", got, aim)
	}
	if got := ordersOf(t, st, me, "opportunist", ai.Normal, tariff, prc); got < aim {
		t.Errorf("the US at normal leaves its tariff on the PRC at level %d, short of its secret aim (level %d)", got, aim)
	}
}
