package main

import (
	"github.com/spf13/cobra"

	"github.com/chokepoint-game/chokepoint/saves"
	"github.com/chokepoint-game/chokepoint/tui"
)

func newReplayCmd() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "replay FILE|NAME",
		Short: "Step through a saved game, read-only, and branch from any turn",
		Long: "Open a saved game, finished or not, in a read-only viewer: step phase by\n" +
			"phase (←/→) and turn by turn (↑/↓), jump to the first and last (home/end), and\n" +
			"switch between each seat's view, the public (projector) view and the\n" +
			"facilitator's (v), with each turn's news and report as they were. B starts a\n" +
			"new game from the start of the turn shown, with the seats given anew, saved\n" +
			"as a new game that records where it branched from. The save is loaded as\n" +
			"`saves verify` loads it; one that does not load is one line and exit 1.",
		Example: "  chokepoint replay before-the-vote\n" +
			"  chokepoint replay ~/game.json",
		Args: exactArgs(1, "a save file or the name of a save"),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := saves.Open(dir)
			if err != nil {
				return err
			}
			path, err := st.Find(args[0])
			if err != nil {
				return err
			}
			s, err := saves.Load(path)
			if err != nil {
				return err
			}
			return runTUI(cmd, tui.Options{Replay: s, Store: st})
		},
	}
	saveDirFlag(cmd, &dir)
	return cmd
}
