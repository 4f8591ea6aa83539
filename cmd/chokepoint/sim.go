package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"strings"

	"charm.land/bubbles/v2/progress"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// maxWorkers bounds --workers: each worker is a goroutine playing a game,
// and more than the machine's cores only costs memory.
const maxWorkers = 1024

type simFlags struct {
	scenario string
	games    int
	seed     uint64
	seats    []string
	workers  int
	turns    int
	json     bool
	trace    string
	save     string
	// difficulty is the default level of every personality player.
	difficulty string
	tournament bool
	ladder     bool
	shard      string
	raw        string
}

func newSimCmd() *cobra.Command {
	var f simFlags
	cmd := &cobra.Command{
		Use:   "sim",
		Short: "Play many games headless with scripted players and sum them up",
		Long: "Play many games of a scenario with every seat played by a built-in player or a\n" +
			"playbook, and print each seat's score (mean, 10th, 50th and 90th percentiles,\n" +
			"by the nearest-rank method), its wins (a tie at the top shares the win), its\n" +
			"final indicators and the world's. Game i (from 0) uses seed SEED+i, so any one\n" +
			"game can be played again alone with --games 1 --seed SEED+i.\n\n" +
			"A player is a built-in one (" + strings.Join(ai.BuiltinNames(), ", ") + "), playbook:NAME for a shipped\n" +
			"playbook or playbook:FILE for a playbook file, or a scripted opponent: a\n" +
			"personality (" + strings.Join(content.PersonalityNames(), ", ") + ")\n" +
			"or personality:FILE, played at --difficulty or at NAME@easy|normal|hard.\n" +
			"Shipped playbooks:\n  " +
			strings.Join(content.PlaybookNames(), "\n  ") + "\n\n" +
			"With --tournament, every shipped personality plays every other on the scenario:\n" +
			"for each ordered pair (A, B) and each seat, A plays that seat and B every other\n" +
			"seat, for --games games (default 4) with seeds from --seed; the table ranks them\n" +
			"by the mean points of their seat (their share of all points is shown too).\n\n" +
			"With --ladder, every shipped personality at every difficulty is rated: each of\n" +
			"--games games (default 200) gives every seat a player drawn from the game's seed,\n" +
			"every pair of seats in a game is a match won by the seat further above its\n" +
			"seat's mean score, and a Bradley-Terry fit of the matches gives each a rating on\n" +
			"the Elo scale (mean 1500; 400 points are odds of ten to one).\n\n" +
			"With --shard K/N, the command plays only the K-th of N blocks of the games and\n" +
			"writes their outcomes to --raw; chokepoint merge sums the N files up into\n" +
			"exactly what one run of every game prints.",
		Example: "  chokepoint sim --games 1000 --seats prc=playbook:embargo\n" +
			"  chokepoint sim --seats all=opportunist,us=hawk@hard --difficulty normal\n" +
			"  chokepoint sim --scenario prisoners-dilemma --tournament --difficulty easy\n" +
			"  chokepoint sim --ladder --games 400 --json\n" +
			"  chokepoint sim --seats prc=passive,all=playbook:allied-investment --json\n" +
			"  chokepoint sim --games 1 --seed 7 --save game.json --trace game.jsonl\n" +
			"  chokepoint sim --games 1000 --shard 2/4 --raw part2.jsonl",
		Args: exactArgs(0, "no arguments (use flags)"),
		RunE: func(cmd *cobra.Command, _ []string) error { return runSim(cmd, &f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.scenario, "scenario", "rare-earth-card", "shipped scenario `ID` or scenario FILE")
	fl.IntVar(&f.games, "games", 100, "number of games `N`")
	fl.Uint64Var(&f.seed, "seed", 1, "seed `S` of the first game; game i uses S+i")
	fl.StringArrayVar(&f.seats, "seats", nil, "who plays which seat, `SEAT=PLAYER,...` (repeatable); all=PLAYER for every seat not named; the rest play passive")
	fl.IntVar(&f.workers, "workers", runtime.NumCPU(), "games played at once, `K`")
	fl.IntVar(&f.turns, "turns", 0, "end every game after turn `T` (0: play every turn)")
	fl.BoolVar(&f.json, "json", false, "print the results as one JSON object")
	fl.StringVar(&f.trace, "trace", "", "write every seat's indicators after every turn of every game to `FILE`, as JSON Lines")
	fl.StringVar(&f.save, "save", "", "with --games 1, write the game to `FILE` as a save (see chokepoint saves)")
	fl.StringVar(&f.difficulty, "difficulty", "normal", "`LEVEL` of the personality players: easy, normal or hard (NAME@LEVEL overrides it per seat)")
	fl.BoolVar(&f.tournament, "tournament", false, "play every personality against every other and print a ranked table")
	fl.BoolVar(&f.ladder, "ladder", false, "rate every personality at every difficulty over many games (Bradley-Terry, Elo scale)")
	fl.StringVar(&f.shard, "shard", "", "play only block `K/N` of the games (needs --raw); chokepoint merge sums the N raw files up")
	fl.StringVar(&f.raw, "raw", "", "write every game's outcome to `FILE` as JSON Lines (- for the standard output, instead of the table)")
	return cmd
}

// checkRunFlags checks the flags that sim and sweep share: how many games,
// from which seed, on how many workers, for how many turns.
func checkRunFlags(cmd *cobra.Command, games int, seed uint64, workers, turns int) error {
	switch {
	case games < 1 || games > sim.MaxGames:
		return usagef(cmd, "--games must be between 1 and %d, not %d", sim.MaxGames, games)
	case seed > math.MaxUint64-uint64(games-1):
		return usagef(cmd, "--seed %d with --games %d runs past the largest seed, %d", seed, games, uint64(math.MaxUint64))
	case workers < 1 || workers > maxWorkers:
		return usagef(cmd, "--workers must be between 1 and %d, not %d", maxWorkers, workers)
	case turns < 0:
		return usagef(cmd, "--turns must be 1 or more (or 0 for every turn), not %d", turns)
	}
	return nil
}

func runSim(cmd *cobra.Command, f *simFlags) error {
	if err := checkRunFlags(cmd, f.games, f.seed, f.workers, f.turns); err != nil {
		return err
	}
	switch {
	case f.save != "" && f.games != 1:
		return usagef(cmd, "--save keeps one game's log: use it with --games 1, not %d", f.games)
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
	if f.ladder {
		return runLadder(cmd, f, sc)
	}
	if f.tournament {
		if f.shard != "" || f.raw != "" {
			return usagef(cmd, "--tournament plays no shards: leave out --shard and --raw")
		}
		tuneGCForBatch()
		return runTournament(cmd, f, sc, level)
	}
	shard, err := shardFlag(cmd, f.shard, f.raw)
	if err != nil {
		return err
	}
	if f.json && !shard.Whole() {
		return usagef(cmd, "a shard writes only its raw results: give --json to chokepoint merge")
	}
	if f.save != "" && !shard.Whole() {
		return usagef(cmd, "--save keeps game 0's log: leave out --shard")
	}
	seats, err := seatPlayers(cmd, sc, f.seats, level)
	if err != nil {
		return err
	}
	tuneGCForBatch()
	cfg := sim.Config{
		Scenario: sc, Games: f.games, Seed: f.seed, Seats: seats,
		Workers: f.workers, Turns: f.turns, KeepLog: f.save != "", Shard: shard,
	}
	raw, err := openOutput(cmd, f.raw)
	if err != nil {
		return err
	}
	defer raw.Close()
	cfg.Raw = raw.writer()
	var trace *bufio.Writer
	var traceFile *os.File
	if f.trace != "" {
		// Write-only: opened read-write, a pipe (/dev/stdout, a process
		// substitution) would give the process its own read end, and a
		// reader that goes away would leave it blocked for ever instead
		// of ending it with a broken pipe.
		tf, err := os.OpenFile(f.trace, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			return err
		}
		defer tf.Close()
		trace, traceFile = bufio.NewWriterSize(tf, 1<<16), tf
		cfg.Trace = trace
	}
	bar := newProgressBar(cmd.ErrOrStderr())
	if bar != nil {
		cfg.Progress = bar.update
	}
	res, err := sim.Run(cfg)
	bar.clear()
	if err != nil {
		return err
	}
	if trace != nil {
		if err := trace.Flush(); err != nil {
			return fmt.Errorf("writing %s: %w", f.trace, err)
		}
		if err := traceFile.Close(); err != nil {
			return fmt.Errorf("writing %s: %w", f.trace, err)
		}
	}
	if err := raw.finish(); err != nil {
		return err
	}
	if f.save != "" {
		if err := writeSimSave(f.save, f.scenario, res); err != nil {
			return err
		}
	}
	if !shard.Whole() || f.raw == "-" {
		// The raw file is the output: a shard's own summary would be
		// taken for the run's.
		return nil
	}
	if f.json {
		return sim.WriteJSON(cmd.OutOrStdout(), res)
	}
	// Player names can be file paths, which can hold anything.
	return sim.WriteTable(safetext.NewWriter(cmd.OutOrStdout()), res)
}

// seatPlayers reads the --seats values into one player per seat, in the
// player grammar every command shares: named seats, then all=PLAYER for
// the rest, then passive.
func seatPlayers(cmd *cobra.Command, sc *game.Scenario, values []string, level ai.Difficulty) ([]sim.SeatPlayer, error) {
	specs, err := ai.ParseSeats(sc.Public(), values, ai.PlayerSpec{Player: "passive"})
	if err != nil {
		return nil, usagef(cmd, "--seats: %v", err)
	}
	r := content.NewPlayers(sc)
	out := make([]sim.SeatPlayer, len(specs))
	for i, s := range specs {
		if s.Human {
			return nil, usagef(cmd, "--seats: %s: the simulator plays no people; name an AI player", sc.Seats[i].ID)
		}
		mk, name, err := r.Player(i, s, level)
		if err != nil {
			return nil, playerError(cmd, "--seats", err)
		}
		out[i] = sim.SeatPlayer{Name: name, Seeded: mk}
	}
	return out, nil
}

// playerError says why a named player cannot be made: a usage mistake on
// the flag, or the mistakes of a personality or playbook file.
func playerError(cmd *cobra.Command, flag string, err error) error {
	var pe *content.PlayerError
	if errors.As(err, &pe) && !pe.Usage() {
		what, ref := "playbook", strings.TrimPrefix(pe.Player, ai.PlaybookPrefix)
		if !strings.HasPrefix(pe.Player, ai.PlaybookPrefix) {
			what, ref = "personality", strings.TrimPrefix(pe.Player, ai.PersonalityPrefix)
		}
		return contentError(cmd, what, ref, pe.Err)
	}
	return usagef(cmd, "%s: %v", flag, err)
}

// contentError reports a content file that cannot be used: a file with
// mistakes lists them all, one a line, as validate prints them (exit 1);
// anything else (no such file or name) is a usage mistake.
func contentError(cmd *cobra.Command, what, ref string, err error) error {
	var ce *content.Error
	var pe *os.PathError
	switch {
	case errors.As(err, &ce):
		return ce
	case errors.As(err, &pe):
		return usagef(cmd, "%s %s: cannot read: %v", what, ref, pe.Err)
	}
	return usagef(cmd, "%s %s: %v", what, ref, err)
}

// progressBar draws a static bar on a terminal, rewritten in place with a
// carriage return, and only when the shown percentage changes: a run of
// ten thousand games would otherwise spend its time drawing.
type progressBar struct {
	w     io.Writer
	bar   progress.Model
	shown int
}

// newProgressBar returns nil when w is not a terminal: a redirected
// stderr gets nothing extra.
func newProgressBar(w io.Writer) *progressBar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return &progressBar{w: w, bar: progress.New(progress.WithWidth(40), progress.WithDefaultBlend()), shown: -1}
}

func (p *progressBar) update(done, total int) {
	pct := done * 100 / total
	if pct == p.shown {
		return
	}
	p.shown = pct
	fmt.Fprintf(p.w, "\r%s %d/%d games", p.bar.ViewAs(float64(done)/float64(total)), done, total)
}

// clear removes the bar so that what follows starts on a clean line.
func (p *progressBar) clear() {
	if p != nil && p.shown >= 0 {
		fmt.Fprint(p.w, "\r\x1b[2K")
	}
}
