package content

import (
	"fmt"
	"math"
	"reflect"
	"strconv"

	"github.com/goccy/go-yaml/ast"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
)

// pbWalker reads a playbook from its YAML tree. The format has fields that
// take either one value or a list (towards: us, or towards: [eu, japan];
// answers: reject-all, or a list of rules), which a decoder into fixed Go
// types cannot take, so the walk reads the tree itself, strictly: an
// unknown or repeated field, a value of the wrong kind or a number out of
// range is a problem placed at its node, and every problem is reported,
// not only the first. It also notes where each field sits, so that
// problems found later (against a scenario) can be placed too.
type pbWalker struct {
	probs   []Problem
	pos     map[string][2]int
	anchors map[string]ast.Node
	// mismatch is set by a value of the wrong kind: the playbook built is
	// then incomplete, and checking its meaning would only add noise.
	mismatch bool
	// budget bounds the nodes visited, aliases expanded, so that a small
	// file of nested aliases cannot make the walk run for ever.
	budget int
}

func (w *pbWalker) add(n ast.Node, path, format string, args ...any) {
	line, col := nodePos(n)
	if line == 0 {
		line, col = w.at(path)
	}
	w.probs = append(w.probs, Problem{Line: line, Col: col, Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (w *pbWalker) bad(n ast.Node, path, format string, args ...any) {
	w.mismatch = true
	w.add(n, path, format, args...)
}

// note records where the value at path sits: a scalar at itself, a list
// or mapping under a key at that key (as the scenario loader does).
func (w *pbWalker) note(path string, key, val ast.Node) {
	if _, ok := w.pos[path]; ok {
		return
	}
	n := val
	if key != nil && (val == nil || val.Type() == ast.MappingType || val.Type() == ast.SequenceType || val.Type() == ast.NullType) {
		n = key
	}
	if line, col := nodePos(n); line > 0 {
		w.pos[path] = [2]int{line, col}
	}
}

// at places a path at its nearest noted ancestor.
func (w *pbWalker) at(path string) (int, int) {
	for p := path; ; p = parentPath(p) {
		if lc, ok := w.pos[p]; ok {
			return lc[0], lc[1]
		}
		if p == "$" || p == "" {
			return 1, 1
		}
	}
}

// resolve strips anchors and aliases and returns the node holding the
// value, or nil when there is none to read. Only the !!str tag is
// allowed: it keeps a level such as 10 as text.
func (w *pbWalker) resolve(n ast.Node, path string) ast.Node {
	for n != nil {
		if w.budget--; w.budget < 0 {
			if w.budget == -1 {
				w.bad(n, path, "the playbook is too large once its aliases are expanded")
			}
			return nil
		}
		switch v := n.(type) {
		case *ast.AnchorNode:
			if v.Name != nil && v.Name.GetToken() != nil {
				w.anchors[v.Name.GetToken().Value] = v.Value
			}
			n = v.Value
		case *ast.AliasNode:
			name := ""
			if v.Value != nil && v.Value.GetToken() != nil {
				name = v.Value.GetToken().Value
			}
			target, ok := w.anchors[name]
			if !ok {
				w.bad(v, path, "alias *%s refers to no anchor defined before it", name)
				return nil
			}
			n = target
		case *ast.TagNode:
			tag := ""
			if v.Start != nil {
				tag = v.Start.Value
			}
			if tag != "!!str" || !isScalar(v.Value) {
				w.bad(v, path, "the YAML tag %s is not supported in a playbook", tag)
				return nil
			}
			n = v.Value
		default:
			return n
		}
	}
	return nil
}

// skip records the anchors in a value that is not read (an unknown or
// repeated field), since a later alias may still use them.
func (w *pbWalker) skip(n ast.Node) {
	switch v := n.(type) {
	case *ast.AnchorNode:
		if v.Name != nil && v.Name.GetToken() != nil {
			w.anchors[v.Name.GetToken().Value] = v.Value
		}
		w.skip(v.Value)
	case *ast.TagNode:
		w.skip(v.Value)
	case *ast.MappingValueNode:
		w.skip(v.Key)
		w.skip(v.Value)
	case *ast.MappingNode:
		for _, kv := range v.Values {
			w.skip(kv)
		}
	case *ast.SequenceNode:
		for _, e := range v.Values {
			w.skip(e)
		}
	}
}

// fields reads a mapping whose keys must be among known, calling each for
// every known key once. A null value is an empty mapping.
func (w *pbWalker) fields(n ast.Node, path string, known []string, each func(name string, key, val ast.Node, path string)) {
	n = w.resolve(n, path)
	if n == nil || n.Type() == ast.NullType {
		return
	}
	m, ok := n.(*ast.MappingNode)
	if !ok {
		w.bad(n, path, "expected a mapping (key: value), found %s", found(n))
		return
	}
	names := make(map[string]reflect.Type, len(known))
	for _, k := range known {
		names[k] = nil
	}
	seen := map[string]ast.Node{}
	for _, kv := range m.Values {
		if kv == nil || kv.Key == nil {
			continue
		}
		if isMergeKey(kv.Key) {
			w.bad(kv.Key, path, "merge keys (<<) are not supported in a playbook")
			continue
		}
		name, ok := keyText(kv.Key)
		if !ok {
			w.bad(kv.Key, path, "a field name must be a single word, not %s", found(unwrapKey(kv.Key)))
			continue
		}
		fpath := path + "." + name
		if first, dup := seen[name]; dup {
			line, _ := nodePos(first)
			w.add(kv.Key, fpath, "%q is already set at line %d", name, line)
			w.skip(kv.Value)
			continue
		}
		seen[name] = kv.Key
		if _, ok := names[name]; !ok {
			w.add(kv.Key, fpath, "unknown field %q%s", name, suggest(name, names))
			w.skip(kv.Value)
			continue
		}
		w.note(fpath, kv.Key, kv.Value)
		each(name, kv.Key, kv.Value, fpath)
	}
}

// list reads a sequence; a null value is an empty list.
func (w *pbWalker) list(n ast.Node, path string, each func(i int, item ast.Node, path string)) {
	n = w.resolve(n, path)
	if n == nil || n.Type() == ast.NullType {
		return
	}
	s, ok := n.(*ast.SequenceNode)
	if !ok {
		w.bad(n, path, "expected a list (- item), found %s", found(n))
		return
	}
	for i, e := range s.Values {
		ipath := fmt.Sprintf("%s[%d]", path, i)
		w.note(ipath, nil, e)
		each(i, e, ipath)
	}
}

// text reads a scalar as the author wrote it: a level written 100 is the
// text "100". A null value is "".
func (w *pbWalker) text(n ast.Node, path string) string {
	n = w.resolve(n, path)
	if n == nil || n.Type() == ast.NullType {
		return ""
	}
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value
	case *ast.LiteralNode:
		if v.Value != nil {
			return v.Value.Value
		}
		return ""
	}
	if !isScalar(n) || n.GetToken() == nil {
		w.bad(n, path, "expected text, found %s", found(n))
		return ""
	}
	return n.GetToken().Value
}

// texts reads one text or a list of them.
func (w *pbWalker) texts(n ast.Node, path string) []string {
	r := w.resolve(n, path)
	if r == nil || r.Type() == ast.NullType {
		return nil
	}
	if r.Type() != ast.SequenceType {
		return []string{w.text(r, path)}
	}
	var out []string
	w.list(r, path, func(_ int, item ast.Node, ipath string) {
		out = append(out, w.text(item, ipath))
	})
	return out
}

// integer reads a whole number that fits an int.
func (w *pbWalker) integer(n ast.Node, path string) (int, bool) {
	n = w.resolve(n, path)
	if n == nil {
		return 0, false
	}
	if in, ok := n.(*ast.IntegerNode); ok {
		switch x := in.Value.(type) {
		case int64:
			if x >= math.MinInt32 && x <= math.MaxInt32 {
				return int(x), true
			}
		case uint64:
			if x <= math.MaxInt32 {
				return int(x), true
			}
		}
		w.bad(n, path, "%s is out of range", n.GetToken().Value)
		return 0, false
	}
	if isScalar(n) && looksNumeric(n) {
		w.bad(n, path, "%s is out of range", n.GetToken().Value)
	} else {
		w.bad(n, path, "expected a whole number, found %s", found(n))
	}
	return 0, false
}

// number reads a finite number.
func (w *pbWalker) number(n ast.Node, path string) (float64, bool) {
	n = w.resolve(n, path)
	if n == nil {
		return 0, false
	}
	switch v := n.(type) {
	case *ast.IntegerNode:
		if f, err := strconv.ParseFloat(v.GetToken().Value, 64); err == nil {
			return f, true
		}
	case *ast.FloatNode:
		if !math.IsInf(v.Value, 0) && !math.IsNaN(v.Value) {
			return v.Value, true
		}
	}
	w.bad(n, path, "expected a finite number, found %s", found(n))
	return 0, false
}

// playbook reads the whole document.
func (w *pbWalker) playbook(body ast.Node) ai.Playbook {
	var pb ai.Playbook
	w.note("$", nil, body)
	w.fields(body, "$", []string{"name", "description", "scenario", "seat", "orders", "answers"},
		func(name string, _, val ast.Node, path string) {
			switch name {
			case "name":
				pb.Name = w.text(val, path)
			case "description":
				pb.Description = w.text(val, path)
			case "scenario":
				pb.Scenario = w.text(val, path)
			case "seat":
				pb.Seat = w.text(val, path)
			case "orders":
				w.list(val, path, func(_ int, item ast.Node, ipath string) {
					pb.Orders = append(pb.Orders, w.orderRule(item, ipath))
				})
			case "answers":
				pb.Answers = w.answers(val, path)
			}
		})
	return pb
}

func (w *pbWalker) orderRule(n ast.Node, path string) ai.OrderRule {
	var r ai.OrderRule
	w.fields(n, path, []string{"from", "until", "set"}, func(name string, _, val ast.Node, fpath string) {
		switch name {
		case "from":
			r.From, _ = w.integer(val, fpath)
		case "until":
			// 0 means "to the end" in ai.OrderRule; written out, it is
			// a mistake.
			if x, ok := w.integer(val, fpath); ok && x == 0 {
				w.add(val, fpath, "a rule's last turn is 1 or more; leave until out to run to the end")
			} else {
				r.Until = x
			}
		case "set":
			w.list(val, fpath, func(_ int, item ast.Node, ipath string) {
				r.Set = append(r.Set, w.setting(item, ipath))
			})
		}
	})
	return r
}

func (w *pbWalker) setting(n ast.Node, path string) ai.Setting {
	var s ai.Setting
	w.fields(n, path, []string{"lever", "towards", "level"}, func(name string, _, val ast.Node, fpath string) {
		switch name {
		case "lever":
			s.Lever = w.text(val, fpath)
		case "towards":
			s.Towards = w.texts(val, fpath)
			if s.Towards == nil {
				s.Towards = []string{""}
			}
		case "level":
			s.Level = w.text(val, fpath)
		}
	})
	return s
}

// answers reads "accept-all", "reject-all" or a list of rules, each one
// of accept-if, reject-if or a final otherwise.
func (w *pbWalker) answers(n ast.Node, path string) ai.Answers {
	var a ai.Answers
	// "accept-all" and "otherwise: accept" are a last rule with no
	// condition, so that rule k of the file is rule k of the playbook and
	// problems found later point at the right line.
	always := func(answer game.Answer) ai.AnswerRule { return ai.AnswerRule{Answer: answer} }
	r := w.resolve(n, path)
	if r == nil || r.Type() == ast.NullType {
		return a
	}
	if r.Type() != ast.SequenceType {
		if !isScalar(r) {
			w.bad(r, path, "answers is accept-all, reject-all or a list of rules, not %s", found(r))
			return a
		}
		switch w.text(r, path) {
		case "accept-all":
			a.Rules = append(a.Rules, always(game.Accept))
		case "reject-all":
			a.Rules = append(a.Rules, always(game.Reject))
		default:
			w.add(r, path, "answers is accept-all, reject-all or a list of rules, not %s", found(r))
		}
		return a
	}
	otherwise, last := -1, -1
	w.list(r, path, func(i int, item ast.Node, ipath string) {
		last = i
		set := 0
		w.fields(item, ipath, []string{"accept-if", "reject-if", "otherwise"}, func(name string, key, val ast.Node, fpath string) {
			if set++; set > 1 {
				w.add(key, fpath, "a rule is one of accept-if, reject-if or otherwise, not several")
				return
			}
			switch name {
			case "accept-if", "reject-if":
				rule := ai.AnswerRule{Answer: game.Reject, If: w.filter(val, fpath)}
				if name == "accept-if" {
					rule.Answer = game.Accept
				}
				a.Rules = append(a.Rules, rule)
			case "otherwise":
				if otherwise >= 0 {
					w.add(key, fpath, "otherwise is already given in rule %d", otherwise)
					return
				}
				otherwise = i
				switch v := w.text(val, fpath); v {
				case "accept":
					a.Rules = append(a.Rules, always(game.Accept))
				case "reject":
					a.Rules = append(a.Rules, always(game.Reject))
				default:
					w.add(val, fpath, "otherwise is accept or reject, not %q", v)
					a.Rules = append(a.Rules, always(game.Reject))
				}
			}
		})
		if set == 0 {
			w.add(item, ipath, "a rule needs accept-if, reject-if or otherwise")
			a.Rules = append(a.Rules, always(game.Reject)) // keeps rule k at item k
		}
	})
	if otherwise >= 0 && otherwise < last {
		p := fmt.Sprintf("%s[%d].otherwise", path, otherwise)
		line, col := w.at(p)
		w.probs = append(w.probs, Problem{Line: line, Col: col, Path: p,
			Msg: "otherwise must be the last rule: it decides every proposal the rules before it leave"})
	}
	return a
}

func (w *pbWalker) filter(n ast.Node, path string) ai.DealFilter {
	var f ai.DealFilter
	w.fields(n, path, []string{"from", "max-clauses", "not-lever", "min-trust", "max-breaches"}, func(name string, _, val ast.Node, fpath string) {
		switch name {
		case "from":
			f.From = w.texts(val, fpath)
		case "not-lever":
			f.NotLever = w.texts(val, fpath)
		case "max-clauses":
			if x, ok := w.integer(val, fpath); ok {
				f.MaxClauses = &x
			}
		case "max-breaches":
			if x, ok := w.integer(val, fpath); ok {
				f.MaxBreaches = &x
			}
		case "min-trust":
			if x, ok := w.number(val, fpath); ok {
				f.MinTrust = &x
			}
		}
	})
	return f
}
