package content

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// manyKeys is a megabyte of top-level keys separated from their values
// by tabs, which a count of "key: " once missed.
func manyKeys() []byte {
	var b strings.Builder
	for i := 0; b.Len() < MaxFileSize-32; i++ {
		fmt.Fprintf(&b, "k%d:\t1\n", i)
	}
	return []byte(b.String())
}

// aliasedText is a file under the size limit whose one long text,
// aliased two thousand times, expands to 400 MB.
func aliasedText() []byte {
	var b strings.Builder
	b.WriteString("title: &t " + strings.Repeat("x", 200_000) + "\ndebrief:\n")
	for range 2000 {
		b.WriteString("  - *t\n")
	}
	return []byte(b.String())
}

// textFields lists every place a text can stand in a file read into type
// t, by reflection over the type: the YAML of a document that reaches
// it (with the value written as %s) and its path. Map keys are texts
// too. readerShapes says what a type that reads itself looks like in
// YAML; a new such type without an entry fails the test.
func textFields(t *testing.T, typ reflect.Type, path, doc string, out *[][2]string, depth int) {
	t.Helper()
	if depth > 8 {
		return
	}
	if shape, ok := readerShapes[typ]; ok {
		typ = shape
	} else if reads(typ) {
		t.Fatalf("%s reads itself: say in readerShapes what its YAML looks like", typ)
	}
	switch typ.Kind() {
	case reflect.Pointer:
		textFields(t, typ.Elem(), path, doc, out, depth)
	case reflect.String:
		*out = append(*out, [2]string{path, doc})
	case reflect.Struct:
		for name, f := range fieldsOf(typ) {
			textFields(t, f.typ, path+"."+name, fmt.Sprintf(doc, "{"+name+": %s}"), out, depth+1)
		}
	case reflect.Slice:
		textFields(t, typ.Elem(), path+"[0]", fmt.Sprintf(doc, "[%s]"), out, depth+1)
	case reflect.Map:
		*out = append(*out, [2]string{path, fmt.Sprintf(doc, "{%s: 1}")})
		textFields(t, typ.Elem(), path+".k", fmt.Sprintf(doc, "{k: %s}"), out, depth+1)
	}
}

var readerShapes = map[reflect.Type]reflect.Type{
	reflect.TypeFor[answersDoc]():       reflect.TypeFor[[]answerDoc](),
	reflect.TypeFor[given[filterDoc]](): reflect.TypeFor[filterDoc](),
	reflect.TypeFor[given[string]]():    reflect.TypeFor[string](),
}

// Every text field of a scenario, a playbook and a personality refuses
// terminal escapes, a carriage return and a bidirectional override, and
// takes a line break only where text runs over lines; a problem's
// message never carries the raw bytes.
func TestEveryTextRefusesControlCharacters(t *testing.T) {
	kinds := []struct {
		name string
		typ  reflect.Type
		load func([]byte) error
	}{
		{"scenario", reflect.TypeFor[game.Scenario](), func(b []byte) error { _, err := Load("x.yaml", b); return err }},
		{"playbook", playbookDocType, func(b []byte) error { _, err := LoadPlaybook("x.yaml", b); return err }},
		{"personality", personalityType, func(b []byte) error { _, err := LoadPersonality("x.yaml", b); return err }},
	}
	for _, k := range kinds {
		var fields [][2]string
		textFields(t, k.typ, "$", "%s", &fields, 0)
		t.Logf("%s: %d places for text", k.name, len(fields))
		if len(fields) < 10 {
			t.Fatalf("%s: only %d text fields found", k.name, len(fields))
		}
		for _, f := range fields {
			path, doc := f[0], f[1]
			for _, bad := range []string{`"\e]0;PWNED\a\e[2J\e[31mRED"`, `"US\rPRC"`, `"a\u202eb"`, `"\x9b31m"`} {
				err := k.load([]byte(fmt.Sprintf(doc, bad)))
				var ce *Error
				if !errors.As(err, &ce) {
					t.Fatalf("%s %s = %s: %v", k.name, path, bad, err)
				}
				if !slices.ContainsFunc(ce.Problems, func(p Problem) bool {
					return strings.Contains(p.Msg, "control character") && strings.HasPrefix(p.Path, path)
				}) {
					t.Errorf("%s %s = %s: no control character refused:\n%v", k.name, path, bad, err)
				}
				if strings.ContainsFunc(err.Error(), func(r rune) bool { return r != '\n' && safetext.Unsafe(r) }) {
					t.Errorf("%s %s: the message carries a raw control character: %q", k.name, path, err.Error())
				}
			}
			err := k.load([]byte(fmt.Sprintf(doc, `"two\nlines"`)))
			refused := err != nil && strings.Contains(err.Error(), "control character (line break")
			multi := strings.HasSuffix(path, ".briefing") || strings.HasSuffix(path, ".summary") ||
				strings.HasSuffix(path, ".help") || strings.HasSuffix(path, ".description") ||
				strings.HasSuffix(path, ".text") && !strings.Contains(path, "objectives")
			if refused == multi {
				t.Errorf("%s %s with a line break: refused %v, want %v", k.name, path, refused, !multi)
			}
		}
	}
}

