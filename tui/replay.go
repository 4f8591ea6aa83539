package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/table"
	"github.com/chokepoint-game/chokepoint/saves"
)

func init() { registerScreen(scrReplay, func(e *env) screen { return newReplay(e) }) }

// The replay viewer shows a saved game, finished or not, read-only: the
// world, the news and the last turn's report at every phase change of the
// game, as any seat saw it, as the projector (the public view) or as the
// facilitator. Each moment is rebuilt from the save's log by the table's
// own code (table.Rewind) in a command, so a replayed turn reads as it
// did when it was played. From any turn, B branches: a new game from the
// start of that turn, with the seats given anew.

// replayOpenedMsg is a save loaded for the replay viewer (from the load
// list); rewoundMsg is one moment of it, as one viewer saw it.
type (
	replayOpenedMsg struct {
		save *saves.Save
		err  error
	}
	rewoundMsg struct {
		save          *saves.Save
		after, viewer int
		u             table.Update
		err           error
	}
)

// openReplay loads a save (replayed and checked) for the replay viewer.
func openReplay(path string) action {
	return action{kind: actReplay, text: path}
}

func loadReplay(path string) tea.Cmd {
	return func() tea.Msg {
		s, err := saves.Load(path)
		return replayOpenedMsg{save: s, err: err}
	}
}

// moment is one point of a saved game the viewer stops at: after the
// first `after` commands, at a turn and phase.
type moment struct {
	after int
	turn  int
	phase game.Phase
}

// replayModel is the replay viewer.
type replayModel struct {
	env  *env
	w, h int
	save *saves.Save
	// moments are the game's phase changes (and its last command), in
	// order; at is the one shown.
	moments []moment
	at      int
	// viewer is whose view: a seat, game.Spectator or game.Facilitator.
	viewer int
	// u is the moment's update once rewound; want is the moment and
	// viewer asked for, so a late answer to an older request is dropped.
	u      *table.Update
	want   [2]int
	err    error
	report viewport.Model
	seats  int
}

func newReplay(e *env) *replayModel { return &replayModel{env: e, report: viewport.New()} }

func (r *replayModel) SetSize(w, h int) {
	r.w, r.h = w, h
	r.fill()
}

// open shows a save: its moments, from the first turn's negotiation when
// the game got that far (the setup is an empty world).
func (r *replayModel) open(a action) {
	if a.replay == nil {
		return
	}
	r.save = a.replay
	r.moments = r.moments[:0]
	for _, c := range r.save.Checks {
		m := moment{after: c.After, turn: c.Turn, phase: c.Phase}
		if n := len(r.moments); n > 0 && r.moments[n-1].turn == m.turn && r.moments[n-1].phase == m.phase {
			r.moments[n-1] = m
			continue
		}
		r.moments = append(r.moments, m)
	}
	r.at = 0
	for i, m := range r.moments {
		if m.turn >= 1 && m.phase == game.Negotiation {
			r.at = i
			break
		}
	}
	r.seats = len(r.save.Seats)
	r.viewer = game.Spectator
	r.u, r.err = nil, nil
}

// fetch asks for the present moment as the present viewer sees it.
func (r *replayModel) fetch() tea.Cmd {
	if r.save == nil || len(r.moments) == 0 {
		return nil
	}
	s, after, viewer := r.save, r.moments[r.at].after, r.viewer
	r.want = [2]int{after, viewer}
	return func() tea.Msg {
		u, err := rewindSave(s, after, viewer)
		return rewoundMsg{save: s, after: after, viewer: viewer, u: u, err: err}
	}
}

// rewound takes a moment rebuilt for the viewer.
func (m *Model) rewound(msg rewoundMsg) {
	r, ok := m.screens[scrReplay].(*replayModel)
	if !ok || msg.save != r.save || [2]int{msg.after, msg.viewer} != r.want {
		return
	}
	if msg.err != nil {
		r.err = msg.err
		return
	}
	u := msg.u
	r.u, r.err = &u, nil
	r.fill()
}

