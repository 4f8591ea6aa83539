package tui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// maxPaste bounds what one paste may bring, before a field's own limit:
// a terminal can paste megabytes, and the text inputs copy on every rune.
const maxPaste = 1000

// paster is a screen whose focused text input takes pasted text (a
// terminal's bracketed paste arrives as one message, not as keys).
type paster interface{ paste(text string) tea.Cmd }

// cleanPaste makes pasted text fit a one-line field: line breaks and tabs
// become spaces, every other control or bidirectional character is
// dropped, and the text is cut to maxPaste characters.
func cleanPaste(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n >= maxPaste {
			break
		}
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			r = ' '
		case safetext.Unsafe(r):
			continue
		}
		b.WriteRune(r)
		n++
	}
	// A pasted "\r\n" or a paragraph break is one gap, not several.
	return strings.Join(strings.Fields(b.String()), " ")
}

// pasteInto gives a text input cleaned pasted text; its character limit
// cuts it further.
func pasteInto(ti *textinput.Model, text string) tea.Cmd {
	var cmd tea.Cmd
	*ti, cmd = ti.Update(tea.PasteMsg{Content: cleanPaste(text)})
	return cmd
}

func (c *composerModel) paste(text string) tea.Cmd {
	if c.picking {
		return nil
	}
	if c.title.Focused() {
		return pasteInto(&c.title, text)
	}
	if c.note.Focused() {
		return pasteInto(&c.note, text)
	}
	return nil
}

func (g *gameModel) paste(text string) tea.Cmd {
	switch {
	case g.chat.open:
		return g.chat.paste(text)
	case g.writing:
		return pasteInto(&g.msg, text)
	case g.askRuns:
		return pasteInto(&g.repeat, text)
	}
	return nil
}

func (s *setupModel) paste(text string) tea.Cmd {
	if !s.seed.Focused() {
		return nil
	}
	return pasteInto(&s.seed, text)
}
