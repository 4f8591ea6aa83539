package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/sim"
	"github.com/chokepoint-game/chokepoint/internal/safetext"
	"github.com/chokepoint-game/chokepoint/saves"
)

func init() {
	// Every save records the version of the program that wrote it.
	saves.ProgramVersion = versionString()
}

// saveDirFlag adds --save-dir to a command that reads or writes saves.
func saveDirFlag(cmd *cobra.Command, dir *string) {
	cmd.Flags().StringVar(dir, "save-dir", "", "keep saves in `DIR` instead of $XDG_DATA_HOME/chokepoint/saves (or ~/.local/share/chokepoint/saves)")
}

func newSavesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "saves",
		Short: "List, check and delete saved games",
		Long: "Saved games live in $XDG_DATA_HOME/chokepoint/saves (or\n" +
			"~/.local/share/chokepoint/saves): named saves as NAME.json, and the last few\n" +
			"autosaves of each game under autosave/. --save-dir DIR uses another directory.",
		Args: noSubcommand,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newSavesListCmd(), newSavesVerifyCmd(), newSavesDeleteCmd())
	return cmd
}

func newSavesListCmd() *cobra.Command {
	var dir string
	var asJSON, all bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List saved games, newest first",
		Long: "List the saved games: every named save and the newest autosave of each game\n" +
			"(--all: every autosave), newest first, with the scenario, where the game\n" +
			"stands, who played each seat, when it was saved and its file (relative to the\n" +
			"save directory). A file that cannot be read is listed with the reason. The\n" +
			"list reads the files but does not replay them: `saves verify` does.",
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := saves.Open(dir)
			if err != nil {
				return err
			}
			entries, err := st.List(all)
			if err != nil {
				return err
			}
			if asJSON {
				return writeSavesJSON(cmd.OutOrStdout(), st, entries)
			}
			return writeSavesTable(cmd.OutOrStdout(), st, entries)
		},
	}
	saveDirFlag(cmd, &dir)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the list as a JSON array")
	cmd.Flags().BoolVar(&all, "all", false, "list every autosave, not only the newest of each game")
	return cmd
}

func newSavesVerifyCmd() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "verify FILE|NAME...",
		Short: "Check that saves load: replay each and compare every recorded state",
		Long: "Load each save as the game would: decode it, load its copy of the scenario,\n" +
			"replay its commands and compare the state after every phase with the one it\n" +
			"recorded. A good save prints \"FILE: ok\"; any other prints one line saying why\n" +
			"on stderr. The exit code is 0 when every save is good and 1 otherwise. Nothing\n" +
			"is ever changed.",
		Args: minArgs(1, "at least one save file or name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := saves.Open(dir)
			if err != nil {
				return err
			}
			failed := false
			for _, ref := range args {
				path, err := st.Find(ref)
				if err == nil {
					_, err = saves.Load(path)
				}
				if err != nil {
					failed = true
					fmt.Fprintln(cmd.ErrOrStderr(), printable(err.Error()))
					continue
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s: ok\n", printable(path))
			}
			if failed {
				return exitError(exitFailure)
			}
			return nil
		},
	}
	saveDirFlag(cmd, &dir)
	return cmd
}

func newSavesDeleteCmd() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "delete FILE|NAME...",
		Short: "Delete saved games",
		Long: "Delete saves: a named save by its name or file, or a game's autosaves by the\n" +
			"file `saves list` shows for it (every autosave of that game goes, since the\n" +
			"list stands one for all). A file outside the save directory is deleted only\n" +
			"if it is a save. Each file deleted is printed.",
		Args: minArgs(1, "at least one save file or name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := saves.Open(dir)
			if err != nil {
				return err
			}
			failed := false
			for _, ref := range args {
				removed, err := st.Delete(ref)
				for _, p := range removed {
					fmt.Fprintf(cmd.OutOrStdout(), "deleted %s\n", printable(p))
				}
				if err != nil {
					failed = true
					fmt.Fprintln(cmd.ErrOrStderr(), printable(err.Error()))
				}
			}
			if failed {
				return exitError(exitFailure)
			}
			return nil
		},
	}
	saveDirFlag(cmd, &dir)
	return cmd
}

// relative shows a save's path relative to the store when it is in it.
func relative(st *saves.Store, path string) string {
	if rel, err := filepath.Rel(st.Dir, path); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return path
}

