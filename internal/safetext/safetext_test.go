package safetext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"
)

func TestCheck(t *testing.T) {
	cases := []struct {
		name      string
		in        string
		multiline bool
		want      rune // 0: clean
		line, col int
	}{
		{"plain", "Rare earths: the PRC's card", false, 0, 0, 0},
		{"accents and CJK", "Société générale, 稀土", false, 0, 0, 0},
		{"emoji", "deal 🤝", false, 0, 0, 0},
		{"OSC title", "\x1b]0;PWNED\a", false, 0x1b, 1, 1},
		{"SGR late", "ok \x1b[31mRED", false, 0x1b, 1, 4},
		{"carriage return", "US\rPRC", false, '\r', 1, 3},
		{"newline in a title", "two\nlines", false, '\n', 1, 4},
		{"newline in a briefing", "two\nlines\n\tindented", true, 0, 0, 0},
		{"escape on line 2", "one\ntwo \x1b[2J", true, 0x1b, 2, 5},
		{"bell", "ding\a", true, '\a', 1, 5},
		{"DEL", "a\x7fb", false, 0x7f, 1, 2},
		{"C1 CSI", "a\u009b31m", false, 0x9b, 1, 2},
		{"right-to-left override", "abc\u202Egpj.exe", false, 0x202e, 1, 4},
		{"isolate", "\u2066x", false, 0x2066, 1, 1},
		{"invalid UTF-8", "a\xffb", false, utf8.RuneError, 1, 2},
		{"NUL", "a\x00", true, 0, 1, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := Check(c.in, c.multiline)
			if c.want == 0 && c.line == 0 {
				if p != nil {
					t.Fatalf("Check(%q) = %+v, want clean", c.in, *p)
				}
				return
			}
			if p == nil {
				t.Fatalf("Check(%q) found nothing, want %U", c.in, c.want)
			}
			if p.Rune != c.want || p.Line != c.line || p.Col != c.col {
				t.Fatalf("Check(%q) = %+v, want %U at %d:%d", c.in, *p, c.want, c.line, c.col)
			}
			if msg := p.Error(); strings.ContainsFunc(msg, Unsafe) {
				t.Fatalf("the message itself is unsafe: %q", msg)
			}
		})
	}
}

func TestEscape(t *testing.T) {
	cases := []struct {
		in        string
		multiline bool
		want      string
	}{
		{"plain", false, "plain"},
		{"\x1b]0;PWNED\a\x1b[2J\x1b[31mRED", false, `\x1b]0;PWNED\a\x1b[2J\x1b[31mRED`},
		{"a\rb\nc\td", false, `a\rb\nc\td`},
		{"a\rb\nc\td", true, "a\\rb\nc\td"},
		{"x\u202ey", false, `x\u202ey`},
		{"bad \xff byte", false, `bad \xff byte`},
		{"\u009b", false, `\x9b`},
	}
	for _, c := range cases {
		if got := Escape(c.in, c.multiline); got != c.want {
			t.Errorf("Escape(%q, %v) = %q, want %q", c.in, c.multiline, got, c.want)
		}
	}
}

// Whatever the input, escaped text is clean, and clean text is left
// as it is.
func TestEscapeIsAlwaysClean(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.String().Draw(t, "s")
		if b := rapid.SliceOf(rapid.Byte()).Draw(t, "bytes"); len(b) > 0 {
			s += string(b)
		}
		multiline := rapid.Bool().Draw(t, "multiline")
		e := Escape(s, multiline)
		if p := Check(e, multiline); p != nil {
			t.Fatalf("Escape(%q) = %q still holds %+v", s, e, *p)
		}
		if Clean(s, multiline) && e != s {
			t.Fatalf("Escape changed clean text %q to %q", s, e)
		}
	})
}

func TestWriter(t *testing.T) {
	var b strings.Builder
	w := NewWriter(&b)
	n, err := w.Write([]byte("Title \x1b]0;x\a\n\tok\n"))
	if err != nil || n != 17 {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if want := "Title \\x1b]0;x\\a\n\tok\n"; b.String() != want {
		t.Fatalf("wrote %q, want %q", b.String(), want)
	}
}
