package sim_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/chokepoint-game/chokepoint/game/econ"
)

func TestProbe(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	id := os.Getenv("PROBE")
	for _, books := range []map[string]string{{"prc": "record-prc", "us": "record-us"}} {
		st := runIn(t, id, 1, books)
		fmt.Println(books)
		for turn, s := range st {
			fmt.Printf("t%2d pw %6.1f pc %6.1f exs %.2f out %.2f res %.2f share %.3f |", turn, s.World[econ.PriceWorld], s.World[econ.PriceChina], s.World[econ.ExChinaSupply], s.World[econ.Outlook], s.World[econ.Resolve], s.World[econ.PRCShare])
			for i := range s.Seats {
				fmt.Printf(" %s c%3.0f p%4.0f e%5.1f", s.Scenario().Seats[i].ID[:2], s.Seats[i].Ind[econ.Coverage], s.Seats[i].Ind[econ.Price], s.Seats[i].Ind[econ.Economy])
			}
			fmt.Println()
		}
	}
}
