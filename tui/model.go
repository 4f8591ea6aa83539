// Package tui is the terminal interface of Chokepoint: one Bubble Tea
// program whose root model routes messages to screens. It talks to a game
// only through a game/table: it sends commands and draws the views the
// table sends back.
package tui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/table"
	"github.com/chokepoint-game/chokepoint/internal/safetext"
	"github.com/chokepoint-game/chokepoint/saves"
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
	// Role is who sits at this terminal: a seat (the default), the
	// facilitator or the projector. With Start, the facilitator runs a
	// game of AI seats from a lobby (chokepoint play --facilitate).
	Role Role
	// Join, when set, attaches to a running table (a server's) in the
	// role given, instead of opening one; Start is then ignored.
	Join *Join
	// SaveDir is where the console saves a game for its report; "" is
	// the saves' default directory.
	SaveDir string
	// Observe, when set, is called after every message with where the
	// interface stands: for tests and tools that drive the program from
	// outside, since the model itself belongs to the program's goroutine.
	Observe func(Status)
	// Store is where games are saved: every game is autosaved there, and
	// the title screen continues and loads from it. nil: nothing is saved.
	Store *saves.Store
	// Replay, when set, opens this saved game in the replay viewer
	// instead of the title screen (chokepoint replay). It must be loaded
	// (verified).
	Replay *saves.Save
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

// Status reports where the interface stands.
func (m *Model) Status() Status {
	s := Status{Screen: string(m.cur), Seat: m.env.seat, Line: m.status}
	switch m.overlay {
	case ovHelp:
		s.Screen = "help"
	case ovAsk:
		s.Screen = "confirm"
		if m.ask != nil && m.ask.yes.kind == actExit {
			s.Screen = "quit"
		}
	}
	if r, ok := m.screens[m.cur].(*replayModel); ok {
		// The replay viewer: the moment shown and whose view.
		s.Turn, s.Phase, s.Seat = r.moment()
		if r.u != nil {
			s.Seq = r.u.View.Seq
		}
		return s
	}
	if v := m.env.view(); v != nil {
		s.Phase, s.Turn, s.Round, s.Seq = v.Phase, v.Turn, v.Round, v.Seq
		if v.Viewer >= 0 {
			s.Ready, s.Submitted = v.Seats[v.Viewer].Ready, v.Seats[v.Viewer].Submitted
		}
	}
	return s
}

type overlayID int

const (
	ovNone overlayID = iota
	ovHelp
	ovAsk
)

// actExit quits at once: what y does in the quit dialog.
const actExit actionKind = -1

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
	// draft is a proposal the negotiation closed on before it was sent.
	draft *composerState
	// still is set when the time is fixed (Options.Now): nothing moves.
	still bool
	// roster is who is at a served table (RosterMsg).
	roster Roster
	// store is where games are saved (nil: nowhere); saves is its list
	// as last read (listed once it has been), or why it could not be.
	store    *saves.Store
	saves    []saves.Entry
	savesErr error
	listed   bool
	// role is the terminal's; joined: the table is a server's.
	role   Role
	joined bool
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
	helpVP  viewport.Model
	spinner spinner.Model
	w, h    int
	screens map[screenID]screen
	cur     screenID
	overlay overlayID
	ask     *question
	status  string
	isError bool
	// statusAt is the moment a status was set for: it goes when the game
	// moves to another phase, round or turn.
	statusAt phaseKey
	gen      int
	quit     bool
	auto     autopilot
	// spinIdle: the spinner stopped ticking, nothing showing it (spin.go).
	spinIdle bool

	// Which seats have read their briefing, the seat whose screens were
	// last shown at this keyboard, and the phase the active seat was last
	// shown (to open the screen a new phase needs).
	briefed    map[int]bool
	atKeyboard int
	lastPhase  game.Phase
	lastTurn   int
	passTo     int // the seat the privacy screen waits for
	// warned is the clock warning last given: 0 none, 60 or 10 seconds.
	warned int
	// noted is the negotiation round roundNote last spoke of.
	noted     phaseKey
	notedSeat int
	// saveErr says the last autosave failed; it shows until one works.
	saveErr string
	// atSeats: the facilitator has handed the keyboard to the seats
	// played here (hot seat); F takes it back to the console.
	atSeats bool
}

