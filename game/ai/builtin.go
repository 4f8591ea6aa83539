package ai

import "slices"

// builtins are the players a command line can name directly. Each entry
// makes a fresh player for one seat of one game, so that a player with
// memory never shares it between games.
var builtins = map[string]func() Player{
	"passive": func() Player { return Passive{} },
}

// Builtin returns the constructor of the built-in player with the given
// name.
func Builtin(name string) (func() Player, bool) {
	f, ok := builtins[name]
	return f, ok
}

// BuiltinNames lists the built-in players' names, sorted.
func BuiltinNames() []string {
	names := make([]string, 0, len(builtins))
	for n := range builtins {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
