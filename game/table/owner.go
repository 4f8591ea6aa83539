package table

import (
	"fmt"
	"time"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/drive"
)

// owner is the table's goroutine: the only code that reads or writes the
// state. Everything it hands out (views, journals) is a value or never
// written again.
type owner struct {
	t       *Table
	st      game.State
	players []ai.Player
	noClock bool
	// drive finds the AI seat to ask next; the rules of who owes what are
	// the engine's.
	drive *drive.Driver
	// log is every command the engine accepted, the facilitator's and the
	// table's own included: the game, with its scenario and seed; marks
	// hold the state's hash after every change of phase.
	log   []game.Command
	marks []Mark
	// facilitated: a person reveals the secret objectives; otherwise the
	// table does at the end.
	facilitated bool
	// humans are the seats played by people; briefed holds those whose
	// briefing has been read: the negotiation clock waits for all of them.
	humans  game.SeatSet
	briefed game.SeatSet
	// lobby: the facilitator starts the game.
	lobby bool
	// pace is how long an AI seat waits before it decides.
	pace time.Duration
	// autosave receives the game after every change of phase, through a
	// goroutine that keeps only the latest record.
	autosave func(Record)
	saves    chan Record
	// replaying: a resumed game's log is being applied, so the table adds
	// no commands of its own.
	replaying bool

	subs   []*Seat
	feeds  map[int]*feed
	events []game.Event // every event of the game, to catch a new feed up
	// dealLists holds every list of deals the game has had, in order: a
	// new feed replays them, as a feed that saw the game from its start
	// noted them, so that a deal closed before it joined is in its
	// journal too. The lists are the states' own: never written to.
	dealLists [][]game.Deal
	notes     []Note
	turns     []TurnRecord

	// The negotiation clock (clock.go): the turn it was armed for, its
	// generation (a tick of an older generation is stale), its deadline
	// while it runs, what was left when it was paused, and its stop.
	clockTurn int
	clockGen  int
	deadline  time.Time
	left      time.Duration
	stopClock func() bool

	// AI seats are asked one at a time in a worker goroutine, so a slow
	// player never stops the table from answering people.
	jobs     chan job
	results  chan result
	busy     int // the seat being asked, or -1
	thinking game.SeatSet
	lastErr  error
}

type job struct {
	seat   int
	player ai.Player
	view   game.View
}

type result struct {
	job  job
	cmds []game.Command
	err  error
}

// start replays a game to carry on, or starts a new one.
func (o *owner) start(resume []game.Command) error {
	o.busy = -1
	o.drive = drive.New(o.players)
	o.turns = append(o.turns, record(&o.st))
	if len(resume) == 0 {
		if o.lobby {
			return nil
		}
		return o.facilitate(game.CmdStart)
	}
	o.replaying = true
	defer func() { o.replaying = false }()
	r := &rehearsal{burst: -1}
	for i, c := range resume {
		o.rehearse(r, &resume[i])
		if err := o.apply(c); err != nil {
			return &ConfigError{fmt.Sprintf("the game to resume cannot be replayed: command %d (%s by %s): %v", i+1, c.Kind, c.Seat, err)}
		}
		o.rehearsed(r, c)
	}
	o.rehearse(r, nil)
	return nil
}

func (o *owner) loop() {
	o.jobs = make(chan job)
	o.results = make(chan result, 1)
	workerDone := make(chan struct{})
	go o.worker(workerDone)
	saverDone := make(chan struct{})
	if o.autosave != nil {
		o.saves = make(chan Record, 1)
		go o.saver(saverDone)
	} else {
		close(saverDone)
	}
	defer func() {
		if o.saves != nil {
			close(o.saves)
		}
		<-saverDone
		if o.stopClock != nil {
			o.stopClock()
		}
		close(o.jobs)
		<-workerDone
		for _, s := range o.subs {
			close(s.ch)
		}
		close(o.t.done)
	}()
	o.pump()
	o.broadcast()
	for {
		select {
		case <-o.t.quit:
			return
		case r := <-o.t.reqs:
			o.handle(r)
		case res := <-o.results:
			o.busy = -1
			o.thinking = 0
			o.acted(res)
		}
		o.pump()
		o.broadcast()
	}
}

// saver hands records to the autosave function one at a time; the
// channel holds only the latest, so a slow save skips to the present.
func (o *owner) saver(done chan struct{}) {
	defer close(done)
	for r := range o.saves {
		o.autosave(r)
	}
}

// save queues the game for the saver, replacing an older record not yet
// taken.
func (o *owner) save() {
	if o.saves == nil {
		return
	}
	r := o.record()
	select {
	case o.saves <- r:
	default:
		select {
		case <-o.saves:
		default:
		}
		o.saves <- r
	}
}

