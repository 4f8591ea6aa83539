package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

// template is one clause a party may commit to: a lever and its bound,
// an actor and a target (the actor itself for levers of scope all or
// self).
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

// composerModel writes a proposal or a counter-proposal: parties, clauses
// from a menu of those legal for the parties, levels, duration,
// visibility and a note.
type composerModel struct {
	env      *env
	w, h     int
	row      int
	title    textinput.Model
	note     textinput.Model
	parties  game.SeatSet // the other parties
	partyCur int
	clauses  []draftClause
	duration int
	secret   bool
	counter  *game.Deal // the proposal answered, for a counter
}

func newComposer(e *env) composerModel {
	mk := func(ph string, limit int) textinput.Model {
		ti := textinput.New()
		ti.Placeholder = ph
		ti.CharLimit = limit
		ti.Prompt = ""
		return ti
	}
	return composerModel{env: e, title: mk("a short title", 80), note: mk("one line of reasoning for the others", 200)}
}

func (c *composerModel) SetSize(w, h int) {
	c.w, c.h = w, h
	c.title.SetWidth(max(10, w-24))
	c.note.SetWidth(max(10, w-24))
}

// Rows of the composer: title, parties, two per clause (what and level),
// add, duration, visibility, note, send.
const (
	rowTitle = iota
	rowParties
	rowClauses
)

func (c *composerModel) rowAdd() int      { return rowClauses + 2*len(c.clauses) }
func (c *composerModel) rowDuration() int { return c.rowAdd() + 1 }
func (c *composerModel) rowVis() int      { return c.rowAdd() + 2 }
func (c *composerModel) rowNote() int     { return c.rowAdd() + 3 }
func (c *composerModel) rowSend() int     { return c.rowAdd() + 4 }

func (c *composerModel) typing() bool { return c.title.Focused() || c.note.Focused() }

// open starts a new proposal, or a counter to d.
func (c *composerModel) open(d *game.Deal) {
	v := c.env.view()
	c.row, c.partyCur, c.clauses, c.secret, c.counter = rowTitle, 0, nil, false, d
	c.title.SetValue("")
	c.note.SetValue("")
	c.parties = 0
	c.duration = min(2, v.Scenario.Turns)
	if d != nil {
		c.counter = d
		c.parties = d.Parties.Without(v.Viewer)
		c.duration, c.secret = d.Duration, d.Visibility == game.Secret
		t := "Re: " + d.Title
		if len([]rune(t)) > 80 {
			t = string([]rune(t)[:80])
		}
		c.title.SetValue(t)
		for _, cl := range d.Clauses {
			c.clauses = append(c.clauses, draftClause{t: template{lever: cl.Lever, bound: cl.Bound, actor: cl.Actor, target: cl.Target}, level: cl.Level})
		}
	}
	c.focus()
}

func (c *composerModel) refresh() {}

