package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

// Focus on the game screen.
const (
	focusPhase = iota
	focusWorld
	focusNews
	numFocus
)

// gameModel is the game screen: header, world panel, phase panel (the
// negotiation inbox in negotiation) and the news.
type gameModel struct {
	env      *env
	w, h     int
	focus    int
	selDeal  int
	selSeat  int
	why      bool
	newsOff  int // lines scrolled up from the newest
	msg      textinput.Model
	msgTo    int // 0: everyone; k: seat k-1
	writing  bool
	dealsIDs []int // the inbox in display order
}

func newGameModel(e *env) gameModel {
	ti := textinput.New()
	ti.Placeholder = "a message"
	ti.CharLimit = 500
	ti.Prompt = "> "
	return gameModel{env: e, msg: ti}
}

func (g *gameModel) SetSize(w, h int) {
	g.w, g.h = w, h
	g.msg.SetWidth(max(10, w/2))
}

func (g *gameModel) typing() bool { return g.writing }

// refresh keeps the selection valid in a new view.
func (g *gameModel) refresh() {
	v := g.env.view()
	if v == nil {
		return
	}
	g.dealsIDs = g.dealsIDs[:0]
	for _, d := range inbox(v) {
		g.dealsIDs = append(g.dealsIDs, d.ID)
	}
	g.selDeal = max(0, min(g.selDeal, len(g.dealsIDs)-1))
	g.selSeat = max(0, min(g.selSeat, len(v.Seats)-1))
}

// inbox lists the deals the seat sees in order: those awaiting its
// answer, other open proposals, deals in force, then those closed this
// turn.
func inbox(v *game.View) []*game.Deal {
	var out []*game.Deal
	rank := func(d *game.Deal) int {
		switch {
		case d.Status == game.Proposed && v.Viewer >= 0 && d.Party(v.Viewer) && d.Answers[v.Viewer] == game.NoAnswer:
			return 0
		case d.Status == game.Proposed:
			return 1
		case d.Status == game.InForce:
			return 2
		}
		return 3
	}
	for i := range v.Deals {
		out = append(out, &v.Deals[i])
	}
	slices.SortStableFunc(out, func(a, b *game.Deal) int { return rank(a) - rank(b) })
	return out
}

func (g *gameModel) selected() *game.Deal {
	v := g.env.view()
	if v == nil || g.selDeal >= len(g.dealsIDs) {
		return nil
	}
	for i := range v.Deals {
		if v.Deals[i].ID == g.dealsIDs[g.selDeal] {
			return &v.Deals[i]
		}
	}
	return nil
}