// record is the game so far; its slices are cut to their length, so the
// owner's later appends never write into them.
func (o *owner) record() Record {
	return Record{
		Log:   game.Log{Scenario: o.t.scenario.ID, Seed: o.st.Seed, Commands: o.log[:len(o.log):len(o.log)]},
		Marks: o.marks[:len(o.marks):len(o.marks)],
		Phase: o.st.Phase, Turn: o.st.Turn,
	}
}

func (o *owner) worker(done chan struct{}) {
	defer close(done)
	for j := range o.jobs {
		if o.pace > 0 && !o.waitPace() {
			return
		}
		res := result{job: j}
		func() {
			defer func() {
				if r := recover(); r != nil {
					res.err = fmt.Errorf("the %s player of %s failed: %v", j.player.Name(), j.view.SeatID(j.seat), r)
				}
			}()
			res.cmds = j.player.Act(&j.view)
		}()
		select {
		case o.results <- res:
		case <-o.t.quit:
			return
		}
	}
}

// waitPace waits the pace on the table's clock; false when the table
// closes meanwhile.
func (o *owner) waitPace() bool {
	ch := make(chan struct{})
	stop := o.t.clock.AfterFunc(o.pace, func() { close(ch) })
	select {
	case <-ch:
		return true
	case <-o.t.quit:
		stop()
		return false
	}
}

func (o *owner) handle(r request) {
	switch {
	case r.sub != nil:
		o.subs = append(o.subs, r.sub)
		if _, ok := o.feeds[r.sub.viewer]; !ok {
			f := newFeed(r.sub.viewer)
			f.addEvents(o.events)
			for _, deals := range o.dealLists {
				f.noteDeals(game.VisibleDeals(deals, r.sub.viewer))
			}
			for _, n := range o.notes {
				if o.hears(n, r.sub.viewer) {
					f.notes = append(f.notes, n)
				}
			}
			o.feeds[r.sub.viewer] = f
		}
		o.sendTo(r.sub, nil)
		r.reply <- nil
	case r.unsub != nil:
		for k, s := range o.subs {
			if s == r.unsub {
				o.subs = append(o.subs[:k], o.subs[k+1:]...)
				close(s.ch)
				break
			}
		}
		r.reply <- nil
	case r.cmd != nil:
		r.reply <- o.apply(*r.cmd)
	case r.briefed != nil:
		o.briefed = o.briefed.With(r.briefed.viewer)
		o.armClock()
		r.reply <- nil
	case r.record != nil:
		r.record <- o.record()
		r.reply <- nil
	case r.setPlayer != nil:
		i, p := r.setPlayer.seat, r.setPlayer.player
		o.players[i] = p
		o.drive.SetPlayer(i, p)
		if p == nil {
			o.humans = o.humans.With(i)
		} else {
			o.humans = o.humans.Without(i)
		}
		o.armClock()
		r.reply <- nil
	default:
		if r.tick == o.clockGen && o.st.Phase == game.Negotiation && !o.st.Paused {
			_ = o.facilitate(game.CmdAdvance)
		}
	}
}

// apply applies one command and records what it caused.
func (o *owner) apply(c game.Command) error {
	st, evs, err := game.Apply(o.st, c)
	if err != nil {
		return err
	}
	phase, turn, deals := o.st.Phase, o.st.Turn, o.st.Deals
	o.st = st
	o.log = append(o.log, c)
	o.events = append(o.events, evs...)
	changed := st.Phase != phase || st.Turn != turn
	if changed {
		o.marks = append(o.marks, Mark{Command: len(o.log) - 1, Turn: st.Turn, Phase: st.Phase, Hash: game.Hash(st)})
	}
	o.clockAfter(evs)
	dealsMoved := !sameArray(deals, st.Deals)
	if dealsMoved {
		o.dealLists = append(o.dealLists, st.Deals)
	}
	for _, f := range o.feeds {
		f.addEvents(evs)
		// Every command's deals are noted, not only those a broadcast
		// shows: a deal breached in its last turn leaves the game with
		// the next command, and the journal must still say it broke.
		if dealsMoved {
			f.noteDeals(game.ViewFor(o.st, f.viewer).Deals)
		}
	}
	for i := range evs {
		if evs[i].Kind == game.EvResolved {
			o.turns = append(o.turns, record(&o.st))
			break
		}
	}
	if !changed || o.replaying {
		// A resumed game is saved already, up to here.
		return nil
	}
	if st.Phase == game.GameOver && !o.facilitated && !st.Revealed {
		// Without a facilitator, the debrief shows every seat's aims:
		// revealed after the events that ended the game, as a replay of
		// the log tells them.
		if err := o.apply(game.Command{Kind: game.CmdReveal, Seat: game.FacilitatorID}); err != nil {
			return err
		}
	}
	o.save()
	return nil
}