// where says where a game stands: its turn and phase, or that it is over.
func where(s *saves.Save) string {
	switch s.Phase() {
	case game.Setup:
		return "not started"
	case game.GameOver:
		return fmt.Sprintf("over (turn %d)", s.Turn())
	}
	return fmt.Sprintf("turn %d, %s", s.Turn(), s.Phase())
}

// players lists who played each seat: "us Ada (human), prc hawk@hard".
func players(s *saves.Save) string {
	parts := make([]string, len(s.Seats))
	for i, seat := range s.Seats {
		if seat.Person != "" {
			parts[i] = fmt.Sprintf("%s %s (%s)", seat.Seat, seat.Person, seat.Player)
		} else {
			parts[i] = seat.Seat + " " + seat.Player
		}
	}
	return printable(strings.Join(parts, ", "))
}

// printable writes control characters of text from a file (escape
// sequences) as visible escapes.
func printable(s string) string { return safetext.Escape(s, false) }

// writeSavesTable prints one row per save and, under it, who played each
// seat (too long for a column).
func writeSavesTable(w io.Writer, st *saves.Store, entries []saves.Entry) error {
	if len(entries) == 0 {
		_, err := fmt.Fprintf(w, "no saves in %s\n", printable(st.Dir))
		return err
	}
	rows := [][]string{{"NAME", "SCENARIO", "WHERE", "SAVED", "KIND", "FILE"}}
	var under []string
	for _, e := range entries {
		file := printable(relative(st, e.Path))
		if e.Err != nil {
			rows = append(rows, []string{"(unreadable)", "", "", "", string(e.Kind), file})
			under = append(under, printable(strings.TrimPrefix(e.Err.Error(), e.Path+": ")))
			continue
		}
		s := e.Save
		name := s.Name
		if name == "" {
			name = "(unnamed)"
		}
		rows = append(rows, []string{printable(name), printable(s.Copy.ID), where(s),
			s.Updated.Local().Format("2006-01-02 15:04"), string(e.Kind), file})
		under = append(under, players(s))
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "saves in %s\n\n", printable(st.Dir))
	for k, r := range rows {
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		b.WriteString("\n")
		if k > 0 {
			b.WriteString("  " + under[k-1] + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// savedJSON is one save in `saves list --json`; a file that could not be
// read has only file, kind and error.
type savedJSON struct {
	File  string     `json:"file"`
	Kind  saves.Kind `json:"kind"`
	Error string     `json:"error,omitempty"`
	*gameJSON
}

type gameJSON struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Scenario string        `json:"scenario"`
	Turn     int           `json:"turn"`
	Phase    string        `json:"phase"`
	Over     bool          `json:"over"`
	Commands int           `json:"commands"`
	Seats    []saves.Seat  `json:"seats"`
	Created  time.Time     `json:"created"`
	Updated  time.Time     `json:"updated"`
	Program  string        `json:"program"`
	Branch   *saves.Branch `json:"branch,omitempty"`
}

func writeSavesJSON(w io.Writer, st *saves.Store, entries []saves.Entry) error {
	out := make([]savedJSON, 0, len(entries))
	for _, e := range entries {
		j := savedJSON{File: e.Path, Kind: e.Kind}
		if e.Err != nil {
			j.Error = strings.TrimPrefix(e.Err.Error(), e.Path+": ")
		} else {
			s := e.Save
			j.gameJSON = &gameJSON{
				ID: s.ID, Name: s.Name, Scenario: s.Copy.ID, Turn: s.Turn(), Phase: s.Phase().String(),
				Over: s.Phase() == game.GameOver, Commands: len(s.Commands), Seats: s.Seats,
				Created: s.Created, Updated: s.Updated, Program: s.Program, Branch: s.BranchedFrom,
			}
		}
		out = append(out, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeSimSave writes the game of a one-game sim run as a save, with each
// seat's player as the run named it.
func writeSimSave(path, scenario string, res *sim.Result) error {
	if res.Log == nil {
		return errors.New("no game log to save")
	}
	src, err := content.ResolveSource(scenario)
	if err != nil {
		return fmt.Errorf("--save: %w", err)
	}
	seats := make([]saves.Seat, len(res.Seats))
	for i, s := range res.Seats {
		seats[i] = saves.Seat{Seat: s.Seat, Player: s.Player}
	}
	s, err := saves.FromLog(src, *res.Log, seats)
	if err != nil {
		return fmt.Errorf("--save %s: %w", path, err)
	}
	// The file's name is the name its author gave the game.
	s.Name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return saves.WriteFile(path, s)
}
