package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/debrief"
)

func init() { registerScreen(scrProjector, func(e *env) screen { return newProjector(e) }) }

const scrProjector screenID = "projector"

// projectorModel is the room's big screen: the public picture only, drawn
// from the spectator's update whatever the terminal's role, so that it
// cannot show a secret even as the facilitator's preview. It needs no
// keys: it follows the game, and at the end shows the debrief's charts
// (↑↓ scroll them).
type projectorModel struct {
	env  *env
	w, h int
	vp   viewport.Model
	// drawn is the length of the news the debrief was drawn for, -1 to
	// draw it afresh (a new size, a new background).
	drawn int
}

func newProjector(e *env) *projectorModel {
	return &projectorModel{env: e, vp: viewport.New(), drawn: -1}
}

func (p *projectorModel) SetSize(w, h int) {
	p.w, p.h = w, h
	p.drawn = -1
}

func (p *projectorModel) restyle() { p.drawn = -1 }

// public is an env that holds the spectator's update: every helper that
// draws from an env then sees only what is public.
func (p *projectorModel) public() *env {
	e := p.env
	if e.sess == nil {
		return nil
	}
	u := e.sess.latest[game.Spectator]
	if u == nil {
		return nil
	}
	pe := *e
	pe.u = u
	pe.draft = nil
	return &pe
}

func (p *projectorModel) Keys() keyMap {
	k := &p.env.keys
	var short []key.Binding
	if p.env.seat == game.Facilitator {
		short = append(short, withHelp(k.Back, "esc", "back to the console"))
	}
	if pe := p.public(); pe != nil && pe.u.View.Phase == game.GameOver {
		short = append(short, withHelp(k.Up, "↑↓", "scroll the debrief"))
		return newKeyMap(short, []key.Binding{withHelp(k.Up, "↑/k", "scroll the debrief up"), withHelp(k.Down, "↓/j", "scroll it down"), k.PageUp, k.PageDown})
	}
	return newKeyMap(short)
}

func (p *projectorModel) Update(msg tea.KeyPressMsg) action {
	if key.Matches(msg, p.env.keys.Back) && p.env.seat == game.Facilitator {
		return show(scrConsole)
	}
	p.vp, _ = p.vp.Update(msg)
	return action{}
}

func (p *projectorModel) View() string {
	pe := p.public()
	if pe == nil {
		return p.env.spin + " Waiting for the table"
	}
	st := &pe.st
	v := pe.view()
	w, h := p.w, p.h
	head := header(pe, w)
	headline := fit(" "+st.Title.Render(fitWords(projectorHeadline(pe), w-2)), w)
	h -= 2
	if v.Phase == game.GameOver {
		return head + "\n" + headline + "\n" + p.debrief(pe, w, h)
	}
	items := newsItems(pe)
	if w >= 160 {
		lw := max(w*55/100, min(w-60, worldColumns(pe.u, w).totalWidth+4))
		world := st.panel("World", worldBody(pe, lw-4, -1), lw, worldHeight(v), false)
		rest := h - worldHeight(v)
		left := stack(world, st.panel("Public deals", dealsBody(pe, lw-4, rest-2), lw, rest, false))
		clockH := min(9, h/3)
		right := stack(st.panel("Clock", clockBody(pe, w-lw-4, clockH-2), w-lw, clockH, false),
			st.panel("News", newsBody(pe, items, w-lw-4, h-clockH-2, -1), w-lw, h-clockH, false))
		return head + "\n" + headline + "\n" + sideBySide(left, right)
	}
	world := st.panel("World", worldBody(pe, w-4, -1), w, worldHeight(v), false)
	rest := h - worldHeight(v) - 1
	ticker := ""
	if len(items) > 0 {
		it := items[len(items)-1]
		ticker = st.Subtle.Render(fitWords("Latest: "+monthOf(v.Scenario, it.turn)+" "+it.line, w-2))
	}
	ticker = fit(" "+ticker, w)
	if rest < 4 {
		return head + "\n" + headline + "\n" + world + "\n" + ticker
	}
	var lower string
	if w >= 110 {
		dw := w * 45 / 100
		clockH := min(7, rest/2)
		lower = sideBySide(st.panel("Public deals", dealsBody(pe, dw-4, rest-2), dw, rest, false),
			stack(st.panel("Clock", clockBody(pe, w-dw-4, clockH-2), w-dw, clockH, false),
				st.panel("News", newsBody(pe, items, w-dw-4, rest-clockH-2, -1), w-dw, rest-clockH, false)))
	} else {
		lower = st.panel("Public deals", dealsBody(pe, w-4, rest-2), w, rest, false)
	}
	return head + "\n" + headline + "\n" + world + "\n" + lower + "\n" + ticker
}

// debrief is the end of the game on the big screen: the final scores and
// every chart, scrolled with ↑↓.
func (p *projectorModel) debrief(pe *env, w, h int) string {
	if n := len(pe.u.Journal.News); n != p.drawn {
		p.drawn = n
		r := debrief.Analyze(debriefInput(pe.u))
		p.vp.SetWidth(max(1, w-4))
		p.vp.SetHeight(max(1, h-2))
		p.vp.SetContent(scoresText(pe, &r, w-4) + "\n" + chartsText(pe, &r, w-4))
	}
	return pe.st.panel("Debrief", p.vp.View(), w, h, true)
}

