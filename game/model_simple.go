package game

import (
	"math"
	"strings"
)

// SimpleModelKind is a deliberately small economic model: rare-earth
// coverage from domestic capacity, licensed imports and stockpiles;
// industry from coverage; the economy from industry, tariffs, tech access
// and sanctions; inflation from tariffs and shortages; tech access from
// chip and software controls; political capital; allied resolve; and a
// capacity pipeline with build lags. It has no prices that producers
// respond to and no solvency of new capacity.
const SimpleModelKind = "simple"

func init() { registerModel(SimpleModelKind, func() Model { return &simpleModel{} }) }

// The simple model's parameters. Every one is a scenario parameter; the
// defaults are placeholders a scenario is expected to calibrate.
var simpleParams = [...]paramSpec{
	{"tariff-elasticity", 1.5, 0, 10, "how fast bilateral exports fall with the importer's tariff: exports scale by (1+rate)^-elasticity"},
	{"tariff-passthrough", 0.6, 0, 2, "share of tariff revenue, as a share of GDP, that shows up as inflation points"},
	{"trade-drag", 1.0, 0, 10, "output lost per unit of exports lost, both as shares of GDP"},
	{"industry-beta", 1.5, 1, 4, "curvature of the industry loss in the coverage gap: above 1, small gaps are absorbed and large ones stop lines"},
	{"industry-to-economy", 0.3, 0, 2, "economy points lost per industry point lost"},
	{"tech-to-economy", 0.08, 0, 2, "economy points lost per tech-access point lost"},
	{"inflation-drag", 0.2, 0, 5, "economy points lost per inflation point above the starting rate"},
	{"shortage-inflation", 2, 0, 20, "inflation points added by a full rare-earth shortfall"},
	{"adjust-speed", 0.5, 0.05, 1, "share of the gap between the economy and its target closed each turn"},
	{"stockpile-draw", 0.5, 0, 1, "share of the stockpile that can be drawn in one turn"},
	{"extraterritorial-content", 0.6, 0, 1, "share of third seats' rare-earth exports that carry the producer's content or technology"},
	{"chip-weight", 0.5, 0, 1, "share of tech access that depends on advanced chips and tools"},
	{"software-weight", 0.3, 0, 1, "share of tech access that depends on software"},
	{"tech-recovery", 1.0, 0, 20, "tech-access points recovered per turn by domestic substitution while under controls"},
	{"control-cost", 0.3, 0, 10, "the controller's output lost per unit of controlled exports, as shares of GDP"},
	{"finance-drag", 1.5, 0, 20, "economy points lost at full-strength financial sanctions"},
	{"coercion-resolve", 0.04, 0, 1, "allied resolve added by each coercive lever setting in a turn"},
	{"resolve-decay", 0.1, 0, 1, "share of allied resolve lost each turn (complacency)"},
	{"resolve-speedup", 0.5, 0, 1, "share of build lags that full resolve removes"},
	{"capital-regen", 2, 0, 50, "political capital regained each turn"},
	{"capital-shortage", 10, 0, 100, "political capital lost per turn at a full rare-earth shortfall"},
	{"capital-inflation", 1, 0, 20, "political capital lost per turn per inflation point above the starting rate"},
	{"lag-mining", 30, 1, pipelineLen, "turns from spending to a mine in operation"},
	{"lag-separation", 9, 1, pipelineLen, "turns from spending to a separation plant in operation"},
	{"lag-magnets", 9, 1, pipelineLen, "turns from spending to a magnet plant in operation"},
	{"build-yield", 0.4, 0, 100, "kt a year of capacity per $bn spent"},
	{"spend-drag", 0.5, 0, 5, "economy points lost per % of GDP spent on industrial policy in a turn"},
	{"substitute-effect", 0.01, 0, 1, "share of rare-earth demand removed per $bn spent on recycling and substitutes"},
	{"substitute-max", 0.3, 0, 1, "the largest share of demand substitutes can remove"},
	{"price-sensitivity", 2, 0, 20, "rise of the ex-China price, as a multiple, per unit of world shortfall"},
	{"purchase-gain", 1, 0, 10, "output gained by the seller per unit of purchases, both as shares of GDP"},
}

// simpleKinds are the lever kinds the simple model reads.
var simpleKinds = [...]LeverKind{
	LeverTariff, LeverLicensing, LeverExtraterritorial, LeverChips, LeverSoftware, LeverFinance,
	LeverInvestMining, LeverInvestSeparation, LeverInvestMagnets, LeverStockpile, LeverSubstitutes, LeverPurchases,
}

