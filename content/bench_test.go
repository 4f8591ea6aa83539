package content

import "testing"

// BenchmarkLoadDefault measures reading, checking and validating the
// default scenario from its embedded YAML.
func BenchmarkLoadDefault(b *testing.B) {
	data, err := shippedFS.ReadFile("scenarios/rare-earth-card.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := Load("rare-earth-card.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGetDefault measures loading and validating the default
// scenario as a game does: from its pre-decoded form.
func BenchmarkGetDefault(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Get("rare-earth-card"); err != nil {
			b.Fatal(err)
		}
	}
}
