package content

import (
	"bytes"
	"embed"
	"encoding/gob"

	"github.com/chokepoint-game/chokepoint/game"
)

// The shipped scenarios are also kept pre-decoded, as gob, because
// parsing a large commented YAML file takes goccy/go-yaml about 20 ms and
// a game should start at once. The YAML files stay the source: `go
// generate ./content` rewrites the gob files from them, and
// TestCompiledScenariosMatchYAML fails when one is stale. Files a user
// passes by path are always read as YAML, with every mistake positioned.
//
//go:generate go run ./internal/compile
//go:embed compiled
var compiledFS embed.FS

// compiled loads a shipped scenario from its pre-decoded form; ok is false
// when there is none or it does not validate, and the caller reads the
// YAML instead.
func compiled(id string) (sc *game.Scenario, ok bool) {
	data, err := compiledFS.ReadFile("compiled/" + id + ".gob")
	if err != nil {
		return nil, false
	}
	sc = new(game.Scenario)
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(sc); err != nil {
		return nil, false
	}
	if errs := sc.Validate(); errs != nil {
		return nil, false
	}
	return sc, true
}

// ShippedYAML loads a shipped scenario from its YAML file, never from
// the pre-decoded form.
func ShippedYAML(id string) (*game.Scenario, error) {
	name := "scenarios/" + id + ".yaml"
	data, err := shippedFS.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return Load(name, data)
}

// Compile encodes a scenario in the pre-decoded form Get reads.
func Compile(sc *game.Scenario) ([]byte, error) {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(sc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
