package sim

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
)

// RawFormat names the raw results format and its version, the first field
// of a raw file's first line.
const RawFormat = "chokepoint-raw/1"

// RawHeader is the first line of a raw file: what was run, so that a
// merge can check that its files are shards of one run and sum them up
// without the scenario or the players.
type RawHeader struct {
	Format string  `json:"format"`
	Kind   string  `json:"kind"` // "sim" or "sweep"
	Layout *Layout `json:"layout"`
	// Games is the games of the run, or of each point of a sweep; Seed
	// the seed of game 0 (of each point).
	Games  int    `json:"games"`
	Seed   uint64 `json:"seed"`
	Points int    `json:"points"`
	Shard  Shard  `json:"shard"`
	// Plan is the sweep's points, as the sweep package writes them.
	Plan json.RawMessage `json:"plan,omitempty"`
}

// Units is how many games the whole run plays.
func (h *RawHeader) Units() int { return h.Points * h.Games }

// sameRun reports whether two headers are shards of the same run.
func (h *RawHeader) sameRun(o *RawHeader) bool {
	a, b := *h, *o
	a.Shard, b.Shard = Shard{}, Shard{}
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

// RawError is a raw file that cannot be merged: not one, damaged, or not
// a shard of the same run as the others.
type RawError struct {
	File string
	Line int
	Msg  string
}

func (e *RawError) Error() string {
	switch {
	case e.File != "" && e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	case e.File != "":
		return e.File + ": " + e.Msg
	}
	return e.Msg
}

// RawWriter writes a raw file: the header, then one JSON line per game in
// unit order.
type RawWriter struct {
	w   *bufio.Writer
	err error
}

// NewRawWriter writes the header and returns the writer for the games.
func NewRawWriter(w io.Writer, h *RawHeader) (*RawWriter, error) {
	h.Format = RawFormat
	rw := &RawWriter{w: bufio.NewWriterSize(w, 1<<16)}
	rw.line(h)
	return rw, rw.err
}

func (rw *RawWriter) line(v any) {
	if rw.err != nil {
		return
	}
	b, err := json.Marshal(v)
	if err == nil {
		b = append(b, '\n')
		_, err = rw.w.Write(b)
	}
	rw.err = err
}

// Write adds one game's outcome.
func (rw *RawWriter) Write(o *Outcome) error {
	rw.line(o)
	return rw.err
}

// Flush writes what is buffered.
func (rw *RawWriter) Flush() error {
	if rw.err != nil {
		return rw.err
	}
	return rw.w.Flush()
}

// maxRawLine bounds a raw file's line: a header with a large sweep plan
// is the longest.
const maxRawLine = 64 << 20

// RawReader reads a raw file.
type RawReader struct {
	Header RawHeader
	name   string
	r      *bufio.Reader
	line   int
}

// NewRawReader reads the header of the raw file r, named name in errors.
func NewRawReader(name string, r io.Reader) (*RawReader, error) {
	rr := &RawReader{name: name, r: bufio.NewReaderSize(r, 1<<16)}
	b, err := rr.next()
	if err == io.EOF {
		return nil, &RawError{File: name, Msg: "empty: not a raw results file"}
	}
	if err != nil {
		return nil, err
	}
	if err := strictJSON(b, &rr.Header); err != nil || rr.Header.Format != RawFormat {
		return nil, &RawError{File: name, Line: 1, Msg: "not a raw results file (" + RawFormat + ")"}
	}
	h := &rr.Header
	switch {
	case h.Kind != "sim" && h.Kind != "sweep":
		return nil, &RawError{File: name, Line: 1, Msg: fmt.Sprintf("unknown kind %q", h.Kind)}
	case h.Layout == nil:
		return nil, &RawError{File: name, Line: 1, Msg: "no layout"}
	case h.Games < 1 || h.Games > MaxGames || h.Points < 1 || int64(h.Points)*int64(h.Games) > math.MaxInt32:
		return nil, &RawError{File: name, Line: 1, Msg: "the games or points are out of range"}
	case h.Shard.N < 1 || h.Shard.N > MaxShards || h.Shard.K < 1 || h.Shard.K > h.Shard.N:
		return nil, &RawError{File: name, Line: 1, Msg: "the shard is not K/N"}
	}
	if err := h.Layout.check(); err != nil {
		return nil, &RawError{File: name, Line: 1, Msg: err.Error()}
	}
	return rr, nil
}

func (rr *RawReader) next() ([]byte, error) {
	var line []byte
	for {
		b, err := rr.r.ReadSlice('\n')
		line = append(line, b...)
		if len(line) > maxRawLine {
			return nil, &RawError{File: rr.name, Line: rr.line + 1, Msg: "line too long"}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && len(line) > 0 {
			return nil, &RawError{File: rr.name, Line: rr.line + 1, Msg: "the last line is cut short (no newline): was the run stopped?"}
		}
		if err != nil {
			if err != io.EOF {
				err = &RawError{File: rr.name, Msg: err.Error()}
			}
			return nil, err
		}
		rr.line++
		return line, nil
	}
}

// Next reads the next game's outcome; io.EOF after the last.
func (rr *RawReader) Next() (*Outcome, error) {
	b, err := rr.next()
	if err != nil {
		return nil, err
	}
	o := new(Outcome)
	if err := strictJSON(b, o); err != nil || !rr.Header.Layout.fits(o) {
		return nil, &RawError{File: rr.name, Line: rr.line, Msg: "not a game outcome of this run"}
	}
	return o, nil
}

// strictJSON decodes one JSON value, refusing unknown fields.
func strictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// Replay checks that readers are the shards of one run, every shard once,
// and calls each with every outcome in unit order, checking that no unit
// is missing or repeated. It returns the runs' header (with the shard of
// the whole run).
func Replay(readers []*RawReader, each func(o *Outcome) error) (*RawHeader, error) {
	if len(readers) == 0 {
		return nil, &RawError{Msg: "no raw files to merge"}
	}
	first := &readers[0].Header
	n := first.Shard.N
	byShard := make([]*RawReader, n)
	for _, rr := range readers {
		h := &rr.Header
		if !h.sameRun(first) || h.Shard.N != n {
			return nil, &RawError{File: rr.name, Msg: fmt.Sprintf("not a shard of the same run as %s", readers[0].name)}
		}
		if prev := byShard[h.Shard.K-1]; prev != nil {
			return nil, &RawError{File: rr.name, Msg: fmt.Sprintf("shard %s is also in %s", h.Shard, prev.name)}
		}
		byShard[h.Shard.K-1] = rr
	}
	var missing []int
	for k, rr := range byShard {
		if rr == nil {
			missing = append(missing, k+1)
		}
	}
	if len(missing) > 0 {
		return nil, &RawError{Msg: fmt.Sprintf("shards missing: %s of %d", shardList(missing), n)}
	}
	total := first.Units()
	for _, rr := range byShard {
		lo, hi := rr.Header.Shard.Range(total)
		for u := lo; ; u++ {
			o, err := rr.Next()
			if errors.Is(err, io.EOF) {
				if u < hi {
					return nil, &RawError{File: rr.name, Msg: fmt.Sprintf("ends after %d of its %d games: was the run stopped?", u-lo, hi-lo)}
				}
				break
			}
			if err != nil {
				return nil, err
			}
			if u >= hi || o.Point != u/first.Games || o.Game != u%first.Games {
				return nil, &RawError{File: rr.name, Line: rr.line, Msg: fmt.Sprintf("game %d of point %d is not the shard's next game", o.Game, o.Point)}
			}
			if err := each(o); err != nil {
				return nil, err
			}
		}
	}
	h := *first
	h.Shard = Shard{1, 1}
	return &h, nil
}

// shardList writes 1, 2, 5-9.
func shardList(ks []int) string {
	var b bytes.Buffer
	for i := 0; i < len(ks); {
		j := i
		for j+1 < len(ks) && ks[j+1] == ks[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		if j > i {
			fmt.Fprintf(&b, "%d-%d", ks[i], ks[j])
		} else {
			fmt.Fprintf(&b, "%d", ks[i])
		}
		i = j + 1
	}
	return b.String()
}

// MergeRun sums up the shards of a sim run as the run itself would have:
// the same Result, to the last bit.
func MergeRun(readers []*RawReader) (*Result, error) {
	if len(readers) > 0 && readers[0].Header.Kind != "sim" {
		return nil, &RawError{File: readers[0].name, Msg: "holds a sweep's games, not a sim run's"}
	}
	var sum *Summer
	h, err := Replay(readers, func(o *Outcome) error {
		if sum == nil {
			sum = NewSummer(readers[0].Header.Layout, readers[0].Header.Games)
		}
		sum.Add(o)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sum.Result(h.Games, h.Seed), nil
}
