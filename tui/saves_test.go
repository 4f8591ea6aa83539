package tui

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/table"
	"github.com/chokepoint-game/chokepoint/game/table/tabletest"
	"github.com/chokepoint-game/chokepoint/saves"
)

// savedGame plays a whole tutorial with AI seats on a table, saves it in
// the store under a name and returns it as loading finds it (verified).
func savedGame(t testing.TB, st *saves.Store, name string) *saves.Save {
	t.Helper()
	src, err := content.GetSource("tutorial")
	if err != nil {
		t.Fatal(err)
	}
	sc := src.Scenario
	r := content.NewPlayers(sc)
	players := make([]ai.Player, len(sc.Seats))
	specs := make([]ai.PlayerSpec, len(sc.Seats))
	for i := range sc.Seats {
		specs[i] = DefaultPlayer()
		mk, _, err := r.Player(i, specs[i], ai.Normal)
		if err != nil {
			t.Fatal(err)
		}
		players[i] = mk(7)
	}
	tb, err := table.Open(table.Config{Scenario: sc, Seed: 7, Players: players, Clock: tabletest.NewFakeClock(epoch), NoClock: true})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	sp, err := tb.Join(game.Spectator)
	if err != nil {
		t.Fatal(err)
	}
	for u := range sp.Updates() {
		if u.View.Phase == game.GameOver && u.View.Revealed {
			break
		}
	}
	rec, err := tb.Record(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s, err := saves.FromLog(src, rec.Log, SaveSeats(sc, specs))
	if err != nil {
		t.Fatal(err)
	}
	path, err := st.SaveAs(s, name, false)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := saves.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return loaded
}

// progWith runs the program with the options given in teatest.
func progWith(t *testing.T, opts Options, w, h int) *prog {
	t.Helper()
	obs := &observer{}
	opts.Now, opts.Clock, opts.Observe = epoch, tabletest.NewFakeClock(epoch), obs.observe
	m := New(opts)
	t.Cleanup(m.Close)
	return &prog{t: t, tm: teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h)), obs: obs}
}

// The replay viewer, driven by keys in a running program: it opens at the
// first turn's negotiation, steps phase by phase and turn by turn, jumps
// to either end and switches views; B at a turn branches: the seats are
// given anew (a person takes the first seat), the new game opens at that
// turn, and it is a new save whose log begins with the original's up to
// that turn and which says where it branched from.
func TestReplayStepsAndBranches(t *testing.T) {
	st := &saves.Store{Dir: t.TempDir()}
	orig := savedGame(t, st, "lesson")
	p := progWith(t, Options{Replay: orig, Store: st}, 100, 30)
	at := func(what string, turn int, phase game.Phase) Status {
		t.Helper()
		return p.until(what, func(s Status) bool {
			return s.Screen == "replay" && s.Turn == turn && s.Phase == phase && s.Seq > 0
		})
	}
	at("the first negotiation", 1, game.Negotiation)
	p.press("right")
	at("the orders of turn 1", 1, game.Orders)
	p.press("down")
	at("the orders of turn 2", 2, game.Orders)
	p.press("left")
	at("the negotiation of turn 2", 2, game.Negotiation)
	p.press("end")
	at("the end", 4, game.GameOver)
	p.press("home")
	p.until("the start", func(s Status) bool { return s.Screen == "replay" && s.Turn == 0 })
	p.press("down", "down")
	s := at("turn 2", 2, game.Negotiation)
	if s.Seat != game.Spectator {
		t.Errorf("the replay opens in seat %d's view, not the public one", s.Seat)
	}
	p.press("v")
	p.until("the facilitator's view", func(s Status) bool { return s.Seat == game.Facilitator })
	p.press("v")
	p.until("the first seat's view", func(s Status) bool { return s.Seat == 0 })

	p.press("B")
	p.until("the branch's seats", func(s Status) bool { return s.Screen == "branch" })
	p.press("enter")
	p.until("the refusal of a game without people", func(s Status) bool { return strings.Contains(s.Line, "at least one seat") })
	p.press("right", "enter")
	p.until("the branch under way", func(s Status) bool { return s.Screen == "game" && s.Turn == 2 && s.Phase == game.Negotiation })
	p.press("ctrl+c", "y")
	p.tm.WaitFinished(t)

	entries, err := st.List(false)
	if err != nil {
		t.Fatal(err)
	}
	var branch *saves.Save
	for _, e := range entries {
		if e.Save != nil && e.Save.BranchedFrom != nil {
			branch = e.Save
		}
	}
	if branch == nil {
		t.Fatalf("no branch in the store: %v", entries)
	}
	b := branch.BranchedFrom
	start, _ := orig.TurnStart(2)
	if b.Parent != orig.ID || b.Turn != 2 || b.After != start || branch.ID == orig.ID {
		t.Errorf("the branch says it came from %+v (id %s); the original is %s, turn 2 starts after %d", b, branch.ID, orig.ID, start)
	}
	if len(branch.Commands) < start || !reflect.DeepEqual(branch.Commands[:start], orig.Commands[:start]) {
		t.Errorf("the branch's log does not begin with the original's first %d commands", start)
	}
	if branch.Seats[0].Player != ai.HumanPlayer || branch.Seats[1].Player != orig.Seats[1].Player {
		t.Errorf("the branch's seats: %+v", branch.Seats)
	}
	if _, err := saves.Load(filepath.Join(st.Dir, "lesson.json")); err != nil {
		t.Errorf("the original save: %v", err)
	}
}