// rewind asks for the replay viewer's present moment.
func (m *Model) rewind() tea.Cmd {
	if r, ok := m.screens[scrReplay].(*replayModel); ok {
		return r.fetch()
	}
	return nil
}

// fill writes the report of the last turn resolved by the moment shown.
func (r *replayModel) fill() {
	if r.u == nil || r.w == 0 {
		return
	}
	e := r.viewEnv()
	w := r.reportWidth()
	r.report.SetWidth(w)
	turns := r.u.Journal.Turns
	if len(turns) < 2 {
		r.report.SetContent(e.st.Subtle.Render("No turn has been resolved yet."))
		return
	}
	r.report.SetContent(reportBody(e, len(turns)-1, w))
}

// viewEnv is the shared environment with the moment's update in place
// of a game's, for the drawing functions the game screens use.
func (r *replayModel) viewEnv() *env {
	e := *r.env
	e.u = r.u
	e.sess = nil
	return &e
}

func (r *replayModel) reportWidth() int { return max(20, r.w-r.w/2-4) }

// viewerName says whose view is shown.
func (r *replayModel) viewerName() string {
	switch {
	case r.viewer == game.Spectator:
		return "the public (projector)"
	case r.viewer == game.Facilitator:
		return "the facilitator (every secret)"
	case r.u != nil && r.viewer >= 0 && r.viewer < len(r.u.View.Seats):
		return r.u.View.Seats[r.viewer].Name
	case r.viewer >= 0 && r.viewer < len(r.save.Seats):
		return r.save.Seats[r.viewer].Seat
	}
	return "?"
}

func (r *replayModel) Keys() keyMap {
	k := &r.env.keys
	return newKeyMap([]key.Binding{withHelp(k.Left, "←→", "phase"), withHelp(k.Up, "↑↓", "turn"),
		withHelp(k.Viewer, "v", "whose view"), withHelp(k.Branch, "B", "branch"), withHelp(k.Back, "esc", "title")},
		[]key.Binding{withHelp(k.Left, "←/h", "the phase before"), withHelp(k.Right, "→/l", "the next phase"),
			withHelp(k.Up, "↑/k", "the turn before"), withHelp(k.Down, "↓/j", "the next turn"),
			withHelp(k.Home, "home", "the first turn"), withHelp(k.End, "end", "the end of the game"),
			withHelp(k.PageUp, "pgup", "scroll the report up"), withHelp(k.PageDown, "pgdn", "scroll it down"),
			withHelp(k.Viewer, "v/tab", "whose view: each seat, the public, the facilitator"),
			withHelp(k.Branch, "B", "branch: a new game from the start of this turn, seats given anew"),
			withHelp(k.Back, "esc", "back to the title screen")}).titled("Replay")
}

func (r *replayModel) Update(msg tea.KeyPressMsg) action {
	k := &r.env.keys
	if r.save == nil || len(r.moments) == 0 {
		if key.Matches(msg, k.Back) {
			return show(scrTitle)
		}
		return action{}
	}
	at := r.at
	switch {
	case key.Matches(msg, k.Back):
		return show(scrTitle)
	case key.Matches(msg, k.Left):
		at = max(0, at-1)
	case key.Matches(msg, k.Right):
		at = min(len(r.moments)-1, at+1)
	case key.Matches(msg, k.Up):
		at = r.turnStep(-1)
	case key.Matches(msg, k.Down):
		at = r.turnStep(+1)
	case key.Matches(msg, k.Home):
		at = 0
	case key.Matches(msg, k.End):
		at = len(r.moments) - 1
	case key.Matches(msg, k.Viewer), key.Matches(msg, k.Tab):
		// Seats in order, then the public view, then the facilitator's.
		switch {
		case r.viewer == game.Facilitator:
			r.viewer = 0
		case r.viewer == game.Spectator:
			r.viewer = game.Facilitator
		case r.viewer+1 >= r.seats:
			r.viewer = game.Spectator
		default:
			r.viewer++
		}
		return action{then: r.fetch()}
	case key.Matches(msg, k.PageUp):
		r.report.HalfPageUp()
		return action{}
	case key.Matches(msg, k.PageDown):
		r.report.HalfPageDown()
		return action{}
	case key.Matches(msg, k.Branch):
		turn := max(1, r.moments[r.at].turn)
		if _, ok := r.save.TurnStart(turn); !ok {
			return errorf(fmt.Sprintf("the game never reached turn %d, so it cannot be branched there", turn))
		}
		return action{kind: actBranch, replay: r.save, turn: turn}
	}
	if at == r.at {
		return action{}
	}
	r.at = at
	r.report.GotoTop()
	return action{then: r.fetch()}
}

