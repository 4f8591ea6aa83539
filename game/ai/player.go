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

// An Answerer is a player that, during negotiation, only answers: the
// proposals made to it and, if it is a Listener, the messages written to
// it. It never proposes or withdraws, and writes only replies. A driver
// may then build its view only when a proposal awaits its answer or a
// message reaches it, which in a game without either is never.
type Answerer interface {
	Player
	OnlyAnswers()
}

// A Listener is a player that answers the messages written to it. In
// negotiation a driver asks it again when a message reaches its seat,
// even when it owes nothing (it may have said it is ready), so that it
// answers in the same phase.
type Listener interface {
	Player
	Listens()
}

// A Checked player gives only commands that were checked against the
// scenario before the game began (a playbook's orders). The engine refusing
// one of them means the check missed something, so a driver stops with an
// error instead of counting the refusal and going on.
type Checked interface {
	Player
	CheckedCommands()
}
