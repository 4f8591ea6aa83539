package econ_test

import (
	"testing"

	. "github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/econ"
)

// params sets model parameters of the tiny scenario.
func params(kv map[string]float64) func(*Scenario) {
	return func(sc *Scenario) {
		for k, v := range kv {
			sc.Model.Params[k] = v
		}
	}
}

// steep is a market with elasticity 0.5 and a cap of 4: the price
// multiple of a scarcity s is (1 - s(1 - 4^-0.5))^-2 = (1 - s/2)^-2, and
// with no integration each seat's scarcity is its own shortfall.
var steep = params(map[string]float64{"price-elasticity": 0.5, "price-cap": 4, "market-integration": 0})

// Link 9: a thin market's price rises steeply with the seat's shortfall,
// and several times over when nearly all of it is cut.
func TestLinkPricesRiseSteeply(t *testing.T) {
	// Denied, the US gets only the pool's 5 of its 10 kt: scarcity 0.5,
	// price 100 x (1 - 0.25)^-2 = 177.78; the EU, fully supplied, stays at
	// 100; outside China, weighted by demand, (10 x 177.78 + 5 x 100) / 15.
	st := econGame(t, 1, steep, order("prc", "licensing", "us", "deny"))
	near(t, "us price denied", st.Seats[us].Ind[econ.Price], 100/0.5625)
	near(t, "eu price", st.Seats[eu].Ind[econ.Price], 100)
	near(t, "price outside China", st.World[econ.PriceWorld], (10*100/0.5625+5*100)/15)
	// Half licensing: 7.5 of 10, scarcity 0.25, 100 x 0.875^-2 = 130.61.
	st = econGame(t, 1, steep, order("prc", "licensing", "us", "half"))
	near(t, "us price at half licensing", st.Seats[us].Ind[econ.Price], 100/(0.875*0.875))
	// Integration 0.5 blends in the shortfall outside China, 5 of 15:
	// scarcity 0.5 x 0.5 + 0.5 x 1/3 = 5/12, 100 x (1 - 5/24)^-2.
	st = econGame(t, 1, both(steep, params(map[string]float64{"market-integration": 0.5})), order("prc", "licensing", "us", "deny"))
	near(t, "us price, integrated market", st.Seats[us].Ind[econ.Price], 100/((19.0/24)*(19.0/24)))
	// With none of its demand met a seat pays the cap: 4 x 100. Both
	// stages of the pool closed by an EU demand of 10 that takes it all.
	st = econGame(t, 1, both(steep, func(sc *Scenario) { sc.Seats[eu].Profile.REDemand = 10 }), order("prc", "licensing", "us", "deny"))
	near(t, "us price with nothing", st.Seats[us].Ind[econ.Price], 400)
}

// Link 10: flooding lowers a seat's price only in proportion to the
// producer's supply that reaches it, so denial with flooding never makes
// the denied seat's material cheaper.
func TestLinkFloodingOnlyWhereSupplyGoes(t *testing.T) {
	deny, flood := order("prc", "licensing", "us", "deny"), order("prc", "flood", "", "heavy")
	st := econGame(t, 1, steep, deny, flood)
	near(t, "us price denied and flooded", st.Seats[us].Ind[econ.Price], 100/0.5625)
	// At half licensing the US gets 2.5 of its 7.5 kt from the PRC: a
	// heavy flood (0.5) takes a sixth off the 130.61.
	st = econGame(t, 1, steep, order("prc", "licensing", "us", "half"), flood)
	near(t, "us price half-licensed and flooded", st.Seats[us].Ind[econ.Price], 100/(0.875*0.875)*(1-0.5/3))
}

// Link 11: the market inside China: the price moves with domestic use
// plus exports plus the half of withheld exports that stays off the
// market (china-glut 0.5), against what the quota lets the plants make.
func TestLinkChinaMarket(t *testing.T) {
	cn := params(map[string]float64{"china-elasticity": 1, "china-glut": 0.5})
	// At the start: use 40 + exports 5 against 100: 0.45 gives $80.
	// Denying the US withholds 5, half of which reaches the market:
	// 42.5 / 100, so 80 x 42.5 / 45.
	st := econGame(t, 1, cn, order("prc", "licensing", "us", "deny"))
	near(t, "price in China, exports withheld", st.World[econ.PriceChina], 80*42.5/45)
	near(t, "prc price", st.Seats[prc].Ind[econ.Price], 80*42.5/45)
	// A quota of half the capacity: 45 / 50, twice the start's balance.
	st = econGame(t, 1, cn, order("prc", "quota", "", "tight"))
	near(t, "price in China under a tight quota", st.World[econ.PriceChina], 160)
	// Domestic demand growing 10% a year: in the second year the PRC uses
	// 44, its capacity keeps up (104), exports stay 5: 49 / 104.
	grow := both(cn, params(map[string]float64{"china-demand-growth": 10}))
	st = econGame(t, 2, grow)
	near(t, "price in China after a year of growth", st.World[econ.PriceChina], 80*(49.0/104)/0.45)
	near(t, "us coverage with the surplus kept", st.Seats[us].Ind[econ.Coverage], 100)
}

