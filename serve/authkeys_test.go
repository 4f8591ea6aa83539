package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

func newKey(t *testing.T) (gossh.Signer, string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	must(t, err)
	signer, err := gossh.NewSignerFromKey(priv)
	must(t, err)
	return signer, strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey())))
}

// TestAuthorizedKeysJoinWithoutACode: a listed key joins its seat under
// its comment's name; an unlisted key is asked for a code.
func TestAuthorizedKeysJoinWithoutACode(t *testing.T) {
	sc := testScenario(t)
	aiko, aikoLine := newKey(t)
	stranger, _ := newKey(t)
	keys, err := parseAuthorizedKeys("keys", []byte("# the Japan team\n\njapan "+aikoLine+" Aiko Tanaka\n"), sc.Public())
	must(t, err)
	r := openRoom(t, Config{Scenario: sc, Keys: keys})
	dial := func(s gossh.Signer) (*gossh.Client, error) {
		return gossh.Dial("tcp", r.addr, &gossh.ClientConfig{User: "anyone", Auth: []gossh.AuthMethod{gossh.PublicKeys(s)},
			HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second}) //nolint:gosec // a test server
	}
	cl, err := dial(aiko)
	must(t, err)
	c, err := r.open(cl, "Aiko", 100, 30)
	must(t, err)
	c.waitFor("Aiko Tanaka")
	c.waitFor("(your seat)")
	if ro := r.s.Roster(); len(ro.Seats[0]) != 1 || ro.Seats[0][0] != "Aiko Tanaka" {
		t.Fatalf("the key did not join Japan as its owner: %+v", ro)
	}
	if _, err := dial(stranger); err == nil {
		t.Fatal("an unlisted key joined")
	}
}

func TestAuthorizedKeysFileMistakes(t *testing.T) {
	sc := testScenario(t)
	_, line := newKey(t)
	for _, c := range []struct{ text, want string }{
		{"narnia " + line, "keys:1: embargo-2010 has no seat \"narnia\""},
		{"\n\njapan ssh-ed25519 AAAA", "keys:3: not a public key"},
		{line, "keys:1: embargo-2010 has no seat \"ssh-ed25519\""},
		{"japan", "keys:1: write PLACE KEY"},
	} {
		_, err := parseAuthorizedKeys("keys", []byte(c.text), sc.Public())
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: %v, want %s", c.text, err, c.want)
		}
	}
}
