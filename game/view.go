package game

import "time"

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
	Scenario PublicScenario    `json:"scenario"`
	Phase    Phase             `json:"phase"`
	Turn     int               `json:"turn"`
	Date     string            `json:"date"` // YYYY-MM of the turn
	Round    int               `json:"round"`
	Paused   bool              `json:"paused"`
	Clock    int               `json:"clock"`
	Seq      int               `json:"seq"`
	World    [NumWorld]float64 `json:"world"`
	Seats    []SeatView        `json:"seats"`
	Deals    []Deal            `json:"deals"`
	Messages []Message         `json:"messages"`
	News     []Event           `json:"news"`
	Changes  []Change          `json:"changes"`
	Ended    string            `json:"ended,omitempty"`
	// Briefing is the viewer's own seat briefing.
	Briefing string `json:"briefing,omitempty"`

	sc *Scenario // for Forecast: the model and its parameters are public rules
}

// PublicScenario is what every seat may know of the scenario: everything
// but other seats' secret objective pools and briefings.
type PublicScenario struct {
	ID         string     `json:"id"`
	Title      string     `json:"title"`
	Summary    string     `json:"summary"`
	StartDate  string     `json:"start-date"`
	Turns      int        `json:"turns"`
	TurnMonths int        `json:"turn-months"`
	Levers     []LeverDef `json:"levers"`
	Rules      Rules      `json:"rules"` // what breaches and concessions cost
	Briefing   string     `json:"briefing"`
	Debrief    []string   `json:"debrief"`
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
	Ind       [NumIndicators]float64 `json:"indicators"`
	Trust     [MaxSeats]float64      `json:"trust"`
	// Breaches is how many breaches by this seat the viewer knows of.
	Breaches   int             `json:"breaches"`
	Econ       EconState       `json:"econ"`
	Objectives []ObjectiveView `json:"objectives"` // public ones, plus the viewer's own secret ones
	Secrets    int             `json:"secrets"`    // how many secret objectives the seat holds
}

// ObjectiveView is an objective with its progress.
type ObjectiveView struct {
	ID     string  `json:"id"`
	Text   string  `json:"text"`
	When   string  `json:"when"`
	Points float64 `json:"points"` // per fulfilment
	Earned float64 `json:"earned"`
	Met    bool    `json:"met"` // its condition holds now
	Secret bool    `json:"secret"`
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
		Clock: st.Clock, Seq: st.Seq, World: st.World, Ended: st.Ended, sc: sc,
		Scenario: PublicScenario{
			ID: sc.ID, Title: sc.Title, Summary: sc.Summary, StartDate: sc.StartDate,
			Turns: sc.Turns, TurnMonths: sc.TurnMonths, Levers: sc.Levers, Rules: sc.Rules,
			Briefing: sc.Briefing, Debrief: sc.Debrief,
		},
		Date: TurnDate(sc, st.Turn),
	}
	secrets := viewer == Facilitator || viewer == Omniscient
	if viewer >= 0 {
		v.Briefing = sc.Seats[viewer].Briefing
	}
	v.Seats = make([]SeatView, len(st.Seats))
	for i := range st.Seats {
		s := &st.Seats[i]
		sv := SeatView{
			ID: sc.Seats[i].ID, Name: sc.Seats[i].Name, Principal: sc.Seats[i].Principal,
			Policy: s.Policy, Submitted: s.Submitted, Ready: s.Ready, Ind: s.Ind, Trust: s.Trust,
			Econ: s.Econ, Secrets: s.NSecret,
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
		sv.Objectives = objectiveViews(&st, i, secrets || viewer == i)
		v.Seats[i] = sv
	}
	for _, d := range st.Deals {
		if dealVisible(&d, viewer) {
			v.Deals = append(v.Deals, d)
		}
	}
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
	return v
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

func objectiveViews(st *State, seat int, withSecret bool) []ObjectiveView {
	sc := st.sc
	ix := sc.ix
	s := &st.Seats[seat]
	var out []ObjectiveView
	for k, o := range sc.Seats[seat].Objectives {
		out = append(out, ObjectiveView{
			ID: o.ID, Text: o.Text, When: o.When, Points: o.Points,
			Earned: s.Points[k], Met: holds(st, &ix.objectives[seat][k], seat),
		})
	}
	if withSecret {
		pub := len(sc.Seats[seat].Objectives)
		for n, p := range s.Secret[:s.NSecret] {
			o := sc.Seats[seat].Secret.Pool[p]
			out = append(out, ObjectiveView{
				ID: o.ID, Text: o.Text, When: o.When, Points: o.Points, Secret: true,
				Earned: s.Points[pub+n], Met: holds(st, &ix.pool[seat][p], seat),
			})
		}
	}
	return out
}

// TurnDate is the month a turn stands for, as YYYY-MM; turn 0 (setup) is
// the start month.
func TurnDate(sc *Scenario, turn int) string {
	start, err := time.Parse(time.DateOnly, sc.StartDate)
	if err != nil {
		return ""
	}
	if turn > 1 {
		start = start.AddDate(0, (turn-1)*sc.TurnMonths, 0)
	}
	return start.Format("2006-01")
}

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
