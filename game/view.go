package game

// Special viewers. A seat's own view uses its seat index (0 and up).
const (
	// Spectator sees only what is public: the projector in a classroom.
	Spectator = -1
	// Facilitator sees every seat's secrets (objectives, secret deals,
	// private messages) but not orders before they are resolved.
	Facilitator = -2
	// Omniscient sees everything, orders included: for tests and
	// after-action analysis, never for a player.
	Omniscient = -3
)

// View is what one viewer may know of a game. The UI, the AI and network
// clients see a game only through views. A view shares no mutable memory
// with its state: what it holds in common (scenario text, deal clauses) is
// never written after it is made.
type View struct {
	Viewer   int               `json:"viewer"` // a seat index or one of the special viewers
	Scenario *PublicScenario   `json:"scenario"`
	Phase    Phase             `json:"phase"`
	Turn     int               `json:"turn"`
	Date     string            `json:"date"` // YYYY-MM of the turn
	Round    int               `json:"round"`
	Paused   bool              `json:"paused"`
	Clock    int               `json:"clock"`
	Seq      int               `json:"seq"`
	World    [MaxWorld]float64 `json:"world"`
	Seats    []SeatView        `json:"seats"`
	Deals    []Deal            `json:"deals"`
	Messages []Message         `json:"messages"`
	News     []Event           `json:"news"`
	Changes  []Change          `json:"changes"`
	Ended    string            `json:"ended,omitempty"`
	// Revealed says every seat's secret objectives are in the view.
	Revealed bool `json:"revealed,omitempty"`
	// Briefing is the viewer's own seat briefing.
	Briefing string `json:"briefing,omitempty"`
	// Chat is the chat the viewer may read: lines on a channel it is on,
	// or every line for the facilitator.
	Chat []ChatLine `json:"chat,omitempty"`
	// Injectable lists the deck and timeline events the facilitator may
	// inject: in the facilitator's view only, since the deck is not
	// the seats' to know.
	Injectable []EventCard `json:"injectable,omitempty"`

	// For Forecast: the model and its state are public rules and public
	// quantities; the state is never written once a state holds it.
	sc    *Scenario
	model ModelState
}

// SeatView is one seat as the viewer sees it.
type SeatView struct {
	ID        string                 `json:"id"`
	Name      string                 `json:"name"`
	Principal bool                   `json:"principal"`
	Policy    Policy                 `json:"policy"`           // in force: public
	Orders    *Policy                `json:"orders,omitempty"` // the viewer's own, or all for the omniscient view
	Submitted bool                   `json:"submitted"`
	Ready     bool                   `json:"ready"`
	Ind       [MaxIndicators]float64 `json:"indicators"`
	Trust     [MaxSeats]float64      `json:"trust"`
	// Breaches is how many breaches by this seat the viewer knows of.
	Breaches   int             `json:"breaches"`
	Objectives []ObjectiveView `json:"objectives"` // public ones, plus the viewer's own secret ones
	Secrets    int             `json:"secrets"`    // how many secret objectives the seat holds
}

// ObjectiveView is an objective with its progress.
type ObjectiveView struct {
	ID     string    `json:"id"`
	Text   string    `json:"text"`
	When   string    `json:"when"`
	Points float64   `json:"points"` // per fulfilment
	Earned float64   `json:"earned"`
	Met    bool      `json:"met"` // its condition holds now
	Secret bool      `json:"secret"`
	Cond   Condition `json:"condition"`
}

