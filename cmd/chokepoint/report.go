package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chokepoint-game/chokepoint/report"
	"github.com/chokepoint-game/chokepoint/saves"
)

func newReportCmd() *cobra.Command {
	var dir, format, out string
	cmd := &cobra.Command{
		Use:   "report FILE|NAME",
		Short: "Write the after-action report of a saved game",
		Long: "Load a save (a file, or the name of a save in the save directory), check it\n" +
			"as `saves verify` does, and write its after-action report: final scores with\n" +
			"every objective (secret ones revealed), the timeline of each turn, the deal\n" +
			"ledger, each seat's behaviour (how often it cooperated, retaliated, forgave,\n" +
			"exploited and breached), the causes of each seat's biggest moves, every\n" +
			"indicator over the game and the questions for discussion.\n\n" +
			"--format md (Markdown, the default), html (one self-contained page with a\n" +
			"chart per indicator; it opens offline and prints) or json (the shape in\n" +
			"docs/report-format.md). Without --format, an -o name ending in .html, .htm\n" +
			"or .json picks the format. The report goes to standard output, or to -o OUT,\n" +
			"written whole or not at all.",
		Example: "  chokepoint report my-game --format html -o my-game.html\n" +
			"  chokepoint report game.json --format json | jq .behaviour",
		Args: exactArgs(1, "one save file or name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := reportFormat(cmd, format, out)
			if err != nil {
				return err
			}
			// An output that cannot be written is found before the work.
			if out != "" {
				if err := checkOutput(out); err != nil {
					return err
				}
			}
			st, err := saves.Open(dir)
			if err != nil {
				return err
			}
			path, err := st.Find(args[0])
			if err != nil {
				return err
			}
			if out != "" && sameFile(out, path) {
				return fmt.Errorf("%s: is the save the report is of; -o takes another name", out)
			}
			s, err := saves.Load(path)
			if err != nil {
				return err
			}
			r, err := report.FromSave(s)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			var buf bytes.Buffer
			if err := r.Write(&buf, f); err != nil {
				return err
			}
			if out == "" {
				_, err := cmd.OutOrStdout().Write(buf.Bytes())
				return err
			}
			return writeOutput(out, buf.Bytes())
		},
	}
	saveDirFlag(cmd, &dir)
	cmd.Flags().StringVar(&format, "format", "", "`FORMAT` of the report: md, html or json (default md, or from the -o name)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the report to `FILE` instead of standard output")
	return cmd
}

// reportFormat reads --format, or guesses it from the output's name.
func reportFormat(cmd *cobra.Command, format, out string) (report.Format, error) {
	if format == "" {
		switch strings.ToLower(filepath.Ext(out)) {
		case ".html", ".htm":
			return report.HTML, nil
		case ".json":
			return report.JSON, nil
		}
		return report.Markdown, nil
	}
	for _, f := range report.Formats {
		if string(f) == format {
			return f, nil
		}
	}
	if format == "markdown" {
		return report.Markdown, nil
	}
	return "", usagef(cmd, "--format must be md, html or json, not %q", format)
}

// checkOutput refuses an output that is a directory, or in a directory
// that does not exist or cannot be written to.
func checkOutput(out string) error {
	fi, err := os.Stat(out)
	switch {
	case err == nil && fi.IsDir():
		return fmt.Errorf("%s: is a directory; -o takes the name of the report file", out)
	case err == nil || errors.Is(err, fs.ErrNotExist):
	default:
		return fmt.Errorf("%s: cannot write the report: %v", out, plainErr(err))
	}
	d := filepath.Dir(out)
	di, err := os.Stat(d)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: cannot write the report: there is no directory %s", out, d)
	case err != nil:
		return fmt.Errorf("%s: cannot write the report: %s: %v", out, d, plainErr(err))
	case !di.IsDir():
		return fmt.Errorf("%s: cannot write the report: %s is not a directory", out, d)
	}
	return nil
}

// writeOutput writes the report whole: into a temporary file beside out,
// renamed over it once complete, so that a failure leaves no half report
// and an earlier one as it was. An existing output that is not a regular
// file (a terminal, a pipe: /dev/stdout) is written to directly.
func writeOutput(out string, data []byte) error {
	if fi, err := os.Stat(out); err == nil && !fi.Mode().IsRegular() {
		f, err := os.OpenFile(out, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("%s: cannot write the report: %v", out, plainErr(err))
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("%s: cannot write the report: %v", out, plainErr(err))
		}
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return fmt.Errorf("%s: cannot write the report: %v", out, plainErr(err))
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// A report is for people to read and share: the usual mode, not
		// CreateTemp's private one.
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: cannot write the report: %v", out, plainErr(err))
	}
	return nil
}

// sameFile reports whether two paths name one existing file.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// plainErr is an error from the os package without the path it repeats.
func plainErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
