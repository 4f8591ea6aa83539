package serve

import (
	"encoding/json"

	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/chokepoint-game/chokepoint/saves"
)

// codesDir is the store's folder of the join codes of served games.
const codesDir = "classroom"

// codesPath is where the codes of a game are kept: beside the store's
// autosaves, in a file only its owner may read (the codes let anyone in).
func codesPath(store *saves.Store, gameID string) string {
	return filepath.Join(store.Dir, codesDir, gameID+".codes.json")
}

// WriteCodes keeps a game's codes in the store, mode 0600, so that a
// resumed game keeps them.
func WriteCodes(store *saves.Store, c *Codes) error {
	dir := filepath.Join(store.Dir, codesDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	data, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	return writePrivate(codesPath(store, c.Game), append(data, '\n'))
}

// ReadCodes reads the codes kept for a game; a game without any gives an
// error satisfying errors.Is(err, os.ErrNotExist).
func ReadCodes(store *saves.Store, gameID string) (*Codes, error) {
	path := codesPath(store, gameID)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 1<<20))
	if err != nil {
		return nil, err
	}
	var c Codes
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if c.Game != gameID {
		return nil, fmt.Errorf("%s: the codes are of game %q, not %q", path, c.Game, gameID)
	}
	return &c, nil
}

// writePrivate writes a file only its owner may read, atomically: a
// crash leaves the old file or the new one.
func writePrivate(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".codes-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Keep is how a served game is kept: the keeper of its save writes an
// autosave after every phase. The facilitator console's after-action
// report (its w) goes to the keeper's store too.
type Keep struct {
	Keeper *saves.Keeper
	// Dir is the store's directory.
	Dir string
}
