package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// The classroom load run: opt-in, since it takes over a minute and two
// cores.
//
//	go test ./cmd/chokepoint -run TestServeLoad -load -v
var (
	loadRun      = flag.Bool("load", false, "run the classroom load test against chokepoint serve")
	loadSessions = flag.Int("load-sessions", 30, "sessions in the load test (across every seat and the projector)")
	loadFor      = flag.Duration("load-for", time.Minute, "how long the load test's sessions type")
	loadEvery    = flag.Duration("load-every", 250*time.Millisecond, "the gap between two keys of one session")
	loadCommand  = flag.Int("load-command", 40, "one key in this many at a seat is a command through the table")
)

// loadClient is one laptop of the load test: an x/crypto/ssh session
// with a terminal, its screen kept by a terminal emulator.
type loadClient struct {
	name  string
	cl    *gossh.Client
	sess  *gossh.Session
	stdin io.Writer

	mu    sync.Mutex
	emu   *vt.Emulator
	probe *probe
	ended atomic.Bool
}

// probe waits for the screen to show a key's effect.
type probe struct {
	want func(screen string) bool
	sent time.Time
	got  chan time.Duration
}

func dialLoad(port int, user, name string, w, h int) (*loadClient, error) {
	cfg := &gossh.ClientConfig{
		User:            user,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), //nolint:gosec // a local test server
		Auth: []gossh.AuthMethod{gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
			out := make([]string, len(qs))
			for i := range out {
				out[i] = name
			}
			return out, nil
		})},
		Timeout: 10 * time.Second,
	}
	cl, err := gossh.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port), cfg)
	if err != nil {
		return nil, err
	}
	c := &loadClient{name: name, cl: cl, emu: vt.NewEmulator(w, h)}
	if c.sess, err = cl.NewSession(); err != nil {
		return nil, err
	}
	if err := c.sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	in, err := c.sess.StdinPipe()
	if err != nil {
		return nil, err
	}
	c.stdin = in
	out, err := c.sess.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := c.sess.Shell(); err != nil {
		return nil, err
	}
	go func() { _, _ = io.Copy(in, c.emu) }()
	go c.read(out)
	return c, nil
}

