//go:build !unix

package main

import "os"

// dieOfBrokenPipe ends the process with the code a shell gives a process
// killed by SIGPIPE; this system has no SIGPIPE to raise.
func dieOfBrokenPipe() { os.Exit(exitBrokenPipe) }

// stdoutClosed is false: the check needs the Unix file API.
func stdoutClosed() bool { return false }
