package content

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/chokepoint-game/chokepoint/internal/safetext"
)

// scalar reads scalar node n into v (text, a boolean or a number) and
// returns what is wrong with it, or "". The parser has already resolved
// what the value is (its tag): 10 is a number, "10" and 10% are text, true
// is a boolean; numbers are read as YAML writes them (1_000, 0x1f, 1e3).
func (w *walker) scalar(n *yaml.Node, v reflect.Value, multiline bool) string {
	t := v.Type()
	str := n.Tag == "!!str" // quoted, or tagged !!str, or plain text
	switch t.Kind() {
	case reflect.String:
		// Whatever the parser made of it, text is what the author wrote:
		// level ids like 10 or dates are numbers to the YAML reader.
		if bad := safetext.Check(n.Value, multiline); bad != nil {
			return bad.Error()
		}
		v.SetString(n.Value)
		return ""
	case reflect.Bool:
		if n.Tag == "!!bool" {
			if b, err := strconv.ParseBool(strings.ToLower(n.Value)); err == nil {
				v.SetBool(b)
				return ""
			}
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x, msg := wholeNumber(n)
		if msg != "" {
			return msg
		}
		i, ok := x.(int64)
		if u, isU := x.(uint64); isU && u <= math.MaxInt64 {
			i, ok = int64(u), true
		}
		if !ok || v.OverflowInt(i) {
			return fmt.Sprintf("%s is out of range", n.Value)
		}
		v.SetInt(i)
		return ""
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		x, msg := wholeNumber(n)
		if msg != "" {
			return msg
		}
		u, ok := x.(uint64)
		if i, isI := x.(int64); isI && i >= 0 {
			u, ok = uint64(i), true
		}
		if !ok || v.OverflowUint(u) {
			return fmt.Sprintf("%s is out of range", n.Value)
		}
		v.SetUint(u)
		return ""
	case reflect.Float32, reflect.Float64:
		switch {
		case n.Tag == "!!int" && !tagged(n):
			x, msg := wholeNumber(n)
			if msg != "" {
				return msg
			}
			switch x := x.(type) {
			case int64:
				v.SetFloat(float64(x))
			case uint64:
				v.SetFloat(float64(x))
			}
			return ""
		case n.Tag == "!!float" && !tagged(n):
			f, err := parseFloat(n.Value)
			switch {
			case err != nil:
				return fmt.Sprintf("%s is out of range", n.Value)
			case math.IsNaN(f) || math.IsInf(f, 0):
				return fmt.Sprintf("expected a finite number, found %s", n.Value)
			case v.OverflowFloat(f):
				return fmt.Sprintf("%s is out of range", n.Value)
			}
			v.SetFloat(f)
			return ""
		case str && looksNumeric(n):
			return fmt.Sprintf("%s is out of range", n.Value)
		}
	default:
		return fmt.Sprintf("expected %s, found %s", want(t), found(n))
	}
	if tagged(n) {
		return fmt.Sprintf("expected %s, found text (tagged !!str)", want(t))
	}
	return fmt.Sprintf("expected %s, found %s", want(t), found(n))
}

// wholeNumber reads a scalar the parser took for a number as an int64 or
// a uint64 (for values past the int64 range); a whole number written as
// a float (29e0) counts. msg says why it is not one.
func wholeNumber(n *yaml.Node) (x any, msg string) {
	if tagged(n) {
		return nil, "expected a whole number, found text (tagged !!str)"
	}
	switch n.Tag {
	case "!!int":
		text := strings.ReplaceAll(n.Value, "_", "")
		if i, err := strconv.ParseInt(text, 0, 64); err == nil {
			return i, ""
		}
		if u, err := strconv.ParseUint(strings.TrimPrefix(text, "+"), 0, 64); err == nil {
			return u, ""
		}
		return nil, fmt.Sprintf("%s is out of range", n.Value)
	case "!!float":
		f, err := parseFloat(n.Value)
		switch {
		case err != nil:
			return nil, fmt.Sprintf("%s is out of range", n.Value)
		case math.IsNaN(f) || math.IsInf(f, 0) || f != math.Trunc(f):
			return nil, fmt.Sprintf("expected a whole number, found %s", n.Value)
		case f < -(1<<63) || f >= 1<<63:
			return nil, fmt.Sprintf("%s is out of range", n.Value)
		}
		return int64(f), ""
	case "!!str":
		if looksNumeric(n) {
			return nil, fmt.Sprintf("%s is out of range", n.Value)
		}
	}
	return nil, fmt.Sprintf("expected a whole number, found %s", found(n))
}

// parseFloat reads a number the parser resolved as a float, in YAML's
// spelling (.inf, -.Inf, .nan, 1_000.5).
func parseFloat(s string) (float64, error) {
	switch strings.ToLower(strings.TrimPrefix(s, "+")) {
	case ".inf":
		return math.Inf(1), nil
	case "-.inf":
		return math.Inf(-1), nil
	case ".nan":
		return math.NaN(), nil
	}
	return strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
}

// looksNumeric spots an unquoted number the parser kept as text because
// it does not fit 64 bits (99999999999999999999, 1e400).
func looksNumeric(n *yaml.Node) bool {
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle|yaml.TaggedStyle) != 0 {
		return false
	}
	text := strings.ReplaceAll(n.Value, "_", "")
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
		if t.Implements(oneOrListType) {
			return fmt.Sprintf("%s or a list of them", want(t.Elem()))
		}
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
func found(n *yaml.Node) string {
	if n == nil {
		return "nothing"
	}
	quote := func(what string) string {
		if len(n.Value) > 40 || strings.ContainsAny(n.Value, "\n") {
			return what
		}
		return fmt.Sprintf("%s %q", what, n.Value)
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
	default:
		return "nothing"
	}
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return "a block of text"
	}
	switch n.Tag {
	case "!!int", "!!float":
		return quote("the number")
	case "!!bool":
		return quote("the boolean")
	case "!!null":
		return "nothing"
	}
	return quote("text")
}
