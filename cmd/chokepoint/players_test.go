package main

import (
	"strings"
	"testing"
)

// play and sim read players with one grammar: what one accepts the other
// does, and a contradiction or a bad name is a usage mistake (exit 2)
// before any screen opens. With no terminal, an accepted play command
// stops at "needs a terminal" (exit 1): its players were good.
func TestPlayerGrammarIsShared(t *testing.T) {
	persona := writeFile(t, "mine.yaml", strings.Replace(readShipped(t, "hawk"), "name: hawk", "name: mine", 1))
	accepted := [][]string{
		{"play", "--ai", "all=hawk"},
		{"play", "--ai", "prc=personality:" + persona},
		{"play", "--ai", "prc=playbook:embargo,eu=opportunist@hard", "--ai", "japan=passive"},
		{"play", "--seat", "eu", "--ai", "us=human"},
	}
	for _, args := range accepted {
		code, _, errs := chokepoint(t, args...)
		if code != 1 || !strings.Contains(errs, "terminal") {
			t.Errorf("%q: code %d, %q; want the players accepted", args, code, errs)
		}
		sim := []string{"sim", "--games", "1", "--turns", "1", "--seats", strings.ReplaceAll(args[len(args)-1], "human", "passive")}
		if code, _, errs := chokepoint(t, sim...); code != 0 {
			t.Errorf("%q: code %d, %q", sim, code, errs)
		}
	}
	refused := [][]string{
		{"play", "--seat", "us", "--ai", "us=hawk"},
		{"play", "--ai", "prc=hawk@"},
		{"play", "--ai", "prc=hawk@brutal"},
		{"play", "--ai", "mars=hawk"},
		{"play", "--ai", "prc=nobody"},
		{"play", "--ai", "prc=hawk,prc=dove"},
		{"sim", "--seats", "prc=hawk@"},
		{"sim", "--seats", "prc=human"},
		{"sim", "--seats", "prc=passive@hard"},
	}
	for _, args := range refused {
		code, out, errs := chokepoint(t, args...)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: code %d, stdout %q, stderr %q; want one line and exit 2", args, code, out, errs)
		}
	}
}
