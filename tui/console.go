package tui

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

func init() { registerScreen(scrConsole, func(e *env) screen { return newConsole(e) }) }

const scrConsole screenID = "console"

// consoleModel is the facilitator's console. It sees the facilitator's
// view (every seat's secrets, never orders before they are resolved)
// and runs the room: every action is an engine command, so the log, a
// replay and the after-action report show it (the switch of a seat
// between people and an AI too, which the table then carries out).
// Ending the game, closing a phase early and revealing the secret
// objectives ask first.
type consoleModel struct {
	env  *env
	w, h int
	sel  int // the selected seat: the default of the forms
	form *consoleForm
	chat chatModel
	// players is what the console last made each seat, for the seats
	// list ("" for what the game began with).
	players map[int]string
	// report is the after-action report just written, shown until the
	// next key.
	report string
}

func newConsole(e *env) *consoleModel {
	return &consoleModel{env: e, chat: newChat(e), players: map[int]string{}}
}

func (c *consoleModel) SetSize(w, h int) {
	c.w, c.h = w, h
	c.chat.input.SetWidth(max(10, w/2))
}

func (c *consoleModel) typing() bool { return c.form != nil || c.chat.open }

func (c *consoleModel) refresh() {
	if v := c.env.view(); v != nil {
		c.sel = max(0, min(c.sel, len(v.Seats)-1))
	}
}

func (c *consoleModel) Keys() keyMap {
	k := &c.env.keys
	if c.form != nil {
		return newKeyMap(c.form.keys(k))
	}
	if c.chat.open {
		return newKeyMap(c.chat.keys(), c.chat.fullKeys()).titled("Chat")
	}
	v := c.env.view()
	if v == nil {
		return keyMap{}
	}
	pause := withHelp(k.Pause, "p", "pause")
	if v.Paused {
		pause = withHelp(k.Pause, "p", "resume")
	}
	var short []key.Binding
	switch {
	case v.Phase == game.Setup:
		short = []key.Binding{k.StartGame, k.SwitchSeat, k.Chat, k.Projector}
	case v.Phase == game.GameOver:
		short = []key.Binding{k.Reveal, k.WriteReport, k.Chat, k.Projector}
	default:
		short = []key.Binding{pause, withHelp(k.Extend, "+", "a minute more"), k.Inject, k.Override, k.SwitchSeat, k.EndGame, k.Chat, k.Projector}
	}
	all := []key.Binding{withHelp(k.StartGame, "s", "start the game (from the lobby)"), withHelp(k.Pause, "p", "pause the game, or resume it"),
		withHelp(k.Extend, "+", "a minute more on the negotiation clock"), withHelp(k.SetClock, "c", "set the negotiation clock"),
		withHelp(k.Advance, "n", "close the present phase now (asks first)"), withHelp(k.Inject, "i", "inject an event from the deck, or a custom one"),
		withHelp(k.Override, "o", "override a seat's indicator, with a note"), withHelp(k.SwitchSeat, "a", "hand a seat to people or to an AI"),
		withHelp(k.EndGame, "E", "end the game (asks first)"), withHelp(k.Reveal, "v", "reveal every seat's secret objectives (asks first)"),
		withHelp(k.WriteReport, "w", "write the after-action report (an HTML page) and the game's save"), withHelp(k.Chat, "C", "chat: read every channel, speak on any"),
		withHelp(k.Projector, "P", "preview the projector (esc comes back)"), withHelp(k.Seats, "g", "give the keyboard to the seats played here (F comes back)"), withHelp(k.Up, "↑/k", "select a seat"), withHelp(k.Down, "↓/j", "select a seat")}
	if c.env.sess != nil && c.env.sess.remove != nil {
		all = append(all, withHelp(k.RemovePerson, "x", "remove a person's session (a served game)"))
	}
	return newKeyMap(short, all).titled("Console")
}

