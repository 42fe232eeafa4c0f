package fastzx

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/trustelem/zxcvbn/match"
	"github.com/trustelem/zxcvbn/scoring"
)

// trustelemMatch is m as trustelem's scoring reads it.
func trustelemMatch(m *Match) *match.Match {
	return &match.Match{Pattern: m.Pattern, I: m.I, J: m.J, Token: m.Token, Reversed: m.Reversed,
		MatchedWord: m.MatchedWord, Rank: m.Rank, DictionaryName: m.DictionaryName, L33t: m.L33t, Sub: m.Sub,
		Graph: m.Graph, SequenceName: m.SequenceName, SequenceSpace: m.SequenceSpace, Ascending: m.Ascending,
		Turns: m.Turns, ShiftedCount: m.ShiftedCount, BaseToken: m.BaseToken, BaseGuesses: m.BaseGuesses,
		RepeatCount: m.RepeatCount, RegexName: m.RegexName, Year: m.Year, Month: m.Month, Day: m.Day,
		Separator: m.Separator}
}

// sameGuesses scores m with estimateGuesses and trustelem's
// EstimateGuesses, which must agree to the bit, and on what they keep.
func sameGuesses(t *testing.T, pw string, m *Match) {
	t.Helper()
	want := trustelemMatch(m)
	got, wantG := estimateGuesses(m, pw), scoring.EstimateGuesses(want, pw)
	if got != wantG || m.BaseGuesses != want.BaseGuesses ||
		m.UppercaseVariations != want.UppercaseVariations || m.L33tVariations != want.L33tVariations {
		t.Fatalf("%q: %s match %q: fastzx %v guesses (base %v, upper %v, l33t %v), trustelem %v (%v, %v, %v)",
			pw, m.Pattern, m.Token, got, m.BaseGuesses, m.UppercaseVariations, m.L33tVariations,
			wantG, want.BaseGuesses, want.UppercaseVariations, want.L33tVariations)
	}
}

// TestGuessesSameAsTrustelem: estimateGuesses, ported from trustelem's
// scoring.EstimateGuesses, gives its guesses (to the bit) and the values
// it keeps on every match fastzx finds in zxcvbn's table of passwords,
// written as they are and with capitals here and there, and on bruteforce
// matches of every length.
func TestGuessesSameAsTrustelem(t *testing.T) {
	if y := referenceYear(); scoring.ReferenceYear != y {
		t.Fatalf("reference years differ: fastzx %d, trustelem %d", y, scoring.ReferenceYear)
	}
	_, refs := readReference(t)
	r := rand.New(rand.NewPCG(14, 2026))
	in := NewInputs(inputs)
	patterns := map[string]int{}
	Warm()
	for k, ref := range refs {
		if testing.Short() && k%10 != 0 {
			continue
		}
		p := []byte(ref.password)
		for i := range p {
			if r.IntN(4) == 0 && 'a' <= p[i] && p[i] <= 'z' {
				p[i] -= 'a' - 'A'
			}
		}
		for _, pw := range []string{ref.password, string(p)} {
			for _, m := range omnimatch(pw, in) {
				sameGuesses(t, pw, m)
				patterns[m.Pattern]++
				if m.L33t {
					patterns["l33t"]++
				}
				if m.Reversed {
					patterns["reversed"]++
				}
			}
		}
	}
	for n := 1; n <= 64; n++ {
		token := strings.Repeat("x", n)
		sameGuesses(t, token+"y", &Match{Pattern: "bruteforce", Token: token, J: n - 1})
	}
	for _, p := range []string{"dictionary", "spatial", "repeat", "sequence", "regex", "date", "l33t", "reversed"} {
		if patterns[p] < 50 {
			t.Errorf("only %d %s matches compared", patterns[p], p)
		}
	}
	t.Logf("matches compared: %v", patterns)
}

// TestUppercaseVariations: the capitals' cases trustelem tells with
// regular expressions.
func TestUppercaseVariations(t *testing.T) {
	for _, w := range []string{"", "a", "A", "ab", "Ab", "aB", "AB", "aBc", "ABc", "AbC", "abC", "1", "1A", "A1", "a1B",
		"PASSwORD", "PassWord", "pASSWORD", "P4SSW0RD", "p4ssw0rD", "-A-", "AAAa"} {
		if got, want := uppercaseVariations(w), scoring.UppercaseVariations(w); got != want {
			t.Errorf("uppercaseVariations(%q) = %v, trustelem %v", w, got, want)
		}
	}
}
