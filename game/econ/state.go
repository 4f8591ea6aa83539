package econ

import (
	"fmt"
	"math"
	"slices"

	"github.com/chokepoint-game/chokepoint/game"
)

// State is the model's own state between turns: the world's calm price
// levels and last shortfall, and each seat's capacity, pipeline and
// stockpile. It lives in game.State.Model.
type State struct {
	// Base holds the calm levels the model moves world indicators from
	// (the ex-China price with no shortfall, say).
	Base [game.MaxWorld]float64 `json:"base"`
	// Shortfall is the share of demand outside the producer left unmet in
	// the last resolution.
	Shortfall float64     `json:"shortfall"`
	Seats     []SeatState `json:"seats"`
}

// Clone copies the state deeply: the engine changes only a copy.
func (s *State) Clone() game.ModelState {
	c := *s
	c.Seats = slices.Clone(s.Seats)
	return &c
}

// SeatState is one seat's part of the model's state. It holds no
// pointers, so that copying it is one move.
type SeatState struct {
	Stockpile float64 `json:"stockpile"` // kt of rare-earth oxide held
	// Capacity in operation, kt a year, by stage.
	Mining     float64 `json:"mining"`
	Separation float64 `json:"separation"`
	Magnets    float64 `json:"magnets"`
	// Pipeline holds capacity under construction by stage (mining,
	// separation, magnets): Pipeline[s][k] comes into operation k+1 turns
	// from now, in kt a year.
	Pipeline [3][PipelineLen]float32 `json:"pipeline"`
	// SubSpend is the cumulative spend on recycling and substitutes, $bn.
	SubSpend float64 `json:"sub-spend"`
	// Distress counts the turns in a row the seat's producers have sold
	// below cost; Failures counts the times they went bankrupt.
	Distress int `json:"distress"`
	Failures int `json:"failures"`
	// Gap is the seat's rare-earth shortfall before stockpile draws in the
	// last resolution and Gap0 the one it started with, kt a year.
	Gap  float64 `json:"gap"`
	Gap0 float64 `json:"gap0"`
	// Output is the seat's production of finished rare-earth supply in the
	// last resolution, kt a year.
	Output float64 `json:"output"`
	// Substitution is tech access recovered by domestic substitution.
	Substitution float64 `json:"substitution"`
	// Base is the economy's baseline path, 100 at the start, growing with
	// the seat's baseline growth.
	Base float64 `json:"base"`
	// TechTarget is tech access under the controls in force, before
	// substitution.
	TechTarget float64 `json:"tech-target"`
	// Sources is what each source of supply met of demand in the last
	// resolution, in coverage points (see srcOwn): the change of each is
	// a cause of the change of coverage.
	Sources [numSources]float64 `json:"sources"`
	// Calm is the seat's price before the producer's flooding and Disc
	// what flooding leaves of it, in the last resolution: the price's
	// change splits into theirs.
	Calm float64 `json:"calm"`
	Disc float64 `json:"disc"`
	// Lost is the trade the seat lost to each other seat's tariff in the
	// last resolution, and Lost0 under the starting policy: the seat whose
	// tariff moved the most since the start is named as the cause of a
	// change of the trade drag.
	Lost  [game.MaxSeats]float64 `json:"lost"`
	Lost0 [game.MaxSeats]float64 `json:"lost0"`
	// Term holds the model's drag terms of the last resolution and Term0
	// their levels under the starting policy; changes count from Term0.
	Term  [numTerms]float64 `json:"term"`
	Term0 [numTerms]float64 `json:"term0"`
}

// The terms a model keeps a baseline for: the economy's drags, then the
// two inflation terms.
const (
	termTrade = iota
	termIndustry
	termTech
	termInflation
	termControls
	termFinance
	termSpend
	termPurchases
	termExports
	termTariffInflation
	termShortageInflation
	numTerms
)

// PipelineLen bounds build lags, in turns. The pipeline is float32 to
// keep the seat small: it is copied with every new state.
const PipelineLen = 30

// Of is a game's economy state, or nil when the game's model is another.
func Of(st *game.State) *State {
	s, _ := st.Model.(*State)
	return s
}

// Shock moves one of a seat's stocks for an event: capacity in operation
// or the stockpile. None may fall below zero. Taking capacity away with
// add is an outage: what is lost comes back at the next turn's
// resolution (a flood, a power cut, a strike). Adding capacity, or
// setting it, is for good (a plant opened, or closed). The stockpile
// moves for good either way (a release, a purchase outside the game).
func (m *model) Shock(st *game.State, seat, k int, add, set float64, hasSet bool) {
	ms := Of(st)
	if ms == nil || seat < 0 || seat >= len(ms.Seats) {
		return
	}
	e := &ms.Seats[seat]
	var x *float64
	switch k {
	case stockMining:
		x = &e.Mining
	case stockSeparation:
		x = &e.Separation
	case stockMagnets:
		x = &e.Magnets
	case stockStockpile:
		x = &e.Stockpile
	default:
		return
	}
	v := *x + add
	if hasSet {
		v = set
	}
	v = max(0, v)
	if k != stockStockpile && !hasSet && v < *x {
		// Back at the start of the next turn's resolution, which first
		// shifts the pipeline by one.
		e.Pipeline[k][1] += float32(*x - v)
	}
	*x = v
}

// Check reports a state no resolution may leave: negative stocks or
// capacity under construction, or numbers that are not finite. The
// property tests call it after every command.
func (s *State) Check() error {
	bad := func(x float64) bool { return x < 0 || math.IsNaN(x) || math.IsInf(x, 0) }
	for i := range s.Seats {
		e := &s.Seats[i]
		if bad(e.Stockpile) || bad(e.Mining) || bad(e.Separation) || bad(e.Magnets) || bad(e.SubSpend) {
			return fmt.Errorf("economy: seat %d has a negative or broken stock: %+v", i, *e)
		}
		for _, p := range e.Pipeline {
			for _, x := range p {
				if bad(float64(x)) {
					return fmt.Errorf("economy: seat %d has a negative pipeline", i)
				}
			}
		}
	}
	return nil
}

// The model lets events move its stocks.
var _ game.StockModel = (*model)(nil)
