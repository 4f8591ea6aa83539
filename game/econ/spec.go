// Package econ is the economy model of Chokepoint: rare-earth supply by
// stage, licences and the extraterritorial rule, stockpiles, prices and the
// solvency of producers outside the producer seat, industry, tariffs, chip
// and software controls, sanctions, inflation, political capital and
// allied resolve. It plugs into the engine as the model kind "economy";
// every constant is a scenario parameter (see Params). docs/model.md
// gives its equations and the sources of its defaults.
package econ

import (
	"fmt"
	"math"
	"strings"

	"github.com/chokepoint-game/chokepoint/game"
)

// Kind is the model's name in scenarios.
const Kind = "economy"

func init() { game.RegisterModel(&Spec) }

// The lever kinds the model reads, in the order of Spec.Levers.
const (
	kTariff           = iota // rate on the target's goods, %
	kLicensing               // rare-earth export licences to the target: share granted
	kExtraterritorial        // rule on re-exports of the seat's rare-earth content: 0 off, 1 on
	kChips                   // chip export controls on the target: strength 0..1
	kSoftware                // software export controls on the target: strength 0..1
	kFinance                 // financial sanctions on the target: strength 0..1
	kInvestMining            // spend on mines, $bn a turn
	kInvestSeparation        // spend on separation plants, $bn a turn
	kInvestMagnets           // spend on magnet plants, $bn a turn
	kStockpile               // stockpile purchases, kt a turn
	kSubstitutes             // spend on recycling and substitutes, $bn a turn
	kPriceFloor              // guaranteed price for domestic producers, $/kg
	kPurchases               // purchases from the target, $bn a turn
	kFlood                   // exports below cost to undercut producers elsewhere: discount 0..1
	kQuota                   // the producer's production quota: share of its capacity it may run, 0..1
	kReserve                 // the seat's rare-earth output reserved for the target, kt a year
	numKinds
)

// The stocks events may move, in the order of Spec.Stocks.
const (
	stockMining = iota
	stockSeparation
	stockMagnets
	stockStockpile
)

// The model's per-seat indicators, after the engine's score and capital.
const (
	Economy game.Indicator = game.FirstModelIndicator + iota
	Inflation
	Coverage
	Industry
	Tech
	Price
)

// The model's world indicators.
const (
	PriceWorld    = iota // rare-earth price outside China, $/kg
	PriceChina           // rare-earth price inside China, $/kg
	PRCShare             // the producer's share of world separation capacity, 0..1
	Resolve              // allied resolve, 0..1
	ExChinaSupply        // share of demand outside the producer met by production outside it, 0..1
	Outlook              // ex-China supply with the capacity announced to open within the horizon, 0..1
)

// The causes the model reports; 0 is none.
const (
	causeCoverage         uint8 = iota + 1 // rare-earth coverage below demand
	causeTariffOwn                         // this seat's tariffs (prices at home)
	causeTariffOn                          // tariffs on this seat's goods
	causeTech                              // chip and software controls on this seat
	causeControlCost                       // the cost of this seat's own controls
	causeFinance                           // financial sanctions on this seat
	causeInflation                         // inflation above its starting rate
	causeShortage                          // shortages at home
	causeSubstitution                      // domestic substitution recovering tech
	causeStockpile                         // stockpile drawn
	causeRegen                             // political capital regenerating
	causeSpend                             // spending on industrial policy
	causePurchases                         // purchases sold and bought under commitments
	causeOwnSupply                         // the seat's own production
	causePartners                          // supply from partners outside the producer
	causeExtraterritorial                  // what the producer's extraterritorial rule cut from partners' supply
	causeProducer                          // imports from the producer under its licensing
	causePath                              // the economy moving along its baseline path
	causeExports                           // the producer's rare-earth export revenue
	causeReserved                          // supply reserved for this seat under capacity reservations
	causeScarcity                          // the seat's rare-earth market tighter or looser
	causeFlooding                          // the producer's flooding reaching the seat's market
	causeChinaBalance                      // the market inside China tighter or looser
)

var (
	both    = []game.Bound{game.AtMost, game.AtLeast}
	atMost  = []game.Bound{game.AtMost}
	atLeast = []game.Bound{game.AtLeast}
)

