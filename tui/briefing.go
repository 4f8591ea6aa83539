package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// briefingModel shows the active seat its role, its objectives (public
// and secret) and the scenario's briefing, rendered from Markdown.
type briefingModel struct {
	env      *env
	w, h     int
	vp       viewport.Model
	rendered string // cache key: what was rendered, at which width
}

func newBriefing(e *env) briefingModel {
	return briefingModel{env: e, vp: viewport.New()}
}

// SetSize only records the size: Glamour renders when the briefing is
// next drawn, not on every resize of another screen.
func (b *briefingModel) SetSize(w, h int) {
	b.w, b.h = w, h
	b.vp.SetWidth(max(1, w-4))
	b.vp.SetHeight(max(1, h-2))
}

func (b *briefingModel) invalidate() { b.rendered = "" }

// load renders the briefing of the seat now at the keyboard.
func (b *briefingModel) load() {
	b.rendered = ""
	b.render()
	b.vp.GotoTop()
}

// markdown is the briefing as one Markdown document.
func (b *briefingModel) markdown() string {
	v := b.env.view()
	if v == nil || v.Viewer < 0 {
		return ""
	}
	me := &v.Seats[v.Viewer]
	var md strings.Builder
	fmt.Fprintf(&md, "# %s\n\n*You play **%s**.*\n\n", v.Scenario.Title, me.Name)
	if v.Briefing != "" {
		md.WriteString("## Your role\n\n" + v.Briefing + "\n\n")
	}
	md.WriteString("## Your objectives\n\n")
	for _, o := range me.Objectives {
		tag := "public"
		if o.Secret {
			tag = "**secret**"
		}
		fmt.Fprintf(&md, "- %s (%s, %s, %.0f points)\n", o.Text, tag, strings.ReplaceAll(o.When, "-", " "), o.Points)
	}
	if v.Scenario.Briefing != "" {
		md.WriteString("\n---\n\n" + v.Scenario.Briefing + "\n")
	}
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

func (b *briefingModel) Update(msg tea.Msg) {
	b.vp, _ = b.vp.Update(msg)
}

func (b *briefingModel) View() string {
	b.render()
	st := &b.env.st
	title := "Briefing"
	if v := b.env.view(); v != nil && v.Viewer >= 0 {
		title = "Briefing · " + v.Seats[v.Viewer].Name + " · secret: do not share your screen"
	}
	return st.panel(title, b.vp.View(), b.w, b.h, true)
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