// turnStep is the moment of the same phase in the turn before or after,
// or, when that turn has no such moment, its first from negotiation on
// (or its last): turn by turn.
func (r *replayModel) turnStep(d int) int {
	cur := r.moments[r.at]
	same, later, last := -1, -1, -1
	for i, m := range r.moments {
		if m.turn != cur.turn+d {
			continue
		}
		last = i
		if m.phase == cur.phase && same < 0 {
			same = i
		}
		if m.phase >= game.Negotiation && later < 0 {
			later = i
		}
	}
	switch {
	case same >= 0:
		return same
	case later >= 0:
		return later
	case last >= 0:
		return last
	}
	return r.at
}

// Moment reports the turn, phase and viewer shown, for tests and status.
func (r *replayModel) moment() (turn int, phase game.Phase, viewer int) {
	if len(r.moments) == 0 {
		return 0, game.Setup, r.viewer
	}
	m := r.moments[r.at]
	return m.turn, m.phase, r.viewer
}

func (r *replayModel) View() string {
	st := &r.env.st
	if r.save == nil {
		return lines(st.Subtle.Render("No game to replay."), r.h)
	}
	m := r.moments[r.at]
	name := r.save.Name
	if name == "" {
		name = "game " + r.save.ID[:min(8, len(r.save.ID))]
	}
	top := st.Title.Render("REPLAY") + " · " + name + " · " + r.save.Copy.ID
	where := fmt.Sprintf("turn %d, %s · moment %d of %d · view: %s", m.turn, m.phase, r.at+1, len(r.moments), r.viewerName())
	head := fit(top+" · "+where, r.w)
	if lenCells(top)+3+lenCells(where) > r.w {
		head = fit(top, r.w) + "\n" + fit(st.Accent.Render(where), r.w)
	}
	if b := r.save.BranchedFrom; b != nil {
		head += "\n" + fit(st.Subtle.Render(fmt.Sprintf("branched from game %s at turn %d", b.Parent, b.Turn)), r.w)
	}
	used := strings.Count(head, "\n") + 1
	if r.err != nil {
		return lines(head+"\n"+st.Error.Render(wrap("This moment cannot be shown: "+r.err.Error(), r.w)), r.h)
	}
	if r.u == nil {
		return lines(head+"\n"+st.Subtle.Render(r.env.spin+" Replaying…"), r.h)
	}
	e := r.viewEnv()
	v := &r.u.View
	worldH := worldHeight(v)
	rest := r.h - used - worldH
	if rest < 5 {
		worldH = max(3, r.h-used-5)
		rest = r.h - used - worldH
	}
	world := st.panel(fmt.Sprintf("The world · %s", monthOf(v.Scenario, v.Turn)), worldBody(e, r.w-4, -1), r.w, worldH, false)
	leftW := r.w / 2
	rightW := r.w - leftW
	news := st.panel("News", newsBody(e, newsItems(e), leftW-4, rest-2, -1), leftW, rest, false)
	title := "Report"
	if t := r.u.Journal.Turns; len(t) > 1 {
		title = fmt.Sprintf("Report · turn %d", t[len(t)-1].Turn)
	}
	r.report.SetHeight(max(1, rest-2))
	rep := st.panel(title, r.report.View(), rightW, rest, false)
	return lines(head+"\n"+world+"\n"+sideBySide(news, rep), r.h)
}
