package tui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/chokepoint-game/chokepoint/game"
)

// monthOf is the month a turn stands for, "Jan 2026", from the public
// scenario's calendar.
func monthOf(sc *game.PublicScenario, turn int) string {
	start, err := time.Parse(time.DateOnly, sc.StartDate)
	if err != nil {
		return ""
	}
	if turn > 1 {
		start = start.AddDate(0, (turn-1)*sc.TurnMonths, 0)
	}
	return start.Format("Jan 2006")
}

// spec is how the scenario describes indicator ind.
func spec(v *game.View, ind game.Indicator) game.IndicatorSpec { return v.Scenario.Indicator(ind) }

// better reports whether higher is better for indicator ind.
func better(v *game.View, ind game.Indicator) bool { return spec(v, ind).Better >= 0 }

// fmtInd writes an indicator's value with its unit.
func fmtInd(v *game.View, ind game.Indicator, x float64) string {
	s := spec(v, ind)
	return s.Format(x)
}

func partiesText(v *game.View, d *game.Deal) string {
	var others []string
	for _, p := range d.Parties.Seats() {
		if p != d.Proposer {
			others = append(others, v.Scenario.Tag(p))
		}
	}
	return v.Scenario.Tag(d.Proposer) + " → " + strings.Join(others, ", ")
}

func dealTitle(deals []game.Deal, id int) string {
	for i := range deals {
		if deals[i].ID == id {
			return "“" + deals[i].Title + "”"
		}
	}
	return fmt.Sprintf("deal %d", id)
}

// eventText says one event in plain words for the news, or "" for the
// bookkeeping events a reader does not need (ready, phase changes).
// cards finds the title of a timeline or deck event by its id.
func eventText(v *game.View, deals []game.Deal, e *game.Event) string {
	who := v.Scenario.Tag(e.Seat)
	if e.By != "" {
		// A team's member: the team and the report see who did it.
		who += " (" + e.By + ")"
	}
	deal := dealTitle(deals, e.Deal)
	switch e.Kind {
	case game.EvStarted:
		return "The game begins."
	case game.EvScheduled, game.EvDrawn, game.EvInjected:
		t := e.Ref
		if e.Title != "" {
			t = e.Title
		}
		if e.Kind == game.EvInjected {
			return "The facilitator brings news: " + t
		}
		return t
	case game.EvProposed:
		return fmt.Sprintf("%s proposes %s", who, deal)
	case game.EvAnswered:
		return fmt.Sprintf("%s answers %s: %s", who, deal, e.Answer)
	case game.EvInForce:
		return fmt.Sprintf("%s is in force", deal)
	case game.EvWithdrawn:
		return fmt.Sprintf("%s withdraws %s", who, deal)
	case game.EvClosed:
		return fmt.Sprintf("%s %s", capitalize(deal), e.Status)
	case game.EvBreach:
		return fmt.Sprintf("✕ %s breaks %s", who, deal)
	case game.EvMessage:
		return fmt.Sprintf("%s: %s", who, e.Text)
	case game.EvObjective:
		return fmt.Sprintf("%s +%s from %s", who, pointsText(e.Value), plural(e.Count, "objective", "objectives"))
	case game.EvModel:
		return e.Text
	case game.EvOverride:
		return fmt.Sprintf("The facilitator sets %s %s to %s: %s", who, spec(v, e.Indicator).Name, fmtInd(v, e.Indicator, e.Value), e.Text)
	case game.EvPlayer:
		if e.Ref == "people" {
			return fmt.Sprintf("The facilitator hands %s to people.", who)
		}
		return fmt.Sprintf("The facilitator hands %s to an AI.", who)
	case game.EvPaused:
		return "The facilitator pauses the game."
	case game.EvResumed:
		return "The game resumes."
	case game.EvGameOver:
		return "Game over: " + e.Text + "."
	case game.EvResolved:
		return fmt.Sprintf("Turn %d resolved: orders take effect.", e.Turn)
	}
	return ""
}

// phaseName is a phase as the header shows it.
func phaseName(v *game.View) string {
	switch v.Phase {
	case game.Negotiation:
		return fmt.Sprintf("NEGOTIATION %d", v.Round)
	case game.GameOver:
		return "GAME OVER"
	}
	return strings.ToUpper(v.Phase.String())
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// duration says a number of seconds in minutes and seconds: "4 minutes",
// "1 minute 30 seconds".
func duration(secs int) string {
	m, s := secs/60, secs%60
	switch {
	case m == 0:
		return plural(s, "second", "seconds")
	case s == 0:
		return plural(m, "minute", "minutes")
	}
	return plural(m, "minute", "minutes") + " " + plural(s, "second", "seconds")
}

// lenCells is the width of a line in cells, its styles left out.
func lenCells(s string) int { return ansi.StringWidth(s) }

// num writes a plain number a player reads (points, capital, trust, a
// rule's amount): whole when it is whole, otherwise with one decimal, so
// that a computed value never shows all its digits ("41.8", not
// "41.75395569620253"). Every number the interface prints without an
// indicator's own format goes through here.
func num(x float64) string {
	r := math.Round(x*10) / 10
	if r == 0 {
		r = 0 // no "-0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}