func (c *loadClient) read(out io.Reader) {
	defer c.ended.Store(true)
	buf := make([]byte, 64<<10)
	for {
		n, err := out.Read(buf)
		if n > 0 {
			now := time.Now()
			c.mu.Lock()
			_, _ = c.emu.Write(buf[:n])
			if p := c.probe; p != nil && p.want(c.emu.String()) {
				p.got <- now.Sub(p.sent)
				c.probe = nil
			}
			c.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// await sends key and waits up to limit for the screen to satisfy want;
// it returns the time from the key to the frame that showed it.
func (c *loadClient) await(key string, want func(string) bool, limit time.Duration) (time.Duration, bool) {
	p := &probe{want: want, got: make(chan time.Duration, 1)}
	c.mu.Lock()
	if key == "" && want(c.emu.String()) {
		c.mu.Unlock()
		return 0, true
	}
	c.probe = p
	p.sent = time.Now()
	c.mu.Unlock()
	if key != "" {
		if _, err := io.WriteString(c.stdin, key); err != nil {
			return 0, false
		}
	}
	select {
	case d := <-p.got:
		return d, true
	case <-time.After(limit):
		c.mu.Lock()
		c.probe = nil
		c.mu.Unlock()
		return 0, false
	}
}

func (c *loadClient) screen() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.emu.String()
}

func has(text string) func(string) bool {
	return func(s string) bool { return strings.Contains(s, text) }
}
func hasNot(text string) func(string) bool {
	return func(s string) bool { return !strings.Contains(s, text) }
}

// rss reads a process's resident memory and its peak, in bytes.
func rss(pid int) (now, peak int64) {
	f, err := os.Open(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sn := bufio.NewScanner(f)
	for sn.Scan() {
		fields := strings.Fields(sn.Text())
		if len(fields) < 2 {
			continue
		}
		kb, _ := strconv.ParseInt(fields[1], 10, 64)
		switch fields[0] {
		case "VmRSS:":
			now = kb << 10
		case "VmHWM:":
			peak = kb << 10
		}
	}
	return now, peak
}

// cpuTime is the processor time a process has used so far.
func cpuTime(pid int) time.Duration {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return 0
	}
	// The fields after the command name (which is in parentheses and may
	// hold spaces): utime and stime are the 12th and 13th, in clock
	// ticks of 1/100 s on Linux.
	s := string(data)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	k, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+k) * 10 * time.Millisecond
}

func pct(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	return ds[min(len(ds)-1, int(float64(len(ds))*p))]
}

// TestServeLoad runs chokepoint serve with its sessions spread over every
// seat of rare-earth-card and the projector, every session typing, and
// reports the time from a key to the frame that shows its effect, the
// server's memory, the join times and any session dropped. Every session
// opens and closes the help; one key in -load-command (40) at the seats
// other than the first toggles "done negotiating" instead (a command
// through the table, which redraws every session: 2.6 commands a second
// from the room, more than a class gives); the first seat never does, so
// the game stays in negotiation.
func TestServeLoad(t *testing.T) {
	if !*loadRun {
		t.Skip("opt-in: go test ./cmd/chokepoint -run TestServeLoad -load -v")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	port := freePort(t)
	jt, srv := startServe(t, bin, dir, port, "--scenario", "rare-earth-card", "--seed", "1")
	pid := srv.Process.Pid
	var seats []string
	for _, e := range jt.Entries {
		if e.Role == "seat" {
			seats = append(seats, e.Seat)
		}
	}
	fac, err := dialLoad(port, codeOf(jt, "facilitator", ""), "facilitator", 120, 40)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := fac.await("", has("s start the game"), 10*time.Second); !ok {
		t.Fatalf("the console did not open:\n%s", fac.screen())
	}

	// Join: the projector gets one session in fifteen, the seats the rest.
	type member struct {
		c    *loadClient
		seat int // -1: projector
	}
	var members []member
	var joins []time.Duration
	for i := range *loadSessions {
		seat, code, name := i%len(seats), "", fmt.Sprintf("p%d", i)
		if i%15 == 14 {
			seat, code = -1, codeOf(jt, "projector", "")
		} else {
			code = codeOf(jt, "seat", seats[seat])
		}
		w, h := 100+(i%4)*20, 30+(i%3)*6
		start := time.Now()
		c, err := dialLoad(port, code, name, w, h)
		if err != nil {
			t.Fatalf("session %d: %v", i, err)
		}
		want := has("(your seat)")
		if seat < 0 {
			want = func(s string) bool { return strings.TrimSpace(s) != "" }
		}
		if _, ok := c.await("", want, 10*time.Second); !ok {
			t.Fatalf("session %d never showed its screen:\n%s", i, c.screen())
		}
		joins = append(joins, time.Since(start))
		members = append(members, member{c, seat})
	}
	if _, ok := fac.await("s", hasNot("s start the game"), 10*time.Second); !ok {
		t.Fatalf("the game did not start:\n%s", fac.screen())
	}
	for _, m := range members {
		if m.seat < 0 {
			continue
		}
		if _, ok := m.c.await("", has("Briefing"), 20*time.Second); !ok {
			t.Fatalf("%s: no briefing:\n%s", m.c.name, m.c.screen())
		}
		if _, ok := m.c.await("\r", has("negotiating"), 20*time.Second); !ok {
			t.Fatalf("%s: no game screen:\n%s", m.c.name, m.c.screen())
		}
	}
	_, baseRSS := rss(pid)
	cpu0, wall0, self0 := cpuTime(pid), time.Now(), cpuTime(os.Getpid())

	// Type.
	var (
		mu    sync.Mutex
		lat   []time.Duration
		lost  int
		keys  int
		maxRS int64
	)
	stop := make(chan struct{})
	var sampler sync.WaitGroup
	sampler.Add(1)
	go func() {
		defer sampler.Done()
		for {
			select {
			case <-stop:
				return
			case <-time.After(200 * time.Millisecond):
				now, _ := rss(pid)
				mu.Lock()
				maxRS = max(maxRS, now)
				mu.Unlock()
			}
		}
	}()
	end := time.Now().Add(*loadFor)
	var wg sync.WaitGroup
	for i, m := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * *loadEvery / time.Duration(len(members)))
			help := false
			for n := 0; time.Now().Before(end); n++ {
				next := time.Now().Add(*loadEvery)
				var d time.Duration
				var ok bool
				switch {
				case m.seat > 0 && n%*loadCommand == *loadCommand-1 && !help:
					// Toggle done negotiating: through the table.
					if strings.Contains(m.c.screen(), "● done negotiating") {
						d, ok = m.c.await("r", has("○ not done negotiating"), 2*time.Second)
					} else {
						d, ok = m.c.await("r", has("● done negotiating"), 2*time.Second)
					}
				case help:
					// ? closes the help too: a lone esc is a key only once
					// the terminal parser has waited to see that no
					// sequence follows it.
					d, ok = m.c.await("?", hasNot("close help"), 2*time.Second)
					help = !ok
				default:
					d, ok = m.c.await("?", has("close help"), 2*time.Second)
					help = ok
				}
				mu.Lock()
				keys++
				if ok {
					lat = append(lat, d)
				} else {
					lost++
				}
				mu.Unlock()
				time.Sleep(time.Until(next))
			}
		}()
	}
	wg.Wait()
	close(stop)
	sampler.Wait()
	cpu := float64(cpuTime(pid)-cpu0) / float64(time.Since(wall0))
	self := float64(cpuTime(os.Getpid())-self0) / float64(time.Since(wall0))
	dropped := 0
	for _, m := range members {
		if m.c.ended.Load() {
			dropped++
		}
	}
	_, peak := rss(pid)
	slices.Sort(lat)
	slices.Sort(joins)
	verdict := func(ok bool) string {
		if ok {
			return "within budget"
		}
		return "OVER BUDGET"
	}
	p99 := pct(lat, 0.99)
	t.Logf("%d sessions (%d seats, projector) typing for %s, a key every %s each, one in %d at a seat a command", len(members), len(seats), *loadFor, *loadEvery, *loadCommand)
	t.Logf("keys %d, shown %d, lost (no frame within 2s) %d", keys, len(lat), lost)
	t.Logf("key to frame: p50 %s  p90 %s  p99 %s  max %s  (%s: p99 < 50ms)",
		pct(lat, 0.5).Round(time.Microsecond*100), pct(lat, 0.9).Round(time.Microsecond*100), p99.Round(time.Microsecond*100),
		pct(lat, 1).Round(time.Microsecond*100), verdict(p99 < 50*time.Millisecond && lost == 0))
	t.Logf("join to first screen: p50 %s  p99 %s  max %s  (%s: < 100ms)",
		pct(joins, 0.5).Round(time.Millisecond), pct(joins, 0.99).Round(time.Millisecond), pct(joins, 1).Round(time.Millisecond),
		verdict(pct(joins, 1) < 100*time.Millisecond))
	t.Logf("server memory: RSS %d MB after the joins, %d MB at most while typing, peak %d MB  (%s: < 200 MB)",
		baseRSS>>20, maxRS>>20, peak>>20, verdict(peak < 200<<20))
	t.Logf("sessions dropped: %d  (%s: none)", dropped, verdict(dropped == 0))
	t.Logf("processor time while typing: the server %.2f of a core, this load generator (30 clients and their terminal emulators) %.2f", cpu, self)
}
