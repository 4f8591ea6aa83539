// Package tui is the terminal interface of Chokepoint: one Bubble Tea
// program whose root model routes messages to screens. It talks to a game
// only through a game/table: it sends commands and draws the views the
// table sends back.
package tui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/table"
	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// Minimum terminal size; below it the interface says so instead of
// drawing a broken layout.
const (
	MinWidth  = 80
	MinHeight = 24
)

// Options configure the program.
type Options struct {
	// Start, when set, starts this game at once (chokepoint play)
	// instead of showing the title screen.
	Start *GameSpec
	// Clock runs the table's negotiation clock; nil is the wall clock.
	Clock table.Clock
	// Now, when set, fixes the time the interface shows (tests).
	Now time.Time
	// Observe, when set, is called after every message with where the
	// interface stands: for tests and tools that drive the program from
	// outside, since the model itself belongs to the program's goroutine.
	Observe func(Status)
}

// Status is where the interface stands: its screen and the game as the
// seat at the keyboard sees it.
type Status struct {
	Screen    string
	Seat      int
	Phase     game.Phase
	Turn      int
	Round     int
	Seq       int
	Ready     bool
	Submitted bool
	Line      string // the bottom line's status or error
}

var screenNames = map[screenID]string{
	scrTitle: "title", scrSetup: "setup", scrLoading: "loading", scrBriefing: "briefing",
	scrGame: "game", scrOrders: "orders", scrCompose: "compose", scrReport: "report",
	scrDebrief: "debrief", scrPrivacy: "privacy",
}

// Status reports where the interface stands.
func (m *Model) Status() Status {
	s := Status{Screen: screenNames[m.screen], Seat: m.env.seat, Line: m.status}
	switch m.overlay {
	case ovHelp:
		s.Screen = "help"
	case ovQuit:
		s.Screen = "quit"
	}
	if v := m.env.view(); v != nil {
		s.Phase, s.Turn, s.Round, s.Seq = v.Phase, v.Turn, v.Round, v.Seq
		if v.Viewer >= 0 {
			s.Ready, s.Submitted = v.Seats[v.Viewer].Ready, v.Seats[v.Viewer].Submitted
		}
	}
	return s
}

type screenID int

const (
	scrTitle screenID = iota
	scrSetup
	scrLoading
	scrBriefing
	scrGame
	scrOrders
	scrCompose
	scrReport
	scrDebrief
	scrPrivacy
)

type overlayID int

const (
	ovNone overlayID = iota
	ovHelp
	ovQuit
)

// env is what every screen shares: styles, keys, the session and the
// active seat's latest update.
type env struct {
	st   Styles
	keys KeyMap
	sess *session
	seat int           // the human seat at the keyboard
	u    *table.Update // its latest update; nil before the first
	now  time.Time
	spin string
}

func (e *env) view() *game.View {
	if e.u == nil {
		return nil
	}
	return &e.u.View
}

// Model is the root model.
type Model struct {
	opts    Options
	env     *env
	help    help.Model
	spinner spinner.Model
	w, h    int
	screen  screenID
	overlay overlayID
	status  string
	isError bool
	gen     int
	quit    bool

	title    titleModel
	setup    setupModel
	briefing briefingModel
	game     gameModel
	orders   ordersModel
	compose  composerModel
	report   reportModel
	debrief  debriefModel

	// Which seats have read their briefing, and the phase the active
	// seat was last shown (to open the screen a new phase needs).
	briefed   map[int]bool
	lastPhase game.Phase
	lastTurn  int
	passTo    int // the seat the privacy screen waits for
}

