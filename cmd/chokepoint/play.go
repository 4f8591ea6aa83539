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

	"github.com/chokepoint-game/chokepoint/tui"
)

type playFlags struct {
	scenario string
	seat     string
	ais      []string
	seed     uint64
	noClock  bool
	clock    bool
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
			"all=PLAYER names every seat not named otherwise.",
		Example: "  chokepoint play\n" +
			"  chokepoint play --scenario tutorial --seat us\n" +
			"  chokepoint play --seat eu --ai us=passive,prc=playbook:embargo --seed 7",
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
	return cmd
}

func runPlay(cmd *cobra.Command, f *playFlags) error {
	if f.clock && f.noClock {
		return usagef(cmd, "--clock and --no-clock contradict each other: give one")
	}
	sc, err := scenarioFlag(cmd, f.scenario)
	if err != nil {
		return err
	}
	seat := f.seat
	if seat == "" {
		seat = sc.Seats[0].ID
	}
	seats, err := tui.ParseSeats(sc, seat, f.ais)
	if err != nil {
		return playerError(cmd, "--ai", err)
	}
	seed := f.seed
	if !cmd.Flags().Changed("seed") {
		seed = uint64(time.Now().UnixNano())
	}
	spec := tui.GameSpec{Scenario: sc, Seed: seed, Seats: seats, NoClock: f.noClock, Clock: f.clock}
	return runTUI(cmd, &spec)
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
func runTUI(cmd *cobra.Command, spec *tui.GameSpec) error {
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

	m := tui.New(tui.Options{Start: spec})
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