func (c *consoleModel) Update(msg tea.KeyPressMsg) action {
	k := &c.env.keys
	v := c.env.view()
	if v == nil {
		return action{}
	}
	c.report = ""
	if c.form != nil {
		return c.form.update(msg, k)
	}
	if c.chat.open {
		return c.chat.update(msg)
	}
	running := v.Phase != game.Setup && v.Phase != game.GameOver
	switch {
	case key.Matches(msg, k.Up):
		c.sel = max(0, c.sel-1)
	case key.Matches(msg, k.Down):
		c.sel = min(len(v.Seats)-1, c.sel+1)
	case key.Matches(msg, k.Chat):
		return action{then: c.chat.show()}
	case key.Matches(msg, k.Projector):
		return show(scrProjector)
	case key.Matches(msg, k.Seats):
		return action{kind: actSeats}
	case key.Matches(msg, k.StartGame):
		if v.Phase != game.Setup {
			return errorf("the game has started")
		}
		return command(game.Command{Kind: game.CmdStart}, "the game has started")
	case key.Matches(msg, k.SwitchSeat):
		return c.openSwitch(v)
	case key.Matches(msg, k.RemovePerson) && c.env.sess != nil && c.env.sess.remove != nil:
		return c.openRemove(v)
	case key.Matches(msg, k.Reveal):
		if v.Revealed {
			return errorf("the secret objectives are revealed already")
		}
		return action{kind: actConfirm, ask: &question{title: "Reveal the secret objectives?",
			text: "Every seat and the projector will see every seat's secret objectives, for the rest of the game.",
			yes:  command(game.Command{Kind: game.CmdReveal}, "the secret objectives are revealed"), yesWord: "reveal", noWord: "keep them secret"}}
	case key.Matches(msg, k.WriteReport):
		return action{kind: actReport}
	case !running && key.Matches(msg, k.Pause, k.Extend, k.SetClock, k.Advance, k.Inject, k.Override, k.EndGame):
		if v.Phase == game.Setup {
			return errorf("the game has not started: s starts it")
		}
		return errorf("the game is over: v reveals the secret objectives, w writes the report")
	case key.Matches(msg, k.Pause):
		if v.Paused {
			return command(game.Command{Kind: game.CmdResume}, "the game resumes")
		}
		return command(game.Command{Kind: game.CmdPause}, "the game is paused")
	case key.Matches(msg, k.Extend):
		if v.Phase != game.Negotiation {
			return errorf("the clock runs in negotiation")
		}
		left := c.env.u.ClockLeft
		if l, ok := clockLeft(c.env); ok {
			left = l
		}
		secs := int(left.Round(time.Second)/time.Second) + 60
		return command(game.Command{Kind: game.CmdSetClock, Value: float64(secs)}, "the clock has a minute more: "+clockDigits(time.Duration(secs)*time.Second))
	case key.Matches(msg, k.SetClock):
		return c.openClock(v)
	case key.Matches(msg, k.Advance):
		return action{kind: actConfirm, ask: &question{title: "Close " + strings.ToLower(phaseName(v)) + " now?",
			text: "The phase ends for every seat at once: seats without orders keep their policy.",
			yes:  command(game.Command{Kind: game.CmdAdvance}, "the phase is closed"), yesWord: "close it", noWord: "let it run"}}
	case key.Matches(msg, k.Inject):
		return c.openInject(v)
	case key.Matches(msg, k.Override):
		return c.openOverride(v)
	case key.Matches(msg, k.EndGame):
		return c.openEnd()
	}
	return action{}
}

// The forms of the console.

func (c *consoleModel) openClock(v *game.View) action {
	if v.Phase != game.Negotiation {
		return errorf("the clock runs in negotiation")
	}
	f := &consoleForm{title: "Set the negotiation clock", note: "Minutes, or minutes:seconds (4:30); 0 stops the clock for this negotiation."}
	mins := f.addText(c.env, "time left", "5", 8)
	f.submit = func() action {
		secs, err := parseClock(mins.Value())
		if err != nil {
			return errorf(err.Error())
		}
		return command(game.Command{Kind: game.CmdSetClock, Value: float64(secs)}, "the clock is set to "+clockDigits(time.Duration(secs)*time.Second))
	}
	return c.open(f)
}

// parseClock reads minutes or minutes:seconds.
func parseClock(s string) (int, error) {
	s = strings.TrimSpace(s)
	m, sec, colon := strings.Cut(s, ":")
	mins, err := strconv.Atoi(strings.TrimSpace(m))
	secs := 0
	if err == nil && colon {
		secs, err = strconv.Atoi(strings.TrimSpace(sec))
		if err == nil && (secs < 0 || secs > 59) {
			err = strconv.ErrRange
		}
	}
	if err != nil || mins < 0 || mins > 24*60 {
		return 0, fmt.Errorf("%q is not a time: write minutes (5) or minutes:seconds (4:30)", s)
	}
	return mins*60 + secs, nil
}