func (g *gameModel) Keys() helpKeys {
	k := &g.env.keys
	v := g.env.view()
	nav := []key.Binding{k.Up, k.Down, k.Tab, k.Why, k.PageUp, k.PageDown, k.Briefing, k.Report}
	if g.writing {
		return helpKeys{short: []key.Binding{withHelp(k.Enter, "enter", "send"), withHelp(k.Tab, "tab", "recipient"), withHelp(k.Back, "esc", "cancel")}}
	}
	if v == nil {
		return helpKeys{}
	}
	switch v.Phase {
	case game.Negotiation:
		return helpKeys{
			short: []key.Binding{k.Accept, k.Reject, k.Counter, k.NewDeal, k.Message, k.Ready, k.Tab, k.Why},
			full:  [][]key.Binding{{k.Accept, k.Reject, k.Counter, k.NewDeal, k.Withdraw, k.Message, k.Ready}, nav},
		}
	case game.Orders:
		return helpKeys{short: []key.Binding{k.Orders, withHelp(k.Ready, "r", "keep orders"), k.Tab, k.Why}, full: [][]key.Binding{{k.Orders, k.Ready}, nav}}
	case game.Report:
		return helpKeys{short: []key.Binding{k.Report, withHelp(k.Ready, "r", "next turn"), k.Tab, k.Why}, full: [][]key.Binding{{k.Report, k.Ready}, nav}}
	}
	return helpKeys{short: []key.Binding{k.Tab, k.Why}, full: [][]key.Binding{nav}}
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
	cmd := func(c game.Command, text string) action {
		return action{kind: actCommand, cmd: &c, text: text}
	}
	switch {
	case key.Matches(msg, k.Tab):
		g.focus = (g.focus + 1) % numFocus
		g.why = g.why && g.focus == focusWorld
	case key.Matches(msg, k.Back):
		g.why = false
		g.focus = focusPhase
	case key.Matches(msg, k.Up):
		switch g.focus {
		case focusWorld:
			g.selSeat = max(0, g.selSeat-1)
		case focusNews:
			g.newsOff++
		default:
			g.selDeal = max(0, g.selDeal-1)
		}
	case key.Matches(msg, k.Down):
		switch g.focus {
		case focusWorld:
			g.selSeat = min(len(v.Seats)-1, g.selSeat+1)
		case focusNews:
			g.newsOff = max(0, g.newsOff-1)
		default:
			g.selDeal = min(len(g.dealsIDs)-1, g.selDeal+1)
		}
	case key.Matches(msg, k.PageUp):
		g.newsOff += 5
	case key.Matches(msg, k.PageDown):
		g.newsOff = max(0, g.newsOff-5)
	case key.Matches(msg, k.Why):
		if g.focus != focusWorld {
			g.focus, g.selSeat = focusWorld, max(0, me)
		}
		g.why = !g.why
	case key.Matches(msg, k.Briefing):
		return action{kind: actOpenBriefing}
	case key.Matches(msg, k.Report):
		if len(v.Changes) == 0 && v.Phase != game.Report {
			return action{kind: actError, text: "no turn has been resolved yet"}
		}
		return action{kind: actOpenReport}
	case key.Matches(msg, k.Orders), key.Matches(msg, k.Enter) && v.Phase == game.Orders:
		if v.Phase != game.Orders {
			return action{kind: actError, text: "orders are given after negotiation; press r when you are ready"}
		}
		return action{kind: actOpenOrders}
	case key.Matches(msg, k.Enter) && v.Phase == game.Report:
		return action{kind: actOpenReport}
	case key.Matches(msg, k.Ready):
		switch v.Phase {
		case game.Negotiation, game.Report:
			ready := v.Seats[me].Ready
			c := game.Command{Kind: game.CmdReady, Cancel: ready}
			if ready {
				return cmd(c, "no longer ready")
			}
			return cmd(c, "ready: waiting for the others")
		case game.Orders:
			if v.Seats[me].Submitted {
				return action{kind: actError, text: "your orders are in; open them with o to change them"}
			}
			return action{kind: actCommand, cmd: &game.Command{Kind: game.CmdReady}, text: "orders kept as they are", back: true}
		}
	case v.Phase != game.Negotiation:
		return action{}
	case key.Matches(msg, k.NewDeal):
		return action{kind: actCompose}
	case key.Matches(msg, k.Message):
		g.writing = true
		g.msg.SetValue("")
		g.msg.Focus()
	}
	if v.Phase != game.Negotiation {
		return action{}
	}
	d := g.selected()
	if d == nil {
		return action{}
	}
	awaiting := d.Status == game.Proposed && d.Party(me) && d.Answers[me] == game.NoAnswer
	switch {
	case key.Matches(msg, k.Accept), key.Matches(msg, k.Reject):
		if !awaiting {
			return action{kind: actError, text: "that deal does not await your answer"}
		}
		ans, word := game.Accept, "accepted"
		if key.Matches(msg, k.Reject) {
			ans, word = game.Reject, "rejected"
		}
		return cmd(game.Command{Kind: game.CmdRespond, Deal: d.ID, Answer: ans}, fmt.Sprintf("%s “%s”", word, d.Title))
	case key.Matches(msg, k.Counter):
		if !awaiting {
			return action{kind: actError, text: "only a proposal awaiting your answer can be countered"}
		}
		return action{kind: actCounter, deal: d}
	case key.Matches(msg, k.Withdraw):
		if d.Proposer != me || d.Status != game.Proposed {
			return action{kind: actError, text: "only your own open proposals can be withdrawn"}
		}
		return cmd(game.Command{Kind: game.CmdWithdraw, Deal: d.ID}, "withdrawn")
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
		return action{kind: actCommand, cmd: &c, text: "message sent"}
	default:
		g.msg, _ = g.msg.Update(msg)
	}
	return action{}
}

