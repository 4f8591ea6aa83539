package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/internal/safetext"
	"github.com/chokepoint-game/chokepoint/saves"
	"github.com/chokepoint-game/chokepoint/tui"
)

// version is set at release time with
//
//	go build -ldflags "-X main.version=v1.2.3" ./cmd/chokepoint
//
// and otherwise comes from the module version go install records.
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// Exit codes: 1 when the work failed (an invalid scenario, a file that
// cannot be read, output that could not be written), 2 when the command
// line itself is wrong; 128+N for a game ended by signal N, and
// exitBrokenPipe when the reader of the output went away.
const (
	exitFailure = 1
	exitUsage   = 2
)

// usageError marks a mistake in the command line, which exits 2. cmd is
// the command whose help the message points to.
type usageError struct{ cmd, msg string }

func (e usageError) Error() string { return e.msg }

func usagef(cmd *cobra.Command, format string, args ...any) error {
	return usageError{cmd.CommandPath(), fmt.Sprintf(format, args...)}
}

// name is a command's path without the program's name, as a user types it
// after "chokepoint".
func name(cmd *cobra.Command) string {
	if !cmd.HasParent() {
		return cmd.Name()
	}
	return strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
}

// exitError ends the command with a code after it has printed its own
// messages (validate prints each problem; nothing more is to be said).
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit %d", int(e)) }

// run executes the command line and returns the process exit code. Tests
// call it with their own writers.
//
// Every message is escaped before it is printed (safetext.Escape): it may
// quote a file name, a flag or a key from a file, and those may hold
// terminal control sequences.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	out := &outWriter{w: stdout}
	root.SetOut(out)
	root.SetErr(stderr)
	err := root.Execute()
	if out.err != nil && errors.Is(err, out.err) {
		err = nil // reported below, once
	}
	code := exitCode(err, stderr)
	if out.err != nil {
		if isBrokenPipe(out.err) {
			return exitBrokenPipe
		}
		if code == 0 {
			fmt.Fprintf(stderr, "chokepoint: writing the output: %s\n", safetext.Escape(out.err.Error(), false))
			code = exitFailure
		}
	}
	return code
}

func exitCode(err error, stderr io.Writer) int {
	var ee exitError
	var ue usageError
	var ce *content.Error
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return int(ee)
	case isBrokenPipe(err):
		return exitBrokenPipe
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "chokepoint: %s (see %s --help)\n", safetext.Escape(ue.msg, false), ue.cmd)
		return exitUsage
	case errors.As(err, &ce):
		// A content file with mistakes: one line per mistake, in the
		// FILE:LINE:COL form editors jump to, as validate prints them.
		fmt.Fprintln(stderr, safetext.Escape(ce.Error(), true))
		return exitFailure
	default:
		fmt.Fprintf(stderr, "chokepoint: %s\n", safetext.Escape(err.Error(), true))
		return exitFailure
	}
}

func newRootCmd() *cobra.Command {
	var saveDir string
	root := &cobra.Command{
		Use:   "chokepoint",
		Short: "A negotiation war-game about tariffs, export controls and rare earths",
		Long: "Chokepoint is a turn-based negotiation war-game about economic statecraft,\n" +
			"for classrooms, tabletop exercises and solo play.",
		Version:       versionString(),
		Args:          noSubcommand,
		SilenceErrors: true,
		SilenceUsage:  true,
		// A bare "chokepoint" opens the title screen; with no terminal to
		// draw it on (a pipe, a test) it shows help instead.
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !isTerminal(cmd.OutOrStdout()) {
				return cmd.Help()
			}
			st, err := saves.Open(saveDir)
			if err != nil {
				return err
			}
			return runTUI(cmd, tui.Options{Store: st})
		},
	}
	saveDirFlag(root, &saveDir)
	root.SetVersionTemplate("{{.Name}} {{.Version}}\n")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usagef(cmd, "%v", err) })
	root.CompletionOptions.HiddenDefaultCmd = true
	root.AddCommand(newPlayCmd())
	root.AddCommand(newScenarioCmd())
	root.AddCommand(newKindCmd(playbookKind, "List, show and check playbooks",
		"Playbooks fix what one seat does, turn by turn, and how it answers proposals."))
	root.AddCommand(newKindCmd(personalityKind, "List, show and check AI personalities",
		"Personalities say how a scripted opponent plays."))
	root.AddCommand(newSimCmd())
	root.AddCommand(newSweepCmd())
	root.AddCommand(newMergeCmd())
	root.AddCommand(newSavesCmd())
	root.AddCommand(newReplayCmd())
	root.AddCommand(newReportCmd())
	root.AddCommand(newServeCmd())
	return root
}

// noSubcommand refuses arguments to a command that only groups others,
// which cobra would otherwise ignore or answer with help and exit 0.
func noSubcommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q", args[0])
	if cmd.HasParent() {
		msg += fmt.Sprintf(" for %q", name(cmd))
	}
	cmd.SuggestionsMinimumDistance = 2
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += fmt.Sprintf("; did you mean %q?", strings.Join(s, `" or "`))
	}
	return usagef(cmd, "%s", msg)
}

// exactArgs and minArgs say in words what a command needs, instead of
// cobra's "accepts 1 arg(s), received 0".
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef(cmd, "%q needs %s", name(cmd), what)
		}
		return nil
	}
}

func minArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usagef(cmd, "%q needs %s", name(cmd), what)
		}
		return nil
	}
}
