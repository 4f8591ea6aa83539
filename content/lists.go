package content

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WritePlaybookList prints the shipped playbooks as a table: name, the
// seat each was written for, and the first line of its description.
func WritePlaybookList(w io.Writer, entries []PlaybookEntry) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tSEAT\tDESCRIPTION")
	for _, e := range entries {
		if e.Err != nil {
			fmt.Fprintf(tw, "%s\t\t(does not load: %s)\n", e.Name, firstLine(e.Err.Error()))
			continue
		}
		seat := e.Seat
		if seat == "" {
			seat = "any"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", e.Name, seat, oneLine(e.Description))
	}
	return tw.Flush()
}

// WritePersonalityList prints the shipped personalities as a table: name
// and the first line of its description.
func WritePersonalityList(w io.Writer, entries []PersonalityEntry) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tDESCRIPTION")
	for _, e := range entries {
		if e.Err != nil {
			fmt.Fprintf(tw, "%s\t(does not load: %s)\n", e.Name, firstLine(e.Err.Error()))
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\n", e.Name, oneLine(e.Description))
	}
	return tw.Flush()
}

// oneLine is a description folded to one line for a table.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
