package econ

import (
	"math"

	"github.com/chokepoint-game/chokepoint/game"
)

// supplyResult is what the supply step tells the rest of a resolution.
type supplyResult struct {
	demand [game.MaxSeats]float64 // kt a year, after substitution
	use    [game.MaxSeats]float64 // kt a year reaching industry, stockpile draws included
}

// build brings capacity under construction into operation and puts this
// turn's industrial spending into the pipeline; it returns each seat's
// spend in $bn this turn and its stockpile purchase request in kt.
func (m *model) build(st *game.State) (spend, buy [game.MaxSeats]float64) {
	p := &m.p
	lags := [3]float64{p[pLagMining], p[pLagSeparation], p[pLagMagnets]}
	kinds := [3]int{kInvestMining, kInvestSeparation, kInvestMagnets}
	ms := Of(st)
	for i := range st.Seats {
		e := &ms.Seats[i]
		stages := [3]*float64{&e.Mining, &e.Separation, &e.Magnets}
		var added float64
		for k := 0; k < 3; k++ {
			arrived := float64(e.Pipeline[k][0])
			*stages[k] += arrived
			added += arrived
			copy(e.Pipeline[k][:], e.Pipeline[k][1:])
			e.Pipeline[k][PipelineLen-1] = 0
			if bn := m.value(st, kinds[k], i, 0, 0); bn > 0 {
				// Resolve shortens lags: permits, finance and offtake come
				// faster when governments are determined.
				lag := int(math.Round(lags[k] * (1 - p[pResolveSpeedup]*st.World[Resolve])))
				lag = max(1, min(PipelineLen, lag))
				e.Pipeline[k][lag-1] += float32(bn * p[pBuildYield])
				spend[i] += bn
			}
		}
		if bn := m.value(st, kSubstitutes, i, 0, 0); bn > 0 {
			e.SubSpend += bn
			spend[i] += bn
		}
		buy[i] = m.value(st, kStockpile, i, 0, 0)
		spend[i] += buy[i] * st.World[PriceWorld] / 1000
	}
	return spend, buy
}

