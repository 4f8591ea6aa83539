package main

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

func newScenarioCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "scenario",
		Short: "List, show and check scenarios",
		Args:  noSubcommand,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:   "list",
			Short: "List the shipped scenarios",
			Args:  exactArgs(0, "no arguments"),
			RunE: func(cmd *cobra.Command, _ []string) error {
				return content.WriteList(safetext.NewWriter(cmd.OutOrStdout()), content.Shipped())
			},
		},
		&cobra.Command{
			Use:   "show ID|FILE",
			Short: "Describe a scenario: calendar, seats, levers, model, events, debrief",
			Long: "Describe a shipped scenario (by id) or a scenario file. Secret objectives\n" +
				"and seat briefings are not shown: they belong to one seat.",
			Args: exactArgs(1, "one scenario id or file"),
			RunE: func(cmd *cobra.Command, args []string) error {
				sc, err := content.Resolve(args[0])
				if err != nil {
					return reportLoadError(cmd, args[0], err)
				}
				return content.WriteSummary(safetext.NewWriter(cmd.OutOrStdout()), sc)
			},
		},
		&cobra.Command{
			Use:   "validate FILE...",
			Short: "Check scenario files and report every mistake with its line",
			Long: "Check scenario files. A valid file prints \"FILE: ok\"; an invalid one prints\n" +
				"each problem as FILE:LINE:COL: field: message on stderr. The exit code is 0\n" +
				"when every file is valid and 1 otherwise.",
			Args: minArgs(1, "at least one scenario file"),
			RunE: func(cmd *cobra.Command, args []string) error {
				return validateFiles(cmd, args, func(path string) error {
					_, err := content.LoadFile(path)
					return err
				})
			},
		},
	)
	return cmd
}

// reportLoadError prints why a content file did not load: each problem on
// its own line, or why the file could not be read. The command then exits
// 1.
func reportLoadError(cmd *cobra.Command, name string, err error) error {
	var ce *content.Error
	var pe *fs.PathError
	name = safetext.Escape(name, false)
	switch {
	case errors.As(err, &ce):
		fmt.Fprintln(cmd.ErrOrStderr(), ce.Error())
	case errors.As(err, &pe):
		fmt.Fprintf(cmd.ErrOrStderr(), "%s: cannot read: %v\n", name, pe.Err)
	default:
		fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s\n", name, safetext.Escape(err.Error(), true))
	}
	return exitError(exitFailure)
}

// scenarioFlag loads the scenario a --scenario flag names: a scenario
// file with mistakes is reported like validate reports it, anything else
// (no such id or file) is a usage mistake.
func scenarioFlag(cmd *cobra.Command, ref string) (*game.Scenario, error) {
	sc, err := content.Resolve(ref)
	if err == nil {
		return sc, nil
	}
	var ce *content.Error
	if errors.As(err, &ce) {
		return nil, reportLoadError(cmd, ref, err)
	}
	return nil, usagef(cmd, "--scenario: %v", err)
}

// sourceFlag is scenarioFlag with the scenario's text, which a save keeps
// a copy of.
func sourceFlag(cmd *cobra.Command, ref string) (*content.Source, error) {
	src, err := content.ResolveSource(ref)
	if err == nil {
		return src, nil
	}
	var ce *content.Error
	if errors.As(err, &ce) {
		return nil, reportLoadError(cmd, ref, err)
	}
	return nil, usagef(cmd, "--scenario: %v", err)
}
