// Package fastzx is zxcvbn 4.4.2, as ported to Go by trustelem/zxcvbn, made
// fast enough to judge a password after every key: the same matchers and
// the same scoring, with the same data (trustelem's word lists and keyboard
// graphs) and the same guess formulas (trustelem's scoring.EstimateGuesses),
// but each dictionary looked up once per substring instead of seven times,
// substrings no longer than the longest word, look-alike substitutions only
// where they change something, and the scoring tables in slices instead of
// maps.
//
// It works on ASCII; Strength maps any other character to one ASCII
// placeholder first (zxcvbn counts every character as 10 guesses when no
// pattern covers it, whatever the character). On ASCII it gives exactly
// trustelem's guesses: fastzx_test.go checks that on known examples and by
// fuzzing.
//
// The code follows trustelem/zxcvbn v1.0.1 (MIT licence, Copyright (c) 2018
// Vincent Vanackere and Trustelem), itself a port of Dropbox's zxcvbn (MIT).
package fastzx

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/trustelem/zxcvbn/adjacency"
	"github.com/trustelem/zxcvbn/frequency"
	"github.com/trustelem/zxcvbn/match"
	"github.com/trustelem/zxcvbn/scoring"
)

// dictNames are zxcvbn's dictionaries, in a fixed order.
var dictNames = func() []string {
	var names []string
	for n := range frequency.FrequencyLists {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}()

// ranks holds a word's rank in each dictionary of dictNames (0: not in
// it), in the map entry itself: no allocation per word.
type ranks [maxDicts]int32

// maxDicts bounds the dictionaries (zxcvbn 4.4.2 has 6).
const maxDicts = 8

var (
	words      map[string]ranks // every word of every dictionary, lowercase
	maxWordLen int
	graphs     []*adjacency.Graph
	// longestAt[prefix3(w)] is the length of the longest word that starts
	// like w (3 printable ASCII characters): most places in a password
	// start no word longer than 2, and the search stops there.
	longestAt [95 * 95 * 95]uint8
)

// prefix3 numbers the first 3 characters of s, or -1 if they are not
// printable ASCII.
func prefix3(s string) int {
	if len(s) < 3 {
		return -1
	}
	n := 0
	for i := 0; i < 3; i++ {
		c := int(s[i]) - 32
		if c < 0 || c >= 95 {
			return -1
		}
		n = n*95 + c
	}
	return n
}

var load sync.Once

// Warm reads the dictionaries now (about 10 MB and a few tens of
// milliseconds, once), rather than at the first password judged.
func Warm() { load.Do(loadDictionaries) }

func loadDictionaries() {
	if len(dictNames) > maxDicts {
		panic("fastzx: more dictionaries than maxDicts")
	}
	words = make(map[string]ranks, 100000)
	for d, name := range dictNames {
		for i, w := range frequency.FrequencyLists[name] {
			w = strings.ToLower(w)
			r := words[w]
			r[d] = int32(i + 1) // a word listed twice keeps its last rank, as in trustelem
			words[w] = r
			maxWordLen = max(maxWordLen, len(w))
			if p := prefix3(w); p >= 0 {
				longestAt[p] = uint8(max(int(longestAt[p]), min(len(w), 255)))
			}
		}
	}
}

func init() {
	for _, g := range []string{"qwerty", "dvorak", "keypad", "mac_keypad"} {
		graphs = append(graphs, adjacency.Graphs[g])
	}
}

// Inputs are the user inputs (names, words the site knows): a dictionary of
// its own, "user_inputs". Make them once and judge many passwords with them.
type Inputs struct {
	rank      map[string]int
	maxLen    int
	longestAt map[int]int // as the package's longestAt, for these inputs
	then      *Inputs     // more inputs after these, ranked after them
}

// longest is the length of the longest input that starts like s.
func (in *Inputs) longest(p int) int {
	l := 0
	for ; in != nil; in = in.then {
		l = max(l, in.longestAt[p])
	}
	return l
}

// Then returns inputs that are in first, then rest (made once, shared): a
// word in both keeps its place in first.
func Then(first []string, rest *Inputs) *Inputs {
	in := NewInputs(first)
	in.then = rest
	if rest != nil {
		in.maxLen = max(in.maxLen, rest.maxLen)
	}
	return in
}

// lookup is the rank of w among the inputs.
func (in *Inputs) lookup(w string) (int, bool) {
	if r, ok := in.rank[w]; ok {
		return r, true
	}
	if in.then != nil {
		if r, ok := in.then.lookup(w); ok {
			return len(in.rank) + r, true
		}
	}
	return 0, false
}

// NewInputs ranks the inputs in order, lowercase; an input listed twice
// keeps its last rank, as in trustelem.
func NewInputs(list []string) *Inputs {
	in := &Inputs{rank: make(map[string]int, len(list)), longestAt: map[int]int{}}
	for i, w := range list {
		w = strings.ToLower(w)
		in.rank[w] = i + 1
		in.maxLen = max(in.maxLen, len(w))
		if p := prefix3(w); p >= 0 {
			in.longestAt[p] = max(in.longestAt[p], len(w))
		} else if len(w) >= 3 {
			in.longestAt[-1] = max(in.longestAt[-1], len(w)) // not printable: no shortcut
		}
	}
	return in
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
	var ms []*match.Match
	ms = dictionaryMatch(ms, password, lower, in, nil)
	ms = reverseDictionaryMatch(ms, password, in)
	ms = l33tMatch(ms, password, lower, in)
	for _, g := range graphs {
		ms = spatialMatch(ms, password, g)
	}
	ms = repeatMatch(ms, password)
	ms = sequenceMatch(ms, password)
	ms = regexMatch(ms, password)
	ms = dateMatch(ms, password)
	match.Sort(ms)
	return ms
}

// dictionaryMatch adds the dictionary words in lower (password lowercase).
// changed, when not nil, limits the search to substrings holding at least
// one position where changed is true (the look-alike substitutions).
func dictionaryMatch(ms []*match.Match, password, lower string, in *Inputs, changed []bool) []*match.Match {
	n := len(lower)
	longest := max(maxWordLen, in.maxLen)
	next := n // the first changed position at or after i
	firstChanged := make([]int, n+1)
	firstChanged[n] = n
	for i := n - 1; i >= 0; i-- {
		if changed == nil || changed[i] {
			next = i
		}
		firstChanged[i] = next
	}
	for i := 0; i < n; i++ {
		start := i
		if changed != nil {
			start = firstChanged[i]
		}
		// Words of 1 or 2 characters, and longer ones that start here.
		limit := longest
		if p := prefix3(lower[i:min(i+3, n)]); p >= 0 {
			limit = max(2, int(longestAt[p]), in.longest(p), in.longest(-1))
		}
		for j := start; j < n && j-i < limit; j++ {
			w := lower[i : j+1]
			if r, ok := words[w]; ok {
				for d, rank := range r[:len(dictNames)] {
					if rank > 0 {
						ms = append(ms, &match.Match{Pattern: "dictionary", I: i, J: j, Token: password[i : j+1],
							MatchedWord: w, Rank: int(rank), DictionaryName: dictNames[d]})
					}
				}
			}
			if rank, ok := in.lookup(w); ok {
				ms = append(ms, &match.Match{Pattern: "dictionary", I: i, J: j, Token: password[i : j+1],
					MatchedWord: w, Rank: rank, DictionaryName: "user_inputs"})
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

func reverseDictionaryMatch(ms []*match.Match, password string, in *Inputs) []*match.Match {
	rev := reverseBytes(password)
	from := len(ms)
	ms = dictionaryMatch(ms, rev, strings.ToLower(rev), in, nil)
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

// l33tKey is a look-alike match: the same word at the same place, found
// through two different readings of the look-alikes, is the same match
// (same token, same substitutions, same guesses); zxcvbn lists it once per
// reading, which changes nothing but the time the search takes.
type l33tKey struct {
	i, j       int
	dict, word string
}

func l33tMatch(ms []*match.Match, password, lower string, in *Inputs) []*match.Match {
	subs := enumerateL33tSubs(relevantL33tSubtable(password))
	seen := map[l33tKey]bool{}
	for _, sub := range subs {
		if len(sub) == 0 {
			break
		}
		subbed := []byte(password)
		changed := make([]bool, len(password))
		for i := 0; i < len(password); i++ {
			if v, ok := sub[password[i]]; ok {
				subbed[i] = v
				changed[i] = true
			}
		}
		from := len(ms)
		s := string(subbed)
		ms = dictionaryMatch(ms, s, strings.ToLower(s), in, changed)
		kept := ms[:from]
		for _, m := range ms[from:] {
			token := password[m.I : m.J+1]
			if len(token) <= 1 || strings.ToLower(token) == m.MatchedWord {
				continue
			}
			k := l33tKey{m.I, m.J, m.DictionaryName, m.MatchedWord}
			if seen[k] {
				continue
			}
			seen[k] = true
			m.Sub = map[string]string{}
			for k, v := range sub {
				if strings.IndexByte(token, k) >= 0 {
					m.Sub[string(k)] = string(v)
				}
			}
			m.L33t = true
			m.Token = token
			kept = append(kept, m)
		}
		ms = kept
	}
	return ms
}

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

// enumerateL33tSubs lists every way to read the look-alikes, as zxcvbn does.
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
				dup := -1
				for i := range sub {
					if sub[i].k == alike {
						dup = i
						break
					}
				}
				if dup == -1 {
					// As trustelem writes it, append and all: when sub has
					// room to spare, two extensions share it. Keep it so,
					// to give the same substitutions.
					ext := append(sub, kv{k: alike, v: first})
					next = append(next, ext)
				} else {
					alt := make([]kv, 0, len(sub))
					alt = append(alt, sub[:dup]...)
					alt = append(alt, sub[dup+1:]...)
					alt = append(alt, kv{k: alike, v: first})
					next = append(next, sub, alt)
				}
			}
		}
		subs = dedupSubs(next)
	}
	out := make([]map[byte]byte, 0, len(subs))
	for _, sub := range subs {
		d := map[byte]byte{}
		for _, x := range sub {
			d[x.k[0]] = x.v[0]
		}
		out = append(out, d)
	}
	return out
}

func dedupSubs(subs [][]kv) [][]kv {
	var out [][]kv
	seen := map[string]bool{}
	var b strings.Builder
	for _, sub := range subs {
		sort.SliceStable(sub, func(i, j int) bool { return sub[i].k < sub[j].k })
		b.Reset()
		for _, x := range sub {
			b.WriteString(x.k)
			b.WriteString(",")
			b.WriteString(x.v)
		}
		if key := b.String(); !seen[key] {
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

func repeatMatch(ms []*match.Match, password string) []*match.Match {
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
		seq, guesses := mostGuessable(base, omnimatch(base, &Inputs{}), false)
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

	// best[k][l]: the best length-l sequence over password[0..k].
	type cell struct {
		m     *match.Match
		pi, g float64
	}
	best := make([][]cell, n)
	for k := range best {
		best[k] = make([]cell, n+1)
	}
	lens := make([][]int, n) // the l set in best[k], in the order first set

	factorial := func(l int) float64 {
		f := 1.0
		for i := 2; i <= l; i++ {
			f *= float64(i)
		}
		return f
	}
	update := func(m *match.Match, l int) {
		k := m.J
		pi := scoring.EstimateGuesses(m, password)
		if l > 1 {
			pi *= best[m.I-1][l-1].pi
		}
		g := factorial(l) * pi
		if !excludeAdditive {
			g += math.Pow(scoring.MinGuessesBeforeGrowingSequence, float64(l-1))
		}
		for _, cl := range lens[k] {
			if cl <= l && best[k][cl].g <= g {
				return
			}
		}
		if best[k][l].m == nil {
			// Keep lens[k] ascending: the search tries shorter sequences first.
			ls := append(lens[k], l)
			for x := len(ls) - 1; x > 0 && ls[x-1] > ls[x]; x-- {
				ls[x-1], ls[x] = ls[x], ls[x-1]
			}
			lens[k] = ls
		}
		best[k][l] = cell{m: m, pi: pi, g: g}
	}
	bruteforce := func(i, j int) *match.Match {
		return &match.Match{Pattern: "bruteforce", Token: password[i : j+1], I: i, J: j}
	}

	for k := 0; k < n; k++ {
		for _, m := range byJ[k] {
			if m.I > 0 {
				for _, l := range lens[m.I-1] {
					update(m, l+1)
				}
			} else {
				update(m, 1)
			}
		}
		update(bruteforce(0, k), 1)
		for i := 1; i <= k; i++ {
			var m *match.Match
			for _, l := range lens[i-1] {
				if best[i-1][l].m.Pattern == "bruteforce" {
					continue // never two bruteforce matches in a row
				}
				if m == nil {
					m = bruteforce(i, k)
				}
				update(m, l+1)
			}
		}
	}

	// Unwind from the end: the sequence length with the fewest guesses
	// (the longer one on a tie), then back through the matches.
	k := n - 1
	l, g := -1, -1.0
	for _, cl := range lens[k] {
		cg := best[k][cl].g
		if l < 0 || cg < g || cg == g && cl > l {
			l, g = cl, cg
		}
	}
	var seq []*match.Match
	for k >= 0 && l >= 0 {
		c := best[k][l]
		l--
		if c.m == nil {
			continue
		}
		seq = append([]*match.Match{c.m}, seq...)
		k = c.m.I - 1
	}
	return seq, best[n-1][min(len(seq), n)].g
}
