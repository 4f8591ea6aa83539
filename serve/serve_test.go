package serve

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/table"
	"github.com/chokepoint-game/chokepoint/saves"
	"github.com/chokepoint-game/chokepoint/tui"
)

func TestJoinWithCodeShowsTheLobby(t *testing.T) {
	r := openRoom(t, Config{})
	fac := r.join(loginAs{user: "x", code: r.s.Codes().Facilitator, name: "Prof Lee"}, 100, 30)
	fac.waitFor("s start the game")
	// ssh CODE@HOST skips the code prompt, in any case and grouping.
	jp := r.join(loginAs{user: strings.ToUpper(seatCode(r.s, "japan")), name: "Aiko"}, 90, 28)
	jp.waitFor("(your seat)")
	jp.waitFor("Facilitator: Prof Lee")
	fac.waitFor("Aiko")
	if !strings.Contains(r.log.String(), "Aiko joined japan") {
		t.Errorf("the log does not say who joined: %s", r.log.String())
	}
	// The projector joins without a name and is counted.
	r.join(loginAs{user: r.s.Codes().Projector}, 120, 40)
	jp.waitFor("Projectors: 1")
	// A seat cannot start the game: s does nothing at a seat.
	jp.typeKeys("s")
	time.Sleep(100 * time.Millisecond)
	if v := view(t, r.s, game.Spectator); v.Phase != game.Setup {
		t.Fatalf("a seat started the game: %s", v.Phase)
	}
	fac.waitFor("start the game")
	fac.typeKeys("s")
	jp.waitFor("Briefing")
}

// TestCommandsForAnotherSeatAreRefused: a session acts only as the seat
// its code leads to. Its keys cannot start the game (the facilitator's),
// and the subscription the server lets it make refuses a command in
// another seat's name or the facilitator's.
func TestCommandsForAnotherSeatAreRefused(t *testing.T) {
	r := openRoom(t, Config{})
	jp := r.join(loginAs{user: seatCode(r.s, "japan"), name: "Aiko"}, 100, 30)
	jp.waitFor("(your seat)")
	jp.typeKeys("s", "p", "E", "v")
	time.Sleep(100 * time.Millisecond)
	if v := view(t, r.s, game.Spectator); v.Phase != game.Setup {
		t.Fatalf("a seat's keys started the game: %s", v.Phase)
	}
	seat, err := r.s.Table().Join(0)
	must(t, err)
	defer seat.Leave()
	ctx := context.Background()
	if err := seat.Do(ctx, game.Command{Kind: game.CmdStart}); !errors.Is(err, game.ErrFacilitator) {
		t.Errorf("a seat started the game: %v", err)
	}
	if err := seat.Do(ctx, game.Command{Kind: game.CmdMessage, Seat: "prc", Text: "forged"}); !errors.Is(err, table.ErrNotYourSeat) {
		t.Errorf("a seat spoke as another: %v", err)
	}
	if err := seat.Do(ctx, game.Command{Kind: game.CmdStart, Seat: game.FacilitatorID}); !errors.Is(err, table.ErrNotYourSeat) {
		t.Errorf("a seat acted as the facilitator: %v", err)
	}
}

// view is a viewer's present view, from a subscription of the test's own.
func view(t testing.TB, s *Server, viewer int) game.View {
	t.Helper()
	seat, err := s.Table().Join(viewer)
	must(t, err)
	defer seat.Leave()
	return (<-seat.Updates()).View
}

func TestWrongCodesAreRefusedAndLimited(t *testing.T) {
	r := openRoom(t, Config{Limits: Limits{WrongCodes: 3, WrongCodeEvery: time.Hour}})
	code := seatCode(r.s, "japan")
	// Change one character: a near miss is no code.
	bad := []byte(code)
	if bad[0] == 'a' {
		bad[0] = 'b'
	} else {
		bad[0] = 'a'
	}
	if _, err := r.dial(loginAs{user: "x", code: string(bad)}); err == nil {
		t.Fatal("a wrong code was let in")
	}
	if _, err := r.dial(loginAs{user: "x", code: "hello"}); err == nil {
		t.Fatal("a word was let in")
	}
	if _, err := r.dial(loginAs{user: string(bad)}); err == nil {
		t.Fatal("a wrong code as the user name was let in")
	}
	// The address has used up its wrong codes: even the right one waits.
	if _, err := r.dial(loginAs{user: "x", code: code}); err == nil {
		t.Fatal("an address past its wrong codes was let in")
	}
	if !strings.Contains(r.log.String(), "too many wrong codes") {
		t.Errorf("the log does not say why: %s", r.log.String())
	}
}

