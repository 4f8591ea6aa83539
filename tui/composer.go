package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

func init() { registerScreen(scrCompose, func(e *env) screen { return newComposer(e) }) }

// template is one kind of clause a party may commit to: a lever and its
// bound, an actor and a target (the actor itself for levers of scope all
// or self).
type template struct {
	lever         int
	bound         game.Bound
	actor, target int
}

// clause is the template at a level, as the engine reads it.
func (t template) clause(ps *game.PublicScenario, level int) game.Clause {
	return game.Clause{Actor: t.actor, Target: t.target, Lever: t.lever, Slot: ps.Slot(t.lever, t.target), Bound: t.bound, Level: level}
}

// draftClause is a clause being written: a template and a level.
type draftClause struct {
	t     template
	level int
}

// composerState is a proposal being written, kept whole when the
// negotiation closes before it is sent.
type composerState struct {
	row      int
	title    string
	note     string
	parties  game.SeatSet // the other parties
	partyCur int
	clauses  []draftClause
	duration int
	secret   bool
	counter  *game.Deal // the proposal answered, for a counter
}

// composerModel writes a proposal or a counter-proposal: its parties,
// its clauses picked from a list of those legal for the parties with a
// line on what each means, each clause's level, duration, visibility
// and a note; with a forecast of what the deal does if kept.
type composerModel struct {
	env   *env
	w, h  int
	state composerState
	title textinput.Model
	note  textinput.Model
	// picking is the kind list, open to add a clause (pickFor -1) or to
	// change clause pickFor; pick is its selection.
	picking bool
	pickFor int
	pick    int
}

func newComposer(e *env) *composerModel {
	return &composerModel{env: e, title: newInput(e, "a short title", 80), note: newInput(e, "one line of reasoning for the others", 200)}
}

func (c *composerModel) SetSize(w, h int) {
	c.w, c.h = w, h
	c.title.SetWidth(max(10, w-24))
	c.note.SetWidth(max(10, w-24))
}

// Rows of the composer: title, parties, one per clause, add, duration,
// visibility, note, send.
const (
	rowTitle = iota
	rowParties
	rowClauses
)

func (c *composerModel) rowAdd() int      { return rowClauses + len(c.state.clauses) }
func (c *composerModel) rowDuration() int { return c.rowAdd() + 1 }
func (c *composerModel) rowVis() int      { return c.rowAdd() + 2 }
func (c *composerModel) rowNote() int     { return c.rowAdd() + 3 }
func (c *composerModel) rowSend() int     { return c.rowAdd() + 4 }

func (c *composerModel) typing() bool { return c.title.Focused() || c.note.Focused() }

// open starts a new proposal, or a counter to the deal the action
// carries, or takes up the draft the last negotiation closed on.
func (c *composerModel) open(a action) {
	v := c.env.view()
	c.picking = false
	switch {
	case a.deal != nil:
		d := a.deal
		c.state = composerState{counter: d, parties: d.Parties.Without(v.Viewer), duration: d.Duration, secret: d.Visibility == game.Secret}
		t := "Re: " + d.Title
		if len([]rune(t)) > 80 {
			t = string([]rune(t)[:80])
		}
		c.state.title = t
		for _, cl := range d.Clauses {
			c.state.clauses = append(c.state.clauses, draftClause{t: template{lever: cl.Lever, bound: cl.Bound, actor: cl.Actor, target: cl.Target}, level: cl.Level})
		}
	case c.env.draft != nil:
		c.state = *c.env.draft
		c.env.draft = nil
		c.prune()
	default:
		c.state = composerState{duration: min(3, max(1, v.Scenario.Turns-v.Turn+1))}
	}
	// Each opening starts at the most useful row, never where the last
	// proposal was left: a counter at its first clause (what a counter
	// changes), anything else at the top.
	c.state.row, c.state.partyCur = rowTitle, 0
	if a.deal != nil && len(c.state.clauses) > 0 {
		c.state.row = rowClauses
	}
	c.title.SetValue(c.state.title)
	c.note.SetValue(c.state.note)
	c.focus()
}

