// Package serve runs one game for a room over SSH (chokepoint serve):
// every laptop joins with an ssh client and a code, and each session is
// its own Bubble Tea program of the terminal interface, sized and
// coloured for its own terminal, attached to the one table that owns the
// game. The server decides what each session sees (the table's update
// for the seat its code leads to, nothing else) and in whose name it
// acts; the interface never sees another seat's view.
package serve

import (
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"sync"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/table"
	"github.com/chokepoint-game/chokepoint/tui"
)

// Config describes a room to serve.
type Config struct {
	Scenario *game.Scenario // validated
	Seed     uint64
	// Players has an AI player per seat, or nil for a seat of people;
	// Specs says who each is in the player grammar (for the saves the
	// facilitator's console writes).
	Players []ai.Player
	Specs   []ai.PlayerSpec
	// Resume is the log of a game to carry on.
	Resume []game.Command
	// Codes are the join codes; nil draws new ones.
	Codes *Codes
	// Keys are public keys that join without a code.
	Keys []KeyEntry
	// HostKey is the file of the server's host key, made on first use.
	HostKey string
	// Keep, when set, autosaves the game after every phase and lets the
	// facilitator's console save it for the after-action report;
	// Autosave (used without Keep) is handed the game after every phase.
	Keep     *Keep
	Autosave func(table.Record)
	// Clock runs the negotiation clock; nil is the wall clock.
	Clock  table.Clock
	Limits Limits
	// Log receives a line for every join, leave and refusal; nil
	// discards them.
	Log io.Writer
}

// Server is a room being served.
type Server struct {
	cfg    Config
	lim    Limits
	ps     *game.PublicScenario
	table  *table.Table
	codes  *Codes
	places map[string]Place
	srv    *ssh.Server
	fails  *failLimiter

	mu       sync.Mutex
	members  map[*member]bool
	conns    int
	perConn  map[string]int
	guests   int
	sessions int
	closed   bool
	// listeners are those Serve was given, closed by Close.
	listeners []net.Listener
	logMu     sync.Mutex
}

// Errors of the server.
var (
	ErrFull = errors.New("the room is full")
)

// New opens the table and prepares the SSH server; Serve then accepts
// connections.
func New(cfg Config) (*Server, error) {
	if cfg.Scenario == nil {
		return nil, errors.New("serve: no scenario")
	}
	ps := cfg.Scenario.Public()
	codes := cfg.Codes
	if codes == nil {
		codes = NewCodes("", ps)
	}
	if err := codes.check(ps); err != nil {
		return nil, fmt.Errorf("join codes: %w", err)
	}
	s := &Server{cfg: cfg, lim: cfg.Limits.withDefaults(), ps: ps, codes: codes, places: codes.places(ps),
		members: map[*member]bool{}, perConn: map[string]int{}}
	s.fails = newFailLimiter(s.lim)
	opts := []ssh.Option{}
	if cfg.HostKey != "" {
		opts = append(opts, wish.WithHostKeyPath(cfg.HostKey))
	}
	srv, err := wish.NewServer(opts...)
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	s.srv = srv
	s.configure()
	if cfg.Keep != nil {
		s.cfg.Autosave = cfg.Keep.Keeper.Autosave
	}
	t, err := table.Open(table.Config{Scenario: cfg.Scenario, Seed: cfg.Seed, Players: cfg.Players, Clock: cfg.Clock,
		Facilitated: true, Lobby: true, Resume: cfg.Resume, Autosave: s.cfg.Autosave})
	if err != nil {
		return nil, err
	}
	s.table = t
	return s, nil
}

// Codes are the room's join codes.
func (s *Server) Codes() *Codes { return s.codes }

// Table is the room's game.
func (s *Server) Table() *table.Table { return s.table }

