package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// chatModel is the chat panel of the game screen and the console: the
// lines the viewer may read, a channel picked seat by seat (none picked
// is every seat), and a line to type. The engine decides who hears a
// line; the panel only draws the view's chat.
type chatModel struct {
	env  *env
	open bool
	// picking: the channel row has the focus (←→ a seat, space adds or
	// removes it); otherwise the text line has it.
	picking bool
	cursor  int          // the seat under the cursor on the channel row
	to      game.SeatSet // the channel: the seats besides the viewer; empty is every seat
	input   textinput.Model
	scroll  int // lines scrolled back from the newest
}

func newChat(e *env) chatModel {
	ti := newInput(e, "say something (enter sends)", game.MaxChat)
	ti.Prompt = "> "
	return chatModel{env: e, input: ti}
}

// show opens the panel with the text line focused.
func (c *chatModel) show() tea.Cmd {
	c.open, c.picking, c.scroll = true, false, 0
	return c.input.Focus()
}

func (c *chatModel) hide() {
	c.open = false
	c.input.Blur()
}

// keys are the panel's bindings.
func (c *chatModel) keys() []key.Binding {
	k := &c.env.keys
	if c.picking {
		return []key.Binding{withHelp(k.Left, "←→", "pick a seat"), withHelp(k.Toggle, "space", "add or remove the seat"),
			withHelp(k.Tab, "tab", "back to the text"), withHelp(k.Back, "esc", "close the chat")}
	}
	return []key.Binding{withHelp(k.Enter, "enter", "send"), withHelp(k.Tab, "tab", "pick the channel"),
		withHelp(k.Up, "↑↓", "scroll the chat"), withHelp(k.Back, "esc", "close the chat")}
}

// fullKeys are every binding of the panel, for help.
func (c *chatModel) fullKeys() []key.Binding {
	k := &c.env.keys
	return []key.Binding{withHelp(k.Enter, "enter", "send the line to the channel"), withHelp(k.Tab, "tab", "move between the text and the channel row"),
		withHelp(k.Left, "←→", "on the channel row: pick a seat"), withHelp(k.Toggle, "space", "on the channel row: add the seat to the channel or take it out (none: every seat)"),
		withHelp(k.Up, "↑↓", "scroll the chat"), withHelp(k.PageUp, "pgup", "scroll a page back"), withHelp(k.PageDown, "pgdn", "scroll a page on"),
		withHelp(k.Back, "esc", "close the chat")}
}

// update takes a key while the panel is open.
func (c *chatModel) update(msg tea.KeyPressMsg) action {
	k := &c.env.keys
	v := c.env.view()
	if v == nil {
		return action{}
	}
	switch {
	case key.Matches(msg, k.Back):
		c.hide()
		return action{}
	case key.Matches(msg, k.Tab):
		c.picking = !c.picking
		if c.picking {
			c.input.Blur()
			return action{}
		}
		return action{then: c.input.Focus()}
	case isArrow(msg, "up"), key.Matches(msg, k.PageUp), c.picking && key.Matches(msg, k.Up):
		// While typing only the arrows scroll: j and k are letters.
		n := 1
		if key.Matches(msg, k.PageUp) {
			n = 5
		}
		c.scroll = min(c.scroll+n, max(0, len(v.Chat)-1))
		return action{}
	case isArrow(msg, "down"), key.Matches(msg, k.PageDown), c.picking && key.Matches(msg, k.Down):
		n := 1
		if key.Matches(msg, k.PageDown) {
			n = 5
		}
		c.scroll = max(0, c.scroll-n)
		return action{}
	}
	if c.picking {
		switch {
		case key.Matches(msg, k.Left), key.Matches(msg, k.Right):
			// (picking: no text is typed, so h and l move too)
			d := 1
			if key.Matches(msg, k.Left) {
				d = -1
			}
			c.cursor = (c.cursor + d + len(v.Seats)) % len(v.Seats)
		case key.Matches(msg, k.Toggle):
			if c.cursor == v.Viewer {
				return errorf("you are on every channel you speak on: pick the others")
			}
			if c.to.Has(c.cursor) {
				c.to = c.to.Without(c.cursor)
			} else {
				c.to = c.to.With(c.cursor)
			}
		}
		return action{}
	}
	if key.Matches(msg, k.Enter) {
		// What a paste may carry (colours, cursor moves, bells) is taken
		// out here; the engine refuses any that is left.
		text := strings.TrimSpace(stripControls(c.input.Value()))
		if text == "" {
			return action{}
		}
		c.input.SetValue("")
		c.scroll = 0
		cmd := game.Command{Kind: game.CmdChat, Text: text}
		for _, i := range c.to.Seats() {
			cmd.To = append(cmd.To, v.Seats[i].ID)
		}
		return command(cmd, "said to "+c.channelName(v, c.to, v.Viewer))
	}
	var cmd tea.Cmd
	c.input, cmd = c.input.Update(msg)
	return action{then: cmd}
}

