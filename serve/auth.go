package serve

import (
	"fmt"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/chokepoint-game/chokepoint/tui"
)

// What a login leaves in the connection's context for its sessions.
type ctxKey int

const (
	ctxPlace ctxKey = iota
	ctxName
)

// publicKey lets in a key of the authorized keys file, at its place.
func (s *Server) publicKey(ctx ssh.Context, key ssh.PublicKey) bool {
	e, ok := findKey(s.cfg.Keys, key)
	if !ok {
		return false
	}
	ctx.SetValue(ctxPlace, e.Place)
	ctx.SetValue(ctxName, e.Name)
	return true
}

// lookup is the place a typed code leads to.
func (s *Server) lookup(code string) (Place, bool) {
	n := normalCode(code)
	if n == "" {
		return Place{}, false
	}
	p, ok := s.places[n]
	return p, ok
}

// keyboard logs in with a join code: the user name when it is one
// (ssh CODE@HOST), else the answer to a prompt (ssh HOST). Then it asks
// the person's name, which their team and the report will see. Wrong
// codes are counted per address; an address past its allowance is not
// even asked until its allowance grows back.
func (s *Server) keyboard(ctx ssh.Context, ask gossh.KeyboardInteractiveChallenge) bool {
	addr := ctx.RemoteAddr()
	if !s.fails.allowed(addr) {
		s.logf("refused %s: too many wrong codes", addr)
		return false
	}
	p, ok := s.lookup(ctx.User())
	if !ok {
		if normalCode(ctx.User()) != "" {
			// A user name shaped like a code that is none is a guess too.
			s.fails.failed(addr)
			if !s.fails.allowed(addr) {
				return false
			}
		}
		ans, err := ask("", "Chokepoint: type the join code you were given.\n", []string{"Join code: "}, []bool{true})
		if err != nil || len(ans) != 1 {
			return false
		}
		if p, ok = s.lookup(ans[0]); !ok {
			s.fails.failed(addr)
			s.logf("wrong code from %s", addr)
			return false
		}
	}
	name := ""
	if p.Role != tui.RoleProjector {
		what := "your name"
		if p.Role == tui.RoleSeat {
			what = fmt.Sprintf("your name, for your team at %s", s.ps.Seats[p.Seat].Name)
		}
		ans, err := ask("", "", []string{fmt.Sprintf("Type %s (Enter to skip): ", what)}, []bool{true})
		if err != nil {
			return false
		}
		if len(ans) == 1 {
			name = cleanName(ans[0])
		}
	}
	ctx.SetValue(ctxPlace, p)
	ctx.SetValue(ctxName, name)
	return true
}
