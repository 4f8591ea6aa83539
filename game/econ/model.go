package econ

import (
	"math"
	"strconv"

	"github.com/chokepoint-game/chokepoint/game"
)

// params lists the model's parameters with their defaults, bounds and
// meaning. Scenarios set them under model.params, each with a comment
// giving its source.
var params = [...]game.ParamSpec{
	{Name: "tariff-elasticity", Default: 1.5, Min: 0, Max: 10, Doc: "how fast bilateral exports fall with the importer's tariff: exports scale by (1+rate)^-elasticity"},
	{Name: "tariff-passthrough", Default: 0.6, Min: 0, Max: 2, Doc: "inflation points per point of GDP collected as tariffs on what is still imported"},
	{Name: "trade-drag", Default: 1.0, Min: 0, Max: 10, Doc: "output lost per unit of exports lost, both as shares of GDP"},
	{Name: "industry-beta", Default: 1.5, Min: 1, Max: 4, Doc: "curvature of the industry loss in the coverage gap: above 1, small gaps are absorbed and large ones stop lines"},
	{Name: "industry-to-economy", Default: 0.3, Min: 0, Max: 2, Doc: "economy points lost per industry point lost"},
	{Name: "tech-to-economy", Default: 0.08, Min: 0, Max: 2, Doc: "economy points lost per tech-access point lost"},
	{Name: "inflation-drag", Default: 0.2, Min: 0, Max: 5, Doc: "economy points lost per inflation point above the starting rate"},
	{Name: "shortage-inflation", Default: 2, Min: 0, Max: 20, Doc: "inflation points added by a full rare-earth shortfall"},
	{Name: "adjust-speed", Default: 0.5, Min: 0.05, Max: 1, Doc: "share of the gap between the economy and its target closed each turn"},
	{Name: "stockpile-draw", Default: 0.5, Min: 0, Max: 1, Doc: "share of the stockpile that can be drawn in one turn"},
	{Name: "extraterritorial-content", Default: 0.6, Min: 0, Max: 1, Doc: "share of rare-earth supply traded between other seats that carries the producer's content or technology, and so needs its licence under the extraterritorial rule"},
	{Name: "chip-weight", Default: 0.5, Min: 0, Max: 1, Doc: "share of tech access that depends on advanced chips and tools"},
	{Name: "software-weight", Default: 0.3, Min: 0, Max: 1, Doc: "share of tech access that depends on software"},
	{Name: "tech-recovery", Default: 1.0, Min: 0, Max: 20, Doc: "tech-access points recovered per turn by domestic substitution while under controls"},
	{Name: "control-cost", Default: 0.3, Min: 0, Max: 10, Doc: "the controller's output lost per unit of controlled exports, as shares of GDP"},
	{Name: "finance-drag", Default: 1.5, Min: 0, Max: 20, Doc: "economy points the target loses at full-strength financial sanctions"},
	{Name: "finance-cost", Default: 0.1, Min: 0, Max: 20, Doc: "economy points the sanctioning seat loses at full strength, per target"},
	{Name: "coercion-resolve", Default: 0.04, Min: 0, Max: 1, Doc: "allied resolve added by each coercive lever setting in a turn"},
	{Name: "resolve-decay", Default: 0.1, Min: 0, Max: 1, Doc: "share of allied resolve lost each turn (complacency)"},
	{Name: "resolve-speedup", Default: 0.5, Min: 0, Max: 1, Doc: "share of build lags that full resolve removes"},
	{Name: "capital-regen", Default: 2, Min: 0, Max: 50, Doc: "political capital regained each turn"},
	{Name: "capital-shortage", Default: 10, Min: 0, Max: 100, Doc: "political capital lost per turn at a full rare-earth shortfall"},
	{Name: "capital-inflation", Default: 1, Min: 0, Max: 20, Doc: "political capital lost per turn per inflation point above the starting rate"},
	{Name: "lag-mining", Default: 24, Min: 1, Max: PipelineLen, Doc: "turns from spending to a mine in operation"},
	{Name: "lag-separation", Default: 9, Min: 1, Max: PipelineLen, Doc: "turns from spending to a separation plant in operation"},
	{Name: "lag-magnets", Default: 9, Min: 1, Max: PipelineLen, Doc: "turns from spending to a magnet plant in operation"},
	{Name: "build-yield", Default: 0.4, Min: 0, Max: 100, Doc: "kt a year of capacity per $bn spent"},
	{Name: "spend-drag", Default: 0.5, Min: 0, Max: 5, Doc: "economy points lost per % of GDP spent on industrial policy in a turn"},
	{Name: "substitute-effect", Default: 0.01, Min: 0, Max: 1, Doc: "share of rare-earth demand removed per $bn spent on recycling and substitutes"},
	{Name: "substitute-max", Default: 0.3, Min: 0, Max: 1, Doc: "the largest share of demand substitutes can remove"},
	{Name: "price-elasticity", Default: 0.4, Min: 0.05, Max: 5, Doc: "short-run price elasticity of demand in a seat's rare-earth market: the price multiple m of a scarcity s solves (1 - s(1 - cap^-e)) = m^-e, so a small elasticity makes a steep market"},
	{Name: "price-cap", Default: 5, Min: 1, Max: 100, Doc: "the most a seat's price can reach, as a multiple of its calm level, when none of its demand is met"},
	{Name: "market-integration", Default: 0.5, Min: 0, Max: 1, Doc: "weight of the average shortfall outside the producer in each seat's scarcity (traders move material between allied markets); the rest is the seat's own shortfall"},
	{Name: "expect-weight", Default: 0.5, Min: 0, Max: 2, Doc: "how far capacity announced to open within the outlook horizon eases scarcity now, per unit of demand outside the producer it will meet"},
	{Name: "expect-horizon", Default: 3, Min: 0, Max: 10, Doc: "years ahead within which announced capacity counts in the outlook and in prices"},
	{Name: "china-elasticity", Default: 1, Min: 0.05, Max: 10, Doc: "elasticity of the price inside China to the balance of its market: the price moves as (use / supply)^(1/elasticity)"},
	{Name: "china-glut", Default: 0.5, Min: 0, Max: 1, Doc: "share of withheld exports that reach the market inside China (the rest is cut from production or stored by the state)"},
	{Name: "china-demand-growth", Default: 0, Min: -50, Max: 50, Doc: "growth of the producer's own rare-earth demand, % a year"},
	{Name: "china-capacity-growth", Default: 0, Min: -50, Max: 50, Doc: "growth of the producer's capacity beyond what keeps up with its own demand, % a year"},
	{Name: "demand-growth", Default: 0, Min: -50, Max: 50, Doc: "growth of rare-earth demand outside the producer, % a year"},
	{Name: "export-value", Default: 3, Min: 0, Max: 100, Doc: "the producer's export revenue per dollar of oxide exported (magnets carry the oxide's value several times over): what withholding costs it"},
	{Name: "export-gain", Default: 1, Min: 0, Max: 10, Doc: "the producer's output gained per unit of rare-earth export revenue, both as shares of GDP"},
	{Name: "prc-feed", Default: 0, Min: 0, Max: 1, Doc: "share of processing outside the producer that runs on its material (oxide for metal, metal for magnets) at the start; it falls as separation outside the producer grows, and adds to the content its extraterritorial rule reaches"},
	{Name: "lag-expansion", Default: 6, Min: 1, Max: PipelineLen, Doc: "turns from spending to capacity in operation for expansions of existing plants and restarts of closed ones, up to the expansion headroom"},
	{Name: "expansion-headroom", Default: 0.5, Min: 0, Max: 10, Doc: "capacity that can be added or restarted at the expansion lag, as a share of a seat's starting capacity in each stage; beyond it, new plants take their stage's lag"},
	{Name: "private-hurdle", Default: 0.3, Min: 0, Max: 10, Doc: "margin of the price producers get over their cost above which private investors order new capacity"},
	{Name: "private-invest", Default: 0.1, Min: 0, Max: 10, Doc: "capacity private investors order per turn per unit of margin above the hurdle, as a share of the seat's starting capacity in each stage"},
	{Name: "purchase-gain", Default: 1, Min: 0, Max: 10, Doc: "output gained by the seller per unit of purchases, both as shares of GDP"},
	{Name: "purchase-cost", Default: 0.2, Min: 0, Max: 10, Doc: "output lost by the buyer per unit of purchases it would not otherwise make, both as shares of GDP"},
	{Name: "unit-cost", Default: 60, Min: 0, Max: 10000, Doc: "cost of producing a kg outside China, $ (a seat's profile.unit-cost overrides it)"},
	{Name: "insolvency-turns", Default: 2, Min: 0, Max: 24, Doc: "turns of selling below cost before producers are at risk of failing"},
	{Name: "insolvency-hazard", Default: 0.35, Min: 0, Max: 1, Doc: "chance each further turn below cost that a seat's producers fail"},
	{Name: "closure-share", Default: 0.5, Min: 0, Max: 1, Doc: "share of a failing seat's starting capacity that closes with it (capacity built during the game closes whole)"},
}

