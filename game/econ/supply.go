package econ

import (
	"math"

	"github.com/chokepoint-game/chokepoint/game"
)

// supplyResult is what the supply step tells the rest of a resolution.
type supplyResult struct {
	demand [game.MaxSeats]float64 // kt a year, after substitution
	use    [game.MaxSeats]float64 // kt a year reaching industry, stockpile draws included
	// exported is what the producer shipped, kt a year, and revenue what
	// it earned for it, $bn a year.
	exported, revenue float64
}

// build brings capacity under construction into operation and puts this
// turn's industrial spending, and the capacity private investors order,
// into the pipeline; it returns each seat's spend in $bn this turn and its
// stockpile purchase request in kt.
func (m *model) build(st *game.State) (spend, buy [game.MaxSeats]float64) {
	p := &m.p
	kinds := [3]int{kInvestMining, kInvestSeparation, kInvestMagnets}
	ms := Of(st)
	for i := range st.Seats {
		e := &ms.Seats[i]
		stages := [3]*float64{&e.Mining, &e.Separation, &e.Magnets}
		for k := 0; k < 3; k++ {
			*stages[k] += float64(e.Pipeline[k][0])
			copy(e.Pipeline[k][:], e.Pipeline[k][1:])
			e.Pipeline[k][PipelineLen-1] = 0
		}
		// Private investors order capacity when the price producers get
		// (last turn's market, or the seat's floor) beats their cost by
		// more than a hurdle: an expectation of profit, not of need.
		var margin float64
		if i != m.producer && m.cost[i] > 0 {
			got := max(st.World[PriceWorld], m.value(st, kPriceFloor, i, 0, 0))
			margin = max(0, got/m.cost[i]-1-p[pPrivateHurdle])
		}
		starts := [3]float64{m.start[i].Mining, m.start[i].Separation, m.start[i].Magnets}
		for k := 0; k < 3; k++ {
			kt := 0.0
			if bn := m.value(st, kinds[k], i, 0, 0); bn > 0 {
				kt = bn * p[pBuildYield]
				spend[i] += bn
			}
			kt += margin * p[pPrivateInvest] * starts[k]
			if kt > 0 {
				m.order(st, e, k, *stages[k], starts[k], kt)
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

// order puts kt a year of new capacity of stage k into a seat's pipeline.
// Expansions of working plants and restarts of closed ones, up to the
// expansion headroom over the seat's starting capacity, open after the
// expansion lag; the rest is new plants, which take the stage's lag.
// Resolve shortens both: permits, finance and offtake come faster when
// governments are determined.
func (m *model) order(st *game.State, e *SeatState, k int, operating, start, kt float64) {
	p := &m.p
	lags := [3]float64{p[pLagMining], p[pLagSeparation], p[pLagMagnets]}
	var queued float64
	for _, x := range e.Pipeline[k] {
		queued += float64(x)
	}
	fast := min(kt, max(0, (1+p[pExpansionHeadroom])*start-operating-queued))
	speed := 1 - p[pResolveSpeedup]*st.World[Resolve]
	put := func(lag, x float64) {
		if x <= 0 {
			return
		}
		l := max(1, min(PipelineLen, int(math.Round(lag*speed))))
		e.Pipeline[k][l-1] += float32(x)
	}
	put(min(p[pLagExpansion], lags[k]), fast)
	put(lags[k], kt-fast)
}

// supply allocates the year's rare-earth supply. Outside the producer,
// seats pool their mines, separation plants and magnet plants (oxide from
// one feeds the magnets of another) and meet their own demand first; what
// a seat has reserved for another goes to it next; the rest of the pool
// is shared by unmet need. The producer runs its capacity up to its
// quota, serves its own demand and its reservations, and sells the rest
// to each seat as far as its licences allow. The extraterritorial rule
// reaches the pooled trade in proportion to the producer's content in it.
// What a seat receives beyond its demand goes to its stockpile; a
// shortfall is met from the stockpile as far as it can be drawn. Prices
// follow, market by market.
func (m *model) supply(st *game.State, buy *[game.MaxSeats]float64) supplyResult {
	sc := m.sc
	ms := Of(st)
	p := &m.p
	n := len(st.Seats)
	f := float64(sc.TurnMonths) / 12
	prod := m.producer
	years := max(0, float64(st.Turn-1)) * f
	var r supplyResult
	var request, got, own, fromPool [game.MaxSeats]float64
	// Where each seat's supply came from, kt a year: its own plants, the
	// reservations made for it, its partners outside the producer (gross,
	// and what the extraterritorial rule cut from both), and the
	// producer's exports.
	var fromOwn, reserved, gross, cutOff, fromProducer [game.MaxSeats]float64
	// prodRes is the part of reserved that the producer reserved: it is in
	// fromProducer too, and counts once in coverage.
	var prodRes [game.MaxSeats]float64
	var poolM, poolS, poolG float64
	quota := 1.0
	if q, lvl := m.towards(st, kQuota, prod, 0); lvl >= 0 {
		quota = q
	}
	grow := math.Pow(1+p[pDemandGrowth]/100, years)
	for i := 0; i < n; i++ {
		e := &ms.Seats[i]
		sub := min(p[pSubstituteMax], p[pSubstituteEffect]*e.SubSpend)
		g := grow
		if i == prod {
			g = math.Pow(1+p[pChinaDemandGrowth]/100, years)
		}
		r.demand[i] = sc.Seats[i].Profile.REDemand * (1 - sub) * g
		request[i] = r.demand[i] + buy[i]/f
		own[i] = min(e.Mining, min(e.Separation, e.Magnets))
		if i == prod {
			// The producer's capacity keeps up with its own demand's
			// growth and grows beyond it at china-capacity-growth; the
			// quota says how much of it may run.
			own[i] = quota * m.grown(st, own[i], r.demand[i])
			continue
		}
		poolM += e.Mining
		poolS += e.Separation
		poolG += e.Magnets
	}
	pool := min(poolM, min(poolS, poolG))
	// Own production first.
	rest := pool
	for i := 0; i < n; i++ {
		got[i] = min(own[i], request[i])
		fromOwn[i] = got[i]
		if i != prod {
			fromPool[i] = got[i]
			rest -= got[i]
		}
	}
	rest = max(0, rest)
	rule := m.value(st, kExtraterritorial, prod, 0, 0) > 0
	content := m.content(ms)
	// cut is what the extraterritorial rule takes from x kt traded to seat
	// i: the producer's content in it, not licensed towards i.
	cut := func(i int, x float64) float64 {
		if !rule {
			return 0
		}
		return x * content * (1 - m.value(st, kLicensing, prod, i, 1))
	}
	// Reservations: a seat's part of the pool beyond its own use goes first
	// to the seats it has reserved output for.
	if m.lever[kReserve] >= 0 && poolS > 0 {
		for s := 0; s < n; s++ {
			if s == prod {
				continue
			}
			avail := max(0, pool*ms.Seats[s].Separation/poolS-fromOwn[s])
			for j := 0; j < n && avail > 0 && rest > 0; j++ {
				if j == s || j == prod {
					continue
				}
				q := min(m.value(st, kReserve, s, j, 0), min(avail, min(rest, request[j]-got[j])))
				if q <= 0 {
					continue
				}
				avail -= q
				rest -= q
				c := cut(j, q)
				reserved[j] += q
				cutOff[j] += c
				got[j] += q - c
				fromPool[j] += q - c
			}
		}
	}
	var unmet float64
	for i := 0; i < n; i++ {
		if i != prod {
			unmet += request[i] - got[i]
		}
	}
	for i := 0; i < n; i++ {
		if i == prod || unmet <= 0 {
			continue
		}
		traded := (request[i] - got[i]) * min(1, rest/unmet)
		c := cut(i, traded)
		gross[i] = traded
		cutOff[i] += c
		got[i] += traded - c
		fromPool[i] += traded - c
	}
	// The producer's exports: its reservations first, then the rest
	// rationed by need and cut by licences.
	exportable := max(0, own[prod]-r.demand[prod])
	var denied, exported float64
	if m.lever[kReserve] >= 0 {
		for i := 0; i < n && exportable > 0; i++ {
			if i == prod {
				continue
			}
			q := min(m.value(st, kReserve, prod, i, 0), min(exportable, request[i]-got[i]))
			if q <= 0 {
				continue
			}
			exportable -= q
			reserved[i] += q
			prodRes[i] += q
			got[i] += q
			fromProducer[i] += q
			exported += q
		}
	}
	var want float64
	for i := 0; i < n; i++ {
		if i != prod {
			want += request[i] - got[i]
		}
	}
	for i := 0; i < n; i++ {
		if i == prod || want <= 0 {
			continue
		}
		q := (request[i] - got[i]) * min(1, exportable/want)
		lic := m.value(st, kLicensing, prod, i, 1)
		denied += q * (1 - lic)
		got[i] += q * lic
		fromProducer[i] += q * lic
		exported += q * lic
	}
	// Use, stockpiles and coverage.
	var short, total, poolUsed, exDemand float64
	for i := 0; i < n; i++ {
		s := &st.Seats[i]
		e := &ms.Seats[i]
		d := r.demand[i]
		use := min(got[i], d)
		e.Stockpile += (got[i] - use) * f
		// Stockpiles buffer new shortages, not the chronic gap the seat
		// already lived with at the start.
		draw := 0.0
		e.Gap = max(0, d-use)
		if excess := e.Gap - e.Gap0; excess > 0 && e.Stockpile > 0 {
			draw = min(excess*f, e.Stockpile*p[pStockpileDraw])
			e.Stockpile -= draw
		}
		r.use[i] = use + draw/f
		cov := 100.0
		if d > 0 {
			cov = min(100, 100*r.use[i]/d)
		}
		ind := 100 * (1 - sc.Seats[i].Profile.REWeight*math.Pow(max(0, 1-cov/100), p[pIndustryBeta]))
		// Coverage is the sum of what each source met of demand, in the
		// order they are used: own plants, reservations, partners (less
		// what the extraterritorial rule cut), the producer's exports, the
		// stockpile. Its change from last turn is the change of each
		// term, so the causes add up to it.
		var now [numSources]float64
		if d > 0 {
			left := d
			take := func(x float64) float64 { return max(0, min(x, left)) }
			ownC := take(fromOwn[i])
			left -= ownC
			grossC := take(reserved[i] + gross[i])
			netC := take(reserved[i] + gross[i] - cutOff[i])
			resC := min(grossC, reserved[i])
			left -= netC
			prodC := take(fromProducer[i] - prodRes[i])
			now[srcOwn] = 100 * ownC / d
			now[srcReserved] = 100 * resC / d
			now[srcPartners] = 100 * (grossC - resC) / d
			now[srcCut] = 100 * (netC - grossC) / d
			now[srcProducer] = 100 * prodC / d
			now[srcStockpile] = cov - now[srcOwn] - now[srcReserved] - now[srcPartners] - now[srcCut] - now[srcProducer]
		} else {
			now[srcOwn] = cov
		}
		var cc game.Causes
		for k := range now {
			c := m.sourceCause(st, i, k, now[k]-e.Sources[k])
			switch k {
			case srcOwn:
				c.Value = fromOwn[i]
			case srcReserved:
				c.Value = reserved[i]
			case srcPartners:
				c.Value = gross[i]
			case srcCut:
				c.Value = cutOff[i]
			case srcProducer:
				c.Value = fromProducer[i] - prodRes[i]
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
			short += max(0, d-r.use[i])
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
	st.World[Outlook] = 0
	if exDemand > 0 {
		st.World[ExChinaSupply] = min(1, poolUsed/exDemand)
		st.World[Outlook] = min(1, max(st.World[ExChinaSupply], m.outlook(st)/exDemand))
	}
	r.exported = exported
	m.prices(st, &r, &got, &fromProducer, denied, own[prod])
	return r
}

// grown is a capacity x of the producer as it stands this turn: it keeps
// up with the growth of the producer's own demand (now d) and grows beyond
// it at china-capacity-growth.
func (m *model) grown(st *game.State, x, d float64) float64 {
	years := max(0, float64(st.Turn-1)) * float64(m.sc.TurnMonths) / 12
	sub := min(m.p[pSubstituteMax], m.p[pSubstituteEffect]*Of(st).Seats[m.producer].SubSpend)
	d0 := m.sc.Seats[m.producer].Profile.REDemand * (1 - sub)
	return max(0, x*math.Pow(1+m.p[pChinaCapacityGrowth]/100, years)+d-d0)
}

// content is the share of the pooled trade outside the producer that its
// extraterritorial rule reaches: the producer's equipment and know-how in
// the plants, plus the producer's material the plants run on, which falls
// as separation outside the producer grows.
func (m *model) content(ms *State) float64 {
	var sep float64
	for i := range ms.Seats {
		if i != m.producer {
			sep += ms.Seats[i].Separation
		}
	}
	feed := m.p[pPRCFeed]
	if sep > 0 && m.sep0 > 0 {
		feed *= min(1, m.sep0/sep)
	}
	return min(1, m.p[pExtraterritorialContent]+feed)
}

// outlook is the capacity outside the producer, in kt a year, that will
// run once what is announced to open within the horizon has opened: the
// smallest of the three stages, as in the pool.
func (m *model) outlook(st *game.State) float64 {
	ms := Of(st)
	h := int(math.Round(m.p[pExpectHorizon] * 12 / float64(m.sc.TurnMonths)))
	h = max(0, min(PipelineLen, h))
	var stages [3]float64
	for i := range ms.Seats {
		if i == m.producer {
			continue
		}
		e := &ms.Seats[i]
		stages[0] += e.Mining
		stages[1] += e.Separation
		stages[2] += e.Magnets
		for k := 0; k < 3; k++ {
			for _, x := range e.Pipeline[k][:h] {
				stages[k] += float64(x)
			}
		}
	}
	return min(stages[0], min(stages[1], stages[2]))
}

// prices sets each seat's rare-earth price and the two world prices.
// Outside the producer a seat's market is thin: its price rises steeply
// with its scarcity (its own shortfall, blended with the average one
// outside the producer, less what announced capacity is expected to
// ease), up to price-cap times its calm level; the producer's flooding
// lowers it only in proportion to the producer's supply that reaches the
// seat. Inside China the price follows the balance of its own market:
// domestic demand, exports and withheld exports that stay at home against
// what the quota lets its plants produce.
func (m *model) prices(st *game.State, r *supplyResult, got, fromProducer *[game.MaxSeats]float64, denied, supply float64) {
	ms := Of(st)
	p := &m.p
	prod := m.producer
	flood := m.value(st, kFlood, prod, 0, 0)
	eta := p[pPriceElasticity]
	steep := 1 - math.Pow(p[pPriceCap], -eta)
	eased := p[pExpectWeight] * max(0, st.World[Outlook]-st.World[ExChinaSupply])
	w := p[pMarketIntegration]
	base := ms.Base[PriceWorld]
	var sum, weight float64
	for i := range st.Seats {
		if i == prod {
			continue
		}
		s := &st.Seats[i]
		gap := 1 - s.Ind[Coverage]/100
		scarcity := max(0, min(1, (1-w)*gap+w*ms.Shortfall-eased))
		calm := base * math.Pow(1-scarcity*steep, -1/eta)
		share := 0.0
		if got[i] > 0 {
			share = min(1, fromProducer[i]/got[i])
		}
		disc := 1 - flood*share
		to := calm * disc
		// The change splits exactly into scarcity (at this turn's
		// discount) and flooding (at last turn's scarcity).
		var cp game.Causes
		e := &ms.Seats[i]
		cp.Add(game.NewCause(causeScarcity, 100*scarcity, (calm-e.Calm)*disc))
		fc := game.NewCause(causeFlooding, 100*share, e.Calm*(disc-e.Disc))
		fc.Other, fc.Lever = int8(prod), int8(m.lever[kFlood])
		cp.Add(fc)
		e.Calm, e.Disc = calm, disc
		st.Record(i, Price, s.Ind[Price], to, &cp)
		s.Ind[Price] = to
		sum += r.demand[i] * to
		weight += r.demand[i]
		r.revenue += fromProducer[i] * to * p[pExportValue] / 1000
	}
	if weight > 0 && base > 0 {
		st.World[PriceWorld] = sum / weight
	}
	if cn := ms.Base[PriceChina]; cn > 0 && supply > 0 {
		use := r.demand[prod] + r.exported + (1-p[pChinaGlut])*denied
		u := use / supply
		to := cn * min(p[pPriceCap], math.Pow(max(u, 0.01), 1/p[pChinaElasticity]))
		st.World[PriceChina] = to
		s := &st.Seats[prod]
		var cp game.Causes
		cp.Add(game.NewCause(causeChinaBalance, 100*u, to-s.Ind[Price]))
		st.Record(prod, Price, s.Ind[Price], to, &cp)
		s.Ind[Price] = to
	}
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
		floorCost[i] = max(0, floor-market) * e.Output / 1000
		if max(market, floor) >= m.cost[i] {
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
		e.Mining = min(e.Mining, m.start[i].Mining*keep)
		e.Separation = min(e.Separation, m.start[i].Separation*keep)
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
	srcReserved
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
	case srcReserved:
		c.Kind = causeReserved
	case srcPartners:
		c.Kind, c.Other = causePartners, int8(m.producer)
	case srcCut:
		c.Kind, c.Other, c.Lever = causeExtraterritorial, int8(m.producer), int8(m.lever[kExtraterritorial])
	case srcProducer:
		c.Kind, c.Other, c.Lever = causeProducer, int8(m.producer), int8(m.lever[kLicensing])
		if l := m.lever[kLicensing]; l >= 0 && m.sc.MayTarget(m.producer, l, seat) {
			c.Level = int8(st.Seats[m.producer].Policy[l][seat])
		}
	case srcStockpile:
		c.Kind = causeStockpile
	}
	return c
}
