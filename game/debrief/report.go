package debrief

import (
	"slices"

	"github.com/chokepoint-game/chokepoint/game"
)

// Report is the analysis of one game as one viewer saw it.
type Report struct {
	Scenario *game.PublicScenario
	Viewer   int
	// Ended says why the game ended ("" for a game still running);
	// LastTurn is the last turn played.
	Ended    string
	LastTurn int
	// Scores are the seats, the highest score first.
	Scores []Score
	// Points are the turns the series are measured at: 0 for the start,
	// then each resolved turn. Final is set when a last point follows
	// for the end of the game, after the points scored at the end.
	Points []int
	Final  bool
	// Seats holds each per-seat indicator (in the report order) as a
	// series per seat; World each world indicator.
	Seats []Series
	World []WorldSeries
	// Trust[i][j] is seat i's trust in seat j at each point; nil when the
	// input did not record trust.
	Trust [][][]float64
	// Ledger is every deal that came into force, and every other deal
	// the viewer saw, in the order first proposed.
	Ledger []Entry
	// Moves[p][i] is seat i's level on the payoff lever at point p+1 (a
	// payoff-table game whose input recorded policies); nil otherwise.
	Moves [][]int
	// Timeline is what happened, turn by turn, in sentences.
	Timeline []TurnLog
	// Fingerprints is how each seat played, by seat.
	Fingerprints []Fingerprint
	// Swings are each seat's biggest moves with their causes, seat by
	// seat, the biggest first.
	Swings []Swing
	// Questions are for the discussion: first those this game raised,
	// then the scenario's own that fit what happened.
	Questions []Question
}

// Score is one seat's result.
type Score struct {
	Seat   int
	Points float64
	// Objectives are those the viewer may see: all of its own, the
	// others' public ones, and theirs secret once the game reveals them.
	Objectives []game.ObjectiveView
	// Hidden is how many of the seat's secret objectives stay unseen.
	Hidden int
	// Rank and Tied are the seat's place, from game.Standings.
	Rank int
	Tied bool
}

// Series is one per-seat indicator over the game: Values[seat][point].
// For the score, the last point (with Report.Final) is after the points
// scored at the end.
type Series struct {
	Indicator game.Indicator
	Values    [][]float64
}

// WorldSeries is one world indicator over the game.
type WorldSeries struct {
	Index  int
	Values []float64
}

// Entry is one deal's life.
type Entry struct {
	Deal game.Deal
	// Proposed is the turn it was proposed; Start and End the turns it
	// bound (0 when it never came into force).
	Proposed, Start, End int
	Status               game.DealStatus
	// Kept is how many turns it bound before it expired, broke or the
	// game ended.
	Kept int
	// Breaches are who broke it, when and which clause.
	Breaches []Breach
	// Settled is set when it met the scenario's end condition.
	Settled bool
}

// Breach is one breach of a deal: who, in which turn (0 when not
// known), and the index of the clause broken (-1 when not known).
type Breach struct {
	Seat, Turn, Clause int
}

// BrokenBy lists the seats that broke the deal.
func (e *Entry) BrokenBy() []int {
	var out []int
	for _, b := range e.Breaches {
		if !slices.Contains(out, b.Seat) {
			out = append(out, b.Seat)
		}
	}
	return out
}

// KeptBy lists the parties bound by a clause of a deal that came into
// force who never broke it: who kept their word, for the Kept turns.
func (e *Entry) KeptBy() []int {
	if e.Start == 0 {
		return nil
	}
	broke := e.BrokenBy()
	var out []int
	for _, p := range e.Deal.Parties.Seats() {
		if e.Deal.ClausesOf(p) > 0 && !slices.Contains(broke, p) {
			out = append(out, p)
		}
	}
	return out
}

// Question is one question for the discussion. Prompt, when set, says
// what in this game raised it.
type Question struct {
	Text   string
	Prompt string
}

// Analyze reads a game.
func Analyze(in Input) Report {
	v := &in.Final
	ps := v.Scenario
	r := Report{Scenario: ps, Viewer: v.Viewer, Ended: v.Ended, LastTurn: v.Turn}
	r.scores(v)
	r.series(&in)
	r.ledger(&in)
	r.moves(&in)
	r.Timeline = timeline(&in)
	r.fingerprints(&in)
	r.swings(&in)
	r.Questions = questions(&in, &r)
	return r
}

func (r *Report) scores(v *game.View) {
	// The order and the ranks are the engine's (game.Standings), the
	// same everywhere a score is ranked.
	for _, st := range game.Standings(v) {
		s := &v.Seats[st.Seat]
		sc := Score{Seat: st.Seat, Points: s.Ind[game.Score], Objectives: s.Objectives, Rank: st.Rank, Tied: st.Tied}
		seen := 0
		for _, o := range s.Objectives {
			if o.Secret {
				seen++
			}
		}
		sc.Hidden = max(0, s.Secrets-seen)
		r.Scores = append(r.Scores, sc)
	}
}

