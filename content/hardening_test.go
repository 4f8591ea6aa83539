package content

import (
	"fmt"
	"strings"
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
