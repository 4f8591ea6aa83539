package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

func init() { registerScreen(scrGame, func(e *env) screen { return newGameModel(e) }) }

// Focus on the game screen.
const (
	focusPhase = iota
	focusWorld
	focusNews
	numFocus
)

// gameModel is the game screen: the header, a line that says what to do
// now, the world panel (or the payoff table of a payoff-table game), the
// phase panel (the inbox in negotiation) and the news.
type gameModel struct {
	env     *env
	w, h    int
	focus   int
	selSeat int
	why     bool
	whyOff  int // lines scrolled in the why panel
	whyTurn int // the resolution the why panel explains
	// inboxOff moves the inbox's window off the selected deal (pgdn,
	// pgup), for a deal longer than the panel.
	inboxOff int
	newsSel  int // the selected news line, counted from the newest
	msg      textinput.Model
	msgTo    int // 0: everyone; k: seat k-1
	writing  bool
	inbox    inboxModel
	// repeat is the prompt of a payoff-table game's run of rounds.
	repeat  textinput.Model
	askRuns bool
	// chat is the chat panel, drawn in the phase panel's place when open.
	chat chatModel
}

func newGameModel(e *env) *gameModel {
	ti := newInput(e, "a message", 500)
	ti.Prompt = "> "
	rp := newInput(e, "10", 3)
	rp.SetWidth(4)
	return &gameModel{env: e, msg: ti, repeat: rp, inbox: inboxModel{env: e}, chat: newChat(e)}
}

func (g *gameModel) SetSize(w, h int) {
	g.w, g.h = w, h
	g.msg.SetWidth(max(10, w/2))
	g.chat.input.SetWidth(max(10, w-8))
}

func (g *gameModel) typing() bool { return g.writing || g.askRuns || g.chat.open }

// refresh keeps the selections valid in a new view, and closes the why
// panel once it would explain another turn than the one it opened on.
func (g *gameModel) refresh() {
	v := g.env.view()
	if v == nil {
		return
	}
	g.inbox.refresh()
	g.selSeat = max(0, min(g.selSeat, len(v.Seats)-1))
	if g.why && g.whyTurn != v.Turn {
		g.why = false
	}
	if v.Phase != game.Negotiation {
		g.writing = false
		g.msg.Blur()
	}
}

