package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/internal/safetext"
	"github.com/chokepoint-game/chokepoint/saves"
	"github.com/chokepoint-game/chokepoint/serve"
)

type serveFlags struct {
	listen, scenario, resume, saveDir, codesOut, authKeys, hostKey string
	seats                                                          []string
	seed                                                           uint64
	idle                                                           time.Duration
}

func newServeCmd() *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve one game to a room over SSH",
		Long: "Run one game for a classroom: every team joins from its own laptop with ssh\n" +
			"and a join code; nothing is installed on the laptops. At start the server\n" +
			"prints a join table: a code for each seat, one for the facilitator (who\n" +
			"starts and runs the game) and one for the projector (public information\n" +
			"only). Several people may join one seat as a team.\n\n" +
			"Seats are played by people unless --seats names an AI for them, in the\n" +
			"player grammar of play and sim (SEAT=human|PERSONALITY[@DIFFICULTY]|\n" +
			"playbook:NAME,...). The game is autosaved after every phase; after a crash,\n" +
			"--resume SAVE carries it on with the same codes.",
		Example: "  chokepoint serve --scenario embargo-2010\n" +
			"  chokepoint serve --listen 0.0.0.0:2222 --seats prc=hawk@hard --codes-out codes.json\n" +
			"  chokepoint serve --resume autosave/3f2a…json",
		Args: exactArgs(0, "no arguments (use flags)"),
		RunE: func(cmd *cobra.Command, _ []string) error { return runServe(cmd, &f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.listen, "listen", "127.0.0.1:2222", "listen on `ADDR` (0.0.0.0:2222 for every network of this computer)")
	fl.StringVar(&f.scenario, "scenario", "rare-earth-card", "shipped scenario `ID` or scenario FILE")
	fl.StringArrayVar(&f.seats, "seats", nil, "AI seats, `SEAT=PLAYER,...` (repeatable; other seats are played by people)")
	fl.Uint64Var(&f.seed, "seed", 0, "the game's seed `N` (default: from the clock)")
	fl.StringVar(&f.resume, "resume", "", "carry on the game of `SAVE` (an autosave or named save), with its codes")
	saveDirFlag(cmd, &f.saveDir)
	fl.StringVar(&f.codesOut, "codes-out", "", "also write the join table as JSON to `FILE` (mode 0600)")
	fl.StringVar(&f.authKeys, "authorized-keys", "", "`FILE` of public keys that join without a code, each line SEAT KEY (or facilitator KEY, projector KEY)")
	fl.StringVar(&f.hostKey, "host-key", "", "the server's host key `FILE` (default: host_ed25519 in the data directory, made on first use)")
	fl.DurationVar(&f.idle, "idle", 90*time.Minute, "end a session after `D` (a duration: 90m, 2h) without a key (the projector excepted)")
	return cmd
}

// serveMemoryLimit is the server's soft memory limit: the garbage
// collector works harder as the heap nears it, so a room of thirty
// terminals, each drawing its frames, stays within a small machine's
// means instead of growing to twice its live memory between collections.
const serveMemoryLimit = 150 << 20

