// Command chokepoint is the Chokepoint negotiation war-game: play, simulate
// and manage scenarios from a terminal.
package main

import (
	"fmt"
	"os"
)

func main() {
	if stdoutClosed() {
		fmt.Fprintln(os.Stderr, "chokepoint: the standard output is closed: there is nowhere to write")
		os.Exit(exitFailure)
	}
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	if code == exitBrokenPipe {
		dieOfBrokenPipe()
	}
	os.Exit(code)
}