// dirty reports whether the proposal holds anything worth keeping.
func (c *composerModel) dirty() bool {
	c.save()
	s := &c.state
	return strings.TrimSpace(s.title) != "" || strings.TrimSpace(s.note) != "" || len(s.clauses) > 0 || s.parties != 0
}

// save copies the text inputs into the state.
func (c *composerModel) save() {
	c.state.title, c.state.note = c.title.Value(), c.note.Value()
}

// templates lists every clause legal for the parties (the viewer
// included): each lever a deal may bind, each way it may bind it, each
// party that may set it, towards each other party it may target.
func (c *composerModel) templates() []template {
	v := c.env.view()
	if v == nil {
		return nil
	}
	ps := v.Scenario
	all := c.state.parties.With(v.Viewer)
	var out []template
	for l := range ps.Levers {
		for _, b := range ps.Levers[l].Bounds {
			for _, a := range all.Seats() {
				if !ps.MaySet(a, l) {
					continue
				}
				if ps.Levers[l].Scope != game.ScopeEach {
					out = append(out, template{lever: l, bound: b, actor: a, target: a})
					continue
				}
				for _, t := range all.Seats() {
					if t != a && ps.MayTarget(a, l, t) {
						out = append(out, template{lever: l, bound: b, actor: a, target: t})
					}
				}
			}
		}
	}
	return out
}

// newClause is a template at a sensible level: a step milder than the
// actor's level in force for a hostile lever kept at most somewhere (a
// concession), a step more for a lever kept at least somewhere that is
// not hostile (a commitment to do more), and the level in force
// otherwise.
func (c *composerModel) newClause(t template) draftClause {
	v := c.env.view()
	ps := v.Scenario
	lv := &ps.Levers[t.lever]
	cur := int(v.Seats[t.actor].Policy[t.lever][ps.Slot(t.lever, t.target)])
	level := cur
	switch {
	case lv.Hostile && t.bound == game.AtMost:
		level = max(0, cur-1)
	case !lv.Hostile && t.bound == game.AtLeast:
		level = min(len(lv.Levels)-1, cur+1)
	}
	lo, hi := levelRange(ps, t)
	return draftClause{t: t, level: max(lo, min(hi, level))}
}

// levelRange is the levels a clause of the template may name: a floor at
// the lowest level or a ceiling at the highest binds nothing, so neither
// is offered.
func levelRange(ps *game.PublicScenario, t template) (lo, hi int) {
	hi = len(ps.Levers[t.lever].Levels) - 1
	if t.bound == game.AtLeast {
		lo = 1
	} else {
		hi--
	}
	return lo, max(lo, hi)
}

func (c *composerModel) Keys() keyMap {
	k := &c.env.keys
	if c.picking {
		return newKeyMap([]key.Binding{withHelp(k.Up, "↑↓", "kind"), withHelp(k.Enter, "enter", "choose"), withHelp(k.Back, "esc", "close the list")},
			[]key.Binding{k.Up, k.Down, k.PageUp, k.PageDown})
	}
	return newKeyMap(
		[]key.Binding{withHelp(k.Up, "↑↓", "field"), withHelp(k.Left, "←→", "change"), withHelp(k.Enter, "enter", "next / send"), k.AddClause, k.Toggle, withHelp(k.Back, "esc", "cancel"), k.DelClause},
		[]key.Binding{withHelp(k.Up, "↑/k", "previous field"), withHelp(k.Down, "↓/j", "next field"), withHelp(k.Tab, "tab", "next field"),
			withHelp(k.Left, "←/h", "milder level, fewer turns, or the previous party"), withHelp(k.Right, "→/l", "stronger level, more turns, or the next party"),
			withHelp(k.Toggle, "space", "add or remove the party, or switch public and secret"),
			withHelp(k.AddClause, "+", "add a clause from the list of kinds"), withHelp(k.DelClause, "-", "remove the clause"),
			withHelp(k.Enter, "enter", "on a clause: change its kind; on Send: send"), withHelp(k.Back, "esc", "cancel (asks before discarding)")})
}

func (c *composerModel) focus() {
	c.title.Blur()
	c.note.Blur()
	switch c.state.row {
	case rowTitle:
		c.title.Focus()
	case c.rowNote():
		c.note.Focus()
	}
}

