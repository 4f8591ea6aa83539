package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

// autopilot plays rounds of a payoff-table game for the person at the
// keyboard: one key plays a whole round (done negotiating, the choice
// submitted, the report passed), and R repeats a choice for many. It only
// sends the commands the person would, and stops at anything that needs
// them: an error, or any key. A proposal awaiting their answer does not
// stop it: it waits in the inbox, and the bottom line says so.
type autopilot struct {
	level int
	// rounds is how many more rounds to submit the level for; played is
	// the turn of the last submission, whose report is still passed.
	rounds, played int
	// sent is the moment a command was last sent for, so that an update
	// from before the table applied it does not send it twice.
	sent phaseKey
}

func (a *autopilot) stop() { *a = autopilot{} }

// autoActive reports whether a run of rounds is under way: rounds are
// left, or the report of the last round played is still to be passed.
func (m *Model) autoActive() bool {
	a := &m.auto
	if a.rounds > 0 {
		return true
	}
	v := m.env.view()
	return a.played > 0 && v != nil && v.Phase == game.Report && v.Turn == a.played && v.Viewer >= 0 && !v.Seats[v.Viewer].Ready
}

// startAuto begins a run of n rounds of level.
func (m *Model) startAuto(level, n int) tea.Cmd {
	v := m.env.view()
	if v == nil || m.env.sess == nil || !isPayoff(v.Scenario) {
		return nil
	}
	m.auto = autopilot{level: level, rounds: n}
	l, _ := payoffLever(v.Scenario)
	what := v.Scenario.LevelText(l, level)
	if n == 1 {
		m.setStatus("playing "+what+" this round", false)
	} else {
		m.setStatus(fmt.Sprintf("playing %s for %d rounds: any key stops", what, n), false)
	}
	m.cur = scrGame
	return m.autoStep()
}

// autoDone counts a round once the table has taken its orders.
func (m *Model) autoDone(msg doneMsg) {
	if !msg.auto {
		return
	}
	if msg.err != nil {
		m.auto.stop()
		return
	}
	if msg.kind == game.CmdSubmit && m.auto.rounds > 0 {
		m.auto.rounds--
		m.auto.played = msg.turn
	}
}

// autoStep sends the next command of a run of rounds, if the game waits
// for one.
func (m *Model) autoStep() tea.Cmd {
	a := &m.auto
	v := m.env.view()
	if !m.autoActive() || v == nil || m.env.sess == nil || v.Viewer < 0 {
		return nil
	}
	me := v.Viewer
	now := m.phaseNow()
	if now == a.sent {
		return nil
	}
	if v.Phase == game.GameOver {
		a.stop()
		return nil
	}
	if v.Owes(me).Answer && m.status == "" {
		// A proposal does not take the keyboard from the moves: it waits
		// in the inbox, and the line says so.
		m.setStatus("a proposal waits in the inbox: a accept, x reject (any key stops the rounds); unanswered, it lapses", false)
	}
	l, ok := payoffLever(v.Scenario)
	if !ok {
		a.stop()
		return nil
	}
	s := &v.Seats[me]
	var c game.Command
	switch {
	case v.Phase == game.Negotiation && !s.Ready && a.rounds > 0:
		c = game.Command{Kind: game.CmdReady}
	case v.Phase == game.Orders && !s.Submitted && a.rounds > 0:
		lv := &v.Scenario.Levers[l]
		o := game.Order{Lever: lv.ID, Level: lv.Levels[a.level].ID}
		if lv.Scope == game.ScopeEach {
			o.Towards = v.Seats[payoffSlot(v.Scenario, me, l)].ID
		}
		c = game.Command{Kind: game.CmdSubmit, Orders: []game.Order{o}}
	case v.Phase == game.Report && !s.Ready:
		c = game.Command{Kind: game.CmdReady}
	default:
		return nil
	}
	a.sent = now
	return m.env.sess.doAuto(m.env.seat, c, v.Turn)
}
