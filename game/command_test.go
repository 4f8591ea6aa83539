package game_test

import (
	"encoding/json"
	"testing"

	. "github.com/chokepoint-game/chokepoint/game"
)

func TestCommandJSONRoundTrip(t *testing.T) {
	c := Command{Kind: CmdRespond, Seat: "prc", Deal: 3, Answer: Counter, Proposal: &Proposal{
		Title: "Calm", Parties: []string{"us"}, Duration: 2, Visibility: Secret,
		Clauses: []ClauseSpec{{Lever: "licensing", Bound: AtMost, Actor: "prc", Target: "us", Level: "general"}},
	}}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeCommand(b)
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := json.Marshal(back)
	if string(b) != string(b2) {
		t.Fatalf("round trip changed the command:\n%s\n%s", b, b2)
	}
}

func TestDecodeCommandRefuses(t *testing.T) {
	for _, in := range []string{
		``, `{`, `[]`, `{"kind":"fly","seat":"us"}`, `{"kind":"ready","seat":"us","colour":"red"}`,
		`{"kind":"ready","seat":"us"} {"kind":"ready"}`, `{"kind":"respond","answer":"maybe"}`,
		`{"kind":"propose","proposal":{"visibility":"whispered"}}`, `{"kind":"propose","proposal":{"clauses":[{"kind":"gift"}]}}`,
	} {
		if _, err := DecodeCommand([]byte(in)); err == nil {
			t.Errorf("DecodeCommand(%q) accepted", in)
		}
	}
}

// FuzzDecodeCommand feeds arbitrary bytes to the command decoder and any
// command it accepts to the engine: neither may panic, and a refused
// command leaves the state alone.
func FuzzDecodeCommand(f *testing.F) {
	for _, s := range []string{
		`{"kind":"ready","seat":"us"}`,
		`{"kind":"start","seat":"facilitator"}`,
		`{"kind":"propose","seat":"us","proposal":{"title":"Calm","parties":["prc"],"duration":2,"visibility":"secret","clauses":[{"lever":"tariff","bound":"at-most","actor":"us","target":"prc","level":"10"}]}}`,
		`{"kind":"respond","seat":"prc","deal":1,"answer":"accept"}`,
		`{"kind":"submit","seat":"us","orders":[{"lever":"tariff","towards":"prc","level":"100"}]}`,
		`{"kind":"inject","seat":"facilitator","text":"Flood","effects":[{"seat":"all","indicator":"economy","add":-2}]}`,
		`{"kind":"override","seat":"facilitator","target":"us","indicator":"tech","value":50,"text":"why"}`,
		`{"kind":"message","seat":"us","to":["eu"],"text":"hello"}`,
	} {
		f.Add([]byte(s))
	}
	sc := tinyScenario()
	if errs := sc.Validate(); errs != nil {
		f.Fatal(errs)
	}
	base, _ := NewGame(sc, 1)
	started, _, _ := Apply(base, Command{Kind: CmdStart, Seat: FacilitatorID})
	neg, _, _ := Apply(started, Command{Kind: CmdAdvance, Seat: FacilitatorID})
	ord, _, _ := Apply(neg, Command{Kind: CmdAdvance, Seat: FacilitatorID})
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeCommand(data)
		if err != nil {
			return
		}
		for _, st := range []State{base, started, neg, ord} {
			before := Hash(st)
			next, _, err := Apply(st, c)
			if err != nil && Hash(next) != before {
				t.Fatal("a refused command changed the state")
			}
			if err == nil {
				if err := checkInvariants(&next); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}
