package content

import (
	"reflect"
	"slices"
	"strings"
	"sync"
)

// fieldCache maps a struct type to its fields by YAML name. The scenario
// types are few and fixed, so the cache never grows past a dozen entries.
var fieldCache sync.Map // reflect.Type -> map[string]reflect.Type

// fieldsOf lists the YAML names of struct type t with the type of each
// field, following the decoder's rules: the name is the yaml tag's first
// part, "-" hides a field, unexported fields are not decoded, and an
// ",inline" or untagged embedded struct lends its fields to the outer one.
func fieldsOf(t reflect.Type) map[string]reflect.Type {
	if f, ok := fieldCache.Load(t); ok {
		return f.(map[string]reflect.Type)
	}
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		ft := sf.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		inline := slices.Contains(strings.Split(opts, ","), "inline") || sf.Anonymous && name == ""
		if inline && ft.Kind() == reflect.Struct {
			for k, v := range fieldsOf(ft) {
				out[k] = v
			}
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = strings.ToLower(sf.Name)
		}
		out[name] = sf.Type
	}
	fieldCache.Store(t, out)
	return out
}

// suggest proposes the known field closest to a misspelt one, since most
// unknown fields are typos ("turn-month", "setter").
func suggest(name string, fields map[string]reflect.Type) string {
	best, bestD := "", len(name)/3+2
	for f := range fields {
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
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
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
