package econ

import (
	"math"

	"github.com/chokepoint-game/chokepoint/game"
)

// Resolve runs one turn of the economy model on st, whose policies are the
// orders of the turn.
func (m *model) Resolve(st *game.State, report func(game.Event)) {
	sc := m.sc
	ms := Of(st)
	n := len(st.Seats)
	f := float64(sc.TurnMonths) / 12
	p := &m.p
	if st.Changes == nil {
		st.Changes = make([]game.Change, 0, 6*n)
	}

	spend, buy := m.build(st)
	m.supply(st, &buy)
	floorCost := m.solvency(st, report)

	tr := m.trades(st)
	lost, tariffRev, ctrlCost, finCost := &tr.lost, &tr.tariffRev, &tr.ctrlCost, &tr.finCost
	buys, sales, techCtrl, finance := &tr.buys, &tr.sales, &tr.techCtrl, &tr.finance
	worstTariff, worstCtrl := &tr.worstTariff, &tr.worstCtrl
	tariffLever := m.lever[kTariff]

	coercive := m.coercion(st)

	for i := 0; i < n; i++ {
		s := &st.Seats[i]
		pr := &sc.Seats[i].Profile
		gdp := pr.GDP * 1000 // $bn
		e := &ms.Seats[i]

		// Tech access: controls cut it; domestic substitution recovers part
		// of the loss, slowly.
		full := 100.0
		if pr.Tech > 0 {
			full = pr.Tech
		}
		target := full * (1 - math.Min(1, techCtrl[i]))
		subBefore := e.Substitution
		if target < full {
			e.Substitution = math.Min(full-target, e.Substitution+p[pTechRecovery])
		} else {
			e.Substitution = 0
		}
		tech := math.Min(full, target+e.Substitution)
		var ct game.Causes
		wc := worstCtrl[i]
		wc.Delta = target - e.TechTarget
		e.TechTarget = target
		ct.Add(wc)
		ct.Add(game.NewCause(causeSubstitution, e.Substitution, e.Substitution-subBefore))
		st.Record(i, Tech, s.Ind[Tech], tech, &ct)
		s.Ind[Tech] = tech

		// Inflation: tariffs on what is still imported, and shortages,
		// counted from their levels at the start.
		tInf := p[pTariffPassthrough] * 100 * tariffRev[i] / gdp
		sInf := p[pShortageInflation] * (1 - s.Ind[Coverage]/100)
		var ci game.Causes
		ci.Add(game.Cause{Kind: causeTariffOwn, Other: -1, Lever: tariffLever, Level: -1, Delta: tInf - e.Term[termTariffInflation]})
		ci.Add(game.NewCause(causeShortage, s.Ind[Coverage], sInf-e.Term[termShortageInflation]))
		e.Term[termTariffInflation], e.Term[termShortageInflation] = tInf, sInf
		infl := pr.Inflation + tInf - e.Term0[termTariffInflation] + sInf - e.Term0[termShortageInflation]
		st.Record(i, Inflation, s.Ind[Inflation], infl, &ci)
		s.Ind[Inflation] = infl

		// Economy: moves towards a target below its baseline path by each
		// drag, each counted from its level at the start.
		growth := pr.Growth / 100
		e.Base *= 1 + growth
		var terms [termPurchases + 1]game.Cause
		terms[termTrade] = worstTariff[i]
		terms[termTrade].Delta = -p[pTradeDrag] * 100 * lost[i] / gdp
		terms[termIndustry] = game.NewCause(causeCoverage, s.Ind[Coverage], -p[pIndustryToEconomy]*(100-s.Ind[Industry]))
		terms[termTech] = game.Cause{Kind: causeTech, Other: worstCtrl[i].Other, Lever: worstCtrl[i].Lever, Level: -1, Delta: -p[pTechToEconomy] * (100 - tech)}
		// The inflation drag is linear in what tariffs and shortages add, so
		// that, counted from the start, lower inflation is a gain.
		terms[termInflation] = game.NewCause(causeInflation, infl, -p[pInflationDrag]*(e.Term[termTariffInflation]+e.Term[termShortageInflation]))
		terms[termControls] = game.NewCause(causeControlCost, 0, -p[pControlCost]*100*ctrlCost[i]/gdp-finCost[i])
		terms[termFinance] = game.Cause{Kind: causeFinance, Other: -1, Lever: m.lever[kFinance], Level: -1, Value: finance[i], Delta: -p[pFinanceDrag] * finance[i]}
		terms[termSpend] = game.NewCause(causeSpend, spend[i], -p[pSpendDrag]*100*(spend[i]/f+floorCost[i])/gdp)
		terms[termPurchases] = game.Cause{Kind: causePurchases, Other: -1, Lever: m.lever[kPurchases], Level: -1, Value: sales[i] - buys[i],
			Delta: 100 * (p[pPurchaseGain]*sales[i] - p[pPurchaseCost]*buys[i]) / gdp}
		goal := e.Base
		for k := range terms {
			e.Term[k] = terms[k].Delta
			terms[k].Delta -= e.Term0[k]
			goal += e.Base * terms[k].Delta / 100
		}
		from := s.Ind[Economy]
		to := from + p[pAdjustSpeed]*(goal-from)
		// The change is the part of the gap to the baseline path closed this
		// turn, plus the same part of each drag: those are its causes.
		var ce game.Causes
		ce.Add(game.NewCause(causePath, pr.Growth, p[pAdjustSpeed]*(e.Base-from)))
		for _, t := range terms {
			t.Delta *= e.Base / 100 * p[pAdjustSpeed]
			ce.Add(t)
		}
		st.Record(i, Economy, from, to, &ce)
		s.Ind[Economy] = to

		// Political capital: regained each turn, spent by shortages and
		// inflation at home.
		regen := p[pCapitalRegen]
		short := -p[pCapitalShortage] * (1 - s.Ind[Coverage]/100)
		inf := -p[pCapitalInflation] * math.Max(0, infl-pr.Inflation)
		k := math.Max(0, math.Min(100, s.Ind[game.Capital]+regen+short+inf))
		var ck game.Causes
		ck.Add(game.NewCause(causeRegen, 0, regen))
		ck.Add(game.NewCause(causeShortage, s.Ind[Coverage], short))
		ck.Add(game.NewCause(causeInflation, infl, inf))
		st.Record(i, game.Capital, s.Ind[game.Capital], k, &ck)
		s.Ind[game.Capital] = k
	}

	// Allied resolve rises with coercion and decays without it.
	r := st.World[Resolve]*(1-p[pResolveDecay]) + p[pCoercionResolve]*coercive
	st.World[Resolve] = math.Max(0, math.Min(1, r))
	// The producer's share of the world's separation capacity in use.
	var total float64
	for i := 0; i < n; i++ {
		total += ms.Seats[i].Separation
	}
	if total > 0 {
		st.World[PRCShare] = ms.Seats[m.producer].Separation / total
	}
}