func (c *composerModel) Update(msg tea.KeyPressMsg) action {
	k := &c.env.keys
	v := c.env.view()
	if v == nil || v.Phase != game.Negotiation {
		c.title.Blur()
		c.note.Blur()
		return back()
	}
	if c.picking {
		return c.pickKey(msg)
	}
	s := &c.state
	switch {
	case key.Matches(msg, k.Back):
		return c.cancel()
	case key.Matches(msg, k.Up):
		s.row = max(0, s.row-1)
		c.focus()
		return action{}
	case key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
		s.row = min(c.rowSend(), s.row+1)
		c.focus()
		return action{}
	case key.Matches(msg, k.Enter):
		switch {
		case s.row == c.rowSend():
			return c.send()
		case s.row == c.rowAdd():
			return c.openPicker(-1)
		case s.row >= rowClauses && s.row < c.rowAdd():
			return c.openPicker(s.row - rowClauses)
		}
		s.row = min(c.rowSend(), s.row+1)
		c.focus()
		return action{}
	}
	if c.typing() {
		var cmd tea.Cmd
		if c.title.Focused() {
			c.title, cmd = c.title.Update(msg)
		} else {
			c.note, cmd = c.note.Update(msg)
		}
		return action{then: cmd}
	}
	d := 0
	switch {
	case key.Matches(msg, k.Left):
		d = -1
	case key.Matches(msg, k.Right):
		d = 1
	}
	switch {
	case s.row == rowParties:
		rest := others(len(v.Seats), v.Viewer)
		s.partyCur = (s.partyCur + d + len(rest)) % len(rest)
		if key.Matches(msg, k.Toggle) {
			p := rest[s.partyCur]
			if s.parties.Has(p) {
				s.parties = s.parties.Without(p)
			} else {
				s.parties = s.parties.With(p)
			}
			c.prune()
		}
	case s.row >= rowClauses && s.row < c.rowAdd():
		i := s.row - rowClauses
		if key.Matches(msg, k.DelClause) {
			s.clauses = append(s.clauses[:i], s.clauses[i+1:]...)
			s.row = min(s.row, c.rowAdd())
			return action{}
		}
		lo, hi := levelRange(v.Scenario, s.clauses[i].t)
		s.clauses[i].level = max(lo, min(hi, s.clauses[i].level+d))
	case s.row == c.rowDuration():
		s.duration = max(1, min(v.Scenario.Turns, s.duration+d))
	case s.row == c.rowVis():
		if d != 0 || key.Matches(msg, k.Toggle) {
			s.secret = !s.secret
		}
	}
	if key.Matches(msg, k.AddClause) {
		return c.openPicker(-1)
	}
	return action{}
}

// cancel leaves the composer, asking first when the proposal holds
// anything: the next n starts a new one.
func (c *composerModel) cancel() action {
	if !c.dirty() {
		c.title.Blur()
		c.note.Blur()
		return back()
	}
	what := "this proposal"
	if c.state.counter != nil {
		what = "this counter-proposal"
	}
	return action{kind: actConfirm, ask: &question{
		title: "Discard " + what + "?", text: "What you have written is lost.",
		yes: back(), yesWord: "discard it", noWord: "keep writing",
	}}
}

// prune drops clauses no longer legal for the parties.
func (c *composerModel) prune() {
	ts := c.templates()
	keep := c.state.clauses[:0]
	for _, cl := range c.state.clauses {
		for _, t := range ts {
			if t == cl.t {
				keep = append(keep, cl)
				break
			}
		}
	}
	c.state.clauses = keep
}

// openPicker opens the list of clause kinds, to add a clause (i < 0) or
// to change clause i.
func (c *composerModel) openPicker(i int) action {
	if c.state.parties == 0 {
		return errorf("choose at least one other party first: space on the “with” line")
	}
	ts := c.templates()
	if len(ts) == 0 {
		return errorf("no clause is possible between these parties")
	}
	c.title.Blur()
	c.note.Blur()
	c.picking, c.pickFor, c.pick = true, i, 0
	if i >= 0 {
		for j, t := range ts {
			if t == c.state.clauses[i].t {
				c.pick = j
			}
		}
	} else {
		// Start on the first kind not used yet.
		for j, t := range ts {
			used := false
			for _, cl := range c.state.clauses {
				used = used || cl.t == t
			}
			if !used {
				c.pick = j
				break
			}
		}
	}
	return action{}
}

