package content_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
)

// Every shipped scenario's text loads to the scenario Get returns, and its
// digest is the one SourceDigest gives for it.
func TestShippedSources(t *testing.T) {
	for _, e := range content.Shipped() {
		src, err := content.ResolveSource(e.ID)
		if err != nil {
			t.Fatalf("%s: %v", e.ID, err)
		}
		if !src.Shipped || src.Scenario.ID != e.ID || src.Digest != content.SourceDigest(src.Data) {
			t.Errorf("%s: shipped %v, id %q, digest %s", e.ID, src.Shipped, src.Scenario.ID, src.Digest)
		}
		fromText, err := content.Load(e.ID+".yaml", src.Data)
		if err != nil {
			t.Fatalf("%s: its text does not load: %v", e.ID, err)
		}
		if fromText.Title != src.Scenario.Title || fromText.Turns != src.Scenario.Turns {
			t.Errorf("%s: the text is not the scenario Get returns", e.ID)
		}
		data, digest, ok := content.ShippedSource(e.ID)
		if !ok || digest != src.Digest || string(data) != string(src.Data) {
			t.Errorf("%s: ShippedSource disagrees with ResolveSource", e.ID)
		}
	}
	if _, _, ok := content.ShippedSource("no-such-scenario"); ok {
		t.Error("ShippedSource found a scenario that is not shipped")
	}
}

func TestResolveSourceFile(t *testing.T) {
	data, _, _ := content.ShippedSource("prisoners-dilemma")
	dir := t.TempDir()
	path := filepath.Join(dir, "pd.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := content.ResolveSource(path)
	if err != nil {
		t.Fatal(err)
	}
	if src.Shipped || src.Scenario.ID != "prisoners-dilemma" || src.Digest != content.SourceDigest(data) {
		t.Errorf("from a file: shipped %v, id %q", src.Shipped, src.Scenario.ID)
	}

	_, err = content.ResolveSource("nonesuch")
	if err == nil || !strings.Contains(err.Error(), `no shipped scenario and no file named "nonesuch"`) {
		t.Errorf("an unknown name: %v", err)
	}
	if _, err = content.ResolveSource(filepath.Join(dir, "gone.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
	if _, err = content.ResolveSource(dir); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("a directory: %v", err)
	}
	broken := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(broken, []byte("id: x\nturns: nope\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var ce *content.Error
	if _, err = content.ResolveSource(broken); !errors.As(err, &ce) {
		t.Errorf("a broken file: %v, want a *content.Error", err)
	}
}
