package econ

import (
	"sync"

	"github.com/chokepoint-game/chokepoint/game"
)

// changesPerSeat bounds the changes a resolution files per seat: its
// coverage, industry, price, tech access, inflation, economy and capital.
const changesPerSeat = 7

// changeBuf holds a resolution's changes while they are found.
type changeBuf [changesPerSeat * game.MaxSeats]game.Change

// changeBufs lends resolutions their buffers: the state keeps an exact
// copy, since most turns change fewer indicators than a turn can, and a
// state lives on in its callers' hands.
var changeBufs = sync.Pool{New: func() any { return new(changeBuf) }}

// Resolve runs one turn of the economy model on st, whose policies are the
// orders of the turn.
func (m *model) Resolve(st *game.State, report func(game.Event)) {
	if st.Changes != nil {
		m.resolve(st, report)
		return
	}
	buf := changeBufs.Get().(*changeBuf)
	st.Changes = buf[:0]
	m.resolve(st, report)
	// The engine adds a change of capital for a seat that spent capital
	// on deals if the model filed none: room for it saves a regrowth.
	extra := 0
	for i := range st.Seats {
		if st.Seats[i].Committed != 0 {
			extra++
		}
	}
	kept := make([]game.Change, len(st.Changes), len(st.Changes)+extra)
	copy(kept, st.Changes)
	st.Changes = kept
	changeBufs.Put(buf)
}

// resolve is Resolve filing its changes in st.Changes.
func (m *model) resolve(st *game.State, report func(game.Event)) {
	sc := m.sc
	ms := Of(st)
	n := len(st.Seats)
	f := float64(sc.TurnMonths) / 12
	p := &m.p

	spend, buy := m.build(st)
	sr := m.supply(st, &buy)
	floorCost := m.solvency(st, report)

	tr := m.trades(st)
	lost, tariffRev, ctrlCost, finCost := &tr.lost, &tr.tariffRev, &tr.ctrlCost, &tr.finCost
	buys, sales, techCtrl, finance := &tr.buys, &tr.sales, &tr.techCtrl, &tr.finance
	worstCtrl := &tr.worstCtrl
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
		target := full * (1 - min(1, techCtrl[i]))
		subBefore := e.Substitution
		if target < full {
			e.Substitution = min(full-target, e.Substitution+p[pTechRecovery])
		} else {
			e.Substitution = 0
		}
		tech := min(full, target+e.Substitution)
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
		ci.Add(game.Cause{Kind: causeTariffOwn, Other: -1, Lever: int8(tariffLever), Level: -1, Delta: tInf - e.Term[termTariffInflation]})
		ci.Add(game.NewCause(causeShortage, s.Ind[Coverage], sInf-e.Term[termShortageInflation]))
		e.Term[termTariffInflation], e.Term[termShortageInflation] = tInf, sInf
		infl := pr.Inflation + tInf - e.Term0[termTariffInflation] + sInf - e.Term0[termShortageInflation]
		st.Record(i, Inflation, s.Ind[Inflation], infl, &ci)
		s.Ind[Inflation] = infl

		// Economy: moves towards a target below its baseline path by each
		// drag, each counted from its level at the start.
		growth := pr.Growth / 100
		e.Base *= 1 + growth
		var terms [termExports + 1]game.Cause
		terms[termTrade] = tr.tariffCause(e, i, n, tariffLever)
		copy(e.Lost[:], tr.pairLost[i][:])
		terms[termTrade].Delta = -p[pTradeDrag] * 100 * lost[i] / gdp
		terms[termIndustry] = game.NewCause(causeCoverage, s.Ind[Coverage], -p[pIndustryToEconomy]*(100-s.Ind[Industry]))
		terms[termTech] = game.Cause{Kind: causeTech, Other: worstCtrl[i].Other, Lever: worstCtrl[i].Lever, Level: -1, Delta: -p[pTechToEconomy] * (100 - tech)}
		// The inflation drag is linear in what tariffs and shortages add, so
		// that, counted from the start, lower inflation is a gain.
		terms[termInflation] = game.NewCause(causeInflation, infl, -p[pInflationDrag]*(e.Term[termTariffInflation]+e.Term[termShortageInflation]))
		terms[termControls] = game.NewCause(causeControlCost, 0, -p[pControlCost]*100*ctrlCost[i]/gdp-finCost[i])
		terms[termFinance] = game.Cause{Kind: causeFinance, Other: -1, Lever: int8(m.lever[kFinance]), Level: -1, Value: finance[i], Delta: -p[pFinanceDrag] * finance[i]}
		terms[termSpend] = game.NewCause(causeSpend, spend[i], -p[pSpendDrag]*100*(spend[i]/f+floorCost[i])/gdp)
		terms[termPurchases] = game.Cause{Kind: causePurchases, Other: -1, Lever: int8(m.lever[kPurchases]), Level: -1, Value: sales[i] - buys[i],
			Delta: 100 * (p[pPurchaseGain]*sales[i] - p[pPurchaseCost]*buys[i]) / gdp}
		// The producer's export revenue: withholding forgoes it, and so
		// does a market lost to capacity built elsewhere.
		terms[termExports] = game.NewCause(causeExports, 0, 0)
		if i == m.producer {
			terms[termExports].Value = sr.revenue
			terms[termExports].Delta = 100 * p[pExportGain] * sr.revenue / gdp
		}
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
		inf := -p[pCapitalInflation] * max(0, infl-pr.Inflation)
		raw := s.Ind[game.Capital] + regen + short + inf
		k := max(0, min(100, raw))
		// Capital is kept within 0 to 100: what the bound cuts off comes
		// off the terms that pushed against it, so the causes still add
		// up to the change.
		if over := raw - k; over > 0 {
			regen -= over
		} else if over < 0 && short+inf < 0 {
			short, inf = short*(1+over/(short+inf)), inf*(1+over/(short+inf))
		}
		var ck game.Causes
		ck.Add(game.NewCause(causeRegen, 0, regen))
		ck.Add(game.NewCause(causeShortage, s.Ind[Coverage], short))
		ck.Add(game.NewCause(causeInflation, infl, inf))
		st.Record(i, game.Capital, s.Ind[game.Capital], k, &ck)
		s.Ind[game.Capital] = k
	}

	// Allied resolve rises with coercion and decays without it.
	r := st.World[Resolve]*(1-p[pResolveDecay]) + p[pCoercionResolve]*coercive
	st.World[Resolve] = max(0, min(1, r))
	// The producer's share of the world's separation capacity, its own
	// grown with its demand as supply computes it.
	var total float64
	for i := 0; i < n; i++ {
		if i != m.producer {
			total += ms.Seats[i].Separation
		}
	}
	prodSep := m.grown(st, ms.Seats[m.producer].Separation, sr.demand[m.producer])
	total += prodSep
	if total > 0 {
		st.World[PRCShare] = prodSep / total
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
	worstCtrl [game.MaxSeats]game.Cause
	// pairLost is the trade seat i loses to seat j's tariff; rate is that
	// tariff.
	pairLost, rate [game.MaxSeats][game.MaxSeats]float64
}

