package ai_test

import (
	"errors"
	"testing"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// The player grammar, once, with every example the README gives.
func TestPlayerGrammar(t *testing.T) {
	good := map[string]ai.PlayerSpec{
		"human":                      {Human: true},
		"passive":                    {Player: "passive"},
		"hawk":                       {Player: "hawk"},
		"opportunist@hard":           {Player: "opportunist", Difficulty: "hard"},
		"tit-for-tat@easy":           {Player: "tit-for-tat", Difficulty: "easy"},
		"personality:my.yaml":        {Player: "personality:my.yaml"},
		"personality:my.yaml@normal": {Player: "personality:my.yaml", Difficulty: "normal"},
		"playbook:embargo":           {Player: "playbook:embargo"},
		"playbook:plans/pb.yaml":     {Player: "playbook:plans/pb.yaml"},
		" hawk ":                     {Player: "hawk"},
	}
	for in, want := range good {
		got, err := ai.ParsePlayer(in)
		if err != nil || got != want {
			t.Errorf("ParsePlayer(%q) = %+v, %v; want %+v", in, got, err, want)
		}
		if err == nil {
			back, err := ai.ParsePlayer(got.String())
			if err != nil || back != got {
				t.Errorf("%q does not round-trip through %q", in, got.String())
			}
		}
	}
	for _, in := range []string{"", "hawk@", "hawk@brutal", "@hard", "human@hard", "passive@hard", "playbook:", "personality:", "personality:@easy"} {
		if _, err := ai.ParsePlayer(in); !errors.Is(err, ai.ErrPlayerSyntax) {
			t.Errorf("ParsePlayer(%q): %v, want a syntax error", in, err)
		}
	}
}

func TestParseSeats(t *testing.T) {
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	ps := sc.Public()
	def := ai.PlayerSpec{Player: "passive"}
	specs, err := ai.ParseSeats(ps, []string{"prc=playbook:embargo,all=opportunist@hard", "us=hawk"}, def)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"us": "hawk", "prc": "playbook:embargo", "eu": "opportunist@hard", "india": "opportunist@hard"}
	for i, s := range ps.Seats {
		if w, ok := want[s.ID]; ok && specs[i].String() != w {
			t.Errorf("%s plays %s, want %s", s.ID, specs[i], w)
		}
	}
	specs, err = ai.ParseSeats(ps, nil, def)
	if err != nil || specs[0] != def {
		t.Errorf("no values: %v %v", specs, err)
	}
	for _, bad := range [][]string{{"mars=hawk"}, {"us=hawk,us=dove"}, {"us"}, {"=hawk"}, {"us=hawk@"}, {"all=hawk,all=dove"}} {
		if _, err := ai.ParseSeats(ps, bad, def); !errors.Is(err, ai.ErrPlayerSyntax) {
			t.Errorf("ParseSeats(%q): %v, want a syntax error", bad, err)
		}
	}
}

// The resolver turns every grammar form into a player, and refuses names
// nothing answers to.
func TestPlayersResolve(t *testing.T) {
	sc, err := content.Get("rare-earth-card")
	if err != nil {
		t.Fatal(err)
	}
	r := content.NewPlayers(sc)
	for _, in := range []string{"passive", "hawk", "opportunist@hard", "playbook:embargo"} {
		spec, err := ai.ParsePlayer(in)
		if err != nil {
			t.Fatal(err)
		}
		mk, name, err := r.Player(1, spec, ai.Normal)
		if err != nil || mk == nil || mk(1) == nil || name == "" {
			t.Errorf("%s: %v", in, err)
		}
	}
	for _, in := range []string{"nobody", "playbook:no-such-book"} {
		spec, _ := ai.ParsePlayer(in)
		if _, _, err := r.Player(1, spec, ai.Normal); err == nil {
			t.Errorf("%s resolved", in)
		}
	}
	spec, _ := ai.ParsePlayer("nobody")
	_, _, err = r.Player(1, spec, ai.Normal)
	var pe *content.PlayerError
	if !errors.As(err, &pe) || !pe.Usage() || !errors.Is(err, content.ErrUnknownPlayer) {
		t.Errorf("an unknown player is not a usage mistake: %v", err)
	}
}
