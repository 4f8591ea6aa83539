package ai

import "github.com/chokepoint-game/chokepoint/game"

// playbookPlayer plays a compiled playbook. It keeps no memory of its own,
// so every game may share one.
type playbookPlayer script

// Name is how the command line named the playbook.
func (p *playbookPlayer) Name() string { return p.name }

// Idle: a playbook answers proposals in negotiation and submits orders on
// the turns some rule covers; it has nothing to do otherwise.
func (p *playbookPlayer) Idle(phase game.Phase, turn int) bool {
	switch phase {
	case game.Negotiation:
		return false
	case game.Orders:
		return turn < 1 || turn > len(p.orders) || len(p.orders[turn-1]) == 0
	}
	return true
}

// OnlyAnswers marks a playbook as an Answerer.
func (p *playbookPlayer) OnlyAnswers() {}

// CheckedCommands marks a playbook as Checked: its orders were checked by
// Compile.
func (p *playbookPlayer) CheckedCommands() {}

// Act submits the turn's orders, or answers the proposals awaiting the
// seat. Orders are submitted every turn a rule covers, not only when they
// change, because an event may have moved the policy in force.
func (p *playbookPlayer) Act(v *game.View) []game.Command {
	if v.Viewer != p.seat {
		return nil
	}
	switch v.Phase {
	case game.Orders:
		if v.Turn < 1 || v.Turn > len(p.orders) || len(p.orders[v.Turn-1]) == 0 {
			return nil
		}
		// The orders slice is shared by every game and never written.
		return []game.Command{{Kind: game.CmdSubmit, Seat: p.seatID, Orders: p.orders[v.Turn-1]}}
	case game.Negotiation:
		return p.answer(v)
	}
	return nil
}

// answer decides every proposal awaiting the seat. Accepting a deal that
// binds the seat costs political capital, and the engine refuses such an
// acceptance from a seat with none; so the player accepts at most one
// such deal per call, answers the rest on a later call when it sees what
// the first one cost, and rejects what it could not pay for.
func (p *playbookPlayer) answer(v *game.View) []game.Command {
	var out []game.Command
	capital := v.Seats[p.seat].Ind[game.Capital]
	committed := false
	for i := range v.Deals {
		d := &v.Deals[i]
		if !d.Awaits(p.seat) {
			continue
		}
		a := p.decide(v, d)
		if a == game.Accept && d.Commits(p.seat) {
			switch {
			case capital <= 0 && v.Scenario.Rules.ConcessionCapital > 0:
				a = game.Reject
			case committed:
				continue
			default:
				committed = true
			}
		}
		out = append(out, game.Command{Kind: game.CmdRespond, Seat: p.seatID, Deal: d.ID, Answer: a})
	}
	return out
}

// decide applies the first matching answer rule; no match is a no.
func (p *playbookPlayer) decide(v *game.View, d *game.Deal) game.Answer {
	for i := range p.rules {
		if p.rules[i].matches(v, d, p.seat) {
			return p.rules[i].answer
		}
	}
	return game.Reject
}

func (r *answerRule) matches(v *game.View, d *game.Deal, me int) bool {
	if r.from != 0 && !r.from.Has(d.Proposer) {
		return false
	}
	if r.maxClauses != nil && len(d.Clauses) > *r.maxClauses {
		return false
	}
	if r.notLever != 0 {
		for _, c := range d.Clauses {
			if c.Actor == me && r.notLever&(1<<uint(c.Lever)) != 0 {
				return false
			}
		}
	}
	if d.Proposer >= 0 && d.Proposer < len(v.Seats) {
		if r.minTrust != nil && v.Seats[me].Trust[d.Proposer] < *r.minTrust {
			return false
		}
		if r.maxBreaches != nil && v.Seats[d.Proposer].Breaches > *r.maxBreaches {
			return false
		}
	}
	return true
}
