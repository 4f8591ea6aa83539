package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// setupModel is the new-game screen: a scenario, then who plays each
// seat, a seed, and start.
type setupModel struct {
	env     *env
	w, h    int
	entries []content.Entry
	sel     int // the scenario
	step    int // 0: scenario, 1: seats
	row     int // on step 1: a seat, then the seed, the clock, start
	players []string
	// about is each player's one-line description, shown for the
	// selected seat.
	about map[string]string
	seats []ai.PlayerSpec
	seed  textinput.Model
	// clock is the choice made on the clock row: 0 the default, 1 on, -1
	// off; clockSecs is the scenario's suggested clock, 0 for none.
	clock     int
	clockSecs int
}

func init() { registerScreen(scrSetup, func(e *env) screen { return newSetup(e) }) }

func newSetup(e *env) *setupModel {
	ti := newInput(e, "random", 19)
	ti.SetWidth(20)
	return &setupModel{env: e, seed: ti}
}

// open lists the scenarios afresh each time the screen is shown.
func (s *setupModel) open(action) { s.reset() }

func (s *setupModel) SetSize(w, h int) { s.w, s.h = w, h }

// reset lists the shipped scenarios, the default first.
func (s *setupModel) reset() {
	s.entries = content.Shipped()
	slices.SortStableFunc(s.entries, func(a, b content.Entry) int {
		return rank(a.ID) - rank(b.ID)
	})
	s.sel, s.step, s.row = 0, 0, 0
	s.players = Personalities()
	s.about = PlayerDescriptions()
	s.seed.SetValue("")
	s.seed.Blur()
	s.clock = 0
}

// rank puts the default scenario first and the tutorial second.
func rank(id string) int {
	switch id {
	case "rare-earth-card":
		return 0
	case "tutorial":
		return 1
	}
	return 2
}

func (s *setupModel) typing() bool { return s.step == 1 && s.seed.Focused() }

func (s *setupModel) Keys() keyMap {
	k := &s.env.keys
	if s.step == 0 {
		return newKeyMap([]key.Binding{k.Up, k.Down, withHelp(k.Enter, "enter", "choose"), withHelp(k.Back, "esc", "title screen")})
	}
	return newKeyMap(
		[]key.Binding{withHelp(k.Up, "↑↓", "row"), withHelp(k.Left, "←→", "change"), k.Difficulty, withHelp(k.Enter, "enter", "start"), withHelp(k.Back, "esc", "scenarios")},
		[]key.Binding{k.Up, k.Down, withHelp(k.Left, "←/h", "previous player, or clock on/off"), withHelp(k.Right, "→/l", "next player, or clock on/off"),
			withHelp(k.Toggle, "space", "next player, or clock on/off"), k.Difficulty, k.Clock, withHelp(k.Enter, "enter", "go to start, then start the game"), k.Back})
}

func (s *setupModel) entry() *content.Entry {
	if s.sel < 0 || s.sel >= len(s.entries) {
		return nil
	}
	return &s.entries[s.sel]
}

