package content

import (
	"reflect"
	"slices"
	"strings"
	"sync"
)

// field is one struct field as the YAML decoder sees it.
type field struct {
	typ   reflect.Type
	index []int // for reflect.Value.FieldByIndex, through inlined structs
}

// fieldCache maps a struct type to its fields by YAML name. The content
// types are few and fixed, so the cache never grows past a few dozen
// entries.
var fieldCache sync.Map // reflect.Type -> map[string]field

// fieldsOf lists the YAML names of struct type t with each field's type
// and index, following the decoder's rules: the name is the yaml tag's
// first part, "-" hides a field, unexported fields are not decoded, and an
// ",inline" or untagged embedded struct lends its fields to the outer one.
func fieldsOf(t reflect.Type) map[string]field {
	if f, ok := fieldCache.Load(t); ok {
		return f.(map[string]field)
	}
	out := map[string]field{}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		inline := slices.Contains(strings.Split(opts, ","), "inline") || sf.Anonymous && name == ""
		if inline && sf.Type.Kind() == reflect.Struct {
			for k, f := range fieldsOf(sf.Type) {
				out[k] = field{f.typ, append([]int{i}, f.index...)}
			}
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = strings.ToLower(sf.Name)
		}
		out[name] = field{sf.Type, []int{i}}
	}
	fieldCache.Store(t, out)
	return out
}

// suggest proposes the known field closest to a misspelt one, since most
// unknown fields are typos ("turn-month", "setter").
func suggest[V any](name string, fields map[string]V) string {
	best, bestD := "", len(name)/3+2
	for f := range fields {
		if len(f)-len(name) >= bestD || len(name)-len(f) >= bestD {
			continue // too far apart in length to be a typo
		}
		if d := distance(name, f); d < bestD || d == bestD && best != "" && f < best {
			best, bestD = f, d
		}
	}
	if best == "" {
		return ""
	}
	return ` (did you mean "` + best + `"?)`
}

// distance is the Levenshtein edit distance between two short names.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return max(len(a), len(b)) // not a typo of a field name
	}
	var prev, cur [65]int
	for j := range len(b) + 1 {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
