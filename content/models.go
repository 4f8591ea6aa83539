package content

// The models a scenario may choose. Loading a scenario needs its model
// registered, and every program that loads scenarios goes through this
// package, so the models are imported here.
import (
	_ "github.com/chokepoint-game/chokepoint/game/econ"
	_ "github.com/chokepoint-game/chokepoint/game/payoff"
)
