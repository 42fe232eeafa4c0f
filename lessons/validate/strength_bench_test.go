package validate

import (
	"fmt"
	"strings"
	"testing"
)

// benchPasswords are the kinds of password a learner types, at each length
// up to MaxPasswordLen: words, random letters and digits, look-alike
// symbols (the slowest for zxcvbn), accents.
func benchPasswords(n int) map[string]string {
	cut := func(s string) string {
		return Truncate(strings.Repeat(s, n/len([]rune(s))+1))[:0] + string([]rune(strings.Repeat(s, n))[:n])
	}
	return map[string]string{
		"words":  cut("nube tren queso piano "),
		"random": cut("Xk4mz9qwP7vB2nL8rT5yH3jK"),
		"leet":   cut("p@55w0rd1|!7"),
		"accent": cut("ñandú cigüeña árbol "),
	}
}

// BenchmarkPasswordStrength is the cost of judging one keystroke: the meter
// judges the whole password again after every key.
func BenchmarkPasswordStrength(b *testing.B) {
	WarmStrength() // once per run, measured by fastzx.BenchmarkLoadDictionaries
	for _, n := range []int{8, 16, 32, 64} {
		for kind, p := range benchPasswords(n) {
			b.Run(fmt.Sprintf("%s-%d", kind, n), func(b *testing.B) {
				for b.Loop() {
					PasswordStrength(p, "Lucía Prueba")
				}
			})
		}
	}
}