func TestOnlyTheGameIsServed(t *testing.T) {
	r := openRoom(t, Config{})
	cl, err := r.dial(loginAs{user: seatCode(r.s, "japan"), name: "Aiko"})
	must(t, err)
	defer cl.Close()

	// ssh CODE@host some-command
	sess, err := cl.NewSession()
	must(t, err)
	if out, err := sess.CombinedOutput("cat /etc/passwd"); err == nil {
		t.Errorf("an exec ran: %q", out)
	}
	// A subsystem (sftp).
	sess, err = cl.NewSession()
	must(t, err)
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("a subsystem was granted")
	}
	_ = sess.Close()
	// -L: a channel to another address.
	if c, err := cl.Dial("tcp", r.addr); err == nil {
		_ = c.Close()
		t.Error("local forwarding (-L) was allowed")
	}
	// -R: a listener on the server.
	if l, err := cl.Listen("tcp", "127.0.0.1:0"); err == nil {
		_ = l.Close()
		t.Error("remote forwarding (-R) was allowed")
	}
	// -A: agent forwarding.
	sess, err = cl.NewSession()
	must(t, err)
	if err := agent.RequestAgentForwarding(sess); err == nil {
		t.Error("agent forwarding was allowed")
	}
	_ = sess.Close()
	// A shell without a terminal is told to use one.
	sess, err = cl.NewSession()
	must(t, err)
	var out strings.Builder
	sess.Stdout, sess.Stderr = &out, &out
	must(t, sess.Shell())
	if err := sess.Wait(); err == nil || !strings.Contains(out.String(), "needs a terminal") {
		t.Errorf("a shell without a terminal: %v %q", err, out.String())
	}
	if !strings.Contains(r.log.String(), "refused exec") || !strings.Contains(r.log.String(), "refused subsystem") {
		t.Errorf("the log does not list the refusals: %s", r.log.String())
	}
}

// plantMarkers puts a marker in every secret field of every seat: its
// secret objectives and its briefing.
func plantMarkers(sc *game.Scenario) {
	for i := range sc.Seats {
		m := marker(sc.Seats[i].ID)
		for k := range sc.Seats[i].Secret.Pool {
			sc.Seats[i].Secret.Pool[k].Text = m + " objective " + sc.Seats[i].Secret.Pool[k].Text
		}
		sc.Seats[i].Briefing = m + " briefing\n\n" + sc.Seats[i].Briefing
	}
}

func marker(seat string) string { return "ZQX" + strings.ToUpper(seat) + "ZQX" }

