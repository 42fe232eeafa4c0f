// Package fastzx is zxcvbn 4.4.2 (Dropbox's password strength estimator)
// made fast enough to judge a password after every key: the same matchers,
// the same scoring and the same data. It started from the Go port
// trustelem/zxcvbn: its word lists and keyboard graphs are compiled from
// the port's by go generate (dict.bin, keyboards.go), its guess formulas
// are the port's scoring.EstimateGuesses (scoring.go), and the port is
// only imported by the tests, which check all three against it. Where the
// port departs from the original it follows the original: a date's day
// and month start at 1 (date.go), every reading of the look-alikes is
// tried (enumerateL33tSubs), and what a repeat repeats is read with the
// user inputs too (repeatMatch).
//
// What differs is how the words are found: every dictionary and the user
// inputs are tries walked together from each place in the password, which
// stop as soon as no word starts with what was read; the readings of the
// look-alikes (zxcvbn searches the password again for each) are walked
// together and part only where they read a character differently; and the
// scoring tables are slices instead of maps.
//
// It works on ASCII; Strength maps any other character to one ASCII
// placeholder first (zxcvbn counts every character as 10 guesses when no
// pattern covers it, whatever the character). On printable ASCII it gives
// the original's guesses and sequence of matches: TestSameAsZxcvbn checks
// that on a table made by the npm package zxcvbn@4.4.2 itself (16,636
// passwords: every 4 digits, dates, ordinary passwords; testdata/gen), and
// FuzzStrength against trustelem where the port is the original.
//
// The code and data follow trustelem/zxcvbn v1.0.1 (MIT licence, Copyright
// (c) 2018 Vincent Vanackere and Trustelem), itself a port of Dropbox's
// zxcvbn (MIT licence, Copyright (c) 2012-2015 Dan Wheeler and Dropbox,
// Inc.): both notices are in LICENSE beside this file.
package fastzx

import "strings"

// Inputs are the user inputs (names, words the site knows): a dictionary of
// its own, "user_inputs". Make them once and judge many passwords with them.
type Inputs struct {
	words *trie // nil: no inputs
	rank  []int // rank[v] is the rank of the input of value v
	then  *Inputs
	// offset is added to the ranks of then: the number of distinct inputs
	// here, as trustelem ranks a list that follows another.
	offset int
}

// Then returns inputs that are in first, then rest (made once, shared): a
// word in both keeps its place in first. (zxcvbn, given first and rest as
// one list, would rank it at its place in rest: the learner's name is
// ranked first here on purpose.)
func Then(first []string, rest *Inputs) *Inputs {
	in := NewInputs(first)
	in.then = rest
	return in
}

// NewInputs ranks the inputs in order, lowercase; an input listed twice
// keeps its last rank, as in trustelem.
func NewInputs(list []string) *Inputs {
	rank := make(map[string]int, len(list))
	for i, w := range list {
		rank[strings.ToLower(w)] = i + 1
	}
	in := &Inputs{offset: len(rank)}
	if len(rank) == 0 {
		return in
	}
	sorted := sortedKeys(rank)
	var order []int32
	in.words, order = newTrie(sorted)
	in.rank = make([]int, len(sorted))
	for v, i := range order {
		in.rank[v] = rank[sorted[i]]
	}
	return in
}

// chain lists in and the inputs after it, with the rank offset of each.
func (in *Inputs) chain() (tries []*trie, ranks [][]int, offsets []int) {
	off := 0
	for ; in != nil; in = in.then {
		if in.words != nil {
			tries, ranks, offsets = append(tries, in.words), append(ranks, in.rank), append(offsets, off)
		}
		off += in.offset
	}
	return tries, ranks, offsets
}

// Result is zxcvbn's verdict.
type Result struct {
	Guesses  float64
	Score    int
	Sequence []*Match
}

// placeholder stands for any character that is not ASCII.
const placeholder = '\x1a'

// ASCII maps every character that is not ASCII to one placeholder byte,
// so that indices are characters.
func ASCII(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r < 0x80 {
			b = append(b, byte(r))
		} else {
			b = append(b, placeholder)
		}
	}
	return string(b)
}

// Strength judges a password as zxcvbn would, with in as user inputs (nil
// for none).
func Strength(password string, in *Inputs) Result {
	Warm()
	password = ASCII(password)
	if in == nil {
		in = &Inputs{}
	}
	seq, guesses := mostGuessable(password, omnimatch(password, in), false)
	return Result{Guesses: guesses, Score: guessesToScore(guesses), Sequence: seq}
}

func guessesToScore(guesses float64) int {
	const delta = 5
	switch {
	case guesses < 1e3+delta:
		return 0
	case guesses < 1e6+delta:
		return 1
	case guesses < 1e8+delta:
		return 2
	case guesses < 1e10+delta:
		return 3
	}
	return 4
}

func omnimatch(password string, in *Inputs) []*Match {
	lower := strings.ToLower(password)
	s := newSearcher(in)
	var ms []*Match
	ms = dictionaryMatch(ms, password, lower, s)
	ms = reverseDictionaryMatch(ms, password, s)
	ms = l33tMatch(ms, password, lower, s)
	for g := range keyboards {
		ms = spatialMatch(ms, password, &keyboards[g])
	}
	ms = repeatMatch(ms, password, in)
	ms = sequenceMatch(ms, password)
	ms = regexMatch(ms, password)
	ms = dateMatch(ms, password)
	sortMatches(ms)
	return ms
}
