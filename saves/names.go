package saves

import (
	"crypto/rand"
	"encoding/hex"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// MaxNameLen is the longest save name, in characters.
const MaxNameLen = 80

// FileName is the file a named save is written to: the name with every
// run of characters other than letters, digits, "-", "_" and "." turned
// into one "-", without leading dots or dashes, and ".json" added.
// "Period 3: before the vote" becomes "Period-3-before-the-vote.json". A
// name that leaves nothing, or is longer than MaxNameLen, is refused.
func FileName(name string) (string, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", newError(ErrBadName, "a save needs a name")
	case utf8.RuneCountInString(name) > MaxNameLen:
		return "", newError(ErrBadName, "a save name may be at most %d characters, not %d", MaxNameLen, utf8.RuneCountInString(name))
	}
	if p := safetext.Check(name, false); p != nil {
		return "", newError(ErrBadName, "the name %s", p.Error())
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSuffix(name, ".json") {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	slug := strings.Trim(b.String(), "-.")
	if slug == "" {
		return "", newError(ErrBadName, "the name %q has no letters or digits to make a file name of", clip(name, 40))
	}
	// Names Windows keeps for devices.
	if base, _, _ := strings.Cut(strings.ToUpper(slug), "."); slices.Contains(reserved, base) {
		slug += "-save"
	}
	return slug + ".json", nil
}

var reserved = []string{"CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"}

// stampLayout is the time in an autosave's name: UTC, fixed width, so
// that the names of one game sort by time.
const stampLayout = "20060102T150405.000000000"

// autosaveName is ID-TIME-R.json: the game, the time (UTC) and four
// random hex digits, so that two processes saving the same game in the
// same nanosecond still write two files.
func autosaveName(id string, t time.Time) string {
	var r [2]byte
	_, _ = rand.Read(r[:])
	return id + "-" + t.UTC().Format(stampLayout) + "Z-" + hex.EncodeToString(r[:]) + ".json"
}

// parseAutosaveName reads the game id and time of an autosave's name.
func parseAutosaveName(name string) (id, stamp string, ok bool) {
	base, ok := strings.CutSuffix(name, ".json")
	if !ok {
		return "", "", false
	}
	parts := strings.Split(base, "-")
	if len(parts) != 3 || !validID(parts[0]) || len(parts[1]) != len(stampLayout)+1 || len(parts[2]) != 4 {
		return "", "", false
	}
	if _, err := time.Parse(stampLayout+"Z", parts[1]); err != nil {
		return "", "", false
	}
	if _, err := hex.DecodeString(parts[2]); err != nil {
		return "", "", false
	}
	return parts[0], parts[1], true
}

// CheckName checks a name a person typed for a save, as a name: one that
// looks like a file path ("../lesson", "~/x", "C:\saves\x") is refused
// with the reason, rather than quietly flattened into a file name, since
// whoever typed it meant a place the save will not go. It returns the
// file name the save will have.
func CheckName(name string) (string, error) {
	n := strings.TrimSpace(name)
	switch {
	case strings.ContainsAny(n, `/\`):
		return "", newError(ErrBadName, "a save name is a name, not a file path: leave out / and \\ (saves go in the save directory)")
	case strings.HasPrefix(n, "~") || strings.HasPrefix(n, "."):
		return "", newError(ErrBadName, "a save name is a name, not a file path: begin it with a letter or digit")
	case len(n) == 2 && n[1] == ':' && (n[0]|0x20 >= 'a' && n[0]|0x20 <= 'z'):
		return "", newError(ErrBadName, "a save name is a name, not a file path: leave out the drive letter")
	}
	return FileName(n)
}
