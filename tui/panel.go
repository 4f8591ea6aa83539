package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/viewport"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// fit cuts or pads one line to exactly w cells.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := lipgloss.Width(s)
	if n > w {
		return ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", w-n)
}

// lines splits a block into exactly h lines of w cells each.
func block(s string, w, h int) []string {
	in := strings.Split(s, "\n")
	out := make([]string, h)
	for i := range out {
		line := ""
		if i < len(in) {
			line = in[i]
		}
		out[i] = fit(line, w)
	}
	return out
}

// panel draws a rounded box of exactly w by h cells with a title in its
// top border. Lip Gloss borders have no titles, hence the hand drawing.
func (s *Styles) panel(title, body string, w, h int, focused bool) string {
	if w < 4 || h < 2 {
		return ""
	}
	bs := s.Border
	if focused {
		bs = s.BorderFocus
	}
	inner := w - 4
	var b strings.Builder
	var top string
	if title != "" {
		t := fit(" "+title+" ", min(lipgloss.Width(title)+2, w-3))
		top = bs.Render("╭─") + s.PanelTitle.Render(t) + bs.Render(strings.Repeat("─", max(0, w-3-lipgloss.Width(t)))+"╮")
	} else {
		top = bs.Render("╭" + strings.Repeat("─", w-2) + "╮")
	}
	b.WriteString(top)
	side := bs.Render("│")
	for _, line := range block(body, inner, h-2) {
		b.WriteString("\n" + side + " " + line + " " + side)
	}
	b.WriteString("\n" + bs.Render("╰"+strings.Repeat("─", w-2)+"╯"))
	return b.String()
}

// sideBySide joins blocks left to right, line by line. The blocks are
// panels, each exactly as wide on every line, so no line is measured (a
// measurement of a styled line is most of what drawing costs).
func sideBySide(blocks ...string) string {
	split := make([][]string, len(blocks))
	n := 0
	for i, b := range blocks {
		split[i] = strings.Split(b, "\n")
		n = max(n, len(split[i]))
	}
	var out strings.Builder
	for r := range n {
		if r > 0 {
			out.WriteByte('\n')
		}
		for _, lines := range split {
			if r < len(lines) {
				out.WriteString(lines[r])
			}
		}
	}
	return out.String()
}

// lines makes a block exactly h lines long without measuring them.
func lines(s string, h int) string {
	in := strings.SplitN(s, "\n", h+1)
	if len(in) > h {
		in = in[:h]
	}
	for len(in) < h {
		in = append(in, "")
	}
	return strings.Join(in, "\n")
}

// stack joins blocks top to bottom, leaving out empty ones.
func stack(blocks ...string) string {
	var keep []string
	for _, b := range blocks {
		if b != "" {
			keep = append(keep, b)
		}
	}
	return strings.Join(keep, "\n")
}

// scrollWindow returns the range of n lines to show in h rows: from the
// top while the selected line fits, else scrolled just enough to show it.
func scrollWindow(n, h, selected int) (from, to int) {
	if n <= h {
		return 0, n
	}
	h = max(1, h)
	from = max(0, min(selected-h+1, n-h))
	return from, from + h
}

// markedWindow is the part of lines that fits h rows around line sel,
// with a marker line saying how many lines are cut above ("↑ 3 more")
// and below ("↓ 5 more"), so that nothing is cut without a sign. The
// result has at most h lines.
func markedWindow(st *Styles, lines []string, h, sel int) []string {
	n := len(lines)
	if n <= h || h < 3 {
		from, to := scrollWindow(n, h, sel)
		return lines[from:to]
	}
	from, to := scrollWindow(n, h-2, sel)
	top := from > 0
	if !top {
		to = min(n, to+1) // the top marker's row goes to text
	}
	bottom := to < n
	if !bottom && top {
		from-- // and so does the bottom marker's
	}
	var out []string
	if top {
		out = append(out, st.Subtle.Render(fmt.Sprintf("↑ %d more", from)))
	}
	out = append(out, lines[from:to]...)
	if bottom {
		out = append(out, st.Subtle.Render(fmt.Sprintf("↓ %d more", n-to)))
	}
	return out
}

// offsetWindow is h rows of lines from line off, with the first and last
// rows given to markers when lines are cut above or below them.
func offsetWindow(st *Styles, lines []string, h, off int) []string {
	n := len(lines)
	if n <= h {
		return lines
	}
	off = max(0, min(off, n-h))
	out := append([]string{}, lines[off:off+h]...)
	if off > 0 && h >= 2 {
		out[0] = st.Subtle.Render(fmt.Sprintf("↑ %d more", off+1))
	}
	if off+h < n && h >= 2 {
		out[h-1] = st.Subtle.Render(fmt.Sprintf("↓ %d more", n-off-h+1))
	}
	return out
}

// viewportMarked is a viewport's view with its first and last rows given
// to markers when its text goes on above or below them.
func viewportMarked(st *Styles, vp *viewport.Model) string {
	lines := strings.Split(vp.View(), "\n")
	h, total, off := len(lines), vp.TotalLineCount(), vp.YOffset()
	if h < 2 || total <= h {
		return strings.Join(lines, "\n")
	}
	if off > 0 {
		lines[0] = st.Subtle.Render(fmt.Sprintf("↑ %d more", off+1))
	}
	if below := total - off - h; below > 0 {
		lines[h-1] = st.Subtle.Render(fmt.Sprintf("↓ %d more (pgdn)", below+1))
	}
	return strings.Join(lines, "\n")
}