func (s *setupModel) Update(msg tea.KeyPressMsg) action {
	k := &s.env.keys
	if s.step == 0 {
		switch {
		case key.Matches(msg, k.Up):
			s.sel = max(0, s.sel-1)
		case key.Matches(msg, k.Down):
			s.sel = min(len(s.entries)-1, s.sel+1)
		case key.Matches(msg, k.Back):
			return show(scrTitle)
		case key.Matches(msg, k.Enter):
			e := s.entry()
			if e == nil || e.Err != nil {
				return errorf("that scenario does not load")
			}
			s.step, s.row = 1, 0
			s.clock, s.clockSecs = 0, 0
			if sc, err := content.Get(e.ID); err == nil && sc.Public() != nil {
				s.clockSecs = sc.Public().ClockSeconds
			}
			s.seats = make([]ai.PlayerSpec, len(e.Seats))
			for i := range s.seats {
				s.seats[i] = ai.PlayerSpec{Player: s.players[0], Difficulty: "normal"}
			}
			s.seats[0] = ai.PlayerSpec{Human: true}
		}
		return action{}
	}
	n := len(s.seats)
	seedRow, clockRow, startRow := n, n+1, n+2
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, k.Back):
		s.seed.Blur()
		s.step = 0
		return action{}
	case key.Matches(msg, k.Up):
		s.row = max(0, s.row-1)
	case key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
		s.row = min(startRow, s.row+1)
	case key.Matches(msg, k.Enter):
		if s.row < startRow {
			s.row = startRow
		} else {
			return s.startAction()
		}
	case s.row == clockRow && (key.Matches(msg, k.Left) || key.Matches(msg, k.Right) || key.Matches(msg, k.Toggle) || key.Matches(msg, k.Clock)):
		if s.clockOn() {
			s.clock = -1
		} else {
			s.clock = 1
		}
	case s.row == seedRow:
		s.seed, cmd = s.seed.Update(msg)
		s.seed.SetValue(strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s.seed.Value()))
		return action{then: cmd}
	case s.row < n && key.Matches(msg, k.Left):
		s.cycle(s.row, -1)
	case s.row < n && (key.Matches(msg, k.Right) || key.Matches(msg, k.Toggle)):
		s.cycle(s.row, 1)
	case s.row < n && key.Matches(msg, k.Difficulty):
		sp := &s.seats[s.row]
		if !sp.Human {
			i := slices.Index(Difficulties, sp.Difficulty)
			sp.Difficulty = Difficulties[(i+1)%len(Difficulties)]
		}
	}
	if s.row == seedRow {
		cmd = s.seed.Focus()
	} else {
		s.seed.Blur()
	}
	return action{then: cmd}
}

// playerAbout is what the selected seat's player does, in a line.
func (s *setupModel) playerAbout(sp ai.PlayerSpec) string {
	if sp.Human {
		return "A person at this keyboard. With two or more, the keyboard passes between them (hot seat)."
	}
	about := s.about[sp.Player]
	if about == "" {
		about = "an AI player"
	}
	return sp.Player + ": " + about
}

// seatTag is how the new-game screen names a seat from its id, before
// the scenario is loaded: a short id in capitals (US, PRC), a longer one
// as a name (Japan), as game.PublicScenario.Tag does.
func seatTag(id string) string {
	if len(id) <= 3 {
		return strings.ToUpper(id)
	}
	return capitalize(strings.ReplaceAll(id, "-", " "))
}

// humans counts the seats played at this keyboard.
func (s *setupModel) humans() int {
	n := 0
	for _, sp := range s.seats {
		if sp.Human {
			n++
		}
	}
	return n
}

// clockOn says whether the game would run the negotiation clock: as
// chosen on the clock row, else by the default (see clockOff).
func (s *setupModel) clockOn() bool {
	e := s.entry()
	switch {
	case s.clock != 0:
		return s.clock > 0
	case e == nil || s.clockSecs <= 0:
		return false
	}
	return s.humans() <= 1 && e.ID != TutorialID
}

// cycle moves a seat through human and each personality.
func (s *setupModel) cycle(row, d int) {
	sp := &s.seats[row]
	opts := append([]string{"human"}, s.players...)
	cur := 0
	if !sp.Human {
		cur = max(0, slices.Index(opts, sp.Player))
	}
	next := opts[(cur+d+len(opts))%len(opts)]
	if next == "human" {
		*sp = ai.PlayerSpec{Human: true}
		return
	}
	diff := sp.Difficulty
	if diff == "" {
		diff = "normal"
	}
	*sp = ai.PlayerSpec{Player: next, Difficulty: diff}
}