func (g *gameModel) Keys() keyMap {
	k := &g.env.keys
	v := g.env.view()
	if g.writing {
		return newKeyMap([]key.Binding{withHelp(k.Enter, "enter", "send"), withHelp(k.Tab, "tab", "recipient"), withHelp(k.Back, "esc", "cancel")})
	}
	if g.askRuns {
		return newKeyMap([]key.Binding{withHelp(k.Enter, "enter", "start repeating"), withHelp(k.Back, "esc", "cancel")})
	}
	if g.chat.open {
		return newKeyMap(g.chat.keys(), g.chat.fullKeys()).titled("Chat")
	}
	if v == nil {
		return keyMap{}
	}
	why := k.Why
	if g.why {
		why = withHelp(k.Why, "w", "close why")
	}
	nav := []key.Binding{withHelp(k.Tab, "tab", "next panel: inbox, world, news"), withHelp(k.Up, "↑/k", "select up (a deal, a seat, a news line)"),
		withHelp(k.Down, "↓/j", "select down"), withHelp(k.Why, "w", "why the selected seat's numbers moved, and their causes"),
		withHelp(k.PageUp, "pgup", "scroll the inbox, the why panel or the news up"), withHelp(k.PageDown, "pgdn", "scroll down"),
		withHelp(k.Briefing, "b", "your briefing again"), withHelp(k.Report, "t", "the last turn's report"), withHelp(k.Back, "esc", "back to the inbox"),
		withHelp(k.Chat, "C", "chat with other seats: all, one, or a group (binds no one)")}
	var short, own []key.Binding
	title := "This phase"
	switch v.Phase {
	case game.Negotiation:
		title = "Negotiation"
		ready := withHelp(k.Ready, "r", "done negotiating")
		if v.Seats[v.Viewer].Ready {
			ready = withHelp(k.Ready, "r", "not done after all")
		}
		switch {
		case isPayoff(v.Scenario):
			short = []key.Binding{g.moveKey(), withHelp(k.Repeat, "R", "repeat"), ready, k.NewDeal, why}
			if v.Owes(v.Viewer).Answer {
				short = []key.Binding{g.moveKey(), k.Accept, k.Reject, withHelp(k.Repeat, "R", "repeat"), ready, why}
			}
			own = []key.Binding{g.moveKey(), k.Repeat}
		case v.Owes(v.Viewer).Answer:
			short = []key.Binding{k.Accept, k.Reject, k.Counter, ready, k.NewDeal, k.Message, k.Tab, why}
		default:
			short = []key.Binding{k.NewDeal, ready, k.Message, k.Tab, why, withHelp(k.Report, "t", "report")}
		}
		own = append(own, withHelp(k.Accept, "a", "accept the selected proposal"), withHelp(k.Reject, "x", "reject it"),
			withHelp(k.Counter, "c", "counter it with a proposal of your own"), withHelp(k.NewDeal, "n", "propose a new deal"),
			withHelp(k.Withdraw, "W", "withdraw your selected proposal"), withHelp(k.Message, "m", "write a message (tab: to whom)"),
			ready, withHelp(k.Orders, "o", "orders (after negotiation)"))
	case game.Orders:
		title = "Orders"
		keep := withHelp(k.Ready, "r", "keep last turn's orders")
		short = []key.Binding{withHelp(k.Orders, "o", "open orders"), keep, k.Tab, why}
		own = []key.Binding{withHelp(k.Orders, "o", "open your orders"), keep}
		if isPayoff(v.Scenario) {
			short = append([]key.Binding{g.moveKey()}, short...)
			own = append(own, g.moveKey(), k.Repeat)
		}
	case game.Report:
		title = "Report"
		next := withHelp(k.Ready, "r", "next turn")
		short = []key.Binding{withHelp(k.Report, "t", "read the report"), next, why, k.Tab}
		own = []key.Binding{withHelp(k.Report, "t", "read the report"), withHelp(k.Enter, "enter", "read the report"), next}
	default:
		short = []key.Binding{k.Tab, why}
	}
	return newKeyMap(short, own, nav).titled(title, "Moving around")
}

// moveKey is the binding that plays a round of a payoff-table game,
// with the choices it offers.
func (g *gameModel) moveKey() key.Binding {
	k := g.env.keys.Move
	v := g.env.view()
	if v == nil {
		return k
	}
	l, ok := payoffLever(v.Scenario)
	if !ok {
		return k
	}
	var opts []string
	for j := range v.Scenario.Levers[l].Levels {
		if j < 9 {
			opts = append(opts, fmt.Sprintf("%d %s", j+1, v.Scenario.LevelText(l, j)))
		}
	}
	n := len(opts)
	return withHelp(k, fmt.Sprintf("1-%d", n), "play "+strings.Join(opts, ", "))
}