// TestEachSessionSeesOnlyItsSeat plants markers in every secret field
// and scans every frame every session receives: a seat's team sees its
// own secrets and no one else's, the projector sees none, and a secret
// deal and a private message reach only their parties.
func TestEachSessionSeesOnlyItsSeat(t *testing.T) {
	sc := testScenario(t)
	plantMarkers(sc)
	if errs := sc.Validate(); errs != nil {
		t.Fatal(errs)
	}
	r := openRoom(t, Config{Scenario: sc})
	ids := []string{"japan", "prc", "us", "australia"}
	deal, msg := "ZQXDEALZQX", "ZQXWORDZQX"
	clients := map[string][]*client{}
	for k, id := range ids {
		for n := range 1 + k%2 { // two sessions at prc and australia
			c := r.join(loginAs{user: seatCode(r.s, id), name: fmt.Sprintf("%s-%d", id, n)}, 100, 32)
			for _, other := range ids {
				if other != id {
					c.forbid(marker(other))
				}
			}
			if id != "japan" && id != "prc" {
				c.forbid(deal, msg)
			}
			clients[id] = append(clients[id], c)
		}
	}
	proj := r.join(loginAs{user: r.s.Codes().Projector}, 140, 45)
	for _, id := range ids {
		proj.forbid(marker(id))
	}
	proj.forbid(deal, msg)
	fac := r.join(loginAs{user: r.s.Codes().Facilitator, name: "fac"}, 100, 30)
	fac.waitFor("australia-1")
	fac.waitFor("start the game")
	fac.typeKeys("s")
	for _, id := range ids {
		for _, c := range clients[id] {
			c.waitFor(marker(id)) // the briefing: the scan does see secrets
			c.typeKeys("enter")
		}
	}
	// Japan proposes a secret deal to the PRC and writes to it alone.
	jp, err := r.s.Table().Join(0)
	must(t, err)
	defer jp.Leave()
	ctx := context.Background()
	must(t, jp.Do(ctx, game.Command{Kind: game.CmdPropose, Proposal: &game.Proposal{
		Title: deal, Parties: []string{"prc"}, Duration: 2, Visibility: game.Secret,
		Clauses: []game.ClauseSpec{{Actor: "prc", Lever: "licensing", Target: "japan", Bound: game.AtMost, Level: "quota"}},
	}}))
	must(t, jp.Do(ctx, game.Command{Kind: game.CmdMessage, To: []string{"prc"}, Text: msg}))
	for _, c := range clients["prc"] {
		c.waitFor(msg)
		c.waitFor(deal)
	}
	// Every screen of every session: the news, the briefing, the help.
	for _, id := range ids {
		for _, c := range clients[id] {
			c.typeKeys("b")
			time.Sleep(50 * time.Millisecond)
			c.typeKeys("esc", "?")
			time.Sleep(50 * time.Millisecond)
			c.typeKeys("esc", "o")
			time.Sleep(50 * time.Millisecond)
			c.typeKeys("esc")
		}
	}
	time.Sleep(200 * time.Millisecond)
	for id, cs := range clients {
		for _, c := range cs {
			if l := c.leaks(); len(l) > 0 {
				t.Errorf("%s (%s) was shown %v", c.name, id, l)
			}
			if c.frames == 0 {
				t.Errorf("%s received no frames", c.name)
			}
		}
	}
	if l := proj.leaks(); len(l) > 0 {
		t.Errorf("the projector was shown %v", l)
	}
}

// TestATeamSharesASeat: two people at one seat see the same game live,
// either may act, and both see who did.
func TestATeamSharesASeat(t *testing.T) {
	r := openRoom(t, Config{})
	a := r.join(loginAs{user: seatCode(r.s, "japan"), name: "Aiko"}, 100, 30)
	b := r.join(loginAs{user: seatCode(r.s, "japan"), name: "Ben"}, 90, 26)
	a.waitFor("Aiko, Ben")
	b.waitFor("Aiko, Ben")
	fac := r.join(loginAs{user: r.s.Codes().Facilitator, name: "fac"}, 100, 30)
	fac.waitFor("start the game")
	fac.typeKeys("s")
	for _, c := range []*client{a, b} {
		c.waitFor("Briefing")
		c.typeKeys("enter")
		c.waitFor("not done negotiating")
	}
	a.typeKeys("m")
	a.typeKeys(strings.Split("hello team", "")...)
	a.typeKeys("enter")
	b.waitFor("Japan (Aiko): hello team")
	// Ben says the seat is done negotiating; Aiko's screen follows.
	b.typeKeys("r")
	a.waitFor("● done negotiating")
}

// TestReconnectFindsTheGameAsItWas: a dropped session joins again with
// the same code and finds the game where it was.
func TestReconnectFindsTheGameAsItWas(t *testing.T) {
	r := openRoom(t, Config{})
	fac := r.join(loginAs{user: r.s.Codes().Facilitator, name: "fac"}, 100, 30)
	a := r.join(loginAs{user: seatCode(r.s, "japan"), name: "Aiko"}, 100, 30)
	fac.waitFor("start the game")
	fac.typeKeys("s")
	a.waitFor("Briefing")
	a.typeKeys("enter")
	a.waitFor("not done negotiating")
	a.typeKeys("m")
	a.typeKeys(strings.Split("before the drop", "")...)
	a.typeKeys("enter", "r")
	a.waitFor("● done negotiating")
	a.close()
	waitRoster(t, r.s, func(ro tui.Roster) bool { return len(ro.Seats[0]) == 0 })
	again := r.join(loginAs{user: seatCode(r.s, "japan"), name: "Aiko"}, 100, 30)
	again.waitFor("Briefing")
	again.typeKeys("enter")
	again.waitFor("Japan (Aiko): before the drop")
	again.waitFor("● done negotiating")
}

