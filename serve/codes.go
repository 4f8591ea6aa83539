package serve

import (
	"crypto/rand"
	"strings"
)

// Join codes. A code is read aloud in a classroom and typed on a laptop,
// so its alphabet leaves out the characters that look or sound alike (0
// and o, 1, l and i); nine characters of 31 give 44 bits, too many to
// guess at the rate wrong codes are allowed. Codes come from crypto/rand:
// the game's seeded generator is known to whoever knows the seed.
const (
	codeAlphabet = "23456789abcdefghjkmnpqrstuvwxyz"
	codeLen      = 9
	codeGroup    = 3
)

// NewCode returns a fresh join code, written in groups of three
// ("k7m-xq2-hvd").
func NewCode() string {
	var b strings.Builder
	// Rejection sampling keeps every character equally likely: bytes at
	// or above the largest multiple of the alphabet's size are drawn again.
	limit := byte(256 - 256%len(codeAlphabet))
	var buf [1]byte
	for n := 0; n < codeLen; {
		_, _ = rand.Read(buf[:]) // crypto/rand.Read never fails (Go 1.24+)
		if buf[0] >= limit {
			continue
		}
		if n > 0 && n%codeGroup == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(codeAlphabet[int(buf[0])%len(codeAlphabet)])
		n++
	}
	return b.String()
}

// normalCode is a code as typed, made comparable: case, spaces and dashes
// do not matter. It returns "" for text that cannot be a code, so that a
// stray name never matches.
func normalCode(s string) string {
	if len(s) > 64 {
		return ""
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '-' || r == ' ' || r == '\t':
		case r < 128 && strings.IndexByte(codeAlphabet, byte(r)) >= 0:
			b.WriteRune(r)
		default:
			return ""
		}
	}
	if b.Len() != codeLen {
		return ""
	}
	return b.String()
}
