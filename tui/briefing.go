package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

func init() { registerScreen(scrBriefing, func(e *env) screen { return newBriefing(e) }) }

// briefingModel shows the seat at the keyboard what it needs before the
// first turn, short enough to read in a minute: its role, its objectives,
// how the game ends and what to do first. The scenario's full briefing is
// one key away (d).
type briefingModel struct {
	env      *env
	w, h     int
	vp       viewport.Model
	details  bool
	rendered string // cache key: what was rendered, at which width
}

func newBriefing(e *env) *briefingModel {
	return &briefingModel{env: e, vp: viewport.New()}
}

// SetSize only records the size: Glamour renders when the briefing is
// next drawn, not on every resize of another screen.
func (b *briefingModel) SetSize(w, h int) {
	b.w, b.h = w, h
	b.vp.SetWidth(max(1, w-4))
	b.vp.SetHeight(max(1, h-2))
}

func (b *briefingModel) restyle() { b.rendered = "" }

// open shows the short page of the seat now at the keyboard.
func (b *briefingModel) open(action) {
	b.details = false
	b.rendered = ""
	b.render()
	b.vp.GotoTop()
}

func (b *briefingModel) Keys() keyMap {
	k := &b.env.keys
	d := withHelp(k.Details, "d", "full briefing")
	if b.details {
		d = withHelp(k.Details, "d", "your briefing")
	}
	return newKeyMap([]key.Binding{withHelp(k.Enter, "enter", "start playing"), d, withHelp(k.Up, "↑↓", "scroll")},
		[]key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, d, withHelp(k.Enter, "enter", "start playing"), withHelp(k.Back, "esc", "start playing")})
}

func (b *briefingModel) Update(msg tea.KeyPressMsg) action {
	k := &b.env.keys
	switch {
	case key.Matches(msg, k.Enter), key.Matches(msg, k.Back):
		return action{kind: actBriefed}
	case key.Matches(msg, k.Details):
		b.details = !b.details
		b.rendered = ""
		b.render()
		b.vp.GotoTop()
	default:
		b.vp, _ = b.vp.Update(msg)
	}
	return action{}
}

// markdown is the page as one Markdown document.
func (b *briefingModel) markdown() string {
	v := b.env.view()
	if v == nil || v.Viewer < 0 {
		return ""
	}
	ps := v.Scenario
	if b.details {
		if ps.Briefing == "" {
			return "# " + ps.Title + "\n\nThis scenario has no general briefing."
		}
		return ps.Briefing
	}
	me := &v.Seats[v.Viewer]
	var md strings.Builder
	fmt.Fprintf(&md, "# %s\n\n*You play **%s**. This page is yours alone.*\n\n", ps.Title, me.Name)
	if v.Briefing != "" {
		md.WriteString("## Your role\n\n" + v.Briefing + "\n\n")
	}
	md.WriteString("## Your objectives\n\n")
	if len(me.Objectives) == 0 {
		md.WriteString("You have no objectives to meet: your score is what the model gives you each turn (" + ps.ModelDoc + ").\n\n")
		if t := payoffMarkdown(v); t != "" {
			md.WriteString(t + "\n")
		}
	}
	for _, o := range me.Objectives {
		tag := "public"
		if o.Secret {
			tag = "**secret**"
		}
		when := "at the end"
		if o.When == "every-turn" {
			when = "every turn"
		}
		fmt.Fprintf(&md, "- %s (%s, %s, %s)\n", o.Text, tag, when, pointsText(o.Points))
	}
	md.WriteString("\n## How the game ends\n\n")
	fmt.Fprintf(&md, "After turn %d (%s).", ps.Turns, monthOf(ps, ps.Turns))
	if t := ps.SettlementText(); t != "" {
		md.WriteString(" Or earlier: " + t + ".")
	}
	md.WriteString(" The seat with the most points wins.\n\n")
	md.WriteString("## Each turn\n\n")
	md.WriteString("1. **Negotiate**: answer proposals (a accept, x reject, c counter) or make one (n); press r when you are done.\n")
	md.WriteString("2. **Orders**: set your levers with ←→ and press enter; everyone's orders take effect together.\n")
	md.WriteString("3. **Report**: see what changed and why; press r for the next turn.\n\n")
	md.WriteString("Press **d** for the scenario's full briefing, **?** for every key and a glossary, **enter** to start.\n")
	return md.String()
}

// render runs Glamour once per text and width; it is too slow to run on
// every frame.
func (b *briefingModel) render() {
	md := b.markdown()
	key := fmt.Sprintf("%d/%t/%d/%s", b.w, b.env.st.isDark, b.env.seat, md)
	if md == "" || b.w < 20 || key == b.rendered {
		return
	}
	b.rendered = key
	r, err := glamour.NewTermRenderer(glamour.WithStyles(briefingStyle(b.env.st.isDark)), glamour.WithWordWrap(min(100, b.w-6)))
	out := md
	if err == nil {
		if s, err := r.Render(md); err == nil {
			out = strings.Trim(s, "\n")
		}
	}
	b.vp.SetContent(out)
}

func (b *briefingModel) View() string {
	b.render()
	st := &b.env.st
	title := "Briefing"
	if v := b.env.view(); v != nil && v.Viewer >= 0 {
		title = "Briefing · " + v.Seats[v.Viewer].Name + " · yours alone"
		if b.details {
			title = "Briefing · " + v.Scenario.Title + " · for everyone"
		}
	}
	return st.panel(title, viewportMarked(st, &b.vp), b.w, b.h, true)
}

// briefingStyle is Glamour's dark or light style with the headings' "##"
// marks taken off: colour and weight set headings apart, and in NO_COLOR
// the blank lines around them do.
func briefingStyle(isDark bool) ansi.StyleConfig {
	st := styles.LightStyleConfig
	if isDark {
		st = styles.DarkStyleConfig
	}
	none := ""
	for _, h := range []*ansi.StyleBlock{&st.H2, &st.H3, &st.H4, &st.H5, &st.H6} {
		h.Prefix = none
	}
	return st
}
