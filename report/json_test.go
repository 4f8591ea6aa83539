package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/report"
)

// decodeStrict decodes a JSON report into the documented struct,
// refusing any field the struct does not have and anything after it.
func decodeStrict(t *testing.T, data []byte) report.Document {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var d report.Document
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("the report does not decode into the documented shape: %v", err)
	}
	if dec.More() {
		t.Fatal("data after the report")
	}
	return d
}

// TestJSONMatchesTheDocumentedShape: the fixed game's JSON report
// decodes strictly into report.Document, with every required field
// present and consistent: the series as long as the points, every seat
// named by a known id, every list a list (never null).
func TestJSONMatchesTheDocumentedShape(t *testing.T) {
	r := fixedReport(t)
	var buf bytes.Buffer
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("null")) {
		t.Error("the report holds a null: every list must be a list")
	}
	d := decodeStrict(t, buf.Bytes())
	if d.Format != report.DocumentFormat || d.Version != report.DocumentVersion {
		t.Errorf("format %q version %d", d.Format, d.Version)
	}
	g := d.Game
	if g.Scenario != fixedScenario || g.Title == "" || g.Seed != fixedSeed || g.Turns == 0 || g.LastTurn != g.Turns || g.Ended == "" || g.Name != "fixed" {
		t.Errorf("game %+v", g)
	}
	seats := map[string]bool{}
	for _, s := range d.Seats {
		if s.ID == "" || s.Name == "" || s.Player == "" || !regexp.MustCompile(`^#[0-9a-f]{6}$`).MatchString(s.Colour) {
			t.Errorf("seat %+v", s)
		}
		seats[s.ID] = true
	}
	if len(seats) != len(r.Scenario.Seats) {
		t.Fatalf("%d seats for the scenario's %d", len(seats), len(r.Scenario.Seats))
	}
	known := func(what, id string) {
		if !seats[id] {
			t.Errorf("%s names seat %q", what, id)
		}
	}
	if len(d.Scores) != len(seats) {
		t.Errorf("%d scores", len(d.Scores))
	}
	for k, s := range d.Scores {
		known("a score", s.Seat)
		if s.Rank != k+1 || k > 0 && s.Points > d.Scores[k-1].Points {
			t.Errorf("score %d: %+v", k, s)
		}
		if s.HiddenSecrets != 0 {
			t.Errorf("%s has %d hidden secrets in the facilitator's report", s.Seat, s.HiddenSecrets)
		}
	}
	kinds := []string{"event", "inject", "proposed", "accepted", "rejected", "countered", "withdrawn", "in-force", "lapsed", "expired", "breached", "message", "chat", "facilitator", "model", "game-over"}
	seen := map[string]bool{}
	for k, tl := range d.Timeline {
		if k > 0 && tl.Turn <= d.Timeline[k-1].Turn || !regexp.MustCompile(`^\d{4}-\d{2}$`).MatchString(tl.Date) {
			t.Errorf("timeline turn %d (%s) after %d", tl.Turn, tl.Date, d.Timeline[max(k-1, 0)].Turn)
		}
		for _, it := range tl.Items {
			if !slices.Contains(kinds, it.Kind) || it.Text == "" || it.Phase == "" {
				t.Errorf("item %+v", it)
			}
			if it.Seat != "" {
				known("an item", it.Seat)
			}
			seen[it.Kind] = true
		}
	}
	for _, k := range []string{"event", "proposed", "accepted", "in-force", "breached", "game-over"} {
		if !seen[k] {
			t.Errorf("no %s item in the fixed game's timeline", k)
		}
	}
	breaches := 0
	for _, dl := range d.Deals {
		known("a deal", dl.Proposer)
		if len(dl.Parties) < 2 || dl.Parties[0] != dl.Proposer || len(dl.Clauses) == 0 || dl.Summary == "" {
			t.Errorf("deal %+v", dl)
		}
		for _, b := range dl.Breaches {
			known("a breach", b.Seat)
			breaches++
			if slices.Contains(dl.KeptBy, b.Seat) {
				t.Errorf("deal %d: %s both broke and kept it", dl.ID, b.Seat)
			}
		}
		for _, k := range dl.KeptBy {
			if !slices.Contains(dl.Parties, k) || dl.Start == 0 {
				t.Errorf("deal %d: kept by %s, parties %v, start %d", dl.ID, k, dl.Parties, dl.Start)
			}
		}
	}
	if breaches == 0 {
		t.Error("the fixed game's deals show no breach")
	}
	if len(d.Behaviour) != len(seats) {
		t.Errorf("%d behaviours", len(d.Behaviour))
	}
	for _, b := range d.Behaviour {
		known("a behaviour", b.Seat)
		for name, tl := range map[string]report.TallyDoc{"cooperated": b.Cooperated, "retaliated": b.Retaliated, "forgave": b.Forgave, "exploited": b.Exploited, "breached": b.Breached} {
			n := 0
			for _, w := range tl.When {
				n += len(w.Towards)
				for _, o := range w.Towards {
					known("a behaviour's turn", o)
				}
			}
			if tl.Count > tl.Of || name != "breached" && n != tl.Count || tl.Of > 0 && tl.Rate != float64(tl.Count)/float64(tl.Of) {
				t.Errorf("%s %s: %+v", b.Seat, name, tl)
			}
		}
	}
	for _, s := range d.Swings {
		known("a swing", s.Seat)
		if len(s.Causes) == 0 || s.Turn < 1 {
			t.Errorf("swing %+v", s)
		}
	}
	want := len(d.Points)
	if d.FinalPoint {
		want++
	}
	if len(d.Indicators) != len(r.Seats) || len(d.World) != len(r.World) {
		t.Errorf("%d indicators and %d world indicators", len(d.Indicators), len(d.World))
	}
	for _, s := range append(slices.Clone(d.Indicators), d.World...) {
		if s.ID == "" || s.Title == "" || s.Scale == 0 {
			t.Errorf("series %+v", s)
		}
		for _, one := range s.Series {
			if len(one.Values) != want {
				t.Errorf("%s %s: %d values for %d points", s.ID, one.Seat, len(one.Values), want)
			}
		}
	}
	if len(d.Questions) == 0 {
		t.Error("no questions")
	}
}