func (g *gameModel) Update(msg tea.KeyPressMsg) action {
	k := &g.env.keys
	v := g.env.view()
	if v == nil {
		return action{}
	}
	me := v.Viewer
	if g.writing {
		return g.writeKey(msg)
	}
	if g.askRuns {
		return g.repeatKey(msg)
	}
	if g.chat.open {
		return g.chat.update(msg)
	}
	switch {
	case key.Matches(msg, k.Chat):
		return action{then: g.chat.show()}
	case key.Matches(msg, k.Tab):
		g.focus = (g.focus + 1) % numFocus
		g.newsSel = 0
		return action{}
	case key.Matches(msg, k.Back):
		g.why = false
		g.focus = focusPhase
		return action{}
	case key.Matches(msg, k.Up), key.Matches(msg, k.Down):
		d := -1
		if key.Matches(msg, k.Down) {
			d = 1
		}
		switch g.focus {
		case focusWorld:
			g.selSeat = max(0, min(len(v.Seats)-1, g.selSeat+d))
			g.whyOff = 0
		case focusNews:
			g.newsSel = max(0, min(len(newsItems(g.env))-1, g.newsSel-d))
		default:
			g.inbox.move(d)
			g.inboxOff = 0
		}
		return action{}
	case key.Matches(msg, k.PageUp), key.Matches(msg, k.PageDown):
		d := 5
		if key.Matches(msg, k.PageUp) {
			d = -5
		}
		switch {
		case g.why:
			g.whyOff = max(0, g.whyOff+d)
		case g.focus == focusNews:
			g.newsSel = max(0, min(len(newsItems(g.env))-1, g.newsSel-d))
		case g.focus == focusPhase:
			g.inboxOff += d
		}
		return action{}
	case key.Matches(msg, k.Why):
		if g.why {
			g.why = false
			return action{}
		}
		if g.focus != focusWorld {
			g.selSeat = max(0, me)
		}
		g.focus, g.why, g.whyOff, g.whyTurn = focusWorld, true, 0, v.Turn
		return action{}
	case key.Matches(msg, k.Briefing):
		return show(scrBriefing)
	case key.Matches(msg, k.Report):
		if lastResolution(g.env.u) == nil {
			return errorf("no turn has been resolved yet: the report comes after the first turn's orders")
		}
		return show(scrReport)
	case key.Matches(msg, k.Enter) && g.focus == focusNews:
		return action{}
	case key.Matches(msg, k.Orders), key.Matches(msg, k.Enter) && v.Phase == game.Orders:
		if v.Phase != game.Orders {
			return errorf("orders come after negotiation: press r when you are done negotiating")
		}
		return show(scrOrders)
	case key.Matches(msg, k.Enter) && v.Phase == game.Report:
		return show(scrReport)
	case key.Matches(msg, k.Ready):
		return g.ready(v)
	case isPayoff(v.Scenario) && key.Matches(msg, k.Move):
		return g.move(msg)
	case isPayoff(v.Scenario) && key.Matches(msg, k.Repeat):
		return g.askRepeat()
	}
	if v.Phase != game.Negotiation {
		if key.Matches(msg, k.NewDeal) || key.Matches(msg, k.Accept) || key.Matches(msg, k.Message) {
			return errorf("deals and messages wait for the next negotiation")
		}
		return action{}
	}
	switch {
	case key.Matches(msg, k.NewDeal):
		return action{kind: actShow, to: scrCompose}
	case key.Matches(msg, k.Message):
		g.writing = true
		g.msg.SetValue("")
		return action{then: g.msg.Focus()}
	}
	return g.inbox.update(msg)
}

// ready says the seat is done with the phase.
func (g *gameModel) ready(v *game.View) action {
	me := v.Viewer
	switch v.Phase {
	case game.Negotiation, game.Report:
		ready := v.Seats[me].Ready
		c := game.Command{Kind: game.CmdReady, Cancel: ready}
		switch {
		case ready:
			return command(c, "not done negotiating after all")
		case v.Phase == game.Report:
			return command(c, "ready for the next turn")
		}
		if n := awaiting(v); n > 0 {
			// Ready is taken, but what it leaves waiting is said: a
			// proposal unanswered in the last round lapses.
			if v.Round >= v.Scenario.Rounds {
				return command(c, fmt.Sprintf("done negotiating: %s unanswered will lapse when negotiation closes (r again to take it back)", plural(n, "proposal", "proposals")))
			}
			return command(c, fmt.Sprintf("done with round %d of %d: %s still %s your answer (a accept, x reject)", v.Round, v.Scenario.Rounds, plural(n, "proposal", "proposals"), verb(n, "awaits", "await")))
		}
		return command(c, "done negotiating")
	case game.Orders:
		if v.Seats[me].Submitted {
			return errorf("your orders are in; open them with o to change them")
		}
		// Last turn's policy, moved inside the deals that bind the seat:
		// r never breaks a promise by itself.
		keep := game.Expected(v)[me]
		a := command(game.Command{Kind: game.CmdReady}, "last turn's orders kept")
		if keep != v.Seats[me].Policy {
			a = command(game.Command{Kind: game.CmdSubmit, Orders: ordersOf(v, keep)}, "last turn's orders kept, moved inside your deals")
		}
		a.back = true
		return a
	}
	return action{}
}

