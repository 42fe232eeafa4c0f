// Package fastzx is zxcvbn 4.4.2 (Dropbox's password strength estimator)
// made fast enough to judge a password after every key: the same matchers,
// the same scoring and the same data. It started from the Go port
// trustelem/zxcvbn, whose word lists, keyboard graphs and guess formulas
// (scoring.EstimateGuesses) it uses; where the port departs from the
// original it follows the original: a date's day and month start at 1
// (date.go), every reading of the look-alikes is tried
// (enumerateL33tSubs), and what a repeat repeats is read with the user
// inputs too (repeatMatch).
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
// The code follows trustelem/zxcvbn v1.0.1 (MIT licence, Copyright (c) 2018
// Vincent Vanackere and Trustelem), itself a port of Dropbox's zxcvbn (MIT).
package fastzx

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/trustelem/zxcvbn/adjacency"
	"github.com/trustelem/zxcvbn/match"
	"github.com/trustelem/zxcvbn/scoring"
)

// graphs are the keyboards spatialMatch looks for patterns on.
var graphs = []*adjacency.Graph{adjacency.Graphs["qwerty"], adjacency.Graphs["dvorak"],
	adjacency.Graphs["keypad"], adjacency.Graphs["mac_keypad"]}

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
// word in both keeps its place in first.
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
	Sequence []*match.Match
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

func omnimatch(password string, in *Inputs) []*match.Match {
	lower := strings.ToLower(password)
	s := newSearcher(in)
	var ms []*match.Match
	ms = dictionaryMatch(ms, password, lower, s)
	ms = reverseDictionaryMatch(ms, password, s)
	ms = l33tMatch(ms, password, lower, s)
	for _, g := range graphs {
		ms = spatialMatch(ms, password, g)
	}
	ms = repeatMatch(ms, password, in)
	ms = sequenceMatch(ms, password)
	ms = regexMatch(ms, password)
	ms = dateMatch(ms, password)
	match.Sort(ms)
	return ms
}

// searcher finds the words of the dictionaries and of the inputs, walking
// all their tries together: state k is the node reached in tries[k] (-1:
// no word there goes on).
type searcher struct {
	tries   []*trie // dict, then the inputs'
	ranks   [][]int // ranks[k][v]: the rank of the input of value v (k ≥ 1)
	offsets []int   // added to the ranks of tries[k] (k ≥ 1)
}

func newSearcher(in *Inputs) *searcher {
	tries, ranks, offsets := in.chain()
	return &searcher{
		tries:   append([]*trie{dict}, tries...),
		ranks:   append([][]int{nil}, ranks...),
		offsets: append([]int{0}, offsets...),
	}
}

// step moves the state from by c into to, and says whether any word goes on.
func (s *searcher) step(to, from []int32, c byte) bool {
	alive := false
	for k, n := range from {
		if n >= 0 {
			n = s.tries[k].next(n, c)
		}
		to[k] = n
		alive = alive || n >= 0
	}
	return alive
}

// ends says whether a word ends at state.
func (s *searcher) ends(state []int32) bool {
	for k, n := range state {
		if n >= 0 && s.tries[k].valueOf(n) >= 0 {
			return true
		}
	}
	return false
}

// emit adds the words that end at state, as trustelem lists them: each
// dictionary in dictNames' order, then the first inputs that hold it.
func (s *searcher) emit(ms []*match.Match, state []int32, i, j int, token, word string) []*match.Match {
	if n := state[0]; n >= 0 {
		if v := dict.valueOf(n); v >= 0 {
			for l := u32(listed, int(v)); l < u32(listed, int(v)+1); l++ {
				ms = append(ms, &match.Match{Pattern: "dictionary", I: i, J: j, Token: token,
					MatchedWord: word, Rank: int(u32(listRank, int(l))), DictionaryName: dictNames[listDict[l]]})
			}
		}
	}
	for k := 1; k < len(state); k++ {
		if n := state[k]; n >= 0 {
			if v := s.tries[k].valueOf(n); v >= 0 {
				ms = append(ms, &match.Match{Pattern: "dictionary", I: i, J: j, Token: token,
					MatchedWord: word, Rank: s.offsets[k] + s.ranks[k][v], DictionaryName: "user_inputs"})
				break
			}
		}
	}
	return ms
}