// templates lists every clause legal for the parties (the viewer
// included): each lever a deal may bind, each way it may bind it, each
// party that may set it, towards each other party it may target.
func (c *composerModel) templates() []template {
	v := c.env.view()
	if v == nil {
		return nil
	}
	ps := v.Scenario
	all := c.parties.With(v.Viewer)
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

// newClause is a template at the actor's level in force: committing to
// the status quo is the natural start.
func (c *composerModel) newClause(t template) draftClause {
	v := c.env.view()
	return draftClause{t: t, level: int(v.Seats[t.actor].Policy[t.lever][v.Scenario.Slot(t.lever, t.target)])}
}

func (c *composerModel) Keys() helpKeys {
	k := &c.env.keys
	return helpKeys{
		short: []key.Binding{withHelp(k.Up, "↑↓", "field"), withHelp(k.Left, "←→", "change"), k.Toggle, k.AddClause, k.DelClause, withHelp(k.Enter, "enter", "add / send"), withHelp(k.Back, "esc", "cancel")},
		full:  [][]key.Binding{{k.Up, k.Down, k.Left, k.Right, k.Toggle, k.AddClause, k.DelClause, k.Enter, k.Back}},
	}
}

func (c *composerModel) focus() {
	c.title.Blur()
	c.note.Blur()
	switch c.row {
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
		return action{kind: actBack}
	}
	switch {
	case key.Matches(msg, k.Back):
		c.title.Blur()
		c.note.Blur()
		return action{kind: actBack}
	case key.Matches(msg, k.Up):
		c.row = max(0, c.row-1)
		c.focus()
		return action{}
	case key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
		c.row = min(c.rowSend(), c.row+1)
		c.focus()
		return action{}
	case key.Matches(msg, k.Enter):
		switch c.row {
		case c.rowSend():
			return c.send()
		case c.rowAdd():
			return c.add()
		}
		c.row = min(c.rowSend(), c.row+1)
		c.focus()
		return action{}
	}
	if c.typing() {
		if c.title.Focused() {
			c.title, _ = c.title.Update(msg)
		} else {
			c.note, _ = c.note.Update(msg)
		}
		return action{}
	}
	d := 0
	switch {
	case key.Matches(msg, k.Left):
		d = -1
	case key.Matches(msg, k.Right):
		d = 1
	}
	switch {
	case c.row == rowParties:
		rest := others(len(v.Seats), v.Viewer)
		c.partyCur = (c.partyCur + d + len(rest)) % len(rest)
		if key.Matches(msg, k.Toggle) {
			s := rest[c.partyCur]
			if c.parties.Has(s) {
				c.parties = c.parties.Without(s)
			} else {
				c.parties = c.parties.With(s)
			}
			c.prune()
		}
	case c.row >= rowClauses && c.row < c.rowAdd():
		i := (c.row - rowClauses) / 2
		if key.Matches(msg, k.DelClause) {
			c.clauses = append(c.clauses[:i], c.clauses[i+1:]...)
			c.row = min(c.row, c.rowAdd())
			return action{}
		}
		if d == 0 {
			return action{}
		}
		if (c.row-rowClauses)%2 == 0 {
			ts := c.templates()
			cur := 0
			for j, t := range ts {
				if t == c.clauses[i].t {
					cur = j
				}
			}
			if len(ts) > 0 {
				c.clauses[i] = c.newClause(ts[(cur+d+len(ts))%len(ts)])
			}
		} else {
			n := len(v.Scenario.Levers[c.clauses[i].t.lever].Levels)
			c.clauses[i].level = max(0, min(n-1, c.clauses[i].level+d))
		}
	case c.row == c.rowAdd() && key.Matches(msg, k.AddClause):
		return c.add()
	case c.row == c.rowDuration():
		c.duration = max(1, min(v.Scenario.Turns, c.duration+d))
	case c.row == c.rowVis():
		if d != 0 || key.Matches(msg, k.Toggle) {
			c.secret = !c.secret
		}
	}
	if key.Matches(msg, k.AddClause) && c.row != c.rowAdd() {
		return c.add()
	}
	return action{}
}

// prune drops clauses no longer legal for the parties.
func (c *composerModel) prune() {
	ts := c.templates()
	keep := c.clauses[:0]
	for _, cl := range c.clauses {
		for _, t := range ts {
			if t == cl.t {
				keep = append(keep, cl)
				break
			}
		}
	}
	c.clauses = keep
}

func (c *composerModel) add() action {
	if c.parties == 0 {
		return action{kind: actError, text: "choose at least one other party first (space on the parties line)"}
	}
	ts := c.templates()
	if len(ts) == 0 {
		return action{kind: actError, text: "no clause is possible between these parties"}
	}
	// Prefer the first template not used yet.
	pick := ts[0]
	for _, t := range ts {
		used := false
		for _, cl := range c.clauses {
			used = used || cl.t == t
		}
		if !used {
			pick = t
			break
		}
	}
	c.clauses = append(c.clauses, c.newClause(pick))
	c.row = rowClauses + 2*(len(c.clauses)-1)
	c.focus()
	return action{}
}

func (c *composerModel) send() action {
	v := c.env.view()
	p := &game.Proposal{Title: strings.TrimSpace(c.title.Value()), Duration: c.duration, Note: strings.TrimSpace(c.note.Value())}
	if p.Title == "" {
		return action{kind: actError, text: "give the deal a title"}
	}
	if c.secret {
		p.Visibility = game.Secret
	}
	for _, s := range c.parties.Seats() {
		p.Parties = append(p.Parties, v.Seats[s].ID)
	}
	for _, cl := range c.clauses {
		p.Clauses = append(p.Clauses, game.SpecOf(v.Scenario, cl.t.clause(v.Scenario, cl.level)))
	}
	c.title.Blur()
	c.note.Blur()
	cmd := game.Command{Kind: game.CmdPropose, Proposal: p}
	text := fmt.Sprintf("proposed “%s”", p.Title)
	if c.counter != nil {
		cmd = game.Command{Kind: game.CmdRespond, Deal: c.counter.ID, Answer: game.Counter, Proposal: p}
		text = fmt.Sprintf("countered with “%s”", p.Title)
	}
	return action{kind: actCommand, cmd: &cmd, text: text, back: true}
}

func (c *composerModel) View() string {
	e := c.env
	st := &e.st
	v := e.view()
	if v == nil {
		return ""
	}
	mark := func(row int) string {
		if row == c.row {
			return st.Selected.Render("▸") + " "
		}
		return "  "
	}
	label := func(s string) string { return st.Subtle.Render(fmt.Sprintf("%-11s", s)) }
	var lines []string
	selLine := 0
	add := func(row int, s string) {
		if row == c.row {
			selLine = len(lines)
		}
		lines = append(lines, mark(row)+s)
	}
	add(rowTitle, label("title")+c.title.View())
	var ps []string
	for k, s := range others(len(v.Seats), v.Viewer) {
		box := "[ ]"
		if c.parties.Has(s) {
			box = "[x]"
		}
		item := box + " " + seatTag(v, s)
		if c.row == rowParties && k == c.partyCur {
			item = st.Selected.Render(item)
		} else {
			item = st.Seat(s).Render(item)
		}
		ps = append(ps, item)
	}
	add(rowParties, label("with")+strings.Join(ps, "  "))
	for i, cl := range c.clauses {
		text := v.Scenario.ClauseText(cl.t.clause(v.Scenario, cl.level))
		lever := v.Scenario.Levers[cl.t.lever]
		bound := lever.AtMost
		if cl.t.bound == game.AtLeast {
			bound = lever.AtLeast
		}
		what := fmt.Sprintf("%s %s %s", seatTag(v, cl.t.actor), strings.ToLower(lever.Name), bound)
		if lever.Scope == game.ScopeEach {
			what = fmt.Sprintf("%s %s %s %s, %s", seatTag(v, cl.t.actor), strings.ToLower(lever.Name), lever.Towards, seatTag(v, cl.t.target), bound)
		}
		r := rowClauses + 2*i
		if r == c.row {
			what = "◂ " + what + " ▸"
		}
		add(r, label(fmt.Sprintf("clause %d", i+1))+st.Seat(cl.t.actor).Render(what))
		lvl := v.Scenario.LevelText(cl.t.lever, cl.level)
		if r+1 == c.row {
			lvl = "◂ " + lvl + " ▸"
		}
		add(r+1, label("  level")+lvl+st.Subtle.Render("   "+text))
	}
	add(c.rowAdd(), st.Accent.Render("+ add a clause"))
	dur := plural(c.duration, "turn", "turns")
	vis := "public: everyone sees it once in force, and any breach"
	if c.secret {
		vis = "secret: only the parties ever see it"
	}
	if c.row == c.rowDuration() {
		dur = "◂ " + dur + " ▸"
	}
	add(c.rowDuration(), label("duration")+dur)
	add(c.rowVis(), label("visibility")+vis)
	add(c.rowNote(), label("note")+c.note.View())
	add(c.rowSend(), st.Bold.Render("Send the proposal"))
	lines = append(lines, "", st.Faint.Render(wrap("Each clause you commit to costs political capital when the deal comes into force; breaking one costs trust with everyone who learns of it.", c.w-6)))
	title := "New proposal"
	if c.counter != nil {
		title = fmt.Sprintf("Counter to “%s”", c.counter.Title)
	}
	h := c.h - 1
	from, to := scrollWindow(len(lines), h-2, selLine)
	return header(e, c.w) + "\n" + st.panel(title, strings.Join(lines[from:to], "\n"), c.w, h, true)
}
