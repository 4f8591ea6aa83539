package saves

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/mod/semver"

	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// Decode reads a save from its bytes, checking that it is complete and
// well formed, and migrating an older format version to the present one.
// It does not replay the game: Verify does (Read does both). Every error
// is an *Error with one line of message.
func Decode(data []byte) (*Save, error) {
	if len(data) > MaxSize {
		return nil, newError(ErrTooLarge, "the file is %s, more than the %d MiB a save may be", size(int64(len(data))), MaxSize>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, newError(ErrEmpty, "the file is empty")
	}
	// The common case, a well-formed save of the present version, takes
	// one strict pass; anything else goes the slower way below, which
	// tells the kinds of failure apart and migrates older versions.
	if doc, ok := decodePresent(data); ok {
		s, err := fromDocument(doc)
		if err != nil {
			return nil, newerProgram(err, doc.Program)
		}
		return s, nil
	}
	fields, err := topLevel(data)
	if err != nil {
		return nil, err
	}
	program := stringField(fields, "program")
	s, err := decodeFields(data, fields)
	if err != nil {
		return nil, newerProgram(err, program)
	}
	return s, nil
}

// decodePresent decodes a save of the present version strictly; ok is
// false for anything else.
func decodePresent(data []byte) (*document, bool) {
	var doc document
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil || doc.Format != Format || doc.Version != Version {
		return nil, false
	}
	if len(bytes.TrimSpace(data[dec.InputOffset():])) > 0 {
		return nil, false
	}
	return &doc, true
}

// topLevel reads the file as one JSON object, without looking inside its
// values, and tells a truncated or damaged file from one that is not a
// save at all.
func topLevel(data []byte) (map[string]json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var fields map[string]json.RawMessage
	err := dec.Decode(&fields)
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case err == nil:
	case errors.Is(err, io.ErrUnexpectedEOF):
		return nil, newError(ErrTruncated, "the file ends in the middle of the save: it is truncated")
	case errors.As(err, &se):
		first := bytes.TrimLeft(data, " \t\r\n")[0]
		if first != '{' {
			return nil, newError(ErrUnknownFormat, "not a Chokepoint save (not a JSON object)")
		}
		line, col := position(data, se.Offset-1) // Offset is just past the bad byte
		return nil, newError(ErrCorrupt, "the file is damaged: not valid JSON at line %d, column %d (%s)", line, col, se.Error())
	case errors.As(err, &te):
		return nil, newError(ErrUnknownFormat, "not a Chokepoint save (a JSON %s, not an object)", te.Value)
	default:
		return nil, newError(ErrCorrupt, "the file is damaged: %s", oneLine(err))
	}
	if end := dec.InputOffset(); len(bytes.TrimSpace(data[end:])) > 0 {
		rest := bytes.TrimLeft(data[end:], " \t\r\n")
		line, col := position(data, int64(len(data)-len(rest)))
		return nil, newError(ErrCorrupt, "the file is damaged: more data after the end of the save, at line %d, column %d", line, col)
	}
	if fields == nil {
		return nil, newError(ErrUnknownFormat, "not a Chokepoint save (JSON null)")
	}
	format, ok := fields["format"]
	if !ok {
		if sc := fields["scenario"]; len(sc) > 0 && sc[0] == '"' && fields["commands"] != nil && fields["checks"] == nil {
			return nil, newError(ErrUnknownFormat, "a bare command log (as `chokepoint sim --save` wrote before saves existed), not a save")
		}
		return nil, newError(ErrUnknownFormat, "not a Chokepoint save (it has no \"format\" field)")
	}
	var f string
	if json.Unmarshal(format, &f) != nil || f != Format {
		return nil, newError(ErrUnknownFormat, "not a Chokepoint save (its format is %s, not %q)", clip(string(format), 40), Format)
	}
	return fields, nil
}

