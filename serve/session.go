package serve

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"github.com/charmbracelet/colorprofile"
	gossh "golang.org/x/crypto/ssh"

	"github.com/chokepoint-game/chokepoint/game/table"
	"github.com/chokepoint-game/chokepoint/tui"
)

// member is one session at the table: a person at a seat, the
// facilitator or a projector.
type member struct {
	place Place
	name  string
	conn  string
	// end closes the session (the facilitator removed it); set once its
	// program runs.
	end func()
	// mail holds the latest message for the program not yet delivered:
	// the server never waits on a session (a slow one just skips to the
	// present).
	mail chan tea.Msg
}

// tell queues msg for the session, replacing one not yet delivered.
func (m *member) tell(msg tea.Msg) {
	select {
	case m.mail <- msg:
		return
	default:
	}
	select {
	case <-m.mail:
	default:
	}
	select {
	case m.mail <- msg:
	default:
	}
}

// enter counts a session in at its place.
func (s *Server) enter(p Place, name, conn string) (*member, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, table.ErrClosed
	}
	if s.sessions >= s.lim.MaxSessions || s.perConn[conn] >= s.lim.SessionsPerConn {
		return nil, ErrFull
	}
	s.sessions++
	s.perConn[conn]++
	if name == "" {
		s.guests++
		name = fmt.Sprintf("player %d", s.guests)
	}
	m := &member{place: p, name: name, conn: conn, mail: make(chan tea.Msg, 1)}
	s.members[m] = true
	s.tellRoster()
	return m, nil
}

// leave counts a session out.
func (s *Server) leave(m *member) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.members, m)
	s.release(m.conn)
	s.tellRoster()
}

func (s *Server) release(conn string) {
	s.sessions--
	if s.perConn[conn]--; s.perConn[conn] <= 0 {
		delete(s.perConn, conn)
	}
}

// remove closes every session of the person of that name at a seat (or,
// with seat -1, at the facilitator's console).
func (s *Server) remove(seat int, name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for m := range s.members {
		at := m.place.Role == tui.RoleSeat && m.place.Seat == seat || seat < 0 && m.place.Role == tui.RoleFacilitator
		if at && m.name == name && m.end != nil {
			m.end()
			n++
		}
	}
	if n == 0 {
		return fmt.Errorf("%s has no session open there", name)
	}
	return nil
}

// placeName is a place as the log says it.
func (s *Server) placeName(p Place) string {
	if p.Role == tui.RoleSeat {
		return s.ps.Seats[p.Seat].ID
	}
	return p.Role.String()
}

