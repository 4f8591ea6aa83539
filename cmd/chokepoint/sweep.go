package main

import (
	"errors"
	"math"
	"os"
	"runtime"

	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
	"github.com/chokepoint-game/chokepoint/game/sweep"
	"github.com/chokepoint-game/chokepoint/internal/safetext"
	"github.com/chokepoint-game/chokepoint/internal/sweepview"
)

type sweepFlags struct {
	scenario   string
	params     []string
	samples    int
	games      int
	seed       uint64
	seats      []string
	workers    int
	turns      int
	difficulty string
	shard      string
	raw        string
	json       bool
	sweepOut
}

// sweepOut are the output flags sweep and merge share.
type sweepOut struct {
	csv      bool
	html     string
	outcomes []string
}

// flags declares them; prefix says whom they are for, on a command that
// merges a sim run as well.
func (o *sweepOut) flags(cmd *cobra.Command, prefix string) {
	fl := cmd.Flags()
	fl.BoolVar(&o.csv, "csv", false, prefix+"print one CSV row per point instead of the summary")
	fl.StringVar(&o.html, "html", "", prefix+"write the sensitivity charts to `FILE` as a self-contained HTML page")
	fl.StringArrayVar(&o.outcomes, "outcome", nil, prefix+"an outcome to measure and chart besides every seat's score and win share and the world's indicators, `SEAT.INDICATOR` or world.INDICATOR (repeatable); the summary's tornados are those given, or every seat's score")
}

func (o *sweepOut) given() bool { return o.csv || o.html != "" || len(o.outcomes) > 0 }

func (o *sweepOut) check(cmd *cobra.Command, json bool) error {
	if o.csv && json {
		return usagef(cmd, "--csv and --json both print the results: choose one")
	}
	return nil
}

