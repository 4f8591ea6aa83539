package content

import (
	"fmt"
	"reflect"
	"strconv"
	"sync"

	"go.yaml.in/yaml/v4"

	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// walker decodes a parsed YAML document into a Go value by reflection,
// the same for every kind of content file, and reports every mistake it
// meets with the position of its node rather than stopping at the first:
// a teacher editing a scenario wants them all at once. A value of the
// wrong shape is left at its zero value and its path marked failed, so
// that the checks of meaning still run on the rest and only stay quiet
// about what could not be read.
//
// It follows the YAML rules a decoder follows: anchors and aliases, merge
// keys (<<, whose keys the mapping's own override), the !!str tag (the one
// tag a teacher may need, to keep a level such as 10 as text), null as
// the zero value. It knows two shapes a fixed Go type cannot say: a
// field that takes one value or a list of them (towards: us, or towards:
// [eu, japan]), marked by the type oneOrList; and a type that reads
// itself (yamlReader).
type walker struct {
	kind  string // "scenario", "playbook", "personality": for messages
	probs []Problem
	// seen is where the value at each path starts: a single value at
	// itself, a list or mapping at the key that holds it, a list item at
	// the item. Problems found later, by path, are placed with it.
	seen map[string][2]int
	// failed holds the paths whose value could not be read.
	failed map[string]bool
	// visited holds the alias targets already read as a type. Reading one
	// again (through another alias) reports nothing and records no
	// position, so a mistake in an anchor is told once, at the anchor, and
	// a value that came through an alias is placed where it is used.
	visited map[visit]bool
	// active holds the alias targets being read, to refuse an alias
	// inside the value it refers to.
	active map[*yaml.Node]bool
	quiet  int
	// more counts the problems found past keptProblems, which are not
	// kept: the walk meets them in file order, so they would come after
	// every problem an Error lists.
	more int
}

// keptProblems is how many problems the walk keeps. A few more than an
// Error lists, since problems of meaning found later may come first.
const keptProblems = 4 * MaxProblems

type visit struct {
	node *yaml.Node
	typ  reflect.Type
}

func newWalker(kind string) *walker {
	return &walker{kind: kind, seen: make(map[string][2]int, 1024), failed: map[string]bool{},
		visited: map[visit]bool{}, active: map[*yaml.Node]bool{}}
}

// add reports a mistake at node n, unless the walk is re-reading an
// alias.
func (w *walker) add(n *yaml.Node, path, format string, args ...any) {
	if w.quiet > 0 {
		return
	}
	if len(w.probs) >= keptProblems {
		w.more++
		return
	}
	w.probs = append(w.probs, Problem{Line: max(n.Line, 1), Col: max(n.Column, 1), Path: path, Msg: fmt.Sprintf(format, args...)})
}

// fail reports a value that cannot be read and marks its path.
func (w *walker) fail(n *yaml.Node, path, format string, args ...any) {
	w.failed[path] = true
	w.add(n, path, format, args...)
}

// record notes where the value at path starts, keeping the first place
// when a path is visited twice.
func (w *walker) record(path string, n *yaml.Node) {
	if w.quiet > 0 || n == nil || n.Line <= 0 {
		return
	}
	if _, ok := w.seen[path]; !ok {
		w.seen[path] = [2]int{n.Line, n.Column}
	}
}

// oneOrList marks a list field that may also be written as one value.
type oneOrList[T any] []T

func (oneOrList[T]) oneOrList() {}

var oneOrListType = reflect.TypeFor[interface{ oneOrList() }]()

// A yamlReader reads itself from a node, reporting through the walker:
// for a shape the generic walk cannot express. It is given null values
// too, to tell an empty field from a missing one.
type yamlReader interface {
	readYAML(w *walker, n *yaml.Node, path string)
}

var yamlReaderType = reflect.TypeFor[yamlReader]()

var readers sync.Map // reflect.Type -> bool

// reads reports whether values of type t read themselves (a pointer to
// one is a yamlReader).
func reads(t reflect.Type) bool {
	if r, ok := readers.Load(t); ok {
		return r.(bool)
	}
	r := reflect.PointerTo(t).Implements(yamlReaderType)
	readers.Store(t, r)
	return r
}

// value reads node n into v, which must be settable.
func (w *walker) value(n *yaml.Node, v reflect.Value, path string, multiline bool) {
	if n == nil {
		return
	}
	if n.Kind == yaml.AliasNode {
		w.alias(n, v, path, multiline)
		return
	}
	if n.Anchor != "" {
		// An alias or a merge of this value inside it is a loop.
		w.visited[visit{n, v.Type()}] = true
		w.active[n] = true
		defer delete(w.active, n)
	}
	if tagged(n) && !(n.Tag == "!!str" && n.Kind == yaml.ScalarNode) {
		w.fail(n, path, "the YAML tag %s is not supported in a %s", n.Tag, w.kind)
		return
	}
	t := v.Type()
	if reads(t) {
		v.Addr().Interface().(yamlReader).readYAML(w, n, path)
		return
	}
	if isNull(n) {
		return // an empty value leaves the zero value, as a missing field does
	}
	switch t.Kind() {
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		w.value(n, p.Elem(), path, multiline)
		v.Set(p)
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			w.fail(n, path, "expected %s, found %s", want(t), found(n))
			return
		}
		w.structFields(n, v, path)
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			w.fail(n, path, "expected %s, found %s", want(t), found(n))
			return
		}
		w.mapEntries(n, v, path)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			if t.Implements(oneOrListType) && n.Kind == yaml.ScalarNode {
				v.Set(reflect.MakeSlice(t, 1, 1))
				w.value(n, v.Index(0), path, multiline)
				return
			}
			w.fail(n, path, "expected %s, found %s", want(t), found(n))
			return
		}
		v.Set(reflect.MakeSlice(t, len(n.Content), len(n.Content)))
		for i, item := range n.Content {
			ipath := path + "[" + strconv.Itoa(i) + "]"
			w.record(ipath, item)
			w.value(item, v.Index(i), ipath, multiline)
		}
	default:
		if n.Kind != yaml.ScalarNode {
			w.fail(n, path, "expected %s, found %s", want(t), found(n))
			return
		}
		if msg := w.scalar(n, v, multiline); msg != "" {
			w.fail(n, path, "%s", msg)
		}
	}
}