// writeKey edits the message line: tab picks the recipient, enter sends.
func (g *gameModel) writeKey(msg tea.KeyPressMsg) action {
	k := &g.env.keys
	v := g.env.view()
	switch {
	case key.Matches(msg, k.Back):
		g.writing = false
		g.msg.Blur()
	case key.Matches(msg, k.Tab):
		for range v.Seats {
			g.msgTo = (g.msgTo + 1) % (len(v.Seats) + 1)
			if g.msgTo-1 != v.Viewer {
				break
			}
		}
	case key.Matches(msg, k.Enter):
		text := strings.TrimSpace(g.msg.Value())
		g.writing = false
		g.msg.Blur()
		if text == "" {
			return action{}
		}
		c := game.Command{Kind: game.CmdMessage, Text: text}
		if g.msgTo > 0 {
			c.To = []string{v.Seats[g.msgTo-1].ID}
		}
		return command(c, "message sent")
	default:
		var cmd tea.Cmd
		g.msg, cmd = g.msg.Update(msg)
		return action{then: cmd}
	}
	return action{}
}

// header is the top line: where we are, the clock and who you are. A
// narrow terminal gets the short forms.
func header(e *env, w int) string {
	st := &e.st
	v := e.view()
	ps := v.Scenario
	for _, short := range []bool{false, true} {
		left := st.Title.Render("CHOKEPOINT") + " · " + ps.Title
		turn := fmt.Sprintf("turn %d/%d", v.Turn, ps.Turns)
		you := ""
		if v.Viewer >= 0 {
			you = "you: " + st.Seat(v.Viewer).Bold(true).Render(v.Seats[v.Viewer].Name)
		}
		if short {
			left = st.Title.Render("CHOKEPOINT")
			turn = fmt.Sprintf("t%d/%d", v.Turn, ps.Turns)
			if v.Viewer >= 0 {
				you = "you: " + st.Seat(v.Viewer).Bold(true).Render(ps.Tag(v.Viewer))
			}
		}
		parts := []string{monthOf(ps, v.Turn), turn, st.Bold.Render(phaseName(v))}
		if c := clockText(e); c != "" {
			parts = append(parts, c)
		}
		if you != "" {
			parts = append(parts, you)
		}
		right := strings.Join(parts, " · ")
		gap := w - lipgloss.Width(left) - lipgloss.Width(right) - 2
		if gap >= 1 || short {
			return fit(" "+left+strings.Repeat(" ", max(1, gap))+right+" ", w)
		}
	}
	return ""
}

// clockLeft is the negotiation time left, and whether a clock runs.
func clockLeft(e *env) (time.Duration, bool) {
	if e.u == nil || e.u.Deadline.IsZero() || e.u.View.Phase != game.Negotiation {
		return 0, false
	}
	return max(0, e.u.Deadline.Sub(e.now).Round(time.Second)), true
}

// clockText is the negotiation time left, marked and coloured in its
// last minute and more so in its last ten seconds, or "".
func clockText(e *env) string {
	left, ok := clockLeft(e)
	if !ok {
		// A paused clock holds what it had left.
		if u := e.u; u != nil && u.View.Paused && u.ClockLeft > 0 && u.View.Phase == game.Negotiation {
			l := u.ClockLeft.Round(time.Second)
			return e.st.Warn.Render(fmt.Sprintf("⏸ %02d:%02d left", int(l.Minutes()), int(l.Seconds())%60))
		}
		return ""
	}
	text := fmt.Sprintf("%02d:%02d left", int(left.Minutes()), int(left.Seconds())%60)
	switch {
	case left <= 10*time.Second:
		return e.st.Error.Reverse(true).Render("⚠ " + text)
	case left <= time.Minute:
		return e.st.Warn.Bold(true).Render("⚠ " + text)
	}
	return text
}

