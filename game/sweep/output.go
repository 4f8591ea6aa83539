package sweep

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"

	"github.com/chokepoint-game/chokepoint/game/sim"
)

// WriteJSON writes the result as one indented JSON object; maps have
// sorted keys, so the bytes depend only on the result.
func WriteJSON(w io.Writer, r *Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteCSV writes one row per point: the point's number and values, each
// seat's win share and score (mean, 10th, 50th, 90th percentiles), each
// seat's other indicators at the end, the world's, and the commands the
// engine refused. Numbers are written in the fewest digits that read back
// exactly.
func WriteCSV(w io.Writer, r *Result) error {
	cw := csv.NewWriter(w)
	head := []string{"point"}
	for _, d := range r.Dims {
		head = append(head, d.Name)
	}
	stats := []string{"mean", "p10", "p50", "p90"}
	for _, s := range r.Seats {
		head = append(head, s+".win-share")
		for _, st := range stats {
			head = append(head, s+".score."+st)
		}
	}
	var inds []string
	for _, n := range r.Indicators {
		if n != "score" {
			inds = append(inds, n)
		}
	}
	for _, s := range r.Seats {
		for _, n := range inds {
			for _, st := range stats {
				head = append(head, s+"."+n+"."+st)
			}
		}
	}
	for _, n := range r.World {
		for _, st := range stats {
			head = append(head, "world."+n+"."+st)
		}
	}
	head = append(head, "refused")
	if err := cw.Write(head); err != nil {
		return err
	}
	row := make([]string, 0, len(head))
	num := func(x float64) { row = append(row, strconv.FormatFloat(x, 'g', -1, 64)) }
	sum := func(s sim.Summary) { num(s.Mean); num(s.P10); num(s.P50); num(s.P90) }
	for i := range r.Points {
		p := &r.Points[i]
		row = append(row[:0], strconv.Itoa(p.Point))
		for _, v := range p.Values {
			switch v := v.(type) {
			case float64:
				num(v)
			case string:
				row = append(row, v)
			}
		}
		for _, s := range p.Seats {
			num(s.WinShare)
			sum(s.Score)
		}
		for _, s := range p.Seats {
			for _, n := range inds {
				sum(s.Final[n])
			}
		}
		for _, n := range r.World {
			sum(p.World[n])
		}
		row = append(row, strconv.Itoa(p.Refused))
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