// Spec is the model's declaration to the engine.
var Spec = game.ModelSpec{
	Kind: Kind,
	Doc:  "rare-earth supply, prices and solvency, trade, technology controls, inflation, capital and resolve",
	Levers: []game.LeverKindSpec{
		kTariff:           {Name: "tariff", Scope: game.ScopeEach, Hostile: true, Bounds: both, Towards: "on", Unit: "%", Doc: "a tariff on the target's goods, in percent"},
		kLicensing:        {Name: "licensing", Scope: game.ScopeEach, Hostile: true, Bounds: atMost, AtMost: "at least as open as", AtLeast: "no more open than", Doc: "rare-earth export licences to the target: the share of requests granted"},
		kExtraterritorial: {Name: "extraterritorial", Scope: game.ScopeAll, Hostile: true, Bounds: atMost, Doc: "a licence requirement on goods elsewhere that carry the seat's rare-earth content"},
		kChips:            {Name: "chips", Scope: game.ScopeEach, Hostile: true, Bounds: atMost, Towards: "on", Doc: "export controls on advanced chips and chip-making tools"},
		kSoftware:         {Name: "software", Scope: game.ScopeEach, Hostile: true, Bounds: atMost, Towards: "on", Doc: "export controls on software"},
		kFinance:          {Name: "finance", Scope: game.ScopeEach, Hostile: true, Bounds: atMost, Towards: "on", Doc: "financial sanctions"},
		kInvestMining:     {Name: "invest-mining", Scope: game.ScopeSelf, Spend: true, Unit: "$bn a turn", Doc: "spending on new mines, $bn a turn"},
		kInvestSeparation: {Name: "invest-separation", Scope: game.ScopeSelf, Spend: true, Unit: "$bn a turn", Doc: "spending on new separation plants, $bn a turn"},
		kInvestMagnets:    {Name: "invest-magnets", Scope: game.ScopeSelf, Spend: true, Unit: "$bn a turn", Doc: "spending on new magnet plants, $bn a turn"},
		kStockpile:        {Name: "stockpile", Scope: game.ScopeSelf, Spend: true, Bounds: atLeast, Unit: "kt a turn", Doc: "purchases for the strategic stockpile, kt a turn"},
		kSubstitutes:      {Name: "substitutes", Scope: game.ScopeSelf, Spend: true, Unit: "$bn a turn", Doc: "spending on recycling and substitutes, $bn a turn"},
		kPriceFloor:       {Name: "price-floor", Scope: game.ScopeSelf, Spend: true, Unit: "$/kg", Doc: "a price guaranteed to domestic producers, $/kg"},
		kPurchases:        {Name: "purchases", Scope: game.ScopeEach, Bounds: atLeast, Towards: "from", Unit: "$bn a turn", Doc: "purchases from the target, $bn a turn"},
		kFlood:            {Name: "flood", Scope: game.ScopeAll, Hostile: true, Doc: "exports below cost to undercut producers elsewhere"},
		kQuota:            {Name: "quota", Scope: game.ScopeSelf, Bounds: both, Doc: "the producer's production quota: the share of its capacity it lets its mines and plants run"},
		kReserve:          {Name: "reserve", Scope: game.ScopeEach, Bounds: atLeast, Towards: "for", Unit: "kt", Doc: "rare-earth output reserved for the target ahead of every other buyer, kt a year"},
	},
	Indicators: []game.IndicatorSpec{
		{Name: "economy", Label: "econ", Title: "Economic output", Min: 0, Max: game.Unbounded, Better: 1, Decimals: 1,
			Doc: "output index, 100 at the start; it grows on its baseline path less the drags of trade, shortages, controls and inflation"},
		{Name: "inflation", Label: "infl", Title: "Inflation", Unit: "%", Min: -game.Unbounded, Max: game.Unbounded, Better: -1, Decimals: 1,
			Doc: "yearly inflation, %: tariffs on what is still imported and rare-earth shortages raise it"},
		{Name: "coverage", Label: "cover", Title: "Rare-earth coverage", Unit: "%", Min: 0, Max: 100, Better: 1,
			Doc: "the share of rare-earth demand met: own production, imports and stockpile draws over demand"},
		{Name: "industry", Label: "indus", Title: "Industry", Min: 0, Max: game.Unbounded, Better: 1, Decimals: 1,
			Doc: "output of the sectors that need rare earths (cars, defence, electronics), 100 when fully supplied"},
		{Name: "tech", Label: "tech", Title: "Technology access", Min: 0, Max: 100, Better: 1,
			Doc: "access to advanced chips and software, 0 to 100: controls cut it, domestic substitution wins some back slowly"},
		{Name: "price", Label: "price", Title: "Rare-earth price paid", Unit: "$/kg", Min: 0, Max: game.Unbounded, Better: -1,
			Doc: "the price the seat's buyers pay for magnet-grade rare earths, $/kg: it rises steeply with the seat's shortfall, and the producer's flooding lowers it only in proportion to the producer's supply that reaches the seat"},
	},
	World: []game.IndicatorSpec{
		{Name: "price-world", Label: "RE price ex-China", Title: "Rare-earth price outside China", Unit: "$/kg", Min: 0, Max: game.Unbounded,
			Doc: "the price of magnet-grade rare earths outside China, $/kg: the average, weighted by demand, of the prices the seats outside the producer pay"},
		{Name: "price-china", Label: "RE price in China", Title: "Rare-earth price inside China", Unit: "$/kg", Min: 0, Max: game.Unbounded,
			Doc: "the price of magnet-grade rare earths inside China, $/kg: it rises with domestic demand and exports against what the production quota lets out, and falls when withheld exports stay at home"},
		{Name: "prc-share", Label: "PRC refining", Title: "PRC share of separation capacity", Unit: "%", Scale: 100, Min: 0, Max: 1,
			Doc: "the producer's share of the world's rare-earth separation capacity"},
		{Name: "resolve", Label: "resolve", Title: "Allied resolve", Min: 0, Max: 1, Decimals: 2,
			Doc: "how far the allies will pay for independence, 0 to 1: coercion raises it, calm lets it fade; it shortens build times"},
		{Name: "ex-china-supply", Label: "ex-China supply", Title: "Supply from outside China", Unit: "%", Scale: 100, Min: 0, Max: 1,
			Doc: "the share of demand outside the producer met by production outside it"},
		{Name: "ex-china-outlook", Label: "ex-China outlook", Title: "Supply from outside China in prospect", Unit: "%", Scale: 100, Min: 0, Max: 1,
			Doc: "the share of demand outside the producer that capacity outside it could meet once what is announced to open within the outlook horizon runs: what markets and governments expect"},
	},
	Params: params[:],
	Stocks: []game.StockSpec{
		stockMining:     {Name: "mining", Unit: "kt a year", Doc: "mining capacity in operation"},
		stockSeparation: {Name: "separation", Unit: "kt a year", Doc: "separation capacity in operation"},
		stockMagnets:    {Name: "magnets", Unit: "kt a year", Doc: "magnet capacity in operation"},
		stockStockpile:  {Name: "stockpile", Unit: "kt", Doc: "the strategic stockpile"},
	},
	UsesCapital: true,
	CauseText:   causeText,
	Build:       build,
}

