package main

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/saves"
	"github.com/chokepoint-game/chokepoint/tui"
)

// runResume carries on a saved game (--continue, --load), or branches it
// (--from-turn). A save that cannot be loaded is one line and exit 1;
// nothing is written until the game is open, and then only new files (a
// resumed game's autosaves, a branch's new save): the file loaded is
// never written over.
func runResume(cmd *cobra.Command, f *playFlags, st *saves.Store) error {
	fl := cmd.Flags()
	switch {
	case f.resume && fl.Changed("load"):
		return usagef(cmd, "--continue and --load contradict each other: give one")
	case !f.resume && !fl.Changed("load"):
		return usagef(cmd, "--from-turn needs the game to branch: --load FILE|NAME or --continue")
	case fl.Changed("scenario") || fl.Changed("seed"):
		return usagef(cmd, "a saved game keeps its scenario and seed: leave out --scenario and --seed")
	case !fl.Changed("from-turn") && (fl.Changed("seat") || fl.Changed("ai")):
		return usagef(cmd, "--seat and --ai change who plays a saved game only in a branch: add --from-turn N")
	case fl.Changed("from-turn") && f.fromTurn < 1:
		return usagef(cmd, "--from-turn: turns are counted from 1, not %d", f.fromTurn)
	}
	var s *saves.Save
	if f.resume {
		latest, err := tui.LatestPlayable(st)
		if err != nil {
			return err
		}
		s = latest
	} else {
		path, err := st.Find(f.load)
		if err != nil {
			return err
		}
		if s, err = saves.Load(path); err != nil {
			return err
		}
	}
	var spec tui.GameSpec
	var err error
	if fl.Changed("from-turn") {
		seats, err := branchSeats(s, f.seat, f.ais)
		if err != nil {
			return playerError(cmd, "--ai", err)
		}
		spec, err = tui.BranchSpec(s, f.fromTurn, seats)
		if err != nil {
			return err
		}
	} else if spec, err = tui.SpecOfSave(s); err != nil {
		return err
	}
	spec.NoClock, spec.Clock = f.noClock, f.clock
	return runTUI(cmd, tui.Options{Start: &spec, Store: st})
}

// branchSeats are the players of a branch: the saved game's, with --seat
// given to the person at this keyboard and --ai's entries in place of
// theirs. With --seat, a seat people played that is not named goes to
// the default AI: the person has moved to the seat named.
func branchSeats(s *saves.Save, seat string, ais []string) ([]ai.PlayerSpec, error) {
	sc := tui.SaveScenario(s)
	orig := make([]ai.PlayerSpec, len(s.Seats))
	for i, st := range s.Seats {
		p, err := ai.ParsePlayer(st.Player)
		if err != nil {
			return nil, err
		}
		orig[i] = p
	}
	if seat == "" && len(ais) == 0 {
		return orig, nil
	}
	// A player no one can name marks the seats --ai leaves alone.
	keep := ai.PlayerSpec{Player: "\x00"}
	specs, err := ai.ParseSeats(sc.Public(), ais, keep)
	if err != nil {
		return nil, err
	}
	for i := range specs {
		if specs[i] != keep {
			continue
		}
		specs[i] = orig[i]
		if seat != "" && orig[i].Human {
			specs[i] = tui.DefaultPlayer()
		}
	}
	if seat != "" {
		me := slices.IndexFunc(sc.Seats, func(x game.SeatDef) bool { return x.ID == seat })
		if me < 0 {
			return nil, &ai.SyntaxError{Entry: seat, Msg: fmt.Sprintf("%s has no seat %q", sc.ID, seat)}
		}
		if ai.SameSeat(ais, seat) {
			return nil, &ai.SyntaxError{Entry: seat, Msg: fmt.Sprintf("you play %s: leave it out of the AI seats", seat)}
		}
		specs[me] = ai.PlayerSpec{Human: true}
	}
	return specs, content.NewPlayers(sc).Check(specs, ai.Normal)
}
