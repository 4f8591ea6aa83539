package table

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/table/tabletest"
)

// rememberingPlayers are AI players that remember: personalities whose
// moves depend on what the others did in earlier turns, and which draw
// from their own generators as they observe each turn.
func rememberingPlayers(t *testing.T, sc *game.Scenario, seed uint64) []ai.Player {
	t.Helper()
	names := []string{"tit-for-tat", "random", "grim-trigger", "generous-tit-for-tat", "win-stay-lose-shift", "opportunist", "hawk@hard"}
	r := content.NewPlayers(sc)
	out := make([]ai.Player, len(sc.Seats))
	for i := range sc.Seats {
		spec, err := ai.ParsePlayer(names[i%len(names)])
		if err != nil {
			t.Fatal(err)
		}
		mk, _, err := r.Player(i, spec, ai.Normal)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = mk(seed)
	}
	return out
}

// playOut runs an all-AI table (resumed from the log given, if any) to the
// end of the game and returns its log.
func playOut(t *testing.T, sc *game.Scenario, seed uint64, resume []game.Command) []game.Command {
	t.Helper()
	tb := open(t, Config{Scenario: sc, Seed: seed, Players: rememberingPlayers(t, sc, seed),
		Clock: tabletest.NewFakeClock(epoch), NoClock: true, Resume: resume})
	s := join(t, tb, game.Spectator)
	waitFor(t, s, "game over", func(u Update) bool { return u.View.Phase == game.GameOver })
	rec, err := tb.Record(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rec.Log.Commands
}

// A game resumed at the start of turn K, or in the middle of a phase, with
// fresh AI players, goes on exactly as the game that never stopped: the
// table replays the log through the AI seats, so they remember what they
// would have remembered.
func TestResumedAIsPlayOnAsBefore(t *testing.T) {
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	const seed = 5
	whole := playOut(t, sc, seed, nil)
	want, _ := json.Marshal(whole)
	// Where each turn's negotiation begins, and a point inside one.
	var cuts []int
	seen := map[int]bool{}
	if _, err := game.Replay(sc, game.Log{Scenario: sc.ID, Seed: seed, Commands: whole}, func(i int, st game.State) {
		if st.Phase == game.Negotiation && !seen[st.Turn] {
			seen[st.Turn] = true
			cuts = append(cuts, i+1)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if len(cuts) < 6 {
		t.Fatalf("only %d turns", len(cuts))
	}
	points := []int{cuts[1], cuts[4], cuts[4] + 3, cuts[len(cuts)-2]}
	if testing.Short() {
		points = points[1:3]
	}
	for _, k := range points {
		got, _ := json.Marshal(playOut(t, sc, seed, whole[:k]))
		if string(got) != string(want) {
			t.Errorf("resumed after %d of %d commands, the game goes another way (%d bytes of log, want %d)", k, len(whole), len(got), len(want))
		}
	}
}