// clockWarning tells the player once when the negotiation clock passes
// one minute and ten seconds left.
func (m *Model) clockWarning() {
	left, ok := clockLeft(m.env)
	if !ok {
		m.warned = 0
		return
	}
	switch {
	case left <= 10*time.Second && m.warned != 10 && left > 0:
		m.warned = 10
		m.setStatus("ten seconds left in this negotiation", true)
	case left <= time.Minute && left > 10*time.Second && m.warned == 0:
		m.warned = 60
		m.setStatus("one minute left: an unsent proposal will be kept as a draft", true)
	case left > time.Minute:
		m.warned = 0
	}
}

// hint is the line under the header that says what to do now, short
// enough for 80 columns.
func (g *gameModel) hint() string {
	v := g.env.view()
	me := v.Viewer
	s := &v.Seats[me]
	ps := v.Scenario
	switch v.Phase {
	case game.Negotiation:
		if isPayoff(ps) {
			if l, ok := payoffLever(ps); ok && len(ps.Levers[l].Levels) >= 2 {
				if v.Owes(me).Answer {
					return fmt.Sprintf("Play: 1 %s, 2 %s. A proposal waits in the inbox: a accept, x reject.",
						ps.LevelText(l, 0), ps.LevelText(l, 1))
				}
				return fmt.Sprintf("Play this round: 1 %s, 2 %s; or R repeats a choice for many rounds.",
					ps.LevelText(l, 0), ps.LevelText(l, 1))
			}
		}
		switch {
		case v.Owes(me).Answer:
			return "A proposal awaits you: a accept, x reject, c counter. Then r when done."
		case g.env.draft != nil:
			return "Your unsent proposal is kept: n opens it. Press r when done negotiating."
		case s.Ready:
			return "You are done negotiating (r takes it back). Then you set your orders."
		}
		return "Negotiate: n proposes a deal. Press r when done; then set your orders."
	case game.Orders:
		if s.Submitted {
			return "Your orders are in: waiting for the others. o changes them."
		}
		return "Set your orders for this turn: o opens them, r keeps last turn's."
	case game.Report:
		if s.Ready {
			return "Waiting for the others to finish with the report."
		}
		return fmt.Sprintf("Turn %d is resolved: t reads the report, w says why, r next turn.", v.Turn)
	case game.GameOver:
		return "The game is over."
	}
	return "Waiting for the table."
}

func (g *gameModel) View() string {
	e := g.env
	st := &e.st
	v := e.view()
	if v == nil {
		return e.spin + " Waiting for the table"
	}
	w, h := g.w, g.h
	head := header(e, w)
	hint := fit(" "+st.Accent.Render(fitWords("▶ "+g.hint(), w-2)), w)
	h -= 2
	sel := -1
	if g.focus == focusWorld {
		sel = g.selSeat
	}
	items := newsItems(e)
	newsSel := -1
	if g.focus == focusNews {
		newsSel = min(g.newsSel, max(0, len(items)-1))
		g.newsSel = newsSel
	}
	var body string
	switch {
	case w >= 160:
		// The world over the news on the left, the phase panel on the
		// right at full height.
		// The world as wide as its table wants, the rest to the phase
		// panel.
		natural := 44
		if !isPayoff(v.Scenario) {
			natural = worldColumns(e.u, w).totalWidth + 4
		}
		lw := max(w*45/100, min(w-70, natural))
		top, topH := g.topPanel(lw, sel)
		newsH := h - topH
		left := stack(top, st.panel("News", newsBody(e, items, lw-4, newsH-2, newsSel), lw, newsH, g.focus == focusNews))
		phase := st.panel(g.phaseTitle(), g.phaseBody(w-lw-4, h-2, ""), w-lw, h, g.focus == focusPhase)
		body = sideBySide(left, phase)
	default:
		top, topH := g.topPanel(w, sel)
		rest := h - topH
		need := g.phaseNeed(w-4, rest < 16)
		if g.why || g.chat.open {
			need = max(need, rest*2/3)
		}
		newsH := 0
		if phaseH := max(need, rest/2); rest-phaseH >= 5 {
			newsH = rest - phaseH
		} else if rest-10 >= 5 {
			newsH = 5
		}
		phaseH := rest - newsH
		ticker := ""
		if newsH == 0 {
			ticker = latestNews(e, items, w-4)
		}
		var phase string
		if newsH == 0 && g.focus == focusNews {
			phase = st.panel("News", newsBody(e, items, w-4, phaseH-2, newsSel), w, phaseH, true)
		} else {
			phase = st.panel(g.phaseTitle(), g.phaseBody(w-4, phaseH-2, ticker), w, phaseH, g.focus == focusPhase)
		}
		news := ""
		if newsH > 0 {
			news = st.panel("News", newsBody(e, items, w-4, newsH-2, newsSel), w, newsH, g.focus == focusNews)
		}
		body = stack(top, phase, news)
	}
	return head + "\n" + hint + "\n" + body
}