// phaseKey is a moment of the game as far as status lines care.
type phaseKey struct {
	turn, round int
	phase       game.Phase
}

// New returns the root model.
func New(opts Options) *Model {
	e := &env{st: newStyles(true), keys: DefaultKeyMap(), now: opts.Now, still: !opts.Now.IsZero(), store: opts.Store,
		role: opts.Role, joined: opts.Join != nil}
	m := &Model{opts: opts, env: e, help: help.New(), helpVP: viewport.New(),
		spinner: spinner.New(spinner.WithSpinner(spinner.Dot)), briefed: map[int]bool{},
		screens: map[screenID]screen{}, cur: scrTitle, atKeyboard: -1}
	m.help.Styles = help.DefaultStyles(true)
	for _, id := range screenIDs() {
		m.screens[id] = screenTable[id](e)
	}
	if e.now.IsZero() {
		e.now = time.Now()
	}
	return m
}

// Init asks for the background colour and starts the clock; with a game
// given it starts it.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.tick(), m.spinner.Tick}
	switch {
	case m.opts.Join != nil:
		m.cur = scrLoading
		cmds = append(cmds, joinCmd(m.gen, m.opts.Join, m.opts.Role))
	case m.opts.Start != nil:
		cmds = append(cmds, m.start(*m.opts.Start))
	case m.opts.Replay != nil:
		m.showScreen(scrReplay, action{replay: m.opts.Replay})
		cmds = append(cmds, m.rewind())
	default:
		cmds = append(cmds, m.listSaves())
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
	m.env.sess, m.env.u, m.env.draft = nil, nil, nil
	m.gen++
	m.cur = scrLoading
	m.briefed = map[int]bool{}
	m.atKeyboard = -1
	m.auto = autopilot{}
	m.lastPhase, m.lastTurn = game.Setup, 0
	m.saveErr = ""
	return startCmd(m.gen, load, m.opts.Role, m.opts.Clock, m.opts.Store)
}

// Close stops the game's table, if one runs.
func (m *Model) Close() { m.env.sess.close() }

// setStatus shows a line at the bottom until the next key or the next
// phase. It may quote a file name or a file's problem, so control
// characters are escaped.
func (m *Model) setStatus(s string, isErr bool) {
	m.status, m.isError = safetext.Escape(s, false), isErr
	m.statusAt = m.phaseNow()
}

func (m *Model) phaseNow() phaseKey {
	if v := m.env.view(); v != nil {
		return phaseKey{turn: v.Turn, round: v.Round, phase: v.Phase}
	}
	return phaseKey{}
}

// Update routes a message: sizes and colours to every screen, keys to
// the overlay, then to a focused text input, then to the global
// bindings, then to the screen.
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
		for _, s := range m.screens {
			if r, ok := s.(restyler); ok {
				r.restyle()
			}
		}
		return nil
	case tickMsg:
		m.env.now = time.Time(msg)
		m.clockWarning()
		return m.tick()
	case spinner.TickMsg:
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		m.env.spin = m.spinner.View()
		return m.spinOn(cmd)
	case startedMsg:
		return m.started(msg)
	case updateMsg:
		return m.updated(msg)
	case reportMsg:
		if msg.gen != m.gen {
			return nil
		}
		if msg.err != nil {
			m.setStatus("could not save the game: "+msg.err.Error(), true)
			return nil
		}
		m.setStatus(msg.text, false)
		if c, ok := m.screens[scrConsole].(*consoleModel); ok && msg.path != "" {
			c.report = msg.path
		}
		return nil
	case doneMsg:
		if msg.gen != m.gen {
			return nil
		}
		if msg.err != nil {
			m.setStatus(msg.err.Error(), true)
		}
		m.autoDone(msg)
		return m.autoStep()
	case autosavedMsg:
		return m.autosaved(msg)
	case namedMsg:
		return m.named(msg)
	case listedMsg:
		m.listed(msg)
		return nil
	case deletedMsg:
		return m.deleted(msg)
	case rewoundMsg:
		m.rewound(msg)
		return nil
	case replayOpenedMsg:
		if msg.err != nil {
			m.setStatus("cannot replay it: "+saveError(msg.err), true)
			return nil
		}
		m.showScreen(scrReplay, action{replay: msg.save})
		return m.rewind()
	case tea.KeyPressMsg:
		return m.key(msg)
	case RosterMsg:
		return m.rostered(msg)
	case tea.PasteMsg:
		return m.pasted(msg)
	}
	return nil
}

