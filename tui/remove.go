package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

// openRemove asks which person's session to close, from the server's
// roster: the console's x in a served game.
func (c *consoleModel) openRemove(v *game.View) action {
	type person struct {
		seat int // -1: the facilitator's console
		name string
	}
	var people []person
	var labels []string
	r := &c.env.roster
	for i, names := range r.Seats {
		for _, n := range names {
			people = append(people, person{i, n})
			labels = append(labels, n+" · "+v.Scenario.Tag(i))
		}
	}
	for _, n := range r.Facilitator {
		people = append(people, person{-1, n})
		labels = append(labels, n+" · console")
	}
	if len(people) == 0 {
		return errorf("no one has joined a seat")
	}
	f := &consoleForm{title: "Remove a person's session",
		note: "Their terminal closes. Their code still works: to keep someone out, hand the seat to an AI or start a new game."}
	who := f.addChoice("person", labels, 0)
	remove, gen := c.env.sess.remove, c.env.sess.gen
	f.submit = func() action {
		p := people[who.pick]
		return action{kind: actNotice, text: "closing " + p.name + "'s session", then: func() tea.Msg {
			return doneMsg{gen: gen, err: remove(p.seat, p.name)}
		}}
	}
	return c.open(f)
}
