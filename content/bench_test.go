package content

import "testing"

// BenchmarkLoadDefault measures reading, checking and validating the
// default scenario from its YAML: the whole loader.
func BenchmarkLoadDefault(b *testing.B) {
	data, err := ScenarioSource("rare-earth-card")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Load("rare-earth-card.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGetDefault measures loading the default scenario as a game
// does, by id: from the YAML embedded in the binary.
func BenchmarkGetDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Get("rare-earth-card"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadHostile measures the worst files the size limit lets
// through: a megabyte of keys (tab-separated, which once slipped past a
// count of keys), and one long text aliased until the limit on expanded
// text. Both must be refused in well under a second.
func BenchmarkLoadHostile(b *testing.B) {
	for name, data := range map[string][]byte{"keys": manyKeys(), "aliased-text": aliasedText()} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Load("hostile.yaml", data); err == nil {
					b.Fatal("a hostile file loaded")
				}
			}
		})
	}
}