type simpleModel struct {
	p        map[string]float64
	producer int // the seat with most separation capacity at the start
}

func (m *simpleModel) Kind() string { return SimpleModelKind }

func (m *simpleModel) Validate(sc *Scenario, ix *scenarioIndex, p *Problems) {
	validateParams(sc, simpleParams[:], p)
	if sc.Model.Lever != "" || len(sc.Model.Payoffs) > 0 {
		p.Add("$.model", "lever and payoffs belong to the payoff-table model")
	}
	for i, l := range sc.Levers {
		k, ok := ParseLeverKind(l.Kind)
		if !ok {
			continue
		}
		found := false
		for _, s := range simpleKinds {
			found = found || s == k
		}
		if !found {
			p.Add("$.levers["+itoa(i)+"].kind", "the simple model does not use levers of kind %q", l.Kind)
		}
	}
	for i, s := range sc.Seats {
		if s.Profile.GDP <= 0 {
			p.Add("$.seats["+itoa(i)+"].profile.gdp", "the simple model needs a positive economy size")
		}
	}
	m.p = map[string]float64{}
	for _, s := range simpleParams {
		m.p[s.name] = param(sc, s)
	}
	best := -1.0
	for i, s := range sc.Seats {
		if s.Profile.Capacity.Separation > best {
			best, m.producer = s.Profile.Capacity.Separation, i
		}
	}
}

func itoa(i int) string {
	var b strings.Builder
	if i == 0 {
		return "0"
	}
	var d [20]byte
	n := len(d)
	for i > 0 {
		n--
		d[n] = byte('0' + i%10)
		i /= 10
	}
	b.Write(d[n:])
	return b.String()
}

func (m *simpleModel) Init(st *State) {
	sc := st.sc
	for i := range st.Seats {
		pr := &sc.Seats[i].Profile
		s := &st.Seats[i]
		s.Ind[Economy] = 100
		s.Ind[Inflation] = pr.Inflation
		s.Ind[Industry] = 100
		s.Ind[Capital] = pr.Capital
		s.Econ.Base = 100
		s.Econ.Stockpile = pr.Stockpile
		s.Econ.Mining = pr.Capacity.Mining
		s.Econ.Separation = pr.Capacity.Separation
		s.Econ.Magnets = pr.Capacity.Magnets
	}
	// The starting indicators are today's, under the starting policy: run
	// one turn on a copy and keep what the policy in force implies for
	// coverage, industry and tech access, and the drags on the economy and
	// inflation it already carries. Later changes are measured against
	// those, so a game where nobody moves stays on its baseline.
	scratch := *st
	scratch.Seats = append([]SeatState(nil), st.Seats...)
	scratch.Changes = nil
	scratch.World[Resolve] = st.World[Resolve]
	m.Resolve(&scratch)
	for i := range st.Seats {
		s, x := &st.Seats[i], &scratch.Seats[i]
		s.Ind[Coverage] = x.Ind[Coverage]
		s.Ind[Industry] = x.Ind[Industry]
		s.Ind[Tech] = x.Econ.TechTarget
		s.Econ.TechTarget = x.Econ.TechTarget
		s.Econ.Term0 = x.Econ.Term
	}
}

// value is the number behind seat's level of lever l towards target, or
// def when the scenario has no such lever or the seat cannot set it.
func value(st *State, kind LeverKind, seat, target int, def float64) float64 {
	sc := st.sc
	l := int(sc.ix.kind[kind])
	if l < 0 || !sc.ix.levers[l].setters.Has(seat) {
		return def
	}
	slot := target
	if sc.ix.levers[l].scope != ScopeEach {
		slot = 0
	} else if !sc.ix.levers[l].targets.Has(target) || seat == target {
		return def
	}
	return sc.Levers[l].Levels[st.Seats[seat].Policy[l][slot]].Value
}

// causes collects the terms of one indicator's change and keeps the
// largest by size.
type causes struct {
	c [maxCauses]Cause
}

func (cs *causes) add(c Cause) {
	if c.Delta == 0 || math.IsNaN(c.Delta) {
		return
	}
	for i := range cs.c {
		if cs.c[i].Kind == CauseNone || math.Abs(c.Delta) > math.Abs(cs.c[i].Delta) {
			copy(cs.c[i+1:], cs.c[i:len(cs.c)-1])
			cs.c[i] = c
			return
		}
	}
}

func record(st *State, seat int, ind Indicator, from, to float64, cs *causes) {
	if math.Abs(to-from) < 1e-9 {
		return
	}
	st.Changes = append(st.Changes, Change{Seat: seat, Indicator: ind, From: from, To: to, Causes: cs.c})
}

