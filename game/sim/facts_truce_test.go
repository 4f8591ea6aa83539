package sim_test

import "testing"

// F8 on truce-cliff-2026: every seat of the truce cliff is winnable. With
// every seat played by the opportunist at normal, each wins between 5% and
// 35% of 500 games (100 under -short, 2% to 45%).
func TestFact8TruceCliffNoSeatIsASureLoser(t *testing.T) {
	balance(t, "truce-cliff-2026")
}
