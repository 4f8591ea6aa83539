package game_test

import (
	"fmt"
	"math"
	"testing"

	"pgregory.net/rapid"

	. "github.com/chokepoint-game/chokepoint/game"
)

// genCommand draws a command that may or may not be legal: real and bogus
// seats, deal ids, levers and levels, so the engine meets both.
func genCommand(st *State) *rapid.Generator[Command] {
	sc, nextDeal := st.Scenario(), st.NextDeal
	seatIDs := []string{FacilitatorID, "mars"}
	for _, s := range sc.Seats {
		seatIDs = append(seatIDs, s.ID, s.ID, s.ID) // seats act more than the rest
	}
	leverIDs := []string{"nukes"}
	levelIDs := []string{"bogus"}
	for _, l := range sc.Levers {
		leverIDs = append(leverIDs, l.ID)
		for _, lv := range l.Levels {
			levelIDs = append(levelIDs, lv.ID)
		}
	}
	targets := append([]string{""}, seatIDs...)
	return rapid.Custom(func(t *rapid.T) Command {
		if rapid.IntRange(0, 9).Draw(t, "legal") < 7 {
			return genLegalish(t, st)
		}
		c := Command{
			Kind: rapid.SampledFrom(append(CommandKinds(), CmdReady, CmdReady, CmdReady, CmdSubmit, CmdPropose, CmdRespond)).Draw(t, "kind"),
			Seat: rapid.SampledFrom(seatIDs).Draw(t, "seat"),
		}
		if c.Kind.Facilitator() && rapid.IntRange(0, 3).Draw(t, "as-facilitator") > 0 {
			c.Seat = FacilitatorID
		}
		switch c.Kind {
		case CmdPropose, CmdRespond:
			c.Deal = rapid.IntRange(0, nextDeal+1).Draw(t, "deal")
			c.Answer = Answer(rapid.IntRange(0, 4).Draw(t, "answer"))
			if c.Kind == CmdPropose || c.Answer == Counter {
				p := &Proposal{
					Title:      rapid.SampledFrom([]string{"Deal", "", "Calm for calm"}).Draw(t, "title"),
					Parties:    rapid.SliceOfN(rapid.SampledFrom(seatIDs[1:]), 0, 3).Draw(t, "parties"),
					Duration:   rapid.IntRange(0, sc.Turns+1).Draw(t, "duration"),
					Visibility: Visibility(rapid.IntRange(0, 2).Draw(t, "vis")),
				}
				n := rapid.IntRange(0, 3).Draw(t, "clauses")
				for k := 0; k < n; k++ {
					p.Clauses = append(p.Clauses, ClauseSpec{
						Lever:  rapid.SampledFrom(leverIDs).Draw(t, "clever"),
						Bound:  Bound(rapid.IntRange(0, 2).Draw(t, "bound")),
						Actor:  rapid.SampledFrom(seatIDs).Draw(t, "actor"),
						Target: rapid.SampledFrom(targets).Draw(t, "target"),
						Level:  rapid.SampledFrom(levelIDs).Draw(t, "level"),
					})
				}
				c.Proposal = p
			}
		case CmdWithdraw:
			c.Deal = rapid.IntRange(0, nextDeal).Draw(t, "deal")
		case CmdMessage:
			c.Text = rapid.SampledFrom([]string{"", "hello", "let us talk"}).Draw(t, "text")
			c.To = rapid.SliceOfN(rapid.SampledFrom(seatIDs), 0, 2).Draw(t, "to")
		case CmdReady:
			c.Cancel = rapid.IntRange(0, 5).Draw(t, "cancel") == 0
		case CmdSubmit:
			n := rapid.IntRange(0, 4).Draw(t, "orders")
			for k := 0; k < n; k++ {
				c.Orders = append(c.Orders, Order{
					Lever:   rapid.SampledFrom(leverIDs).Draw(t, "lever"),
					Towards: rapid.SampledFrom(targets).Draw(t, "towards"),
					Level:   rapid.SampledFrom(levelIDs).Draw(t, "level"),
				})
			}
		case CmdInject:
			c.Event = rapid.SampledFrom([]string{"", "stoppage", "rule", "secret-talks", "meteor"}).Draw(t, "event")
			c.Text = rapid.SampledFrom([]string{"", "A flood"}).Draw(t, "title")
			if rapid.Bool().Draw(t, "effects") {
				c.Effects = []Effect{{Seat: rapid.SampledFrom(targets).Draw(t, "eseat"), Indicator: "economy", Add: -1}}
			}
		case CmdOverride:
			c.Target = rapid.SampledFrom(seatIDs).Draw(t, "target")
			var names []string
			for _, ind := range sc.Public().Indicators {
				names = append(names, ind.Name)
			}
			c.Indicator = rapid.SampledFrom(append(names, "mood")).Draw(t, "indicator")
			c.Value = rapid.SampledFrom([]float64{-5, 0, 50, 99, 150, math.NaN(), math.Inf(1)}).Draw(t, "value")
			c.Text = rapid.SampledFrom([]string{"", "correction"}).Draw(t, "note")
		case CmdSetClock:
			c.Value = rapid.SampledFrom([]float64{-1, 0, 60, 300.5, 1e9}).Draw(t, "seconds")
		}
		return c
	})
}

