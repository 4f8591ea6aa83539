package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/chokepoint-game/chokepoint/saves"
)

func init() { registerScreen(scrSaveAs, func(e *env) screen { return newSaveName(e) }) }

// saveNameModel is the prompt for a named save: a text input, the file
// the name becomes, and the reason when the name will not do.
type saveNameModel struct {
	env  *env
	w, h int
	in   textinput.Model
	from screenID // the screen to go back to
}

func newSaveName(e *env) *saveNameModel {
	return &saveNameModel{env: e, in: newInput(e, "a name, e.g. before the vote", saves.MaxNameLen)}
}

func (s *saveNameModel) SetSize(w, h int) {
	s.w, s.h = w, h
	s.in.SetWidth(max(10, min(60, w-12)))
}

func (s *saveNameModel) typing() bool { return true }

func (s *saveNameModel) open(a action) {
	s.from = a.from
	if s.from == "" {
		s.from = scrGame
	}
	s.in.SetValue("")
	s.in.Focus()
}

func (s *saveNameModel) Keys() keyMap {
	k := &s.env.keys
	return newKeyMap([]key.Binding{withHelp(k.Enter, "enter", "save"), withHelp(k.Back, "esc", "cancel")})
}

func (s *saveNameModel) Update(msg tea.KeyPressMsg) action {
	k := &s.env.keys
	switch {
	case key.Matches(msg, k.Back):
		s.in.Blur()
		return show(s.from)
	case key.Matches(msg, k.Enter):
		name := strings.TrimSpace(s.in.Value())
		if _, err := saves.CheckName(name); err != nil {
			return errorf(err.Error())
		}
		s.in.Blur()
		return action{kind: actSaveAs, text: name, from: s.from}
	}
	var cmd tea.Cmd
	s.in, cmd = s.in.Update(msg)
	return action{then: cmd}
}

func (s *saveNameModel) View() string {
	st := &s.env.st
	w := min(72, s.w-4)
	var b strings.Builder
	b.WriteString(wrap("Name this save. It is kept beside the autosaves, and Load on the title screen or chokepoint play --load NAME opens it.", w-4) + "\n\n")
	b.WriteString("Name: " + s.in.View() + "\n\n")
	if file, err := saves.CheckName(s.in.Value()); err == nil {
		b.WriteString(st.Subtle.Render(fit("file: "+file, w-4)))
	} else if strings.TrimSpace(s.in.Value()) != "" {
		b.WriteString(st.Warn.Render(wrap(err.Error(), w-4)))
	}
	body := b.String()
	return lipgloss.Place(s.w, s.h, lipgloss.Center, lipgloss.Center, st.panel("Save the game", body, w, strings.Count(body, "\n")+3, true))
}

// paste takes a pasted name.
func (s *saveNameModel) paste(text string) tea.Cmd { return pasteInto(&s.in, text) }