// stripControls takes escape sequences and control characters out of a
// line, keeping its text.
func stripControls(s string) string {
	s = ansi.Strip(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteRune(' ')
		case safetext.Unsafe(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// channelName says who a channel reaches, the seat from left out (a
// special viewer, game.Spectator say, leaves no one out).
func (c *chatModel) channelName(v *game.View, to game.SeatSet, from int) string {
	if to == 0 {
		return "every seat"
	}
	var tags []string
	for _, i := range to.Seats() {
		if i != from {
			tags = append(tags, v.Scenario.Tag(i))
		}
	}
	return strings.Join(tags, ", ")
}

// speaker names who said a line: the person, then the seat.
func speaker(v *game.View, l *game.ChatLine) string {
	who := "facilitator"
	if l.From >= 0 {
		who = v.Scenario.Tag(l.From)
	}
	if l.By != "" {
		who = l.By + " (" + who + ")"
	}
	return who
}

// view draws the panel's body in w by h cells: the history, newest at
// the bottom, then the channel row and the text line.
func (c *chatModel) view(w, h int) string {
	e := c.env
	st := &e.st
	v := e.view()
	if v == nil {
		return ""
	}
	var foot []string
	if c.open {
		foot = []string{c.channelRow(v, w), fitWords(c.input.View(), w)}
	}
	room := max(1, h-len(foot))
	// Only the lines that show are drawn: from the newest (less those
	// scrolled back) upwards until the room is full; a chat holds up to
	// a thousand lines.
	var hist []string
	for k := len(v.Chat) - 1 - c.scroll; k >= 0 && len(hist) < room; k-- {
		l := &v.Chat[k]
		ch := c.channelName(v, l.To, game.Spectator) // every seat on it named
		who := speaker(v, l)
		style := st.Seat(l.From)
		if l.From < 0 {
			style = st.Accent
		}
		rows := strings.Split(wrapIndent(who+" → "+ch+": "+l.Text, w, 2), "\n")
		// The speaker in colour on the first row, when the row holds it whole.
		if strings.HasPrefix(rows[0], who) {
			rows[0] = style.Render(who) + rows[0][len(who):]
		}
		hist = append(rows, hist...)
	}
	if len(v.Chat) == 0 {
		hist = []string{st.Subtle.Render(wrap("No chat yet. Chat binds no one; the facilitator reads every channel.", w))}
	}
	if len(hist) > room {
		hist = hist[len(hist)-room:]
	}
	for len(hist) < room {
		hist = append([]string{""}, hist...)
	}
	return strings.Join(append(hist, foot...), "\n")
}

// channelRow shows the channel: every seat's tag, the picked ones marked,
// the cursor on one while picking.
func (c *chatModel) channelRow(v *game.View, w int) string {
	st := &c.env.st
	var parts []string
	for i := range v.Seats {
		mark := "○"
		if c.to.Has(i) {
			mark = "●"
		}
		if i == v.Viewer {
			mark = "·"
		}
		p := mark + " " + v.Scenario.Tag(i)
		if c.picking && i == c.cursor {
			p = st.Selected.Render(p)
		} else if c.to.Has(i) {
			p = st.Seat(i).Render(p)
		}
		parts = append(parts, p)
	}
	lead := "to " + c.channelName(v, c.to, v.Viewer) + ": "
	if c.picking {
		lead = "channel (←→ space): "
	}
	return fitWords(st.Subtle.Render(lead)+strings.Join(parts, " "), w)
}

// chatSummary is one line for a closed panel: the newest line heard.
func chatSummary(e *env, w int) string {
	v := e.view()
	if v == nil || len(v.Chat) == 0 {
		return ""
	}
	l := &v.Chat[len(v.Chat)-1]
	return e.st.Subtle.Render(fitWords(fmt.Sprintf("Chat · %s: %s (C opens)", speaker(v, l), l.Text), w))
}

// paste takes pasted text into the line being typed: its escape
// sequences go first, whole, then what cleanPaste drops.
func (c *chatModel) paste(text string) tea.Cmd {
	if !c.open || c.picking {
		return nil
	}
	return pasteInto(&c.input, ansi.Strip(text))
}