// A leading byte-order mark, which editors on Windows write, is read past.
func TestByteOrderMark(t *testing.T) {
	if p := loadString(t, "\ufeff"+tiny); p != nil {
		t.Fatalf("a file with a BOM does not load:\n%v", (&Error{Problems: p}).Error())
	}
	got := loadString(t, "\ufeff"+strings.Replace(tiny, "turns: 4", "turns: four", 1))
	if len(got) != 1 || got[0].Line != 4 || got[0].Col != 8 {
		t.Fatalf("positions after a BOM: %v", (&Error{Problems: got}).Error())
	}
}

// A megabyte of keys is refused quickly, with the first hundred problems
// listed and the others counted.
func TestKeyFloodIsCapped(t *testing.T) {
	_, err := Load("keys.yaml", manyKeys())
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("want a *content.Error, got %v", err)
	}
	if len(ce.Problems) != MaxProblems || ce.Omitted < 100_000 {
		t.Fatalf("%d problems listed, %d omitted", len(ce.Problems), ce.Omitted)
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != MaxProblems+1 || !strings.HasPrefix(lines[MaxProblems], fmt.Sprintf("keys.yaml: and %d more problems", ce.Omitted)) {
		t.Fatalf("last lines: %q", lines[max(0, len(lines)-2):])
	}
	if !strings.HasPrefix(lines[0], `keys.yaml:1:1: k0: unknown field "k0"`) {
		t.Fatalf("first line: %q", lines[0])
	}
}

// Aliases cannot multiply text past the limit, whatever the count of
// values.
func TestAliasedTextIsBounded(t *testing.T) {
	_, err := Load("big.yaml", aliasedText())
	if err == nil || !strings.Contains(err.Error(), "aliases expand the scenario to more than 4 MiB of text") {
		t.Fatalf("got %v", err)
	}
}

