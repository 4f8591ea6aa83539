package saves

import "encoding/json"

// A migration turns the top-level fields of a save of one format version
// into those of the next version. migrations[v] reads version v and
// writes version v+1; a save of version v < Version passes through every
// migration from v on, and is then decoded as the present version.
//
// To add version 2: write migrate1to2 below and list it as migrations[1],
// raise Version to 2 and change document to the new shape, and add
// testdata/format/v2.json (go test ./saves -run TestFormatFixtures
// -update writes the present version's fixture). The fixture of version 1
// stays, and its test then proves the migration.
type migration func(doc map[string]json.RawMessage) error

var migrations = map[int]migration{}
