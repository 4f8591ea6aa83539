package report_test

import (
	"sync"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
	"github.com/chokepoint-game/chokepoint/report"
	"github.com/chokepoint-game/chokepoint/saves"
)

// The fixed game: rare-earth-card, seed 2, every seat an AI, as
// `chokepoint sim --games 1 --seed 2 --seats ...` plays it. It has deals
// kept, deals broken and coercion, so every part of a report has
// something to show.
const (
	fixedScenario = "rare-earth-card"
	fixedSeed     = 2
)

var fixedSeats = []string{"us=win-stay-lose-shift,prc=random,all=dove"}

var fixed struct {
	once sync.Once
	save *saves.Save
	err  error
}

// fixedSave plays the fixed game once per test binary and keeps its save.
func fixedSave(t testing.TB) *saves.Save {
	t.Helper()
	fixed.once.Do(func() { fixed.save, fixed.err = playFixed() })
	if fixed.err != nil {
		t.Fatal(fixed.err)
	}
	return fixed.save
}

func playFixed() (*saves.Save, error) {
	src, err := content.GetSource(fixedScenario)
	if err != nil {
		return nil, err
	}
	sc := src.Scenario
	specs, err := ai.ParseSeats(sc.Public(), fixedSeats, ai.PlayerSpec{Player: "passive"})
	if err != nil {
		return nil, err
	}
	players := content.NewPlayers(sc)
	seats := make([]sim.SeatPlayer, len(specs))
	for i, s := range specs {
		mk, name, err := players.Player(i, s, ai.Normal)
		if err != nil {
			return nil, err
		}
		seats[i] = sim.SeatPlayer{Name: name, Seeded: mk}
	}
	res, err := sim.Run(sim.Config{Scenario: sc, Games: 1, Seed: fixedSeed, Seats: seats, Workers: 1, KeepLog: true})
	if err != nil {
		return nil, err
	}
	played := make([]saves.Seat, len(res.Seats))
	for i, s := range res.Seats {
		played[i] = saves.Seat{Seat: s.Seat, Player: s.Player}
	}
	s, err := saves.FromLog(src, *res.Log, played)
	if err != nil {
		return nil, err
	}
	s.Name = "fixed"
	return s, nil
}

func fixedReport(t testing.TB) *report.Report {
	t.Helper()
	r, err := report.FromSave(fixedSave(t))
	if err != nil {
		t.Fatal(err)
	}
	return r
}
