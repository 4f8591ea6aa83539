package report

import "testing"

// TestNiceTicksCoverTheValues: the first tick is at or below the lowest
// value and the last at or above the highest, a handful apart.
func TestNiceTicksCoverTheValues(t *testing.T) {
	for _, c := range [][2]float64{{0, 1}, {14.02, 20.3}, {9, 100}, {0.2, 1}, {-3, 3}, {5, 5}, {98.3, 111.4}, {0, 1e6}, {-0.004, 0.002}} {
		ticks := niceTicks(c[0], c[1])
		if ticks[0] > c[0] || ticks[len(ticks)-1] < c[1] {
			t.Errorf("%v: ticks %v do not cover the values", c, ticks)
		}
		if n := len(ticks); n < 2 || n > 12 {
			t.Errorf("%v: %d ticks %v", c, n, ticks)
		}
		for k := 1; k < len(ticks); k++ {
			if ticks[k] <= ticks[k-1] {
				t.Errorf("%v: ticks %v do not rise", c, ticks)
			}
		}
	}
}
