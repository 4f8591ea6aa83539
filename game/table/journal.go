package table

import (
	"slices"

	"github.com/chokepoint-game/chokepoint/game"
)

// A Journal is what one viewer has learned over the whole game, beyond the
// present moment a view shows: the news of every turn, the indicators
// after every resolution, and every deal it has seen.
//
// A journal handed to a subscriber is never written again: the table only
// appends past the end of the slices it gave out (their capacity is cut
// to their length), and replaces a deal by copying the deal list first.
type Journal struct {
	// News is every event the viewer may know of, from the start, in order.
	News []game.Event
	// Turns holds the world after each resolution, with the start first.
	Turns []TurnRecord
	// Deals is every deal the viewer has seen, each as last seen, in the
	// order first seen.
	Deals []game.Deal
	// Notes are the AI seats' reasons for their answers to proposals,
	// told to the deal's parties.
	Notes []Note
}

// Note is an AI seat's one line of reasoning for an answer.
type Note struct {
	Turn   int
	Seat   int
	Deal   int
	Answer game.Answer
	Text   string

	parties game.SeatSet
}

// TurnRecord is the public state of the world after one resolution (or,
// for the first record, at the start).
type TurnRecord struct {
	Turn  int
	Date  string
	Ind   [][game.MaxIndicators]float64 // by seat
	World [game.MaxWorld]float64
	// Trust[i][j] is seat i's trust in seat j, and Policy every seat's
	// policy in force: both public.
	Trust  [][game.MaxSeats]float64
	Policy []game.Policy
	// Changes are the resolution's indicator changes with their causes.
	Changes []game.Change
}

// feed is the journal of one viewer as the table builds it.
type feed struct {
	viewer int
	news   []game.Event
	deals  []game.Deal
	notes  []Note
	index  map[int]int // deal id -> position in deals
}

func newFeed(viewer int) *feed { return &feed{viewer: viewer, index: map[int]int{}} }

// visible mirrors game.ViewFor's rule for news.
func (f *feed) visible(e *game.Event) bool {
	if f.viewer == game.Facilitator || f.viewer == game.Omniscient {
		return true
	}
	return e.Public || (f.viewer >= 0 && e.Audience.Has(f.viewer))
}

func (f *feed) addEvents(evs []game.Event) {
	for i := range evs {
		if f.visible(&evs[i]) {
			f.news = append(f.news, evs[i])
		}
	}
}

// noteDeals records the deals of a fresh view. A changed deal is written
// into a copy of the list, since subscribers may hold the old one.
func (f *feed) noteDeals(deals []game.Deal) {
	copied := false
	for _, d := range deals {
		k, ok := f.index[d.ID]
		if !ok {
			f.index[d.ID] = len(f.deals)
			f.deals = append(f.deals, d)
			continue
		}
		old := &f.deals[k]
		if old.Status == d.Status && old.Answers == d.Answers && old.Breachers == d.Breachers {
			continue
		}
		if !copied {
			f.deals = slices.Clone(f.deals)
			copied = true
		}
		f.deals[k] = d
	}
}

func (f *feed) journal(turns []TurnRecord) Journal {
	return Journal{
		News:  f.news[:len(f.news):len(f.news)],
		Turns: turns[:len(turns):len(turns)],
		Deals: f.deals[:len(f.deals):len(f.deals)],
		Notes: f.notes[:len(f.notes):len(f.notes)],
	}
}

func record(st *game.State) TurnRecord {
	n := len(st.Seats)
	r := TurnRecord{Turn: st.Turn, World: st.World, Ind: make([][game.MaxIndicators]float64, n),
		Trust: make([][game.MaxSeats]float64, n), Policy: make([]game.Policy, n)}
	r.Date = game.TurnDate(st.Scenario(), st.Turn)
	for i := range st.Seats {
		r.Ind[i] = st.Seats[i].Ind
		r.Trust[i] = st.Seats[i].Trust
		r.Policy[i] = st.Seats[i].Policy
	}
	r.Changes = st.Changes
	return r
}
