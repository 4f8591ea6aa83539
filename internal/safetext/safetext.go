// Package safetext keeps text from files and players from acting on the
// terminal that shows it. A scenario title or a chat message is text to
// read; an escape sequence inside it would instead set the window title,
// clear the screen or recolour what follows, and a carriage return or a
// bidirectional override would make the line lie about what it holds.
//
// Check finds such characters, so that validation can refuse them with a
// message; Escape makes any text printable by writing them as visible
// escapes (\x1b, \r, \u202e), for the places that echo text which was never
// validated (a misspelt key quoted in an error, a file name). The package
// uses only the standard library, so the pure engine may import it.
package safetext

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Unsafe reports whether r may not appear in displayed text: the C0 and C1
// control characters and DEL (which start or make up terminal control
// sequences), and the Unicode bidirectional embeddings, overrides and
// isolates (which reorder what a line shows). Line feed and tab are
// control characters too; whether they are allowed depends on the field,
// see Check.
func Unsafe(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// A Problem is the first character Check refuses: the rune and its
// position in the text, counted in characters from 1, on line Line (from
// 1).
type Problem struct {
	Rune rune
	Line int
	Col  int
}

// Error describes the character and where it is, for a person.
func (p *Problem) Error() string {
	at := fmt.Sprintf("character %d", p.Col)
	if p.Line > 1 {
		at = fmt.Sprintf("line %d, character %d", p.Line, p.Col)
	}
	if p.Rune == utf8.RuneError {
		return fmt.Sprintf("is not valid UTF-8 text at %s", at)
	}
	return fmt.Sprintf("contains a control character (%s) at %s: text here may hold only printable characters", Name(p.Rune), at)
}

// Check returns the first character of s that displayed text may not
// hold, or nil. With multiline, line feeds and tabs are allowed (a
// briefing or an event's text runs over several lines); otherwise they
// are refused too. Invalid UTF-8 is refused as U+FFFD.
func Check(s string, multiline bool) *Problem {
	// Most text is printable ASCII: one pass over the bytes settles it.
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= 0x20 && c < 0x7f || multiline && (c == '\n' || c == '\t')
	}
	if plain {
		return nil
	}
	line, col := 1, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		col++
		if r == utf8.RuneError && size == 1 {
			return &Problem{Rune: utf8.RuneError, Line: line, Col: col}
		}
		if multiline && (r == '\n' || r == '\t') {
			if r == '\n' {
				line, col = line+1, 0
			}
			continue
		}
		if Unsafe(r) {
			return &Problem{Rune: r, Line: line, Col: col}
		}
	}
	return nil
}

// Clean reports whether Check finds nothing in s.
func Clean(s string, multiline bool) bool { return Check(s, multiline) == nil }

// Escape returns s with every character Check would refuse written as a
// visible escape, so that printing it cannot act on the terminal. With
// multiline, line feeds and tabs are kept as they are. Invalid UTF-8
// bytes are written as \xNN. Text with nothing to escape is returned
// unchanged, without copying.
func Escape(s string, multiline bool) string {
	if Check(s, multiline) == nil {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case multiline && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case Unsafe(r):
			b.WriteString(Quote(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Quote writes a refused character as Go would escape it in a string:
// \n, \r, \t, \x1b, \u202e.
func Quote(r rune) string {
	switch r {
	case '\a':
		return `\a`
	case '\b':
		return `\b`
	case '\f':
		return `\f`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	case '\v':
		return `\v`
	}
	if r < 0x100 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// Name names a refused character as a person might know it: "ESC,
// U+001B", "carriage return, U+000D", "U+0007".
func Name(r rune) string {
	code := fmt.Sprintf("U+%04X", r)
	switch r {
	case 0x1b:
		return "ESC, " + code
	case '\r':
		return "carriage return, " + code
	case '\n':
		return "line break, " + code
	case '\t':
		return "tab, " + code
	case 0x7f:
		return "DEL, " + code
	case 0x9b:
		return "CSI, " + code
	}
	if r >= 0x202a && r <= 0x2069 {
		return "bidirectional control, " + code
	}
	return code
}

// Writer escapes what is written through it as Escape does for
// multi-line text: line breaks and tabs pass, every other control
// character is written as a visible escape. It is for plain-text output
// made of text from files (a scenario's summary, a list of playbooks),
// whatever checks that text went through. Each Write is escaped on its
// own, so a writer that splits a character across writes (fmt and
// text/tabwriter never do) shows it as escaped bytes rather than losing
// it.
type Writer struct{ W io.Writer }

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer { return &Writer{W: w} }

// Write writes p escaped and reports len(p) when all of it was written.
func (w *Writer) Write(p []byte) (int, error) {
	s := string(p)
	if _, err := io.WriteString(w.W, Escape(s, true)); err != nil {
		return 0, err
	}
	return len(p), nil
}
