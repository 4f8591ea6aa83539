package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// contentKind is what the list, show and validate commands need of one
// kind of content file (playbooks, personalities).
type contentKind struct {
	name, plural string
	names        func() []string
	list         func(io.Writer) error
	source       func(name string) ([]byte, error)
	// check loads a file and checks it as far as it can be alone.
	check func(path string) error
}

var playbookKind = contentKind{
	name: "playbook", plural: "playbooks",
	names:  content.PlaybookNames,
	list:   func(w io.Writer) error { return content.WritePlaybookList(w, content.ShippedPlaybooks()) },
	source: content.PlaybookSource,
	check:  checkPlaybook,
}

var personalityKind = contentKind{
	name: "personality", plural: "personalities",
	names:  content.PersonalityNames,
	list:   func(w io.Writer) error { return content.WritePersonalityList(w, content.ShippedPersonalities()) },
	source: content.PersonalitySource,
	check: func(path string) error {
		_, err := content.LoadPersonalityFile(path)
		return err
	},
}

// checkPlaybook checks a playbook file, and, when it says which shipped
// scenario and seat it was written for, checks it against them too: its
// levers, levels and targets.
func checkPlaybook(path string) error {
	f, err := content.LoadPlaybookFile(path)
	if err != nil {
		return err
	}
	pb := f.Playbook
	if pb.Scenario == "" || pb.Seat == "" || !slices.Contains(content.ScenarioNames(), pb.Scenario) {
		return nil
	}
	sc, err := content.Get(pb.Scenario)
	if err != nil {
		return err
	}
	_, err = f.Player(sc, pb.Seat, "playbook:"+path)
	return err
}

func newKindCmd(k contentKind, short, long string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   k.name,
		Short: short,
		Long:  long,
		Args:  noSubcommand,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:   "list",
			Short: "List the shipped " + k.plural,
			Args:  exactArgs(0, "no arguments"),
			RunE: func(cmd *cobra.Command, _ []string) error {
				return k.list(safetext.NewWriter(cmd.OutOrStdout()))
			},
		},
		&cobra.Command{
			Use:   "show NAME|FILE",
			Short: "Print a " + k.name + "'s YAML, commented, to read or to copy and edit",
			Long: "Print the YAML of a shipped " + k.name + " (by name), with its comments, to read it\n" +
				"or to start your own from it; or check a " + k.name + " FILE and print it.",
			Example: fmt.Sprintf("  chokepoint %s show %s > my-%s.yaml", k.name, k.names()[0], k.name),
			Args:    exactArgs(1, "one "+k.name+" name or file"),
			RunE: func(cmd *cobra.Command, args []string) error {
				data, err := showSource(k, args[0])
				if err != nil {
					return err
				}
				_, err = safetext.NewWriter(cmd.OutOrStdout()).Write(data)
				return err
			},
		},
		&cobra.Command{
			Use:   "validate FILE...",
			Short: "Check " + k.name + " files and report every mistake with its line",
			Long: "Check " + k.name + " files. A valid file prints \"FILE: ok\"; an invalid one prints\n" +
				"each problem as FILE:LINE:COL: field: message on stderr. The exit code is 0\n" +
				"when every file is valid and 1 otherwise.",
			Args: minArgs(1, "at least one "+k.name+" file"),
			RunE: func(cmd *cobra.Command, args []string) error {
				return validateFiles(cmd, args, k.check)
			},
		},
	)
	return cmd
}

// showSource is the text show prints: a shipped file's YAML, or a file
// the user names once it checks.
func showSource(k contentKind, ref string) ([]byte, error) {
	if slices.Contains(k.names(), ref) {
		return k.source(ref)
	}
	if err := k.check(ref); err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) && errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no shipped %s and no file named %q (shipped: %s)", k.name, ref, strings.Join(k.names(), ", "))
		}
		return nil, err
	}
	return os.ReadFile(ref)
}

// validateFiles checks each file and prints "FILE: ok" or its mistakes,
// one a line; it fails when any file does.
func validateFiles(cmd *cobra.Command, paths []string, check func(string) error) error {
	failed := false
	for _, path := range paths {
		if err := check(path); err != nil {
			failed = true
			_ = reportLoadError(cmd, path, err)
			continue
		}
		fmt.Fprintf(cmd.OutOrStdout(), "%s: ok\n", safetext.Escape(path, false))
	}
	if failed {
		return exitError(exitFailure)
	}
	return nil
}
