package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/saves"
	"github.com/chokepoint-game/chokepoint/tui"
)

type playFlags struct {
	scenario string
	seat     string
	ais      []string
	seed     uint64
	noClock  bool
	clock    bool
	saveDir  string
	resume   bool
	load     string
	fromTurn int
	// facilitate: the user runs the room from the console; every seat is
	// an AI.
	facilitate bool
	pace       time.Duration
}

func newPlayCmd() *cobra.Command {
	var f playFlags
	cmd := &cobra.Command{
		Use:   "play",
		Short: "Start a game at once, skipping the title screen",
		Long: "Start a game of a scenario in this terminal, playing SEAT yourself against AI\n" +
			"opponents. Seats not named with --ai play the default personality.\n\n" +
			"A player is a personality (" + strings.Join(tui.Personalities(), ", ") + "),\n" +
			"optionally with a difficulty (" + strings.Join(tui.Difficulties, ", ") + "), as PERSONALITY@DIFFICULTY;\n" +
			"personality:FILE[@DIFFICULTY] for a personality file; playbook:NAME or playbook:FILE\n" +
			"for a playbook; passive; or human for another player at this keyboard (hot seat).\n" +
			"all=PLAYER names every seat not named otherwise.\n\n" +
			"Every game is autosaved after each phase and when it ends or the program\n" +
			"stops. --continue carries on the latest autosaved game; --load FILE|NAME a\n" +
			"saved one (a file, or the name of a save in the save directory).\n" +
			"--from-turn N with either starts a new game from the start of turn N of it,\n" +
			"saved as a new game that records where it branched from; --seat and --ai\n" +
			"then give its seats anew (seats not named keep their players, except that\n" +
			"with --seat the seats people played go to the default AI).",
		Example: "  chokepoint play\n" +
			"  chokepoint play --facilitate --ai us=hawk@hard\n" +
			"  chokepoint play --scenario tutorial --seat us\n" +
			"  chokepoint play --seat eu --ai us=passive,prc=playbook:embargo --seed 7\n" +
			"  chokepoint play --continue\n" +
			"  chokepoint play --load before-the-vote\n" +
			"  chokepoint play --load before-the-vote --from-turn 4 --seat prc --ai eu=hawk@hard",
		Args: exactArgs(0, "no arguments (use flags)"),
		RunE: func(cmd *cobra.Command, _ []string) error { return runPlay(cmd, &f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.scenario, "scenario", "rare-earth-card", "shipped scenario `ID` or scenario FILE")
	fl.StringVar(&f.seat, "seat", "", "the `SEAT` you play (default: the scenario's first)")
	fl.StringArrayVar(&f.ais, "ai", nil, "who plays the other seats, `SEAT=PLAYER,...` (repeatable; all=PLAYER for the rest)")
	fl.Uint64Var(&f.seed, "seed", 0, "the game's seed `N` (default: from the clock)")
	fl.BoolVar(&f.noClock, "no-clock", false, "no negotiation clock: negotiation ends when every seat is ready")
	fl.BoolVar(&f.clock, "clock", false, "the scenario's negotiation clock even where it is off by default (the tutorial, hot seat)")
	fl.BoolVar(&f.resume, "continue", false, "carry on the latest autosaved game")
	fl.StringVar(&f.load, "load", "", "carry on the saved game `FILE|NAME`")
	fl.IntVar(&f.fromTurn, "from-turn", 0, "with --load or --continue: a new game from the start of turn `N` of the saved one")
	saveDirFlag(cmd, &f.saveDir)
	fl.DurationVar(&f.pace, "pace", 0, "how long each AI seat takes over a decision, as `DURATION` (default 1.5s with --facilitate, none otherwise)")
	fl.BoolVar(&f.facilitate, "facilitate", false, "run the game from the facilitator's console, every seat played by an AI unless --ai names it human (hot seat); no --seat")
	return cmd
}

func runPlay(cmd *cobra.Command, f *playFlags) error {
	if f.clock && f.noClock {
		return usagef(cmd, "--clock and --no-clock contradict each other: give one")
	}
	st, err := saves.Open(f.saveDir)
	if err != nil {
		return err
	}
	if f.resume || cmd.Flags().Changed("load") || cmd.Flags().Changed("from-turn") {
		if f.facilitate {
			return usagef(cmd, "--facilitate starts a new game: leave out --continue, --load and --from-turn")
		}
		return runResume(cmd, f, st)
	}
	src, err := sourceFlag(cmd, f.scenario)
	if err != nil {
		return err
	}
	sc := src.Scenario
	var seats []ai.PlayerSpec
	if f.facilitate {
		if f.seat != "" {
			return usagef(cmd, "--facilitate runs the room rather than a seat: leave out --seat (--ai SEAT=human puts people at a seat)")
		}
		if seats, err = tui.ParseFacilitatedSeats(sc, f.ais); err != nil {
			return playerError(cmd, "--ai", err)
		}
	} else {
		seat := f.seat
		if seat == "" {
			seat = sc.Seats[0].ID
		}
		if seats, err = tui.ParseSeats(sc, seat, f.ais); err != nil {
			// Name the flag that is wrong: a seat the scenario lacks is
			// --seat's mistake, not --ai's.
			flag := "--ai"
			if _, ok := sc.Public().SeatIndex(seat); !ok {
				flag = "--seat"
			}
			return playerError(cmd, flag, err)
		}
	}
	seed := f.seed
	if !cmd.Flags().Changed("seed") {
		seed = uint64(time.Now().UnixNano())
	}
	if f.pace < 0 || f.pace > time.Minute {
		return usagef(cmd, "--pace takes a duration from 0 to 1m, not %v", f.pace)
	}
	spec := tui.GameSpec{Scenario: sc, Seed: seed, Seats: seats, NoClock: f.noClock, Clock: f.clock, Pace: f.pace, Source: src}
	role := tui.RoleSeat
	if f.facilitate {
		role = tui.RoleFacilitator
		if !cmd.Flags().Changed("pace") {
			spec.Pace = 1500 * time.Millisecond
		}
	}
	return runTUI(cmd, tui.Options{Start: &spec, Role: role, Store: st})
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := fileOf(w)
	return ok && term.IsTerminal(int(f.Fd())) && term.IsTerminal(int(os.Stdin.Fd()))
}

// endSignals end a game: a hangup (the terminal or the SSH connection
// went away), a termination request, an interrupt sent with kill (^C
// itself is a key to the game, which asks before quitting).
var endSignals = []os.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT}

// runTUI runs the interface: the title screen, or the given game.
//
// Bubble Tea's own signal handler quits on SIGTERM as if the player had
// chosen to (exit 0) and leaves SIGHUP to kill the process with the
// terminal still raw, on the alternate screen, cursor hidden. Signals are
// handled here instead: each cancels the program's context, which makes
// Bubble Tea restore the terminal (cooked mode, main screen, cursor) on
// its way out, and the command then exits 128+N like a process killed by
// signal N.
func runTUI(cmd *cobra.Command, opts tui.Options) error {
	out, ok := fileOf(cmd.OutOrStdout())
	if !ok || !isTerminal(out) {
		return fmt.Errorf("the game needs a terminal: run %s in one", name(cmd))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, endSignals...)
	defer signal.Stop(sigs)
	caught := make(chan os.Signal, 1)
	go func() {
		select {
		case s := <-sigs:
			caught <- s
			cancel()
		case <-ctx.Done():
		}
	}()

	m := tui.New(opts)
	defer m.Close()
	p := tea.NewProgram(m, tea.WithOutput(out), tea.WithContext(ctx), tea.WithoutSignalHandler())
	_, err := p.Run()
	cancel()
	select {
	case s := <-caught:
		if n, ok := s.(syscall.Signal); ok {
			return exitError(128 + int(n))
		}
		return exitError(exitFailure)
	default:
	}
	return err
}