// pasted gives a terminal's bracketed paste to the focused text input, if
// there is one; anywhere else a paste is not a string of commands and
// does nothing.
func (m *Model) pasted(msg tea.PasteMsg) tea.Cmd {
	if m.overlay != ovNone || m.tooSmall() {
		return nil
	}
	t, ok := m.screen().(typer)
	p, ok2 := m.screen().(paster)
	if !ok || !ok2 || !t.typing() {
		return nil
	}
	return p.paste(msg.Content)
}

func (m *Model) resize() {
	w, h := m.w, m.h-1 // the bottom line is the model's
	for _, s := range m.screens {
		s.SetSize(w, h)
	}
	m.helpVP.SetWidth(max(1, min(76, w-4)-4))
	m.helpVP.SetHeight(max(1, h-4))
}

func (m *Model) screen() screen { return m.screens[m.cur] }

// tooSmall reports whether the terminal is below the minimum size, when
// the interface shows only a request to make it larger.
func (m *Model) tooSmall() bool {
	return m.w > 0 && m.h > 0 && (m.w < MinWidth || m.h < MinHeight)
}

// smallKey reports whether a key may act while the terminal is too
// small: only help and quit (and the answer to the quit question, which
// the too-small screen shows), never a key whose effect cannot be seen.
func (m *Model) smallKey(msg tea.KeyPressMsg) bool {
	k := &m.env.keys
	switch m.overlay {
	case ovAsk:
		if m.ask == nil || m.ask.yes.kind != actExit {
			return false
		}
		return key.Matches(msg, k.Yes, k.No, k.Back, k.Quit, k.ForceQuit)
	case ovHelp:
		return key.Matches(msg, k.Back, k.Help, k.Quit, k.ForceQuit)
	}
	return key.Matches(msg, k.Help, k.Quit, k.ForceQuit)
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.env.keys
	if m.tooSmall() && !m.smallKey(msg) {
		return nil
	}
	switch m.overlay {
	case ovHelp:
		switch {
		case key.Matches(msg, k.Back), key.Matches(msg, k.Help), key.Matches(msg, k.Quit), key.Matches(msg, k.Enter):
			m.overlay = ovNone
		case key.Matches(msg, k.ForceQuit):
			m.overlay = ovNone
			return m.do(action{kind: actQuit})
		case key.Matches(msg, k.PageDown):
			m.helpVP.PageDown()
		case key.Matches(msg, k.PageUp):
			m.helpVP.PageUp()
		case key.Matches(msg, k.Down):
			m.helpVP.ScrollDown(1)
		case key.Matches(msg, k.Up):
			m.helpVP.ScrollUp(1)
		case msg.String() == "home":
			m.helpVP.GotoTop()
		case msg.String() == "end":
			m.helpVP.GotoBottom()
		}
		return nil
	case ovAsk:
		q := m.ask
		switch {
		case key.Matches(msg, k.Yes):
			m.overlay, m.ask = ovNone, nil
			return m.do(q.yes)
		case key.Matches(msg, k.ForceQuit) && q.yes.kind == actExit:
			m.overlay, m.ask = ovNone, nil
			return m.do(q.yes)
		case key.Matches(msg, k.No), key.Matches(msg, k.Back), key.Matches(msg, k.Quit), key.Matches(msg, k.ForceQuit):
			m.overlay, m.ask = ovNone, nil
		}
		return nil
	}
	if m.autoActive() {
		// Any key stops a run of rounds; the key does nothing else.
		m.auto.stop()
		m.setStatus("stopped repeating", false)
		return nil
	}
	if key.Matches(msg, k.ForceQuit) {
		return m.do(action{kind: actQuit})
	}
	if t, ok := m.screen().(typer); ok && t.typing() {
		return m.do(m.screen().Update(msg))
	}
	if m.atSeats && key.Matches(msg, k.Console) {
		m.toConsole()
		return nil
	}
	switch {
	case key.Matches(msg, k.Help):
		m.openHelp()
		return nil
	case key.Matches(msg, k.Quit):
		return m.do(action{kind: actQuit})
	case key.Matches(msg, k.Save) && m.canSave():
		m.status = ""
		return m.do(action{kind: actShow, to: scrSaveAs, from: m.cur})
	}
	m.status = ""
	return m.do(m.screen().Update(msg))
}