func (c *composerModel) pickKey(msg tea.KeyPressMsg) action {
	k := &c.env.keys
	ts := c.templates()
	switch {
	case key.Matches(msg, k.Back):
		c.picking = false
		c.focus()
	case key.Matches(msg, k.Up):
		c.pick = max(0, c.pick-1)
	case key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
		c.pick = min(len(ts)-1, c.pick+1)
	case key.Matches(msg, k.PageUp):
		c.pick = max(0, c.pick-5)
	case key.Matches(msg, k.PageDown):
		c.pick = min(len(ts)-1, c.pick+5)
	case key.Matches(msg, k.Enter):
		if c.pick >= len(ts) {
			return action{}
		}
		cl := c.newClause(ts[c.pick])
		if c.pickFor >= 0 && c.pickFor < len(c.state.clauses) {
			c.state.clauses[c.pickFor] = cl
			c.state.row = rowClauses + c.pickFor
		} else {
			c.state.clauses = append(c.state.clauses, cl)
			c.state.row = rowClauses + len(c.state.clauses) - 1
		}
		c.picking = false
		c.focus()
	}
	return action{}
}

// deal is the proposal as a deal, for the end condition and the
// forecast.
func (c *composerModel) deal() *game.Deal {
	v := c.env.view()
	d := &game.Deal{Proposer: v.Viewer, Parties: c.state.parties.With(v.Viewer), Duration: c.state.duration}
	for _, cl := range c.state.clauses {
		d.Clauses = append(d.Clauses, cl.t.clause(v.Scenario, cl.level))
	}
	return d
}

func (c *composerModel) send() action {
	v := c.env.view()
	c.save()
	s := &c.state
	p := &game.Proposal{Title: strings.TrimSpace(s.title), Duration: s.duration, Note: strings.TrimSpace(s.note)}
	if p.Title == "" {
		return errorf("give the deal a title (the first line)")
	}
	if s.parties == 0 {
		return errorf("choose at least one other party: space on the “with” line")
	}
	if s.secret {
		p.Visibility = game.Secret
	}
	for _, i := range s.parties.Seats() {
		p.Parties = append(p.Parties, v.Seats[i].ID)
	}
	for _, cl := range s.clauses {
		p.Clauses = append(p.Clauses, game.SpecOf(v.Scenario, cl.t.clause(v.Scenario, cl.level)))
	}
	cmd := game.Command{Kind: game.CmdPropose, Proposal: p}
	text := fmt.Sprintf("proposed “%s”", p.Title)
	if s.counter != nil {
		cmd = game.Command{Kind: game.CmdRespond, Deal: s.counter.ID, Answer: game.Counter, Proposal: p}
		text = fmt.Sprintf("countered with “%s”", p.Title)
	}
	a := command(cmd, text)
	a.back = true
	if v.Scenario.Settles(c.deal()) {
		return action{kind: actConfirm, ask: &question{
			title: "This deal would end the game",
			text: fmt.Sprintf("“%s” meets the end condition: %s. If every party accepts it, the game ends after this turn's report, %s early.",
				p.Title, v.Scenario.SettlementText(), plural(v.Scenario.Turns-v.Turn, "turn", "turns")),
			yes: a, yesWord: "send it anyway", noWord: "keep writing",
		}}
	}
	c.title.Blur()
	c.note.Blur()
	c.state = composerState{}
	return a
}

