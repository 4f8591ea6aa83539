package ai

import "testing"

// An objective quoted in a note to another seat speaks for the seat that
// holds it.
func TestFirstPerson(t *testing.T) {
	for in, want := range map[string]string{
		"end the tutorial with the US tariff on your goods at 10% or less": "end the tutorial with the US tariff on our goods at 10% or less",
		"keep licensing towards you open, as you wish":                     "keep licensing towards us open, as we wish",
		"Your economy at 101 or more; yours.":                              "Our economy at 101 or more; ours.",
		"youth and yourselves are other words":                             "youth and yourselves are other words",
	} {
		if got := firstPerson(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}
