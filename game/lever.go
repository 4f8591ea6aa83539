package game

// LeverKind says what a model does with a lever. A scenario names the kind
// of each of its levers; several levers may not share a kind, so a model
// and a deal clause can find "the tariff lever" without knowing its id.
type LeverKind uint8

// Lever kinds. The scope each kind allows is fixed: see kindScope.
const (
	LeverTariff           LeverKind = iota // rate on the target's goods, %
	LeverLicensing                         // rare-earth export licences to the target: share granted
	LeverExtraterritorial                  // rule on re-exports of the seat's rare-earth content: 0 off, 1 on
	LeverChips                             // chip export controls on the target: strength 0..1
	LeverSoftware                          // software export controls on the target: strength 0..1
	LeverFinance                           // financial sanctions on the target: strength 0..1
	LeverInvestMining                      // spend on mines, $bn a turn
	LeverInvestSeparation                  // spend on separation plants, $bn a turn
	LeverInvestMagnets                     // spend on magnet plants, $bn a turn
	LeverStockpile                         // stockpile purchases, kt a turn
	LeverSubstitutes                       // spend on recycling and substitutes, $bn a turn
	LeverPriceFloor                        // guaranteed price for domestic producers, $/kg
	LeverCoalition                         // membership of the buyers' club: 0 out, 1 in
	LeverPurchases                         // purchases from the target, $bn a turn
	LeverReserve                           // separation capacity reserved for the target, kt a year
	LeverFlood                             // exports below cost to undercut producers elsewhere: discount 0..1
	NumLeverKinds
)

var leverKindNames = [NumLeverKinds]string{
	"tariff", "licensing", "extraterritorial", "chips", "software", "finance",
	"invest-mining", "invest-separation", "invest-magnets", "stockpile", "substitutes",
	"price-floor", "coalition", "purchases", "reserve", "flood",
}

func (k LeverKind) String() string {
	if k < NumLeverKinds {
		return leverKindNames[k]
	}
	return "lever?"
}

// ParseLeverKind maps a scenario name to a LeverKind.
func ParseLeverKind(name string) (LeverKind, bool) {
	for i, n := range leverKindNames {
		if n == name {
			return LeverKind(i), true
		}
	}
	return 0, false
}

// LeverKinds lists every lever kind name.
func LeverKinds() []string { return leverKindNames[:] }

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

func parseScope(name string) (Scope, bool) {
	for i, n := range scopeNames {
		if n == name {
			return Scope(i), true
		}
	}
	return 0, false
}

// kindScope is the only scope each kind may have.
func kindScope(k LeverKind) Scope {
	switch k {
	case LeverTariff, LeverLicensing, LeverChips, LeverSoftware, LeverFinance, LeverPurchases, LeverReserve:
		return ScopeEach
	case LeverExtraterritorial, LeverFlood:
		return ScopeAll
	default:
		return ScopeSelf
	}
}