// checkInvariants lists what must hold after every command.
func checkInvariants(st *State) error {
	sc := st.Scenario()
	ps := sc.Public()
	n := len(sc.Seats)
	// Exactly one phase, and never the transient Resolution between commands.
	if st.Phase > GameOver || st.Phase == Resolution {
		return fmt.Errorf("phase %d between commands", st.Phase)
	}
	// The turn agrees with the phase.
	if (st.Phase == Setup) != (st.Turn == 0) || st.Turn > sc.Turns || st.Turn < 0 {
		return fmt.Errorf("turn %d in phase %s", st.Turn, st.Phase)
	}
	if st.Phase == Negotiation && (st.Round < 1 || st.Round > sc.Rounds()) {
		return fmt.Errorf("negotiation round %d", st.Round)
	}
	finite := func(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
	for w, x := range st.World {
		if w >= len(ps.World) {
			if x != 0 {
				return fmt.Errorf("world slot %d unused but %g", w, x)
			}
			continue
		}
		if spec := ps.World[w]; !finite(x) || x < spec.Min || x > spec.Max {
			return fmt.Errorf("world %s = %g", spec.Name, x)
		}
	}
	if len(st.Seats) != n {
		return fmt.Errorf("%d seats, scenario has %d", len(st.Seats), n)
	}
	if c, ok := st.Model.(interface{ Check() error }); ok {
		if err := c.Check(); err != nil {
			return err
		}
	}
	for i := range st.Seats {
		s := &st.Seats[i]
		for k, x := range s.Ind {
			if k >= len(ps.Indicators) {
				if x != 0 {
					return fmt.Errorf("seat %d indicator slot %d unused but %g", i, k, x)
				}
				continue
			}
			if spec := ps.Indicators[k]; !finite(x) || x < spec.Min || x > spec.Max {
				return fmt.Errorf("seat %d %s = %g", i, spec.Name, x)
			}
		}
		// Trust within its range.
		for j, x := range s.Trust {
			if x < TrustMin || x > TrustMax || (j >= n && x != 0) {
				return fmt.Errorf("trust %d->%d = %g", i, j, x)
			}
		}
		// Every policy level exists.
		for l, lev := range sc.Levers {
			for slot := 0; slot < MaxSeats; slot++ {
				if int(s.Policy[l][slot]) >= len(lev.Levels) || int(s.Orders[l][slot]) >= len(lev.Levels) {
					return fmt.Errorf("seat %d lever %s slot %d level out of range", i, lev.ID, slot)
				}
			}
		}
		for k := len(sc.Seats[i].Objectives) + s.NSecret; k < MaxObjectives; k++ {
			if s.Points[k] != 0 {
				return fmt.Errorf("seat %d has points in unused slot %d", i, k)
			}
		}
	}
	// Deals only between existing seats, each clause by a party, ids unique.
	ids := map[int]bool{}
	for _, d := range st.Deals {
		if ids[d.ID] || d.ID <= 0 || d.ID >= st.NextDeal {
			return fmt.Errorf("deal id %d (next %d)", d.ID, st.NextDeal)
		}
		ids[d.ID] = true
		if d.Parties&^AllSeats(n) != 0 || d.Parties.Len() < 2 || !d.Parties.Has(d.Proposer) {
			return fmt.Errorf("deal %d parties %v", d.ID, d.Parties.Seats())
		}
		for _, c := range d.Clauses {
			if !d.Parties.Has(c.Actor) || c.Target < 0 || c.Target >= n || c.Level >= len(sc.Levers[c.Lever].Levels) {
				return fmt.Errorf("deal %d clause %+v", d.ID, c)
			}
		}
		if d.Status == InForce {
			for _, p := range d.Parties.Seats() {
				if d.Answers[p] != Accept {
					return fmt.Errorf("deal %d in force without %d's acceptance", d.ID, p)
				}
			}
			if d.End < st.Turn && st.Phase != GameOver {
				return fmt.Errorf("deal %d in force past its end", d.ID)
			}
		}
	}
	return nil
}

func runProperty(t *rapid.T, sc *Scenario) {
	seed := rapid.Uint64().Draw(t, "seed")
	st, err := NewGame(sc, seed)
	if err != nil {
		t.Fatal(err)
	}
	log := Log{Scenario: sc.ID, Seed: seed}
	var hashes []string
	steps := rapid.IntRange(1, 150).Draw(t, "steps")
	for k := 0; k < steps; k++ {
		// Start most games, so that commands meet a game in progress.
		var c Command
		if st.Phase == Setup && k < 2 {
			c = Command{Kind: CmdStart, Seat: FacilitatorID}
		} else {
			c = genCommand(&st).Draw(t, "cmd")
		}
		before := Hash(st)
		next, _, err := Apply(st, c)
		if err != nil {
			if Hash(st) != before || Hash(next) != before {
				t.Fatalf("refused %s changed the state", c.Kind)
			}
			continue
		}
		st = next
		if err := checkInvariants(&st); err != nil {
			t.Fatalf("after %s by %s: %v", c.Kind, c.Seat, err)
		}
		for v := Omniscient; v < len(st.Seats); v++ {
			_ = ViewFor(st, v)
		}
		log.Commands = append(log.Commands, c)
		hashes = append(hashes, Hash(st))
	}
	// Replaying the log reproduces every hash.
	_, err = Replay(sc, log, func(i int, st State) {
		if h := Hash(st); h != hashes[i] {
			t.Fatalf("replay diverges at command %d", i+1)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestPropertyRandomCommands(t *testing.T) {
	sc := mustTiny(t)
	rapid.Check(t, func(t *rapid.T) { runProperty(t, sc) })
}

func TestPropertyPrisonersDilemma(t *testing.T) {
	sc := prisonersDilemma(20)
	if errs := sc.Validate(); errs != nil {
		t.Fatal(errs)
	}
	rapid.Check(t, func(t *rapid.T) { runProperty(t, sc) })
}

// genLegalish draws a command from a real seat that is often legal: valid
// clauses between real parties, answers to open proposals, real orders.
func genLegalish(t *rapid.T, st *State) Command {
	sc := st.Scenario()
	ps := sc.Public()
	n := len(sc.Seats)
	seat := rapid.IntRange(0, n-1).Draw(t, "seat")
	c := Command{Seat: sc.Seats[seat].ID}
	switch st.Phase {
	case Setup:
		return Command{Kind: CmdStart, Seat: FacilitatorID}
	case Negotiation:
		c.Kind = rapid.SampledFrom([]CommandKind{CmdPropose, CmdRespond, CmdRespond, CmdReady, CmdReady, CmdMessage, CmdWithdraw}).Draw(t, "kind")
	case Orders:
		c.Kind = rapid.SampledFrom([]CommandKind{CmdSubmit, CmdSubmit, CmdReady}).Draw(t, "kind")
	default:
		c.Kind = CmdReady
	}
	switch c.Kind {
	case CmdPropose, CmdRespond, CmdWithdraw:
		var open []int
		for _, d := range st.Deals {
			if d.Status == Proposed && d.Party(seat) {
				open = append(open, d.ID)
			}
		}
		if c.Kind != CmdPropose && len(open) > 0 {
			c.Deal = rapid.SampledFrom(open).Draw(t, "deal")
			c.Answer = rapid.SampledFrom([]Answer{Accept, Accept, Reject, Counter}).Draw(t, "answer")
			if c.Kind == CmdRespond && c.Answer != Counter {
				return c
			}
			if c.Kind == CmdWithdraw {
				return c
			}
		}
		c.Kind = map[bool]CommandKind{true: CmdRespond, false: CmdPropose}[c.Answer == Counter && len(open) > 0]
		other := (seat + 1 + rapid.IntRange(0, n-2).Draw(t, "other")) % n
		parties := SeatSet(0).With(seat).With(other)
		p := &Proposal{Title: "Deal", Parties: []string{sc.Seats[other].ID},
			Duration: rapid.IntRange(1, 3).Draw(t, "duration"), Visibility: Visibility(rapid.IntRange(0, 1).Draw(t, "vis"))}
		for l := range ps.Levers {
			if len(ps.Levers[l].Bounds) == 0 || rapid.IntRange(0, 2).Draw(t, "use") > 0 {
				continue
			}
			for _, actor := range parties.Seats() {
				slots := ps.Slots(actor, l)
				if len(slots) == 0 {
					continue
				}
				cs := ClauseSpec{Lever: ps.Levers[l].ID, Bound: rapid.SampledFrom(ps.Levers[l].Bounds).Draw(t, "bound"), Actor: sc.Seats[actor].ID,
					Level: sc.Levers[l].Levels[rapid.IntRange(0, len(sc.Levers[l].Levels)-1).Draw(t, "lv")].ID}
				if sc.LeverScope(l) == ScopeEach {
					cs.Target = sc.Seats[rapid.SampledFrom(slots).Draw(t, "slot")].ID
				}
				p.Clauses = append(p.Clauses, cs)
				break
			}
		}
		c.Proposal = p
	case CmdMessage:
		c.Text = "a word"
	case CmdSubmit:
		for l := range sc.Levers {
			for _, slot := range ps.Slots(seat, l) {
				if rapid.IntRange(0, 3).Draw(t, "change") > 0 {
					continue
				}
				o := Order{Lever: sc.Levers[l].ID, Level: sc.Levers[l].Levels[rapid.IntRange(0, len(sc.Levers[l].Levels)-1).Draw(t, "lv")].ID}
				if sc.LeverScope(l) == ScopeEach {
					o.Towards = sc.Seats[slot].ID
				}
				c.Orders = append(c.Orders, o)
			}
		}
	}
	return c
}

// PropertyCheck runs the random-command property test on any scenario;
// the external tests use it on every shipped scenario.
func PropertyCheck(t *testing.T, sc *Scenario) {
	rapid.Check(t, func(t *rapid.T) { runProperty(t, sc) })
}
