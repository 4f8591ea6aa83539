package serve

import (
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// room is a server listening on a local port for a test.
type room struct {
	t    testing.TB
	s    *Server
	addr string
	log  *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// testScenario is a shipped scenario, parsed afresh so that a test may
// plant markers in it.
func testScenario(t testing.TB) *game.Scenario {
	t.Helper()
	data, err := content.ScenarioSource("embargo-2010")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := content.Load("embargo-2010", data)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// openRoom serves cfg (the scenario's seats all played by people unless
// cfg says otherwise) on a free local port.
func openRoom(t testing.TB, cfg Config) *room {
	t.Helper()
	if cfg.Scenario == nil {
		cfg.Scenario = testScenario(t)
	}
	if cfg.Players == nil {
		cfg.Players = make([]ai.Player, len(cfg.Scenario.Seats))
	}
	if cfg.HostKey == "" {
		cfg.HostKey = t.TempDir() + "/host_ed25519"
	}
	log := &syncBuffer{}
	cfg.Log = log
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = s.Serve(l) }()
	t.Cleanup(s.Close)
	return &room{t: t, s: s, addr: l.Addr().String(), log: log}
}

// client is one laptop: an SSH session with a terminal, drawn by a
// terminal emulator so that tests read the screen as a person would.
type client struct {
	t     testing.TB
	name  string
	cl    *gossh.Client
	sess  *gossh.Session
	stdin io.WriteCloser
	w, h  int

	mu     sync.Mutex
	emu    *vt.Emulator
	frames int
	// forbidden are texts this client must never be shown; seen records
	// each that was.
	forbidden []string
	seen      []string
	done      chan struct{}
}

// loginAs is how a client logs in: the SSH user, and answers to the
// code and name prompts.
type loginAs struct {
	user, code, name string
}

func (r *room) dial(a loginAs) (*gossh.Client, error) {
	cfg := &gossh.ClientConfig{
		User:            a.user,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), //nolint:gosec // a test server
		Auth: []gossh.AuthMethod{gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
			out := make([]string, len(qs))
			for i, q := range qs {
				if strings.Contains(q, "code") {
					out[i] = a.code
				} else {
					out[i] = a.name
				}
			}
			return out, nil
		})},
		Timeout: 5 * time.Second,
	}
	return gossh.Dial("tcp", r.addr, cfg)
}

// join logs in and opens a terminal of w×h.
func (r *room) join(a loginAs, w, h int) *client {
	r.t.Helper()
	cl, err := r.dial(a)
	if err != nil {
		r.t.Fatalf("join as %+v: %v", a, err)
	}
	c, err := r.open(cl, a.name, w, h)
	if err != nil {
		r.t.Fatal(err)
	}
	return c
}

func (r *room) open(cl *gossh.Client, name string, w, h int) (*client, error) {
	sess, err := cl.NewSession()
	if err != nil {
		return nil, err
	}
	c := &client{t: r.t, name: name, cl: cl, sess: sess, w: w, h: h, emu: vt.NewEmulator(w, h), done: make(chan struct{})}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	if c.stdin, err = sess.StdinPipe(); err != nil {
		return nil, err
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		return nil, err
	}
	// The emulator answers the program's queries (its background colour)
	// as a terminal would.
	go func() { _, _ = io.Copy(c.stdin, c.emu) }()
	go c.read(out)
	r.t.Cleanup(c.close)
	return c, nil
}

func (c *client) read(out io.Reader) {
	defer close(c.done)
	buf := make([]byte, 32<<10)
	for {
		n, err := out.Read(buf)
		if n > 0 {
			c.mu.Lock()
			_, _ = c.emu.Write(buf[:n])
			c.frames++
			if len(c.forbidden) > 0 {
				screen := c.emu.String()
				raw := string(buf[:n])
				for _, f := range c.forbidden {
					if strings.Contains(screen, f) || strings.Contains(raw, f) {
						c.seen = append(c.seen, f)
					}
				}
			}
			c.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

func (c *client) close() {
	_ = c.sess.Close()
	_ = c.cl.Close()
}

// screen is what the terminal shows now.
func (c *client) screen() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.emu.String()
}

// waitFor waits until the screen shows text.
func (c *client) waitFor(text string) {
	c.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(c.screen(), text) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	c.t.Fatalf("%s: the screen never showed %q; it shows:\n%s", c.name, text, c.screen())
}

// typeKeys sends keys as a terminal sends them.
func (c *client) typeKeys(keys ...string) {
	c.t.Helper()
	for _, k := range keys {
		s := k
		switch k {
		case "enter":
			s = "\r"
		case "esc":
			s = "\x1b"
		case "tab":
			s = "\t"
		case "down":
			s = "\x1b[B"
		case "up":
			s = "\x1b[A"
		}
		if _, err := io.WriteString(c.stdin, s); err != nil {
			c.t.Fatalf("%s: typing %q: %v", c.name, k, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// ended waits for the server to end the session.
func (c *client) ended() bool {
	select {
	case <-c.done:
		return true
	case <-time.After(10 * time.Second):
		return false
	}
}

func (c *client) forbid(texts ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.forbidden = append(c.forbidden, texts...)
}

func (c *client) leaks() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.seen...)
}

func seatCode(s *Server, seat string) string { return s.Codes().Seats[seat] }

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
