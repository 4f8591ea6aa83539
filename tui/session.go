package tui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/table"
	"github.com/chokepoint-game/chokepoint/report"
	"github.com/chokepoint-game/chokepoint/saves"
)

// session is the interface's side of a running game: the table and a
// subscription per human seat at this keyboard. It never holds the
// game's state, only the updates the table sent.
type session struct {
	gen   int // tells this session's messages from an older one's
	table *table.Table
	// owned: the interface opened the table and closes it; a joined
	// table (a server's) is only left.
	owned  bool
	public *game.PublicScenario // what every seat knows: names before the first view
	// seats holds a subscription per viewer: the human seats at this
	// keyboard, or the facilitator and the spectator, or the spectator.
	seats   map[int]*table.Seat
	viewers []int
	humans  []int
	latest  map[int]*table.Update
	// by is the person at this terminal, given with every command.
	by string
	// newPlayer makes an AI for a seat, for the facilitator's switch
	// from people to an AI; nil when the scenario is not at hand.
	newPlayer func(seat int, spec ai.PlayerSpec) (ai.Player, error)
	// For the save the console writes: the scenario's text, who plays
	// each seat, and a server's own way to write it (Join.Report).
	src    *content.Source
	specs  []ai.PlayerSpec
	seed   uint64
	report func(context.Context) (string, error)
	// remove closes a person's sessions at a served table (Join.Remove).
	remove func(seat int, name string) error
	// keeper saves the game (nil when the interface has no store, or
	// the table is a server's); saved carries its autosave reports to
	// the model.
	keeper *saves.Keeper
	saved  chan savedReport
	// resumed: the game was carried on from a save, so its players have
	// read their briefings already.
	resumed bool
}

// Messages between the session and the model.
type (
	startedMsg struct {
		sess *session
		err  error
	}
	updateMsg struct {
		gen, seat int
		u         table.Update
		ok        bool
	}
	doneMsg struct {
		gen  int
		kind game.CommandKind
		err  error
		// auto marks a command of a run of rounds, given in turn.
		auto bool
		turn int
	}
)