func (c *consoleModel) openInject(v *game.View) action {
	f := &consoleForm{title: "Inject an event"}
	var names []string
	for _, e := range v.Injectable {
		where := e.Source
		if e.Turn > 0 {
			where = fmt.Sprintf("timeline, turn %d", e.Turn)
		}
		names = append(names, fmt.Sprintf("%s (%s)", e.Title, where))
	}
	names = append(names, "a custom event")
	ev := f.addChoice("event", names, 0)
	custom := func() bool { return ev.pick == len(names)-1 }
	title := f.addText(c.env, "title", "what happened, in one line", game.MaxChat)
	title.hidden = func() bool { return !custom() }
	effects := f.addText(c.env, "effects", "us.economy-5, all.capital+10, world.resolve=0.5", 300)
	effects.hidden = title.hidden
	f.note = "Effects: SEAT.INDICATOR+N, -N or =N; all.INDICATOR for every seat; world.INDICATOR for the world."
	f.submit = func() action {
		if !custom() {
			e := v.Injectable[ev.pick]
			return command(game.Command{Kind: game.CmdInject, Event: e.ID}, "injected: "+e.Title)
		}
		effs, err := parseEffects(v, effects.Value())
		if err != nil {
			return errorf(err.Error())
		}
		t := strings.TrimSpace(stripControls(title.Value()))
		return command(game.Command{Kind: game.CmdInject, Text: t, Effects: effs}, "injected: "+t)
	}
	return c.open(f)
}

// parseEffects reads a custom event's effects: comma-separated
// SEAT.INDICATOR followed by +N, -N (add) or =N (set). The engine checks
// them as it checks a scenario's.
func parseEffects(v *game.View, s string) ([]game.Effect, error) {
	var out []game.Effect
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		// Ids have dashes: the operator is an "=", else the last "+" or "-".
		k := strings.Index(part, "=")
		if k < 0 {
			k = strings.LastIndexAny(part, "+-")
		}
		dot := strings.Index(part, ".")
		if k < 0 || dot < 0 || dot > k {
			return nil, fmt.Errorf("%q is not an effect: write SEAT.INDICATOR+N, -N or =N", part)
		}
		who, ind := strings.TrimSpace(part[:dot]), strings.TrimSpace(part[dot+1:k])
		x, err := strconv.ParseFloat(strings.TrimSpace(part[k+1:]), 64)
		if err != nil {
			return nil, fmt.Errorf("%q: %q is not a number", part, part[k+1:])
		}
		var e game.Effect
		if who == "world" {
			e.World = ind
		} else {
			e.Seat, e.Indicator = who, ind
		}
		switch part[k] {
		case '+':
			e.Add = x
		case '-':
			e.Add = -x
		default:
			e.Set = &x
		}
		out = append(out, e)
	}
	return out, nil
}

func (c *consoleModel) openOverride(v *game.View) action {
	f := &consoleForm{title: "Override an indicator", note: "The note says why: every seat reads it in the news."}
	var tags []string
	for i := range v.Seats {
		tags = append(tags, v.Scenario.Tag(i))
	}
	seat := f.addChoice("seat", tags, c.sel)
	var inds []string
	first := 0
	for k, s := range v.Scenario.Indicators {
		inds = append(inds, s.Title)
		if game.Indicator(k) == game.Score && first == k {
			first = k + 1 // the score is rarely what needs setting
		}
	}
	ind := f.addChoice("indicator", inds, first%len(inds))
	value := f.addText(c.env, "value", "", 12)
	note := f.addText(c.env, "note", "why, in one line", game.MaxChat)
	// The present value is the placeholder: typing replaces it.
	showValue := func() {
		value.input.Placeholder = "now " + fmtInd(v, game.Indicator(ind.pick), v.Seats[seat.pick].Ind[ind.pick])
	}
	seat.changed, ind.changed = showValue, showValue
	showValue()
	f.submit = func() action {
		x, err := strconv.ParseFloat(strings.TrimSpace(value.Value()), 64)
		if err != nil {
			return errorf(fmt.Sprintf("%q is not a number", value.Value()))
		}
		cmd := game.Command{Kind: game.CmdOverride, Target: v.Seats[seat.pick].ID, Indicator: v.Scenario.Indicators[ind.pick].Name,
			Value: x, Text: strings.TrimSpace(stripControls(note.Value()))}
		return command(cmd, fmt.Sprintf("%s %s set to %s", tags[seat.pick], v.Scenario.Indicators[ind.pick].Name, value.Value()))
	}
	return c.open(f)
}