// Link 12: expansions of working plants open after the expansion lag up
// to the headroom over starting capacity; the rest takes the stage's lag.
func TestLinkStageLags(t *testing.T) {
	lags := params(map[string]float64{"lag-expansion": 1, "lag-separation": 3, "expansion-headroom": 0.5})
	invest := order("eu", "separation", "", "some")
	// 10 kt a turn: in turn 1, 5 within the headroom (runs from turn 2)
	// and 5 new (from turn 4); later orders find the headroom taken.
	for turn, want := range map[int]float64{1: 10, 2: 15, 3: 15, 4: 20} {
		st := econGame(t, turn, lags, invest)
		near(t, "eu separation", econ.Of(&st).Seats[eu].Separation, want)
	}
}

// Link 13: private investors order capacity when the price beats their
// cost by more than the hurdle: 100 against 50 is a margin of 1, 0.5
// above the hurdle, so 0.2 x 0.5 of each starting stage a turn.
func TestLinkPrivateInvestment(t *testing.T) {
	priv := params(map[string]float64{"private-invest": 0.2, "private-hurdle": 0.5, "lag-expansion": 1})
	st := econGame(t, 2, priv)
	near(t, "eu separation after a year", econ.Of(&st).Seats[eu].Separation, 11)
	near(t, "eu magnets after a year", econ.Of(&st).Seats[eu].Magnets, 11)
	near(t, "us separation (nothing to expand)", econ.Of(&st).Seats[us].Separation, 0)
	// A hurdle above the margin: nothing.
	st = econGame(t, 2, both(priv, params(map[string]float64{"private-hurdle": 1.5})))
	near(t, "eu separation under a high hurdle", econ.Of(&st).Seats[eu].Separation, 10)
}

// Link 14: capacity announced within the horizon eases today's price:
// buyers expect relief.
func TestLinkOutlookEasesPrices(t *testing.T) {
	// The EU's separation binds its chain (10 of 100 mined and magnets).
	sepBound := func(sc *Scenario) {
		sc.Seats[eu].Profile.Capacity = Capacity{Mining: 100, Separation: 10, Magnets: 100}
	}
	deny := order("prc", "licensing", "us", "deny")
	lags := params(map[string]float64{"lag-separation": 3, "expansion-headroom": 0, "expect-weight": 0.5, "expect-horizon": 3})
	st := econGame(t, 1, both(steep, sepBound, lags), deny)
	near(t, "us price denied", st.Seats[us].Ind[econ.Price], 100/0.5625)
	// The EU orders 10 kt due in three years: the outlook is 20 kt for 15
	// of demand (capped at 1) against 10/15 supplied now, so a third of
	// demand is in sight, easing scarcity by 0.5 x 1/3: 0.5 - 1/6.
	st = econGame(t, 1, both(steep, sepBound, lags), deny, order("eu", "separation", "", "some"))
	near(t, "outlook", st.World[econ.Outlook], 1)
	near(t, "us price with relief in sight", st.Seats[us].Ind[econ.Price], 100/((1-1.0/6)*(1-1.0/6)))
}

// Link 15: withholding costs the producer its export revenue: 5 kt a
// year at $100 x export-value 10 is $5bn, 0.05% of a $10tn economy.
func TestLinkWithholdingCostsTheProducer(t *testing.T) {
	st := econGame(t, 1, nil, order("prc", "licensing", "us", "deny"))
	near(t, "prc economy while denying", st.Seats[prc].Ind[econ.Economy], 99.95)
	// So does a market lost to capacity built elsewhere: the EU's new
	// separation (5 kt within the headroom, a year) supplies the US from
	// the second year, and the PRC sells nothing.
	sepBound := func(sc *Scenario) {
		sc.Seats[eu].Profile.Capacity = Capacity{Mining: 100, Separation: 10, Magnets: 100}
	}
	st = econGame(t, 2, both(sepBound, params(map[string]float64{"lag-expansion": 1})), order("eu", "separation", "", "some"))
	near(t, "prc economy after losing its market", st.Seats[prc].Ind[econ.Economy], 99.95)
	near(t, "us coverage", st.Seats[us].Ind[econ.Coverage], 100)
}

