package tui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// newsItem is one line of the news: an event, or several objective
// events of one turn grouped, with the text a selection shows.
type newsItem struct {
	turn   int
	seat   int // whose colour the line takes, -1 for none
	line   string
	detail string // an event card's text, shown when the line is selected
}

// newsItems turns the journal's news into lines, oldest first: events a
// reader needs, with the objective points of one turn grouped into one
// line instead of one per seat.
func newsItems(e *env) []newsItem {
	v := e.view()
	ps := v.Scenario
	news := e.u.Journal.News
	var out []newsItem
	for i := 0; i < len(news); i++ {
		ev := &news[i]
		if ev.Kind == game.EvObjective {
			// Gather this turn's run of objective events.
			var parts []string
			j := i
			for ; j < len(news) && news[j].Kind == game.EvObjective && news[j].Turn == ev.Turn; j++ {
				o := &news[j]
				parts = append(parts, fmt.Sprintf("%s +%s", ps.Tag(o.Seat), pointsText(o.Value)))
			}
			out = append(out, newsItem{turn: ev.Turn, seat: -1, line: "Objectives met: " + strings.Join(parts, ", ")})
			i = j - 1
			continue
		}
		text := eventText(v, e.u.Journal.Deals, ev)
		if text == "" {
			continue
		}
		it := newsItem{turn: ev.Turn, seat: ev.Seat, line: text}
		switch ev.Kind {
		case game.EvScheduled, game.EvDrawn, game.EvInjected:
			it.detail = ev.Text
			it.seat = -1
		case game.EvModel:
			it.seat = -1
		}
		out = append(out, it)
	}
	return out
}

// pointsText is a number of points with its word: "1 point", "2.5
// points", "0.25 points". Objectives pay in quarter points, so two
// decimals are kept: one would show a quarter point as "0.3".
func pointsText(x float64) string {
	r := math.Round(x*100) / 100
	if r == 0 {
		r = 0 // no "-0"
	}
	n := strconv.FormatFloat(r, 'f', -1, 64)
	if n == "1" {
		return "1 point"
	}
	return n + " points"
}

// newsBody is the news feed in h lines, newest last. With sel >= 0 (an
// index from the newest) the panel has the focus: that line is marked,
// and the text of its event follows it.
func newsBody(e *env, items []newsItem, w, h, sel int) string {
	st := &e.st
	ps := e.view().Scenario
	if len(items) == 0 {
		return st.Subtle.Render("No news yet.")
	}
	dateW := len(monthOf(ps, 1))
	var lines []string
	selLine := -1
	for k, it := range items {
		fromNewest := len(items) - 1 - k
		selected := sel >= 0 && fromNewest == sel
		mark := ""
		if sel >= 0 {
			mark = "  "
			if selected {
				mark = st.Selected.Render("▸") + " "
				selLine = len(lines)
			}
		}
		text := it.line
		if it.detail != "" && !selected {
			text += " ▾"
		}
		avail := w - lenCells(mark) - dateW - 1
		// A selected line is shown whole, wrapped: a long message (an
		// AI's reply) is read here and nowhere else. Others are cut to
		// one line, with "…" saying there is more.
		bodies := []string{fitWords(text, avail)}
		if selected && lenCells(text) > avail && avail >= 10 {
			bodies = strings.Split(wrap(text, avail), "\n")
		}
		for n, body := range bodies {
			if it.seat >= 0 {
				body = st.Seat(it.seat).Render(body)
			}
			if n == 0 {
				lines = append(lines, mark+st.Subtle.Render(padRight(monthOf(ps, it.turn), dateW))+" "+body)
				continue
			}
			lines = append(lines, strings.Repeat(" ", lenCells(mark)+dateW+1)+body)
		}
		if selected && it.detail != "" {
			for _, l := range strings.Split(wrap(it.detail, w-dateW-3), "\n") {
				lines = append(lines, strings.Repeat(" ", dateW+3)+st.Accent.Render(l))
			}
		}
	}
	end := len(lines)
	if selLine >= 0 {
		// The newest lines, unless that hides the selection: then the
		// selection first, with as much of its text as fits.
		end = min(end, selLine+h)
	}
	return strings.Join(lines[max(0, end-h):end], "\n")
}

// latestNews is the newest line of news, for a screen with no room for
// the news panel.
func latestNews(e *env, items []newsItem, w int) string {
	if len(items) == 0 {
		return ""
	}
	it := items[len(items)-1]
	return e.st.Subtle.Render(fitWords("Latest: "+monthOf(e.view().Scenario, it.turn)+" "+it.line+" (tab: all news)", w))
}
