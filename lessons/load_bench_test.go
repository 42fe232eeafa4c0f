package lessons

import "testing"

// BenchmarkLoadBuiltIn is the cost of reading and checking every built-in
// lesson, as the kiosk does at start.
func BenchmarkLoadBuiltIn(b *testing.B) {
	for b.Loop() {
		if _, problems := Load(Source{Name: "content", FS: BuiltIn()}); len(problems) > 0 {
			b.Fatal(problems)
		}
	}
}