// supply allocates the year's rare-earth supply. Outside the producer,
// seats pool their mines, separation plants and magnet plants (oxide from
// one feeds the magnets of another) and meet their own demand first; the
// producer sells what it does not use, to each seat as far as its
// licences allow. The extraterritorial rule reaches the pooled trade that
// carries the producer's content. What a seat receives beyond its demand
// goes to its stockpile; a shortfall is met from the stockpile as far as
// it can be drawn.
func (m *model) supply(st *game.State, buy *[game.MaxSeats]float64) supplyResult {
	sc := m.sc
	ms := Of(st)
	p := &m.p
	n := len(st.Seats)
	f := float64(sc.TurnMonths) / 12
	prod := m.producer
	var r supplyResult
	var request, got, own, fromPool [game.MaxSeats]float64
	// Where each seat's supply came from, kt a year: its own plants, its
	// partners outside the producer (gross, and what the extraterritorial
	// rule cut from it), and the producer's exports.
	var fromOwn, gross, cutOff, fromProducer [game.MaxSeats]float64
	var poolM, poolS, poolG float64
	for i := 0; i < n; i++ {
		e := &ms.Seats[i]
		sub := math.Min(p[pSubstituteMax], p[pSubstituteEffect]*e.SubSpend)
		r.demand[i] = sc.Seats[i].Profile.REDemand * (1 - sub)
		request[i] = r.demand[i] + buy[i]/f
		own[i] = math.Min(e.Mining, math.Min(e.Separation, e.Magnets))
		if i != prod {
			poolM += e.Mining
			poolS += e.Separation
			poolG += e.Magnets
		}
	}
	pool := math.Min(poolM, math.Min(poolS, poolG))
	// Own production first, then the pool's remainder shared by need.
	var rest, unmet float64 = pool, 0
	for i := 0; i < n; i++ {
		if i == prod {
			got[i] = math.Min(own[i], request[i])
			fromOwn[i] = got[i]
			continue
		}
		got[i] = math.Min(own[i], request[i])
		fromOwn[i] = got[i]
		fromPool[i] = got[i]
		rest -= got[i]
		unmet += request[i] - got[i]
	}
	rest = math.Max(0, rest)
	rule := m.value(st, kExtraterritorial, prod, 0, 0) > 0
	for i := 0; i < n; i++ {
		if i == prod || unmet == 0 {
			continue
		}
		traded := (request[i] - got[i]) * math.Min(1, rest/unmet)
		gross[i] = traded
		lic := m.value(st, kLicensing, prod, i, 1)
		if rule && lic < 1 {
			cut := traded * p[pExtraterritorialContent] * (1 - lic)
			traded -= cut
			cutOff[i] = cut
		}
		got[i] += traded
		fromPool[i] += traded
	}
	// The producer's exports, rationed by need and cut by licences.
	exportable := math.Max(0, own[prod]-r.demand[prod])
	var want float64
	for i := 0; i < n; i++ {
		if i != prod {
			want += request[i] - got[i]
		}
	}
	var denied, offered float64
	for i := 0; i < n; i++ {
		if i == prod || want == 0 {
			continue
		}
		q := (request[i] - got[i]) * math.Min(1, exportable/want)
		lic := m.value(st, kLicensing, prod, i, 1)
		offered += q
		denied += q * (1 - lic)
		got[i] += q * lic
		fromProducer[i] = q * lic
	}
	// Use, stockpiles and coverage.
	var short, total, poolUsed, exDemand float64
	for i := 0; i < n; i++ {
		s := &st.Seats[i]
		e := &ms.Seats[i]
		d := r.demand[i]
		use := math.Min(got[i], d)
		e.Stockpile += (got[i] - use) * f
		// Stockpiles buffer new shortages, not the chronic gap the seat
		// already lived with at the start.
		draw := 0.0
		e.Gap = math.Max(0, d-use)
		if excess := e.Gap - e.Gap0; excess > 0 && e.Stockpile > 0 {
			draw = math.Min(excess*f, e.Stockpile*p[pStockpileDraw])
			e.Stockpile -= draw
		}
		r.use[i] = use + draw/f
		cov := 100.0
		if d > 0 {
			cov = math.Min(100, 100*r.use[i]/d)
		}
		ind := 100 * (1 - sc.Seats[i].Profile.REWeight*math.Pow(math.Max(0, 1-cov/100), p[pIndustryBeta]))
		// Coverage is the sum of what each source met of demand, in the
		// order they are used: own plants, partners (less what the
		// extraterritorial rule cut), the producer's exports, the
		// stockpile. Its change from last turn is the change of each
		// term, so the causes add up to it.
		var now [numSources]float64
		if d > 0 {
			left := d
			take := func(x float64) float64 { return math.Max(0, math.Min(x, left)) }
			own := take(fromOwn[i])
			left -= own
			grossC, netC := take(gross[i]), take(gross[i]-cutOff[i])
			left -= netC
			prodC := take(fromProducer[i])
			now[srcOwn] = 100 * own / d
			now[srcPartners] = 100 * grossC / d
			now[srcCut] = 100 * (netC - grossC) / d
			now[srcProducer] = 100 * prodC / d
			now[srcStockpile] = cov - now[srcOwn] - now[srcPartners] - now[srcCut] - now[srcProducer]
		} else {
			now[srcOwn] = cov
		}
		var cc game.Causes
		for k := range now {
			c := m.sourceCause(st, i, k, now[k]-e.Sources[k])
			switch k {
			case srcOwn:
				c.Value = fromOwn[i]
			case srcPartners:
				c.Value = gross[i]
			case srcCut:
				c.Value = cutOff[i]
			case srcProducer:
				c.Value = fromProducer[i]
			case srcStockpile:
				c.Value = draw / f
			}
			cc.Add(c)
		}
		e.Sources = now
		st.Record(i, Coverage, s.Ind[Coverage], cov, &cc)
		var ci game.Causes
		ci.Add(game.NewCause(causeCoverage, cov, ind-s.Ind[Industry]))
		st.Record(i, Industry, s.Ind[Industry], ind, &ci)
		s.Ind[Coverage], s.Ind[Industry] = cov, ind
		if i != prod {
			total += d
			short += math.Max(0, d-r.use[i])
			poolUsed += fromPool[i]
			exDemand += d
		}
	}
	// Who produced what the pool delivered: by share of separation, the
	// stage that binds outside China.
	for i := 0; i < n; i++ {
		e := &ms.Seats[i]
		switch {
		case i == prod:
			e.Output = own[i]
		case poolS > 0:
			e.Output = poolUsed * e.Separation / poolS
		default:
			e.Output = 0
		}
	}
	ms.Shortfall = 0
	if total > 0 {
		ms.Shortfall = short / total
	}
	st.World[ExChinaSupply] = 0
	if exDemand > 0 {
		st.World[ExChinaSupply] = math.Min(1, poolUsed/exDemand)
	}
	// Prices: outside China the price rises with the shortfall from its
	// calm level and falls when the producer floods the market; inside
	// China, withheld exports make a glut.
	flood := m.value(st, kFlood, prod, 0, 0)
	if base := ms.Base[PriceWorld]; base > 0 {
		st.World[PriceWorld] = base * (1 + p[pPriceSensitivity]*ms.Shortfall) * (1 - flood)
	}
	if base := ms.Base[PriceChina]; base > 0 {
		glut := 0.0
		if offered > 0 {
			glut = denied / offered
		}
		st.World[PriceChina] = base * (1 - p[pChinaGlut]*glut) * (1 - flood/2)
	}
	return r
}

