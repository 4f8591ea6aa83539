package saves

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"

	"github.com/chokepoint-game/chokepoint/game"
)

// document is a save of the present format version as JSON holds it. The
// field order here is the order of the file: what a person looks for
// first (what game, who played) before the long log and scenario text.
type document struct {
	Format   string         `json:"format"`
	Version  int            `json:"version"`
	ID       string         `json:"id"`
	Name     string         `json:"name"`
	Created  time.Time      `json:"created"`
	Updated  time.Time      `json:"updated"`
	Program  string         `json:"program"`
	Branch   *Branch        `json:"branch,omitempty"`
	Seed     *uint64        `json:"seed"`
	Seats    []Seat         `json:"seats"`
	Commands []game.Command `json:"commands"`
	Checks   []Check        `json:"checks"`
	Scenario scenarioDoc    `json:"scenario"`
}

// scenarioDoc holds the scenario's text as a list of lines, so that the
// copy reads as the YAML it is and a diff of two saves shows a changed
// line as one. Joining the lines with "\n" gives back the exact bytes
// (a final newline is a last empty line).
type scenarioDoc struct {
	ID     string   `json:"id"`
	Digest string   `json:"digest"`
	Source []string `json:"source"`
}

// Marshal writes the save as its file: indented JSON with one seat,
// command, check and scenario line per line, so that saves read and diff
// well. Updated is written as it is; the store sets it.
func (s *Save) Marshal() ([]byte, error) {
	checks, err := s.sealed()
	if err != nil {
		return nil, err
	}
	w := &writer{}
	w.b.Grow(len(s.Copy.Source) + 200*len(s.Commands) + 120*len(checks) + 1024)
	w.b.WriteString("{\n")
	w.field("format", Format)
	w.field("version", Version)
	w.field("id", s.ID)
	w.field("name", s.Name)
	w.field("created", s.Created)
	w.field("updated", s.Updated)
	w.field("program", s.Program)
	if s.BranchedFrom != nil {
		w.field("branch", s.BranchedFrom)
	}
	w.field("seed", s.Seed)
	w.list("seats", len(s.Seats), func(i int) any { return s.Seats[i] }, "  ")
	w.list("commands", len(s.Commands), func(i int) any { return &s.Commands[i] }, "  ")
	w.list("checks", len(checks), func(i int) any { return checks[i] }, "  ")
	w.b.WriteString("  \"scenario\": {\n")
	w.indent = "    "
	w.field("id", s.Copy.ID)
	w.field("digest", s.Copy.Digest)
	lines := strings.Split(string(s.Copy.Source), "\n")
	w.list("source", len(lines), func(i int) any { return lines[i] }, "    ")
	w.trimComma()
	w.b.WriteString("  }\n}\n")
	if w.err != nil {
		return nil, newError(ErrWrite, "encoding the save: %v", w.err)
	}
	return w.b.Bytes(), nil
}

// writer builds the file's JSON a field at a time. Values are encoded by
// encoding/json (without HTML escaping, so "<" stays readable), so every
// value is valid JSON however it was laid out.
type writer struct {
	b      bytes.Buffer
	indent string
	err    error
	tmp    bytes.Buffer
	enc    *json.Encoder
}

func (w *writer) value(v any) {
	if w.enc == nil {
		w.enc = json.NewEncoder(&w.tmp)
		w.enc.SetEscapeHTML(false)
	}
	w.tmp.Reset()
	if err := w.enc.Encode(v); err != nil && w.err == nil {
		w.err = err
	}
	w.b.Write(bytes.TrimSuffix(w.tmp.Bytes(), []byte("\n")))
}

func (w *writer) key(k string) {
	if w.indent == "" {
		w.indent = "  "
	}
	w.b.WriteString(w.indent)
	w.value(k)
	w.b.WriteString(": ")
}

func (w *writer) field(k string, v any) {
	w.key(k)
	w.value(v)
	w.b.WriteString(",\n")
}

// list writes an array with one element per line.
func (w *writer) list(k string, n int, elem func(i int) any, indent string) {
	w.key(k)
	if n == 0 {
		w.b.WriteString("[],\n")
		return
	}
	w.b.WriteString("[\n")
	for i := range n {
		w.b.WriteString(indent + "  ")
		w.value(elem(i))
		if i < n-1 {
			w.b.WriteByte(',')
		}
		w.b.WriteByte('\n')
	}
	w.b.WriteString(indent + "],\n")
}

// trimComma drops the comma after the last field of an object.
func (w *writer) trimComma() {
	b := w.b.Bytes()
	if n := len(b); n >= 2 && b[n-2] == ',' {
		b[n-2] = '\n'
		w.b.Truncate(n - 1)
	}
}