// inGame reports whether a game is open (running or over).
func (m *Model) inGame() bool { return m.env.sess != nil }

// do carries out what a screen asked for.
func (m *Model) do(a action) tea.Cmd {
	if m.opts.Join != nil {
		a = servedAction(a)
	}
	var cmd tea.Cmd
	switch a.kind {
	case actShow:
		m.showScreen(a.to, a)
	case actCommand:
		if m.env.sess == nil || a.cmd == nil {
			break
		}
		cmd = m.env.sess.do(m.env.seat, *a.cmd)
		if a.text != "" {
			m.setStatus(a.text, false)
		}
		if a.back {
			m.showScreen(scrGame, action{})
		}
	case actError:
		m.setStatus(a.text, true)
	case actNotice:
		m.setStatus(a.text, false)
	case actConfirm:
		m.overlay, m.ask = ovAsk, a.ask
	case actStart:
		cmd = m.startWith(a.load)
	case actTutorial:
		cmd = m.startWith(TutorialSpec)
	case actBriefed:
		cmd = m.closeBriefing()
	case actPassed:
		m.passKeyboard()
	case actAuto:
		cmd = m.startAuto(a.level, a.n)
	case actSetPlayer:
		if m.env.sess != nil {
			cmd = m.env.sess.setPlayer(a.seat, a.player)
			m.setStatus(a.text, false)
		}
	case actSeats:
		m.toSeats()
	case actReport:
		if m.env.sess != nil {
			dir := m.opts.SaveDir
			if dir == "" && m.opts.Store != nil {
				dir = m.opts.Store.Dir // beside the game's autosaves
			}
			cmd = m.env.sess.writeReport(dir)
			m.setStatus("saving the game…", false)
		}
	case actTitle:
		switch {
		case m.atSeats:
			m.toConsole()
			return a.then
		case m.opts.Join != nil:
			// A served session has no title screen: it only leaves.
			return m.do(action{kind: actQuit})
		}
		m.Close()
		m.env.sess, m.env.u, m.env.draft = nil, nil, nil
		m.auto = autopilot{}
		m.gen++
		m.cur = scrTitle
		m.saveErr = ""
		cmd = m.listSaves()
	case actQuit:
		if !m.inGame() {
			return m.do(action{kind: actExit})
		}
		m.overlay = ovAsk
		m.ask = m.quitQuestion()
	case actSaveAs:
		if m.env.sess != nil {
			cmd = m.env.sess.saveAs(a.text, a.replace)
		}
		if a.from != "" {
			m.showScreen(a.from, action{})
		}
	case actDelete:
		cmd = m.deleteSave(a.text)
	case actBranch:
		m.showScreen(scrBranch, a)
	case actReplay:
		cmd = loadReplay(a.text)
	case actExit:
		m.quit = true
		m.overlay = ovNone
		m.Close()
		cmd = tea.Quit
	}
	if a.then != nil {
		return tea.Batch(cmd, a.then)
	}
	return cmd
}

// showScreen makes id the present screen, letting it prepare itself.
func (m *Model) showScreen(id screenID, a action) {
	s, ok := m.screens[id]
	if !ok {
		return
	}
	if o, ok := s.(opener); ok {
		o.open(a)
	}
	m.cur = id
}

func (m *Model) started(msg startedMsg) tea.Cmd {
	if msg.err != nil {
		m.setStatus("could not start the game: "+saveError(msg.err), true)
		m.cur = scrTitle
		return nil
	}
	if msg.sess.gen != m.gen {
		msg.sess.close()
		return nil
	}
	m.env.sess = msg.sess
	switch m.opts.Role {
	case RoleFacilitator:
		m.env.seat = game.Facilitator
	case RoleProjector:
		m.env.seat = game.Spectator
	default:
		m.env.seat = msg.sess.humans[0]
	}
	m.passTo = m.env.seat
	cmds := []tea.Cmd{msg.sess.waits(), msg.sess.waitSaved()}
	if msg.sess.resumed {
		// A game carried on opens where it was left, not at the
		// briefing its players read when it began (b shows it again).
		for _, h := range msg.sess.humans {
			m.briefed[h] = true
			cmds = append(cmds, msg.sess.briefed(h))
		}
	}
	return tea.Batch(cmds...)
}