func (c *consoleModel) openSwitch(v *game.View) action {
	f := &consoleForm{title: "Person or AI at a seat", note: "People: the seat waits for its team. An AI plays it from its next decision."}
	var tags []string
	for i := range v.Seats {
		tags = append(tags, v.Scenario.Tag(i))
	}
	seat := f.addChoice("seat", tags, c.sel)
	players := append([]string{ai.HumanPlayer}, Personalities()...)
	who := f.addChoice("player", players, 0)
	level := f.addChoice("level", Difficulties, 1)
	level.hidden = func() bool { return who.pick == 0 }
	f.submit = func() action {
		spec := ai.PlayerSpec{Human: who.pick == 0}
		name := "people"
		if !spec.Human {
			spec.Player, spec.Difficulty = players[who.pick], Difficulties[level.pick]
			name = spec.String()
		}
		c.players[seat.pick] = name
		return action{kind: actSetPlayer, seat: seat.pick, player: spec, text: tags[seat.pick] + " is played by " + name}
	}
	return c.open(f)
}

func (c *consoleModel) openEnd() action {
	f := &consoleForm{title: "End the game", note: "The reason is in the news and the debrief."}
	why := f.addText(c.env, "reason", "the facilitator ended the game", game.MaxChat)
	f.submit = func() action {
		text := strings.TrimSpace(stripControls(why.Value()))
		return action{kind: actConfirm, ask: &question{title: "End the game now?",
			text: "The game ends for every seat and goes to the debrief. It cannot be taken back.",
			yes:  command(game.Command{Kind: game.CmdEnd, Text: text}, "the game is over"), yesWord: "end it", noWord: "keep playing"}}
	}
	return c.open(f)
}

func (c *consoleModel) open(f *consoleForm) action {
	c.form = f
	labelW := 0
	for _, fl := range f.fields {
		labelW = max(labelW, lenCells(fl.label))
	}
	for _, fl := range f.fields {
		if fl.choices == nil {
			fl.input.SetWidth(max(10, c.w-labelW-12))
		}
	}
	f.close = func() { c.form = nil }
	return action{then: f.focus()}
}

// View draws the console: the header, the seats with who plays them and
// what they owe, the world, the log of everything, and a form or the
// chat when one is open.
func (c *consoleModel) View() string {
	e := c.env
	st := &e.st
	v := e.view()
	if v == nil {
		return e.spin + " Waiting for the table"
	}
	w, h := c.w, c.h
	head := header(e, w)
	line := fit(" "+st.Accent.Render(fitWords("▶ "+c.hint(v), w-2)), w)
	h -= 2
	seatsH := len(v.Seats) + 3
	var side string
	sideH := h - seatsH
	switch {
	case c.report != "":
		side = st.panel("After-action report", c.reportBody(w-4), w, sideH, true)
	case c.form != nil:
		side = st.panel(c.form.title, c.form.view(st, w-4), w, sideH, true)
	case w >= 160 && sideH-worldHeight(v) >= 8:
		// Wide: the world over the chat, always in view, beside the log.
		lw := w / 2
		chatH := sideH - worldHeight(v)
		side = sideBySide(stack(st.panel("World", worldBody(e, lw-4, -1), lw, worldHeight(v), false),
			st.panel(c.chatTitle(), c.chat.view(lw-4, chatH-2), lw, chatH, c.chat.open)),
			st.panel("Log", c.logBody(w-lw-4, sideH-2), w-lw, sideH, false))
	case c.chat.open:
		side = st.panel(c.chatTitle(), c.chat.view(w-4, sideH-2), w, sideH, true)
	case sideH-worldHeight(v) >= 8:
		side = stack(st.panel("World", worldBody(e, w-4, -1), w, worldHeight(v), false),
			st.panel("Log", c.logBody(w-4, sideH-worldHeight(v)-2), w, sideH-worldHeight(v), false))
	default:
		side = st.panel("Log", c.logBody(w-4, sideH-2), w, sideH, false)
	}
	return head + "\n" + line + "\n" + st.panel("Seats", c.seatsBody(v, w-4), w, seatsH, c.form == nil && !c.chat.open) + "\n" + side
}

// reportBody says where the report and the save are, the paths broken
// across lines where they must be: they have no spaces to wrap at.
func (c *consoleModel) reportBody(w int) string {
	st := &c.env.st
	save := strings.TrimSuffix(c.report, filepath.Ext(c.report))
	var b strings.Builder
	b.WriteString(st.Good.Render("✓ The after-action report, one page to open in a browser or print:") + "\n")
	b.WriteString(st.Bold.Render(chop(c.report, w)) + "\n\n")
	b.WriteString(wrap("The game's save beside it ("+filepath.Base(save)+".json) makes the report again, as Markdown or JSON too:", w) + "\n")
	b.WriteString(st.Accent.Render(chop("chokepoint report "+filepath.Base(save)+" --format md", w)) + "\n\n")
	b.WriteString(st.Subtle.Render("Any key goes on; w writes it again with the game as it stands then."))
	return b.String()
}