// Link 16: the extraterritorial rule reaches the producer's material in
// allied chains as well as its technology: content 0.6 + prc-feed 0.2,
// falling as allied separation grows.
func TestLinkContentInAlliedChains(t *testing.T) {
	feed := params(map[string]float64{"prc-feed": 0.2, "lag-expansion": 1})
	rule := both(feed, start(prc, "licensing", "half"), start(prc, "rule", "on"))
	// The pool's 5 kt lose 0.8 x 0.5 = 40%: 3; the PRC fills half of the
	// 7 still wanted: 3.5. 6.5 of 10.
	st := econGame(t, 1, rule)
	near(t, "us coverage, content 0.8", st.Seats[us].Ind[econ.Coverage], 65)
	// The EU doubles its separation by turn 3 (5 kt a year within the
	// headroom, 5 more after the two-year lag): the feed share halves,
	// content 0.7, the pool's 5 kt lose 35%: 3.25, and the PRC half of
	// 6.75: 6.625.
	st = econGame(t, 3, rule, order("eu", "separation", "", "some"))
	near(t, "eu separation", econ.Of(&st).Seats[eu].Separation, 20)
	near(t, "us coverage, content 0.7", st.Seats[us].Ind[econ.Coverage], 66.25)
}

// Link 17: a capacity reservation puts the reserved output ahead of every
// other buyer; a producer's reservation is a licensed offtake.
func TestLinkReservations(t *testing.T) {
	deny := order("prc", "licensing", "us", "deny")
	// Denied, the US has the pool's 5 kt; the PRC's 2 kt reservation for it
	// arrives whatever the licensing: 7 of 10.
	st := econGame(t, 1, nil, deny, order("prc", "reserve", "us", "2kt"))
	near(t, "us coverage with a PRC reservation", st.Seats[us].Ind[econ.Coverage], 70)
	// A fourth seat, jp, needs 5 kt and has nothing; both are denied.
	// Without a reservation the pool's 5 kt go by need: 10:5.
	jp := func(sc *Scenario) {
		sc.Seats = append(sc.Seats, SeatDef{ID: "jp", Name: "JP", Profile: Profile{GDP: 10, Inflation: 2, Capital: 50, REDemand: 5, REWeight: 0.2}})
	}
	denyBoth := order("prc", "licensing", "jp", "deny")
	st = econGame(t, 1, jp, deny, denyBoth)
	near(t, "jp coverage, shared by need", st.Seats[3].Ind[econ.Coverage], 100.0/3)
	// The EU reserves 2 kt for jp: jp has them first, and the other 3
	// are shared 10:3.
	st = econGame(t, 1, jp, deny, denyBoth, order("eu", "reserve", "jp", "2kt"))
	near(t, "jp coverage with the EU's reservation", st.Seats[3].Ind[econ.Coverage], 100*(2+3*3.0/13)/5)
	near(t, "us coverage beside it", st.Seats[us].Ind[econ.Coverage], 100*(3*10.0/13)/10)
}

// Link 18: events move capacity and stockpiles: an outage stops half of
// the EU's separation in turn 2 (it is back in turn 3), and a stockpile
// released to the US buffers a denial.
func TestLinkEventsMoveStocks(t *testing.T) {
	event := func(effects ...Effect) func(*Scenario) {
		return func(sc *Scenario) {
			sc.Timeline = append(sc.Timeline, EventDef{ID: "shock", Title: "Shock", Turn: 2, Effects: effects})
		}
	}
	deny := order("prc", "licensing", "us", "deny")
	// Denied, the US has the pool's 5 kt in turn 1 (50%); with the EU's
	// separation down to 5 the pool makes only the EU's own 5: 0%.
	st := econGame(t, 2, event(Effect{Seat: "eu", Stock: "separation", Add: -5}), deny)
	near(t, "eu separation after the outage", econ.Of(&st).Seats[eu].Separation, 5)
	near(t, "us coverage after the outage", st.Seats[us].Ind[econ.Coverage], 0)
	st = econGame(t, 3, event(Effect{Seat: "eu", Stock: "separation", Add: -5}), deny)
	near(t, "eu separation a turn later", econ.Of(&st).Seats[eu].Separation, 10)
	near(t, "us coverage a turn later", st.Seats[us].Ind[econ.Coverage], 50)
	// Set, the change is for good.
	five := 5.0
	st = econGame(t, 3, event(Effect{Seat: "eu", Stock: "separation", Set: &five}), deny)
	near(t, "eu separation closed for good", econ.Of(&st).Seats[eu].Separation, 5)
	// A 3 kt stockpile set for the US in turn 2: half of it drawn, 1.5 kt
	// on top of the pool's 5: 65%.
	three := 3.0
	st = econGame(t, 2, event(Effect{Seat: "us", Stock: "stockpile", Set: &three}), deny)
	near(t, "us coverage with the released stockpile", st.Seats[us].Ind[econ.Coverage], 65)
	near(t, "us stockpile left", econ.Of(&st).Seats[us].Stockpile, 1.5)
	// A stock the model does not have is refused.
	sc := econScenario()
	event(Effect{Seat: "us", Stock: "gold", Add: 1})(sc)
	if errs := sc.Validate(); len(errs) == 0 {
		t.Fatal("an unknown stock was accepted")
	}
}
