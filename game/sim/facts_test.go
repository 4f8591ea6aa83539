package sim_test

import (
	"fmt"
	"github.com/chokepoint-game/chokepoint/game/econ"
	"math"
	"sync"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// The stylized facts (docs/facts.md) that the default scenario's
// calibration must reproduce, each over factSeeds seeds and played with
// the shipped playbooks. A fact that fails is a model or calibration bug,
// not a test to loosen.

const factSeeds = 50

var allies = []string{"us", "eu", "japan", "australia", "canada", "india"}

// runs memoizes games: several facts compare against the same baseline.
var runs sync.Map

// run plays rare-earth-card to its end with the given playbooks (every
// other seat passive) and returns the state after each turn's resolution,
// indexed by turn (index 0 is the start).
func run(t *testing.T, seed uint64, books map[string]string) []game.State {
	t.Helper()
	return runIn(t, "rare-earth-card", seed, books)
}

// runIn is run on the shipped scenario with the given id.
func runIn(t *testing.T, id string, seed uint64, books map[string]string) []game.State {
	t.Helper()
	key := fmt.Sprint(id, seed, books) // fmt sorts map keys
	if got, ok := runs.Load(key); ok {
		return got.([]game.State)
	}
	sc, err := content.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	players := make([]ai.Player, len(sc.Seats))
	for i, s := range sc.Seats {
		players[i] = ai.Passive{}
		if name, ok := books[s.ID]; ok {
			pb, err := content.GetPlaybook(name)
			if err != nil {
				t.Fatal(err)
			}
			mk, err := pb.Player(sc, s.ID, name)
			if err != nil {
				t.Fatal(err)
			}
			players[i] = mk()
		}
	}
	start, _ := game.NewGame(sc, seed)
	turns := []game.State{start}
	_, err = sim.PlayWatching(sc, seed, players, 0, func(st *game.State) { turns = append(turns, *st) })
	if err != nil {
		t.Fatal(err)
	}
	if len(turns) != sc.Turns+1 {
		t.Fatalf("recorded %d turns, want %d", len(turns)-1, sc.Turns)
	}
	runs.Store(key, turns)
	return turns
}

func seatIndex(t *testing.T, st game.State, id string) int {
	i, ok := st.Scenario().SeatIndex(id)
	if !ok {
		t.Fatalf("no seat %q", id)
	}
	return i
}

func withAll(books map[string]string, seats []string, book string) map[string]string {
	for _, s := range seats {
		books[s] = book
	}
	return books
}

// F1: if the PRC denies licences to the US, EU and Japan from the first
// turn and they do nothing, their coverage falls below 50% within two
// turns and their industry falls by at least 5% and stays down.
func TestFact1DenialCutsCoverageAndIndustry(t *testing.T) {
	worstCov := map[string]float64{}
	worstInd := map[string]float64{"us": 1, "eu": 1, "japan": 1}
	for seed := uint64(1); seed <= factSeeds; seed++ {
		base := run(t, seed, nil)
		cut := run(t, seed, map[string]string{"prc": "embargo"})
		for _, id := range []string{"us", "eu", "japan"} {
			i := seatIndex(t, cut[0], id)
			c := cut[2].Seats[i].Ind[econ.Coverage]
			if c >= 50 {
				t.Fatalf("seed %d: %s coverage %.1f%% after two turns of denial, want below 50%%", seed, id, c)
			}
			worstCov[id] = max(worstCov[id], c)
			for turn := 2; turn < len(cut); turn++ {
				got, was := cut[turn].Seats[i].Ind[econ.Industry], base[turn].Seats[i].Ind[econ.Industry]
				if got > 0.95*was {
					t.Fatalf("seed %d turn %d: %s industry %.1f against %.1f without denial, want at least 5%% lower", seed, turn, id, got, was)
				}
				worstInd[id] = min(worstInd[id], 1-got/was)
			}
		}
	}
	for _, id := range []string{"us", "eu", "japan"} {
		t.Logf("fact 1: %s coverage after two turns at most %.1f%% (limit 50%%); industry at least %.1f%% below the baseline on turns 2-%d (limit 5%%)", id, worstCov[id], 100*worstInd[id], 12)
	}
}

// F3: new capacity outside the PRC without a price floor, under PRC price
// flooding, fails more often than not; with a floor it survives.
func TestFact3FloodingBreaksProducersWithoutFloor(t *testing.T) {
	failed := 0
	for seed := uint64(1); seed <= factSeeds; seed++ {
		st := run(t, seed, withAll(map[string]string{"prc": "flood"}, allies, "allied-investment"))
		last := st[len(st)-1]
		for _, id := range allies {
			if econ.Of(&last).Seats[seatIndex(t, last, id)].Failures > 0 {
				failed++
				break
			}
		}
		st = run(t, seed, withAll(map[string]string{"prc": "flood"}, allies, "allied-investment-floor"))
		last = st[len(st)-1]
		for _, id := range allies {
			if f := econ.Of(&last).Seats[seatIndex(t, last, id)].Failures; f > 0 {
				t.Fatalf("seed %d: %s producers failed %d times under a price floor", seed, id, f)
			}
		}
	}
	if 2*failed <= factSeeds {
		t.Fatalf("producers failed without a floor in %d of %d games, want more than half", failed, factSeeds)
	}
	t.Logf("fact 3: without floors producers failed in %d of %d games (limit: more than half); with floors in none", failed, factSeeds)
}

// worldTotal is the sum of the seats' economies weighted by their size.
func worldTotal(st game.State) float64 {
	sum := 0.0
	for i, s := range st.Seats {
		sum += s.Ind[econ.Economy] * st.Scenario().Seats[i].Profile.GDP
	}
	return sum
}

// F4: mutual tariffs of 100% or more lower both the US and the PRC
// economy against the baseline; a comprehensive deal gives a higher world
// total than escalation.
func TestFact4TariffWarIsNegativeSum(t *testing.T) {
	lossUS, lossPRC, gain := math.Inf(1), math.Inf(1), math.Inf(1)
	for seed := uint64(1); seed <= factSeeds; seed++ {
		base := run(t, seed, nil)
		war := run(t, seed, map[string]string{"us": "tariff-escalation-us", "prc": "tariff-escalation-prc"})
		deal := run(t, seed, map[string]string{"us": "settlement-us", "prc": "settlement-prc"})
		b, w, d := base[len(base)-1], war[len(war)-1], deal[len(deal)-1]
		for _, id := range []string{"us", "prc"} {
			i := seatIndex(t, b, id)
			if w.Seats[i].Ind[econ.Economy] >= b.Seats[i].Ind[econ.Economy] {
				t.Fatalf("seed %d: %s economy %.2f under mutual tariffs, %.2f without: want lower", seed, id, w.Seats[i].Ind[econ.Economy], b.Seats[i].Ind[econ.Economy])
			}
		}
		if worldTotal(d) <= worldTotal(w) {
			t.Fatalf("seed %d: world total %.1f with a deal, %.1f with escalation: want the deal higher", seed, worldTotal(d), worldTotal(w))
		}
		us, prc := seatIndex(t, b, "us"), seatIndex(t, b, "prc")
		lossUS = min(lossUS, b.Seats[us].Ind[econ.Economy]-w.Seats[us].Ind[econ.Economy])
		lossPRC = min(lossPRC, b.Seats[prc].Ind[econ.Economy]-w.Seats[prc].Ind[econ.Economy])
		gain = min(gain, worldTotal(d)-worldTotal(w))
	}
	t.Logf("fact 4: at turn 12 the US economy is at least %.2f and the PRC's %.2f points below the baseline (limit 0); the deal's world total exceeds escalation's by at least %.1f (limit 0)", lossUS, lossPRC, gain)
}

// F5: coercion raises allied resolve and lowers trust in the coercer.
func TestFact5CoercionRaisesResolveAndCostsTrust(t *testing.T) {
	res, trust := math.Inf(1), math.Inf(1)
	for seed := uint64(1); seed <= factSeeds; seed++ {
		base := run(t, seed, nil)
		cut := run(t, seed, map[string]string{"prc": "embargo"})
		if cut[3].World[econ.Resolve] <= base[3].World[econ.Resolve] {
			t.Fatalf("seed %d: resolve %.2f under coercion, %.2f without", seed, cut[3].World[econ.Resolve], base[3].World[econ.Resolve])
		}
		res = min(res, cut[3].World[econ.Resolve]-base[3].World[econ.Resolve])
		prc := seatIndex(t, cut[0], "prc")
		for _, id := range []string{"us", "eu", "japan"} {
			i := seatIndex(t, cut[0], id)
			if cut[3].Seats[i].Trust[prc] >= base[3].Seats[i].Trust[prc] {
				t.Fatalf("seed %d: %s trust in the PRC %.1f under coercion, %.1f without", seed, id, cut[3].Seats[i].Trust[prc], base[3].Seats[i].Trust[prc])
			}
			trust = min(trust, base[3].Seats[i].Trust[prc]-cut[3].Seats[i].Trust[prc])
		}
	}
	t.Logf("fact 5: at turn 3 resolve is at least %.2f higher under coercion and trust in the PRC at least %.0f points lower (limits 0)", res, trust)
}

// recovered is the share of its loss an indicator has won back by the
// end: (last - lowest) / (full - lowest).
func recovered(series []float64, full float64) float64 {
	low := series[0]
	for _, x := range series {
		low = min(low, x)
	}
	if full-low <= 0 {
		return 1
	}
	return (series[len(series)-1] - low) / (full - low)
}

// F6: after broad chip controls the PRC's tech access recovers more slowly
// than allied industry recovers from a rare-earth cut-off with investment.
func TestFact6TechRecoversSlowerThanIndustry(t *testing.T) {
	maxTech, minInd := 0.0, 1.0
	for seed := uint64(1); seed <= factSeeds; seed++ {
		chips := run(t, seed, map[string]string{"us": "chip-controls-us"})
		cutoff := run(t, seed, withAll(map[string]string{"prc": "embargo"}, []string{"us", "eu", "japan"}, "allied-investment-floor"))
		prc := seatIndex(t, chips[0], "prc")
		us := seatIndex(t, chips[0], "us")
		var tech, industry []float64
		for turn := 1; turn < len(chips); turn++ {
			tech = append(tech, chips[turn].Seats[prc].Ind[econ.Tech])
			industry = append(industry, cutoff[turn].Seats[us].Ind[econ.Industry])
		}
		rt, ri := recovered(tech, 100), recovered(industry, 100)
		if rt >= ri {
			t.Fatalf("seed %d: the PRC won back %.0f%% of its tech loss, the US %.0f%% of its industry loss: want tech slower", seed, 100*rt, 100*ri)
		}
		maxTech, minInd = max(maxTech, rt), min(minInd, ri)
	}
	t.Logf("fact 6: the PRC wins back at most %.1f%% of its tech loss, the US at least %.1f%% of its industry loss (limit: tech's smaller)", 100*maxTech, 100*minInd)
}
