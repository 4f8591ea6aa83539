package main

import (
	"github.com/spf13/cobra"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

// tournamentGames is the games per seat assignment when --games is not
// given: a round robin of eleven personalities on seven seats is 770
// assignments.
const tournamentGames = 4

// runTournament plays every shipped personality against every other on
// the scenario and prints the ranked table (or its JSON).
func runTournament(cmd *cobra.Command, f *simFlags, sc *game.Scenario, level ai.Difficulty) error {
	if len(f.seats) > 0 || f.trace != "" || f.save != "" {
		return usagef(cmd, "--tournament chooses the players itself: leave out --seats, --trace and --save")
	}
	games := f.games
	if !cmd.Flags().Changed("games") {
		games = tournamentGames
	}
	var entrants []sim.Entrant
	for _, name := range content.PersonalityNames() {
		p, err := content.GetPersonality(name)
		if err != nil {
			return err
		}
		entrants = append(entrants, sim.Entrant{Name: name, Player: func(seat int, seed uint64) ai.Player {
			return ai.NewScripted(sc.Public(), seat, p, level, seed, name)
		}})
	}
	t := sim.Tournament{Scenario: sc, Entrants: entrants, Games: games, Seed: f.seed, Workers: f.workers, Turns: f.turns}
	bar := newProgressBar(cmd.ErrOrStderr())
	if bar != nil {
		t.Progress = bar.update
	}
	res, err := t.Play()
	bar.clear()
	if err != nil {
		return err
	}
	if f.json {
		return sim.WriteJSONValue(cmd.OutOrStdout(), res)
	}
	return sim.WriteTournament(cmd.OutOrStdout(), res)
}
