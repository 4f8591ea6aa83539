package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/saves"
)

func init() { registerScreen(scrBranch, func(e *env) screen { return newBranch(e) }) }

// branchModel gives the seats of a branch anew before it starts: a new
// game from the start of a turn of a saved one, written as a new save
// that says where it came from. Each seat starts as it was played; a
// person may take an AI's seat, an AI a person's, or another personality
// or level an AI's.
type branchModel struct {
	env   *env
	w, h  int
	save  *saves.Save
	turn  int
	specs []ai.PlayerSpec
	// options are the players each seat may be given, its own first.
	options [][]string
	sel     int
}

func newBranch(e *env) *branchModel { return &branchModel{env: e} }

func (b *branchModel) SetSize(w, h int) { b.w, b.h = w, h }

func (b *branchModel) open(a action) {
	if a.replay == nil {
		return
	}
	b.save, b.turn, b.sel = a.replay, a.turn, 0
	b.specs = make([]ai.PlayerSpec, len(a.replay.Seats))
	b.options = make([][]string, len(a.replay.Seats))
	for i, seat := range a.replay.Seats {
		p, err := ai.ParsePlayer(seat.Player)
		if err != nil {
			p = DefaultPlayer()
		}
		b.specs[i] = p
		// The seat's own player, then a person (one key away), then
		// every personality.
		opts := []string{optionName(p)}
		for _, o := range append([]string{ai.HumanPlayer}, Personalities()...) {
			if !slices.Contains(opts, o) {
				opts = append(opts, o)
			}
		}
		b.options[i] = opts
	}
}

func (b *branchModel) Keys() keyMap {
	k := &b.env.keys
	return newKeyMap([]key.Binding{withHelp(k.Up, "↑↓", "seat"), withHelp(k.Left, "←→", "player"), withHelp(k.Difficulty, "d", "level"),
		withHelp(k.Enter, "enter", "start the branch"), withHelp(k.Back, "esc", "back to the replay")})
}

// optionName is a seat's player as the options name it.
func optionName(p ai.PlayerSpec) string {
	if p.Human {
		return ai.HumanPlayer
	}
	return p.Player
}

func (b *branchModel) Update(msg tea.KeyPressMsg) action {
	k := &b.env.keys
	if b.save == nil {
		return show(scrTitle)
	}
	n := len(b.specs)
	switch {
	case key.Matches(msg, k.Back):
		return show(scrReplay)
	case key.Matches(msg, k.Up):
		b.sel = (b.sel + n - 1) % n
	case key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
		b.sel = (b.sel + 1) % n
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right):
		opts := b.options[b.sel]
		d := 1
		if key.Matches(msg, k.Left) {
			d = len(opts) - 1
		}
		next := opts[(max(0, slices.Index(opts, optionName(b.specs[b.sel])))+d)%len(opts)]
		level := b.specs[b.sel].Difficulty
		b.specs[b.sel] = ai.PlayerSpec{Human: next == ai.HumanPlayer}
		if next != ai.HumanPlayer {
			b.specs[b.sel].Player = next
			if hasLevel(b.specs[b.sel]) {
				b.specs[b.sel].Difficulty = level
			}
		}
	case key.Matches(msg, k.Difficulty):
		p := &b.specs[b.sel]
		if !hasLevel(*p) {
			return errorf("only a personality has a level")
		}
		i := slices.Index(Difficulties, p.Difficulty)
		if i < 0 {
			i = slices.Index(Difficulties, "normal")
		}
		p.Difficulty = Difficulties[(i+1)%len(Difficulties)]
	case key.Matches(msg, k.Enter):
		if !slices.ContainsFunc(b.specs, func(p ai.PlayerSpec) bool { return p.Human }) {
			return errorf("give at least one seat to a person (←→ on a seat: human)")
		}
		s, turn, specs := b.save, b.turn, slices.Clone(b.specs)
		return action{kind: actStart, load: func() (GameSpec, error) { return BranchSpec(s, turn, specs) }}
	}
	return action{}
}

func (b *branchModel) View() string {
	st := &b.env.st
	if b.save == nil {
		return ""
	}
	w := min(72, b.w-4)
	var sb strings.Builder
	sb.WriteString(wrap(fmt.Sprintf("A new game of %s from the start of turn %d, as it was played up to there. Give each seat its player: ←→ changes it, d its level. It is saved as a new game that says where it branched from.", b.save.Copy.ID, b.turn), w-4) + "\n\n")
	for i, seat := range b.save.Seats {
		who := b.specs[i].String()
		if b.specs[i].Human {
			who = "a person (you)"
		}
		was := ""
		if b.specs[i].String() != seat.Player {
			was = st.Subtle.Render("  (was " + seat.Player + ")")
		}
		line := padRight(seat.Seat, 12) + " " + who
		if i == b.sel {
			line = st.Selected.Render("▸ " + line)
		} else {
			line = "  " + line
		}
		sb.WriteString(fit(line+was, w-4) + "\n")
	}
	body := strings.TrimRight(sb.String(), "\n")
	return lipgloss.Place(b.w, b.h, lipgloss.Center, lipgloss.Center, st.panel("Branch from turn "+fmt.Sprint(b.turn), body, w, strings.Count(body, "\n")+3, true))
}

// hasLevel reports whether a player is played at a level: a personality
// is; a person, a playbook and a built-in player are not.
func hasLevel(p ai.PlayerSpec) bool {
	_, builtin := ai.Builtin(p.Player)
	return !p.Human && !p.IsPlaybook() && !builtin
}