// New returns the root model.
func New(opts Options) *Model {
	e := &env{st: newStyles(true), keys: DefaultKeyMap(), now: opts.Now}
	m := &Model{opts: opts, env: e, help: help.New(), spinner: spinner.New(spinner.WithSpinner(spinner.Dot)), briefed: map[int]bool{}}
	m.help.Styles = help.DefaultStyles(true)
	m.title = newTitle(e)
	m.setup = newSetup(e)
	m.briefing = newBriefing(e)
	m.game = newGameModel(e)
	m.orders = newOrders(e)
	m.compose = newComposer(e)
	m.report = newReport(e)
	m.debrief = newDebrief(e)
	if e.now.IsZero() {
		e.now = time.Now()
	}
	return m
}

// Init asks for the background colour and starts the clock; with a game
// given it starts it.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.tick(), m.spinner.Tick}
	if m.opts.Start != nil {
		cmds = append(cmds, m.start(*m.opts.Start))
	}
	return tea.Batch(cmds...)
}

type tickMsg time.Time

func (m *Model) tick() tea.Cmd {
	if !m.opts.Now.IsZero() {
		return nil
	}
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// start opens a game's table in a command.
func (m *Model) start(spec GameSpec) tea.Cmd {
	return m.startWith(func() (GameSpec, error) { return spec, nil })
}

// startWith loads a game's spec and opens its table in a command:
// loading a scenario is work that does not belong in Update.
func (m *Model) startWith(load func() (GameSpec, error)) tea.Cmd {
	m.env.sess.close()
	m.env.sess, m.env.u = nil, nil
	m.gen++
	m.screen = scrLoading
	m.briefed = map[int]bool{}
	m.lastPhase, m.lastTurn = game.Setup, 0
	return startCmd(m.gen, load, m.opts.Clock)
}

// Close stops the game's table, if one runs.
func (m *Model) Close() { m.env.sess.close() }

// setStatus shows a line on the status bar. It may quote a file name or a
// file's problem, so control characters are escaped.
func (m *Model) setStatus(s string, isErr bool) {
	m.status, m.isError = safetext.Escape(s, false), isErr
}

// Update routes a message: sizes and colours to everyone, keys to the
// overlay, then to a focused text input, then to the global bindings,
// then to the screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	if m.opts.Observe != nil {
		m.opts.Observe(m.Status())
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.resize()
		return nil
	case tea.BackgroundColorMsg:
		m.env.st = newStyles(msg.IsDark())
		m.help.Styles = help.DefaultStyles(msg.IsDark())
		m.briefing.invalidate()
		return nil
	case tickMsg:
		m.env.now = time.Time(msg)
		return m.tick()
	case spinner.TickMsg:
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		m.env.spin = m.spinner.View()
		return cmd
	case startedMsg:
		return m.started(msg)
	case updateMsg:
		return m.updated(msg)
	case doneMsg:
		if msg.gen == m.gen && msg.err != nil {
			m.setStatus(msg.err.Error(), true)
		}
		return nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return nil
}

func (m *Model) resize() {
	w, h := m.w, m.h-1 // the bottom line is the model's
	m.title.SetSize(w, h)
	m.setup.SetSize(w, h)
	m.briefing.SetSize(w, h)
	m.game.SetSize(w, h)
	m.orders.SetSize(w, h)
	m.compose.SetSize(w, h)
	m.report.SetSize(w, h)
	m.debrief.SetSize(w, h)
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.env.keys
	switch m.overlay {
	case ovHelp:
		m.overlay = ovNone
		return nil
	case ovQuit:
		switch {
		case key.Matches(msg, k.Yes), key.Matches(msg, k.ForceQuit):
			m.quit = true
			m.overlay = ovNone
			m.Close()
			return tea.Quit
		case key.Matches(msg, k.No), key.Matches(msg, k.Back), key.Matches(msg, k.Quit):
			m.overlay = ovNone
		}
		return nil
	}
	if key.Matches(msg, k.ForceQuit) {
		m.overlay = ovQuit
		return nil
	}
	if m.typing() {
		return m.screenKey(msg)
	}
	switch {
	case key.Matches(msg, k.Help):
		m.overlay = ovHelp
		return nil
	case key.Matches(msg, k.Quit):
		if m.screen == scrTitle {
			m.quit = true
			m.Close()
			return tea.Quit
		}
		m.overlay = ovQuit
		return nil
	}
	m.status = ""
	return m.screenKey(msg)
}

