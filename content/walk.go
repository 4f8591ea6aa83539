package content

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// walker checks a parsed YAML document against the Go type it is about to
// be decoded into. goccy/go-yaml's strict decoder stops at the first
// unknown field or type mismatch; a teacher editing a scenario wants every
// mistake at once, so the walk visits the whole tree and records each one
// with the position of its node.
type walker struct {
	probs []Problem
	// anchors holds every anchor defined so far, in document order, which
	// is how the decoder resolves aliases too (a later anchor of the same
	// name wins for the aliases after it).
	anchors map[string]ast.Node
	// checked and active remember alias targets already checked against a
	// type, so that an anchor used a thousand times is checked once and an
	// anchor that contains an alias to itself does not loop.
	checked map[aliasKey]bool
	active  map[aliasKey]bool
	// mismatch is set when a value has the wrong shape: the decoder would
	// fail, so the loader reports the walk's problems without decoding.
	mismatch bool
	// unknown is set when a mapping has a field the type lacks: the
	// loader then decodes leniently so it can still run Validate.
	unknown bool
	// lastLine and lastCol are where the last key seen starts, used for a
	// node that carries no token of its own.
	lastLine, lastCol int
	// seen is where each path the walk visited starts: the key of a field
	// or entry, or a list item. Validate's paths are placed with it when
	// a path query cannot reach them (keys holding dots, aliases, merges).
	seen map[string][2]int
}

type aliasKey struct {
	node ast.Node
	typ  reflect.Type
}

func newWalker() *walker {
	return &walker{
		anchors: map[string]ast.Node{},
		checked: map[aliasKey]bool{},
		active:  map[aliasKey]bool{},
		seen:    map[string][2]int{},
	}
}

