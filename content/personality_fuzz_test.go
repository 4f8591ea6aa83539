package content

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// FuzzLoadPersonality feeds the personality loader arbitrary bytes,
// starting from the shipped personalities. The loader must never panic
// and must either load the personality or explain why with placed
// problems; a personality that loads must play a negotiation and an
// orders phase of rare-earth-card with commands the engine accepts.
func FuzzLoadPersonality(f *testing.F) {
	files, _ := filepath.Glob("personalities/*.yaml")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("name: x\nmoves: {rule: sometimes}\n"))
	f.Add([]byte("name: [\n"))
	st, err := ordersState()
	if err != nil {
		f.Fatal(err)
	}
	sc := st.Scenario()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := LoadPersonality("fuzz.yaml", data)
		if err != nil {
			checkProblems(t, err)
			return
		}
		for _, d := range []ai.Difficulty{ai.Easy, ai.Normal} {
			newPlayer, err := PersonalityPlayer(sc, "us", p, d, "fuzz")
			if err != nil {
				checkProblems(t, err)
				return
			}
			player := newPlayer(1)
			v := game.ViewFor(st, 0)
			for _, c := range player.Act(&v) {
				if _, _, err := game.Apply(st, c); err != nil {
					t.Fatalf("the engine refused %+v: %v", c, err)
				}
			}
		}
	})
}