// header is the top line: where we are, the clock and who you are. A
// narrow terminal gets the short forms.
func header(e *env, w int) string {
	st := &e.st
	v := e.view()
	for _, short := range []bool{false, true} {
		left := st.Title.Render("CHOKEPOINT") + " · " + v.Scenario.Title
		turn := fmt.Sprintf("turn %d/%d", v.Turn, v.Scenario.Turns)
		you := ""
		if v.Viewer >= 0 {
			you = "you: " + st.Seat(v.Viewer).Bold(true).Render(v.Seats[v.Viewer].Name)
		}
		if short {
			left = st.Title.Render("CHOKEPOINT")
			turn = fmt.Sprintf("t%d/%d", v.Turn, v.Scenario.Turns)
			if v.Viewer >= 0 {
				you = "you: " + st.Seat(v.Viewer).Bold(true).Render(seatTag(v, v.Viewer))
			}
		}
		parts := []string{monthOf(v.Scenario, v.Turn), turn, st.Bold.Render(phaseName(v))}
		if c := clockText(e); c != "" {
			parts = append(parts, c)
		}
		if you != "" {
			parts = append(parts, you)
		}
		right := strings.Join(parts, " · ")
		gap := w - lipgloss.Width(left) - lipgloss.Width(right) - 2
		if gap >= 1 || short {
			return fit(" "+left+strings.Repeat(" ", max(1, gap))+right, w)
		}
	}
	return ""
}

// clockText is the negotiation time left, or "".
func clockText(e *env) string {
	if e.u == nil || e.u.Deadline.IsZero() {
		return ""
	}
	left := max(0, e.u.Deadline.Sub(e.now).Round(time.Second))
	return fmt.Sprintf("%02d:%02d left", int(left.Minutes()), int(left.Seconds())%60)
}

func (g *gameModel) View() string {
	e := g.env
	st := &e.st
	v := e.view()
	if v == nil {
		return e.spin + " Waiting for the table…"
	}
	w, h := g.w, g.h
	head := header(e, w)
	h--
	sel := -1
	if g.focus == focusWorld {
		sel = g.selSeat
	}
	wide := w >= 110
	var body string
	if wide {
		newsH := max(4, min(12, h/4))
		topH := h - newsH
		worldW := max(w*58/100, min(w-44, 84))
		phaseW := w - worldW
		world := st.panel("World", worldBody(e, worldW-4, sel), worldW, topH, g.focus == focusWorld)
		phase := st.panel(g.phaseTitle(), g.phaseBody(phaseW-4, topH-2), phaseW, topH, g.focus == focusPhase)
		body = stack(sideBySide(world, phase), st.panel("News", g.newsBody(w-4, newsH-2), w, newsH, g.focus == focusNews))
	} else {
		worldH := len(v.Seats) + 5
		rest := h - worldH
		newsH := 0
		if rest-5 >= 9 {
			newsH = 5
		}
		phaseH := rest - newsH
		world := st.panel("World", worldBody(e, w-4, sel), w, worldH, g.focus == focusWorld)
		var phase string
		if newsH == 0 && g.focus == focusNews {
			phase = st.panel("News", g.newsBody(w-4, phaseH-2), w, phaseH, true)
		} else {
			phase = st.panel(g.phaseTitle(), g.phaseBody(w-4, phaseH-2), w, phaseH, g.focus == focusPhase)
		}
		news := ""
		if newsH > 0 {
			news = st.panel("News", g.newsBody(w-4, newsH-2), w, newsH, g.focus == focusNews)
		}
		body = stack(world, phase, news)
	}
	return head + "\n" + body
}

