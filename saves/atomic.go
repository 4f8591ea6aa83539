package saves

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// FS is the file operations saves are written with. The default, OS, is
// the operating system's; a test substitutes one whose writes fail (a
// full disk) to see that nothing is lost.
type FS interface {
	// CreateTemp creates a new file in dir, as os.CreateTemp does.
	CreateTemp(dir, pattern string) (File, error)
	Rename(oldpath, newpath string) error
	Remove(name string) error
	// SyncDir flushes a directory's entries (a rename) to the disk.
	SyncDir(dir string) error
}

// File is a file being written.
type File interface {
	io.Writer
	Name() string
	Sync() error
	Close() error
}

// OS is the operating system's file operations.
type OS struct{}

// CreateTemp creates the file with os.CreateTemp (mode 0600: a save may
// hold the names of the people who played).
func (OS) CreateTemp(dir, pattern string) (File, error) { return os.CreateTemp(dir, pattern) }

// Rename is os.Rename.
func (OS) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

// Remove is os.Remove.
func (OS) Remove(name string) error { return os.Remove(name) }

// SyncDir opens the directory and syncs it.
func (OS) SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// tmpPrefix starts the name of a save being written. Such files are
// never listed or loaded; one left by a crash is removed after an hour.
const tmpPrefix = ".tmp-"

// writeAtomic replaces the file at path with data so that at every
// instant the path holds either the old file whole or the new one whole:
// the data goes to a temporary file in the same directory, which is
// synced, then renamed over the path (an atomic step), and the directory
// is synced so the rename survives a power cut. On any failure the
// temporary file is removed and the old file is untouched.
func writeAtomic(fsys FS, path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	f, err := fsys.CreateTemp(dir, tmpPrefix+filepath.Base(path)+"-*")
	if errors.Is(err, fs.ErrNotExist) {
		return &Error{File: path, Kind: ErrNotExist, Msg: "cannot be written: there is no directory " + dir, Err: err}
	}
	if err != nil {
		return osError(err, path, true)
	}
	tmp := f.Name()
	renamed := false
	defer func() {
		if !renamed {
			_ = fsys.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		f.Close()
		return osError(err, path, true)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return osError(err, path, true)
	}
	if err := f.Close(); err != nil {
		return osError(err, path, true)
	}
	if err := fsys.Rename(tmp, path); err != nil {
		return osError(err, path, true)
	}
	renamed = true
	if err := fsys.SyncDir(dir); err != nil {
		return osError(err, path, true)
	}
	return nil
}

// WriteFile writes the save to path atomically (see Store for how),
// setting its Updated time. It is for a file a person names on the
// command line; games kept for them go through a Store.
func WriteFile(path string, s *Save) error {
	c := s.Snapshot()
	c.Updated = now()
	data, err := c.Marshal()
	if err != nil {
		return withFile(err, path)
	}
	return writeAtomic(OS{}, path, data)
}
