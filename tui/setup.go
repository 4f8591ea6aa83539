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
	row     int // on step 1: a seat, then the seed, then start
	players []string
	seats   []ai.PlayerSpec
	seed    textinput.Model
}

type setupAction struct {
	kind actionKind
	load func() (GameSpec, error)
	text string
}

func newSetup(e *env) setupModel {
	ti := textinput.New()
	ti.Placeholder = "random"
	ti.CharLimit = 19
	ti.SetWidth(20)
	ti.Prompt = ""
	return setupModel{env: e, seed: ti}
}

func (s *setupModel) SetSize(w, h int) { s.w, s.h = w, h }

// reset lists the shipped scenarios, the default first.
func (s *setupModel) reset() {
	s.entries = content.Shipped()
	slices.SortStableFunc(s.entries, func(a, b content.Entry) int {
		return rank(a.ID) - rank(b.ID)
	})
	s.sel, s.step, s.row = 0, 0, 0
	s.players = Personalities()
	s.seed.SetValue("")
	s.seed.Blur()
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

func (s *setupModel) Keys() helpKeys {
	k := &s.env.keys
	if s.step == 0 {
		return helpKeys{short: []key.Binding{k.Up, k.Down, withHelp(k.Enter, "enter", "choose"), k.Back}}
	}
	return helpKeys{
		short: []key.Binding{k.Up, k.Down, withHelp(k.Left, "←→", "player"), k.Difficulty, withHelp(k.Enter, "enter", "start"), k.Back},
		full:  [][]key.Binding{{k.Up, k.Down, k.Left, k.Right, k.Difficulty, k.Enter, k.Back}},
	}
}

func (s *setupModel) entry() *content.Entry {
	if s.sel < 0 || s.sel >= len(s.entries) {
		return nil
	}
	return &s.entries[s.sel]
}

func (s *setupModel) Update(msg tea.KeyPressMsg) (setupAction, tea.Cmd) {
	k := &s.env.keys
	if s.step == 0 {
		switch {
		case key.Matches(msg, k.Up):
			s.sel = max(0, s.sel-1)
		case key.Matches(msg, k.Down):
			s.sel = min(len(s.entries)-1, s.sel+1)
		case key.Matches(msg, k.Back):
			return setupAction{kind: actBack}, nil
		case key.Matches(msg, k.Enter):
			e := s.entry()
			if e == nil || e.Err != nil {
				return setupAction{kind: actError, text: "that scenario does not load"}, nil
			}
			s.step, s.row = 1, 0
			s.seats = make([]ai.PlayerSpec, len(e.Seats))
			for i := range s.seats {
				s.seats[i] = ai.PlayerSpec{Player: s.players[0], Difficulty: "normal"}
			}
			s.seats[0] = ai.PlayerSpec{Human: true}
		}
		return setupAction{}, nil
	}
	n := len(s.seats)
	seedRow, startRow := n, n+1
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, k.Back):
		s.seed.Blur()
		s.step = 0
		return setupAction{}, nil
	case key.Matches(msg, k.Up):
		s.row = max(0, s.row-1)
	case key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
		s.row = min(startRow, s.row+1)
	case key.Matches(msg, k.Enter):
		if s.row < startRow {
			s.row = startRow
		} else {
			return s.startAction(), nil
		}
	case s.row == seedRow:
		s.seed, cmd = s.seed.Update(msg)
		s.seed.SetValue(strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s.seed.Value()))
		return setupAction{}, cmd
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
	return setupAction{}, cmd
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

func (s *setupModel) startAction() setupAction {
	humans := 0
	for _, sp := range s.seats {
		if sp.Human {
			humans++
		}
	}
	if humans == 0 {
		return setupAction{kind: actError, text: "at least one seat must be played by a person"}
	}
	var seed uint64
	if v := s.seed.Value(); v != "" {
		x, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return setupAction{kind: actError, text: "the seed must be a whole number"}
		}
		seed = x
	} else {
		seed = uint64(s.env.now.UnixNano())
	}
	id, seats := s.entry().ID, slices.Clone(s.seats)
	return setupAction{kind: actStart, load: func() (GameSpec, error) {
		sc, err := content.Get(id)
		if err != nil {
			return GameSpec{}, err
		}
		return GameSpec{Scenario: sc, Seed: seed, Seats: seats}, nil
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
			line := fmt.Sprintf("%-24s %2d t", en.ID, en.Turns)
			if i == s.sel {
				line = st.Selected.Render("▸ " + line)
			} else {
				line = "  " + line
			}
			list.WriteString(line + "\n")
		}
		desc := st.Title.Render(e.Title) + "\n\n" + wrap(e.Summary, descW-6) + "\n\n" +
			st.Subtle.Render(fmt.Sprintf("%s · %s", plural(len(e.Seats), "seat", "seats"), plural(e.Turns, "turn", "turns"))) + "\n" +
			st.Subtle.Render("seats: "+strings.ToUpper(strings.Join(e.Seats, ", ")))
		return sideBySide(st.panel("New game · scenario", list.String(), listW, s.h, true), st.panel("About", desc, descW, s.h, false))
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(e.Title) + "\n" + st.Subtle.Render("Who plays each seat? Several humans share this keyboard (hot seat).") + "\n\n")
	for i, sp := range s.seats {
		who := "human at this keyboard"
		if !sp.Human {
			who = fmt.Sprintf("AI · %s · %s", sp.Player, sp.Difficulty)
		}
		line := fmt.Sprintf("%s %-6s ◂ %-34s ▸", st.Seat(i).Render("■"), strings.ToUpper(e.Seats[i]), who)
		if i == s.row {
			line = st.Selected.Render("▸") + " " + line
		} else {
			line = "  " + line
		}
		b.WriteString(line + "\n")
	}
	seedLine := "  seed    " + s.seed.View()
	if s.row == len(s.seats) {
		seedLine = st.Selected.Render("▸") + " seed    " + s.seed.View()
	}
	b.WriteString("\n" + seedLine + "\n\n")
	start := "  Start the game"
	if s.row == len(s.seats)+1 {
		start = st.Selected.Render("▸ Start the game ")
	}
	b.WriteString(start + "\n\n" + st.Faint.Render("←→ change the player · d difficulty · the seed replays a game exactly"))
	return st.panel("New game · seats", b.String(), s.w, s.h, true)
}