// updated takes a seat's fresh update and moves the screens on when the
// game has.
func (m *Model) updated(msg updateMsg) tea.Cmd {
	s := m.env.sess
	if s == nil || msg.gen != m.gen || !msg.ok {
		return nil
	}
	u := msg.u
	s.note(msg.seat, &u)
	if u.Err != nil {
		m.setStatus(u.Err.Error(), true)
	}
	if msg.seat == m.env.seat {
		m.heard(&u)
		m.env.u = &u
		m.refresh()
	}
	cmds := []tea.Cmd{s.wait(msg.seat), m.spinAgain()}
	if m.cur == scrLoading || msg.seat == m.env.seat || m.cur == scrGame || m.cur == scrPrivacy {
		cmds = append(cmds, m.route())
	}
	cmds = append(cmds, m.autoStep())
	return tea.Batch(cmds...)
}

// heard tells of a chat line said to the terminal's viewer by someone
// else, on the bottom line, so that a closed chat panel loses nothing.
func (m *Model) heard(u *table.Update) {
	old := m.env.u
	if old == nil || len(u.View.Chat) == 0 || len(u.View.Chat) == len(old.View.Chat) {
		return
	}
	l := &u.View.Chat[len(u.View.Chat)-1]
	// The facilitator hears every channel: its console shows the newest
	// line under the log instead of a line for each.
	if l.From == u.View.Viewer || u.View.Viewer < 0 {
		return
	}
	m.setStatus("chat · "+speaker(&u.View, l)+": "+l.Text+" (C opens the chat)", false)
}

// refresh hands the new update to the screens that keep something of it,
// and drops a status line the game has moved past.
func (m *Model) refresh() {
	if m.status != "" && m.statusAt != m.phaseNow() {
		m.status = ""
	}
	m.roundNote()
	for _, s := range m.screens {
		if r, ok := s.(refresher); ok {
			r.refresh()
		}
	}
}

// route picks the screen the game needs now: the privacy screen when the
// keyboard passes to a seat of a hot-seat game (the first included), its
// briefing first, then the orders, report or debrief when their phase
// begins.
func (m *Model) route() tea.Cmd {
	s := m.env.sess
	if s == nil {
		return nil
	}
	if m.env.u == nil {
		u := s.latest[m.env.seat]
		if u == nil {
			return nil
		}
		m.env.u = u
		m.refresh()
	}
	if m.routeLobby() {
		return nil
	}
	v := m.env.view()
	switch m.opts.Role {
	case RoleFacilitator:
		if m.cur == scrLoading {
			m.showScreen(scrConsole, action{})
		}
		if !m.atSeats {
			return nil
		}
	case RoleProjector:
		if m.cur == scrLoading {
			m.showScreen(scrProjector, action{})
		}
		return nil
	}
	if len(s.humans) > 1 && v.Phase != game.GameOver {
		from := m.atKeyboard
		if from < 0 {
			from = s.humans[0]
		}
		next := s.next(from)
		if m.atKeyboard < 0 {
			next = s.humans[0]
		}
		if next != m.atKeyboard {
			if m.cur != scrPrivacy || m.passTo != next {
				m.passTo = next
				m.showScreen(scrPrivacy, action{seat: next, text: m.seatName(next)})
				m.auto.stop()
			}
			return nil
		}
	} else if m.atKeyboard < 0 {
		m.atKeyboard = m.env.seat
	}
	if m.cur == scrPrivacy {
		return nil
	}
	if !m.briefed[m.env.seat] {
		if m.cur != scrBriefing {
			m.showScreen(scrBriefing, action{})
		}
		return nil
	}
	if m.cur == scrBriefing || m.cur == scrLoading {
		m.cur = scrGame
	}
	if v.Phase == m.lastPhase && v.Turn == m.lastTurn {
		return nil
	}
	left := m.lastPhase
	m.lastPhase, m.lastTurn = v.Phase, v.Turn
	if left == game.Negotiation && m.cur == scrCompose {
		m.keepDraft()
	}
	// A question about a deal (accept it, send it, discard it) has no
	// object once negotiation is over.
	if m.overlay == ovAsk && m.ask != nil && m.ask.yes.kind != actExit {
		m.overlay, m.ask = ovNone, nil
	}
	if m.autoActive() {
		m.cur = scrGame
		return nil
	}
	switch v.Phase {
	case game.Orders:
		if !v.Seats[v.Viewer].Submitted {
			m.showScreen(scrOrders, action{})
		}
	case game.Report:
		m.showScreen(scrReport, action{})
	case game.GameOver:
		m.showScreen(scrDebrief, action{})
	default:
		m.cur = scrGame
	}
	return nil
}

