package main

import (
	"errors"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/chokepoint-game/chokepoint/game/sim"
	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

type mergeFlags struct {
	json bool
	sweepOut
}

func newMergeCmd() *cobra.Command {
	var f mergeFlags
	cmd := &cobra.Command{
		Use:   "merge FILE...",
		Short: "Sum up the raw results of the shards of a sim or sweep run",
		Long: "Read the raw results files written by the shards of one run (chokepoint sim or\n" +
			"sweep with --shard K/N --raw FILE, N files in any order, - for the standard\n" +
			"input) and print exactly what the run would have printed on one machine: the\n" +
			"same bytes, for the same output flags. Every shard must be there once, and\n" +
			"every file must come from the same command line but for --shard.",
		Example: "  chokepoint merge part-*.jsonl\n" +
			"  chokepoint merge --json part-*.jsonl\n" +
			"  chokepoint merge --csv --html sensitivity.html sweep-*.jsonl",
		Args: minArgs(1, "at least one raw results file"),
		RunE: func(cmd *cobra.Command, args []string) error { return runMerge(cmd, &f, args) },
	}
	fl := cmd.Flags()
	fl.BoolVar(&f.json, "json", false, "print the results as one JSON object")
	f.sweepOut.flags(cmd, "for a sweep: ")
	return cmd
}

func runMerge(cmd *cobra.Command, f *mergeFlags, args []string) error {
	var readers []*sim.RawReader
	stdin := false
	for _, name := range args {
		var r io.Reader
		if name == "-" {
			if stdin {
				return usagef(cmd, "the standard input (-) can be read once only")
			}
			stdin, r = true, cmd.InOrStdin()
		} else {
			file, err := os.Open(name)
			if err != nil {
				var pe *os.PathError
				if errors.As(err, &pe) {
					return usagef(cmd, "%s: cannot read: %v", name, pe.Err)
				}
				return err
			}
			defer file.Close()
			r = file
		}
		rr, err := sim.NewRawReader(name, r)
		if err != nil {
			return err
		}
		readers = append(readers, rr)
	}
	if readers[0].Header.Kind == "sweep" {
		if err := f.sweepOut.check(cmd, f.json); err != nil {
			return err
		}
		return mergeSweep(cmd, &f.sweepOut, f.json, readers)
	}
	if f.sweepOut.given() {
		return usagef(cmd, "--csv, --html and --outcome are for sweeps; these files hold a sim run")
	}
	res, err := sim.MergeRun(readers)
	if err != nil {
		return err
	}
	if f.json {
		return sim.WriteJSON(cmd.OutOrStdout(), res)
	}
	return sim.WriteTable(safetext.NewWriter(cmd.OutOrStdout()), res)
}
