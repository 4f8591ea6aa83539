// Command compile rewrites content/compiled/*.gob from the shipped YAML
// scenarios; `go generate ./content` runs it from the content directory.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/chokepoint-game/chokepoint/content"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "compile:", err)
		os.Exit(1)
	}
}

func run() error {
	old, _ := filepath.Glob("compiled/*.gob")
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	for _, e := range content.Shipped() {
		data, err := content.CompileShipped(e.ID)
		if err != nil {
			return fmt.Errorf("%s: %w", e.ID, err)
		}
		if err := os.WriteFile(filepath.Join("compiled", e.ID+".gob"), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
