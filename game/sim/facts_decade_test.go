package sim_test

import (
	"testing"

	"github.com/chokepoint-game/chokepoint/game/econ"
)

// decadeSeeds is the number of seeds the facts of rare-earth-decade run
// over; -short plays fewer.
func decadeSeeds() uint64 {
	if testing.Short() {
		return 10
	}
	return factSeeds
}

// F2 (restated for the decade): if the allies invest steadily with a
// price floor, production outside the PRC meets at least half of the
// demand outside it within five years (turn 5 of rare-earth-decade), where
// two-year and three-year lags let new plants open, and no later than
// the 2025 game could show.
func TestFact2InvestmentWithFloorCoversHalf(t *testing.T) {
	latest, lowest := 0, 1.0
	for seed := uint64(1); seed <= decadeSeeds(); seed++ {
		st := runIn(t, "rare-earth-decade", seed, withAll(map[string]string{}, allies, "allied-investment-floor"))
		first := 0
		for turn := 1; turn < len(st); turn++ {
			if st[turn].World[econ.ExChinaSupply] >= 0.5 {
				first = turn
				break
			}
		}
		if first == 0 || first > 5 {
			t.Fatalf("seed %d: ex-China supply first reaches 0.5 in turn %d, want by turn 5", seed, first)
		}
		latest = max(latest, first)
		lowest = min(lowest, st[5].World[econ.ExChinaSupply])
	}
	t.Logf("fact 2: ex-China supply reaches half by turn %d at the latest (limit 5); at turn 5 at least %.2f", latest, lowest)
}