// TestResumeKeepsTheCodes: after a restart from the autosave, every
// seat joins with the code it had and finds the game.
func TestResumeKeepsTheCodes(t *testing.T) {
	dir := t.TempDir()
	st := storeIn(t, dir)
	sc := testScenario(t)
	src := sourceOf(t, sc)
	id := saves.NewID()
	codes := NewCodes(id, sc.Public())
	must(t, WriteCodes(st, codes))
	seats := humanSeats(sc)
	saved := make(chan string, 16)
	sv, err := saves.New(src, 0, seats)
	must(t, err)
	sv.ID = id
	keep := &Keep{Dir: dir, Keeper: st.Keeper(sv, func(path string, err error) {
		if err != nil {
			t.Error(err)
		}
		saved <- path
	})}
	auto := keep.Keeper.Autosave
	r := openRoom(t, Config{Scenario: sc, Codes: codes, Keep: keep})
	fac := r.join(loginAs{user: codes.Facilitator, name: "fac"}, 100, 30)
	a := r.join(loginAs{user: codes.Seats["japan"], name: "Aiko"}, 100, 30)
	fac.waitFor("start the game")
	fac.typeKeys("s")
	a.waitFor("Briefing")
	a.typeKeys("enter")
	a.waitFor("not done negotiating")
	a.typeKeys("m")
	a.typeKeys(strings.Split("kept", "")...)
	a.typeKeys("enter")
	a.waitFor("Japan (Aiko): kept")
	// The message is within a phase: the autosave of the stop keeps it.
	rec, err := r.s.Table().Record(context.Background())
	must(t, err)
	auto(rec)
	r.s.Close()
	drain(saved)

	s, _, _, err := st.Latest()
	must(t, err)
	if s.ID != id {
		t.Fatalf("the autosave is of game %q", s.ID)
	}
	kept, err := ReadCodes(st, id)
	must(t, err)
	r2 := openRoom(t, Config{Scenario: s.Scenario(), Codes: kept, Resume: s.Log().Commands})
	b := r2.join(loginAs{user: codes.Seats["japan"], name: "Aiko"}, 100, 30)
	b.waitFor("Briefing")
	b.typeKeys("enter")
	b.waitFor("Japan (Aiko): kept")
	r2.join(loginAs{user: codes.Facilitator, name: "fac"}, 100, 30).waitFor("Aiko")
}

// waitRoster waits until the server's roster is as ok says.
func waitRoster(t testing.TB, s *Server, ok func(tui.Roster) bool) {
	t.Helper()
	for range 500 {
		if ok(s.Roster()) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("the roster never came right: %+v", s.Roster())
}

func drain(ch chan string) {
	for {
		select {
		case <-ch:
		default:
			return
		}
	}
}

// TestRoomLimits: connections and sessions over the caps are turned
// away without disturbing those in.
func TestRoomLimits(t *testing.T) {
	r := openRoom(t, Config{Limits: Limits{MaxConns: 2, SessionsPerConn: 1}})
	a := r.join(loginAs{user: seatCode(r.s, "japan"), name: "A"}, 100, 30)
	if _, err := r.open(a.cl, "A2", 100, 30); err == nil {
		// The session opens, then the server says the room is full.
		time.Sleep(100 * time.Millisecond)
	}
	b, err := r.dial(loginAs{user: seatCode(r.s, "prc"), name: "B"})
	must(t, err)
	defer b.Close()
	if c, err := r.dial(loginAs{user: seatCode(r.s, "us"), name: "C"}); err == nil {
		c.Close()
		t.Fatal("a third connection was let in past the cap of two")
	}
	if !strings.Contains(r.log.String(), "refused a session") {
		t.Errorf("a second session on a connection capped at one was not refused: %s", r.log.String())
	}
	a.waitFor("(your seat)")
}

// TestIdleSessionsEnd: a session that sends no key is ended.
func TestIdleSessionsEnd(t *testing.T) {
	r := openRoom(t, Config{Limits: Limits{Idle: 300 * time.Millisecond}})
	a := r.join(loginAs{user: seatCode(r.s, "japan"), name: "A"}, 100, 30)
	p := r.join(loginAs{user: r.s.Codes().Projector}, 100, 30)
	if !a.ended() {
		t.Fatal("an idle session was not ended")
	}
	select {
	case <-p.done:
		t.Fatal("the projector, which never types, was ended")
	case <-time.After(200 * time.Millisecond):
	}
}

// TestBadClientsHurtNoOne: garbage, a huge paste and a resize storm on
// one session leave another's game responsive.
func TestBadClientsHurtNoOne(t *testing.T) {
	r := openRoom(t, Config{})
	bad := r.join(loginAs{user: seatCode(r.s, "prc"), name: "bad"}, 100, 30)
	good := r.join(loginAs{user: seatCode(r.s, "japan"), name: "good"}, 100, 30)
	fac := r.join(loginAs{user: r.s.Codes().Facilitator, name: "fac"}, 100, 30)
	// The storm starts once the session runs (see TestASlowClient...).
	bad.waitFor("(your seat)")
	stop := make(chan struct{})
	go func() {
		junk := []byte("\x1b[\x1b]11;\x00\xff\xfe\x1bP" + strings.Repeat("x", 4096))
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := bad.stdin.Write(junk); err != nil {
				return
			}
			_, _ = bad.sess.SendRequest("window-change", false, gossh.Marshal(struct{ W, H, PW, PH uint32 }{uint32(20 + time.Now().Nanosecond()%200), 24, 0, 0}))
		}
	}()
	defer close(stop)
	fac.waitFor("start the game")
	fac.typeKeys("s")
	good.waitFor("Briefing")
	good.typeKeys("enter")
	good.waitFor("not done negotiating")
	good.typeKeys("r")
	good.waitFor("● done negotiating")
}