// supply computes coverage and industry for every seat from capacity,
// licensing and stockpiles. With commit, stockpiles are drawn and the
// changes recorded.
func (m *simpleModel) supply(st *State, commit bool) {
	sc := st.sc
	n := len(st.Seats)
	f := float64(sc.TurnMonths) / 12
	var demand, domestic, surplus, unmet, got [MaxSeats]float64
	var X, U float64
	for i := 0; i < n; i++ {
		e := &st.Seats[i].Econ
		sub := math.Min(m.p["substitute-max"], m.p["substitute-effect"]*e.SubSpend)
		demand[i] = sc.Seats[i].Profile.REDemand * (1 - sub)
		domestic[i] = math.Min(e.Mining, math.Min(e.Separation, e.Magnets))
		surplus[i] = math.Max(0, domestic[i]-demand[i])
		unmet[i] = math.Max(0, demand[i]-domestic[i])
		X += surplus[i]
		U += unmet[i]
	}
	var licCause [MaxSeats]Cause
	for i := 0; i < n; i++ {
		got[i] = math.Min(domestic[i], demand[i])
		if unmet[i] == 0 {
			continue
		}
		worst := 1.0
		for p := 0; p < n; p++ {
			if surplus[p] == 0 || p == i {
				continue
			}
			q := unmet[i] * surplus[p] / math.Max(X, U)
			lic := value(st, LeverLicensing, p, i, 1)
			// A third producer's exports carry content the extraterritorial
			// rule of another producer reaches.
			for k := 0; k < n; k++ {
				if k != p && k != i && value(st, LeverExtraterritorial, k, 0, 0) > 0 {
					lic *= 1 - m.p["extraterritorial-content"]*(1-value(st, LeverLicensing, k, i, 1))
				}
			}
			got[i] += lic * q
			if lic < worst {
				worst = lic
				l := int(sc.ix.kind[LeverLicensing])
				level := -1
				if l >= 0 {
					level = int(st.Seats[p].Policy[l][i])
				}
				licCause[i] = Cause{Kind: CauseLicensing, Other: p, Lever: l, Level: level, Value: lic}
			}
		}
	}
	for i := 0; i < n; i++ {
		s := &st.Seats[i]
		gap := math.Max(0, demand[i]-got[i])
		draw := 0.0
		if gap > 0 && s.Econ.Stockpile > 0 {
			draw = math.Min(gap*f, s.Econ.Stockpile*m.p["stockpile-draw"])
			if commit {
				s.Econ.Stockpile -= draw
			}
		}
		cov := 100.0
		if demand[i] > 0 {
			cov = math.Min(100, 100*(got[i]+draw/f)/demand[i])
		}
		ind := 100 * (1 - sc.Seats[i].Profile.REWeight*math.Pow(math.Max(0, 1-cov/100), m.p["industry-beta"]))
		if commit {
			var cs causes
			lc := licCause[i]
			lc.Delta = cov - 100
			cs.add(lc)
			cs.add(Cause{Kind: CauseStockpile, Other: -1, Lever: -1, Level: -1, Value: draw, Delta: 100 * draw / f / math.Max(demand[i], 1e-9)})
			record(st, i, Coverage, s.Ind[Coverage], cov, &cs)
			var ci causes
			ci.add(Cause{Kind: CauseCoverage, Other: -1, Lever: -1, Level: -1, Value: cov, Delta: ind - s.Ind[Industry]})
			record(st, i, Industry, s.Ind[Industry], ind, &ci)
		}
		s.Ind[Coverage] = cov
		s.Ind[Industry] = ind
	}
	if commit {
		var short, total float64
		for i := 0; i < n; i++ {
			if i == m.producer {
				continue
			}
			total += demand[i]
			short += math.Max(0, demand[i]-got[i])
		}
		base := sc.World[worldNames[PriceWorld]]
		if total > 0 && base > 0 {
			st.World[PriceWorld] = base * (1 + m.p["price-sensitivity"]*short/total)
		}
	}
}

