// The guesses of a match: zxcvbn's formulas for each pattern, as
// trustelem's scoring.EstimateGuesses has them (TestGuessesSameAsTrustelem
// compares the two on every match of many passwords).

package fastzx

import (
	"math"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// zxcvbn's constants.
const (
	bruteforceCardinality           = 10
	minGuessesBeforeGrowingSequence = 10000
	minSubmatchGuessesSingleChar    = 10
	minSubmatchGuessesMultiChar     = 50
	minYearSpace                    = 20
)

// refYear is the year dates are counted from, read on first use (0: not
// yet); trustelem reads it when the program starts.
var refYear atomic.Int64

// referenceYear is this year, as it was when first asked.
func referenceYear() int {
	if y := refYear.Load(); y != 0 {
		return int(y)
	}
	refYear.CompareAndSwap(0, int64(time.Now().Year()))
	return int(refYear.Load())
}

// estimateGuesses are the guesses of m, kept in m.Guesses: at least 10 for
// a single character and 50 for more, unless m is the whole password.
func estimateGuesses(m *Match, password string) float64 {
	if m.Guesses > 0 {
		return m.Guesses
	}
	minGuesses := float64(1)
	if len(m.Token) < len(password) {
		if len(m.Token) == 1 {
			minGuesses = minSubmatchGuessesSingleChar
		} else {
			minGuesses = minSubmatchGuessesMultiChar
		}
	}
	var guesses float64
	switch m.Pattern {
	case "bruteforce":
		guesses = bruteforceGuesses(m)
	case "dictionary":
		guesses = dictionaryGuesses(m)
	case "spatial":
		guesses = spatialGuesses(m)
	case "repeat":
		guesses = m.BaseGuesses * float64(m.RepeatCount)
	case "sequence":
		guesses = sequenceGuesses(m)
	case "regex":
		guesses = regexGuesses(m)
	case "date":
		guesses = dateGuesses(m)
	}
	m.Guesses = max(guesses, minGuesses)
	return m.Guesses
}

func bruteforceGuesses(m *Match) float64 {
	n := utf8.RuneCountInString(m.Token)
	guesses := math.Pow(bruteforceCardinality, float64(n))
	// One more than a submatch's least, so that another match over the
	// same characters is preferred.
	least := float64(minSubmatchGuessesMultiChar + 1)
	if n == 1 {
		least = minSubmatchGuessesSingleChar + 1
	}
	return max(guesses, least)
}

func dictionaryGuesses(m *Match) float64 {
	m.BaseGuesses = float64(m.Rank)
	m.UppercaseVariations = uppercaseVariations(m.Token)
	m.L33tVariations = l33tVariations(m)
	reversed := float64(1)
	if m.Reversed {
		reversed = 2
	}
	return m.BaseGuesses * m.UppercaseVariations * m.L33tVariations * reversed
}

// upperLower counts the letters A-Z and a-z in w.
func upperLower(w string) (upper, lower int) {
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case 'A' <= c && c <= 'Z':
			upper++
		case 'a' <= c && c <= 'z':
			lower++
		}
	}
	return upper, lower
}

// uppercaseVariations: 1 with no capital, 2 for the common ways (first
// letter, last letter, all capitals), else the ways to put that many
// capitals among the letters. trustelem tests the common ways with the
// regular expressions ^[A-Z][^A-Z]+$, ^[^A-Z]+[A-Z]$ and ^[^a-z]+$, which
// the counts tell as well on ASCII (all fastzx sees).
func uppercaseVariations(w string) float64 {
	u, l := upperLower(w)
	if u == 0 {
		return 1
	}
	upperAt := func(i int) bool { return 'A' <= w[i] && w[i] <= 'Z' }
	n := len(w)
	if (n >= 2 && u == 1 && (upperAt(0) || upperAt(n-1))) || l == 0 {
		return 2
	}
	variations := float64(0)
	for i := 1; i <= u && i <= l; i++ {
		variations += nCk(u+l, i)
	}
	return variations
}

// l33tVariations: for each look-alike, 2 when every or no such letter is
// written with it, else the ways to write that many with it.
func l33tVariations(m *Match) float64 {
	if !m.L33t {
		return 1
	}
	chrs := strings.ToLower(m.Token)
	variations := float64(1)
	for subbed, unsubbed := range m.Sub {
		s, u := 0, 0
		for _, c := range chrs {
			if string(c) == subbed {
				s++
			}
			if string(c) == unsubbed {
				u++
			}
		}
		if s == 0 || u == 0 {
			variations *= 2
			continue
		}
		possibilities := float64(0)
		for i := 1; i <= min(u, s); i++ {
			possibilities += nCk(u+s, i)
		}
		variations *= possibilities
	}
	return variations
}

// spatialGuesses: the runs of this length or shorter with as many turns or
// fewer, times the ways to shift as many keys.
func spatialGuesses(m *Match) float64 {
	kb := &keyboards[0] // qwerty and dvorak count as qwerty
	if m.Graph != "qwerty" && m.Graph != "dvorak" {
		kb = &keyboards[2] // the keypads as keypad
	}
	s := float64(kb.keys)
	d := float64(kb.links) / float64(kb.keys)
	guesses := float64(0)
	l := utf8.RuneCountInString(m.Token)
	for i := 2; i <= l; i++ {
		for j := 1; j <= min(m.Turns, i-1); j++ {
			guesses += nCk(i-1, j-1) * s * math.Pow(d, float64(j))
		}
	}
	if m.ShiftedCount > 0 {
		s, u := m.ShiftedCount, l-m.ShiftedCount
		if u == 0 {
			guesses *= 2
		} else {
			shifted := float64(0)
			for i := 1; i <= min(s, u); i++ {
				shifted += nCk(s+u, i)
			}
			guesses *= shifted
		}
	}
	return guesses
}

func sequenceGuesses(m *Match) float64 {
	base := 26 // any letter, capital or not
	switch c := m.Token[0]; {
	case strings.IndexByte("aAzZ019", c) >= 0:
		base = 4 // the obvious starts
	case '0' <= c && c <= '9':
		base = 10
	}
	if !m.Ascending {
		base *= 2
	}
	return float64(base * len(m.Token))
}

// regexGuesses: only recent_year is looked for.
func regexGuesses(m *Match) float64 {
	if m.RegexName != "recent_year" {
		return 0
	}
	year, _ := strconv.Atoi(m.Token)
	return float64(max(yearSpace(year), minYearSpace))
}

func dateGuesses(m *Match) float64 {
	guesses := max(yearSpace(m.Year), minYearSpace) * 365
	if m.Separator != "" {
		guesses *= 4
	}
	return float64(guesses)
}

// yearSpace is how far year is from the reference year.
func yearSpace(year int) int {
	d := year - referenceYear()
	return max(d, -d)
}

// nCk is n choose k.
func nCk(n, k int) float64 {
	if k > n {
		return 0
	}
	r := float64(1)
	for d := 1; d <= k; d++ {
		r *= float64(n)
		r /= float64(d)
		n--
	}
	return r
}