// typing reports whether a text input has the focus, so that letters are
// text and not commands.
func (m *Model) typing() bool {
	switch m.screen {
	case scrSetup:
		return m.setup.typing()
	case scrGame:
		return m.game.typing()
	case scrCompose:
		return m.compose.typing()
	}
	return false
}

func (m *Model) screenKey(msg tea.KeyPressMsg) tea.Cmd {
	switch m.screen {
	case scrTitle:
		return m.titleKey(msg)
	case scrSetup:
		act, cmd := m.setup.Update(msg)
		switch act.kind {
		case actBack:
			m.screen = scrTitle
		case actStart:
			return m.startWith(act.load)
		case actError:
			m.setStatus(act.text, true)
		}
		return cmd
	case scrBriefing:
		if key.Matches(msg, m.env.keys.Enter) || key.Matches(msg, m.env.keys.Back) {
			first := !m.briefed[m.env.seat]
			m.briefed[m.env.seat] = true
			cmd := m.route()
			if first && m.env.sess != nil {
				cmd = tea.Batch(cmd, m.env.sess.briefed(m.env.seat))
			}
			return cmd
		}
		m.briefing.Update(msg)
	case scrPrivacy:
		if key.Matches(msg, m.env.keys.Enter) {
			m.env.seat = m.passTo
			m.env.u = m.env.sess.latest[m.passTo]
			m.lastPhase = game.Setup
			m.refresh()
			return m.route()
		}
	case scrGame:
		return m.act(m.game.Update(msg))
	case scrOrders:
		return m.act(m.orders.Update(msg))
	case scrCompose:
		return m.act(m.compose.Update(msg))
	case scrReport:
		return m.act(m.report.Update(msg))
	case scrDebrief:
		return m.act(m.debrief.Update(msg))
	}
	return nil
}

func (m *Model) titleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch m.title.Update(msg) {
	case titleNew:
		m.setup.reset()
		m.screen = scrSetup
	case titleTutorial:
		return m.startWith(TutorialSpec)
	case titleQuit:
		m.quit = true
		return tea.Quit
	}
	return nil
}

// action is what a game screen asks the root model to do.
type action struct {
	kind actionKind
	cmd  *game.Command
	text string
	deal *game.Deal
	back bool // return to the game screen after a command
}

type actionKind int

const (
	actNone actionKind = iota
	actBack
	actCommand
	actOpenOrders
	actOpenReport
	actOpenBriefing
	actCompose
	actCounter
	actStart
	actError
	actTitle
)

func (m *Model) act(a action) tea.Cmd {
	switch a.kind {
	case actBack:
		m.screen = scrGame
	case actCommand:
		if m.env.sess == nil {
			return nil
		}
		cmd := m.env.sess.do(m.env.seat, *a.cmd)
		if a.text != "" {
			m.setStatus(a.text, false)
		}
		if a.back {
			m.screen = scrGame
		}
		return cmd
	case actOpenOrders:
		m.orders.load()
		m.screen = scrOrders
	case actOpenReport:
		m.report.load()
		m.screen = scrReport
	case actOpenBriefing:
		m.briefing.load()
		m.screen = scrBriefing
	case actCompose:
		m.compose.open(nil)
		m.screen = scrCompose
	case actCounter:
		m.compose.open(a.deal)
		m.screen = scrCompose
	case actError:
		m.setStatus(a.text, true)
	case actTitle:
		m.Close()
		m.env.sess, m.env.u = nil, nil
		m.gen++
		m.screen = scrTitle
	}
	return nil
}