// toSeats hands the facilitator's keyboard to the seats played here:
// the privacy screen asks for the first that owes something.
func (m *Model) toSeats() {
	s := m.env.sess
	if s == nil || len(s.humans) == 0 {
		m.setStatus("every seat is an AI's: no seat is played at this keyboard", true)
		return
	}
	m.atSeats = true
	m.env.seat = s.humans[0]
	m.env.u = s.latest[m.env.seat]
	m.atKeyboard = -1
	m.lastPhase, m.lastTurn = game.Setup, 0
	m.cur = scrGame
	m.refresh()
	m.route()
}

// toConsole takes the keyboard back to the facilitator's console.
func (m *Model) toConsole() {
	s := m.env.sess
	m.atSeats = false
	m.overlay, m.ask = ovNone, nil
	m.env.seat = game.Facilitator
	if s != nil {
		m.env.u = s.latest[game.Facilitator]
	}
	m.cur = scrConsole
	m.refresh()
}

// passKeyboard hands the keyboard to the seat the privacy screen waited
// for, once that player has pressed enter.
func (m *Model) passKeyboard() {
	s := m.env.sess
	if s == nil {
		return
	}
	m.env.seat = m.passTo
	m.atKeyboard = m.passTo
	m.env.u = s.latest[m.passTo]
	m.lastPhase = game.Setup
	m.cur = scrGame
	m.refresh()
	m.route()
}

// closeBriefing marks the seat at the keyboard as having read its
// briefing: the table starts the negotiation clock once every person has.
func (m *Model) closeBriefing() tea.Cmd {
	first := !m.briefed[m.env.seat]
	m.briefed[m.env.seat] = true
	m.cur = scrGame
	cmd := m.route()
	if first && m.env.sess != nil {
		cmd = tea.Batch(cmd, m.env.sess.briefed(m.env.seat))
	}
	return cmd
}

// roundNote says, once at the start of each later round of a
// negotiation, what still waits for the seat at the keyboard: a player who
// pressed r with proposals unanswered sees the round move on, and must
// know why the game has not.
func (m *Model) roundNote() {
	v := m.env.view()
	now := m.phaseNow()
	if v == nil || v.Viewer < 0 || v.Phase != game.Negotiation || v.Round < 2 || (now == m.noted && v.Viewer == m.notedSeat) || m.status != "" {
		return
	}
	m.noted, m.notedSeat = now, v.Viewer
	if n := awaiting(v); n > 0 {
		m.setStatus(fmt.Sprintf("Round %d of %d: %s still %s your answer (a accept, x reject, c counter); r when you are done", v.Round, v.Scenario.Rounds,
			plural(n, "proposal", "proposals"), verb(n, "awaits", "await")), false)
	}
}

// keepDraft saves the proposal being written when negotiation closes on
// it, so that it is not lost.
func (m *Model) keepDraft() {
	c, ok := m.screens[scrCompose].(*composerModel)
	if !ok || !c.dirty() {
		return
	}
	d := c.state
	d.counter = nil
	m.env.draft = &d
	m.setStatus("negotiation closed before you sent your proposal: it is kept as a draft (n opens it next negotiation)", false)
}

// TutorialSpec is the tutorial played as its first seat against AIs,
// with no clock.
func TutorialSpec() (GameSpec, error) {
	spec, err := SoloSpec(TutorialID, "", 1, nil)
	return spec, err
}

// TutorialID is the tutorial scenario's id.
const TutorialID = "tutorial"

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
