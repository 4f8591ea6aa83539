package content

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/gob"

	"github.com/chokepoint-game/chokepoint/game"
)

// The shipped scenarios are also kept pre-decoded, as gob, because
// parsing a large commented YAML file takes goccy/go-yaml about 20 ms and
// a game should start at once. The YAML files stay the source: `go
// generate ./content` rewrites the gob files from them; each records the
// digest of the YAML it came from, and a stale one is ignored (and
// TestCompiledScenariosMatchYAML fails). Files a user passes by path are
// always read as YAML, with every mistake positioned.
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
	source, err := shippedFS.ReadFile("scenarios/" + id + ".yaml")
	if err != nil {
		return nil, false
	}
	var c compiledScenario
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&c); err != nil {
		return nil, false
	}
	if c.Source != sha256.Sum256(source) || c.Scenario == nil {
		return nil, false
	}
	if errs := c.Scenario.Validate(); errs != nil {
		return nil, false
	}
	return c.Scenario, true
}

// compiledScenario is what a gob file holds: the scenario and the digest
// of the YAML it was decoded from.
type compiledScenario struct {
	Source   [sha256.Size]byte
	Scenario *game.Scenario
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

// CompileShipped encodes a shipped scenario, read from its YAML, in the
// pre-decoded form Get reads.
func CompileShipped(id string) ([]byte, error) {
	source, err := shippedFS.ReadFile("scenarios/" + id + ".yaml")
	if err != nil {
		return nil, err
	}
	sc, err := Load("scenarios/"+id+".yaml", source)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(compiledScenario{Source: sha256.Sum256(source), Scenario: sc}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
