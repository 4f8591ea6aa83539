//go:build unix

package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// dieOfBrokenPipe ends the process the way a write to a closed pipe
// ends a command line tool: killed by SIGPIPE, so that the shell and the
// rest of a pipeline see the usual status. The Go runtime does that by
// itself for a write to stdout or stderr, but a file named on the command
// line (a trace to /dev/stdout, or a process substitution) only gets
// EPIPE. So the runtime is given its case: stdout becomes a pipe whose
// reader is gone, and a write to it. If SIGPIPE is ignored, the process
// exits with the code a shell shows for it.
func dieOfBrokenPipe() {
	if r, w, err := os.Pipe(); err == nil {
		r.Close()
		if unix.Dup2(int(w.Fd()), 1) == nil {
			_, _ = os.Stdout.Write([]byte{'\n'})
		}
	}
	os.Exit(exitBrokenPipe)
}

// stdoutClosed reports whether the process started with its standard
// output closed (chokepoint >&-). The Go runtime then opens /dev/null
// read-write in its place, so that writes succeed and the output is lost
// without a word; a redirection to /dev/null by a shell opens it
// write-only, so the two can be told apart.
func stdoutClosed() bool {
	flags, err := unix.FcntlInt(1, unix.F_GETFL, 0)
	if err != nil || flags&unix.O_ACCMODE != unix.O_RDWR {
		return false
	}
	var out, null unix.Stat_t
	if unix.Fstat(1, &out) != nil || unix.Stat(os.DevNull, &null) != nil {
		return false
	}
	return out.Mode&unix.S_IFMT == unix.S_IFCHR && out.Rdev == null.Rdev
}