// kt writes a quantity of rare earths, with more decimals when it is
// small, so that a real flow never reads as 0.0.
func kt(x float64) string {
	if x != 0 && math.Abs(x) < 1 {
		return fmt.Sprintf("%.2f kt", x)
	}
	return fmt.Sprintf("%.1f kt", x)
}

// money writes an amount in $bn with its sign before the dollar: "$18bn",
// "-$18bn".
func money(x float64, decimals int) string {
	s := fmt.Sprintf("%.*f", decimals, math.Abs(x))
	if x < 0 && strings.Trim(s, "0.") != "" {
		return "-$" + s + "bn"
	}
	return "$" + s + "bn"
}

func orProducer(name string) string {
	if name == "" {
		return "the producer"
	}
	return name
}

// causeText says what one cause was, for the seat it affected.
func causeText(c game.Cause, n game.Names, seat int) string {
	other := n.Tag(int(c.Other))
	lever := func() string {
		name := strings.ToLower(n.LeverName(int(c.Lever)))
		if lv := n.LevelName(int(c.Lever), int(c.Level)); lv != "" {
			return fmt.Sprintf("%s '%s'", name, lv)
		}
		return name
	}
	switch c.Kind {
	case causeCoverage:
		return fmt.Sprintf("rare-earth coverage %.0f%% (%+.1f)", c.Value, c.Delta)
	// The words follow the sign: a cause that helped reads as an easing,
	// never as the harm it does when it grows.
	case causeTariffOwn:
		if c.Delta < 0 {
			return fmt.Sprintf("own tariffs add less to prices (%+.1f)", c.Delta)
		}
		return fmt.Sprintf("own tariffs raise prices (%+.1f)", c.Delta)
	case causeTariffOn:
		switch {
		case other != "" && c.Delta > 0:
			return fmt.Sprintf("lower tariffs on our goods, led by %s's, now %.0f%% (%+.1f)", other, c.Value, c.Delta)
		case other != "":
			return fmt.Sprintf("%s tariff of %.0f%% and others on our goods (%+.1f)", other, c.Value, c.Delta)
		case c.Delta > 0:
			return fmt.Sprintf("lower tariffs on our goods (%+.1f)", c.Delta)
		}
		return fmt.Sprintf("tariffs on our goods (%+.1f)", c.Delta)
	case causeTech:
		switch {
		case c.Delta > 0:
			return fmt.Sprintf("chip and software controls easing (%+.1f)", c.Delta)
		case other != "":
			return fmt.Sprintf("chip and software controls led by %s (%+.1f)", other, c.Delta)
		}
		return fmt.Sprintf("chip and software controls (%+.1f)", c.Delta)
	case causeControlCost:
		if c.Delta > 0 {
			return fmt.Sprintf("sales regained as our own controls ease (%+.1f)", c.Delta)
		}
		return fmt.Sprintf("sales lost to our own controls (%+.1f)", c.Delta)
	case causeFinance:
		if c.Delta > 0 {
			return fmt.Sprintf("financial sanctions easing (%+.1f)", c.Delta)
		}
		return fmt.Sprintf("financial sanctions (%+.1f)", c.Delta)
	case causeInflation:
		return fmt.Sprintf("inflation at %.1f%% (%+.1f)", c.Value, c.Delta)
	case causeShortage:
		return fmt.Sprintf("shortages at %.0f%% coverage (%+.1f)", c.Value, c.Delta)
	case causeSubstitution:
		return fmt.Sprintf("domestic substitution (%+.1f)", c.Delta)
	case causeStockpile:
		if c.Delta < 0 {
			return fmt.Sprintf("smaller stockpile draws, %s a year: reserves running down (%+.1f)", kt(c.Value), c.Delta)
		}
		return fmt.Sprintf("stockpile draws, %s a year (%+.1f)", kt(c.Value), c.Delta)
	case causeOwnSupply:
		if c.Delta > 0 {
			return fmt.Sprintf("own production up to %s a year: new plants running (%+.1f)", kt(c.Value), c.Delta)
		}
		return fmt.Sprintf("own production down to %s a year (%+.1f)", kt(c.Value), c.Delta)
	case causePartners:
		return fmt.Sprintf("supply from partners outside %s, %s a year (%+.1f)", orProducer(other), kt(c.Value), c.Delta)
	case causeExtraterritorial:
		return fmt.Sprintf("%s's %s cutting partners' supply by %s a year (%+.1f)", orProducer(other), lever(), kt(c.Value), c.Delta)
	case causeProducer:
		return fmt.Sprintf("imports from %s under %s, %s a year (%+.1f)", orProducer(other), lever(), kt(c.Value), c.Delta)
	case causePath:
		return fmt.Sprintf("growth along the baseline path (%+.1f)", c.Delta)
	case causeExports:
		return fmt.Sprintf("rare-earth export revenue, $%.1fbn a year (%+.1f)", c.Value, c.Delta)
	case causeReserved:
		return fmt.Sprintf("supply reserved for us, %s a year (%+.1f)", kt(c.Value), c.Delta)
	case causeScarcity:
		return fmt.Sprintf("rare-earth market %.0f%% short (%+.1f)", c.Value, c.Delta)
	case causeFlooding:
		return fmt.Sprintf("%s's flooding, on %.0f%% of our supply (%+.1f)", orProducer(other), c.Value, c.Delta)
	case causeChinaBalance:
		return fmt.Sprintf("market inside China at %.0f%% of what production may supply (%+.1f)", c.Value, c.Delta)
	case causeRegen:
		return fmt.Sprintf("capital regained (%+.1f)", c.Delta)
	case causePurchases:
		return fmt.Sprintf("purchase commitments, net %s a year (%+.1f)", money(c.Value, 0), c.Delta)
	case causeSpend:
		if c.Delta > 0 {
			return fmt.Sprintf("less spent on industrial policy, now %s (%+.1f)", money(c.Value, 1), c.Delta)
		}
		return fmt.Sprintf("spending of %s on industrial policy (%+.1f)", money(c.Value, 1), c.Delta)
	}
	return fmt.Sprintf("%+.1f", c.Delta)
}
