package ai

import (
	"math/rand/v2"

	"github.com/chokepoint-game/chokepoint/game"
)

// Scripted is an AI opponent: a personality played at a difficulty for
// one seat of one game. It decides from its seat's view alone; what it
// remembers (last moves, breaches, grudges, rejected proposals) it learned
// from earlier views. Its only randomness is its own generator, seeded
// from the game's seed and its seat, so a game replays exactly.
type Scripted struct {
	name string
	p    *Personality
	d    Difficulty
	k    *knowledge
	rng  *rand.Rand
	mem  memory
	// beliefs is what the seat believes of each other seat, refitted
	// each turn (normal and hard).
	beliefs []belief
	// reasons holds one line per command of the last Act, in order.
	reasons []string
	// dealBase is hard's play-outs without a new deal, shared by every
	// deal it values in one decision (see dealsearch.go).
	dealBase *dealBaseline
	// lex is the vocabulary it reads messages with, built at the first
	// message.
	lex *lexicon
}

// An Explainer says why it gave each command of its last Act, one short
// line per command, in the same order: what a table shows a player beside
// an AI's answer, proposal or orders. A proposal also carries its line in
// its note.
type Explainer interface {
	Player
	Reasons() []string
}

// scriptedAnswerer is a Scripted player whose personality never proposes:
// in negotiation it only answers, so a driver need not ask it otherwise.
type scriptedAnswerer struct{ *Scripted }

// OnlyAnswers marks the player as an Answerer.
func (scriptedAnswerer) OnlyAnswers() {}

// seedSalt keeps the players' generators apart from the engine's, which
// is seeded from the same game seed.
const seedSalt = 0x9e3779b97f4a7c15

// NewScripted makes the player of personality p at difficulty d for seat
// of a scenario, knowing only its public part, with its generator seeded
// from the game's seed and the seat. name is how results call it. The
// personality must have passed Validate; it is never written.
func NewScripted(ps *game.PublicScenario, seat int, p *Personality, d Difficulty, gameSeed uint64, name string) Player {
	s := &Scripted{
		name: name, p: p, d: d, k: newKnowledge(ps, seat, p),
		rng: rand.New(rand.NewPCG(gameSeed^seedSalt, uint64(seat)+1)),
	}
	s.mem.init(len(ps.Seats))
	s.beliefs = make([]belief, len(ps.Seats))
	if !p.Deals.Propose {
		return scriptedAnswerer{s}
	}
	return s
}

// Name is how results call the player.
func (s *Scripted) Name() string { return s.name }

// Reasons explains the commands of the last Act.
func (s *Scripted) Reasons() []string { return s.reasons }

// Idle: the player negotiates and gives orders; in events and reports it
// has nothing to decide. Asked anyway, it says it is ready, so that no
// phase waits for it.
func (s *Scripted) Idle(phase game.Phase, _ int) bool {
	return phase != game.Negotiation && phase != game.Orders
}

// Act returns the seat's commands for the phase its view shows, each
// with its reason in Reasons.
func (s *Scripted) Act(v *game.View) []game.Command {
	s.reasons = s.reasons[:0]
	s.dealBase = nil
	if v.Viewer != s.k.me || v.Phase == game.GameOver || v.Paused {
		return nil
	}
	s.observe(v)
	switch v.Phase {
	case game.Negotiation:
		return s.negotiate(v)
	case game.Orders:
		if v.Seats[s.k.me].Submitted {
			return nil
		}
		return s.orders(v)
	case game.Events, game.Report:
		if !v.Seats[s.k.me].Ready {
			return []game.Command{s.ready("We are ready.")}
		}
	}
	return nil
}

func (s *Scripted) ready(reason string) game.Command {
	s.reasons = append(s.reasons, reason)
	return game.Command{Kind: game.CmdReady, Seat: s.k.seatID}
}