func (g *gameModel) phaseTitle() string {
	v := g.env.view()
	if g.why {
		return "Why"
	}
	switch v.Phase {
	case game.Negotiation:
		return fmt.Sprintf("Negotiation · round %d", v.Round)
	case game.Orders:
		return "Orders"
	case game.Report:
		return fmt.Sprintf("Report · turn %d", v.Turn)
	case game.GameOver:
		return "Game over"
	}
	return v.Phase.String()
}

// waiting lists the seats the phase still waits for, and who is thinking.
func waiting(e *env) string {
	st := &e.st
	v := e.view()
	var who []string
	for i := range v.Seats {
		s := &v.Seats[i]
		open := (v.Phase == game.Orders && !s.Submitted) || ((v.Phase == game.Negotiation || v.Phase == game.Report) && !s.Ready)
		if !open {
			continue
		}
		tag := seatTag(v, i)
		if e.u.Thinking.Has(i) {
			tag = e.spin + " " + tag + " thinking"
		} else if i == v.Viewer {
			tag = "you"
		}
		who = append(who, st.Seat(i).Render(tag))
	}
	if len(who) == 0 {
		return st.Subtle.Render(e.spin + " moving on…")
	}
	return st.Subtle.Render("waiting for: ") + strings.Join(who, ", ")
}

func (g *gameModel) phaseBody(w, h int) string {
	e := g.env
	st := &e.st
	v := e.view()
	if g.why {
		return whyBody(e, g.selSeat)
	}
	me := v.Viewer
	var b strings.Builder
	switch v.Phase {
	case game.Orders:
		if v.Seats[me].Submitted {
			b.WriteString(st.Good.Render("✓ Your orders are in.") + " Press o to change them until everyone has submitted.\n\n")
		} else {
			b.WriteString("Set your levers for this turn: press " + st.KeyName.Render("o") + " to open your orders,\nor " + st.KeyName.Render("r") + " to keep last turn's.\n\n")
		}
		b.WriteString(waiting(e))
		return b.String()
	case game.Report:
		b.WriteString(fmt.Sprintf("Turn %d is resolved. Press %s to read the report,\n%s when you are ready for the next turn.\n\n", v.Turn, st.KeyName.Render("t"), st.KeyName.Render("r")))
		b.WriteString(waiting(e))
		return b.String()
	case game.GameOver:
		return "The game is over: " + v.Ended + "."
	case game.Negotiation:
	default:
		return waiting(e)
	}
	lines := g.inboxLines(w)
	// Leave the last lines for the ready state and the message line.
	foot := []string{}
	if g.writing {
		to := "everyone"
		if g.msgTo > 0 {
			to = seatTag(v, g.msgTo-1)
		}
		foot = append(foot, st.Subtle.Render("to "+to+" (tab) ")+g.msg.View())
	}
	ready := st.Warn.Render("○ not ready") + st.Subtle.Render(" — press r when you are done negotiating")
	if v.Seats[me].Ready {
		ready = st.Good.Render("● ready") + st.Subtle.Render(" — r to take it back")
	}
	foot = append(foot, ready, waiting(e))
	room := max(1, h-len(foot)-1)
	from, to := scrollWindow(len(lines), room, g.selLine(lines))
	out := append([]string{}, lines[from:to]...)
	for len(out) < room {
		out = append(out, "")
	}
	return strings.Join(append(append(out, ""), foot...), "\n")
}