func (m *simpleModel) Resolve(st *State) {
	sc := st.sc
	n := len(st.Seats)
	f := float64(sc.TurnMonths) / 12
	p := m.p

	// Capacity under construction comes into operation; new spending
	// enters the pipeline after a lag that resolve shortens.
	lags := [3]float64{p["lag-mining"], p["lag-separation"], p["lag-magnets"]}
	kinds := [3]LeverKind{LeverInvestMining, LeverInvestSeparation, LeverInvestMagnets}
	var spend [MaxSeats]float64
	for i := 0; i < n; i++ {
		e := &st.Seats[i].Econ
		stages := [3]*float64{&e.Mining, &e.Separation, &e.Magnets}
		for s := 0; s < 3; s++ {
			*stages[s] += float64(e.Pipeline[s][0])
			copy(e.Pipeline[s][:], e.Pipeline[s][1:])
			e.Pipeline[s][pipelineLen-1] = 0
			bn := value(st, kinds[s], i, 0, 0)
			if bn > 0 {
				lag := int(math.Round(lags[s] * (1 - p["resolve-speedup"]*st.World[Resolve])))
				lag = max(1, min(pipelineLen, lag))
				e.Pipeline[s][lag-1] += float32(bn * p["build-yield"])
				spend[i] += bn
			}
		}
		if bn := value(st, LeverSubstitutes, i, 0, 0); bn > 0 {
			e.SubSpend += bn
			spend[i] += bn
		}
		if kt := value(st, LeverStockpile, i, 0, 0); kt > 0 {
			e.Stockpile += kt
			spend[i] += kt * st.World[PriceWorld] / 1000
		}
	}

	m.supply(st, true)

	// Trade, tariffs, controls and sanctions.
	var lost, tariffRev, ctrlCost, purchases [MaxSeats]float64
	var techCtrl, finance [MaxSeats]float64
	var worstTariff, worstCtrl [MaxSeats]Cause
	for i := 0; i < n; i++ {
		pr := &sc.Seats[i].Profile
		for j := 0; j < n; j++ {
			if i == j {
				continue
			}
			t0 := pr.Trade[sc.Seats[j].ID]
			rate := value(st, LeverTariff, j, i, 0)
			t := t0 * math.Pow(1+rate/100, -p["tariff-elasticity"])
			lost[i] += t0 - t
			tariffRev[j] += rate / 100 * t
			if d := -(t0 - t); d < worstTariff[i].Delta {
				worstTariff[i] = Cause{Kind: CauseTariffOn, Other: j, Lever: int(sc.ix.kind[LeverTariff]), Value: rate, Delta: d}
			}
			chips := value(st, LeverChips, j, i, 0)
			soft := value(st, LeverSoftware, j, i, 0)
			share := sc.Seats[j].Profile.TechShare
			c := share * (p["chip-weight"]*chips + p["software-weight"]*soft)
			techCtrl[i] += c
			ctrlCost[j] += (chips + soft) / 2 * sc.Seats[j].Profile.Trade[sc.Seats[i].ID]
			if c > worstCtrl[i].Value {
				worstCtrl[i] = Cause{Kind: CauseTech, Other: j, Lever: int(sc.ix.kind[LeverChips]), Value: c}
			}
			finance[i] = math.Max(finance[i], value(st, LeverFinance, j, i, 0))
			purchases[j] += value(st, LeverPurchases, i, j, 0) / f // $bn a year
		}
	}

	coercive := 0.0
	for i := 0; i < n; i++ {
		for l := range sc.Levers {
			c := sc.ix.levers[l].coercive
			if c < 0 {
				continue
			}
			for _, slot := range sc.Slots(i, l) {
				if int(st.Seats[i].Policy[l][slot]) >= c {
					coercive++
				}
			}
		}
	}

	for i := 0; i < n; i++ {
		s := &st.Seats[i]
		pr := &sc.Seats[i].Profile
		gdp := pr.GDP * 1000 // $bn

		// Tech access: controls leak through suppliers that do not match
		// them; domestic substitution recovers part of the loss, slowly.
		full := 100.0
		if pr.Tech > 0 {
			full = pr.Tech
		}
		target := full * (1 - math.Min(1, techCtrl[i]))
		if target < full {
			s.Econ.Substitution = math.Min(full-target, s.Econ.Substitution+p["tech-recovery"])
		} else {
			s.Econ.Substitution = 0
		}
		tech := math.Min(full, target+s.Econ.Substitution)
		var ct causes
		wc := worstCtrl[i]
		wc.Delta = target - s.Econ.TechTarget
		s.Econ.TechTarget = target
		ct.add(wc)
		ct.add(Cause{Kind: CauseSubstitution, Other: -1, Lever: -1, Level: -1, Delta: s.Econ.Substitution})
		record(st, i, Tech, s.Ind[Tech], tech, &ct)
		s.Ind[Tech] = tech

		// Inflation: tariffs on what is still imported, and shortages.
		tInf := p["tariff-passthrough"] * 100 * tariffRev[i] / gdp
		sInf := p["shortage-inflation"] * (1 - s.Ind[Coverage]/100)
		s.Econ.Term[termTariffInflation], s.Econ.Term[termShortageInflation] = tInf, sInf
		tInf -= s.Econ.Term0[termTariffInflation]
		sInf -= s.Econ.Term0[termShortageInflation]
		infl := pr.Inflation + tInf + sInf
		var ci causes
		ci.add(Cause{Kind: CauseTariffOwn, Other: -1, Lever: int(sc.ix.kind[LeverTariff]), Level: -1, Delta: tInf})
		ci.add(Cause{Kind: CauseShortage, Other: -1, Lever: -1, Level: -1, Value: s.Ind[Coverage], Delta: sInf})
		record(st, i, Inflation, s.Ind[Inflation], infl, &ci)
		s.Ind[Inflation] = infl

		// Economy: moves towards a target below its baseline path by each drag.
		growth := pr.Growth / 100
		s.Econ.Base *= 1 + growth
		terms := [...]Cause{
			worstTariff[i],
			{Kind: CauseCoverage, Other: -1, Lever: -1, Level: -1, Value: s.Ind[Coverage], Delta: -p["industry-to-economy"] * (100 - s.Ind[Industry])},
			{Kind: CauseTech, Other: worstCtrl[i].Other, Lever: worstCtrl[i].Lever, Level: -1, Delta: -p["tech-to-economy"] * (100 - tech)},
			{Kind: CauseInflation, Other: -1, Lever: -1, Level: -1, Value: infl, Delta: -p["inflation-drag"] * math.Max(0, infl-pr.Inflation)},
			{Kind: CauseControlCost, Other: -1, Lever: -1, Level: -1, Delta: -p["control-cost"] * 100 * ctrlCost[i] / gdp},
			{Kind: CauseFinance, Other: -1, Lever: int(sc.ix.kind[LeverFinance]), Level: -1, Value: finance[i], Delta: -p["finance-drag"] * finance[i]},
			{Kind: CauseSpend, Other: -1, Lever: -1, Level: -1, Value: spend[i], Delta: -p["spend-drag"] * 100 * spend[i] / f / gdp},
			{Kind: CausePayoff, Other: -1, Lever: int(sc.ix.kind[LeverPurchases]), Level: -1, Value: purchases[i], Delta: p["purchase-gain"] * 100 * purchases[i] / gdp},
		}
		terms[0].Delta = -p["trade-drag"] * 100 * lost[i] / gdp
		terms[0].Level = -1
		// Each drag counts from its level at the start: the economy index
		// is 100 for the world as it was, whatever that world already cost.
		goal := s.Econ.Base
		var ce causes
		for k := range terms {
			s.Econ.Term[k] = terms[k].Delta
			terms[k].Delta -= s.Econ.Term0[k]
			goal += s.Econ.Base * terms[k].Delta / 100
		}
		from := s.Ind[Economy]
		to := from + p["adjust-speed"]*(goal-from)
		ce.add(Cause{Kind: CauseBaseline, Other: -1, Lever: -1, Level: -1, Value: pr.Growth, Delta: from * growth})
		for _, t := range terms {
			t.Delta *= s.Econ.Base / 100 * p["adjust-speed"]
			ce.add(t)
		}
		record(st, i, Economy, from, to, &ce)
		s.Ind[Economy] = to

		// Political capital.
		regen := p["capital-regen"]
		short := -p["capital-shortage"] * (1 - s.Ind[Coverage]/100)
		inf := -p["capital-inflation"] * math.Max(0, infl-pr.Inflation)
		k := math.Max(0, math.Min(100, s.Ind[Capital]+regen+short+inf))
		var ck causes
		ck.add(Cause{Kind: CauseRegen, Other: -1, Lever: -1, Level: -1, Delta: regen})
		ck.add(Cause{Kind: CauseShortage, Other: -1, Lever: -1, Level: -1, Value: s.Ind[Coverage], Delta: short})
		ck.add(Cause{Kind: CauseInflation, Other: -1, Lever: -1, Level: -1, Value: infl, Delta: inf})
		record(st, i, Capital, s.Ind[Capital], k, &ck)
		s.Ind[Capital] = k
	}

	// Allied resolve rises with coercion and decays without it.
	r := st.World[Resolve]*(1-p["resolve-decay"]) + p["coercion-resolve"]*coercive
	st.World[Resolve] = math.Max(0, math.Min(1, r))
	// The producer's share of separation capacity.
	var total float64
	for i := 0; i < n; i++ {
		total += st.Seats[i].Econ.Separation
	}
	if total > 0 {
		st.World[PRCShare] = st.Seats[m.producer].Econ.Separation / total
	}
}