func (c *composerModel) View() string {
	e := c.env
	st := &e.st
	v := e.view()
	if v == nil {
		return ""
	}
	ps := v.Scenario
	s := &c.state
	w := c.w - 4
	mark := func(row int) string {
		if row == s.row && !c.picking {
			return st.Selected.Render("▸") + " "
		}
		return "  "
	}
	label := func(t string) string { return st.Subtle.Render(padRight(t, 11)) }
	var lines []string
	selLine := 0
	add := func(row int, text string) {
		if row == s.row {
			selLine = len(lines)
		}
		lines = append(lines, mark(row)+text)
	}
	add(rowTitle, label("title")+c.title.View())
	var parties []string
	for k, i := range others(len(v.Seats), v.Viewer) {
		box := "[ ]"
		if s.parties.Has(i) {
			box = "[x]"
		}
		item := box + " " + ps.Tag(i)
		if s.row == rowParties && k == s.partyCur {
			item = st.Selected.Render("▸" + item)
		} else {
			item = st.Seat(i).Render(item)
		}
		parties = append(parties, item)
	}
	for k, l := range packItems(parties, "  ", w-13) {
		if k == 0 {
			add(rowParties, label("with")+l)
		} else {
			lines = append(lines, "  "+padRight("", 11)+l)
		}
	}
	for i, cl := range s.clauses {
		r := rowClauses + i
		text := ps.ClauseText(cl.t.clause(ps, cl.level))
		if r == s.row {
			text = "◂ " + text + " ▸"
		}
		add(r, label(fmt.Sprintf("clause %d", i+1))+st.Seat(cl.t.actor).Render(fitWords(text, w-13)))
	}
	add(c.rowAdd(), st.Accent.Render("+ add a clause (enter: the list of kinds)"))
	dur := plural(s.duration, "turn", "turns")
	if s.row == c.rowDuration() {
		dur = "◂ " + dur + " ▸"
	}
	add(c.rowDuration(), label("duration")+dur)
	vis := "public: everyone sees it once in force, and any breach"
	if s.secret {
		vis = "secret: only the parties ever see it"
	}
	add(c.rowVis(), label("visibility")+fitWords(vis, w-13))
	add(c.rowNote(), label("note")+c.note.View())
	add(c.rowSend(), st.Bold.Render("Send the proposal"))
	lines = append(lines, "")
	lines = append(lines, c.preview(w)...)
	title := "New proposal"
	if s.counter != nil {
		title = fitWords(fmt.Sprintf("Counter to “%s”", s.counter.Title), w-4)
	}
	h := c.h - 1
	if c.picking {
		pick := c.pickerLines(w)
		listH := min(len(pick)+2+c.helpLines(), max(8, h-12))
		formH := h - listH
		return header(e, c.w) + "\n" + st.panel(title, strings.Join(markedWindow(st, lines, formH-2, selLine), "\n"), c.w, formH, false) + "\n" +
			st.panel("Which kind of clause?", c.pickerView(pick, listH-2), c.w, listH, true)
	}
	return header(e, c.w) + "\n" + st.panel(title, strings.Join(markedWindow(st, lines, h-2, selLine), "\n"), c.w, h, true)
}

// preview says what the deal does if kept: the viewer's numbers next
// turn without the deal and with it, whether it would end the game, and
// what the clauses cost.
func (c *composerModel) preview(w int) []string {
	e := c.env
	st := &e.st
	v := e.view()
	ps := v.Scenario
	var out []string
	d := c.deal()
	if len(d.Clauses) > 0 {
		out = append(out, st.Bold.Render("If kept, next turn")+st.Subtle.Render(" (without the deal → with it)"))
		out = append(out, dealForecast(e, d, w)...)
	}
	if ps.Settles(d) {
		out = append(out, strings.Split(st.Warn.Render(wrap("⚑ This deal would end the game: "+ps.SettlementText()+".", w)), "\n")...)
	}
	cost := "Breaking a clause costs trust with everyone who learns of it."
	if ps.UsesCapital && ps.Rules.ConcessionCapital > 0 {
		mine := d.ClausesOf(v.Viewer)
		cost = fmt.Sprintf("Each clause costs its actor %s political capital when the deal comes into force (yours: %s, you have %s). %s",
			num(ps.Rules.ConcessionCapital), plural(mine, "clause", "clauses"), fmtInd(v, game.Capital, v.Seats[v.Viewer].Ind[game.Capital]), cost)
	}
	return append(out, strings.Split(st.Faint.Render(wrap(cost, w)), "\n")...)
}