func newSweepCmd() *cobra.Command {
	var f sweepFlags
	cmd := &cobra.Command{
		Use:   "sweep",
		Short: "Play a scenario over ranges of its assumptions and show which moves what",
		Long: "Play --games games at every point of a grid (or a Latin hypercube) of model\n" +
			"parameters and seats' starting lever settings, and sum every point up: each\n" +
			"seat's win share and score, its indicators at the end and the world's (mean,\n" +
			"10th, 50th and 90th percentiles). Every point plays the same seeds, SEED to\n" +
			"SEED+GAMES-1, so that points differ by their assumptions, not their luck.\n\n" +
			"An assumption is --param PATH=RANGE, repeatable:\n" +
			"  model.params.NAME=LO:HI:STEPS      STEPS values from LO to HI (LO:HI with\n" +
			"                                     --samples); see chokepoint scenario show\n" +
			"  seats.SEAT.start.LEVER.TARGET=L1,L2,...  the seat's starting level of the\n" +
			"                                     lever towards TARGET (leave .TARGET out\n" +
			"                                     for every target); FROM:TO for every\n" +
			"                                     level from FROM to TO\n" +
			"A grid plays every combination; --samples N draws N points of a Latin\n" +
			"hypercube instead, from a generator seeded with --seed.\n\n" +
			"The summary shows how far each assumption moves each outcome and a tornado\n" +
			"chart per outcome; --csv and --json print every point instead, and --html\n" +
			"writes the charts, with each outcome against each assumption, as a page.\n" +
			"Players are named as for chokepoint sim. --shard and --raw split the sweep's\n" +
			"games over processes or machines, and chokepoint merge sums the parts up.",
		Example: "  chokepoint sweep --param model.params.price-elasticity=0.2:1:5 --games 50\n" +
			"  chokepoint sweep --param model.params.adjust-speed=0.2:1:5 \\\n" +
			"      --param seats.prc.start.licensing=open:deny --csv > sweep.csv\n" +
			"  chokepoint sweep --samples 64 --param model.params.trade-drag=0.5:2 \\\n" +
			"      --param model.params.industry-beta=1:3 --html sensitivity.html",
		Args: exactArgs(0, "no arguments (use flags)"),
		RunE: func(cmd *cobra.Command, _ []string) error { return runSweep(cmd, &f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.scenario, "scenario", "rare-earth-card", "shipped scenario `ID` or scenario FILE")
	fl.StringArrayVar(&f.params, "param", nil, "an assumption to vary, `PATH=RANGE` (repeatable): see above")
	fl.IntVar(&f.samples, "samples", 0, "draw `N` points of a Latin hypercube instead of the full grid")
	fl.IntVar(&f.games, "games", 100, "games `N` at every point")
	fl.Uint64Var(&f.seed, "seed", 1, "seed `S` of every point's first game (and of the Latin hypercube)")
	fl.StringArrayVar(&f.seats, "seats", nil, "who plays which seat, `SEAT=PLAYER,...` as for sim; the rest play passive")
	fl.IntVar(&f.workers, "workers", runtime.NumCPU(), "games played at once, `K`")
	fl.IntVar(&f.turns, "turns", 0, "end every game after turn `T` (0: play every turn)")
	fl.StringVar(&f.difficulty, "difficulty", "normal", "`LEVEL` of the personality players: easy, normal or hard")
	fl.StringVar(&f.shard, "shard", "", "play only block `K/N` of the sweep's games (needs --raw); chokepoint merge sums the N raw files up")
	fl.StringVar(&f.raw, "raw", "", "write every game's outcome to `FILE` as JSON Lines (- for the standard output, instead of the summary)")
	fl.BoolVar(&f.json, "json", false, "print every point's statistics as one JSON object instead of the summary")
	f.sweepOut.flags(cmd, "")
	return cmd
}

func runSweep(cmd *cobra.Command, f *sweepFlags) error {
	if len(f.params) == 0 {
		return usagef(cmd, "name at least one assumption to vary with --param PATH=RANGE")
	}
	if err := checkRunFlags(cmd, f.games, f.seed, f.workers, f.turns); err != nil {
		return err
	}
	switch {
	case cmd.Flags().Changed("samples") && (f.samples < 2 || f.samples > sweep.MaxPoints):
		return usagef(cmd, "--samples must be between 2 and %d, not %d", sweep.MaxPoints, f.samples)
	}
	if err := f.sweepOut.check(cmd, f.json); err != nil {
		return err
	}
	sc, err := scenarioFlag(cmd, f.scenario)
	if err != nil {
		return err
	}
	if f.turns > sc.Turns {
		return usagef(cmd, "--turns %d is past the last turn of %s (%d)", f.turns, sc.ID, sc.Turns)
	}
	level, err := ai.ParseDifficulty(f.difficulty)
	if err != nil {
		return usagef(cmd, "--difficulty: %v", err)
	}
	shard, err := shardFlag(cmd, f.shard, f.raw)
	if err != nil {
		return err
	}
	if !shard.Whole() && (f.json || f.sweepOut.given()) {
		return usagef(cmd, "a shard writes only its raw results: give --json, --csv, --html and --outcome to chokepoint merge")
	}
	lhs := f.samples > 0
	var dims []sweep.Dim
	for _, p := range f.params {
		d, err := sweep.ParseDim(sc, p, lhs)
		if err != nil {
			return usagef(cmd, "--param %v", err)
		}
		dims = append(dims, d)
	}
	var plan *sweep.Plan
	if lhs {
		plan, err = sweep.LatinHypercube(dims, f.samples, f.seed)
	} else {
		plan, err = sweep.Grid(dims)
	}
	if err != nil {
		return usagef(cmd, "%v", err)
	}
	if int64(len(plan.Points))*int64(f.games) > math.MaxInt32 {
		return usagef(cmd, "%d points of %d games is too many games for one sweep", len(plan.Points), f.games)
	}
	// The players are checked once, on the base scenario, so that a
	// mistake in --seats is a usage error before anything runs.
	base, err := seatPlayers(cmd, sc, f.seats, level)
	if err != nil {
		return err
	}
	names := make([]string, len(base))
	for i, s := range base {
		names[i] = s.Name
	}
	cfg := sweep.Config{
		Base: sc, Plan: plan, Games: f.games, Seed: f.seed, Names: names,
		Workers: f.workers, Turns: f.turns, Shard: shard,
		Seats: func(psc *game.Scenario) ([]sim.SeatPlayer, error) { return pointPlayers(psc, f.seats, level) },
	}
	if err := cfg.CheckPoints(); err != nil {
		var pe *sweep.PointError
		if errors.As(err, &pe) {
			return usagef(cmd, "--param: %v", err)
		}
		return err
	}
	tuneGCForBatch()
	raw, err := openOutput(cmd, f.raw)
	if err != nil {
		return err
	}
	defer raw.Close()
	cfg.Raw = raw.writer()
	bar := newProgressBar(cmd.ErrOrStderr())
	if bar != nil {
		cfg.Progress = bar.update
	}
	res, err := sweep.Run(cfg)
	bar.clear()
	if err != nil {
		return err
	}
	if err := raw.finish(); err != nil {
		return err
	}
	if !shard.Whole() || f.raw == "-" {
		return nil
	}
	return writeSweep(cmd, &f.sweepOut, f.json, res)
}

// pointPlayers makes the players of one point's scenario, as seatPlayers
// made them for the base scenario (which already checked the names).
func pointPlayers(sc *game.Scenario, values []string, level ai.Difficulty) ([]sim.SeatPlayer, error) {
	specs, err := ai.ParseSeats(sc.Public(), values, ai.PlayerSpec{Player: "passive"})
	if err != nil {
		return nil, err
	}
	r := content.NewPlayers(sc)
	out := make([]sim.SeatPlayer, len(specs))
	for i, s := range specs {
		mk, name, err := r.Player(i, s, level)
		if err != nil {
			return nil, err
		}
		out[i] = sim.SeatPlayer{Name: name, Seeded: mk}
	}
	return out, nil
}

// writeSweep prints a sweep's result (a run's or a merge's) as the
// flags ask, and writes its HTML page.
func writeSweep(cmd *cobra.Command, o *sweepOut, json bool, res *sweep.Result) error {
	if err := res.Analyse(o.outcomes); err != nil {
		return usagef(cmd, "--outcome %v", err)
	}
	if o.html != "" {
		page, err := openOutput(cmd, o.html)
		if err != nil {
			return err
		}
		defer page.Close()
		if err := sweepview.WriteHTML(page.writer(), res); err != nil {
			return err
		}
		if err := page.finish(); err != nil {
			return err
		}
		if o.html == "-" {
			return nil
		}
	}
	out := cmd.OutOrStdout()
	switch {
	case json:
		return sweep.WriteJSON(out, res)
	case o.csv:
		return sweep.WriteCSV(safetext.NewWriter(out), res)
	}
	// Colours as far as the terminal shows them, none elsewhere.
	profile := colorprofile.NoTTY
	if f, ok := fileOf(out); ok && term.IsTerminal(int(f.Fd())) {
		profile = colorprofile.Detect(f, os.Environ())
	}
	return sweepview.WriteTerminal(&colorprofile.Writer{Forward: out, Profile: profile}, res, o.outcomes)
}

// mergeSweep sums up a sweep's shards and prints them as the sweep would.
func mergeSweep(cmd *cobra.Command, o *sweepOut, json bool, readers []*sim.RawReader) error {
	res, err := sweep.Merge(readers)
	if err != nil {
		return err
	}
	return writeSweep(cmd, o, json, res)
}