// Indices into params, so that resolution reads an array, not a map.
const (
	pTariffElasticity = iota
	pTariffPassthrough
	pTradeDrag
	pIndustryBeta
	pIndustryToEconomy
	pTechToEconomy
	pInflationDrag
	pShortageInflation
	pAdjustSpeed
	pStockpileDraw
	pExtraterritorialContent
	pChipWeight
	pSoftwareWeight
	pTechRecovery
	pControlCost
	pFinanceDrag
	pFinanceCost
	pCoercionResolve
	pResolveDecay
	pResolveSpeedup
	pCapitalRegen
	pCapitalShortage
	pCapitalInflation
	pLagMining
	pLagSeparation
	pLagMagnets
	pBuildYield
	pSpendDrag
	pSubstituteEffect
	pSubstituteMax
	pPriceElasticity
	pPriceCap
	pMarketIntegration
	pExpectWeight
	pExpectHorizon
	pChinaElasticity
	pChinaGlut
	pChinaDemandGrowth
	pChinaCapacityGrowth
	pDemandGrowth
	pExportValue
	pExportGain
	pPRCFeed
	pLagExpansion
	pExpansionHeadroom
	pPrivateHurdle
	pPrivateInvest
	pPurchaseGain
	pPurchaseCost
	pUnitCost
	pInsolvencyTurns
	pInsolvencyHazard
	pClosureShare
	numParams
)