func (w *walker) add(n ast.Node, path, format string, args ...any) {
	line, col := w.pos(n)
	w.probs = append(w.probs, Problem{Line: line, Col: col, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// pos is where a node starts. A mapping's own token is the colon of its
// first key, so a mapping is placed at that key instead.
func (w *walker) pos(n ast.Node) (int, int) {
	line, col := nodePos(n)
	if line == 0 {
		return w.lastLine, w.lastCol
	}
	return line, col
}

func nodePos(n ast.Node) (int, int) {
	if n == nil {
		return 0, 0
	}
	switch v := n.(type) {
	case *ast.MappingNode:
		if len(v.Values) > 0 {
			return nodePos(v.Values[0])
		}
	case *ast.MappingValueNode:
		return nodePos(v.Key)
	case *ast.DocumentNode:
		if v.Start == nil {
			return nodePos(v.Body)
		}
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return 0, 0
	}
	return tk.Position.Line, tk.Position.Column
}

// value walks node n that will be decoded into a value of type t.
func (w *walker) value(n ast.Node, t reflect.Type, path string) {
	site := n
	n = w.resolve(n, t, path)
	if n == nil {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Type() == ast.NullType {
		// An empty value leaves the zero value, as for a missing field;
		// but the decoder refuses an empty anchored value for most types.
		if site.Type() == ast.AnchorType {
			w.mismatch = true
			w.add(site, path, "an anchor needs a value")
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if m, ok := n.(*ast.MappingNode); ok {
			w.structFields(m, t, path)
			return
		}
	case reflect.Map:
		if m, ok := n.(*ast.MappingNode); ok {
			w.mapEntries(m, t, path)
			return
		}
	case reflect.Slice:
		if s, ok := n.(*ast.SequenceNode); ok {
			for i, e := range s.Values {
				ipath := fmt.Sprintf("%s[%d]", path, i)
				w.record(e, ipath)
				w.value(e, t.Elem(), ipath)
			}
			return
		}
	default:
		if msg := scalarMismatch(n, t); msg != "" {
			w.mismatch = true
			w.add(site, path, "%s", msg)
		}
		return
	}
	w.mismatch = true
	w.add(site, path, "expected %s, found %s", want(t), found(n))
	w.skip(n)
}

// skip records the anchors of a subtree that will not be decoded into a
// field (an unknown field, a value of the wrong shape): a later alias may
// still use them. The decoder still reads the subtree as plain YAML, so
// what it would refuse there is reported too: an alias with no anchor, a
// merge of something other than mappings, a tag.
func (w *walker) skip(n ast.Node) {
	switch v := n.(type) {
	case *ast.AnchorNode:
		if v.Name != nil && v.Name.GetToken() != nil {
			w.anchors[v.Name.GetToken().Value] = v.Value
		}
		w.skip(v.Value)
	case *ast.AliasNode:
		if name := aliasName(v); w.anchors[name] == nil {
			w.mismatch = true
			w.add(v, "", "alias *%s refers to no anchor defined before it", name)
		}
	case *ast.TagNode:
		if tag := tagName(v); tag != "!!str" {
			w.mismatch = true
			w.add(v, "", "the YAML tag %s is not supported in a scenario", tag)
		}
		w.skip(v.Value)
	case *ast.MappingKeyNode:
		w.skip(v.Value)
	case *ast.MappingValueNode:
		w.skip(v.Key)
		if v.Key != nil && isMergeKey(v.Key) {
			w.mergeable(v.Value, "")
		}
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

func aliasName(v *ast.AliasNode) string {
	if v.Value == nil || v.Value.GetToken() == nil {
		return ""
	}
	return v.Value.GetToken().Value
}

func tagName(v *ast.TagNode) string {
	if v.Start == nil {
		return ""
	}
	return v.Start.Value
}

// mergeable reports whether the value of a "<<" key is what the decoder
// merges: a mapping, an alias of one, or a list of those.
func (w *walker) mergeable(n ast.Node, path string) bool {
	sources := []ast.Node{n}
	if s, ok := n.(*ast.SequenceNode); ok {
		sources = s.Values
	}
	for _, src := range sources {
		if _, ok := w.target(src).(*ast.MappingNode); !ok {
			w.mismatch = true
			w.add(src, path, "a merge (<<) takes a mapping, an alias of one, or a list of those")
			return false
		}
	}
	return true
}

// target follows anchors and aliases to the node that holds a value,
// checking nothing; nil for an alias with no anchor.
func (w *walker) target(n ast.Node) ast.Node {
	for range 64 { // anchors cannot nest deeper than the file's nesting
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.AliasNode:
			n = w.anchors[aliasName(v)]
		default:
			return n
		}
	}
	return nil
}

// resolve strips anchors, tags and aliases off n and returns the node that
// holds the value, or nil when there is nothing more to check: an alias is
// checked through its anchor, once per type.
func (w *walker) resolve(n ast.Node, t reflect.Type, path string) ast.Node {
	for n != nil {
		switch v := n.(type) {
		case *ast.AnchorNode:
			if v.Name != nil && v.Name.GetToken() != nil {
				w.anchors[v.Name.GetToken().Value] = v.Value
			}
			// Checked here, so an alias to it with the same type is not
			// checked (and its mistakes reported) again.
			w.checked[aliasKey{v.Value, t}] = true
			n = v.Value
		case *ast.TagNode:
			tag := tagName(v)
			// !!str is the one tag a teacher may need, to keep a level
			// id such as 10 or a date from being read as a number.
			if tag == "!!str" && isScalar(v.Value) {
				if !isText(t) {
					w.mismatch = true
					w.add(v, path, "expected %s, found text (tagged !!str)", want(t))
				}
				return nil
			}
			w.mismatch = true
			w.add(v, path, "the YAML tag %s is not supported in a scenario", tag)
			w.skip(v.Value)
			return nil
		case *ast.AliasNode:
			name := aliasName(v)
			target, ok := w.anchors[name]
			if !ok || target == nil {
				w.mismatch = true
				w.add(v, path, "alias *%s refers to no anchor defined before it", name)
				return nil
			}
			key := aliasKey{target, t}
			if w.active[key] {
				w.mismatch = true
				w.add(v, path, "alias *%s refers to a value that contains it", name)
				return nil
			}
			if w.checked[key] {
				return nil
			}
			w.checked[key], w.active[key] = true, true
			w.value(target, t, path)
			delete(w.active, key)
			return nil
		default:
			return n
		}
	}
	return nil
}

// structFields checks every key of a mapping decoded into struct type t.
func (w *walker) structFields(m *ast.MappingNode, t reflect.Type, path string) {
	fields := fieldsOf(t)
	seen := map[string]ast.Node{}
	for _, kv := range m.Values {
		if kv == nil || kv.Key == nil {
			continue
		}
		w.lastLine, w.lastCol = w.pos(kv.Key)
		if isMergeKey(kv.Key) {
			w.merge(kv.Value, t, path)
			continue
		}
		name, ok := keyText(kv.Key)
		if !ok {
			w.mismatch = true
			w.add(kv.Key, path, "a field name must be a single word, not %s", found(unwrapKey(kv.Key)))
			w.skip(kv.Key)
			w.skip(kv.Value)
			continue
		}
		fpath := path + "." + name
		f, known := fields[name]
		if !known {
			w.unknown = true
			w.add(kv.Key, fpath, "unknown field %q%s", name, suggest(name, fields))
			w.skip(kv.Key)
			w.skip(kv.Value)
			continue
		}
		w.once(seen, name, kv.Key, fpath)
		w.record(kv.Key, fpath)
		w.value(kv.Value, f, fpath)
	}
}

// mapEntries checks a mapping decoded into a Go map: keys are names (seat
// ids, lever ids, parameter names) that Validate checks later; here they
// only need to be single values and appear once.
func (w *walker) mapEntries(m *ast.MappingNode, t reflect.Type, path string) {
	seen := map[string]ast.Node{}
	for _, kv := range m.Values {
		if kv == nil || kv.Key == nil {
			continue
		}
		w.lastLine, w.lastCol = w.pos(kv.Key)
		if isMergeKey(kv.Key) {
			w.merge(kv.Value, t, path)
			continue
		}
		name, ok := keyText(kv.Key)
		if !ok {
			w.mismatch = true
			w.add(kv.Key, path, "a key here must be a single name, not %s", found(unwrapKey(kv.Key)))
			w.skip(kv.Key)
			w.skip(kv.Value)
			continue
		}
		kpath := path + "." + name
		w.once(seen, name, kv.Key, kpath)
		w.record(kv.Key, kpath)
		w.value(kv.Value, t.Elem(), kpath)
	}
}

// record notes where the value at path starts, keeping the first place
// when a path is visited twice (a repeated key).
func (w *walker) record(n ast.Node, path string) {
	if _, ok := w.seen[path]; ok {
		return
	}
	if line, col := w.pos(n); line > 0 {
		w.seen[path] = [2]int{line, col}
	}
}

// once reports a key set twice in one mapping. The value is still checked
// by the caller, since the decoder reads every copy.
func (w *walker) once(seen map[string]ast.Node, name string, key ast.Node, path string) {
	first, dup := seen[name]
	if !dup {
		seen[name] = key
		return
	}
	w.unknown = true
	line, _ := w.pos(first)
	w.add(key, path, "%q is already set at line %d", name, line)
}

// merge checks the value of a "<<" merge key: a mapping, an alias of one,
// or a list of those, each merged into the mapping that holds the key.
func (w *walker) merge(n ast.Node, t reflect.Type, path string) {
	if !w.mergeable(n, path) {
		w.skip(n)
		return
	}
	if s, ok := n.(*ast.SequenceNode); ok {
		for _, e := range s.Values {
			w.value(e, t, path)
		}
		return
	}
	w.value(n, t, path)
}

func isMergeKey(k ast.MapKeyNode) bool {
	return k.IsMergeKey() || k.Type() == ast.MergeKeyType
}

func unwrapKey(k ast.Node) ast.Node {
	for {
		switch v := k.(type) {
		case *ast.MappingKeyNode:
			k = v.Value
		case *ast.TagNode:
			k = v.Value
		case *ast.AnchorNode:
			k = v.Value
		default:
			return k
		}
	}
}

// keyText is the name a mapping key gives, as the decoder reads it. ok is
// false for a key that is not a single value (a list or a mapping).
func keyText(k ast.Node) (string, bool) {
	k = unwrapKey(k)
	if k == nil {
		return "", false
	}
	if s, ok := k.(*ast.StringNode); ok {
		return s.Value, true
	}
	if !isScalar(k) || k.GetToken() == nil {
		return "", false
	}
	return k.GetToken().Value, true
}

func isScalar(n ast.Node) bool {
	if n == nil {
		return false
	}
	switch n.Type() {
	case ast.StringType, ast.LiteralType, ast.IntegerType, ast.FloatType, ast.BoolType,
		ast.InfinityType, ast.NanType, ast.NullType:
		return true
	}
	return false
}

func isText(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.String
}

// scalarMismatch says what is wrong with scalar node n as a value of type
// t, or returns "" when the decoder will read it as the author meant.
func scalarMismatch(n ast.Node, t reflect.Type) string {
	nt := n.Type()
	if !isScalar(n) {
		return fmt.Sprintf("expected %s, found %s", want(t), found(n))
	}
	switch t.Kind() {
	case reflect.String:
		// A number or a boolean is fine as text: level ids like 10 or
		// 25 are numbers to the YAML reader.
		return ""
	case reflect.Bool:
		if nt == ast.BoolType {
			return ""
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if in, ok := n.(*ast.IntegerNode); ok {
			if fitsInt(in.Value, t) {
				return ""
			}
			return fmt.Sprintf("%s is out of range", n.GetToken().Value)
		}
		if nt == ast.FloatType {
			return fmt.Sprintf("expected a whole number, found %s", n.GetToken().Value)
		}
	case reflect.Float32, reflect.Float64:
		switch nt {
		case ast.IntegerType, ast.FloatType:
			return ""
		case ast.InfinityType, ast.NanType:
			return fmt.Sprintf("expected a finite number, found %s", n.GetToken().Value)
		}
	default:
		return "" // no such field in a scenario; let the decoder judge
	}
	if nt == ast.StringType && looksNumeric(n) {
		return fmt.Sprintf("%s is out of range", n.GetToken().Value)
	}
	return fmt.Sprintf("expected %s, found %s", want(t), found(n))
}

// fitsInt reports whether an integer the parser read (int64 or uint64)
// fits the field's type.
func fitsInt(v any, t reflect.Type) bool {
	z := reflect.Zero(t)
	switch x := v.(type) {
	case int64:
		if isUnsigned(t) {
			return x >= 0 && !z.OverflowUint(uint64(x))
		}
		return !z.OverflowInt(x)
	case uint64:
		if isUnsigned(t) {
			return !z.OverflowUint(x)
		}
		return x <= 1<<63-1 && !z.OverflowInt(int64(x))
	}
	return false
}

func isUnsigned(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

// looksNumeric spots an unquoted number the parser kept as text because
// it does not fit 64 bits (99999999999999999999, 1e400).
func looksNumeric(n ast.Node) bool {
	tk := n.GetToken()
	if tk == nil || strings.ContainsAny(tk.Origin, `"'`) {
		return false
	}
	text := strings.ReplaceAll(tk.Value, "_", "")
	_, ierr := strconv.ParseInt(text, 0, 64)
	_, ferr := strconv.ParseFloat(text, 64)
	return errors.Is(ierr, strconv.ErrRange) || errors.Is(ferr, strconv.ErrRange)
}

// want names what a type expects, in a teacher's words.
func want(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "a mapping (key: value)"
	case reflect.Slice:
		return "a list (- item)"
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	if t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64 {
		return "a whole number"
	}
	return t.String()
}

// found names what a node holds, quoting short scalars so the author
// recognises the value.
func found(n ast.Node) string {
	if n == nil {
		return "nothing"
	}
	quote := func(what string) string {
		tk := n.GetToken()
		if tk == nil || len(tk.Value) > 40 || strings.ContainsAny(tk.Value, "\n") {
			return what
		}
		return fmt.Sprintf("%s %q", what, tk.Value)
	}
	switch n.Type() {
	case ast.MappingType:
		return "a mapping"
	case ast.SequenceType:
		return "a list"
	case ast.StringType:
		return quote("text")
	case ast.LiteralType:
		return "a block of text"
	case ast.IntegerType, ast.FloatType, ast.InfinityType, ast.NanType:
		return quote("the number")
	case ast.BoolType:
		return quote("the boolean")
	case ast.NullType:
		return "nothing"
	case ast.AnchorType, ast.AliasType, ast.TagType:
		return quote("a reference")
	}
	return strings.ToLower(n.Type().String())
}
