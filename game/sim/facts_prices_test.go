package sim_test

import (
	"math"
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/econ"
)

// priceSeeds is the number of seeds the price facts run over; -short
// plays fewer.
func priceSeeds() uint64 {
	if testing.Short() {
		return 10
	}
	return factSeeds
}

var denied = []string{"us", "eu", "japan"}

// deniedPrice is the price the US, the EU and Japan pay, weighted by
// their rare-earth demand: the ex-China price of the affected buyers.
func deniedPrice(t *testing.T, st game.State) float64 {
	var sum, w float64
	for _, id := range denied {
		i := seatIndex(t, st, id)
		d := st.Scenario().Seats[i].Profile.REDemand
		sum += d * st.Seats[i].Ind[econ.Price]
		w += d
	}
	return sum / w
}

// F9: a near-total denial at least doubles the affected ex-China price
// within two turns; the partial regime of the scenario's start (case-by-
// case licensing, the extraterritorial rule from turn 2) keeps the price
// outside China 20-60% above the one of open licensing.
func TestFact9DenialMultipliesPrices(t *testing.T) {
	lowDenial, lowPartial, highPartial := math.Inf(1), math.Inf(1), 0.0
	for seed := uint64(1); seed <= priceSeeds(); seed++ {
		base := run(t, seed, nil)
		cut := run(t, seed, map[string]string{"prc": "embargo"})
		ratio := deniedPrice(t, cut[2]) / deniedPrice(t, base[2])
		if ratio < 2 {
			t.Fatalf("seed %d: the denied seats pay %.2fx the price of the no-denial game after two turns, want at least 2x", seed, ratio)
		}
		lowDenial = min(lowDenial, ratio)
		open := run(t, seed, map[string]string{"prc": "licensing-open"})
		for turn := 1; turn < len(base); turn++ {
			r := base[turn].World[econ.PriceWorld] / open[turn].World[econ.PriceWorld]
			if r < 1.2 || r > 1.6 {
				t.Fatalf("seed %d turn %d: the partial regime's price outside China is %.2fx open licensing's, want 1.2-1.6x", seed, turn, r)
			}
			lowPartial, highPartial = min(lowPartial, r), max(highPartial, r)
		}
	}
	t.Logf("fact 9: denial multiplies the denied seats' price by at least %.2f by turn 2 (limit 2); the partial regime's price is %.2f-%.2fx open licensing's (limits 1.2-1.6)", lowDenial, lowPartial, highPartial)
}

// F10: denial plus flooding never lowers the price a denied seat pays
// for what it gets: the flood reaches only the markets the PRC's supply
// reaches. In every turn each denied seat pays at least what it pays under
// denial alone, unless it has more rare earths than under denial alone:
// the flood is coercion too, and the allies it stirs build faster.
func TestFact10FloodingDoesNotCheapenDenial(t *testing.T) {
	least, more, turns := math.Inf(1), 0, 0
	for seed := uint64(1); seed <= priceSeeds(); seed++ {
		cut := run(t, seed, map[string]string{"prc": "embargo"})
		both := run(t, seed, map[string]string{"prc": "embargo-flood"})
		for turn := 1; turn < len(cut); turn++ {
			for _, id := range denied {
				i := seatIndex(t, cut[0], id)
				turns++
				if both[turn].Seats[i].Ind[econ.Coverage] > cut[turn].Seats[i].Ind[econ.Coverage]+1e-9 {
					more++
					continue
				}
				d := both[turn].Seats[i].Ind[econ.Price] - cut[turn].Seats[i].Ind[econ.Price]
				if d < -1e-9 {
					t.Fatalf("seed %d turn %d: %s pays $%.2f/kg under denial and flooding, $%.2f under denial alone, with no more coverage", seed, turn, id, both[turn].Seats[i].Ind[econ.Price], cut[turn].Seats[i].Ind[econ.Price])
				}
				least = min(least, d)
			}
		}
	}
	t.Logf("fact 10: with no more coverage, a denied seat pays at least $%.2f/kg more under denial and flooding than under denial alone (limit 0); it had more coverage in %d of %d seat-turns", least, more, turns)
}

