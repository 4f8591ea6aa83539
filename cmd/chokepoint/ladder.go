package main

import (
	"github.com/spf13/cobra"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// ladderGames is the games of a ladder when --games is not given: with
// every personality at every level (33 entrants) on seven seats, each
// entrant plays about 40 games.
const ladderGames = 200

// runLadder rates every shipped personality at every difficulty over many
// games of the scenario and prints the rated table (or its JSON).
func runLadder(cmd *cobra.Command, f *simFlags, sc *game.Scenario) error {
	if len(f.seats) > 0 || f.trace != "" || f.save != "" || f.tournament {
		return usagef(cmd, "--ladder chooses the players itself: leave out --seats, --trace, --save and --tournament")
	}
	if f.shard != "" || f.raw != "" {
		return usagef(cmd, "--ladder plays no shards: leave out --shard and --raw")
	}
	games := f.games
	if !cmd.Flags().Changed("games") {
		games = ladderGames
	}
	var entrants []sim.Entrant
	for _, name := range content.PersonalityNames() {
		p, err := content.GetPersonality(name)
		if err != nil {
			return err
		}
		for _, d := range []ai.Difficulty{ai.Easy, ai.Normal, ai.Hard} {
			full := name + "@" + d.String()
			entrants = append(entrants, sim.Entrant{Name: full, Player: func(seat int, seed uint64) ai.Player {
				return ai.NewScripted(sc.Public(), seat, p, d, seed, full)
			}})
		}
	}
	l := sim.Ladder{Scenario: sc, Entrants: entrants, Games: games, Seed: f.seed, Workers: f.workers, Turns: f.turns}
	bar := newProgressBar(cmd.ErrOrStderr())
	if bar != nil {
		l.Progress = bar.update
	}
	res, err := l.Play()
	bar.clear()
	if err != nil {
		return err
	}
	if f.json {
		return sim.WriteJSONValue(cmd.OutOrStdout(), res)
	}
	return sim.WriteLadder(cmd.OutOrStdout(), res)
}
