package game

import (
	"math"
	"strconv"
)

// EconomyModelKind is the economic model of GAME.md §5: rare-earth supply
// by stage, licences and the extraterritorial rule, stockpiles, prices and
// the solvency of producers outside China, industry, tariffs, chip and
// software controls, sanctions, inflation, political capital and allied
// resolve. Every constant is a scenario parameter (see economyParams).
const EconomyModelKind = "economy"

func init() { registerModel(EconomyModelKind, func() Model { return &economyModel{} }) }

// economyParams lists the economy model's parameters with their defaults,
// bounds and meaning. Scenarios set them under model.params, each with a
// comment giving its source.
var economyParams = [...]paramSpec{
	{"tariff-elasticity", 1.5, 0, 10, "how fast bilateral exports fall with the importer's tariff: exports scale by (1+rate)^-elasticity"},
	{"tariff-passthrough", 0.6, 0, 2, "inflation points per point of GDP collected as tariffs on what is still imported"},
	{"trade-drag", 1.0, 0, 10, "output lost per unit of exports lost, both as shares of GDP"},
	{"industry-beta", 1.5, 1, 4, "curvature of the industry loss in the coverage gap: above 1, small gaps are absorbed and large ones stop lines"},
	{"industry-to-economy", 0.3, 0, 2, "economy points lost per industry point lost"},
	{"tech-to-economy", 0.08, 0, 2, "economy points lost per tech-access point lost"},
	{"inflation-drag", 0.2, 0, 5, "economy points lost per inflation point above the starting rate"},
	{"shortage-inflation", 2, 0, 20, "inflation points added by a full rare-earth shortfall"},
	{"adjust-speed", 0.5, 0.05, 1, "share of the gap between the economy and its target closed each turn"},
	{"stockpile-draw", 0.5, 0, 1, "share of the stockpile that can be drawn in one turn"},
	{"extraterritorial-content", 0.6, 0, 1, "share of rare-earth supply traded between other seats that carries the producer's content or technology, and so needs its licence under the extraterritorial rule"},
	{"chip-weight", 0.5, 0, 1, "share of tech access that depends on advanced chips and tools"},
	{"software-weight", 0.3, 0, 1, "share of tech access that depends on software"},
	{"tech-recovery", 1.0, 0, 20, "tech-access points recovered per turn by domestic substitution while under controls"},
	{"control-cost", 0.3, 0, 10, "the controller's output lost per unit of controlled exports, as shares of GDP"},
	{"finance-drag", 1.5, 0, 20, "economy points the target loses at full-strength financial sanctions"},
	{"finance-cost", 0.1, 0, 20, "economy points the sanctioning seat loses at full strength, per target"},
	{"coercion-resolve", 0.04, 0, 1, "allied resolve added by each coercive lever setting in a turn"},
	{"resolve-decay", 0.1, 0, 1, "share of allied resolve lost each turn (complacency)"},
	{"resolve-speedup", 0.5, 0, 1, "share of build lags that full resolve removes"},
	{"capital-regen", 2, 0, 50, "political capital regained each turn"},
	{"capital-shortage", 10, 0, 100, "political capital lost per turn at a full rare-earth shortfall"},
	{"capital-inflation", 1, 0, 20, "political capital lost per turn per inflation point above the starting rate"},
	{"lag-mining", 24, 1, pipelineLen, "turns from spending to a mine in operation"},
	{"lag-separation", 9, 1, pipelineLen, "turns from spending to a separation plant in operation"},
	{"lag-magnets", 9, 1, pipelineLen, "turns from spending to a magnet plant in operation"},
	{"build-yield", 0.4, 0, 100, "kt a year of capacity per $bn spent"},
	{"spend-drag", 0.5, 0, 5, "economy points lost per % of GDP spent on industrial policy in a turn"},
	{"substitute-effect", 0.01, 0, 1, "share of rare-earth demand removed per $bn spent on recycling and substitutes"},
	{"substitute-max", 0.3, 0, 1, "the largest share of demand substitutes can remove"},
	{"price-sensitivity", 2, 0, 20, "rise of the ex-China price, as a multiple of its calm level, per unit of shortfall outside China"},
	{"china-glut", 0.5, 0, 1, "fall of the price inside China, as a share, when all its exports are withheld"},
	{"purchase-gain", 1, 0, 10, "output gained by the seller per unit of purchases, both as shares of GDP"},
	{"purchase-cost", 0.2, 0, 10, "output lost by the buyer per unit of purchases it would not otherwise make, both as shares of GDP"},
	{"unit-cost", 60, 0, 10000, "cost of producing a kg outside China, $ (a seat's profile.unit-cost overrides it)"},
	{"insolvency-turns", 2, 0, 24, "turns of selling below cost before producers are at risk of failing"},
	{"insolvency-hazard", 0.35, 0, 1, "chance each further turn below cost that a seat's producers fail"},
	{"closure-share", 0.5, 0, 1, "share of a failing seat's starting capacity that closes with it (capacity built during the game closes whole)"},
}

// Indices into economyParams, so that resolution reads an array, not a map.
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
	pPriceSensitivity
	pChinaGlut
	pPurchaseGain
	pPurchaseCost
	pUnitCost
	pInsolvencyTurns
	pInsolvencyHazard
	pClosureShare
	numEconomyParams
)

// economyKinds are the lever kinds the economy model reads.
var economyKinds = [...]LeverKind{
	LeverTariff, LeverLicensing, LeverExtraterritorial, LeverChips, LeverSoftware, LeverFinance,
	LeverInvestMining, LeverInvestSeparation, LeverInvestMagnets, LeverStockpile, LeverSubstitutes,
	LeverPriceFloor, LeverPurchases, LeverFlood,
}