// The replay viewer draws each view: the public one names the projector,
// a seat's its seat, and every moment has the world, the news and the
// report.
func TestReplayScreen(t *testing.T) {
	h := newHarness(t, 100, 30)
	orig := savedGame(t, h.m.opts.Store, "lesson")
	h.m.showScreen(scrReplay, action{replay: orig})
	h.m.Update(h.m.rewind()())
	mustContain(t, h.screen(), "REPLAY", "lesson", "turn 1, negotiation", "view: the public (projector)", "The world", "News", "No turn has been resolved yet")
	h.run(h.m.do(h.m.screen().Update(keyMsg("down"))))
	mustContain(t, h.screen(), "turn 2, negotiation", "Report · turn 1", "What happened")
	h.run(h.m.do(h.m.screen().Update(keyMsg("v"))))
	mustContain(t, h.screen(), "view: the facilitator")
	h.run(h.m.do(h.m.screen().Update(keyMsg("v"))))
	mustContain(t, h.screen(), "view: United States")
}

// S in a game asks for a name; a name that is a path is refused with the
// reason, a plain one is saved and the bottom line says so; a name in
// use asks before replacing.
func TestNamedSave(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.start(tutorialSpec(t, "us"))
	h.key("enter", "S")
	if h.m.cur != scrSaveAs {
		t.Fatalf("S opened %s", h.m.cur)
	}
	h.key(".", ".", "/", "x", "enter")
	if h.m.cur != scrSaveAs || !strings.Contains(h.m.status, "not a file path") {
		t.Fatalf("a path as a name: screen %s, status %q", h.m.cur, h.m.status)
	}
	h.key("esc", "S", "l", "e", "s", "s", "o", "n", "enter")
	if !strings.Contains(h.m.status, `saved as "lesson"`) || h.m.cur != scrGame {
		t.Fatalf("status %q on %s", h.m.status, h.m.cur)
	}
	s, err := saves.Load(filepath.Join(h.m.opts.Store.Dir, "lesson.json"))
	if err != nil || s.Name != "lesson" || s.Turn() != 1 {
		t.Fatalf("the named save: %v, %v", s, err)
	}
	h.key("S", "l", "e", "s", "s", "o", "n", "enter")
	mustContain(t, h.screen(), "Replace the save?", `A save named "lesson" exists`)
	h.key("y")
	if !strings.Contains(h.m.status, `saved as "lesson"`) {
		t.Errorf("replacing: %q", h.m.status)
	}
}

// An autosave that fails (the save directory is a file) shows a line
// that stays, saying the last good save is kept.
func TestAutosaveFailureShows(t *testing.T) {
	h := newHarness(t, 100, 30)
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.m.opts.Store = &saves.Store{Dir: file}
	h.start(tutorialSpec(t, "us"))
	h.key("enter")
	h.m.Update(h.m.env.sess.waitSaved()())
	lines := strings.Split(h.screen(), "\n")
	bottom := lines[len(lines)-1]
	if !strings.Contains(bottom, "autosave failed") {
		t.Errorf("the bottom line: %q", bottom)
	}
	h.key("tab") // another key clears a status, not this
	lines = strings.Split(h.screen(), "\n")
	if !strings.Contains(lines[len(lines)-1], "autosave failed") {
		t.Errorf("the failure line went: %q", lines[len(lines)-1])
	}
}