// openSession starts a table for the spec and joins every human seat. It
// runs in a tea.Cmd.
func openSession(gen int, spec GameSpec, role Role, clock table.Clock, store *saves.Store) (*session, error) {
	sc := spec.Scenario
	if len(spec.Seats) != len(sc.Seats) {
		return nil, errors.New("one player per seat is needed")
	}
	players := make([]ai.Player, len(sc.Seats))
	var humans []int
	r := content.NewPlayers(sc)
	for i, s := range spec.Seats {
		if s.Human {
			humans = append(humans, i)
			continue
		}
		mk, _, err := r.Player(i, s, ai.Normal)
		if err != nil {
			return nil, err
		}
		players[i] = mk(spec.Seed)
	}
	switch {
	case role == RoleProjector:
		return nil, errors.New("the projector shows a served game (chokepoint serve); at one terminal, the facilitator's console previews it")
	case role == RoleSeat && len(humans) == 0:
		return nil, errors.New("at least one seat must be played by a person")
	}
	cfg := table.Config{Scenario: sc, Seed: spec.Seed, Players: players, Clock: clock, NoClock: spec.clockOff(len(humans)), Pace: spec.Pace}
	if role == RoleFacilitator {
		// The facilitator runs the clock (c sets it, 0 stops it): it is
		// off only when asked.
		cfg.Lobby, cfg.Facilitated, cfg.NoClock = true, true, spec.NoClock
	}
	save := spec.Save
	if save != nil {
		if save.Scenario() != sc || save.Seed != spec.Seed {
			return nil, errors.New("the save is of another game")
		}
		cfg.Resume = save.Commands
	}
	var keeper *saves.Keeper
	var saved chan savedReport
	if store != nil {
		if save == nil {
			src := spec.Source
			if src == nil {
				var err error
				if src, err = content.GetSource(sc.ID); err != nil {
					return nil, err
				}
			}
			var err error
			if save, err = saves.New(src, spec.Seed, SaveSeats(sc, spec.Seats)); err != nil {
				return nil, err
			}
		}
		saved = make(chan savedReport, 1)
		keeper = store.Keeper(save, func(path string, err error) { sendLatest(saved, savedReport{path: path, err: err}) })
		cfg.Autosave = keeper.Autosave
	}
	// Read before the table opens: from then on its saver goroutine
	// records into the same save.
	resumed := spec.Save != nil && len(spec.Save.Commands) > 0
	t, err := table.Open(cfg)
	if err != nil {
		return nil, err
	}
	s := newSession(gen, t, sc, spec.Seed, "")
	s.owned = true
	s.humans = humans
	s.src, s.specs = spec.Source, slices.Clone(spec.Seats)
	s.keeper, s.saved = keeper, saved
	s.resumed = resumed
	// The game is on disk from its first moment: a new game, a branch
	// (a new save that says where it came from), or a loaded one.
	s.flush()
	if err := s.join(role, humans); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

// newSession is a session of a table, not yet subscribed.
func newSession(gen int, t *table.Table, sc *game.Scenario, seed uint64, by string) *session {
	s := &session{gen: gen, table: t, seats: map[int]*table.Seat{}, latest: map[int]*table.Update{}, by: by, seed: seed}
	if sc != nil {
		s.public = sc.Public()
		var mu sync.Mutex
		r := content.NewPlayers(sc)
		switches := uint64(0)
		s.newPlayer = func(seat int, spec ai.PlayerSpec) (ai.Player, error) {
			// Players are made in commands (a personality may be a file
			// to read), one at a time.
			mu.Lock()
			defer mu.Unlock()
			mk, _, err := r.Player(seat, spec, ai.Normal)
			if err != nil {
				return nil, err
			}
			// A new player for each switch, seeded apart from the game's
			// first players.
			switches++
			return mk(seed + uint64(seat+1)*1_000_003 + switches), nil
		}
	}
	return s
}

// join subscribes the viewers a role needs: the human seats, or the
// facilitator with the spectator (the console previews the projector),
// or the spectator.
func (s *session) join(role Role, humans []int) error {
	viewers := humans
	switch role {
	case RoleFacilitator:
		// The seats played at this keyboard too: the facilitator hands
		// it to them (hot seat).
		viewers = append([]int{game.Facilitator, game.Spectator}, humans...)
	case RoleProjector:
		viewers = []int{game.Spectator}
	}
	for _, v := range viewers {
		seat, err := s.table.Join(v)
		if err != nil {
			s.leave()
			return err
		}
		s.seats[v] = seat
		s.viewers = append(s.viewers, v)
	}
	return nil
}

// joinSession attaches to a table someone else runs, as the role says.
func joinSession(gen int, j *Join, role Role) (*session, error) {
	if j.Table == nil {
		return nil, errors.New("no table to join")
	}
	s := newSession(gen, j.Table, j.Scenario, j.Seed, j.Name)
	s.report = j.Report
	s.remove = j.Remove
	s.specs = slices.Clone(j.Players)
	var humans []int
	if role == RoleSeat {
		humans = []int{j.Seat}
		s.humans = humans
	}
	if err := s.join(role, humans); err != nil {
		return nil, err
	}
	return s, nil
}

func joinCmd(gen int, j *Join, role Role) tea.Cmd {
	return func() tea.Msg {
		s, err := joinSession(gen, j, role)
		return startedMsg{s, err}
	}
}

func startCmd(gen int, load func() (GameSpec, error), role Role, clock table.Clock, store *saves.Store) tea.Cmd {
	return func() tea.Msg {
		spec, err := load()
		if err != nil {
			return startedMsg{nil, err}
		}
		s, err := openSession(gen, spec, role, clock, store)
		return startedMsg{s, err}
	}
}

// waits returns a command per subscription that waits for its next
// update.
func (s *session) waits() tea.Cmd {
	var cmds []tea.Cmd
	for _, h := range s.viewers {
		cmds = append(cmds, s.wait(h))
	}
	return tea.Batch(cmds...)
}

func (s *session) wait(seat int) tea.Cmd {
	ch, gen := s.seats[seat].Updates(), s.gen
	return func() tea.Msg {
		u, ok := <-ch
		return updateMsg{gen: gen, seat: seat, u: u, ok: ok}
	}
}

// do gives a command as a seat, in a tea.Cmd: the table may be busy.
func (s *session) do(seat int, c game.Command) tea.Cmd {
	ts, gen := s.seats[seat], s.gen
	if c.By == "" {
		c.By = s.by
	}
	return func() tea.Msg {
		return doneMsg{gen: gen, kind: c.Kind, err: ts.Do(context.Background(), c)}
	}
}

// doAuto gives a command of a run of rounds, in a tea.Cmd.
func (s *session) doAuto(seat int, c game.Command, turn int) tea.Cmd {
	ts, gen := s.seats[seat], s.gen
	return func() tea.Msg {
		return doneMsg{gen: gen, kind: c.Kind, err: ts.Do(context.Background(), c), auto: true, turn: turn}
	}
}

// briefed tells the table a seat's briefing was read, in a tea.Cmd: the
// negotiation clock waits for every person's.
func (s *session) briefed(seat int) tea.Cmd {
	ts, gen := s.seats[seat], s.gen
	return func() tea.Msg {
		return doneMsg{gen: gen, kind: game.CmdReady, err: ts.Briefed(context.Background())}
	}
}

// setPlayer hands a seat to an AI, or with a human spec to people, in
// a tea.Cmd: the facilitator's switch.
func (s *session) setPlayer(seat int, spec ai.PlayerSpec) tea.Cmd {
	t, gen, newPlayer := s.table, s.gen, s.newPlayer
	if !spec.Human && newPlayer == nil {
		return func() tea.Msg {
			return doneMsg{gen: gen, err: errors.New("this terminal cannot make AI players for this game")}
		}
	}
	if seat >= 0 && seat < len(s.specs) {
		s.specs[seat] = spec
	}
	fac := s.seats[game.Facilitator]
	id := ""
	if s.public != nil && seat >= 0 && seat < len(s.public.Seats) {
		id = s.public.Seats[seat].ID
	}
	by := s.by
	return func() tea.Msg {
		var p ai.Player
		if !spec.Human {
			var err error
			if p, err = newPlayer(seat, spec); err != nil {
				return doneMsg{gen: gen, err: err}
			}
		}
		// The engine's command first: it is the log's record of the
		// switch, and refuses it when the game is over.
		if fac != nil {
			c := game.Command{Kind: game.CmdPlayer, Target: id, Text: spec.String(), By: by}
			if err := fac.Do(context.Background(), c); err != nil {
				return doneMsg{gen: gen, kind: c.Kind, err: err}
			}
		}
		return doneMsg{gen: gen, kind: game.CmdPlayer, err: t.SetPlayer(context.Background(), seat, p)}
	}
}

// reportMsg says where the game was saved for its report.
type reportMsg struct {
	gen  int
	text string
	path string // the report's file, when the console wrote it
	err  error
}

// writeReport saves the game so far for its after-action report, in a
// tea.Cmd: a server's own way when it gave one, else a named save in
// dir (the saves' default directory when "").
func (s *session) writeReport(dir string) tea.Cmd {
	gen := s.gen
	if s.report != nil {
		report := s.report
		return func() tea.Msg {
			text, err := report(context.Background())
			return reportMsg{gen: gen, text: text, err: err}
		}
	}
	t, src, specs, seed, public := s.table, s.src, slices.Clone(s.specs), s.seed, s.public
	if len(specs) == 0 && public != nil {
		// A joined table whose players were not given: people or an AI,
		// as the latest update says.
		var humans game.SeatSet
		for _, u := range s.latest {
			humans = u.Humans
		}
		for i := range public.Seats {
			sp := ai.PlayerSpec{Human: humans.Has(i)}
			if !sp.Human {
				sp.Player = "ai"
			}
			specs = append(specs, sp)
		}
	}
	return func() tea.Msg {
		path, err := saveForReport(t, src, specs, seed, public, dir)
		if err != nil {
			return reportMsg{gen: gen, err: err}
		}
		return reportMsg{gen: gen, text: "the after-action report is written", path: path}
	}
}

// saveForReport writes the table's game as a named save and its
// after-action report, one HTML page beside it, and returns the page's
// path.
func saveForReport(t *table.Table, src *content.Source, specs []ai.PlayerSpec, seed uint64, public *game.PublicScenario, dir string) (string, error) {
	if public == nil || len(specs) != len(public.Seats) {
		return "", errors.New("this terminal does not know who plays each seat")
	}
	if src == nil {
		var err error
		if src, err = content.GetSource(public.ID); err != nil {
			return "", err
		}
	}
	rec, err := t.Record(context.Background())
	if err != nil {
		return "", err
	}
	seats := make([]saves.Seat, len(specs))
	for i, sp := range specs {
		seats[i] = saves.Seat{Seat: public.Seats[i].ID, Player: sp.String()}
	}
	sv, err := saves.FromLog(src, rec.Log, seats)
	if err != nil {
		return "", err
	}
	store, err := saves.Open(dir)
	if err != nil {
		return "", err
	}
	path, err := store.SaveAs(sv, fmt.Sprintf("classroom %s seed %d", public.ID, seed), true)
	if err != nil {
		return "", err
	}
	r, err := report.FromSave(sv)
	if err != nil {
		return "", err
	}
	var page bytes.Buffer
	if err := r.Write(&page, report.HTML); err != nil {
		return "", err
	}
	html := strings.TrimSuffix(path, filepath.Ext(path)) + ".html"
	// Written whole or not at all, like a save: a temporary file renamed.
	tmp, err := os.CreateTemp(filepath.Dir(html), ".report-*.html")
	if err != nil {
		return "", err
	}
	_, werr := tmp.Write(page.Bytes())
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		_ = os.Remove(tmp.Name())
		return "", errors.Join(werr, cerr)
	}
	if err := os.Rename(tmp.Name(), html); err != nil {
		_ = os.Remove(tmp.Name())
		return "", err
	}
	return html, nil
}