// topPanel is the world panel, or a payoff-table game's table, in w
// cells, with its height.
func (g *gameModel) topPanel(w, sel int) (string, int) {
	e := g.env
	v := e.view()
	if isPayoff(v.Scenario) {
		body := payoffBody(e, w-4)
		h := lipgloss.Height(body) + 2
		return e.st.panel("Payoffs", body, w, h, g.focus == focusWorld), h
	}
	h := worldHeight(v)
	return e.st.panel(fitWords(worldTitle(e.u, w-4), w-6), worldBody(e, w-4, sel), w, h, g.focus == focusWorld), h
}

func (g *gameModel) phaseTitle() string {
	v := g.env.view()
	if g.chat.open {
		return "Chat · esc closes"
	}
	if g.why {
		return "Why · ↑↓ another seat · w closes"
	}
	switch v.Phase {
	case game.Negotiation:
		return fmt.Sprintf("Negotiation · round %d of %d", v.Round, v.Scenario.Rounds)
	case game.Orders:
		return "Orders"
	case game.Report:
		return fmt.Sprintf("Report · turn %d", v.Turn)
	case game.GameOver:
		return "Game over"
	}
	return capitalize(v.Phase.String())
}

// waiting lists the seats the phase still waits for, by the engine's
// rule, and who is thinking.
func waiting(e *env) string {
	st := &e.st
	v := e.view()
	var who []string
	for i := range v.Seats {
		if !v.Owes(i).Act {
			continue
		}
		tag := v.Scenario.Tag(i)
		if e.u.Thinking.Has(i) {
			tag = e.spin + " " + tag + " thinking"
		} else if i == v.Viewer {
			tag = "you"
		}
		who = append(who, st.Seat(i).Render(tag))
	}
	if len(who) == 0 {
		return st.Subtle.Render(e.spin + " moving on")
	}
	return st.Subtle.Render("waiting for: ") + strings.Join(who, ", ")
}

// phaseContent is the phase panel's text in w cells: its lines, the
// selected deal's first and last line, and the foot that stays at the
// bottom; compact asks for the short form of the foot.
func (g *gameModel) phaseContent(w int, ticker string, compact bool) (lines []string, sel, selEnd int, foot []string) {
	e := g.env
	st := &e.st
	v := e.view()
	me := v.Viewer
	if ticker != "" {
		foot = append(foot, ticker)
	}
	switch v.Phase {
	case game.Orders:
		if v.Seats[me].Submitted {
			lines = append(lines, st.Good.Render("✓ Your orders are in.")+" "+wrap("Press o to change them until everyone has submitted.", w-22))
		} else {
			lines = append(lines, wrap("Set your levers for this turn: press "+st.KeyName.Render("o")+" to open your orders, or "+st.KeyName.Render("r")+" to keep last turn's.", w))
		}
		lines = append(lines, "", waiting(e))
	case game.Report:
		lines = append(lines, wrap(fmt.Sprintf("Turn %d is resolved. Press %s to read the report, %s when you are ready for the next turn.", v.Turn, st.KeyName.Render("t"), st.KeyName.Render("r")), w), "", waiting(e))
	case game.GameOver:
		lines = append(lines, wrap("The game is over: "+v.Ended+".", w))
	case game.Negotiation:
		lines, sel, selEnd = g.inbox.lines(w, g.focus == focusPhase)
		if g.writing {
			to := "everyone"
			if g.msgTo > 0 {
				to = v.Scenario.Tag(g.msgTo - 1)
			}
			foot = append(foot, st.Subtle.Render("to "+to+" (tab) ")+g.msg.View())
		}
		if g.askRuns {
			foot = append(foot, st.Accent.Render(g.repeatPrompt())+g.repeat.View())
		}
		ready := st.Warn.Render("○ not done negotiating") + st.Subtle.Render(" · press r when you are")
		if v.Seats[me].Ready {
			ready = st.Good.Render("● done negotiating") + st.Subtle.Render(" · r takes it back")
		}
		if wait := waiting(e); lenCells(ready)+3+lenCells(wait) <= w {
			foot = append(foot, ready+"   "+wait)
		} else {
			foot = append(foot, ready, wait)
		}
		if t := settlementLine(v.Scenario, w, compact); t != "" {
			foot = append(foot, st.Subtle.Render(t))
		}
	default:
		lines = append(lines, waiting(e))
	}
	if v.Phase != game.Negotiation {
		lines = flat(lines)
	}
	return lines, sel, selEnd, flat(foot)
}

