package saves

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// The kinds of failure a caller may want to tell apart. Every error the
// package returns for a save it cannot read or write is an *Error whose
// Kind is one of these, so errors.Is(err, saves.ErrMismatch) works.
var (
	// ErrNotExist: no file at the path, or no save of that name.
	ErrNotExist = errors.New("no such save")
	// ErrPermission: the file or directory may not be read or written.
	ErrPermission = errors.New("permission denied")
	// ErrIsDir: the path is a directory.
	ErrIsDir = errors.New("is a directory")
	// ErrNotRegular: the path is a device, a pipe or a socket.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge: the file is over MaxSize.
	ErrTooLarge = errors.New("too large")
	// ErrEmpty: the file holds nothing.
	ErrEmpty = errors.New("empty")
	// ErrTruncated: the file ends in the middle of the save.
	ErrTruncated = errors.New("truncated")
	// ErrCorrupt: the file is damaged: not valid JSON, a field of the wrong
	// kind, an unknown field, values that cannot belong together.
	ErrCorrupt = errors.New("corrupt")
	// ErrUnknownFormat: the file is not a Chokepoint save.
	ErrUnknownFormat = errors.New("not a save")
	// ErrBadVersion: the format version is missing or not a version.
	ErrBadVersion = errors.New("bad format version")
	// ErrNewerFormat: the save is in a format version this program does
	// not know, written by a newer one.
	ErrNewerFormat = errors.New("newer format")
	// ErrNewerProgram: the save was written by a newer version of the
	// program and this one cannot load it.
	ErrNewerProgram = errors.New("written by a newer program")
	// ErrScenario: the save's copy of its scenario does not load.
	ErrScenario = errors.New("broken scenario copy")
	// ErrMismatch: replaying the save's commands does not give the states
	// it records.
	ErrMismatch = errors.New("does not replay")
	// ErrDiskFull: a write failed for want of space or quota.
	ErrDiskFull = errors.New("disk full")
	// ErrRead: reading failed for another reason (an I/O error).
	ErrRead = errors.New("read failed")
	// ErrWrite: a write failed for another reason.
	ErrWrite = errors.New("write failed")
	// ErrBadName: a save name that cannot be a file name.
	ErrBadName = errors.New("bad save name")
	// ErrExists: a save of that name exists and replacing it was not asked.
	ErrExists = errors.New("save exists")
	// ErrNotRecording: the save was decoded but not verified, so it has no
	// state to record further commands against.
	ErrNotRecording = errors.New("not recording")
)

// Error is one failure to read, check or write a save, worded as a
// single line for a terminal or a title screen.
type Error struct {
	// File is the path or name of the save; empty when there is none
	// (a save decoded from bytes).
	File string
	// Kind is one of the Err sentinels of this package.
	Kind error
	// Msg says what went wrong, in a form that reads after "FILE: ".
	Msg string
	// Err is the underlying cause, when there is one.
	Err error
}

func (e *Error) Error() string {
	if e.File == "" {
		return e.Msg
	}
	return e.File + ": " + e.Msg
}

// Unwrap gives both the kind and the cause, so errors.Is finds the
// package's sentinel as well as fs.ErrNotExist or syscall.ENOSPC.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

func newError(kind error, format string, args ...any) *Error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

// withFile names the file an error is about, keeping a name already set.
func withFile(err error, file string) error {
	var e *Error
	if errors.As(err, &e) && e.File == "" {
		c := *e
		c.File = file
		return &c
	}
	return err
}

// osError turns an error of the file system into an *Error with a plain
// message. writing says whether it happened while saving.
func osError(err error, file string, writing bool) *Error {
	var errno syscall.Errno
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return &Error{File: file, Kind: ErrDiskFull, Msg: "the disk is full (or over quota); nothing was written and any earlier save is untouched", Err: err}
	case errors.Is(err, fs.ErrNotExist):
		return &Error{File: file, Kind: ErrNotExist, Msg: "no such file or directory", Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &Error{File: file, Kind: ErrPermission, Msg: "permission denied", Err: err}
	case errors.Is(err, syscall.EROFS):
		return &Error{File: file, Kind: ErrPermission, Msg: "the file system is read-only", Err: err}
	case errors.Is(err, syscall.EISDIR):
		return &Error{File: file, Kind: ErrIsDir, Msg: "is a directory", Err: err}
	case errors.As(err, &errno):
		kind := ErrRead
		if writing {
			kind = ErrWrite
		}
		return &Error{File: file, Kind: kind, Msg: errno.Error(), Err: err}
	}
	kind, verb := ErrRead, "reading"
	if writing {
		kind, verb = ErrWrite, "writing"
	}
	return &Error{File: file, Kind: kind, Msg: verb + " failed: " + plain(err), Err: err}
}

// plain is an error's message without the path an *fs.PathError adds,
// since Error puts the file first already.
func plain(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}