// TestTheFacilitatorRemovesASession: x on the console closes the chosen
// person's session, and only theirs.
func TestTheFacilitatorRemovesASession(t *testing.T) {
	r := openRoom(t, Config{})
	a := r.join(loginAs{user: seatCode(r.s, "japan"), name: "Aiko"}, 100, 30)
	b := r.join(loginAs{user: seatCode(r.s, "prc"), name: "Bo"}, 100, 30)
	fac := r.join(loginAs{user: r.s.Codes().Facilitator, name: "fac"}, 110, 32)
	fac.waitFor("Bo")
	fac.typeKeys("x")
	fac.waitFor("Remove a person's session")
	fac.typeKeys("enter")
	if !a.ended() {
		t.Fatal("the session was not closed")
	}
	waitRoster(t, r.s, func(ro tui.Roster) bool { return len(ro.Seats[0]) == 0 && len(ro.Seats[1]) == 1 })
	b.waitFor("(your seat)")
	if !strings.Contains(r.log.String(), "the facilitator closed Aiko's session at japan") {
		t.Errorf("the log does not say so: %s", r.log.String())
	}
}

// TestASlowClientNeverSlowsTheTable: a client that reads nothing while
// its window is resized in a storm (the server redraws its whole screen
// each time, until the SSH channel's window is full and writing to it
// blocks) holds up no one else: the table and the other sessions go on.
func TestASlowClientNeverSlowsTheTable(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for a client's channel window to fill")
	}
	r := openRoom(t, Config{})
	cl, err := r.dial(loginAs{user: seatCode(r.s, "prc"), name: "slow"})
	must(t, err)
	defer cl.Close()
	sess, err := cl.NewSession()
	must(t, err)
	must(t, sess.RequestPty("xterm-256color", 60, 200, gossh.TerminalModes{}))
	_, err = sess.StdoutPipe() // never read
	must(t, err)
	must(t, sess.Shell())
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		// The storm starts once the session runs: the SSH library writes
		// a resized window without a lock, which races with the server's
		// one reading of the terminal at the session's start.
		time.Sleep(time.Second)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
			if sess.WindowChange(40+i%20, 150+i%50) != nil {
				return
			}
		}
	}()
	good := r.join(loginAs{user: seatCode(r.s, "japan"), name: "good"}, 100, 30)
	fac := r.join(loginAs{user: r.s.Codes().Facilitator, name: "fac"}, 110, 32)
	fac.waitFor("start the game")
	fac.typeKeys("s")
	good.waitFor("Briefing")
	good.typeKeys("enter")
	good.waitFor("not done negotiating")
	time.Sleep(3 * time.Second) // the slow client's channel fills up
	for range 3 {
		good.typeKeys("r")
		good.waitFor("● done negotiating")
		good.typeKeys("r")
		good.waitFor("○ not done negotiating")
	}
	fac.typeKeys("p")
	for range 500 {
		if view(t, r.s, game.Spectator).Paused {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the table did not take the facilitator's pause")
}