// settlementLine is the scenario's end condition on the game screen:
// the engine's sentence, or in one line when room is short.
func settlementLine(ps *game.PublicScenario, w int, compact bool) string {
	t := ps.SettlementText()
	if t == "" {
		return ""
	}
	if !compact {
		return wrap("⚑ Early end: "+t+".", w)
	}
	var tags []string
	for _, i := range ps.Settlement.Parties.Seats() {
		tags = append(tags, ps.Tag(i))
	}
	short := fmt.Sprintf("⚑ A deal of %d+ clauses between %s ends the game (? help)", ps.Settlement.MinClauses, strings.Join(tags, " and "))
	if lenCells(short) > w {
		return wrap(short, w)
	}
	return short
}

// phaseNeed is how many lines the phase panel would like, borders in.
func (g *gameModel) phaseNeed(w int, compact bool) int {
	lines, _, _, foot := g.phaseContent(w, "", compact)
	return len(lines) + len(foot) + 3
}

// phaseBody is the phase panel's text in w by h cells; ticker, when set,
// is the latest news for a screen with no news panel.
func (g *gameModel) phaseBody(w, h int, ticker string) string {
	e := g.env
	if g.chat.open {
		return g.chat.view(w, h)
	}
	if g.why {
		lines := whyLines(e, g.selSeat, w)
		g.whyOff = max(0, min(g.whyOff, len(lines)-h))
		return strings.Join(offsetWindow(&e.st, lines, h, g.whyOff), "\n")
	}
	compact := h < 12
	lines, sel, selEnd, foot := g.phaseContent(w, ticker, compact)
	room := max(1, h-len(foot))
	gap := len(foot) > 0 && !compact
	if gap {
		room = max(1, room-1)
	}
	// Keep the selected deal whole in view, and the top of the list when
	// that allows.
	// pgdn and pgup move the window over a deal too long for it; every
	// cut is marked.
	inner := room
	if len(lines) > room && room >= 3 {
		inner = room - 2 // the markers' rows
	}
	anchor := min(selEnd, sel+inner-1)
	if v := e.view(); v != nil && v.Phase == game.Negotiation {
		g.inboxOff = max(min(g.inboxOff, len(lines)-1-anchor), sel-anchor)
		anchor += g.inboxOff
	}
	out := markedWindow(&e.st, lines, room, max(0, min(len(lines)-1, anchor)))
	for len(out) < room {
		out = append(out, "")
	}
	if gap {
		out = append(out, "")
	}
	return strings.Join(append(out, foot...), "\n")
}

// awaiting counts the proposals waiting for the viewer's answer.
func awaiting(v *game.View) int {
	n := 0
	for i := range v.Deals {
		if v.Deals[i].Awaits(v.Viewer) {
			n++
		}
	}
	return n
}

// verb is the form of a verb that agrees with n.
func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