// dealForecast compares the next turn with the deal's clauses kept and
// without them, for the viewer and then the other parties, by the
// engine's own forecast.
func dealForecast(e *env, d *game.Deal, w int) []string {
	st := &e.st
	v := e.view()
	ps := v.Scenario
	base := game.Expected(v)
	with := append([]game.Policy(nil), base...)
	for k := range d.Clauses {
		cl := &d.Clauses[k]
		cl.Keep(&with[cl.Actor])
	}
	without, err1 := game.Project(v, base, 1)
	kept, err2 := game.Project(v, with, 1)
	if err1 != nil || err2 != nil {
		return []string{st.Subtle.Render("no forecast for this game")}
	}
	seats := append([]int{v.Viewer}, d.Parties.Without(v.Viewer).Seats()...)
	var out []string
	for _, i := range seats {
		var parts []string
		for _, ind := range forecastIndicators(ps) {
			s := ps.Indicator(ind)
			a, b := without[0].Ind[i][ind], kept[0].Ind[i][ind]
			if arrowFor(s, b-a) == " " {
				continue
			}
			parts = append(parts, st.Change(b-a, s.Better >= 0).Render(fmt.Sprintf("%s %s → %s", s.Name, s.Format(a), s.Format(b))))
		}
		who := "your"
		if i != v.Viewer {
			who = ps.Tag(i) + "'s"
		}
		if len(parts) == 0 {
			if i == v.Viewer {
				out = append(out, st.Subtle.Render("  your numbers: no change next turn"))
			}
			continue
		}
		out = append(out, strings.Split(wrapIndent("  "+who+" "+strings.Join(parts, ", "), w, 4), "\n")...)
	}
	return out
}

// pickerLines are the clause kinds, one a line with what it means.
func (c *composerModel) pickerLines(w int) []string {
	e := c.env
	st := &e.st
	v := e.view()
	ps := v.Scenario
	var out []string
	for j, t := range c.templates() {
		line := capitalize(promiseText(ps, t, v.Viewer))
		if j == c.pick {
			line = st.Selected.Render("▸ " + line)
		} else {
			line = "  " + st.Seat(t.actor).Render(line)
		}
		out = append(out, fitWords(line, w))
	}
	return out
}

// promiseText says in a line what a kind of clause promises: "you keep
// your tariff on PRC no harsher than a level".
func promiseText(ps *game.PublicScenario, t template, me int) string {
	lv := &ps.Levers[t.lever]
	who, whose := ps.Tag(t.actor)+" keeps", "its"
	if t.actor == me {
		who, whose = "you keep", "your"
	}
	what := whose + " " + strings.ToLower(lv.Name)
	if lv.Scope == game.ScopeEach {
		what += " " + lv.Towards + " " + ps.Tag(t.target)
	}
	var limit string
	switch {
	case lv.Hostile && t.bound == game.AtMost:
		limit = "no harsher than"
	case lv.Hostile:
		limit = "no milder than"
	case t.bound == game.AtMost:
		limit = "no more than"
	default:
		limit = "no less than"
	}
	return who + " " + what + " " + limit + " a level"
}

// helpLines is how many lines the selected kind's lever help takes under
// the list, with the blank line before it.
func (c *composerModel) helpLines() int {
	v := c.env.view()
	ts := c.templates()
	if c.pick >= len(ts) {
		return 0
	}
	t := v.Scenario.Levers[ts[c.pick].lever].Help
	if t == "" {
		return 0
	}
	return strings.Count(wrap(t, c.w-6), "\n") + 2
}

// pickerView shows the kinds in h lines with the selected lever's help
// under them when it fits.
func (c *composerModel) pickerView(lines []string, h int) string {
	v := c.env.view()
	ts := c.templates()
	var help []string
	if c.pick < len(ts) {
		if t := v.Scenario.Levers[ts[c.pick].lever].Help; t != "" {
			help = strings.Split(c.env.st.Subtle.Render(wrap(t, c.w-6)), "\n")
		}
	}
	room := h
	if len(help) > 0 && h-len(help)-1 >= 3 {
		room = h - len(help) - 1
	} else {
		help = nil
	}
	out := markedWindow(&c.env.st, lines, room, c.pick)
	for len(out) < room {
		out = append(out, "")
	}
	if len(help) > 0 {
		out = append(append(out, ""), help...)
	}
	return strings.Join(out, "\n")
}