func (m *Model) started(msg startedMsg) tea.Cmd {
	if msg.err != nil {
		m.setStatus("could not start the game: "+msg.err.Error(), true)
		m.screen = scrTitle
		if m.opts.Start != nil {
			m.screen = scrTitle
		}
		return nil
	}
	if msg.sess.gen != m.gen {
		msg.sess.close()
		return nil
	}
	m.env.sess = msg.sess
	m.env.seat = msg.sess.humans[0]
	m.passTo = m.env.seat
	return msg.sess.waits()
}

// updated takes a seat's fresh update and moves the screens on when the
// game has.
func (m *Model) updated(msg updateMsg) tea.Cmd {
	s := m.env.sess
	if s == nil || msg.gen != m.gen || !msg.ok {
		return nil
	}
	u := msg.u
	s.latest[msg.seat] = &u
	if u.Err != nil {
		m.setStatus(u.Err.Error(), true)
	}
	if msg.seat == m.env.seat {
		m.env.u = &u
		m.refresh()
	}
	if m.screen == scrLoading || msg.seat == m.env.seat || m.screen == scrGame {
		if cmd := m.route(); cmd != nil {
			return tea.Batch(cmd, s.wait(msg.seat))
		}
	}
	return s.wait(msg.seat)
}

// refresh hands the new update to the screens that show it.
func (m *Model) refresh() {
	m.game.refresh()
	m.orders.refresh()
	m.compose.refresh()
	m.report.refresh()
	m.debrief.refresh()
}

// route picks the screen the game needs now: a briefing first, the
// privacy screen when the keyboard passes to another seat, the orders,
// report or debrief when their phase begins.
func (m *Model) route() tea.Cmd {
	s := m.env.sess
	if s == nil || m.env.u == nil {
		if s != nil && m.env.u == nil {
			if u := s.latest[m.env.seat]; u != nil {
				m.env.u = u
				m.refresh()
			} else {
				return nil
			}
		} else {
			return nil
		}
	}
	v := m.env.view()
	if v.Phase != game.GameOver && len(s.humans) > 1 {
		if next := s.next(m.env.seat); next != m.env.seat {
			if m.screen != scrPrivacy || m.passTo != next {
				m.passTo = next
				m.screen = scrPrivacy
			}
			return nil
		}
	}
	if m.screen == scrPrivacy {
		if m.passTo != m.env.seat {
			return nil
		}
		m.screen = scrGame
	}
	if !m.briefed[m.env.seat] {
		if m.screen != scrBriefing {
			m.briefing.load()
			m.screen = scrBriefing
		}
		return nil
	}
	if m.screen == scrBriefing || m.screen == scrLoading {
		m.screen = scrGame
	}
	if v.Phase == m.lastPhase && v.Turn == m.lastTurn {
		return nil
	}
	m.lastPhase, m.lastTurn = v.Phase, v.Turn
	switch v.Phase {
	case game.Orders:
		m.orders.load()
		m.screen = scrOrders
	case game.Report:
		m.report.load()
		m.screen = scrReport
	case game.GameOver:
		m.debrief.load()
		m.screen = scrDebrief
	default:
		m.screen = scrGame
	}
	return nil
}

// TutorialSpec is the tutorial played as its first seat against AIs.
func TutorialSpec() (GameSpec, error) {
	return SoloSpec("tutorial", "", 1, nil)
}

// SoloSpec is a game of a scenario (a shipped id or a file) with one
// human seat (the first when seat is ""), the AIs given as
// SEAT=PERSONALITY[@DIFFICULTY] and the default personality for the rest.
func SoloSpec(scenario, seat string, seed uint64, ais []string) (GameSpec, error) {
	sc, err := content.Resolve(scenario)
	if err != nil {
		return GameSpec{}, err
	}
	if seat == "" {
		seat = sc.Seats[0].ID
	}
	seats, err := ParseSeats(sc, seat, ais)
	if err != nil {
		return GameSpec{}, err
	}
	return GameSpec{Scenario: sc, Seed: seed, Seats: seats}, nil
}
