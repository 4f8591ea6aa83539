package tui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	"github.com/charmbracelet/x/ansi"
)

// wrap breaks text into lines of at most w cells at spaces only: a word
// is never split at a hyphen ("rare-earth", "-6.9") or anywhere else,
// unless it is longer than a whole line. Text may carry styles (their
// escape sequences hold no spaces). Line breaks in the text are kept.
func wrap(text string, w int) string {
	w = max(w, 8)
	var out []string
	for para := range strings.SplitSeq(text, "\n") {
		out = append(out, wrapLine(para, w)...)
	}
	return strings.Join(out, "\n")
}

func wrapLine(s string, w int) []string {
	// A line's leading spaces are kept (an indented item), and so are the
	// runs of spaces between words on one line (aligned columns); a
	// wrapped line starts at its first word.
	lead := len(s) - len(strings.TrimLeft(s, " "))
	var out []string
	line, lineW := strings.Repeat(" ", lead), lead
	hasWord := false
	rest := s[lead:]
	for rest != "" {
		gap := len(rest) - len(strings.TrimLeft(rest, " "))
		rest = rest[gap:]
		if rest == "" {
			break
		}
		end := strings.IndexByte(rest, ' ')
		if end < 0 {
			end = len(rest)
		}
		word := rest[:end]
		rest = rest[end:]
		ww := ansi.StringWidth(word)
		for ww > w-lineW && ww > w {
			// A word longer than a line is cut: the one break allowed.
			if hasWord || lineW > 0 {
				out = append(out, line)
			}
			out = append(out, ansi.Truncate(word, w, ""))
			word = ansi.TruncateLeft(word, w, "")
			ww = ansi.StringWidth(word)
			line, lineW, hasWord, gap = "", 0, false, 0
		}
		if ww == 0 {
			continue
		}
		switch {
		case !hasWord:
			line += word
			lineW += ww
		case lineW+gap+ww <= w:
			line += strings.Repeat(" ", gap) + word
			lineW += gap + ww
		default:
			out = append(out, line)
			line, lineW = word, ww
		}
		hasWord = true
	}
	if hasWord || len(out) == 0 {
		out = append(out, line)
	}
	return out
}

// wrapIndent wraps text to w cells with the lines after the first
// indented by indent spaces (and so indent cells narrower).
func wrapIndent(text string, w, indent int) string {
	w = max(w, indent+12)
	lines := wrapLine(text, w)
	if len(lines) <= 1 {
		return lines[0]
	}
	tail := wrapLine(strings.Join(lines[1:], " "), w-indent)
	for i := range tail {
		tail[i] = strings.Repeat(" ", indent) + tail[i]
	}
	return lines[0] + "\n" + strings.Join(tail, "\n")
}

// fitWords cuts one line to at most w cells at a word boundary, marking
// the cut with "…"; a line that fits is returned as it is.
func fitWords(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	// Cut after the last whole word that leaves room for " …".
	cut := ansi.Truncate(s, w-1, "")
	plain := ansi.Strip(cut)
	if i := strings.LastIndexByte(plain, ' '); i > 0 && w >= 12 {
		cut = ansi.Truncate(cut, ansi.StringWidth(plain[:i]), "")
		return strings.TrimRight(cut, " ") + " …"
	}
	return cut + "…"
}

// flat splits every entry holding several lines into one entry a line.
func flat(lines []string) []string {
	var out []string
	for _, l := range lines {
		out = append(out, strings.Split(l, "\n")...)
	}
	return out
}

// packItems puts items on lines of at most w cells, sep between them,
// never splitting an item.
func packItems(items []string, sep string, w int) []string {
	var out []string
	line := ""
	for _, it := range items {
		switch {
		case line == "":
			line = it
		case lenCells(line)+lenCells(sep)+lenCells(it) <= w:
			line += sep + it
		default:
			out = append(out, line)
			line = it
		}
	}
	return append(out, line)
}

// newInput is a text input. With the time fixed (tests, see
// Options.Now) nothing on the screen moves, the cursor included.
func newInput(e *env, placeholder string, limit int) textinput.Model {
	ti := textinput.New()
	ti.Placeholder = placeholder
	ti.CharLimit = limit
	ti.Prompt = ""
	if e.still {
		s := ti.Styles()
		s.Cursor.Blink = false
		ti.SetStyles(s)
	}
	return ti
}
