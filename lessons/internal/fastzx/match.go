// The matches: the pieces of a password the matchers find, and the best
// reading's sequence of them.

package fastzx

import (
	"cmp"
	"slices"
)

// Match is a piece of the password that a matcher found, password[I..J],
// with what zxcvbn keeps of it for each pattern: trustelem's match.Match,
// field for field (but the JSON names and the unused Entropy).
type Match struct {
	Pattern string // dictionary, spatial, repeat, sequence, regex, date or bruteforce
	I, J    int    // the first and last character, counted from 0
	Token   string // password[I..J]

	// Dictionary
	Reversed            bool
	UppercaseVariations float64
	L33tVariations      float64
	MatchedWord         string
	Rank                int
	DictionaryName      string
	L33t                bool
	Sub                 map[string]string // look-alike → the letter it stands for

	// Spatial and sequence
	Graph         string
	SequenceName  string
	SequenceSpace int
	Ascending     bool
	Turns         int
	ShiftedCount  int

	// Repeat
	BaseToken   string
	BaseGuesses float64
	BaseMatches []*Match
	RepeatCount int

	// Regex
	RegexName string

	// Date
	Year, Month, Day int
	Separator        string

	// Guesses are the match's guesses, set when it is first scored.
	Guesses float64
}

// sortMatches orders matches by start, then end, keeping the order of
// equal ones (trustelem's match.Sort).
func sortMatches(ms []*Match) {
	slices.SortStableFunc(ms, func(a, b *Match) int { return cmp.Or(cmp.Compare(a.I, b.I), cmp.Compare(a.J, b.J)) })
}