func runServe(cmd *cobra.Command, f *serveFlags) error {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
	store, err := saves.Open(f.saveDir)
	if err != nil {
		return err
	}
	var (
		src     *content.Source
		seed    = f.seed
		resume  []game.Command
		gameID  = saves.NewID()
		players []string
		codes   *serve.Codes
		sv      *saves.Save
	)
	if f.resume != "" {
		if cmd.Flags().Changed("scenario") || cmd.Flags().Changed("seed") {
			return usagef(cmd, "--resume carries on a saved game: its scenario and seed are the save's")
		}
		path, err := store.Find(f.resume)
		if err != nil {
			return err
		}
		if sv, err = saves.Load(path); err != nil {
			return err
		}
		src = &content.Source{Scenario: sv.Scenario(), Data: sv.Copy.Source, Digest: sv.Copy.Digest}
		seed, resume, gameID = sv.Seed, sv.Log().Commands, sv.ID
		for _, s := range sv.Seats {
			players = append(players, s.Player)
		}
		codes, err = serve.ReadCodes(store, gameID)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			fmt.Fprintf(cmd.ErrOrStderr(), "no join codes were kept for game %s: new codes are drawn\n", gameID)
			codes = nil
		case err != nil:
			return err
		}
	} else {
		src, err = content.ResolveSource(f.scenario)
		if err != nil {
			var ce *content.Error
			if errors.As(err, &ce) {
				return reportLoadError(cmd, f.scenario, err)
			}
			return usagef(cmd, "--scenario: %v", err)
		}
		if !cmd.Flags().Changed("seed") {
			seed = uint64(time.Now().UnixNano())
		}
	}
	sc := src.Scenario
	ps := sc.Public()
	specs, err := ai.ParseSeats(ps, append(playerValues(ps, players, f.seats), f.seats...), ai.PlayerSpec{Human: true})
	if err != nil {
		return playerError(cmd, "--seats", err)
	}
	reg := content.NewPlayers(sc)
	if err := reg.Check(specs, ai.Normal); err != nil {
		return playerError(cmd, "--seats", err)
	}
	aiPlayers := make([]ai.Player, len(specs))
	seatRecs := make([]saves.Seat, len(specs))
	players = players[:0]
	for i, s := range specs {
		seatRecs[i] = saves.Seat{Seat: sc.Seats[i].ID, Player: s.String()}
		players = append(players, s.String())
		if s.Human {
			continue
		}
		mk, _, err := reg.Player(i, s, ai.Normal)
		if err != nil {
			return playerError(cmd, "--seats", err)
		}
		aiPlayers[i] = mk(seed)
	}
	var keys []serve.KeyEntry
	if f.authKeys != "" {
		if keys, err = serve.ReadAuthorizedKeys(f.authKeys, ps); err != nil {
			return fmt.Errorf("--authorized-keys: %s", safetext.Escape(err.Error(), false))
		}
	}
	hostKey := f.hostKey
	if hostKey == "" {
		// The data directory (the saves' default directory's parent),
		// whatever --save-dir says: one key for every class, so laptops
		// that trusted it once trust it again.
		dir := store.Dir
		if def, err := saves.DefaultDir(); err == nil {
			dir = filepath.Dir(def)
		}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
		hostKey = filepath.Join(dir, "host_ed25519")
	}
	if codes == nil {
		codes = serve.NewCodes(gameID, ps)
	}
	if err := serve.WriteCodes(store, codes); err != nil {
		return fmt.Errorf("keeping the join codes: %w", err)
	}
	stderr := safetext.NewWriter(cmd.ErrOrStderr())
	report := func(path string, err error) {
		if err != nil {
			fmt.Fprintf(stderr, "%s autosave failed: %v\n", time.Now().Format("15:04:05"), err)
			return
		}
		fmt.Fprintf(stderr, "%s autosaved %s\n", time.Now().Format("15:04:05"), path)
	}
	if sv == nil {
		if sv, err = saves.New(src, seed, seatRecs); err != nil {
			return err
		}
		sv.ID = gameID
	}
	keep := &serve.Keep{Keeper: store.Keeper(sv, report), Dir: store.Dir}
	srv, err := serve.New(serve.Config{Scenario: sc, Seed: seed, Players: aiPlayers, Specs: specs, Resume: resume, Codes: codes, Keys: keys,
		HostKey: hostKey, Keep: keep,
		Limits: serve.Limits{Idle: f.idle}, Log: stderr})
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", f.listen)
	if err != nil {
		srv.Close()
		return fmt.Errorf("--listen: %w", err)
	}
	// Catch the end signals before the join table says the server is up,
	// so that Ctrl+C at once still stops it cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), endSignals...)
	defer stop()
	jt := codes.Table(ps, joinAddress(l.Addr()), players)
	if f.codesOut != "" {
		data, err := jt.JSON()
		if err == nil {
			err = os.WriteFile(f.codesOut, data, 0o600)
		}
		if err != nil {
			srv.Close()
			return fmt.Errorf("--codes-out: %w", err)
		}
	}
	if err := jt.Print(cmd.OutOrStdout()); err != nil {
		srv.Close()
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), "Game %s; autosaves in %s. Stop the server with Ctrl+C; resume with --resume.\n", gameID, store.Dir)

	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	select {
	case <-ctx.Done():
		// The autosaves hold the game up to its last phase; what was done
		// since is kept too.
		rctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		// Say what became of the game: a game stopped in its lobby has no
		// save, and --resume would find nothing to carry on.
		msg := "server stopped; the game is saved"
		switch rec, err := srv.Table().Record(rctx); {
		case err != nil:
			msg = fmt.Sprintf("server stopped; the game as it stood could not be read (%v): the last autosave is kept", err)
		case len(rec.Log.Commands) == 0:
			msg = "server stopped before the game started: nothing was played, so there is no save to resume"
		default:
			keep.Keeper.Autosave(rec)
		}
		cancel()
		srv.Close()
		<-done
		fmt.Fprintln(cmd.ErrOrStderr(), msg)
		return nil
	case err := <-done:
		srv.Close()
		return err
	}
}

// playerValues writes a resumed game's players back in the player
// grammar, leaving out the seats --seats names anew.
func playerValues(ps *game.PublicScenario, players, named []string) []string {
	var out []string
	for i, p := range players {
		if i < len(ps.Seats) && !ai.SameSeat(named, ps.Seats[i].ID) {
			out = append(out, ps.Seats[i].ID+"="+p)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return []string{strings.Join(out, ",")}
}

// joinAddress is the address laptops join: the listening address, or,
// when it listens on every network, this computer's first address on
// one, since 0.0.0.0 is no address to type.
func joinAddress(a net.Addr) string {
	ta, ok := a.(*net.TCPAddr)
	if !ok || !ta.IP.IsUnspecified() {
		return a.String()
	}
	addrs, _ := net.InterfaceAddrs()
	for _, ad := range addrs {
		if ipn, ok := ad.(*net.IPNet); ok && !ipn.IP.IsLoopback() && ipn.IP.To4() != nil {
			return net.JoinHostPort(ipn.IP.String(), fmt.Sprint(ta.Port))
		}
	}
	return net.JoinHostPort("127.0.0.1", fmt.Sprint(ta.Port))
}
