package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/chokepoint-game/chokepoint/game/sim"
)

// shardFlag reads --shard: empty is the whole run. A shard writes only
// raw results, so it needs --raw.
func shardFlag(cmd *cobra.Command, value, raw string) (sim.Shard, error) {
	if value == "" {
		return sim.Shard{}, nil
	}
	s, err := sim.ParseShard(value)
	if err != nil {
		return sim.Shard{}, usagef(cmd, "--shard: %v", err)
	}
	if raw == "" {
		return sim.Shard{}, usagef(cmd, "--shard %s writes its games' outcomes to --raw FILE: give one", value)
	}
	return s, nil
}

// output is a file a command writes besides its main output: nothing
// (w nil) for an empty path, the standard output for "-".
type output struct {
	path string
	w    *bufio.Writer
	f    *os.File
}

func openOutput(cmd *cobra.Command, path string) (*output, error) {
	o := &output{path: path}
	switch path {
	case "":
		return o, nil
	case "-":
		o.w = bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
		return o, nil
	}
	// Write-only, as --trace: see there.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	o.f, o.w = f, bufio.NewWriterSize(f, 1<<16)
	return o, nil
}

// writer is where to write, nil for no output: a nil *bufio.Writer in an
// io.Writer would not compare equal to nil.
func (o *output) writer() io.Writer {
	if o.w == nil {
		return nil
	}
	return o.w
}

// finish flushes and closes the file, reporting a failure to write it.
func (o *output) finish() error {
	if o.w == nil {
		return nil
	}
	err := o.w.Flush()
	if o.f != nil {
		if cerr := o.f.Close(); err == nil {
			err = cerr
		}
		o.f = nil
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", o.path, err)
	}
	return nil
}

// Close closes the file if finish did not (an early return).
func (o *output) Close() {
	if o.f != nil {
		o.f.Close()
	}
}
