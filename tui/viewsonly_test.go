package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The terminal interface and the AI see a game only through views: no
// screen or player may name the full scenario (with every seat's secret
// pool and briefing) or the game's state, or call what builds them. Only
// the code that sets a game up and opens its table may hold a scenario,
// to hand it to the table. A reach past the view fails here before it
// can leak a secret.
func TestClientsSeeOnlyViews(t *testing.T) {
	forbidden := map[string]bool{
		"Scenario": true, "State": true, "ViewFor": true, "NewGame": true,
		"Apply": true, "Replay": true, "Hash": true, "Forecast": false,
	}
	setup := map[string]bool{
		"players.go": true, // the spec of a game to open: a scenario and who plays each seat
		"session.go": true, // opens the table with that scenario
	}
	for _, dir := range []string{".", filepath.Join("..", "game", "ai")} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") || dir == "." && setup[filepath.Base(path)] {
				continue
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "game" && forbidden[sel.Sel.Name] {
					t.Errorf("%s: game.%s reaches past the view", fset.Position(sel.Pos()), sel.Sel.Name)
				}
				if sel.Sel.Name == "Scenario" {
					if _, call := parentCall(f, sel); call {
						t.Errorf("%s: .Scenario() reaches past the view", fset.Position(sel.Pos()))
					}
				}
				return true
			})
		}
	}
}

// parentCall reports whether sel is the function of a call.
func parentCall(f *ast.File, sel *ast.SelectorExpr) (*ast.CallExpr, bool) {
	var found *ast.CallExpr
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && c.Fun == sel {
			found = c
			return false
		}
		return found == nil
	})
	return found, found != nil
}