// selLine finds the selected deal's first line for scrolling.
func (g *gameModel) selLine(lines []string) int {
	for i, l := range lines {
		if strings.Contains(l, "▸") {
			return i + 2
		}
	}
	return 0
}

// inboxLines draws the deals: the selected one with its clauses and the
// proposer's line of reasoning.
func (g *gameModel) inboxLines(w int) []string {
	e := g.env
	st := &e.st
	v := e.view()
	me := v.Viewer
	deals := inbox(v)
	awaitingN := 0
	for _, d := range deals {
		if d.Status == game.Proposed && d.Party(me) && d.Answers[me] == game.NoAnswer {
			awaitingN++
		}
	}
	lines := []string{st.Bold.Render(fmt.Sprintf("Inbox · %d awaiting you", awaitingN))}
	if len(deals) == 0 {
		lines = append(lines, st.Subtle.Render("No proposals yet. Press n to propose a deal, m to write."))
	}
	for k, d := range deals {
		status := dealStatus(v, d)
		mark := "  "
		if k == g.selDeal && g.focus == focusPhase {
			mark = st.Selected.Render("▸") + " "
		}
		title := fmt.Sprintf("%s  “%s”", partiesText(v, d), d.Title)
		statusW := lipgloss.Width(status)
		lines = append(lines, mark+st.Seat(d.Proposer).Render(fit(title, max(8, w-statusW-4)))+" "+status)
		if k != g.selDeal {
			continue
		}
		for _, c := range d.Clauses {
			lines = append(lines, "    "+st.Seat(c.Actor).Render("•")+" "+clauseText(v, c))
		}
		lines = append(lines, st.Subtle.Render(fmt.Sprintf("    %s, %s", plural(d.Duration, "turn", "turns"), d.Visibility)))
		if d.Note != "" {
			for _, l := range strings.Split(wrap("“"+d.Note+"”", w-6), "\n") {
				lines = append(lines, "    "+st.Accent.Render(l))
			}
		}
		for _, n := range e.u.Journal.Notes {
			if n.Deal != d.ID {
				continue
			}
			text := fmt.Sprintf("%s, %s: “%s”", seatTag(v, n.Seat), n.Answer, n.Text)
			for _, l := range strings.Split(wrap(text, w-6), "\n") {
				lines = append(lines, "    "+st.Seat(n.Seat).Render(l))
			}
		}
	}
	return lines
}

// dealStatus says where a deal stands for the viewer.
func dealStatus(v *game.View, d *game.Deal) string {
	me := v.Viewer
	switch d.Status {
	case game.Proposed:
		if d.Party(me) && d.Answers[me] == game.NoAnswer {
			return "awaiting you"
		}
		var wait []string
		for _, p := range d.Parties.Seats() {
			if d.Answers[p] == game.NoAnswer {
				wait = append(wait, seatTag(v, p))
			}
		}
		return "waiting: " + strings.Join(wait, ",")
	case game.InForce:
		return fmt.Sprintf("● in force to t%d", d.End)
	case game.Broken:
		return "✕ broken"
	}
	return d.Status.String()
}

// newsBody is the news feed, newest last, scrolled by newsOff.
func (g *gameModel) newsBody(w, h int) string {
	e := g.env
	st := &e.st
	v := e.view()
	var lines []string
	for i := range e.u.Journal.News {
		ev := &e.u.Journal.News[i]
		text := eventText(v, e.u.Journal.Deals, ev)
		if text == "" {
			continue
		}
		date := monthOf(v.Scenario, ev.Turn)
		line := st.Subtle.Render(fmt.Sprintf("%-8s ", date))
		if ev.Seat >= 0 {
			line += st.Seat(ev.Seat).Render(text)
		} else {
			line += text
		}
		lines = append(lines, fit(line, w))
	}
	g.newsOff = max(0, min(g.newsOff, len(lines)-h))
	end := len(lines) - g.newsOff
	from := max(0, end-h)
	return strings.Join(lines[from:end], "\n")
}