// coercion counts the producer's coercive lever settings in force this
// turn: allied resolve is the allies' answer to the producer's pressure.
func (m *model) coercion(st *game.State) float64 {
	ps := m.sc.Public()
	n := 0
	i := m.producer
	for l := range ps.Levers {
		li := &ps.Levers[l]
		if li.Coercive < 0 || !li.Setters.Has(i) {
			continue
		}
		if li.Scope != game.ScopeEach {
			if int(st.Seats[i].Policy[l][0]) >= li.Coercive {
				n++
			}
			continue
		}
		for j := range st.Seats {
			if li.Targets.Has(j) && i != j && int(st.Seats[i].Policy[l][j]) >= li.Coercive {
				n++
			}
		}
	}
	return float64(n)
}

// tradeResult is what trade, tariffs, controls, sanctions and purchases
// do to each seat in a turn, by seat.
type tradeResult struct {
	lost      [game.MaxSeats]float64 // exports lost to tariffs on the seat's goods, $bn a year
	tariffRev [game.MaxSeats]float64 // tariffs the seat collects on what it still imports, $bn a year
	ctrlCost  [game.MaxSeats]float64 // the seat's exports held back by its own controls, $bn a year
	finCost   [game.MaxSeats]float64 // output the seat loses to the sanctions it imposes, points
	buys      [game.MaxSeats]float64 // purchases the seat commits to, $bn a year
	sales     [game.MaxSeats]float64 // purchases others commit to from the seat, $bn a year
	techCtrl  [game.MaxSeats]float64 // the strength of the controls on the seat, 0..1 and more
	finance   [game.MaxSeats]float64 // the strongest financial sanction on the seat, 0..1
	// The largest single tariff and control on the seat, for its causes.
	worstTariff, worstCtrl [game.MaxSeats]game.Cause
}

// trades works out trade, tariffs, controls, sanctions and purchases
// between every pair of seats under the policies in force.
func (m *model) trades(st *game.State) tradeResult {
	sc := m.sc
	p := &m.p
	n := len(st.Seats)
	f := float64(sc.TurnMonths) / 12
	var r tradeResult
	tariffLever := m.lever[kTariff]
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i == j {
				continue
			}
			t0 := m.trade[i][j]
			rate, lvl := m.towards(st, kTariff, j, i)
			t := t0
			if lvl >= 0 {
				t *= m.tariffFactor[lvl]
			}
			r.lost[i] += t0 - t
			r.tariffRev[j] += rate / 100 * t
			if d := t - t0; d < r.worstTariff[i].Delta {
				r.worstTariff[i] = game.Cause{Kind: causeTariffOn, Other: j, Lever: tariffLever, Level: -1, Value: rate, Delta: d}
			}
			chips := m.value(st, kChips, j, i, 0)
			soft := m.value(st, kSoftware, j, i, 0)
			// A control is as strong as the controller's share of what the
			// target needs: suppliers that do not match it leak.
			c := sc.Seats[j].Profile.TechShare * (p[pChipWeight]*chips + p[pSoftwareWeight]*soft)
			r.techCtrl[i] += c
			r.ctrlCost[j] += (chips + soft) / 2 * m.trade[j][i]
			if c > r.worstCtrl[i].Value {
				r.worstCtrl[i] = game.Cause{Kind: causeTech, Other: j, Lever: m.lever[kChips], Level: -1, Value: c}
			}
			fin := m.value(st, kFinance, j, i, 0)
			r.finance[i] = math.Max(r.finance[i], fin)
			// Sanctions cost their imposer too: finance-cost points of
			// its output at full strength, per target.
			r.finCost[j] += p[pFinanceCost] * fin
			bought := m.value(st, kPurchases, i, j, 0) / f // $bn a year
			r.buys[i] += bought
			r.sales[j] += bought
		}
	}
	return r
}
