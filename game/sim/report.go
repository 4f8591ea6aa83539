package sim

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteJSON writes the result as one indented JSON object. Maps are
// written with sorted keys, so the bytes depend only on the result.
func WriteJSON(w io.Writer, res *Result) error { return WriteJSONValue(w, res) }

// WriteJSONValue writes any result (a run's, a tournament's) as one
// indented JSON object.
func WriteJSONValue(w io.Writer, res any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

// WriteTable writes the result as tables for a person: the seats' scores
// and wins, the seats' final indicators, and the world at the end.
func WriteTable(w io.Writer, res *Result) error {
	var b strings.Builder
	last := GameSeed(res.Seed, res.Games-1)
	if res.Games == 1 {
		fmt.Fprintf(&b, "%s: 1 game, seed %d\n\n", res.Scenario, res.Seed)
	} else {
		fmt.Fprintf(&b, "%s: %d games, seeds %d to %d\n\n", res.Scenario, res.Games, res.Seed, last)
	}

	seatW, playerW := len("seat"), len("player")
	for _, s := range res.Seats {
		seatW, playerW = max(seatW, len(s.Seat)), max(playerW, len(s.Player))
	}
	fmt.Fprintf(&b, "%-*s  %-*s  %8s  %6s  %8s %8s %8s %8s\n", seatW, "seat", playerW, "player", "wins", "win%", "score", "p10", "p50", "p90")
	for _, s := range res.Seats {
		fmt.Fprintf(&b, "%-*s  %-*s  %8s  %5.1f%%  %8.2f %8.2f %8.2f %8.2f\n", seatW, s.Seat, playerW, s.Player,
			trimFloat(s.Wins), 100*s.Wins/float64(res.Games), s.Score.Mean, s.Score.P10, s.Score.P50, s.Score.P90)
	}

	fmt.Fprintf(&b, "\nfinal indicators, mean over the games\n%-*s", seatW, "seat")
	var inds []string
	for _, n := range res.Indicators {
		if n != "score" {
			inds = append(inds, n)
			fmt.Fprintf(&b, "  %9s", n)
		}
	}
	b.WriteByte('\n')
	for _, s := range res.Seats {
		fmt.Fprintf(&b, "%-*s", seatW, s.Seat)
		for _, n := range inds {
			fmt.Fprintf(&b, "  %9.2f", s.Final[n].Mean)
		}
		b.WriteByte('\n')
	}

	worldW := len("world")
	for _, n := range res.WorldNames {
		worldW = max(worldW, len(n))
	}
	fmt.Fprintf(&b, "\n%-*s  %8s %8s %8s %8s\n", worldW, "world", "mean", "p10", "p50", "p90")
	for _, n := range res.WorldNames {
		s := res.World[n]
		fmt.Fprintf(&b, "%-*s  %8.3f %8.3f %8.3f %8.3f\n", worldW, n, s.Mean, s.P10, s.P50, s.P90)
	}
	if res.Refused > 0 {
		fmt.Fprintf(&b, "\nthe engine refused %d commands from the players\n", res.Refused)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// trimFloat writes a win count: whole when it is, else to two places
// (ties share wins).
func trimFloat(x float64) string {
	s := fmt.Sprintf("%.2f", x)
	return strings.TrimSuffix(s, ".00")
}