// F11: a PRC embargo of the US, the EU and Japan lowers the PRC's economy
// against its no-embargo game (rare-earth-card, every turn from 2 to the
// end), and, sustained over rare-earth-decade, leaves the PRC a smaller
// share of the world's separation capacity in 2035.
func TestFact11WithholdingCostsThePRC(t *testing.T) {
	least, leastShare := math.Inf(1), math.Inf(1)
	for seed := uint64(1); seed <= priceSeeds(); seed++ {
		base := run(t, seed, nil)
		cut := run(t, seed, map[string]string{"prc": "embargo"})
		prc := seatIndex(t, base[0], "prc")
		for turn := 2; turn < len(base); turn++ {
			d := base[turn].Seats[prc].Ind[econ.Economy] - cut[turn].Seats[prc].Ind[econ.Economy]
			if d <= 0 {
				t.Fatalf("seed %d turn %d: the PRC economy %.3f under its embargo, %.3f without: want lower", seed, turn, cut[turn].Seats[prc].Ind[econ.Economy], base[turn].Seats[prc].Ind[econ.Economy])
			}
			least = min(least, d)
		}
		base = runIn(t, "rare-earth-decade", seed, nil)
		cut = runIn(t, "rare-earth-decade", seed, map[string]string{"prc": "embargo"})
		end := len(base) - 1
		d := base[end].World[econ.PRCShare] - cut[end].World[econ.PRCShare]
		if d <= 0 {
			t.Fatalf("seed %d: PRC share of separation in 2035 %.3f after a decade of embargo, %.3f without: want smaller", seed, cut[end].World[econ.PRCShare], base[end].World[econ.PRCShare])
		}
		leastShare = min(leastShare, d)
	}
	t.Logf("fact 11: the embargo costs the PRC at least %.3f points of output on every turn from 2 (limit 0); in 2035 its share of separation is at least %.3f lower (limit 0)", least, leastShare)
}

// F12: the record path (the October 2025 regime in turn 1, the Busan
// truce from turn 2) moves prices in the directions of the fact sheet
// through May 2026 (turn 4): outside China up with the October measures
// and down once licences flow again; inside China down in October and
// November (600k to 553k CNY/t) and up after the truce (740k by late
// January 2026, turn 2).
func TestFact12RecordPathPriceDirections(t *testing.T) {
	minX, minCN, lowTruce := math.Inf(1), math.Inf(1), math.Inf(1)
	for seed := uint64(1); seed <= priceSeeds(); seed++ {
		st := run(t, seed, map[string]string{"prc": "record-prc", "us": "record-us"})
		x := func(turn int) float64 { return st[turn].World[econ.PriceWorld] }
		cn := func(turn int) float64 { return st[turn].World[econ.PriceChina] }
		checks := []struct {
			what string
			gap  float64 // positive when the direction holds
			x    bool
		}{
			{"ex-China price up in turn 1", x(1) - x(0), true},
			{"domestic price down in turn 1", cn(0) - cn(1), false},
		}
		for turn := 2; turn <= 4; turn++ {
			checks = append(checks,
				struct {
					what string
					gap  float64
					x    bool
				}{"ex-China price below its turn-1 peak after the truce", x(1) - x(turn), true},
				struct {
					what string
					gap  float64
					x    bool
				}{"domestic price above its start after the truce", cn(turn) - cn(0), false})
		}
		// The truce calibration: general licences leave the EU and Japan
		// nearly covered, as the PRC's magnet exports of early 2026 ran
		// above a year before.
		for turn := 2; turn <= 4; turn++ {
			for _, id := range []string{"eu", "japan"} {
				c := st[turn].Seats[seatIndex(t, st[0], id)].Ind[econ.Coverage]
				if c < 85 {
					t.Fatalf("seed %d turn %d: %s coverage %.1f%% under the truce, want at least 85%%", seed, turn, id, c)
				}
				lowTruce = min(lowTruce, c)
			}
		}
		for _, c := range checks {
			if c.gap <= 0 {
				t.Fatalf("seed %d: want %s; ex-China %.1f %.1f %.1f %.1f %.1f, domestic %.1f %.1f %.1f %.1f %.1f (turns 0-4)", seed, c.what, x(0), x(1), x(2), x(3), x(4), cn(0), cn(1), cn(2), cn(3), cn(4))
			}
			if c.x {
				minX = min(minX, c.gap/x(0))
			} else {
				minCN = min(minCN, c.gap/cn(0))
			}
		}
	}
	t.Logf("fact 12: each direction holds with at least %.1f%% of the starting ex-China price and %.1f%% of the domestic one to spare", 100*minX, 100*minCN)
	t.Logf("fact 12: under the truce (turns 2-4) the EU and Japan are at least %.1f%% covered (limit 85%%)", lowTruce)
}
