package ai

import "github.com/chokepoint-game/chokepoint/game"

// Passive keeps its seat's starting policy and rejects every proposal made
// to it: the baseline an analyst compares other strategies with. It holds
// no state, so one value serves every seat of every game.
type Passive struct{}

// Name is the name a command line uses for it.
func (Passive) Name() string { return "passive" }

// Idle: a passive seat has something to do only when a proposal awaits
// its answer, which happens in negotiation.
func (Passive) Idle(phase game.Phase, _ int) bool { return phase != game.Negotiation }

// OnlyAnswers marks Passive as an Answerer.
func (Passive) OnlyAnswers() {}

// Act rejects every proposal awaiting the seat's answer.
func (Passive) Act(v *game.View) []game.Command {
	if v.Phase != game.Negotiation || v.Viewer < 0 {
		return nil
	}
	var out []game.Command
	seat := v.SeatID(v.Viewer)
	for i := range v.Deals {
		if v.Deals[i].Awaits(v.Viewer) {
			out = append(out, game.Command{Kind: game.CmdRespond, Seat: seat, Deal: v.Deals[i].ID, Answer: game.Reject})
		}
	}
	return out
}