// solvency checks the producers outside the producer seat against the
// price they get: the market price, or a price floor their government
// guarantees and pays for. Selling below cost for long makes them fail,
// with a chance each turn; a failure closes the capacity built during the
// game, part of the old, and the mines and separation plants under
// construction. It returns
// what each seat's floor cost it this turn, $bn a year.
func (m *model) solvency(st *game.State, report func(game.Event)) (floorCost [game.MaxSeats]float64) {
	p := &m.p
	ms := Of(st)
	for i := range st.Seats {
		e := &ms.Seats[i]
		if i == m.producer || e.Output <= 0 {
			e.Distress = 0
			continue
		}
		floor := m.value(st, kPriceFloor, i, 0, 0)
		market := st.World[PriceWorld]
		floorCost[i] = math.Max(0, floor-market) * e.Output / 1000
		if math.Max(market, floor) >= m.cost[i] {
			e.Distress = 0
			continue
		}
		e.Distress++
		if float64(e.Distress) <= p[pInsolvencyTurns] || st.RNG.Float64() >= p[pInsolvencyHazard] {
			continue
		}
		// Miners and separators sell oxide at the market price and fail;
		// magnet makers buy it, and cheap oxide does not ruin them.
		keep := 1 - p[pClosureShare]
		e.Mining = math.Min(e.Mining, m.start[i].Mining*keep)
		e.Separation = math.Min(e.Separation, m.start[i].Separation*keep)
		e.Pipeline[0] = [PipelineLen]float32{}
		e.Pipeline[1] = [PipelineLen]float32{}
		e.Distress = 0
		e.Failures++
		if report != nil {
			report(game.Event{Kind: game.EvModel, Seat: i, Ref: "failure", Public: true,
				Text: m.sc.Seats[i].Name + "'s rare-earth producers fail after selling below cost; their mines and separation plants close"})
		}
	}
	return floorCost
}

// The sources of a seat's rare-earth supply, for explaining coverage.
const (
	srcOwn = iota
	srcPartners
	srcCut
	srcProducer
	srcStockpile
	numSources
)

// sourceCause is the cause a change of one source's share of coverage
// reads as.
func (m *model) sourceCause(st *game.State, seat, src int, delta float64) game.Cause {
	c := game.Cause{Other: -1, Lever: -1, Level: -1, Delta: delta}
	switch src {
	case srcOwn:
		c.Kind = causeOwnSupply
	case srcPartners:
		c.Kind, c.Other = causePartners, m.producer
	case srcCut:
		c.Kind, c.Other, c.Lever = causeExtraterritorial, m.producer, m.lever[kExtraterritorial]
	case srcProducer:
		c.Kind, c.Other, c.Lever = causeProducer, m.producer, m.lever[kLicensing]
		if l := c.Lever; l >= 0 && m.sc.MayTarget(m.producer, l, seat) {
			c.Level = int(st.Seats[m.producer].Policy[l][seat])
		}
	case srcStockpile:
		c.Kind = causeStockpile
	}
	return c
}
