// Command chokepoint is the Chokepoint negotiation war-game: play, simulate
// and manage scenarios from a terminal.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