// alias reads the value an alias refers to into v: once per type with
// its mistakes reported, and then quietly.
func (w *walker) alias(n *yaml.Node, v reflect.Value, path string, multiline bool) {
	target := n.Alias
	if target == nil {
		w.fail(n, path, "alias *%s refers to no anchor", n.Value)
		return
	}
	if w.active[target] {
		w.fail(n, path, "alias *%s refers to a value that contains it", n.Value)
		return
	}
	key := visit{target, v.Type()}
	again := w.visited[key]
	w.visited[key] = true
	if again {
		w.quiet++
		defer func() { w.quiet-- }()
	}
	w.active[target] = true
	w.value(target, v, path, multiline)
	delete(w.active, target)
}

// pairs lists the key-value pairs of a mapping as a decoder sees them:
// its own keys first, then those of its merge keys (<<) that it does not
// set itself, a list of merges giving way from the first. A key the
// mapping sets twice is reported; fromMerge marks inherited pairs.
func (w *walker) pairs(m *yaml.Node, t reflect.Type, path string, each func(name string, key, val *yaml.Node, fromMerge bool)) {
	// Most mappings are small: their keys are compared with a scan, and
	// only a large one gets a map.
	var own map[string]*yaml.Node
	if len(m.Content) > 32 {
		own = make(map[string]*yaml.Node, len(m.Content)/2)
	}
	var names []string // the key names, for a small mapping
	first := func(name string) *yaml.Node {
		if own != nil {
			return own[name]
		}
		for i, n := range names {
			if n == name {
				return m.Content[2*i]
			}
		}
		return nil
	}
	var merges []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, val := m.Content[i], m.Content[i+1]
		name, ok := "\x00", false // no key's name: control characters are refused
		if !isMerge(key) {
			if text, good := w.keyText(key, path); good {
				name, ok = text, true
			}
		}
		if own == nil {
			names = append(names, name) // kept in step with the pairs
		}
		switch {
		case isMerge(key):
			merges = append(merges, val)
			continue
		case !ok:
			continue
		}
		if prev := first(name); prev != nil && prev != key {
			w.failed[path+"."+name] = true
			w.add(key, path+"."+name, "%q is already set at line %d", name, prev.Line)
			continue
		}
		if own != nil {
			own[name] = key
		}
		each(name, key, val, false)
	}
	if len(merges) == 0 {
		return
	}
	inherited := map[string]bool{}
	for _, src := range merges {
		w.merge(src, t, path, func(name string, key, val *yaml.Node) {
			if first(name) == nil && !inherited[name] {
				inherited[name] = true
				each(name, key, val, true)
			}
		})
	}
}