// model holds a scenario's parameters and the tables resolution reads, all
// built once when the scenario is validated.
type model struct {
	sc       *game.Scenario
	p        [numParams]float64
	producer int                                   // the seat with the most separation capacity at the start
	trade    [game.MaxSeats][game.MaxSeats]float64 // exports of i to j, $bn a year
	cost     [game.MaxSeats]float64                // unit cost of production, $/kg
	start    [game.MaxSeats]game.Capacity          // capacity at the start
	lever    [numKinds]int                         // lever index by kind, -1 when absent
	sep0     float64                               // separation outside the producer at the start, kt a year
	// tariffFactor is what each tariff level leaves of a seat's exports,
	// (1+rate)^-elasticity, worked out once rather than every turn.
	tariffFactor [game.MaxLevels]float64
	// kinds holds the lever of each kind as resolution reads it, hundreds
	// of times a turn: copied out of the scenario once.
	kinds [numKinds]kindLever
}

// kindLever is the lever of one kind: whom each seat may set it towards,
// and the number behind each level.
type kindLever struct {
	l int // the lever's index
	// slot is 1 for a lever aimed at each seat, whose policy slot is the
	// target, and 0 for one with a single slot.
	slot int
	// may holds, for each seat, the targets it may set the lever towards:
	// every target for a lever with a single slot, none for a seat that
	// may not set it, or when the scenario has no lever of the kind.
	may    [game.MaxSeats]game.SeatSet
	values [game.MaxLevels]float64
}

// kindLevers fills the table towards reads.
func (m *model) kindLevers() {
	sc := m.sc
	n := min(len(sc.Seats), game.MaxSeats)
	for k := range m.kinds {
		kl := &m.kinds[k]
		l := m.lever[k]
		if l < 0 || l >= len(sc.Levers) {
			continue
		}
		kl.l = l
		each := sc.LeverScope(l) == game.ScopeEach
		if each {
			kl.slot = 1
		}
		for i := range n {
			switch {
			case !sc.MaySet(i, l):
			case !each:
				kl.may[i] = ^game.SeatSet(0)
			default:
				for j := range n {
					if sc.MayTarget(i, l, j) {
						kl.may[i] = kl.may[i].With(j)
					}
				}
			}
		}
		for j := range min(len(sc.Levers[l].Levels), game.MaxLevels) {
			kl.values[j] = sc.LevelValue(l, j)
		}
	}
}

// build checks what the model needs of a scenario and compiles it.
func build(sc *game.Scenario, p *game.Problems) game.Model {
	m := &model{sc: sc}
	if sc.Model.Lever != "" || len(sc.Model.Payoffs) > 0 {
		p.Add("$.model", "lever and payoffs belong to the payoff-table model")
	}
	for k := range m.p {
		m.p[k] = sc.Param(k)
	}
	for k := range m.lever {
		m.lever[k] = -1
		if l, ok := sc.LeverOfKind(k); ok {
			m.lever[k] = l
		}
	}
	if l := m.lever[kTariff]; l >= 0 && l < len(sc.Levers) {
		for j, lv := range sc.Levers[l].Levels {
			if j < game.MaxLevels {
				m.tariffFactor[j] = math.Pow(1+lv.Value/100, -m.p[pTariffElasticity])
			}
		}
	}
	m.kindLevers()
	best := -1.0
	for i, s := range sc.Seats {
		if i >= game.MaxSeats {
			break
		}
		if s.Profile.GDP <= 0 {
			p.Add("$.seats["+strconv.Itoa(i)+"].profile.gdp", "the economy model needs a positive economy size")
		}
		if s.Profile.Capacity.Separation > best {
			best, m.producer = s.Profile.Capacity.Separation, i
		}
		m.cost[i] = m.p[pUnitCost]
		if s.Profile.UnitCost > 0 {
			m.cost[i] = s.Profile.UnitCost
		}
		m.start[i] = s.Profile.Capacity
		for to, x := range s.Profile.Trade {
			if j, ok := sc.SeatIndex(to); ok && j < game.MaxSeats {
				m.trade[i][j] = x
			}
		}
	}
	for i, s := range sc.Seats {
		if i < game.MaxSeats && i != m.producer {
			m.sep0 += s.Profile.Capacity.Separation
		}
	}
	return m
}

