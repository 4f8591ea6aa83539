// Package palette holds the seats' colours, one per seat in scenario
// order, so that the terminal and the after-action report draw each seat
// in the same colour.
package palette

// Light are the seats' colours on a light background (and on paper);
// Dark on a dark one. Each is distinct from the others on its background.
var (
	Light = []string{"#005fd7", "#d70000", "#875f00", "#8700af", "#00875f", "#af5f00", "#3a7a00", "#af005f", "#007f7f", "#5f4b1f", "#3f3fbf", "#4e4e4e"}
	Dark  = []string{"#5fafff", "#ff5f5f", "#ffd75f", "#d787ff", "#5fd7af", "#ff8700", "#87d75f", "#ff87d7", "#00d7d7", "#d7af87", "#afafff", "#bcbcbc"}
)

// Seat is seat i's colour on a light background.
func Seat(i int) string {
	if i < 0 {
		return "#4e4e4e"
	}
	return Light[i%len(Light)]
}