func (r *Report) series(in *Input) {
	v := &in.Final
	ps := v.Scenario
	n := len(v.Seats)
	for _, t := range in.Turns {
		r.Points = append(r.Points, t.Turn)
	}
	// The end of the game adds the points scored at the end, which no
	// resolution's record holds.
	if v.Phase == game.GameOver && len(in.Turns) > 0 {
		last := in.Turns[len(in.Turns)-1]
		for i := 0; i < n && i < len(last.Ind); i++ {
			if last.Ind[i][game.Score] != v.Seats[i].Ind[game.Score] {
				r.Final = true
			}
		}
	}
	at := func(t *Turn, i int, ind game.Indicator) float64 {
		if i < len(t.Ind) {
			return t.Ind[i][ind]
		}
		return 0
	}
	for _, ind := range ps.ReportOrder() {
		s := Series{Indicator: ind, Values: make([][]float64, n)}
		for i := range n {
			for k := range in.Turns {
				s.Values[i] = append(s.Values[i], at(&in.Turns[k], i, ind))
			}
			if r.Final {
				s.Values[i] = append(s.Values[i], v.Seats[i].Ind[ind])
			}
		}
		r.Seats = append(r.Seats, s)
	}
	for k := range ps.World {
		w := WorldSeries{Index: k}
		for _, t := range in.Turns {
			w.Values = append(w.Values, t.World[k])
		}
		if r.Final {
			w.Values = append(w.Values, v.World[k])
		}
		r.World = append(r.World, w)
	}
	known := len(in.Turns) > 0
	for _, t := range in.Turns {
		known = known && len(t.Trust) == n
	}
	if !known {
		return
	}
	r.Trust = make([][][]float64, n)
	for i := range n {
		r.Trust[i] = make([][]float64, n)
		for j := range n {
			for _, t := range in.Turns {
				r.Trust[i][j] = append(r.Trust[i][j], t.Trust[i][j])
			}
			if r.Final {
				r.Trust[i][j] = append(r.Trust[i][j], v.Seats[i].Trust[j])
			}
		}
	}
}

func (r *Report) ledger(in *Input) {
	ps := in.Final.Scenario
	end := in.Final.Turn
	breaches := map[int][]Breach{}
	// A deal expires as the next turn begins, and leaves the state in the
	// same step: no view ever shows it expired, only the news says so.
	expired := map[int]bool{}
	for _, e := range in.News {
		switch {
		case e.Kind == game.EvBreach:
			breaches[e.Deal] = append(breaches[e.Deal], Breach{Seat: e.Seat, Turn: e.Turn, Clause: int(e.Value)})
		case e.Kind == game.EvClosed && e.Status == game.Expired:
			expired[e.Deal] = true
		}
	}
	for _, d := range in.Deals {
		if d.Status == game.InForce && expired[d.ID] {
			d.Status = game.Expired
		}
		e := Entry{Deal: d, Proposed: d.Proposed, Start: d.Start, End: d.End, Status: d.Status, Breaches: breaches[d.ID]}
		// A breacher the news did not tell of (a journal that began late)
		// is still named, with its turn unknown.
		for _, s := range d.Breachers.Seats() {
			if !slices.Contains(e.BrokenBy(), s) {
				e.Breaches = append(e.Breaches, Breach{Seat: s, Clause: -1})
			}
		}
		if d.Start > 0 {
			last := min(d.End, end)
			if len(e.Breaches) > 0 && e.Breaches[0].Turn > 0 {
				last = min(last, e.Breaches[0].Turn-1)
			}
			e.Kept = max(0, last-d.Start+1)
			e.Settled = ps.Settles(&d)
		}
		r.Ledger = append(r.Ledger, e)
	}
}

// moves reads each seat's choice on a payoff table's lever, where the
// input has the policies.
func (r *Report) moves(in *Input) {
	ps := in.Final.Scenario
	if ps.ModelDef.Lever == "" || len(ps.ModelDef.Payoffs) == 0 {
		return
	}
	l, ok := ps.LeverIndex(ps.ModelDef.Lever)
	if !ok {
		return
	}
	for _, t := range in.Turns[min(1, len(in.Turns)):] {
		if len(t.Policy) != len(in.Final.Seats) {
			r.Moves = nil
			return
		}
		row := make([]int, len(t.Policy))
		for i := range t.Policy {
			slot := 0
			if s := ps.Slots(i, l); len(s) > 0 {
				slot = s[0]
			}
			row[i] = int(t.Policy[i][l][slot])
		}
		r.Moves = append(r.Moves, row)
	}
}
