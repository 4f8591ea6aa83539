package content

import (
	"embed"
	"fmt"
	"reflect"

	"go.yaml.in/yaml/v4"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// The shipped playbooks.
//
//go:embed playbooks/*.yaml
var playbookFS embed.FS

// A PlaybookFile is a playbook read from YAML, with where each of its
// fields sits in the file, so that a problem found when it is bound to a
// scenario and a seat can still name the file, line and column.
type PlaybookFile struct {
	File     string // the name problems use: the path given, or playbooks/NAME.yaml
	Playbook ai.Playbook
	pos      positions
}

var playbooks = &kind[playbookDoc, ai.Playbook]{name: "playbook", needs: "a name", finish: (*playbookDoc).playbook}

var playbookLib = &library[PlaybookFile]{kind: "playbook", dir: "playbooks", fsys: playbookFS, load: LoadPlaybook}

// LoadPlaybook reads a playbook from YAML and checks what can be checked
// without a scenario. name is the file name problems use. On any mistake
// it returns a *Error listing all of them in file order.
func LoadPlaybook(name string, data []byte) (*PlaybookFile, error) {
	if name == "" {
		name = "playbook"
	}
	pb, pos, probs, more := playbooks.load(data)
	if len(probs) > 0 {
		return nil, newError(name, probs, more)
	}
	return &PlaybookFile{File: name, Playbook: *pb, pos: pos}, nil
}

// LoadPlaybookFile reads and loads the playbook file at p. A file that
// cannot be read is a plain error (wrapping the os error); a file with
// mistakes is a *Error.
func LoadPlaybookFile(p string) (*PlaybookFile, error) { return playbookLib.loadFile(p) }

// PlaybookNames lists the shipped playbooks' names, sorted.
func PlaybookNames() []string { return playbookLib.names() }

// GetPlaybook loads the shipped playbook with the given name.
func GetPlaybook(name string) (*PlaybookFile, error) { return playbookLib.get(name) }

// ResolvePlaybook loads a playbook named on a command line: a shipped
// name when there is one by that name, otherwise a file path.
func ResolvePlaybook(nameOrPath string) (*PlaybookFile, error) {
	return playbookLib.resolve(nameOrPath, GetPlaybook)
}

// PlaybookSource returns the YAML of a shipped playbook, for a copy to
// edit.
func PlaybookSource(name string) ([]byte, error) { return playbookLib.source(name) }

// Player checks the playbook against the scenario and the seat it is to
// play and returns a constructor of its player, which the results call
// name. Every problem is reported as a *Error, placed in the file.
func (f *PlaybookFile) Player(sc *game.Scenario, seat, name string) (func() ai.Player, error) {
	newPlayer, errs := f.Playbook.Compile(sc.Public(), seat, name)
	if len(errs) > 0 {
		return nil, newError(f.File, f.pos.place(errs, nil), 0)
	}
	return newPlayer, nil
}

// PlaybookEntry describes one shipped playbook for a list.
type PlaybookEntry struct {
	Name        string
	Description string
	Seat        string // the seat it was written for, or ""
	Err         error  // set when the shipped file does not load: a bug in the release
}

// ShippedPlaybooks lists the shipped playbooks, sorted by name.
func ShippedPlaybooks() []PlaybookEntry {
	var out []PlaybookEntry
	for _, n := range PlaybookNames() {
		e := PlaybookEntry{Name: n}
		if f, err := GetPlaybook(n); err != nil {
			e.Err = err
		} else {
			e.Description, e.Seat = f.Playbook.Description, f.Playbook.Seat
		}
		out = append(out, e)
	}
	return out
}

// playbookDoc is a playbook as its YAML is written. The format has fields
// that take one value or a list (towards: us, or towards: [eu, japan]),
// and answers that are a word or a list of rules, each rule one of
// accept-if, reject-if or otherwise; the doc says so to the walk, and
// playbook turns it into an ai.Playbook.
type playbookDoc struct {
	Name        string     `yaml:"name"`
	Description string     `yaml:"description"`
	Scenario    string     `yaml:"scenario"`
	Seat        string     `yaml:"seat"`
	Orders      []orderDoc `yaml:"orders"`
	Answers     answersDoc `yaml:"answers"`
}

var playbookDocType = reflect.TypeFor[playbookDoc]()

type orderDoc struct {
	From  int          `yaml:"from"`
	Until *int         `yaml:"until"`
	Set   []settingDoc `yaml:"set"`
}

type settingDoc struct {
	Lever   string            `yaml:"lever"`
	Towards oneOrList[string] `yaml:"towards"`
	Level   string            `yaml:"level"`
}

type answerDoc struct {
	AcceptIf  given[filterDoc] `yaml:"accept-if"`
	RejectIf  given[filterDoc] `yaml:"reject-if"`
	Otherwise given[string]    `yaml:"otherwise"`
}

type filterDoc struct {
	From        oneOrList[string] `yaml:"from"`
	MaxClauses  *int              `yaml:"max-clauses"`
	NotLever    oneOrList[string] `yaml:"not-lever"`
	MinTrust    *float64          `yaml:"min-trust"`
	MaxBreaches *int              `yaml:"max-breaches"`
}

// given is a field whose presence counts even when it is empty
// (accept-if: with no condition accepts every proposal).
type given[T any] struct {
	Set bool
	V   T
}

func (g *given[T]) readYAML(w *walker, n *yaml.Node, path string) {
	g.Set = true
	w.value(n, reflect.ValueOf(&g.V).Elem(), path, false)
}

// answersDoc is accept-all, reject-all or a list of rules.
type answersDoc struct {
	word  string
	rules []answerDoc
}

func (a *answersDoc) readYAML(w *walker, n *yaml.Node, path string) {
	switch {
	case isNull(n):
	case n.Kind == yaml.SequenceNode:
		w.value(n, reflect.ValueOf(&a.rules).Elem(), path, false)
	case n.Kind == yaml.ScalarNode && !tagged(n) && (n.Value == "accept-all" || n.Value == "reject-all"):
		a.word = n.Value
	default:
		w.fail(n, path, "answers is accept-all, reject-all or a list of rules, not %s", found(n))
	}
}

// playbook turns the doc into an ai.Playbook and checks it: what the
// format itself requires (answer rules, until), then the playbook's own
// checks. Rule k of the answers is item k of the list, even when an item
// is wrong, so that problems found later point at the right line.
func (d *playbookDoc) playbook() (*ai.Playbook, []game.FieldError) {
	var p game.Problems
	pb := &ai.Playbook{Name: d.Name, Description: d.Description, Scenario: d.Scenario, Seat: d.Seat}
	for k, o := range d.Orders {
		path := fmt.Sprintf("$.orders[%d]", k)
		r := ai.OrderRule{From: o.From}
		if o.From > game.MaxTurns {
			p.Add(path+".from", "a game has at most %d turns, not %d", game.MaxTurns, o.From)
		}
		switch {
		case o.Until == nil:
		case *o.Until == 0:
			// 0 means "to the end" in ai.OrderRule; written out, it is
			// a mistake.
			p.Add(path+".until", "a rule's last turn is 1 or more; leave until out to run to the end")
		case *o.Until > game.MaxTurns:
			p.Add(path+".until", "a game has at most %d turns, not %d", game.MaxTurns, *o.Until)
		default:
			r.Until = *o.Until
		}
		for _, s := range o.Set {
			r.Set = append(r.Set, ai.Setting{Lever: s.Lever, Towards: s.Towards, Level: s.Level})
		}
		pb.Orders = append(pb.Orders, r)
	}
	always := func(answer game.Answer) ai.AnswerRule { return ai.AnswerRule{Answer: answer} }
	switch d.Answers.word {
	case "accept-all":
		pb.Answers.Rules = append(pb.Answers.Rules, always(game.Accept))
	case "reject-all":
		pb.Answers.Rules = append(pb.Answers.Rules, always(game.Reject))
	}
	otherwise := -1
	for i, a := range d.Answers.rules {
		path := fmt.Sprintf("$.answers[%d]", i)
		rule := always(game.Reject) // keeps rule k at item k when the item is wrong
		n := 0
		for _, part := range []struct {
			name string
			set  bool
		}{{"accept-if", a.AcceptIf.Set}, {"reject-if", a.RejectIf.Set}, {"otherwise", a.Otherwise.Set}} {
			if !part.set {
				continue
			}
			if n++; n > 1 {
				p.Add(path+"."+part.name, "a rule is one of accept-if, reject-if or otherwise, not several")
			}
		}
		switch {
		case n == 0:
			p.Add(path, "a rule needs accept-if, reject-if or otherwise")
		case a.AcceptIf.Set:
			rule = ai.AnswerRule{Answer: game.Accept, If: a.AcceptIf.V.filter()}
		case a.RejectIf.Set:
			rule = ai.AnswerRule{Answer: game.Reject, If: a.RejectIf.V.filter()}
		case otherwise >= 0:
			p.Add(path+".otherwise", "otherwise is already given in rule %d", otherwise)
		default:
			otherwise = i
			switch v := a.Otherwise.V; v {
			case "accept":
				rule = always(game.Accept)
			case "reject":
			default:
				p.Add(path+".otherwise", "otherwise is accept or reject, not %q", v)
			}
		}
		pb.Answers.Rules = append(pb.Answers.Rules, rule)
	}
	if otherwise >= 0 && otherwise < len(d.Answers.rules)-1 {
		p.Add(fmt.Sprintf("$.answers[%d].otherwise", otherwise), "otherwise must be the last rule: it decides every proposal the rules before it leave")
	}
	return pb, append(p.List(), pb.Validate()...)
}

func (f filterDoc) filter() ai.DealFilter {
	return ai.DealFilter{From: f.From, MaxClauses: f.MaxClauses, NotLever: f.NotLever, MinTrust: f.MinTrust, MaxBreaches: f.MaxBreaches}
}