// economyModel holds a scenario's parameters and the tables resolution
// reads, all built once by Validate.
type economyModel struct {
	p        [numEconomyParams]float64
	producer int                         // the seat with the most separation capacity at the start
	trade    [MaxSeats][MaxSeats]float64 // exports of i to j, $bn a year
	cost     [MaxSeats]float64           // unit cost of production, $/kg
	start    [MaxSeats]Capacity          // capacity at the start
	lever    [NumLeverKinds]int          // lever index by kind, -1 when absent
	// tariffFactor is what each tariff level leaves of a seat's exports,
	// (1+rate)^-elasticity, worked out once rather than every turn.
	tariffFactor [MaxLevels]float64
}

func (m *economyModel) Kind() string { return EconomyModelKind }

func (m *economyModel) Validate(sc *Scenario, ix *scenarioIndex, p *Problems) {
	validateParams(sc, economyParams[:], p)
	if sc.Model.Lever != "" || len(sc.Model.Payoffs) > 0 {
		p.Add("$.model", "lever and payoffs belong to the payoff-table model")
	}
	for i, l := range sc.Levers {
		k, ok := ParseLeverKind(l.Kind)
		if !ok {
			continue
		}
		found := false
		for _, e := range economyKinds {
			found = found || e == k
		}
		if !found {
			p.Add("$.levers["+strconv.Itoa(i)+"].kind", "the economy model does not use levers of kind %q", l.Kind)
		}
	}
	for k, s := range economyParams {
		m.p[k] = param(sc, s)
	}
	for k := range m.lever {
		m.lever[k] = int(ix.kind[k])
	}
	if l := m.lever[LeverTariff]; l >= 0 && l < len(sc.Levers) {
		for j, lv := range sc.Levers[l].Levels {
			if j < MaxLevels {
				m.tariffFactor[j] = math.Pow(1+lv.Value/100, -m.p[pTariffElasticity])
			}
		}
	}
	best := -1.0
	for i, s := range sc.Seats {
		if i >= MaxSeats {
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
			if j, ok := ix.seat[to]; ok && j < MaxSeats {
				m.trade[i][j] = x
			}
		}
	}
}

// value is the number behind seat's level of the lever of kind k towards
// target, or def when the scenario has no such lever or the seat cannot
// set it towards that target.
func (m *economyModel) value(st *State, k LeverKind, seat, target int, def float64) float64 {
	x, lvl := m.towards(st, k, seat, target)
	if lvl < 0 {
		return def
	}
	return x
}

// towards is the value and index of seat's level of the lever of kind k
// towards target; the index is -1 (and the value 0) when the scenario has
// no such lever or the seat cannot set it towards that target.
func (m *economyModel) towards(st *State, k LeverKind, seat, target int) (float64, int) {
	l := m.lever[k]
	if l < 0 {
		return 0, -1
	}
	li := &st.sc.ix.levers[l]
	if !li.setters.Has(seat) {
		return 0, -1
	}
	slot := 0
	if li.scope == ScopeEach {
		if seat == target || !li.targets.Has(target) {
			return 0, -1
		}
		slot = target
	}
	lvl := int(st.Seats[seat].Policy[l][slot])
	return st.sc.Levers[l].Levels[lvl].Value, lvl
}

func (m *economyModel) Init(st *State) {
	sc := st.sc
	for i := range st.Seats {
		pr := &sc.Seats[i].Profile
		s := &st.Seats[i]
		s.Ind[Economy] = 100
		s.Ind[Inflation] = pr.Inflation
		s.Ind[Capital] = pr.Capital
		s.Econ.Base = 100
		s.Econ.Stockpile = pr.Stockpile
		s.Econ.Mining = pr.Capacity.Mining
		s.Econ.Separation = pr.Capacity.Separation
		s.Econ.Magnets = pr.Capacity.Magnets
	}
	// The starting ex-China price already carries the starting shortfall;
	// find the calm price it implies, then take today's indicators under
	// the starting policy from one turn run on a copy. Later changes are
	// measured against those, so a game where nobody moves stays on its
	// baseline.
	// Prices move from calm levels: run the starting policy once with the
	// starting prices as the calm ones, and scale the calm levels so that
	// the starting policy gives the starting prices.
	st.WorldBase = st.World
	scratch := *st
	scratch.Seats = append([]SeatState(nil), st.Seats...)
	m.Resolve(&scratch)
	// A second run, with the chronic gaps known, so that stockpiles are
	// not drawn for them.
	for i := range st.Seats {
		st.Seats[i].Econ.Gap0 = scratch.Seats[i].Econ.Gap
	}
	scratch = *st
	scratch.Seats = append([]SeatState(nil), st.Seats...)
	m.Resolve(&scratch)
	for _, w := range [...]WorldIndicator{PriceWorld, PriceChina} {
		if x := scratch.World[w]; x > 0 {
			st.WorldBase[w] = st.World[w] * st.World[w] / x
		}
	}
	for i := range st.Seats {
		s, x := &st.Seats[i], &scratch.Seats[i]
		s.Ind[Coverage] = x.Ind[Coverage]
		s.Ind[Industry] = x.Ind[Industry]
		s.Ind[Tech] = x.Econ.TechTarget
		s.Econ.TechTarget = x.Econ.TechTarget
		s.Econ.Term0 = x.Econ.Term
	}
	st.World[ExChinaSupply] = scratch.World[ExChinaSupply]
}
