package report_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/chokepoint-game/chokepoint/internal/palette"
)

// TestHTMLIsSelfContained parses the fixed game's HTML report: one chart
// (an svg) per seat indicator and per world indicator, a line and a
// legend entry per seat in the seat's colour, and nothing that runs or
// fetches: no script, no external style, font, image or frame, no event
// handler, and no link but to the page's own sections.
func TestHTMLIsSelfContained(t *testing.T) {
	r := fixedReport(t)
	var buf bytes.Buffer
	if err := r.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	charts := map[string][]*html.Node{} // section id -> its svgs
	var section string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Link, atom.Img, atom.Iframe, atom.Object, atom.Embed, atom.Frame, atom.Video, atom.Audio, atom.Base:
				t.Errorf("the page holds a <%s>", n.Data)
			case atom.Section:
				section = attr(n, "id")
			}
			if n.Data == "svg" {
				charts[section] = append(charts[section], n)
			}
			if n.Data == "image" || n.Data == "foreignObject" || n.Data == "use" {
				t.Errorf("an svg holds a <%s>", n.Data)
			}
			for _, a := range n.Attr {
				switch {
				case strings.HasPrefix(a.Key, "on"):
					t.Errorf("<%s %s=...>: an event handler", n.Data, a.Key)
				case a.Key == "src" || a.Key == "srcset" || a.Key == "xlink:href" || a.Key == "action":
					t.Errorf("<%s %s=%q>: an external reference", n.Data, a.Key, a.Val)
				case a.Key == "href" && !strings.HasPrefix(a.Val, "#"):
					t.Errorf("<%s href=%q>: a link out of the page", n.Data, a.Val)
				case a.Key == "style" && strings.Contains(a.Val, "url("):
					t.Errorf("<%s style=%q>: a fetched resource", n.Data, a.Val)
				case a.Key == "id":
					ids[a.Val] = true
				}
			}
			if n.DataAtom == atom.Style {
				css := text(n)
				for _, bad := range []string{"@import", "url(", "@font-face"} {
					if strings.Contains(css, bad) {
						t.Errorf("the style sheet fetches something: %s", bad)
					}
				}
				if !strings.Contains(css, "@media print") {
					t.Error("the style sheet has no print styles")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, id := range []string{"scores", "timeline", "deals", "behaviour", "moves", "indicators", "world", "questions"} {
		if !ids[id] {
			t.Errorf("no section #%s", id)
		}
	}
	if n := len(charts["indicators"]); n != len(r.Seats) {
		t.Errorf("%d charts of seat indicators for %d indicators", n, len(r.Seats))
	}
	if n := len(charts["world"]); n != len(r.World) {
		t.Errorf("%d charts of world indicators for %d world indicators", n, len(r.World))
	}
	if n := len(charts) - 2; n != 0 {
		t.Errorf("svgs outside the charts' sections: %v", charts)
	}
	seats := len(r.Scenario.Seats)
	for k, svg := range charts["indicators"] {
		var lines, keys []*html.Node
		find(svg, func(n *html.Node) {
			switch {
			case n.Data == "polyline":
				lines = append(lines, n)
			case n.Data == "text" && attr(n, "class") == "key":
				keys = append(keys, n)
			}
		})
		if len(lines) != seats || len(keys) != seats {
			t.Errorf("chart %d: %d lines and %d legend entries for %d seats", k, len(lines), len(keys), seats)
			continue
		}
		for i := range seats {
			if c := attr(lines[i], "stroke"); c != palette.Seat(i) {
				t.Errorf("chart %d: seat %d's line is %s, not its colour %s", k, i, c, palette.Seat(i))
			}
			if c := attr(keys[i], "fill"); c != palette.Seat(i) || text(keys[i]) != r.Scenario.Tag(i) {
				t.Errorf("chart %d: legend entry %d is %q in %s", k, i, text(keys[i]), c)
			}
		}
		if got := strings.Count(attr(lines[0], "points"), ","); got != len(r.Seats[k].Values[0]) {
			t.Errorf("chart %d: %d points for %d values", k, got, len(r.Seats[k].Values[0]))
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	find(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

func find(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		find(c, f)
	}
}

// TestHTMLIsWellFormed: every element the report opens it closes, in
// order (html.Parse forgives what a stricter reader, or a printer's
// converter, might not).
func TestHTMLIsWellFormed(t *testing.T) {
	for name, r := range map[string]interface {
		WriteHTML(w io.Writer) error
	}{"fixed": fixedReport(t), "facilitated": facilitated(t)} {
		var buf bytes.Buffer
		if err := r.WriteHTML(&buf); err != nil {
			t.Fatal(err)
		}
		void := map[string]bool{"meta": true, "br": true, "line": true, "img": true, "hr": true, "input": true, "link": true}
		var stack []string
		z := html.NewTokenizer(&buf)
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				if z.Err() != io.EOF {
					t.Fatalf("%s: %v", name, z.Err())
				}
				break
			}
			tag, _ := z.TagName()
			switch tt {
			case html.StartTagToken:
				if !void[string(tag)] {
					stack = append(stack, string(tag))
				}
			case html.EndTagToken:
				if n := len(stack); n == 0 || stack[n-1] != string(tag) {
					t.Fatalf("%s: </%s> closes %v", name, tag, stack[max(0, len(stack)-3):])
				}
				stack = stack[:len(stack)-1]
			}
		}
		if len(stack) > 0 {
			t.Errorf("%s: left open: %v", name, stack)
		}
	}
}