// merge reads the value of a << key: a mapping, an alias of one, or a
// list of those, each giving its pairs to the mapping that holds the key.
func (w *walker) merge(src *yaml.Node, t reflect.Type, path string, each func(name string, key, val *yaml.Node)) {
	sources := []*yaml.Node{src}
	if src.Kind == yaml.SequenceNode {
		sources = src.Content
	}
	for _, s := range sources {
		target, alias := s, false
		if s.Kind == yaml.AliasNode {
			target, alias = s.Alias, true
		}
		if target == nil || target.Kind != yaml.MappingNode {
			w.fail(s, path, "a merge (<<) takes a mapping, an alias of one, or a list of those")
			continue
		}
		if w.active[target] {
			w.fail(s, path, "alias *%s refers to a value that contains it", s.Value)
			continue
		}
		key := visit{target, t}
		again := alias && w.visited[key]
		w.visited[key] = true
		if again {
			w.quiet++
		}
		w.active[target] = true
		w.pairs(target, t, path, func(name string, k, v *yaml.Node, _ bool) { each(name, k, v) })
		delete(w.active, target)
		if again {
			w.quiet--
		}
	}
}

// structFields reads a mapping into a struct: every key must be a field.
func (w *walker) structFields(m *yaml.Node, v reflect.Value, path string) {
	t := v.Type()
	fields := fieldsOf(t)
	w.pairs(m, t, path, func(name string, key, val *yaml.Node, fromMerge bool) {
		fpath := path + "." + name
		f, known := fields[name]
		if !known {
			// Past the problems an Error lists, a suggestion would never
			// be read: a file of a hundred thousand unknown keys is
			// reported in well under a second.
			hint := ""
			if len(w.probs) < MaxProblems {
				hint = suggest(name, fields)
			}
			w.add(key, fpath, "unknown field %q%s", name, hint)
			return
		}
		if !fromMerge {
			w.recordField(fpath, key, val)
		}
		w.value(val, v.FieldByIndex(f.index), fpath, multilineField(t, name))
	})
}

// mapEntries reads a mapping into a Go map: keys are names (seat ids,
// lever ids, parameter names) whose meaning the checks judge later.
func (w *walker) mapEntries(m *yaml.Node, v reflect.Value, path string) {
	t := v.Type()
	if t.Key().Kind() != reflect.String {
		w.fail(m, path, "a mapping with keys of type %s cannot be read", t.Key())
		return
	}
	if v.IsNil() {
		v.Set(reflect.MakeMapWithSize(t, len(m.Content)/2))
	}
	w.pairs(m, t, path, func(name string, key, val *yaml.Node, fromMerge bool) {
		kpath := path + "." + name
		if !fromMerge {
			w.recordField(kpath, key, val)
		}
		e := reflect.New(t.Elem()).Elem()
		w.value(val, e, kpath, false)
		v.SetMapIndex(reflect.ValueOf(name).Convert(t.Key()), e)
	})
}

// recordField places a field's value: a single value at itself, anything
// else at its key.
func (w *walker) recordField(path string, key, val *yaml.Node) {
	if val != nil && val.Kind == yaml.ScalarNode && !isNull(val) {
		w.record(path, val)
		return
	}
	w.record(path, key)
}

// keyText is the name a mapping key gives. A key that is not a single
// value, or that holds control characters, is reported.
func (w *walker) keyText(k *yaml.Node, path string) (string, bool) {
	if k.Kind == yaml.AliasNode && k.Alias != nil {
		k = k.Alias
	}
	if k.Kind != yaml.ScalarNode {
		w.fail(k, path, "a key must be a single name, not %s", found(k))
		return "", false
	}
	// An empty key (nothing before the colon, ~ or null) is refused: the
	// YAML library drops such a pair without a word, so reading it as a
	// name would give a file two meanings.
	if isNull(k) {
		w.fail(k, path, "a key is empty: write a name before the colon")
		return "", false
	}
	if bad := safetext.Check(k.Value, false); bad != nil {
		w.fail(k, path, "a key %v", bad)
		return "", false
	}
	return k.Value, true
}

func isMerge(k *yaml.Node) bool { return k.Kind == yaml.ScalarNode && k.Tag == "!!merge" }

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// tagged reports a tag written in the file, as opposed to one the parser
// resolved from the value.
func tagged(n *yaml.Node) bool { return n.Style&yaml.TaggedStyle != 0 }