// TestDocumentedExampleIsTheShape: the example in docs/report-format.md
// decodes strictly into report.Document, and names every field the
// report writes, so the page and the program cannot drift apart.
func TestDocumentedExampleIsTheShape(t *testing.T) {
	page, err := os.ReadFile("../docs/report-format.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```json\n(.*?)```").FindSubmatch(page)
	if m == nil {
		t.Fatal("docs/report-format.md has no JSON example")
	}
	decodeStrict(t, m[1])
	var example any
	if err := json.Unmarshal(m[1], &example); err != nil {
		t.Fatal(err)
	}
	r := fixedReport(t)
	var buf bytes.Buffer
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var actual any
	if err := json.Unmarshal(buf.Bytes(), &actual); err != nil {
		t.Fatal(err)
	}
	documented, written := shapes(paths(example, "")), shapes(paths(actual, ""))
	for p := range written {
		if !documented[p] {
			t.Errorf("the report writes %s, which the example in docs/report-format.md lacks", p)
		}
	}
	// Every field of the struct has a row or a place in the example.
	var missing []string
	for p := range documented {
		if !written[p] {
			missing = append(missing, p)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("the example has fields the fixed game's report never wrote: %s", strings.Join(missing, ", "))
	}
}

// sameShape names the fields that share a type, so that one example of
// the type documents them all: the five tallies, and the series of seats
// and of the world.
var sameShape = regexp.MustCompile(`\.(cooperated|retaliated|forgave|exploited|breached)\b|^\.(indicators|world)\b`)

func shapes(ps map[string]bool) map[string]bool {
	out := map[string]bool{}
	for p := range ps {
		out[sameShape.ReplaceAllString(p, ".<same>")] = true
	}
	return out
}

// paths lists every object key of a JSON value by its path, lists'
// elements taken together ("deals[].breaches[].seat").
func paths(v any, at string) map[string]bool {
	out := map[string]bool{}
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			p := at + "." + k
			out[p] = true
			for q := range paths(c, p) {
				out[q] = true
			}
		}
	case []any:
		for _, c := range x {
			for q := range paths(c, at+"[]") {
				out[q] = true
			}
		}
	}
	return out
}