// value is the number behind seat's level of the lever of kind k towards
// target, or def when the scenario has no such lever or the seat cannot
// set it towards that target.
func (m *model) value(st *game.State, k, seat, target int, def float64) float64 {
	kl := &m.kinds[k]
	if !kl.may[seat].Has(target) {
		return def
	}
	return kl.values[st.Seats[seat].Policy[kl.l][target*kl.slot]]
}

// towards is the value and index of seat's level of the lever of kind k
// towards target; the index is -1 (and the value 0) when the scenario has
// no such lever or the seat cannot set it towards that target.
func (m *model) towards(st *game.State, k, seat, target int) (float64, int) {
	kl := &m.kinds[k]
	if !kl.may[seat].Has(target) {
		return 0, -1
	}
	lvl := int(st.Seats[seat].Policy[kl.l][target*kl.slot])
	return kl.values[lvl], lvl
}

// Init sets the starting indicators and the model's state.
func (m *model) Init(st *game.State) {
	sc := m.sc
	ms := &State{Seats: make([]SeatState, len(st.Seats))}
	st.Model = ms
	for i := range st.Seats {
		pr := &sc.Seats[i].Profile
		s := &st.Seats[i]
		e := &ms.Seats[i]
		s.Ind[Economy] = 100
		s.Ind[Inflation] = pr.Inflation
		s.Ind[game.Capital] = pr.Capital
		e.Base = 100
		e.Stockpile = pr.Stockpile
		e.Mining = pr.Capacity.Mining
		e.Separation = pr.Capacity.Separation
		e.Magnets = pr.Capacity.Magnets
	}
	// Prices move from calm levels: run the starting policy once with the
	// starting prices as the calm ones, and scale the calm levels so that
	// the starting policy gives the starting prices. Today's indicators
	// under the starting policy come from a turn run on a copy, and later
	// changes are measured against them, so a game where nobody moves
	// stays on its baseline.
	ms.Base = st.World
	scratch := *st
	scratch.Seats = append([]game.SeatState(nil), st.Seats...)
	scratch.Model = ms.Clone()
	m.Resolve(&scratch, nil)
	// A second run, with the chronic gaps known, so that stockpiles are
	// not drawn for them.
	sm := scratch.Model.(*State)
	for i := range st.Seats {
		ms.Seats[i].Gap0 = sm.Seats[i].Gap
	}
	scratch = *st
	scratch.Seats = append([]game.SeatState(nil), st.Seats...)
	scratch.Model = ms.Clone()
	m.Resolve(&scratch, nil)
	for _, w := range [...]int{PriceWorld, PriceChina} {
		if x := scratch.World[w]; x > 0 {
			ms.Base[w] = st.World[w] * st.World[w] / x
		}
	}
	// Once more with the calm levels found, for the seats' prices and the
	// starting terms (the producer's export revenue depends on prices).
	scratch = *st
	scratch.Seats = append([]game.SeatState(nil), st.Seats...)
	scratch.Model = ms.Clone()
	m.Resolve(&scratch, nil)
	sm = scratch.Model.(*State)
	for i := range st.Seats {
		s, x := &st.Seats[i], &scratch.Seats[i]
		s.Ind[Coverage] = x.Ind[Coverage]
		s.Ind[Industry] = x.Ind[Industry]
		s.Ind[Tech] = sm.Seats[i].TechTarget
		s.Ind[Price] = x.Ind[Price]
		ms.Seats[i].TechTarget = sm.Seats[i].TechTarget
		// The last turn's terms are the starting ones, so that the first
		// turn's changes are explained from where the game began.
		ms.Seats[i].Term0 = sm.Seats[i].Term
		ms.Seats[i].Term = sm.Seats[i].Term
		ms.Seats[i].Sources = sm.Seats[i].Sources
		ms.Seats[i].Calm, ms.Seats[i].Disc = sm.Seats[i].Calm, sm.Seats[i].Disc
		ms.Seats[i].Lost0 = sm.Seats[i].Lost
		ms.Seats[i].Lost = sm.Seats[i].Lost
	}
	st.World[ExChinaSupply] = scratch.World[ExChinaSupply]
	st.World[Outlook] = scratch.World[Outlook]
}
