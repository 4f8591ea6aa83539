package tui

import (
	"charm.land/lipgloss/v2"

	"github.com/chokepoint-game/chokepoint/internal/palette"
)

// Styles are the semantic colour tokens of the interface. They are built
// for one terminal's background by newStyles and kept in the model, never
// in package variables, since every SSH client has its own terminal.
type Styles struct {
	isDark bool

	Text, Subtle, Faint, Bold, Title, Accent lipgloss.Style
	Good, Bad, Warn, Error                   lipgloss.Style
	Selected, Header, KeyName, KeyDesc       lipgloss.Style
	Border, BorderFocus, PanelTitle          lipgloss.Style

	seats []lipgloss.Style
}

// newStyles builds the styles for a dark or a light background. Colour
// is never the only signal: arrows, letters and symbols carry the same
// meaning, so NO_COLOR (which Bubble Tea honours when it renders) loses
// nothing.
func newStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	s := Styles{isDark: isDark}
	s.Text = lipgloss.NewStyle().Foreground(ld(c("#1c1c1c"), c("#e4e4e4")))
	s.Subtle = lipgloss.NewStyle().Foreground(ld(c("#5f5f5f"), c("#a8a8a8")))
	s.Faint = lipgloss.NewStyle().Foreground(ld(c("#8a8a8a"), c("#6c6c6c")))
	s.Bold = lipgloss.NewStyle().Bold(true)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(ld(c("#7a2e00"), c("#ffaf5f")))
	s.Accent = lipgloss.NewStyle().Foreground(ld(c("#005f87"), c("#5fafff")))
	s.Good = lipgloss.NewStyle().Foreground(ld(c("#006b00"), c("#5fd75f")))
	s.Bad = lipgloss.NewStyle().Foreground(ld(c("#b00000"), c("#ff5f5f")))
	s.Warn = lipgloss.NewStyle().Foreground(ld(c("#875f00"), c("#ffd75f")))
	s.Error = lipgloss.NewStyle().Bold(true).Foreground(ld(c("#b00000"), c("#ff5f5f")))
	s.Selected = lipgloss.NewStyle().Bold(true).Reverse(true)
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(ld(c("#1c1c1c"), c("#ffffff")))
	s.KeyName = lipgloss.NewStyle().Bold(true).Foreground(ld(c("#005f87"), c("#87d7ff")))
	s.KeyDesc = lipgloss.NewStyle().Foreground(ld(c("#5f5f5f"), c("#a8a8a8")))
	s.Border = lipgloss.NewStyle().Foreground(ld(c("#9e9e9e"), c("#585858")))
	s.BorderFocus = lipgloss.NewStyle().Foreground(ld(c("#005f87"), c("#5fafff")))
	s.PanelTitle = lipgloss.NewStyle().Bold(true).Foreground(ld(c("#1c1c1c"), c("#eeeeee")))
	// One colour per seat, in scenario order, distinct on both
	// backgrounds: the report's too.
	dark, light := palette.Dark, palette.Light
	for i := range dark {
		s.seats = append(s.seats, lipgloss.NewStyle().Foreground(ld(c(light[i]), c(dark[i]))))
	}
	return s
}

// Seat is the style of seat i's colour; the same everywhere.
func (s *Styles) Seat(i int) lipgloss.Style {
	if i < 0 || len(s.seats) == 0 {
		return s.Subtle
	}
	return s.seats[i%len(s.seats)]
}

// Change colours a change by whether it is good for the seat it belongs
// to: higher is better except for inflation.
func (s *Styles) Change(delta float64, higherIsBetter bool) lipgloss.Style {
	switch {
	case delta > 0 == higherIsBetter && delta != 0:
		return s.Good
	case delta != 0:
		return s.Bad
	}
	return s.Text
}
