package serve

import (
	"net"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limits bound what the room's clients may take of the server. Zero
// fields take the defaults.
type Limits struct {
	// MaxConns caps the SSH connections open at once, MaxSessions the
	// sessions (terminals) across them, and SessionsPerConn the sessions
	// one connection may open.
	MaxConns, MaxSessions, SessionsPerConn int
	// Idle ends a session that has sent no key for this long (the
	// projector, which never types, excepted).
	Idle time.Duration
	// WrongCodes wrong codes are allowed from one address at once; after
	// them, one more every WrongCodeEvery.
	WrongCodes     int
	WrongCodeEvery time.Duration
	// InputRate is the most bytes a second one session may type (a huge
	// paste is read at this pace, so it costs the server no more than
	// fast typing); InputBurst what it may send at once.
	InputRate, InputBurst int
	// ResizeEvery is the shortest gap between two window sizes handed to
	// a session's program: a storm of resizes redraws a few times, not a
	// thousand.
	ResizeEvery time.Duration
	// Handshake is the time a connection has to log in.
	Handshake time.Duration
}

// withDefaults fills the zero fields.
func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	defD := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.MaxConns, 120)
	def(&l.MaxSessions, 120)
	def(&l.SessionsPerConn, 4)
	def(&l.WrongCodes, 8)
	def(&l.InputRate, 32<<10)
	def(&l.InputBurst, 16<<10)
	defD(&l.Idle, 90*time.Minute)
	defD(&l.WrongCodeEvery, 5*time.Second)
	defD(&l.ResizeEvery, 40*time.Millisecond)
	defD(&l.Handshake, 30*time.Second)
	return l
}

// failLimiter counts wrong codes per address.
type failLimiter struct {
	mu    sync.Mutex
	every time.Duration
	burst int
	addrs map[string]*rate.Limiter
}

// maxFailAddrs bounds the addresses remembered; past it the oldest
// memory is dropped whole (a flood of addresses is a network problem,
// not a guesser).
const maxFailAddrs = 4096

func newFailLimiter(l Limits) *failLimiter {
	return &failLimiter{every: l.WrongCodeEvery, burst: l.WrongCodes, addrs: map[string]*rate.Limiter{}}
}

func (f *failLimiter) limiter(addr net.Addr) *rate.Limiter {
	host := addr.String()
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	l, ok := f.addrs[host]
	if !ok {
		if len(f.addrs) >= maxFailAddrs {
			f.addrs = map[string]*rate.Limiter{}
		}
		l = rate.NewLimiter(rate.Every(f.every), f.burst)
		f.addrs[host] = l
	}
	return l
}

// allowed reports whether the address may try a code now.
func (f *failLimiter) allowed(addr net.Addr) bool {
	return f.limiter(addr).Tokens() >= 1
}

// failed counts a wrong code from the address.
func (f *failLimiter) failed(addr net.Addr) { f.limiter(addr).Allow() }