func (s *setupModel) startAction() action {
	if s.humans() == 0 {
		return errorf("at least one seat must be played by a person")
	}
	var seed uint64
	if v := s.seed.Value(); v != "" {
		x, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return errorf("the seed must be a whole number")
		}
		seed = x
	} else {
		seed = uint64(s.env.now.UnixNano())
	}
	id, seats, on := s.entry().ID, slices.Clone(s.seats), s.clockOn()
	return action{kind: actStart, load: func() (GameSpec, error) {
		sc, err := content.Get(id)
		if err != nil {
			return GameSpec{}, err
		}
		return GameSpec{Scenario: sc, Seed: seed, Seats: seats, Clock: on, NoClock: !on}, nil
	}}
}

func (s *setupModel) View() string {
	st := &s.env.st
	e := s.entry()
	if e == nil {
		return "No scenarios are shipped."
	}
	listW := min(36, s.w/2)
	descW := s.w - listW
	if s.step == 0 {
		var list strings.Builder
		for i, en := range s.entries {
			line := fmt.Sprintf("%-20s %3d turns", en.ID, en.Turns)
			if i == s.sel {
				line = st.Selected.Render("▸ " + line)
			} else {
				line = "  " + line
			}
			list.WriteString(line + "\n")
		}
		var tags []string
		for _, id := range e.Seats {
			tags = append(tags, seatTag(id))
		}
		// The facts first: a long summary is cut at the panel's foot.
		desc := st.Title.Render(e.Title) + "\n" +
			st.Subtle.Render(wrap(fmt.Sprintf("%s · %s: %s", plural(e.Turns, "turn", "turns"), plural(len(e.Seats), "seat", "seats"), strings.Join(tags, ", ")), descW-6)) + "\n\n" +
			wrap(e.Summary, descW-6)
		return sideBySide(st.panel("New game · scenario", list.String(), listW, s.h, true), st.panel("About", desc, descW, s.h, false))
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(e.Title) + "\n" + st.Subtle.Render(wrap("Who plays each seat? Several people may share this keyboard (hot seat): each gets a privacy screen before their own.", s.w-6)) + "\n\n")
	// Seat names and the row labels below share one column, so that the
	// players, the seed and the clock line up.
	idW := len("clock")
	for _, id := range e.Seats {
		idW = max(idW, lenCells(seatTag(id)))
	}
	mark := func(row int) string {
		if row == s.row {
			return st.Selected.Render("▸") + " "
		}
		return "  "
	}
	for i, sp := range s.seats {
		who := "human at this keyboard"
		if !sp.Human {
			who = fmt.Sprintf("AI · %s · %s", sp.Player, sp.Difficulty)
		}
		b.WriteString(mark(i) + fmt.Sprintf("%s %s ◂ %-34s ▸", st.Seat(i).Render("■"), padRight(seatTag(e.Seats[i]), idW), who) + "\n")
	}
	if s.row < len(s.seats) {
		b.WriteString(st.Subtle.Render(wrapIndent("    "+s.playerAbout(s.seats[s.row]), s.w-6, 4)) + "\n")
	}
	b.WriteString("\n" + mark(len(s.seats)) + "  " + padRight("seed", idW) + "   " + s.seed.View() + "\n")
	clock := "off: talks end when all are ready"
	if s.clockOn() {
		clock = fmt.Sprintf("on: %s a negotiation", duration(s.clockSecs))
	}
	if s.clock == 0 && s.clockSecs > 0 && !s.clockOn() {
		clock = "off (the default in hot seat)"
		if s.humans() <= 1 {
			clock = "off (the default in the tutorial)"
		}
	}
	b.WriteString(mark(len(s.seats)+1) + "  " + padRight("clock", idW) + " ◂ " + clock + " ▸\n\n")
	startLine := "  Start the game"
	if s.row == len(s.seats)+2 {
		startLine = st.Selected.Render("▸ Start the game ")
	}
	b.WriteString(startLine + "\n\n" + st.Faint.Render(wrap("←→ change the player or the clock · d difficulty · the same seed replays a game exactly · enter goes to Start, enter again starts", s.w-6)))
	return st.panel("New game · seats", b.String(), s.w, s.h, true)
}
