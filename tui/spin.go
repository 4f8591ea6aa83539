package tui

import tea "charm.land/bubbletea/v2"

// The spinner ticks ten times a second and every tick redraws the
// screen. It shows only while the interface waits: for a table to open,
// for an AI to think, for the game to move on. The rest of the time it
// stops, so that an idle terminal (thirty of them on a classroom server)
// costs no frames.

// spinning reports whether anything on the screen shows the spinner.
func (m *Model) spinning() bool {
	if m.cur == scrLoading || m.env.u == nil {
		return true
	}
	if m.env.u.Thinking != 0 {
		return true
	}
	v := &m.env.u.View
	for i := range v.Seats {
		if v.Owes(i).Act {
			return false
		}
	}
	return true // "moving on"
}

// spinOn passes the spinner's next tick on while it shows, and otherwise
// lets it stop.
func (m *Model) spinOn(next tea.Cmd) tea.Cmd {
	if m.spinning() {
		return next
	}
	m.spinIdle = true
	return nil
}

// spinAgain restarts a stopped spinner once something shows it.
func (m *Model) spinAgain() tea.Cmd {
	if !m.spinIdle || !m.spinning() {
		return nil
	}
	m.spinIdle = false
	return m.spinner.Tick
}
