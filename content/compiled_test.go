package content

import (
	"reflect"
	"testing"
)

// The pre-decoded scenarios must be exactly what their YAML says; when
// this fails, run `go generate ./content`.
func TestCompiledScenariosMatchYAML(t *testing.T) {
	for _, e := range Shipped() {
		fromYAML, err := ShippedYAML(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		fromGob, ok := compiled(e.ID)
		if !ok {
			t.Fatalf("%s has no valid pre-decoded form: run go generate ./content", e.ID)
		}
		if !reflect.DeepEqual(fromYAML.Data(), fromGob.Data()) {
			t.Errorf("%s: the pre-decoded scenario differs from its YAML: run go generate ./content", e.ID)
		}
	}
}