// dictionaryMatch adds the dictionary words in lower (password lowercase).
func dictionaryMatch(ms []*match.Match, password, lower string, s *searcher) []*match.Match {
	n, k := len(lower), len(s.tries)
	cur, next := make([]int32, k), make([]int32, k)
	for i := 0; i < n; i++ {
		clear(cur)
		for j := i; j < n; j++ {
			if !s.step(next, cur, lower[j]) {
				break
			}
			cur, next = next, cur
			if s.ends(cur) {
				ms = s.emit(ms, cur, i, j, password[i:j+1], lower[i:j+1])
			}
		}
	}
	return ms
}

func reverseBytes(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

func reverseDictionaryMatch(ms []*match.Match, password string, s *searcher) []*match.Match {
	rev := reverseBytes(password)
	from := len(ms)
	ms = dictionaryMatch(ms, rev, strings.ToLower(rev), s)
	n := len(password)
	for _, m := range ms[from:] {
		m.Token = reverseBytes(m.Token)
		m.Reversed = true
		m.I, m.J = n-1-m.J, n-1-m.I
	}
	return ms
}

var l33tTable = map[string][]string{
	"a": {"4", "@"},
	"b": {"8"},
	"c": {"(", "{", "[", "<"},
	"e": {"3"},
	"g": {"6", "9"},
	"i": {"1", "!", "|"},
	"l": {"1", "|", "7"},
	"o": {"0"},
	"s": {"$", "5"},
	"t": {"+", "7"},
	"x": {"%"},
	"z": {"2"},
}

// l33tFound is a look-alike match and the first reading that finds it.
type l33tFound struct {
	reading int
	m       *match.Match
}

// l33tMatch adds the words found through the readings of the look-alikes
// (each substitution zxcvbn enumerates), as trustelem does: for each
// reading, each word of 2 characters or more that holds a changed
// character, listed once however many readings find it. Rather than search
// the password again for each reading, the readings are walked together
// and part only where they read a character differently.
func l33tMatch(ms []*match.Match, password, lower string, s *searcher) []*match.Match {
	subs := l33tSubs(password)
	for r, sub := range subs {
		if len(sub) == 0 {
			subs = subs[:r] // trustelem stops at the first empty reading
			break
		}
	}
	if len(subs) == 0 {
		return ms
	}
	n := len(password)
	w := &l33tWalk{s: s, password: password, lower: lower, k: len(s.tries),
		reads: make([][]byte, len(subs)), states: make([]int32, (n+1)*len(s.tries)), buf: make([]byte, 0, n)}
	for r, sub := range subs {
		b := []byte(password)
		for j := range b {
			if v, ok := sub[b[j]]; ok {
				b[j] = v
			}
			if 'A' <= b[j] && b[j] <= 'Z' {
				b[j] += 'a' - 'A'
			}
		}
		w.reads[r] = b
	}
	all := make([]int, len(subs))
	for r := range all {
		all[r] = r
	}
	for i := 0; i < n; i++ {
		w.i = i
		clear(w.states[:w.k])
		w.arena = w.arena[:0] // the groups of the walk from i-1 are done with
		w.walk(all, i, false)
	}
	// trustelem's order: reading by reading, then by place.
	sort.SliceStable(w.found, func(a, b int) bool {
		x, y := w.found[a], w.found[b]
		if x.reading != y.reading {
			return x.reading < y.reading
		}
		if x.m.I != y.m.I {
			return x.m.I < y.m.I
		}
		return x.m.J < y.m.J
	})
	for _, f := range w.found {
		m := f.m
		m.Sub = map[string]string{}
		for k, v := range subs[f.reading] {
			if strings.IndexByte(m.Token, k) >= 0 {
				m.Sub[string(k)] = string(v)
			}
		}
		m.L33t = true
		ms = append(ms, m)
	}
	return ms
}

// l33tWalk is the search of l33tMatch from one start i.
type l33tWalk struct {
	s               *searcher
	password, lower string
	reads           [][]byte // reads[r][j]: the character reading r sees at j, lowercase
	k               int      // states per place
	states          []int32  // the searcher's state after each place from i
	buf             []byte   // the word read so far
	i               int
	found           []l33tFound
	arena           []int // where the groups of readings are cut from
}

// take cuts an empty group of capacity n from the arena; it is filled at
// once and read until the walk from w.i ends, when the arena is used again.
// A group cut before the arena was outgrown keeps the old one.
func (w *l33tWalk) take(n int) []int {
	if cap(w.arena)-len(w.arena) < n {
		w.arena = make([]int, 0, max(256, 2*cap(w.arena), n))
	}
	g := w.arena[len(w.arena) : len(w.arena) : len(w.arena)+n]
	w.arena = w.arena[:len(w.arena)+n]
	return g
}

// walk goes on from place j with the readings of group (in order), which
// read the same word from i to j-1; changed says that word holds a
// look-alike.
func (w *l33tWalk) walk(group []int, j int, changed bool) {
	if j == len(w.password) {
		return
	}
	rest := group
	for len(rest) > 0 {
		c := w.reads[rest[0]][j]
		same := rest
		rest = nil
		for x, r := range same {
			if w.reads[r][j] != c {
				// The readings part here: those that read c, and the others.
				a, b := w.take(len(same)), w.take(len(same))
				a = append(a, same[:x]...)
				for _, r := range same[x:] {
					if w.reads[r][j] == c {
						a = append(a, r)
					} else {
						b = append(b, r)
					}
				}
				same, rest = a, b
				break
			}
		}
		d := j - w.i
		cur, next := w.states[d*w.k:(d+1)*w.k], w.states[(d+1)*w.k:(d+2)*w.k]
		if !w.s.step(next, cur, c) {
			continue
		}
		w.buf = append(w.buf[:d], c)
		ch := changed || c != w.lower[j]
		if ch && d > 0 && w.s.ends(next) {
			if word := string(w.buf); word != w.lower[w.i:j+1] {
				for _, m := range w.s.emit(nil, next, w.i, j, w.password[w.i:j+1], word) {
					w.found = append(w.found, l33tFound{same[0], m})
				}
			}
		}
		w.walk(same, j+1, ch)
	}
}

// l33tSubs lists the readings of the look-alikes in password. They depend
// only on which look-alikes it holds, which changes seldom from one key to
// the next: the lists are kept (read-only) for the next time.
func l33tSubs(password string) []map[byte]byte {
	var present []byte
	for _, c := range []byte("!$%(+0123456789<@[{|") {
		if strings.IndexByte(password, c) >= 0 {
			present = append(present, c)
		}
	}
	key := string(present)
	l33tCache.Lock()
	defer l33tCache.Unlock()
	if subs, ok := l33tCache.m[key]; ok {
		return subs
	}
	subs := enumerateL33tSubs(relevantL33tSubtable(password))
	if len(l33tCache.m) >= 64 {
		clear(l33tCache.m) // a few passwords at a time: start again
	}
	l33tCache.m[key] = subs
	return subs
}

// l33tCache maps the look-alikes present (in order) to their readings.
var l33tCache = struct {
	sync.Mutex
	m map[string][]map[byte]byte
}{m: map[string][]map[byte]byte{}}

// relevantL33tSubtable keeps the substitutions whose look-alike is in the
// password.
func relevantL33tSubtable(password string) map[string][]string {
	var has [128]bool
	for i := 0; i < len(password); i++ {
		has[password[i]&0x7f] = true
	}
	out := map[string][]string{}
	for letter, alikes := range l33tTable {
		for _, a := range alikes {
			if has[a[0]] {
				out[letter] = append(out[letter], a)
			}
		}
	}
	return out
}

type kv struct{ k, v string }

// enumerateL33tSubs lists every way to read the look-alikes, in zxcvbn's
// order: for each letter in turn (alphabetical), each of its look-alikes
// extends every reading so far, or, when another letter already has that
// look-alike, gives the reading as it was and the reading with the
// look-alike moved to this letter. A reading listed twice is listed once.
// (trustelem shares the backing array of two extensions and loses
// readings: it reads "6417" as g-a-i-t and l-a-g-t but never g-a-i-l.)
func enumerateL33tSubs(table map[string][]string) []map[byte]byte {
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	subs := [][]kv{{}}
	for _, first := range keys {
		var next [][]kv
		for _, alike := range table[first] {
			for _, sub := range subs {
				dup := slices.IndexFunc(sub, func(x kv) bool { return x.k == alike })
				if dup == -1 {
					next = append(next, append(slices.Clip(sub), kv{k: alike, v: first}))
					continue
				}
				alt := slices.Delete(slices.Clone(sub), dup, dup+1)
				next = append(next, sub, append(alt, kv{k: alike, v: first}))
			}
		}
		subs = dedupSubs(next)
	}
	out := make([]map[byte]byte, 0, len(subs))
	seen := map[string]bool{}
	for _, sub := range subs {
		d := map[byte]byte{}
		for _, x := range sub {
			d[x.k[0]] = x.v[0]
		}
		// The same reading in another order finds the same words.
		if key := subKey(slices.SortedFunc(slices.Values(sub), func(a, b kv) int { return strings.Compare(a.k, b.k) })); !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	return out
}

func subKey(sub []kv) string {
	var b strings.Builder
	for _, x := range sub {
		b.WriteString(x.k)
		b.WriteString(",")
		b.WriteString(x.v)
		b.WriteString(";")
	}
	return b.String()
}

// dedupSubs leaves out a reading listed before in the same order, as
// zxcvbn's dedup does (its label holds each pair's place in the reading).
func dedupSubs(subs [][]kv) [][]kv {
	var out [][]kv
	seen := map[string]bool{}
	for _, sub := range subs {
		if key := subKey(sub); !seen[key] {
			seen[key] = true
			out = append(out, sub)
		}
	}
	return out
}

var shiftedChars = map[string]string{
	"qwerty": `~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?`,
	"dvorak": `~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?`,
}

func spatialMatch(ms []*match.Match, password string, graph *adjacency.Graph) []*match.Match {
	shifted := shiftedChars[graph.Name]
	isShifted := func(c byte) bool { return shifted != "" && strings.IndexByte(shifted, c) >= 0 }
	i := 0
	for i < len(password)-1 {
		j := i + 1
		lastDirection := -99
		turns := 0
		shiftedCount := 0
		if isShifted(password[i]) {
			shiftedCount = 1
		}
		for {
			found := false
			if j < len(password) {
				adjacents := graph.Graph[password[j-1:j]]
				cur := password[j]
				for dir, adj := range adjacents {
					if idx := strings.IndexByte(adj, cur); idx != -1 {
						found = true
						if idx == 1 {
							shiftedCount++
						}
						if lastDirection != dir {
							turns++
							lastDirection = dir
						}
						break
					}
				}
			}
			if found {
				j++
				continue
			}
			if j-i > 2 {
				ms = append(ms, &match.Match{Pattern: "spatial", I: i, J: j - 1, Token: password[i:j],
					Graph: graph.Name, Turns: turns, ShiftedCount: shiftedCount})
			}
			i = j
			break
		}
	}
	return ms
}

// repeatAt finds, from position from, the leftmost repeat: a base repeated
// at least twice, as the regular expressions (.+)\1+ (greedy) and (.+?)\1+
// (lazy) would. It returns the start and the base length of each, or -1.
func repeatAt(s string, from int) (start, greedyBase, lazyBase int) {
	n := len(s)
	for start = from; start < n; start++ {
		lazyBase = -1
		for l := 1; start+2*l <= n; l++ {
			if s[start:start+l] == s[start+l:start+2*l] {
				lazyBase = l
				break
			}
		}
		if lazyBase < 0 {
			continue
		}
		for l := (n - start) / 2; l >= 1; l-- {
			if s[start:start+l] == s[start+l:start+2*l] {
				return start, l, lazyBase
			}
		}
	}
	return -1, -1, -1
}

// repeats counts how many times base repeats from start (at least 2 here).
func repeats(s string, start, base int) int {
	k := 1
	for start+(k+1)*base <= len(s) && s[start+k*base:start+(k+1)*base] == s[start:start+base] {
		k++
	}
	return k
}

// shortestBase is the shortest string that repeated makes token.
func shortestBase(token string) string {
	for l := 1; l <= len(token)/2; l++ {
		if len(token)%l == 0 && strings.Repeat(token[:l], len(token)/l) == token {
			return token[:l]
		}
	}
	return token
}

// repeatMatch adds the repeats, each with the best reading of what is
// repeated, found with the same user inputs, as zxcvbn does (trustelem
// leaves the inputs out there).
func repeatMatch(ms []*match.Match, password string, in *Inputs) []*match.Match {
	last := 0
	for last < len(password) {
		start, g, l := repeatAt(password, last)
		if start < 0 {
			break
		}
		greedy := password[start : start+g*repeats(password, start, g)]
		lazy := password[start : start+l*repeats(password, start, l)]
		var token, base string
		if len(greedy) > len(lazy) {
			token, base = greedy, shortestBase(greedy)
		} else {
			token, base = lazy, password[start:start+l]
		}
		seq, guesses := mostGuessable(base, omnimatch(base, in), false)
		ms = append(ms, &match.Match{Pattern: "repeat", I: start, J: start + len(token) - 1, Token: token,
			BaseToken: base, BaseGuesses: guesses, BaseMatches: seq, RepeatCount: len(token) / len(base)})
		last = start + len(token)
	}
	return ms
}

func classOf(token string) (string, int) {
	lower, upper, digits := true, true, true
	for i := 0; i < len(token); i++ {
		c := token[i]
		lower = lower && c >= 'a' && c <= 'z'
		upper = upper && c >= 'A' && c <= 'Z'
		digits = digits && c >= '0' && c <= '9'
	}
	switch {
	case lower:
		return "lower", 26
	case upper:
		return "upper", 26
	case digits:
		return "digits", 10
	}
	return "unicode", 26
}

func sequenceMatch(ms []*match.Match, password string) []*match.Match {
	if len(password) == 1 {
		return ms
	}
	update := func(i, j, delta int) {
		abs := delta
		if abs < 0 {
			abs = -abs
		}
		if (j-i > 1 || abs == 1) && abs > 0 && abs <= 5 {
			token := password[i : j+1]
			name, space := classOf(token)
			ms = append(ms, &match.Match{Pattern: "sequence", I: i, J: j, Token: token,
				SequenceName: name, SequenceSpace: space, Ascending: delta > 0})
		}
	}
	i := 0
	lastDelta := 0
	for k := 1; k <= len(password)-1; k++ {
		delta := int(password[k]) - int(password[k-1])
		if k == 1 {
			lastDelta = delta
		}
		if delta == lastDelta {
			continue
		}
		j := k - 1
		update(i, j, lastDelta)
		i = j
		lastDelta = delta
	}
	update(i, len(password)-1, lastDelta)
	return ms
}

var recentYear = regexp.MustCompile(`19\d\d|200\d|201\d`)

func regexMatch(ms []*match.Match, password string) []*match.Match {
	for _, ix := range recentYear.FindAllStringIndex(password, -1) {
		ms = append(ms, &match.Match{Pattern: "regex", Token: password[ix[0]:ix[1]], I: ix[0], J: ix[1] - 1,
			RegexName: "recent_year"})
	}
	return ms
}

// mostGuessable is zxcvbn's search for the sequence of matches that needs
// the fewest guesses, with the tables in slices. It returns the sequence
// and its guesses.
// cell is one entry of mostGuessable's table: the best sequence of a
// length over the password up to a place. Its last match is kept[m-1]
// (m ≥ 1), or a bruteforce match from i to that place (brute), or none.
type cell struct {
	m     int32
	i     int32
	brute bool
	pi, g float64
}

// cells are mostGuessable's tables, used again from one password to the
// next (a table for 64 characters is 100 kB).
var cells = sync.Pool{New: func() any { return new([]cell) }}

func mostGuessable(password string, matches []*match.Match, excludeAdditive bool) ([]*match.Match, float64) {
	n := len(password)
	if n == 0 {
		return nil, 1
	}
	// byJ[k] are the matches that end at k, by start.
	byJ := make([][]*match.Match, n)
	for _, m := range matches {
		if m.J < 0 || m.J >= n {
			continue
		}
		byJ[m.J] = append(byJ[m.J], m)
	}
	for _, b := range byJ {
		sort.SliceStable(b, func(x, y int) bool { return b[x].I < b[y].I })
	}

	// best[k*(n+1)+l]: the best length-l sequence over password[0..k], in
	// one block without pointers, kept from one password to the next.
	buf := cells.Get().(*[]cell)
	defer cells.Put(buf)
	if cap(*buf) < n*(n+1) {
		*buf = make([]cell, n*(n+1))
	}
	best := (*buf)[:n*(n+1)]
	clear(best)
	at := func(k, l int) *cell { return &best[k*(n+1)+l] }
	var kept []*match.Match
	lens := make([][]int, n) // the l set in best[k], in the order first set

	// factorial[l] and growth[l]: the terms of the formula for length l.
	factorial, growth := make([]float64, n+1), make([]float64, n+1)
	factorial[0], growth[0] = 1, 1/scoring.MinGuessesBeforeGrowingSequence
	for l := 1; l <= n; l++ {
		factorial[l] = factorial[l-1] * float64(l)
		growth[l] = math.Pow(scoring.MinGuessesBeforeGrowingSequence, float64(l-1))
	}
	// brute[len]: the guesses of a bruteforce match of len characters
	// (scoring.EstimateGuesses on it; the password is ASCII here).
	brute := make([]float64, n+1)
	for ln := 1; ln <= n; ln++ {
		brute[ln] = math.Pow(scoring.BruteforceCardinality, float64(ln))
		if ln == 1 {
			brute[ln] = max(brute[ln], scoring.MinSubmatchGuessesSingleChar+1)
		} else {
			brute[ln] = max(brute[ln], scoring.MinSubmatchGuessesMultiChar+1)
		}
	}
	// update offers m, or a bruteforce match over password[i..j] when m is
	// nil, as the last of a sequence of length l.
	update := func(m *match.Match, i, j, l int) {
		k := j
		var pi float64
		if m != nil {
			pi = scoring.EstimateGuesses(m, password)
		} else {
			pi = brute[j-i+1]
		}
		if l > 1 {
			pi *= at(i-1, l-1).pi
		}
		g := factorial[l] * pi
		if !excludeAdditive {
			g += growth[l]
		}
		for _, cl := range lens[k] {
			if cl <= l && at(k, cl).g <= g {
				return
			}
		}
		c := at(k, l)
		if c.m == 0 && !c.brute {
			// Keep lens[k] ascending: the search tries shorter sequences first.
			ls := append(lens[k], l)
			for x := len(ls) - 1; x > 0 && ls[x-1] > ls[x]; x-- {
				ls[x-1], ls[x] = ls[x], ls[x-1]
			}
			lens[k] = ls
		}
		if m == nil {
			*c = cell{brute: true, i: int32(i), pi: pi, g: g}
			return
		}
		kept = append(kept, m)
		*c = cell{m: int32(len(kept)), pi: pi, g: g}
	}

	for k := 0; k < n; k++ {
		for _, m := range byJ[k] {
			if m.I > 0 {
				for _, l := range lens[m.I-1] {
					update(m, m.I, k, l+1)
				}
			} else {
				update(m, 0, k, 1)
			}
		}
		update(nil, 0, k, 1)
		for i := 1; i <= k; i++ {
			for _, l := range lens[i-1] {
				if at(i-1, l).brute {
					continue // never two bruteforce matches in a row
				}
				update(nil, i, k, l+1)
			}
		}
	}

	// Unwind from the end: the sequence length with the fewest guesses
	// (the longer one on a tie), then back through the matches.
	k := n - 1
	l, g := -1, -1.0
	for _, cl := range lens[k] {
		cg := at(k, cl).g
		if l < 0 || cg < g || cg == g && cl > l {
			l, g = cl, cg
		}
	}
	var seq []*match.Match
	for k >= 0 && l >= 0 {
		c := at(k, l)
		l--
		var m *match.Match
		switch {
		case c.brute:
			i := int(c.i)
			m = &match.Match{Pattern: "bruteforce", Token: password[i : k+1], I: i, J: k, Guesses: brute[k-i+1]}
		case c.m != 0:
			m = kept[c.m-1]
		default:
			continue
		}
		seq = append([]*match.Match{m}, seq...)
		k = m.I - 1
	}
	return seq, at(n-1, min(len(seq), n)).g
}
