// Package ai holds the players that decide for a seat without a human: the
// built-in ones and playbooks, scripts that fix a seat's orders turn by
// turn. A player sees the game only through its seat's view.
package ai

import "github.com/chokepoint-game/chokepoint/game"

// A Player decides for one seat from that seat's view alone.
type Player interface {
	Name() string
	// Idle reports whether the player has nothing to do in this phase of this turn,
	// so the simulator can skip building its view (views cost allocations).
	Idle(phase game.Phase, turn int) bool
	// Act returns the commands the seat gives now. It sees only its own view.
	Act(v *game.View) []game.Command
}

// An Answerer is a player that, during negotiation, only answers the
// proposals made to it: it never proposes, withdraws or writes. A driver
// may then build its view only when a proposal awaits its answer, which
// in a game without proposals is never.
type Answerer interface {
	Player
	OnlyAnswers()
}

// A Checked player gives only commands that were checked against the
// scenario before the game began (a playbook's orders). The engine refusing
// one of them means the check missed something, so a driver stops with an
// error instead of counting the refusal and going on.
type Checked interface {
	Player
	CheckedCommands()
}