// The messages the hardening review found imprecise, each as it should
// read.
func TestPreciseMessages(t *testing.T) {
	long := tiny + strings.Repeat("# a comment line to push the mistake down\n", 60) + "briefing: \"never closed\n" +
		strings.Repeat("more: text\n", 30)
	cases := []struct {
		name, src string
		want      string // one of the problems, printed
	}{
		{"an unclosed quote is placed at the quote", long,
			`t.yaml:85:11: found unexpected end of stream at line 116, scanning a quoted scalar that starts here`},
		{"a merge of the mapping that holds it", tiny + "world: &w {<<: *w}\n",
			`t.yaml:25:16: world: alias *w refers to a value that contains it`},
		{"a missing model kind", strings.Replace(tiny, "  kind: payoff-table\n", "", 1),
			`t.yaml:17:1: model.kind: is required (one of economy, payoff-table)`},
		{"a number too large", strings.Replace(tiny, "score: {us: 3, prc: 3}", "score: {us: 1e308, prc: 3}", 1),
			`t.yaml:21:47: model.payoffs[0].score.us: must be between -1000000 and 1000000, not 1e+308`},
		{"a number past float64", strings.Replace(tiny, "score: {us: 3, prc: 3}", "score: {us: 1e400, prc: 3}", 1),
			`t.yaml:21:47: model.payoffs[0].score.us: 1e400 is out of range`},
		{"a clock of three centuries", tiny + "negotiation: {clock-seconds: 9300000000}\n",
			`t.yaml:25:30: negotiation.clock-seconds: must be between 0 (no clock) and 86400 (a day), not 9300000000`},
		{"an unknown key holding escapes", tiny + "\"\\e]0;PWNED\\a\": 1\n",
			`t.yaml:25:1: a key contains a control character (ESC, U+001B) at character 1: text here may hold only printable characters`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load("t.yaml", []byte(c.src))
			if err == nil {
				t.Fatal("loaded")
			}
			if !slices.Contains(strings.Split(err.Error(), "\n"), c.want) {
				t.Fatalf("want the line\n%s\ngot\n%s", c.want, err)
			}
		})
	}
	// 29e0 is a number (29), in a number field and in a whole-number one.
	src := strings.Replace(tiny, "turns: 4", "turns: 4e0", 1)
	src = strings.Replace(src, "score: {us: 3, prc: 3}", "score: {us: 29e0, prc: 3}", 1)
	sc, err := Load("t.yaml", []byte(src))
	if err != nil {
		t.Fatalf("29e0 and 4e0: %v", err)
	}
	if sc.Turns != 4 || sc.Model.Payoffs[0].Score["us"] != 29 {
		t.Fatalf("turns %d, score %v", sc.Turns, sc.Model.Payoffs[0].Score["us"])
	}
	// Every kind names itself.
	for _, load := range []func([]byte) error{
		func(b []byte) error { _, err := LoadPlaybook("p.yaml", b); return err },
		func(b []byte) error { _, err := LoadPersonality("p.yaml", b); return err },
	} {
		err := load(make([]byte, MaxFileSize+1))
		if err == nil || strings.Contains(err.Error(), "scenario") {
			t.Errorf("a large playbook or personality: %v", err)
		}
	}
}

// A value of the wrong type does not hide the file's other mistakes, and
// its own field gets one message, not a second from the check of
// meaning.
func TestTypeErrorHidesNothing(t *testing.T) {
	src := strings.Replace(tiny, "turns: 4", "turns: four", 1)
	src = strings.Replace(src, "name: PRC", "name: PRC\n    profile: {gdp: abc, growth: 90, re-weight: 7}", 1)
	src = strings.Replace(src, "{id: high, value: 60}", "{id: high, value: 60}, {id: low, value: 3}", 1)
	src += "deck: {chance: 2}\n"
	got := loadString(t, src)
	var msgs []string
	for _, p := range got {
		msgs = append(msgs, displayPath(p.Path)+": "+p.Msg)
	}
	want := []string{
		`turns: expected a whole number, found text "four"`,
		`seats[1].profile.gdp: expected a number, found text "abc"`,
		`seats[1].profile.growth: must be between -50 and 50, not 90`,
		`seats[1].profile.re-weight: must be between 0 and 1, not 7`,
		`levers[0].levels[2].id: level "low" is defined twice`,
		`deck.chance: a probability must be between 0 and 1, not 2`,
	}
	for _, w := range want {
		if !slices.Contains(msgs, w) {
			t.Errorf("missing %q in:\n%s", w, strings.Join(msgs, "\n"))
		}
	}
	for _, m := range msgs {
		if strings.HasPrefix(m, "turns: must") {
			t.Errorf("the mistyped field is reported twice: %s", m)
		}
	}
}
