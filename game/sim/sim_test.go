package sim_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/game/sim"
)

func scenario(t testing.TB, id string) *game.Scenario {
	t.Helper()
	sc, err := content.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// seats gives every seat the passive player except those in playbooks,
// which play the shipped playbook named.
func seats(t testing.TB, sc *game.Scenario, playbooks map[string]string) []sim.SeatPlayer {
	t.Helper()
	out := make([]sim.SeatPlayer, len(sc.Seats))
	for i, s := range sc.Seats {
		name, ok := playbooks[s.ID]
		if !ok {
			out[i] = sim.SeatPlayer{Name: "passive", New: func() ai.Player { return ai.Passive{} }}
			continue
		}
		pf, err := content.GetPlaybook(name)
		if err != nil {
			t.Fatal(err)
		}
		newPlayer, err := pf.Player(sc, s.ID, "playbook:"+name)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = sim.SeatPlayer{Name: "playbook:" + name, New: newPlayer}
	}
	return out
}

func players(sps []sim.SeatPlayer) []ai.Player {
	out := make([]ai.Player, len(sps))
	for i, sp := range sps {
		out[i] = sp.New()
	}
	return out
}

// runBytes runs the simulator and returns its JSON and its trace.
func runBytes(t *testing.T, cfg sim.Config) (jsonOut, trace []byte) {
	t.Helper()
	var tr, js bytes.Buffer
	cfg.Trace = &tr
	res, err := sim.Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.WriteJSON(&js, res); err != nil {
		t.Fatal(err)
	}
	return js.Bytes(), tr.Bytes()
}

func TestDeterministicWhateverTheWorkers(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	cfg := sim.Config{Scenario: sc, Games: 12, Seed: 42, Seats: seats(t, sc, map[string]string{"prc": "embargo-from-3", "japan": "allied-investment"})}
	var firstJSON, firstTrace []byte
	for _, workers := range []int{1, 2, 4} {
		cfg.Workers = workers
		js, tr := runBytes(t, cfg)
		if firstJSON == nil {
			firstJSON, firstTrace = js, tr
			continue
		}
		if !bytes.Equal(js, firstJSON) {
			t.Errorf("%d workers: the JSON differs from 1 worker's", workers)
		}
		if !bytes.Equal(tr, firstTrace) {
			t.Errorf("%d workers: the trace differs from 1 worker's", workers)
		}
	}
	// The same game alone, by its seed, is the same game.
	one := cfg
	one.Games, one.Seed, one.Workers = 1, sim.GameSeed(42, 5), 1
	_, tr := runBytes(t, one)
	var fifth []string
	for line := range strings.Lines(string(firstTrace)) {
		if strings.HasPrefix(line, `{"game":5,`) {
			fifth = append(fifth, strings.Replace(line, `{"game":5,`, `{"game":0,`, 1))
		}
	}
	if got := strings.Join(fifth, ""); got != string(tr) || got == "" {
		t.Errorf("game 5 of the run and a run of its seed alone differ")
	}
}

// result mirrors the JSON the simulator promises; decoding with unknown
// fields refused checks that nothing else is there.
type result struct {
	Scenario string                    `json:"scenario"`
	Games    *int                      `json:"games"`
	Seed     *uint64                   `json:"seed"`
	Seats    []seatResult              `json:"seats"`
	World    map[string]map[string]any `json:"world"`
	Refused  *int                      `json:"refused"`
}

type seatResult struct {
	Seat   string                    `json:"seat"`
	Player string                    `json:"player"`
	Wins   *float64                  `json:"wins"`
	Score  map[string]any            `json:"score"`
	Final  map[string]map[string]any `json:"final"`
}

var summaryKeys = []string{"mean", "p10", "p50", "p90"}

func checkSummary(t *testing.T, what string, m map[string]any) {
	t.Helper()
	keys := make([]string, 0, len(m))
	for k, v := range m {
		keys = append(keys, k)
		if _, ok := v.(float64); !ok {
			t.Errorf("%s.%s = %v, not a number", what, k, v)
		}
	}
	slices.Sort(keys)
	if !slices.Equal(keys, summaryKeys) {
		t.Errorf("%s has keys %v, want %v", what, keys, summaryKeys)
	}
}

func TestJSONSchema(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	js, _ := runBytes(t, sim.Config{Scenario: sc, Games: 3, Seed: 7, Workers: 2, Seats: seats(t, sc, map[string]string{"prc": "embargo"})})
	dec := json.NewDecoder(bytes.NewReader(js))
	dec.DisallowUnknownFields()
	var r result
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("decoding the JSON: %v\n%s", err, js)
	}
	if dec.More() {
		t.Errorf("more than one JSON value")
	}
	if r.Scenario != "rare-earth-card" || r.Games == nil || *r.Games != 3 || r.Seed == nil || *r.Seed != 7 || r.Refused == nil {
		t.Errorf("header: %+v", r)
	}
	if len(r.Seats) != len(sc.Seats) {
		t.Fatalf("%d seats, want %d", len(r.Seats), len(sc.Seats))
	}
	var wins float64
	for i, s := range r.Seats {
		if s.Seat != sc.Seats[i].ID || s.Player == "" || s.Wins == nil {
			t.Errorf("seat %d: %+v", i, s)
			continue
		}
		wins += *s.Wins
		checkSummary(t, s.Seat+".score", s.Score)
		ps := sc.Public()
		for _, ind := range ps.ReportOrder() {
			checkSummary(t, s.Seat+".final."+ps.Indicators[ind].Name, s.Final[ps.Indicators[ind].Name])
		}
		if len(s.Final) != len(ps.ReportOrder()) {
			t.Errorf("%s.final has %d indicators, want %d", s.Seat, len(s.Final), len(ps.ReportOrder()))
		}
	}
	if wins != 3 {
		t.Errorf("the seats' wins add up to %g, not the 3 games", wins)
	}
	if r.Seats[1].Player != "playbook:embargo" || r.Seats[0].Player != "passive" {
		t.Errorf("players: %q, %q", r.Seats[0].Player, r.Seats[1].Player)
	}
	for _, w := range sc.Public().World {
		checkSummary(t, "world."+w.Name, r.World[w.Name])
	}
	if len(r.World) != len(sc.Public().World) {
		t.Errorf("world has %d indicators, want %d", len(r.World), len(sc.Public().World))
	}
}

