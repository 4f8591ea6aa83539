package game

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// Hash is a stable digest of everything in a state: two states with the
// same hash are the same game at the same moment. It is the check that a
// replayed log reproduces a game byte for byte.
func Hash(st State) string {
	h := sha256.New()
	b, err := json.Marshal(&st)
	if err != nil {
		// Only a NaN or an infinity can make a state unencodable; the
		// invariant tests keep them out. Hash the error so that such a state
		// still hashes, and differently from every sound one.
		b = []byte("unencodable state: " + err.Error())
	}
	h.Write(b)
	rng, _ := st.RNG.MarshalBinary()
	h.Write(rng)
	return hex.EncodeToString(h.Sum(nil))
}