// decodeFields checks the version, migrates and decodes strictly.
func decodeFields(data []byte, fields map[string]json.RawMessage) (*Save, error) {
	raw, ok := fields["version"]
	if !ok {
		return nil, newError(ErrBadVersion, "the save has no format version")
	}
	v, err := strconv.Atoi(string(raw))
	if err != nil || v < 1 {
		return nil, newError(ErrBadVersion, "the format version is %s, not a version (1 or more)", clip(string(raw), 20))
	}
	if v > Version {
		by := ""
		if p := stringField(fields, "program"); p != "" {
			by = " (" + p + ")"
		}
		return nil, newError(ErrNewerFormat, "the save is in format version %d, written by a newer chokepoint%s; this one (%s) reads up to version %d: update chokepoint to load it", v, by, ProgramVersion, Version)
	}
	if v < Version {
		for ; v < Version; v++ {
			m, ok := migrations[v]
			if !ok {
				return nil, newError(ErrBadVersion, "format version %d cannot be read: no migration from it", v)
			}
			if err := m(fields); err != nil {
				return nil, &Error{Kind: ErrCorrupt, Msg: fmt.Sprintf("migrating from format version %d: %s", v, oneLine(err)), Err: err}
			}
			fields["version"] = json.RawMessage(strconv.Itoa(v + 1))
		}
		if data, err = json.Marshal(fields); err != nil {
			return nil, newError(ErrCorrupt, "migrating: %s", oneLine(err))
		}
	}
	var doc document
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, decodeError(err)
	}
	return fromDocument(&doc)
}

// decodeError words an error of the strict decoder.
func decodeError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		where := te.Field
		if where == "" {
			where = "a value"
		}
		return &Error{Kind: ErrCorrupt, Msg: fmt.Sprintf("the file is damaged: %s holds a JSON %s where %s belongs", where, te.Value, kindName(te.Type.String())), Err: err}
	}
	msg := oneLine(err)
	msg = strings.TrimPrefix(msg, "json: ")
	return &Error{Kind: ErrCorrupt, Msg: "the file is damaged: " + msg, Err: err}
}

func kindName(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"), strings.HasPrefix(t, "float"):
		return "a number"
	case t == "string":
		return "a string"
	case t == "bool":
		return "true or false"
	}
	return "an object (" + t + ")"
}

