package tui

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

func init() { registerScreen(scrLoading, func(e *env) screen { return &loadingModel{env: e} }) }

// loadingModel is shown while a game's table opens.
type loadingModel struct {
	env  *env
	w, h int
}

func (l *loadingModel) SetSize(w, h int)                  { l.w, l.h = w, h }
func (l *loadingModel) Keys() keyMap                      { return keyMap{} }
func (l *loadingModel) Update(msg tea.KeyPressMsg) action { return action{} }

func (l *loadingModel) View() string {
	return lipgloss.Place(l.w, l.h, lipgloss.Center, lipgloss.Center, l.env.spin+" Setting up the table")
}