// tariffCause names the tariff behind a change of seat i's trade drag
// since the start: the seat whose tariff on i moved the most since then
// in the direction of the change (raised, for a larger drag; cut, for a
// smaller one), with its rate now.
func (r *tradeResult) tariffCause(e *SeatState, i, n, lever int) game.Cause {
	var total float64
	for j := 0; j < n; j++ {
		total += r.pairLost[i][j] - e.Lost0[j]
	}
	c := game.Cause{Kind: causeTariffOn, Other: -1, Lever: int8(lever), Level: -1}
	best := 0.0
	for j := 0; j < n; j++ {
		if j == i {
			continue
		}
		d := r.pairLost[i][j] - e.Lost0[j]
		if total < 0 {
			d = -d
		}
		if d > best {
			best, c.Other, c.Value = d, int8(j), r.rate[i][j]
		}
	}
	return c
}

// trades works out trade, tariffs, controls, sanctions and purchases
// between every pair of seats under the policies in force.
func (m *model) trades(st *game.State) tradeResult {
	sc := m.sc
	p := &m.p
	n := len(st.Seats)
	f := float64(sc.TurnMonths) / 12
	var r tradeResult
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
			r.pairLost[i][j] = t0 - t
			r.rate[i][j] = rate
			chips := m.value(st, kChips, j, i, 0)
			soft := m.value(st, kSoftware, j, i, 0)
			// A control is as strong as the controller's share of what the
			// target needs: suppliers that do not match it leak.
			c := sc.Seats[j].Profile.TechShare * (p[pChipWeight]*chips + p[pSoftwareWeight]*soft)
			r.techCtrl[i] += c
			r.ctrlCost[j] += (chips + soft) / 2 * m.trade[j][i]
			if c > r.worstCtrl[i].Value {
				r.worstCtrl[i] = game.Cause{Kind: causeTech, Other: int8(j), Lever: int8(m.lever[kChips]), Level: -1, Value: c}
			}
			fin := m.value(st, kFinance, j, i, 0)
			r.finance[i] = max(r.finance[i], fin)
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