// ViewFor builds the view of one viewer. An unknown viewer gets the
// spectator's view.
func ViewFor(st State, viewer int) View {
	sc := st.sc
	if viewer >= len(st.Seats) || viewer < Omniscient {
		viewer = Spectator
	}
	v := View{
		Viewer: viewer, Phase: st.Phase, Turn: st.Turn, Round: st.Round, Paused: st.Paused,
		Clock: st.Clock, Seq: st.Seq, World: st.World, Ended: st.Ended, Revealed: st.Revealed, sc: sc, model: st.Model,
		Scenario: sc.ix.public, Date: sc.ix.public.Date(st.Turn),
	}
	secrets := viewer == Facilitator || viewer == Omniscient
	if viewer >= 0 {
		v.Briefing = sc.Seats[viewer].Briefing
	}
	var ind [MaxSeats][MaxIndicators]float64
	var pacts [MaxSeats]SeatSet
	pos := st.position(&ind, make([]Policy, len(st.Seats)), &pacts)
	v.Seats = make([]SeatView, len(st.Seats))
	for i := range st.Seats {
		s := &st.Seats[i]
		sv := SeatView{
			ID: sc.Seats[i].ID, Name: sc.Seats[i].Name, Principal: sc.Seats[i].Principal,
			Policy: s.Policy, Submitted: s.Submitted, Ready: s.Ready, Ind: s.Ind, Trust: s.Trust,
			Secrets: s.NSecret,
		}
		if viewer == i || viewer == Omniscient {
			o := s.Orders
			sv.Orders = &o
		}
		switch {
		case viewer >= 0:
			sv.Breaches = int(s.Known[viewer])
		case secrets:
			for _, k := range s.Known {
				sv.Breaches = max(sv.Breaches, int(k))
			}
		}
		sv.Objectives = objectiveViews(&st, &pos, i, secrets || viewer == i || st.Revealed)
		v.Seats[i] = sv
	}
	v.Deals = VisibleDeals(st.Deals, viewer)
	for _, m := range st.Messages {
		if secrets || m.To == 0 || (viewer >= 0 && (m.From == viewer || m.To.Has(viewer))) {
			v.Messages = append(v.Messages, m)
		}
	}
	for _, e := range st.News {
		if secrets || e.Public || (viewer >= 0 && e.Audience.Has(viewer)) {
			v.News = append(v.News, e)
		}
	}
	v.Changes = append([]Change(nil), st.Changes...)
	v.Chat = chatFor(st.Chat, viewer)
	if secrets {
		v.Injectable = sc.ix.cards
	}
	return v
}

// EventCard names an event the facilitator may inject and says where it
// comes from.
type EventCard struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Source string `json:"source"` // "deck" or "timeline"
	Turn   int    `json:"turn,omitempty"`
}

// VisibleDeals are the deals of a list a viewer may see, as its view
// would show them.
func VisibleDeals(deals []Deal, viewer int) []Deal {
	var out []Deal
	for i := range deals {
		if dealVisible(&deals[i], viewer) {
			out = append(out, deals[i])
		}
	}
	return out
}

// dealVisible: parties see their deals; everyone sees a public deal once
// it has been in force; the facilitator sees all.
func dealVisible(d *Deal, viewer int) bool {
	if viewer == Facilitator || viewer == Omniscient {
		return true
	}
	if viewer >= 0 && d.Party(viewer) {
		return true
	}
	wasInForce := d.Status == InForce || d.Status == Expired || d.Status == Broken
	return d.Visibility == Public && wasInForce
}

func objectiveViews(st *State, pos *Position, seat int, withSecret bool) []ObjectiveView {
	sc := st.sc
	ix := sc.ix
	s := &st.Seats[seat]
	var out []ObjectiveView
	for k, o := range ix.public.Seats[seat].Objectives {
		out = append(out, ObjectiveView{
			ID: o.ID, Text: o.Text, When: whenName(&o.Cond), Points: o.Points,
			Earned: s.Points[k], Met: o.Cond.Holds(pos), Cond: o.Cond,
		})
	}
	if withSecret {
		pub := len(ix.public.Seats[seat].Objectives)
		for n, p := range s.Secret[:s.NSecret] {
			o := sc.Seats[seat].Secret.Pool[p]
			c := ix.pool[seat][p]
			out = append(out, ObjectiveView{
				ID: o.ID, Text: o.Text, When: o.When, Points: o.Points, Secret: true,
				Earned: s.Points[pub+n], Met: c.Holds(pos), Cond: c,
			})
		}
	}
	return out
}

func whenName(c *Condition) string {
	if c.EveryTurn {
		return "every-turn"
	}
	return "end"
}

// TurnDate is the month a turn stands for, as YYYY-MM; turn 0 (setup) is
// the start month.
func TurnDate(sc *Scenario, turn int) string { return sc.ix.public.Date(turn) }

// SeatID is the id of seat i, or the special viewer's name.
func (v *View) SeatID(i int) string {
	switch {
	case i >= 0 && i < len(v.Seats):
		return v.Seats[i].ID
	case i == Facilitator:
		return FacilitatorID
	case i == Omniscient:
		return "omniscient"
	default:
		return "spectator"
	}
}