// close ends the session: an owned table is saved as it stands (the last
// phase change may be some commands back) and closed, a joined one left.
func (s *session) close() {
	if s == nil || s.table == nil {
		return
	}
	if !s.owned {
		s.leave()
		return
	}
	s.flush()
	s.table.Close()
	if s.saved != nil {
		// The table's saver has stopped, and flush has returned: no
		// report can come after this.
		close(s.saved)
		s.saved = nil
	}
}

func (s *session) leave() {
	for _, v := range s.viewers {
		s.seats[v].Leave()
	}
	s.viewers = nil
}

// clockOff decides whether the negotiation clock runs: as asked, or by
// default off in the tutorial (a lesson is not a race) and in hot seat
// (one clock cannot be fair to players who take turns at the keyboard),
// and on otherwise when the scenario suggests one.
func (spec *GameSpec) clockOff(humans int) bool {
	switch {
	case spec.NoClock:
		return true
	case spec.Clock:
		return false
	}
	return humans > 1 || spec.Scenario.ID == TutorialID
}

// note keeps a seat's latest update.
func (s *session) note(seat int, u *table.Update) {
	s.latest[seat] = u
	if s.public == nil {
		s.public = u.View.Scenario
	}
}

// pending reports whether a human seat still owes something in the
// phase its latest update shows, by the engine's rule.
func (s *session) pending(seat int) bool {
	u := s.latest[seat]
	if u == nil {
		return false
	}
	return u.View.Owes(seat).Any()
}