// chop breaks a line without spaces into lines of w cells.
func chop(s string, w int) string {
	var lines []string
	r := []rune(s)
	for len(r) > w && w > 0 {
		lines = append(lines, string(r[:w]))
		r = r[w:]
	}
	return strings.Join(append(lines, string(r)), "\n")
}

func (c *consoleModel) chatTitle() string {
	if c.chat.open {
		return "Chat · every channel · esc closes"
	}
	return "Chat · every channel · C to speak"
}

// hint says where the room stands and what the facilitator may do.
func (c *consoleModel) hint(v *game.View) string {
	switch {
	case v.Phase == game.Setup:
		return "Lobby: the seats gather. s starts the game; a hands a seat to people or an AI."
	case v.Phase == game.GameOver:
		if !v.Revealed {
			return "The game is over. v reveals the secret objectives; w writes the after-action report."
		}
		return "The game is over and its secrets revealed. w writes the after-action report."
	case v.Paused:
		return "Paused: p resumes. The clock holds what it had left."
	}
	return "Facilitating: p pause · + a minute more · i inject · o override · E end · ? every key."
}

// seatsBody is a row per seat: who plays it, what it owes now, its score
// and its secret objectives (the facilitator sees them).
func (c *consoleModel) seatsBody(v *game.View, w int) string {
	e := c.env
	st := &e.st
	ps := v.Scenario
	var b strings.Builder
	tagW, whoW := 4, 9
	for i := range v.Seats {
		tagW = max(tagW, lenCells(ps.Tag(i)))
		whoW = max(whoW, lenCells(c.playedBy(i)))
	}
	whoW += 2
	const nowW = 11
	b.WriteString(st.Subtle.Render("  "+padRight("seat", tagW+2)+" "+padRight("played by", whoW)+padRight("now", nowW)+"score  secret objectives") + "\n")
	for i := range v.Seats {
		s := &v.Seats[i]
		mark := "  "
		if i == c.sel {
			mark = st.Selected.Render("▸") + " "
		}
		who := c.playedBy(i)
		now := ""
		switch {
		case e.u.Thinking.Has(i):
			now = "thinking"
		case v.Phase == game.Orders && s.Submitted:
			now = "orders in"
		case (v.Phase == game.Negotiation || v.Phase == game.Report) && s.Ready:
			now = "ready"
		case v.Owes(i).Act:
			now = "to act"
		}
		var secret []string
		for _, o := range s.Objectives {
			if o.Secret {
				m := "○"
				if o.Met {
					m = "●"
				}
				secret = append(secret, m+" "+o.Text)
			}
		}
		sec := strings.Join(secret, "; ")
		if sec == "" {
			sec = "none"
		}
		row := mark + st.Seat(i).Render("■ "+padRight(ps.Tag(i), tagW)) + " " + padRight(who, whoW) + padRight(now, nowW) +
			padLeft(fmtInd(v, game.Score, s.Ind[game.Score]), 5) + "  " + sec
		b.WriteString(fitWords(row, w) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// playedBy says who plays a seat: people, or an AI (by name when the
// console made it).
func (c *consoleModel) playedBy(i int) string {
	if c.env.u.Humans.Has(i) {
		return rosterAt(&c.env.roster, i, "people")
	}
	// Which AI only where there is room for it beside the objectives.
	if p := c.players[i]; p != "" && p != "people" && c.w >= 120 {
		return "AI " + p
	}
	return "AI"
}

// logBody is everything that happened, newest last: the facilitator's
// journal, secret news and messages included.
func (c *consoleModel) logBody(w, h int) string {
	e := c.env
	items := newsItems(e)
	body := newsBody(e, items, w, h-1, -1)
	if s := chatSummary(e, w); s != "" {
		return lines(body, h-1) + "\n" + s
	}
	return body
}

// consoleForm is a small form of choices (←→) and text lines; enter
// gives what submit makes of it, esc closes it.
type consoleForm struct {
	title  string
	note   string
	fields []*formField
	row    int
	submit func() action
	close  func()
}

type formField struct {
	label   string
	choices []string // a choice; nil for a text line
	pick    int
	input   textinput.Model
	hidden  func() bool
	changed func()
}

func (f *formField) Value() string     { return f.input.Value() }
func (f *formField) SetValue(s string) { f.input.SetValue(s) }

func (f *consoleForm) addChoice(label string, choices []string, pick int) *formField {
	fl := &formField{label: label, choices: choices, pick: max(0, min(pick, len(choices)-1))}
	f.fields = append(f.fields, fl)
	return fl
}

func (f *consoleForm) addText(e *env, label, placeholder string, limit int) *formField {
	fl := &formField{label: label, input: newInput(e, placeholder, limit)}
	f.fields = append(f.fields, fl)
	return fl
}

func (f *consoleForm) visible(k int) bool { return f.fields[k].hidden == nil || !f.fields[k].hidden() }

// focus gives the present row's text line the cursor.
func (f *consoleForm) focus() tea.Cmd {
	var cmd tea.Cmd
	for k, fl := range f.fields {
		if fl.choices != nil {
			continue
		}
		if k == f.row {
			cmd = fl.input.Focus()
		} else {
			fl.input.Blur()
		}
	}
	return cmd
}

func (f *consoleForm) keys(k *KeyMap) []key.Binding {
	return []key.Binding{withHelp(k.Enter, "enter", "do it"), withHelp(k.Up, "↑↓", "field"), withHelp(k.Left, "←→", "choose"), withHelp(k.Back, "esc", "cancel")}
}

func (f *consoleForm) move(d int) {
	for n := 0; n < len(f.fields); n++ {
		f.row = (f.row + d + len(f.fields)) % len(f.fields)
		if f.visible(f.row) {
			return
		}
	}
}

func (f *consoleForm) update(msg tea.KeyPressMsg, k *KeyMap) action {
	fl := f.fields[f.row]
	switch {
	case key.Matches(msg, k.Back):
		f.close()
		return action{}
	case key.Matches(msg, k.Enter):
		a := f.submit()
		if a.kind != actError {
			f.close()
		}
		return a
	case isArrow(msg, "up"), isArrow(msg, "down"), key.Matches(msg, k.Tab),
		fl.choices != nil && (key.Matches(msg, k.Up) || key.Matches(msg, k.Down)):
		// On a text line only the arrows move: j and k are letters.
		d := 1
		if key.Matches(msg, k.Up) {
			d = -1
		}
		f.move(d)
		return action{then: f.focus()}
	case fl.choices != nil && (key.Matches(msg, k.Left) || key.Matches(msg, k.Right)):
		d := 1
		if key.Matches(msg, k.Left) {
			d = -1
		}
		fl.pick = (fl.pick + d + len(fl.choices)) % len(fl.choices)
		if fl.changed != nil {
			fl.changed()
		}
		return action{}
	case fl.choices == nil:
		var cmd tea.Cmd
		fl.input, cmd = fl.input.Update(msg)
		return action{then: cmd}
	}
	return action{}
}

func (f *consoleForm) view(st *Styles, w int) string {
	var b strings.Builder
	labelW := 0
	for _, fl := range f.fields {
		labelW = max(labelW, lenCells(fl.label))
	}

	for k, fl := range f.fields {
		if !f.visible(k) {
			continue
		}
		mark := "  "
		if k == f.row {
			mark = st.Selected.Render("▸") + " "
		}
		val := fl.input.View()
		if fl.choices != nil {
			val = "‹ " + fl.choices[fl.pick] + " ›"
			if k == f.row {
				val = st.Accent.Render(val)
			}
		}
		b.WriteString(fitWords(mark+st.Subtle.Render(padRight(fl.label, labelW))+"  "+val, w) + "\n")
	}
	if f.note != "" {
		b.WriteString("\n" + st.Subtle.Render(wrap(f.note, w)) + "\n")
	}
	b.WriteString("\n" + st.Subtle.Render("enter does it · ↑↓ another field · ←→ another choice · esc cancels"))
	return b.String()
}

// isArrow reports whether a key is the arrow (or page key) named: on a
// text line, the only keys that move instead of typing.
func isArrow(msg tea.KeyPressMsg, name string) bool { return msg.String() == name }

// paste takes pasted text into the chat or the form's text line.
func (c *consoleModel) paste(text string) tea.Cmd {
	switch {
	case c.form != nil:
		if fl := c.form.fields[c.form.row]; fl.choices == nil {
			return pasteInto(&fl.input, ansi.Strip(text))
		}
		return nil
	case c.chat.open:
		return c.chat.paste(text)
	}
	return nil
}
