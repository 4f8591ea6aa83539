package game

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

func (a *applier) pause() error {
	if a.st.Paused {
		return a.fail(ErrPaused, "the game is already paused")
	}
	a.st.Paused = true
	a.emitPublic(EvPaused, -1)
	return nil
}

func (a *applier) resume() error {
	if !a.st.Paused {
		return a.fail(ErrNotPaused, "")
	}
	a.st.Paused = false
	a.emitPublic(EvResumed, -1)
	return nil
}

// inject fires a timeline or deck event now, or a custom event with the
// given title and effects.
func (a *applier) inject() error {
	sc := a.st.sc
	c := a.cmd
	if c.Event != "" {
		for k := range sc.Deck.Events {
			if sc.Deck.Events[k].ID == c.Event {
				a.fire(EvInjected, &sc.Deck.Events[k], &sc.ix.deck[k])
				return nil
			}
		}
		for k := range sc.Timeline {
			if sc.Timeline[k].ID == c.Event {
				a.fire(EvInjected, &sc.Timeline[k], &sc.ix.timeline[k])
				return nil
			}
		}
		return a.fail(ErrUnknownEvent, "%q", c.Event)
	}
	title := strings.TrimSpace(c.Text)
	if title == "" || utf8.RuneCountInString(title) > maxMessage || !utf8.ValidString(title) {
		return a.fail(ErrBadValue, "a custom event needs a title of at most %d characters", maxMessage)
	}
	if bad := safetext.Check(title, false); bad != nil {
		return a.fail(ErrBadValue, "the event's title %v", bad)
	}
	// A custom event's effects are checked like a scenario's.
	var p Problems
	v := validator{sc: sc, ix: sc.ix, p: &p}
	effects := make([]effectIndex, len(c.Effects))
	for k, f := range c.Effects {
		effects[k] = v.effect("effects["+strconv.Itoa(k)+"]", f)
	}
	if len(p.List()) > 0 {
		return a.fail(ErrBadValue, "%s", p.List()[0].Error())
	}
	a.emit(Event{Kind: EvInjected, Seat: -1, Title: title, Public: true})
	for k := range effects {
		a.effect(&effects[k])
	}
	return nil
}

func (a *applier) override() error {
	c := a.cmd
	i, ok := a.st.sc.ix.seat[c.Target]
	if !ok {
		return a.fail(ErrUnknownSeat, "%q", c.Target)
	}
	ind, ok := a.st.sc.ix.public.IndicatorIndex(c.Indicator)
	if !ok {
		return a.fail(ErrBadValue, "no indicator %q", c.Indicator)
	}
	spec := &a.st.sc.ix.indicators[ind]
	note := strings.TrimSpace(c.Text)
	if note == "" || utf8.RuneCountInString(note) > maxMessage || !utf8.ValidString(note) {
		return a.fail(ErrBadValue, "an override needs a note saying why")
	}
	if bad := safetext.Check(note, false); bad != nil {
		return a.fail(ErrBadValue, "the note %v", bad)
	}
	if math.IsNaN(c.Value) || math.IsInf(c.Value, 0) || spec.Clamp(c.Value) != c.Value || math.Abs(c.Value) > 1e6 {
		return a.fail(ErrBadValue, "%g is outside the range of %s", c.Value, spec.Name)
	}
	a.seats()[i].Ind[ind] = c.Value
	a.emit(Event{Kind: EvOverride, Seat: i, Indicator: ind, Value: c.Value, Text: note, Public: true})
	return nil
}

func (a *applier) setClock() error {
	v := a.cmd.Value
	if math.IsNaN(v) || v < 0 || v > 86400 || v != math.Trunc(v) {
		return a.fail(ErrBadValue, "the clock takes whole seconds from 0 to 86400")
	}
	a.st.Clock = int(v)
	a.emit(Event{Kind: EvClock, Seat: -1, Value: v, Public: true})
	return nil
}

// advance closes the present phase whoever is not ready: the table sends
// it when a clock runs out, a facilitator when the room has moved on.
// Seats that did not submit orders keep their policy.
func (a *applier) advance() error {
	if a.st.Phase == Setup {
		return a.start()
	}
	a.closePhase(true)
	return nil
}

func (a *applier) end() error {
	why := strings.TrimSpace(a.cmd.Text)
	if why == "" {
		why = "the facilitator ended the game"
	}
	if utf8.RuneCountInString(why) > maxMessage || !utf8.ValidString(why) {
		return a.fail(ErrBadValue, "the reason may have at most %d characters", maxMessage)
	}
	if bad := safetext.Check(why, false); bad != nil {
		return a.fail(ErrBadValue, "the reason %v", bad)
	}
	a.gameOver(why)
	return nil
}

// reveal shows every seat's secret objectives to everyone, as at a
// debrief. It may be given at any time, the end of the game included.
func (a *applier) reveal() error {
	if a.st.Revealed {
		return a.fail(ErrBadValue, "the secret objectives are already revealed")
	}
	a.st.Revealed = true
	a.emitPublic(EvRevealed, -1)
	return nil
}

// maxPlayer bounds the name of who plays a seat: "human", or a player
// in the grammar of play and sim (hawk@hard, playbook:embargo).
const maxPlayer = 80

// player records that the facilitator handed a seat to people or to an
// AI. The table makes the switch; the engine keeps it in the log, so a
// replay and the report show who played each seat when, and tells every
// seat that the seat changed hands (not which AI: its name would say
// how it plays).
func (a *applier) player() error {
	c := a.cmd
	i, ok := a.st.sc.ix.seat[c.Target]
	if !ok {
		return a.fail(ErrUnknownSeat, "%q", c.Target)
	}
	who := strings.TrimSpace(c.Text)
	if who == "" || utf8.RuneCountInString(who) > maxPlayer || !utf8.ValidString(who) {
		return a.fail(ErrBadValue, "a seat's player is human or an AI's name of at most %d characters", maxPlayer)
	}
	if bad := safetext.Check(who, false); bad != nil {
		return a.fail(ErrBadValue, "the player %v", bad)
	}
	ref := "ai"
	if who == "human" {
		ref = "people"
	}
	a.emit(Event{Kind: EvPlayer, Seat: i, Ref: ref, Public: true})
	return nil
}
