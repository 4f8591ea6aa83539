package main

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// outWriter carries a command's main output and remembers the first
// error writing it, so that output lost to a full disk or a closed
// stdout ends the command with exit 1 instead of passing for success.
// After an error it writes nothing more.
type outWriter struct {
	w   io.Writer
	err error
}

func (o *outWriter) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	if err != nil {
		o.err = err
	}
	return n, err
}

// fileOf returns the file under w, for asking whether it is a terminal
// and for drawing on it.
func fileOf(w io.Writer) (*os.File, bool) {
	if o, ok := w.(*outWriter); ok {
		w = o.w
	}
	f, ok := w.(*os.File)
	return f, ok
}

// exitBrokenPipe is the code of a process killed by SIGPIPE, as a shell
// reports it: the reader of the output went away (| head), which is how a
// command line tool is expected to end, quietly.
const exitBrokenPipe = 128 + 13

func isBrokenPipe(err error) bool { return errors.Is(err, syscall.EPIPE) }
