package debrief

import "github.com/chokepoint-game/chokepoint/game"

// FromLog replays a game's log on its scenario and records it as viewer
// sees it: the input of an after-action report, which is written from
// the facilitator's view (every deal, message and secret objective, and
// no order before it is resolved). The scenario must be the log's.
func FromLog(sc *game.Scenario, log game.Log, viewer int) (Input, error) {
	if sc.ID != log.Scenario {
		_, err := game.Replay(sc, log, nil) // says why, in the engine's words
		return Input{}, err
	}
	st, err := game.NewGame(sc, log.Seed)
	if err != nil {
		return Input{}, err
	}
	var rec Recorder
	v := game.ViewFor(st, viewer)
	rec.Observe(&v, nil)
	for i, c := range log.Commands {
		next, evs, err := game.Apply(st, c)
		if err != nil {
			return Input{}, &game.ReplayError{Index: i, Err: err}
		}
		// A view is made only when the command may have changed what the
		// recorder keeps of it: the deals (a proposal, an answer, a
		// withdrawal, a facilitator's command, the end of a phase) or the
		// turn and phase. After any other command (ready, orders, a
		// message) the last view still stands and only its events are new.
		if changesViews(c.Kind) || next.Phase != st.Phase || next.Turn != st.Turn || i == len(log.Commands)-1 {
			v = game.ViewFor(next, viewer)
		}
		// Closing the events phase is routine (the simulator and a table
		// without a facilitator do it every turn); closing any other
		// phase early is the facilitator's, or the clock's, decision.
		if c.Kind == game.CmdAdvance && st.Phase != game.Events && st.Phase != game.Setup {
			rec.Advanced(st.Turn, st.Phase)
		}
		st = next
		rec.Observe(&v, evs)
		if c.Kind == game.CmdChat && len(st.Chat) > 0 {
			rec.Said(st.Chat[len(st.Chat)-1], viewer)
		}
	}
	return rec.Input(), nil
}

func changesViews(k game.CommandKind) bool {
	return k == game.CmdPropose || k == game.CmdRespond || k == game.CmdWithdraw || k.Facilitator()
}
