package content

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// A save keeps a copy of the scenario a game was played on, exactly as it
// was read, so that it still loads after the file changes or is deleted.
// This file gives callers the bytes behind a scenario, through the
// loader's public functions only.

// Source is a scenario together with the text it was loaded from.
type Source struct {
	Scenario *game.Scenario
	// Data is the scenario file's bytes, unchanged.
	Data []byte
	// Digest is SourceDigest(Data).
	Digest string
	// Shipped is true when the scenario is one of the shipped ones, read
	// by id rather than from a file.
	Shipped bool
}

// SourceDigest is the digest a save records for a scenario's text:
// "sha256:" and the hex SHA-256 of the bytes.
func SourceDigest(data []byte) string {
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// ShippedSource returns the text of the shipped scenario with the given
// id, and its digest; ok is false when no scenario of that id is shipped.
// The bytes are the caller's to keep.
func ShippedSource(id string) (data []byte, digest string, ok bool) {
	if !slices.Contains(ScenarioNames(), id) {
		return nil, "", false
	}
	data, err := ScenarioSource(id)
	if err != nil {
		return nil, "", false
	}
	return data, SourceDigest(data), true
}

// GetSource loads the shipped scenario with the given id with its text.
func GetSource(id string) (*Source, error) {
	data, digest, ok := ShippedSource(id)
	if !ok {
		return nil, fmt.Errorf("no shipped scenario %q (shipped: %s)", id, strings.Join(ScenarioNames(), ", "))
	}
	sc, err := Get(id)
	if err != nil {
		return nil, err
	}
	return &Source{Scenario: sc, Data: data, Digest: digest, Shipped: true}, nil
}

// ResolveSource is Resolve with the scenario's text: a shipped id when
// there is one by that name, otherwise a file path. The file is read once,
// so the text and the scenario always agree. Errors are those of Resolve.
func ResolveSource(idOrPath string) (*Source, error) {
	if slices.Contains(ScenarioNames(), idOrPath) {
		return GetSource(idOrPath)
	}
	data, err := readFile(idOrPath, "scenario")
	if errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(idOrPath, `/\.`) {
		return nil, fmt.Errorf("no shipped scenario and no file named %q (shipped: %s)", idOrPath, strings.Join(ScenarioNames(), ", "))
	}
	if err != nil {
		return nil, err
	}
	sc, err := Load(idOrPath, data)
	if err != nil {
		return nil, err
	}
	return &Source{Scenario: sc, Data: data, Digest: SourceDigest(data)}, nil
}
