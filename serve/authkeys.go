package serve

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/internal/safetext"
	"github.com/chokepoint-game/chokepoint/tui"
)

// maxName is the longest person's name kept (the engine's limit on
// Command.By).
const maxName = 40

// KeyEntry is one public key allowed in without a code: where it leads
// and the name of its owner.
type KeyEntry struct {
	Key   gossh.PublicKey
	Place Place
	Name  string
}

// maxKeysFile bounds the authorized keys file read.
const maxKeysFile = 1 << 20

// ReadAuthorizedKeys reads a file of keys that join without a code. Each
// line is a place (a seat id, "facilitator" or "projector") and then a
// line of OpenSSH's authorized_keys format; the key's comment, if any,
// is its owner's name:
//
//	us ssh-ed25519 AAAAC3Nza... alice
//	facilitator ssh-ed25519 AAAAC3Nza... prof-lee
//
// Blank lines and lines starting with # are skipped.
func ReadAuthorizedKeys(path string, sc *game.PublicScenario) ([]KeyEntry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(data) > maxKeysFile {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, maxKeysFile)
	}
	return parseAuthorizedKeys(path, data, sc)
}

func parseAuthorizedKeys(path string, data []byte, sc *game.PublicScenario) ([]KeyEntry, error) {
	var out []KeyEntry
	sn := bufio.NewScanner(bytes.NewReader(data))
	sn.Buffer(make([]byte, 64<<10), maxKeysFile)
	for n := 1; sn.Scan(); n++ {
		line := strings.TrimSpace(sn.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		bad := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", path, n, fmt.Sprintf(format, args...))
		}
		where, rest, ok := strings.Cut(line, " ")
		if !ok {
			return nil, bad("write PLACE KEY (a seat, facilitator or projector, then the public key)")
		}
		var p Place
		switch where {
		case "facilitator":
			p = Place{Role: tui.RoleFacilitator, Seat: -1}
		case "projector":
			p = Place{Role: tui.RoleProjector, Seat: -1}
		default:
			i, ok := sc.SeatIndex(where)
			if !ok {
				return nil, bad("%s has no seat %q", sc.ID, safetext.Escape(where, false))
			}
			p = Place{Role: tui.RoleSeat, Seat: i}
		}
		key, comment, _, _, err := gossh.ParseAuthorizedKey([]byte(strings.TrimSpace(rest)))
		if err != nil {
			return nil, bad("not a public key: %v", err)
		}
		out = append(out, KeyEntry{Key: key, Place: p, Name: cleanName(comment)})
	}
	if err := sn.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return out, nil
}

// cleanName makes a person's name safe to show and to put in commands:
// control characters gone, spaces trimmed, at most maxName characters.
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		if safetext.Unsafe(r) {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > maxName {
		s = string([]rune(s)[:maxName])
	}
	return strings.TrimSpace(s)
}

// findKey is the entry of a key, if it is allowed.
func findKey(keys []KeyEntry, k ssh.PublicKey) (KeyEntry, bool) {
	for _, e := range keys {
		if ssh.KeysEqual(e.Key, k) {
			return e, true
		}
	}
	return KeyEntry{}, false
}