// session runs one terminal: the game's interface for the place its
// login leads to, until the person quits, the connection drops, the
// session idles out or the server closes.
func (s *Server) session(sess ssh.Session) {
	ctx := sess.Context()
	p, ok := ctx.Value(ctxPlace).(Place)
	if !ok {
		wish.Fatalln(sess, "not logged in")
		return
	}
	name, _ := ctx.Value(ctxName).(string)
	pty, winch, isPty := sess.Pty()
	if !isPty {
		wish.Fatalln(sess, "Chokepoint needs a terminal: join with ssh -t.")
		return
	}
	m, err := s.enter(p, name, ctx.SessionID())
	if err != nil {
		s.logf("refused a session at %s from %s: %v", s.placeName(p), sess.RemoteAddr(), err)
		wish.Fatalln(sess, "Cannot join: "+err.Error()+".")
		return
	}
	defer s.leave(m)
	s.logf("%s joined %s from %s", m.name, s.placeName(p), sess.RemoteAddr())
	defer s.logf("%s left %s", m.name, s.placeName(p))

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := newInput(runCtx, sess, s.lim)
	// The interface subscribes to the table as the place says, and only
	// so: the code decided the role and the seat, not the client.
	var removed atomic.Bool
	s.mu.Lock()
	m.end = func() { removed.Store(true); cancel() }
	s.mu.Unlock()
	join := &tui.Join{Table: s.table, Seat: p.Seat, Name: m.name, Scenario: s.cfg.Scenario, Seed: s.cfg.Seed, Players: s.cfg.Specs}
	if p.Role == tui.RoleFacilitator {
		join.Remove = s.remove
	}
	topts := tui.Options{Role: p.Role, Join: join}
	if k := s.cfg.Keep; k != nil {
		topts.SaveDir = k.Dir
	}
	model := tui.New(topts)
	// The terminal as the client described it when it asked for one.
	// Its size and type are taken from that one reading of the session's
	// terminal (later sizes come through winch): the SSH library writes
	// the window on a resize without a lock, so reading it again while a
	// client resizes would race.
	env := append(sess.Environ(), "TERM="+pty.Term)
	opts := []tea.ProgramOption{
		tea.WithInput(in), tea.WithOutput(sess), tea.WithEnvironment(env),
		tea.WithColorProfile(colorprofile.Env(env)),
		tea.WithWindowSize(pty.Window.Width, pty.Window.Height),
		tea.WithContext(runCtx), tea.WithoutSignalHandler(),
		// A suspend (ctrl+z) would stop a program no one can resume.
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			if _, ok := msg.(tea.SuspendMsg); ok {
				return tea.ResumeMsg{}
			}
			return msg
		}),
	}
	prog := tea.NewProgram(model, opts...)
	go s.deliver(runCtx, prog, m)
	go resizes(runCtx, prog, winch, s.lim.ResizeEvery)
	var idled atomic.Bool
	if p.Role != tui.RoleProjector {
		go idle(runCtx, in, s.lim.Idle, func() { idled.Store(true); cancel() })
	}
	go keepalive(runCtx, ctx, cancel)
	_, _ = prog.Run()
	prog.Kill()
	model.Close()
	if removed.Load() {
		s.logf("the facilitator closed %s's session at %s", m.name, s.placeName(p))
		wish.Errorln(sess, "\r\nThe facilitator closed this session.\r")
	}
	if idled.Load() {
		wish.Errorln(sess, fmt.Sprintf("\r\nDisconnected after %s without a key; join again with your code.\r", s.lim.Idle))
	}
}

// deliver hands the session's mail to its program.
func (s *Server) deliver(ctx context.Context, p *tea.Program, m *member) {
	for {
		select {
		case <-ctx.Done():
			return
		case msg := <-m.mail:
			p.Send(msg)
		}
	}
}

// resizes hands window sizes to the program, at most one per gap: the
// latest of a storm is the one that matters.
func resizes(ctx context.Context, p *tea.Program, winch <-chan ssh.Window, gap time.Duration) {
	var latest ssh.Window
	var due <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case w, ok := <-winch:
			if !ok {
				return
			}
			latest = w
			if due == nil {
				due = time.After(gap)
			}
		case <-due:
			due = nil
			p.Send(tea.WindowSizeMsg{Width: latest.Width, Height: latest.Height})
		}
	}
}

// idle ends the session once no key has come for d.
func idle(ctx context.Context, in *input, d time.Duration, end func()) {
	tick := time.NewTicker(min(d/4+time.Millisecond, 30*time.Second))
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-tick.C:
			if now.Sub(in.lastKey()) >= d {
				end()
				return
			}
		}
	}
}

// keepalive asks the client for a sign of life now and then, and ends
// the session when none comes: a laptop that closed its lid or lost the
// network is noticed within a minute instead of holding its place.
func keepalive(ctx context.Context, sctx ssh.Context, end func()) {
	conn, ok := sctx.Value(ssh.ContextKeyConn).(gossh.Conn)
	if !ok {
		return
	}
	tick := time.NewTicker(20 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		answered := make(chan struct{})
		go func() {
			_, _, _ = conn.SendRequest("keepalive@openssh.com", true, nil)
			close(answered)
		}()
		select {
		case <-answered:
		case <-time.After(40 * time.Second):
			end()
			return
		case <-ctx.Done():
			return
		}
	}
}
