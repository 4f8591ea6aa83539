package content

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
)

// ordersState is rare-earth-card at the orders phase of turn 1, where the
// fuzz target tries a playbook's orders.
var ordersState = sync.OnceValues(func() (game.State, error) {
	sc, err := Get("rare-earth-card")
	if err != nil {
		return game.State{}, err
	}
	st, err := game.NewGame(sc, 1)
	for _, k := range []game.CommandKind{game.CmdStart, game.CmdAdvance, game.CmdAdvance} {
		if err != nil {
			break
		}
		st, _, err = game.Apply(st, game.Command{Kind: k, Seat: game.FacilitatorID})
	}
	return st, err
})

// FuzzLoadPlaybook feeds the playbook loader arbitrary bytes, starting
// from the shipped playbooks and the broken ones. The loader must never
// panic and must either load the playbook or explain why with placed
// problems. A playbook that loads is bound to every seat of
// rare-earth-card: binding either explains why it does not fit, or gives
// a player whose orders the engine accepts in every turn, which is what
// lets the simulator treat a refused playbook order as a bug.
func FuzzLoadPlaybook(f *testing.F) {
	for _, pattern := range []string{"playbooks/*.yaml", "testdata/playbooks/*.yaml"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil {
				f.Add(data)
			}
		}
	}
	st, err := ordersState()
	if err != nil {
		f.Fatal(err)
	}
	sc := st.Scenario()
	f.Fuzz(func(t *testing.T, data []byte) {
		pf, err := LoadPlaybook("fuzz.yaml", data)
		if err != nil {
			checkProblems(t, err)
			return
		}
		for i, seat := range sc.Seats {
			newPlayer, err := pf.Player(sc, seat.ID, "fuzz")
			if err != nil {
				checkProblems(t, err)
				continue
			}
			p := newPlayer()
			v := game.ViewFor(st, i)
			for turn := 1; turn <= sc.Turns; turn++ {
				v.Turn = turn
				for _, c := range p.Act(&v) {
					if _, _, err := game.Apply(st, c); err != nil {
						t.Fatalf("%s, turn %d: the engine refused %+v: %v", seat.ID, turn, c, err)
					}
				}
			}
		}
	})
}