// scoresText is the final scores as bars.
func scoresText(e *env, r *debrief.Report, w int) string {
	st := &e.st
	ps := e.view().Scenario
	var b strings.Builder
	b.WriteString(st.Title.Render("Final scores") + "\n")
	tagW, top := 0, 0.0
	for _, s := range r.Scores {
		tagW = max(tagW, lenCells(ps.Tag(s.Seat)))
		top = max(top, s.Points)
	}
	barW := max(10, min(60, w-tagW-20))
	for rank, s := range r.Scores {
		name := fmt.Sprintf("%d. %s", rank+1, padRight(ps.Tag(s.Seat), tagW))
		b.WriteString(st.Seat(s.Seat).Render(name+" "+bar(s.Points, top, barW)) + fmt.Sprintf(" %5s", num(s.Points)) + "\n")
	}
	return b.String()
}

// projectorHeadline is the turn's headline: the newest event card of the
// turn (scheduled, drawn or injected), else where the game stands.
func projectorHeadline(e *env) string {
	v := e.view()
	if v.Paused {
		return "⏸ The game is paused."
	}
	news := e.u.Journal.News
	for i := len(news) - 1; i >= 0 && news[i].Turn == v.Turn; i-- {
		switch ev := &news[i]; ev.Kind {
		case game.EvScheduled, game.EvDrawn, game.EvInjected:
			return "▶ " + eventText(v, e.u.Journal.Deals, ev)
		case game.EvGameOver:
			return "▶ " + eventText(v, e.u.Journal.Deals, ev)
		}
	}
	switch {
	case v.Phase == game.Setup:
		return "▶ The room is gathering: the game starts soon."
	case v.Phase == game.Negotiation:
		return fmt.Sprintf("▶ Turn %d: the seats negotiate.", v.Turn)
	case v.Phase == game.Orders:
		return fmt.Sprintf("▶ Turn %d: the seats set their orders.", v.Turn)
	case v.Phase == game.Report:
		return fmt.Sprintf("▶ Turn %d is resolved.", v.Turn)
	}
	return "▶ " + v.Scenario.Title
}

// dealsBody lists the deals everyone knows of: public deals once in
// force, newest first.
func dealsBody(e *env, w, h int) string {
	st := &e.st
	v := e.view()
	deals := e.u.Journal.Deals
	if len(deals) == 0 {
		return st.Subtle.Render(wrap("No public deal yet: a deal shows here once it is in force, if its parties made it public.", w))
	}
	var lines []string
	for k := len(deals) - 1; k >= 0 && len(lines) < h; k-- {
		d := &deals[k]
		if d.Visibility != game.Public && v.Viewer != game.Facilitator {
			continue
		}
		status := d.Status.String()
		if d.Status == game.InForce && d.End > 0 {
			status = fmt.Sprintf("in force to turn %d", d.End)
		}
		lines = append(lines, fitWords(fmt.Sprintf("%s · %s · %s", d.Title, partiesText(v, d), status), w))
	}
	return strings.Join(lines, "\n")
}

// clockBody is the negotiation clock in large digits when it runs, else
// what the table waits for.
func clockBody(e *env, w, h int) string {
	st := &e.st
	v := e.view()
	left, ok := clockLeft(e)
	switch {
	case v.Paused:
		if e.u.ClockLeft > 0 {
			return bigText(st, clockDigits(e.u.ClockLeft), w, h, st.Warn) + "\n" + lipgloss.PlaceHorizontal(w, lipgloss.Center, st.Warn.Render("paused"))
		}
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, st.Warn.Render("paused"))
	case !ok:
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, st.Subtle.Render(phaseName(v)))
	}
	style := st.Text
	switch {
	case left <= 10*time.Second:
		style = st.Error
	case left <= time.Minute:
		style = st.Warn
	}
	return bigText(st, clockDigits(left), w, h, style)
}

func clockDigits(d time.Duration) string {
	d = d.Round(time.Second)
	return fmt.Sprintf("%02d:%02d", int(d.Minutes()), int(d.Seconds())%60)
}

// bigDigits are three-line digits for the clock on a big screen.
var bigDigits = map[rune][3]string{
	'0': {"█▀█", "█ █", "▀▀▀"}, '1': {" ▀█", "  █", "  ▀"}, '2': {"▀▀█", "█▀▀", "▀▀▀"},
	'3': {"▀▀█", " ▀█", "▀▀▀"}, '4': {"█ █", "▀▀█", "  ▀"}, '5': {"█▀▀", "▀▀█", "▀▀▀"},
	'6': {"█▀▀", "█▀█", "▀▀▀"}, '7': {"▀▀█", "  █", "  ▀"}, '8': {"█▀█", "█▀█", "▀▀▀"},
	'9': {"█▀█", "▀▀█", "▀▀▀"}, ':': {" ", "▪", "▪"},
}

// bigText draws s in large digits centred in w by h cells, or plainly
// when they do not fit.
func bigText(st *Styles, s string, w, h int, style lipgloss.Style) string {
	var rows [3]string
	for _, r := range s {
		g := bigDigits[r]
		for k := range rows {
			rows[k] += g[k] + " "
		}
	}
	if lenCells(rows[0]) > w || h < 3 {
		return lipgloss.PlaceHorizontal(w, lipgloss.Center, style.Bold(true).Render(s))
	}
	out := make([]string, 3)
	for k := range rows {
		out[k] = style.Render(strings.TrimRight(rows[k], " "))
	}
	return lipgloss.Place(w, min(h, 3), lipgloss.Center, lipgloss.Center, strings.Join(out, "\n"))
}
