package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

// inboxModel is the negotiation panel's list of deals: proposals to
// answer, one's own, deals in force and those closed this turn. The
// selected deal shows its clauses, its terms and the reasons given.
type inboxModel struct {
	env *env
	sel int
	ids []int // the deals in display order
}

// inbox lists the deals the seat sees in order: those awaiting its
// answer, other open proposals, deals in force, then those closed this
// turn.
func inbox(v *game.View) []*game.Deal {
	var out []*game.Deal
	rank := func(d *game.Deal) int {
		switch {
		case v.Viewer >= 0 && d.Awaits(v.Viewer):
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

// refresh keeps the selection on the same deal in a new view.
func (in *inboxModel) refresh() {
	v := in.env.view()
	if v == nil {
		return
	}
	cur := -1
	if in.sel < len(in.ids) {
		cur = in.ids[in.sel]
	}
	in.ids = in.ids[:0]
	for _, d := range inbox(v) {
		in.ids = append(in.ids, d.ID)
	}
	if k := slices.Index(in.ids, cur); k >= 0 {
		in.sel = k
	}
	in.sel = max(0, min(in.sel, len(in.ids)-1))
}

func (in *inboxModel) selected() *game.Deal {
	v := in.env.view()
	if v == nil || in.sel >= len(in.ids) {
		return nil
	}
	for i := range v.Deals {
		if v.Deals[i].ID == in.ids[in.sel] {
			return &v.Deals[i]
		}
	}
	return nil
}

func (in *inboxModel) move(d int) { in.sel = max(0, min(len(in.ids)-1, in.sel+d)) }

// update answers or withdraws the selected deal.
func (in *inboxModel) update(msg tea.KeyPressMsg) action {
	k := &in.env.keys
	v := in.env.view()
	d := in.selected()
	anyKey := key.Matches(msg, k.Accept) || key.Matches(msg, k.Reject) || key.Matches(msg, k.Counter) || key.Matches(msg, k.Withdraw)
	if !anyKey {
		return action{}
	}
	if d == nil {
		return errorf("there is no deal to answer: press n to propose one")
	}
	me := v.Viewer
	awaiting := d.Awaits(me)
	switch {
	case key.Matches(msg, k.Accept):
		if !awaiting {
			return errorf("that deal does not await your answer")
		}
		a := command(game.Command{Kind: game.CmdRespond, Deal: d.ID, Answer: game.Accept}, fmt.Sprintf("accepted “%s”", d.Title))
		if v.Scenario.Settles(d) {
			return action{kind: actConfirm, ask: &question{
				title: "This deal ends the game",
				text: fmt.Sprintf("“%s” meets the end condition: %s. Once every party has accepted it, the game ends after this turn's report, %s early.",
					d.Title, v.Scenario.SettlementText(), plural(v.Scenario.Turns-v.Turn, "turn", "turns")),
				yes: a, yesWord: "accept, and end the game", noWord: "not now",
			}}
		}
		return a
	case key.Matches(msg, k.Reject):
		if !awaiting {
			return errorf("that deal does not await your answer")
		}
		return command(game.Command{Kind: game.CmdRespond, Deal: d.ID, Answer: game.Reject}, fmt.Sprintf("rejected “%s”", d.Title))
	case key.Matches(msg, k.Counter):
		if !awaiting {
			return errorf("only a proposal awaiting your answer can be countered")
		}
		return action{kind: actShow, to: scrCompose, deal: d}
	default:
		if d.Proposer != me || d.Status != game.Proposed {
			return errorf("only your own open proposals can be withdrawn")
		}
		return command(game.Command{Kind: game.CmdWithdraw, Deal: d.ID}, "withdrawn")
	}
}

// lines draws the deals in w cells: the selected one (when focused)
// with its clauses and the reasons given.
func (in *inboxModel) lines(w int, focused bool) (out []string, selLine, selEnd int) {
	e := in.env
	st := &e.st
	v := e.view()
	ps := v.Scenario
	me := v.Viewer
	deals := inbox(v)
	awaiting := 0
	for _, d := range deals {
		if d.Awaits(me) {
			awaiting++
		}
	}
	head := "Inbox · nothing awaits your answer"
	if awaiting > 0 {
		head = fmt.Sprintf("Inbox · %d awaiting your answer", awaiting)
	}
	out = append(out, st.Bold.Render(head))
	if len(deals) == 0 {
		out = append(out, st.Subtle.Render(wrap("No proposals yet. Press n to propose a deal, m to write to the others.", w)))
	}
	for k, d := range deals {
		status := dealStatus(v, d)
		if ps.Settles(d) && d.Status.Open() {
			status = "⚑ " + status
		}
		mark := "  "
		if k == in.sel && focused {
			mark = st.Selected.Render("▸") + " "
		}
		if k == in.sel {
			selLine = len(flat(out))
		}
		statusW := lipgloss.Width(status)
		full := fmt.Sprintf("%s  “%s”", partiesText(v, d), d.Title)
		if lipgloss.Width(full)+statusW+3 > w {
			// The title whole (wrapped if it must be), and the status under
			// it, rather than a cut.
			for k, l := range strings.Split(wrapIndent(full, w-2, 4), "\n") {
				if k == 0 {
					l = mark + l
				} else {
					l = "  " + l
				}
				out = append(out, st.Seat(d.Proposer).Render(l))
			}
			out = append(out, "    "+statusStyle(st, d, me).Render(fitWords(status, w-4)))
		} else {
			title := fitWords(full, max(8, w-statusW-3))
			gap := max(1, w-2-lipgloss.Width(title)-statusW)
			out = append(out, mark+st.Seat(d.Proposer).Render(title)+strings.Repeat(" ", gap)+statusStyle(st, d, me).Render(status))
		}
		if k != in.sel {
			continue
		}
		for _, c := range d.Clauses {
			out = append(out, "    "+st.Seat(c.Actor).Render("•")+" "+wrapIndent(ps.ClauseText(c), w-6, 6))
		}
		terms := fmt.Sprintf("    %s, %s", plural(d.Duration, "turn", "turns"), d.Visibility)
		if d.Status == game.InForce {
			terms += fmt.Sprintf(", binding orders of turns %d to %d", d.Start, d.End)
		}
		out = append(out, st.Subtle.Render(terms))
		if ps.Settles(d) && d.Status.Open() {
			out = append(out, st.Warn.Render(wrapIndent("    ⚑ once in force this deal ends the game after the turn's report", w, 6)))
		}
		if d.Note != "" {
			for _, l := range strings.Split(wrap("“"+d.Note+"”", w-6), "\n") {
				out = append(out, "    "+st.Accent.Render(l))
			}
		}
		for _, n := range e.u.Journal.Notes {
			if n.Deal != d.ID {
				continue
			}
			text := fmt.Sprintf("%s, %s: “%s”", ps.Tag(n.Seat), n.Answer, n.Text)
			for _, l := range strings.Split(wrap(text, w-6), "\n") {
				out = append(out, "    "+st.Seat(n.Seat).Render(l))
			}
		}
		selEnd = len(flat(out)) - 1
	}
	out = flat(out)
	return out, selLine, selEnd
}

// statusStyle colours a deal's status: what awaits the viewer stands
// out, a broken deal is bad news.
func statusStyle(st *Styles, d *game.Deal, me int) lipgloss.Style {
	switch {
	case d.Awaits(me):
		return st.Warn.Bold(true)
	case d.Status == game.Broken:
		return st.Bad
	case d.Status == game.InForce:
		return st.Good
	}
	return st.Subtle
}

// dealStatus says where a deal stands for the viewer.
func dealStatus(v *game.View, d *game.Deal) string {
	ps := v.Scenario
	me := v.Viewer
	who := func(a game.Answer) string {
		var names []string
		for _, p := range d.Parties.Seats() {
			if d.Answers[p] == a {
				names = append(names, ps.Tag(p))
			}
		}
		return strings.Join(names, ", ")
	}
	switch d.Status {
	case game.Proposed:
		if d.Awaits(me) {
			return "awaiting you"
		}
		return "waiting for " + who(game.NoAnswer)
	case game.InForce:
		return fmt.Sprintf("● in force through turn %d", d.End)
	case game.Broken:
		var names []string
		for _, p := range d.Breachers.Seats() {
			names = append(names, ps.Tag(p))
		}
		if len(names) == 0 {
			return "✕ broken"
		}
		return "✕ broken by " + strings.Join(names, ", ")
	case game.Rejected:
		return "rejected by " + who(game.Reject)
	case game.Countered:
		return "countered by " + who(game.Counter)
	case game.Expired:
		return "◌ expired"
	}
	return d.Status.String()
}