// The title screen: Continue is off, saying why, until a game has been
// autosaved; then it carries that game on where it was left. Load lists
// the saves: a damaged one shows its reason and does not open; delete
// asks first.
func TestTitleContinueAndLoad(t *testing.T) {
	h := newHarness(t, 100, 30)
	mustContain(t, h.screen(), "Continue", "Load", "▸ Tutorial")
	h.key("up") // from Tutorial, the first entry that can be chosen
	mustContain(t, h.screen(), "▸ Continue", "Nothing to continue yet")
	h.key("enter")
	if h.m.env.sess != nil {
		t.Fatal("Continue started a game with nothing saved")
	}
	if !strings.Contains(h.m.status, "Nothing to continue yet") {
		t.Errorf("Continue with nothing saved: %q", h.m.status)
	}

	h.start(tutorialSpec(t, "us"))
	h.key("enter", "a")
	before := h.m.Status()
	h.run(h.m.do(action{kind: actTitle})) // leaves the game: saved on the way
	mustContain(t, h.screen(), "carry on your last game: tutorial, turn 1, negotiation")
	// Continue: the harness runs the start command itself.
	h.key("enter")
	if h.m.env.sess == nil {
		t.Fatalf("Continue opened no game (status %q)", h.m.status)
	}
	h.settle()
	after := h.m.Status()
	if after.Screen != "game" || after.Turn != before.Turn || after.Phase != before.Phase || after.Seq != before.Seq {
		t.Errorf("continued at %+v, left at %+v", after, before)
	}

	// A damaged file in the list.
	if err := os.WriteFile(filepath.Join(h.m.opts.Store.Dir, "broken.json"), []byte(`{"format": "chokepoint-save", "version": 1`), 0o600); err != nil {
		t.Fatal(err)
	}
	h.run(h.m.do(action{kind: actTitle}))
	h.run(h.m.do(show(scrLoad)))
	mustContain(t, h.screen(), "Saved games", "broken", "damaged", "autosave", "us: person")
	l := screenOf[*loadModel](h, scrLoad)
	for h.m.env.saves[l.sel].Err == nil {
		h.key("down")
	}
	h.key("enter")
	if !strings.Contains(h.m.status, "cannot open it") || h.m.cur != scrLoad {
		t.Errorf("opening a damaged save: %q on %s", h.m.status, h.m.cur)
	}
	h.key("d")
	mustContain(t, h.screen(), "Delete the save?")
	h.key("y")
	h.m.Update(h.m.listSaves()()) // the program lists again after a delete
	if _, err := os.Stat(filepath.Join(h.m.opts.Store.Dir, "broken.json")); !os.IsNotExist(err) {
		t.Errorf("the deleted save: %v", err)
	}
	mustContain(t, h.screen(), "deleted 1 file")
	if strings.Contains(h.screen(), "broken") {
		t.Error("the list still shows the deleted save")
	}
}

// A game carried on goes on with its players as the facilitator's last
// switches left them, not as they were at the start.
func TestSpecOfSaveFollowsSwitches(t *testing.T) {
	src, err := content.GetSource("tutorial")
	if err != nil {
		t.Fatal(err)
	}
	sc := src.Scenario
	log := game.Log{Scenario: sc.ID, Seed: 3, Commands: []game.Command{
		{Kind: game.CmdStart, Seat: game.FacilitatorID},
		{Kind: game.CmdPlayer, Seat: game.FacilitatorID, Target: "prc", Text: "human"},
		{Kind: game.CmdPlayer, Seat: game.FacilitatorID, Target: "us", Text: "hawk@hard"},
	}}
	s, err := saves.FromLog(src, log, SaveSeats(sc, []ai.PlayerSpec{{Human: true}, DefaultPlayer(), DefaultPlayer()}))
	if err != nil {
		t.Fatal(err)
	}
	spec, err := SpecOfSave(s)
	if err != nil {
		t.Fatal(err)
	}
	if spec.Seats[0] != (ai.PlayerSpec{Player: "hawk", Difficulty: "hard"}) || !spec.Seats[1].Human || spec.Seats[2] != DefaultPlayer() {
		t.Errorf("seats: %+v", spec.Seats)
	}
}

// Continue carries on the newest autosaved game a person played: a newer
// game of AI seats (one a facilitator ran) is passed over, and so is a
// damaged autosave.
func TestLatestPlayable(t *testing.T) {
	st := &saves.Store{Dir: t.TempDir()}
	if _, err := LatestPlayable(st); err == nil || !strings.Contains(err.Error(), "no autosaved game of yours") {
		t.Fatalf("an empty store: %v", err)
	}
	src, err := content.GetSource("tutorial")
	if err != nil {
		t.Fatal(err)
	}
	sc := src.Scenario
	mine, err := saves.New(src, 1, SaveSeats(sc, []ai.PlayerSpec{{Human: true}, DefaultPlayer(), DefaultPlayer()}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Autosave(mine); err != nil {
		t.Fatal(err)
	}
	ais := savedGame(t, st, "ais")
	if _, err := st.Autosave(ais); err != nil {
		t.Fatal(err)
	}
	got, err := LatestPlayable(st)
	if err != nil || got.ID != mine.ID {
		t.Fatalf("continued %v, %v; want the game a person played", got, err)
	}
}

// replay opens a saved tutorial in the replay viewer, as chokepoint
// replay does, and waits for its first moment.
func (h *harness) replay() {
	h.t.Helper()
	s := savedGame(h.t, h.m.opts.Store, "lesson")
	h.m.showScreen(scrReplay, action{replay: s})
	h.m.Update(h.m.rewind()())
}