// Serve accepts connections on l until Close.
func (s *Server) Serve(l net.Listener) error {
	// The SSH server closes only the listeners its Serve has begun to
	// track, so a Close that comes first (Ctrl+C the instant the join
	// table is printed) would leave this one accepting for ever: the
	// server keeps it and closes it itself.
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = l.Close()
		return nil
	}
	s.listeners = append(s.listeners, l)
	s.mu.Unlock()
	err := s.srv.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Close ends every session and closes the table (its last autosave is
// written first).
func (s *Server) Close() {
	s.mu.Lock()
	s.closed = true
	ls := s.listeners
	s.listeners = nil
	s.mu.Unlock()
	_ = s.srv.Close()
	for _, l := range ls {
		_ = l.Close()
	}
	s.table.Close()
}

func (s *Server) logf(format string, args ...any) {
	if s.cfg.Log == nil {
		return
	}
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.cfg.Log, time.Now().Format("15:04:05")+" "+format+"\n", args...)
}

// configure sets the SSH server's policy: who gets in, and that a
// session may be nothing but a terminal running the game.
func (s *Server) configure() {
	srv := s.srv
	srv.HandshakeTimeout = s.lim.Handshake
	srv.Version = "Chokepoint"
	srv.PublicKeyHandler = s.publicKey
	srv.KeyboardInteractiveHandler = s.keyboard
	srv.PasswordHandler = nil
	srv.ConnCallback = s.connect
	// Only a shell: an exec ("ssh host some-command") or a subsystem
	// (sftp) is refused.
	srv.SessionRequestCallback = func(sess ssh.Session, kind string) bool {
		if kind != "shell" {
			s.logf("refused %s from %s", kind, sess.RemoteAddr())
			return false
		}
		return true
	}
	// No port forwarding either way (the callbacks refuse; these make it
	// explicit), no channels but sessions, no global requests.
	srv.LocalPortForwardingCallback = func(ssh.Context, string, uint32) bool { return false }
	srv.ReversePortForwardingCallback = func(ssh.Context, string, uint32) bool { return false }
	srv.RequestHandlers = map[string]ssh.RequestHandler{}
	srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": refuseAgent(ssh.DefaultSessionHandler)}
	srv.Handler = s.session
}

// connect counts a connection in, or turns it away when the room is full.
func (s *Server) connect(_ ssh.Context, c net.Conn) net.Conn {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || s.conns >= s.lim.MaxConns {
		s.logf("refused a connection from %s: %d connections open", c.RemoteAddr(), s.conns)
		return nil
	}
	s.conns++
	return &countedConn{Conn: c, s: s}
}

type countedConn struct {
	net.Conn
	s    *Server
	once sync.Once
}

func (c *countedConn) Close() error {
	c.once.Do(func() {
		c.s.mu.Lock()
		c.s.conns--
		c.s.mu.Unlock()
	})
	return c.Conn.Close()
}

// agentRequest is OpenSSH's request to forward the client's agent.
const agentRequest = "auth-agent-req@openssh.com"

// refuseAgent wraps the session channel handler so that a request to
// forward the client's agent is answered no (the SSH library would say
// yes to it).
func refuseAgent(next ssh.ChannelHandler) ssh.ChannelHandler {
	return func(srv *ssh.Server, conn *gossh.ServerConn, ch gossh.NewChannel, ctx ssh.Context) {
		next(srv, conn, &noAgentChannel{NewChannel: ch}, ctx)
	}
}

type noAgentChannel struct{ gossh.NewChannel }

func (c *noAgentChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		for r := range reqs {
			if r.Type == agentRequest || r.Type == "x11-req" {
				if r.WantReply {
					_ = r.Reply(false, nil)
				}
				continue
			}
			out <- r
		}
	}()
	return ch, out, nil
}

// roster is who is at the table now.
func (s *Server) roster() tui.Roster {
	r := tui.Roster{Seats: make([][]string, len(s.ps.Seats))}
	for m := range s.members {
		switch m.place.Role {
		case tui.RoleSeat:
			r.Seats[m.place.Seat] = append(r.Seats[m.place.Seat], m.name)
		case tui.RoleFacilitator:
			r.Facilitator = append(r.Facilitator, m.name)
		case tui.RoleProjector:
			r.Projectors++
		}
	}
	for _, names := range r.Seats {
		slices.Sort(names)
	}
	slices.Sort(r.Facilitator)
	return r
}

// Roster is who is at the table now.
func (s *Server) Roster() tui.Roster {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.roster()
}

// tellRoster sends every session the roster; the caller holds s.mu.
func (s *Server) tellRoster() {
	r := s.roster()
	for m := range s.members {
		m.tell(tui.RosterMsg(r))
	}
}