// sameArray reports whether two deal lists are one and the same array.
// Apply never writes into the state it was given: a command that changes
// any deal leaves a new array, so the same array means the same deals
// (and, since a deal's visibility is its own, the same deals in every
// view).
func sameArray(a, b []game.Deal) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func (o *owner) facilitate(kind game.CommandKind) error {
	return o.apply(game.Command{Kind: kind, Seat: game.FacilitatorID})
}

// pump moves the game along as far as it goes without people: it closes
// the events phase (its news shows during negotiation), closes the part
// of the phase of AI seats that have nothing to decide, and hands the
// next AI seat that must decide to the worker.
func (o *owner) pump() {
	for o.busy < 0 && o.st.Phase != game.GameOver && !o.st.Paused {
		if o.st.Phase == game.Events {
			if o.facilitate(game.CmdAdvance) != nil {
				return
			}
			continue
		}
		seat, ask := o.drive.Next(&o.st)
		if seat < 0 {
			return
		}
		if !ask {
			o.finish(seat)
			continue
		}
		o.busy = seat
		o.thinking = o.thinking.With(seat)
		o.jobs <- job{seat: seat, player: o.players[seat], view: game.ViewFor(o.st, seat)}
		return
	}
}

// acted applies what an AI seat decided, then finishes its part of the
// phase, unless the game moved on while it thought.
func (o *owner) acted(res result) {
	seat := res.job.seat
	v := &res.job.view
	if o.players[seat] != res.job.player {
		// The seat changed hands while its old player thought.
		return
	}
	if res.err != nil {
		o.lastErr = res.err
	}
	same := o.st.Phase == v.Phase && o.st.Turn == v.Turn && o.st.Round == v.Round
	var reasons []string
	if r, ok := o.players[seat].(reasoned); ok && res.err == nil {
		reasons = r.Reasons()
	}
	for k, c := range res.cmds {
		if err := o.drive.Check(&o.st, seat, c); err != nil {
			o.lastErr = err
			continue
		}
		err := o.apply(c)
		if err != nil && same {
			if _, checked := o.players[seat].(ai.Checked); checked {
				o.lastErr = fmt.Errorf("%s (%s) could not %s: %w", o.t.seats[seat], o.players[seat].Name(), c.Kind, err)
			}
		}
		if err == nil && c.Kind == game.CmdRespond && k < len(reasons) && reasons[k] != "" {
			o.note(Note{Turn: o.st.Turn, Seat: seat, Deal: c.Deal, Answer: c.Answer, Text: reasons[k]})
		}
	}
	if same {
		o.finish(seat)
	}
}

// reasoned is a player that explains each command of its last Act.
type reasoned interface{ Reasons() []string }

// note tells an AI's reason for an answer to the deal's parties (and the
// facilitator).
func (o *owner) note(n Note) {
	for i := range o.st.Deals {
		if o.st.Deals[i].ID == n.Deal {
			n.parties = o.st.Deals[i].Parties
		}
	}
	o.notes = append(o.notes, n)
	for viewer, f := range o.feeds {
		if o.hears(n, viewer) {
			f.notes = append(f.notes, n)
		}
	}
}

func (o *owner) hears(n Note, viewer int) bool {
	return n.parties.Has(viewer) || viewer == game.Facilitator || viewer == game.Omniscient
}

// finish closes an AI seat's part of the phase: ready in negotiation and
// the report, its orders unchanged if it submitted none.
func (o *owner) finish(seat int) {
	if c := o.drive.Finish(&o.st, seat); c != nil {
		_ = o.apply(*c)
	}
	o.drive.Done(seat, o.st.Seq)
}

// broadcast sends every subscriber its fresh update.
func (o *owner) broadcast() {
	views := map[int]*game.View{}
	for _, s := range o.subs {
		o.sendTo(s, views)
	}
	o.lastErr = nil
}

// sendTo sends one subscriber its update; views caches the views built
// in this broadcast, one per viewer.
func (o *owner) sendTo(s *Seat, views map[int]*game.View) {
	v, ok := views[s.viewer]
	if !ok {
		vv := game.ViewFor(o.st, s.viewer)
		v = &vv
		if views != nil {
			views[s.viewer] = v
		}
		o.feeds[s.viewer].noteDeals(v.Deals)
	}
	u := Update{
		View: *v, Journal: o.feeds[s.viewer].journal(o.turns), Humans: o.humans,
		Thinking: o.thinking, Deadline: o.deadline, ClockLeft: o.left, Now: o.t.clock.Now(), Err: o.lastErr,
	}
	// Keep only the latest: the table alone sends, so after taking the
	// stale update out the send cannot block.
	select {
	case s.ch <- u:
	default:
		select {
		case <-s.ch:
		default:
		}
		s.ch <- u
	}
}
