package content

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// A library is the shipped files of one kind, embedded in the binary so
// that a classroom copy runs with nothing but the executable, with the
// same ways to name them for every kind: by name (the file name without
// .yaml), or on a command line by name or path.
type library[T any] struct {
	kind string // "scenario"
	dir  string // "scenarios": the embedded folder
	fsys embed.FS
	load func(name string, data []byte) (*T, error)
}

// names lists the shipped files by name, sorted.
func (l *library[T]) names() []string {
	files, _ := fs.Glob(l.fsys, l.dir+"/*.yaml")
	names := make([]string, 0, len(files))
	for _, f := range files {
		names = append(names, strings.TrimSuffix(path.Base(f), ".yaml"))
	}
	slices.Sort(names)
	return names
}

func (l *library[T]) has(name string) bool { return slices.Contains(l.names(), name) }

// file is the name a shipped file goes by in problems.
func (l *library[T]) file(name string) string { return l.dir + "/" + name + ".yaml" }

// source returns the YAML of a shipped file, for a copy to edit.
func (l *library[T]) source(name string) ([]byte, error) {
	if !l.has(name) {
		return nil, fmt.Errorf("no shipped %s %q (shipped: %s)", l.kind, name, strings.Join(l.names(), ", "))
	}
	return l.fsys.ReadFile(l.file(name))
}

// get loads a shipped file by name.
func (l *library[T]) get(name string) (*T, error) {
	data, err := l.source(name)
	if err != nil {
		return nil, err
	}
	return l.load(l.file(name), data)
}

// loadFile reads and loads a file. A file that cannot be read is a plain
// error (wrapping the os error); a file with mistakes is a *Error.
func (l *library[T]) loadFile(p string) (*T, error) {
	data, err := readFile(p, l.kind)
	if err != nil {
		return nil, err
	}
	return l.load(p, data)
}

// resolve loads what a command line names: a shipped file when there is
// one by that name, otherwise a file path.
func (l *library[T]) resolve(ref string, get func(string) (*T, error)) (*T, error) {
	if l.has(ref) {
		return get(ref)
	}
	t, err := l.loadFile(ref)
	if errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(ref, `/\.`) {
		return nil, fmt.Errorf("no shipped %s and no file named %q (shipped: %s)", l.kind, ref, strings.Join(l.names(), ", "))
	}
	return t, err
}