func TestTraceOrderAndFields(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	_, tr := runBytes(t, sim.Config{Scenario: sc, Games: 3, Seed: 1, Workers: 3, Turns: 4, Seats: seats(t, sc, nil)})
	var want []string
	for g := range 3 {
		for turn := 1; turn <= 4; turn++ {
			for _, s := range sc.Seats {
				want = append(want, strings.Join([]string{strconv.Itoa(g), strconv.Itoa(turn), s.ID}, "/"))
			}
		}
	}
	var names []string
	ps := sc.Public()
	for _, k := range ps.ReportOrder() {
		names = append(names, ps.Indicators[k].Name)
	}
	for _, w := range ps.World {
		names = append(names, w.Name)
	}
	var got []string
	sc2 := bufio.NewScanner(bytes.NewReader(tr))
	for sc2.Scan() {
		dec := json.NewDecoder(strings.NewReader(sc2.Text()))
		dec.UseNumber()
		var line map[string]any
		if err := dec.Decode(&line); err != nil {
			t.Fatalf("line %q: %v", sc2.Text(), err)
		}
		seat, _ := line["seat"].(string)
		got = append(got, strings.Join([]string{string(line["game"].(json.Number)), string(line["turn"].(json.Number)), seat}, "/"))
		for _, k := range names {
			if _, ok := line[k].(json.Number); !ok {
				t.Fatalf("line %q lacks %s", sc2.Text(), k)
			}
		}
		trust, ok := line["trust"].(map[string]any)
		if !ok || len(trust) != len(sc.Seats)-1 || trust[seat] != nil {
			t.Fatalf("line %q: trust should name every other seat", sc2.Text())
		}
		if n := 4 + len(names); len(line) != n {
			t.Fatalf("line %q has %d fields, want %d", sc2.Text(), len(line), n)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("trace order:\n got %v\nwant %v", got, want)
	}
}

// The embargo playbook leaves the PRC's licensing towards the US, the EU
// and Japan at deny at the end of the game, and keeps the rest as the
// scenario set it.
func TestEmbargoPlaybookDenies(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	g, err := sim.Play(sc, 3, players(seats(t, sc, map[string]string{"prc": "embargo"})), 0)
	if err != nil {
		t.Fatal(err)
	}
	if g.State.Phase != game.GameOver {
		t.Fatalf("the game stopped in %s", g.State.Phase)
	}
	v := game.ViewFor(g.State, game.Omniscient)
	prc, _ := sc.SeatIndex("prc")
	l, _ := sc.LeverIndex("licensing")
	deny, _ := sc.LevelIndex(l, "deny")
	for _, id := range []string{"us", "eu", "japan"} {
		to, _ := sc.SeatIndex(id)
		if got := int(v.Seats[prc].Policy[l][to]); got != deny {
			t.Errorf("PRC licensing towards %s is %s, want deny", id, sc.Levers[l].Levels[got].ID)
		}
	}
	to, _ := sc.SeatIndex("india")
	if int(v.Seats[prc].Policy[l][to]) == deny {
		t.Errorf("the embargo reached India")
	}
	if g.Refused != 0 {
		t.Errorf("%d commands refused", g.Refused)
	}
}

// A playbook from turn 3 leaves turns 1 and 2 alone.
func TestEmbargoFromTurn3(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	var tr bytes.Buffer
	cfg := sim.Config{Scenario: sc, Games: 1, Seed: 9, Workers: 1, Turns: 3, Trace: &tr, KeepLog: true,
		Seats: seats(t, sc, map[string]string{"prc": "embargo-from-3"})}
	res, err := sim.Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var submits []int
	for _, c := range res.Log.Commands {
		if c.Kind == game.CmdSubmit {
			submits = append(submits, len(c.Orders))
		}
	}
	if !slices.Equal(submits, []int{3}) {
		t.Errorf("the PRC submitted orders %v times (by count of orders), want once with 3 orders in 3 turns", submits)
	}
}

func TestTurnsEndsEarly(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	g, err := sim.Play(sc, 1, players(seats(t, sc, nil)), 2)
	if err != nil {
		t.Fatal(err)
	}
	if g.State.Phase != game.GameOver || g.State.Turn != 2 || !strings.Contains(g.State.Ended, "after turn 2") {
		t.Errorf("phase %s, turn %d, ended %q", g.State.Phase, g.State.Turn, g.State.Ended)
	}
}

// The log of a played game replays to the same state.
func TestLogReplays(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	g, err := sim.Play(sc, 11, players(seats(t, sc, map[string]string{"prc": "embargo", "us": "tariff-escalation-us"})), 0)
	if err != nil {
		t.Fatal(err)
	}
	st, err := game.Replay(sc, g.Log, nil)
	if err != nil {
		t.Fatal(err)
	}
	if game.Hash(st) != game.Hash(g.State) {
		t.Errorf("the replayed game differs from the one played")
	}
}

// clumsy gives orders it may not give: an unchecked player's refusals are
// counted, a checked player's stop the run.
type clumsy struct{ seat string }

func (clumsy) Name() string                  { return "clumsy" }
func (clumsy) Idle(p game.Phase, _ int) bool { return p != game.Orders }
func (c clumsy) Act(v *game.View) []game.Command {
	return []game.Command{{Kind: game.CmdSubmit, Seat: c.seat, Orders: []game.Order{{Lever: "licensing", Towards: "prc", Level: "deny"}}}}
}

type checkedClumsy struct{ clumsy }

func (checkedClumsy) CheckedCommands() {}

func TestRefusedCommands(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	sps := seats(t, sc, nil)
	sps[0] = sim.SeatPlayer{Name: "clumsy", New: func() ai.Player { return clumsy{"us"} }}
	res, err := sim.Run(sim.Config{Scenario: sc, Games: 2, Seed: 1, Workers: 2, Turns: 3, Seats: sps})
	if err != nil {
		t.Fatal(err)
	}
	if res.Refused != 2*3 {
		t.Errorf("refused %d, want one per turn of each game (6)", res.Refused)
	}
	sps[0] = sim.SeatPlayer{Name: "checked", New: func() ai.Player { return checkedClumsy{clumsy{"us"}} }}
	_, err = sim.Run(sim.Config{Scenario: sc, Games: 4, Seed: 1, Workers: 2, Seats: sps})
	var re *sim.RefusedError
	if !errors.As(err, &re) || !errors.Is(err, game.ErrLeverNotYours) || re.Game != 0 || re.Seat != "us" || re.Turn != 1 {
		t.Errorf("checked player's refusal: %v", err)
	}
	// A command in another seat's name is refused too.
	sps[0] = sim.SeatPlayer{Name: "impostor", New: func() ai.Player { return clumsy{"prc"} }}
	if res, err := sim.Run(sim.Config{Scenario: sc, Games: 1, Seed: 1, Turns: 1, Seats: sps}); err != nil || res.Refused != 1 {
		t.Errorf("impostor: refused %v, err %v", res, err)
	}
}

func TestConfigErrors(t *testing.T) {
	sc := scenario(t, "rare-earth-card")
	for _, cfg := range []sim.Config{
		{Scenario: sc, Games: 0, Seats: seats(t, sc, nil)},
		{Scenario: sc, Games: 1, Seats: seats(t, sc, nil)[:2]},
		{Scenario: &game.Scenario{}, Games: 1},
		{Scenario: sc, Games: 1, Turns: -1, Seats: seats(t, sc, nil)},
	} {
		var ce *sim.ConfigError
		if _, err := sim.Run(cfg); !errors.As(err, &ce) {
			t.Errorf("%+v: err %v, want a ConfigError", cfg, err)
		}
	}
}