// next is the human seat that should have the keyboard: the active one
// while it has something to do, else the next in seat order that has.
func (s *session) next(active int) int {
	if s.pending(active) {
		return active
	}
	k := slices.Index(s.humans, active)
	for i := 1; i <= len(s.humans); i++ {
		h := s.humans[(k+i)%len(s.humans)]
		if s.pending(h) {
			return h
		}
	}
	return active
}

// rewindSave is a saved game as viewer saw it after its first n
// commands (table.Rewind), for the replay viewer: the scenario goes from
// the verified save to the table, never to a screen.
func rewindSave(s *saves.Save, n, viewer int) (table.Update, error) {
	return table.Rewind(s.Scenario(), s.Seed, s.Commands, n, viewer)
}

// Role is who sits at a terminal: a seat's player, the facilitator, or
// the projector.
type Role int

// The roles.
const (
	// RoleSeat plays a seat: the game's own screens.
	RoleSeat Role = iota
	// RoleFacilitator runs the room from the console: it sees every
	// seat's secrets (never orders before they are resolved) and gives
	// the facilitator's commands.
	RoleFacilitator
	// RoleProjector shows the public picture on a big screen: the
	// spectator's view only.
	RoleProjector
)

var roleNames = []string{"seat", "facilitator", "projector"}

func (r Role) String() string {
	if r >= 0 && int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "role?"
}

// Join attaches the interface to a table someone else runs (a server)
// instead of opening one: the interface subscribes as its role says,
// gives commands in Name's name, and leaves the table running when it
// quits.
type Join struct {
	Table *table.Table
	// Seat is the seat index played (RoleSeat).
	Seat int
	// Name is the person at the terminal, given with every command as
	// its By (checked by the engine: at most 40 characters, no control
	// characters); "" for none.
	Name string
	// Scenario and Seed let the facilitator's console make an AI player
	// when it hands a seat to one; without them the switch to an AI is
	// refused with a message.
	Scenario *game.Scenario
	Seed     uint64
	// Players is who plays each seat at the start, for the save the
	// console writes; without it the save says only "human" or "ai".
	Players []ai.PlayerSpec
	// Report, when set, writes the game's after-action report (or its
	// save) as the server keeps them, and says where: the console's w.
	// Without it the console saves the game in the saves directory.
	Report func(context.Context) (string, error)
	// Remove, when set, ends the sessions of the person of that name at
	// a place of a served table (a seat index, or -1 for the console):
	// the console's x.
	Remove func(seat int, name string) error
}
