package game

// Scope says towards whom a lever is set.
type Scope uint8

// Scopes.
const (
	ScopeEach Scope = iota // one level towards each other seat
	ScopeAll               // one level that applies to the whole world
	ScopeSelf              // one level for the seat's own economy
)

var scopeNames = [...]string{"each", "all", "self"}

func (s Scope) String() string {
	if int(s) < len(scopeNames) {
		return scopeNames[s]
	}
	return "scope?"
}

// MarshalText writes the scope by name.
func (s Scope) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

func parseScope(name string) (Scope, bool) {
	for i, n := range scopeNames {
		if n == name {
			return Scope(i), true
		}
	}
	return 0, false
}

// Bound is how a deal clause bounds its lever: at most a level (no
// stronger than it) or at least a level (no milder). Levels run from the
// mildest to the strongest, so "at most" is the concession on a tariff or
// a control, and "at least" on purchases or a joint stockpile.
type Bound uint8

// Bounds.
const (
	AtMost Bound = iota
	AtLeast
	numBounds
)

var boundNames = [numBounds]string{"at-most", "at-least"}

func (b Bound) String() string {
	if b < numBounds {
		return boundNames[b]
	}
	return "bound?"
}

// MarshalText writes the bound by name.
func (b Bound) MarshalText() ([]byte, error) { return []byte(b.String()), nil }

// UnmarshalText reads a bound name.
func (b *Bound) UnmarshalText(t []byte) error {
	for i, n := range boundNames {
		if n == string(t) {
			*b = Bound(i)
			return nil
		}
	}
	return &UnknownNameError{What: "bound", Name: string(t)}
}

// Holds reports whether a level keeps within the bound of level.
func (b Bound) Holds(level, bound int) bool {
	if b == AtMost {
		return level <= bound
	}
	return level >= bound
}

// Clamp moves level the least way that keeps it within the bound.
func (b Bound) Clamp(level, bound int) int {
	if b == AtMost {
		return min(level, bound)
	}
	return max(level, bound)
}