// fromDocument checks what JSON cannot (fields present, values that fit
// together) and builds the Save.
func fromDocument(d *document) (*Save, error) {
	switch {
	case !validID(d.ID):
		return nil, newError(ErrCorrupt, "the game id %q is not 8 to 64 lower-case hex digits", clip(d.ID, 70))
	case d.Seed == nil:
		return nil, newError(ErrCorrupt, "the save has no seed")
	case d.Seats == nil:
		return nil, newError(ErrCorrupt, "the save has no seats")
	case d.Commands == nil:
		return nil, newError(ErrCorrupt, "the save has no command log")
	case len(d.Checks) == 0:
		return nil, newError(ErrCorrupt, "the save has no state hashes")
	case d.Scenario.ID == "":
		return nil, newError(ErrCorrupt, "the save does not name its scenario")
	case !validDigest(d.Scenario.Digest):
		return nil, newError(ErrCorrupt, "the scenario digest %q is not sha256: and 64 hex digits", clip(d.Scenario.Digest, 80))
	case len(d.Scenario.Source) == 0:
		return nil, newError(ErrCorrupt, "the save has no copy of its scenario")
	}
	if p := safetext.Check(d.Name, false); p != nil {
		return nil, newError(ErrCorrupt, "the save's name %s", p.Error())
	}
	seen := map[string]bool{}
	for i, s := range d.Seats {
		switch {
		case s.Seat == "":
			return nil, newError(ErrCorrupt, "seat %d has no id", i+1)
		case seen[s.Seat]:
			return nil, newError(ErrCorrupt, "seat %s is listed twice", clip(s.Seat, 40))
		}
		if err := checkSeat(s); err != nil {
			return nil, err
		}
		seen[s.Seat] = true
	}
	prev := -1
	for i, c := range d.Checks {
		switch {
		case i == 0 && c.After != 0:
			return nil, newError(ErrCorrupt, "the first state hash is after %d commands, not at the start", c.After)
		case c.After <= prev && i > 0:
			return nil, newError(ErrCorrupt, "state hash %d is after %d commands, not after the one before it (%d)", i+1, c.After, prev)
		case c.After > len(d.Commands):
			return nil, newError(ErrCorrupt, "state hash %d is after %d commands, but the log has %d", i+1, c.After, len(d.Commands))
		case !validHash(c.Hash):
			return nil, newError(ErrCorrupt, "state hash %d is not 64 hex digits", i+1)
		case c.Turn < 0:
			return nil, newError(ErrCorrupt, "state hash %d is at turn %d", i+1, c.Turn)
		}
		prev = c.After
	}
	if last := d.Checks[len(d.Checks)-1].After; last != len(d.Commands) {
		return nil, newError(ErrCorrupt, "the last state hash is after %d commands, but the log has %d", last, len(d.Commands))
	}
	if b := d.Branch; b != nil {
		if !validID(b.Parent) || b.Turn < 0 || b.After < 0 || b.After > len(d.Commands) {
			return nil, newError(ErrCorrupt, "the branch record (parent %q, turn %d, after %d commands) does not fit the save", clip(b.Parent, 70), b.Turn, b.After)
		}
	}
	return &Save{
		ID: d.ID, Name: d.Name, Created: d.Created, Updated: d.Updated, Program: d.Program,
		BranchedFrom: d.Branch, Seed: *d.Seed, Seats: d.Seats, Commands: d.Commands, Checks: d.Checks,
		Copy: ScenarioCopy{ID: d.Scenario.ID, Digest: d.Scenario.Digest, Source: []byte(strings.Join(d.Scenario.Source, "\n"))},
	}, nil
}

func validID(id string) bool {
	if len(id) < 8 || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return false
		}
	}
	return true
}

func validHash(h string) bool {
	if len(h) != 64 || strings.ToLower(h) != h {
		return false
	}
	_, err := hex.DecodeString(h)
	return err == nil
}

func validDigest(d string) bool {
	h, ok := strings.CutPrefix(d, "sha256:")
	return ok && validHash(h)
}

// newerProgram rewords a failure to load a save written by a newer
// program than this one: the cause is most likely what the newer program
// added, and the way out is to update.
func newerProgram(err error, program string) error {
	var e *Error
	if !errors.As(err, &e) || !isNewer(program) {
		return err
	}
	switch e.Kind {
	case ErrNotExist, ErrPermission, ErrIsDir, ErrNotRegular, ErrRead, ErrNewerFormat:
		return err
	}
	return &Error{File: e.File, Kind: ErrNewerProgram,
		Msg: fmt.Sprintf("written by chokepoint %s, newer than this one (%s), which cannot load it (%s): update chokepoint to load it", program, ProgramVersion, e.Msg),
		Err: e}
}

// isNewer reports whether the program version p is newer than this
// program's; versions that are not semantic versions ("dev") never are.
func isNewer(p string) bool {
	return semver.IsValid(p) && semver.IsValid(ProgramVersion) && semver.Compare(p, ProgramVersion) > 0
}

func stringField(fields map[string]json.RawMessage, k string) string {
	var s string
	if raw, ok := fields[k]; ok && json.Unmarshal(raw, &s) == nil {
		return s
	}
	return ""
}

// position turns a byte offset into a 1-based line and column.
func position(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// oneLine keeps an error's message to its first line.
func oneLine(err error) string {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return msg
}

// clip shortens s for a message, with control characters (a terminal's
// escape sequences among them) written as visible escapes.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n]) + "…"
	}
	return safetext.Escape(s, false)
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
