// The search for the best reading of a password: the sequence of matches
// that needs the fewest guesses.

package fastzx

import (
	"aula/internal/lazy"
	"math"
	"slices"
	"sort"
	"strconv"
	"sync"
)

// cell is one entry of the search's table: the best sequence of a length
// over the password up to a place. Its last match is kept[m-1] (m ≥ 1),
// or a bruteforce match from i to that place (brute), or none.
type cell struct {
	m     int32
	i     int32
	brute bool
	pi, g float64
}

// cells are the search's tables, used again from one password to the next
// (a table for 64 characters is 100 kB).
var cells = sync.Pool{New: func() any { return new([]cell) }}

// search is zxcvbn's search for the sequence of matches that needs the
// fewest guesses (scoring.most_guessable_match_sequence), with its tables
// in slices.
type search struct {
	password        string
	n               int
	excludeAdditive bool
	// best[k*(n+1)+l]: the best length-l sequence over password[0..k], in
	// one block without pointers, kept from one password to the next.
	best []cell
	kept []*Match
	lens [][]int // the l set in best[k], ascending
	// factorial[l] and growth[l]: the terms of the formula for length l;
	// brute[len]: the guesses of a bruteforce match of len characters
	// (estimateGuesses on it; the password is ASCII here).
	factorial, growth, brute []float64
}

func (s *search) at(k, l int) *cell { return &s.best[k*(s.n+1)+l] }

// mostGuessable returns the sequence of matches over password that needs
// the fewest guesses, and its guesses.
func mostGuessable(password string, matches []*Match, excludeAdditive bool) ([]*Match, float64) {
	n := len(password)
	if n == 0 {
		return nil, 1
	}
	buf := cells.Get().(*[]cell)
	defer cells.Put(buf)
	if cap(*buf) < n*(n+1) {
		*buf = make([]cell, n*(n+1))
	}
	s := &search{password: password, n: n, excludeAdditive: excludeAdditive, best: (*buf)[:n*(n+1)],
		lens: make([][]int, n)}
	clear(s.best)
	s.formulas()
	byJ := endingAt(matches, n)
	for k := 0; k < n; k++ {
		for _, m := range byJ[k] {
			if m.I == 0 {
				s.update(m, 0, k, 1)
				continue
			}
			for _, l := range s.lens[m.I-1] {
				s.update(m, m.I, k, l+1)
			}
		}
		s.bruteforceUpdate(k)
	}
	seq := s.unwind()
	return seq, s.at(n-1, min(len(seq), n)).g
}

// endingAt lists the matches that end at each place, by start.
func endingAt(matches []*Match, n int) [][]*Match {
	byJ := make([][]*Match, n)
	for _, m := range matches {
		if m.J < 0 || m.J >= n {
			continue
		}
		byJ[m.J] = append(byJ[m.J], m)
	}
	for _, b := range byJ {
		sort.SliceStable(b, func(x, y int) bool { return b[x].I < b[y].I })
	}
	return byJ
}

// formulas fills the terms that depend only on a length.
func (s *search) formulas() {
	n := s.n
	s.factorial, s.growth, s.brute = make([]float64, n+1), make([]float64, n+1), make([]float64, n+1)
	s.factorial[0], s.growth[0] = 1, 1/minGuessesBeforeGrowingSequence
	for l := 1; l <= n; l++ {
		s.factorial[l] = s.factorial[l-1] * float64(l)
		s.growth[l] = pow10(4 * (l - 1)) // minGuessesBeforeGrowingSequence^(l-1)
		least := minSubmatchGuessesMultiChar + 1
		if l == 1 {
			least = minSubmatchGuessesSingleChar + 1
		}
		s.brute[l] = max(pow10(l), float64(least)) // bruteforceCardinality^l
	}
}

// pow10 is 10ⁿ (the search's two powers are of BruteforceCardinality, 10,
// and MinGuessesBeforeGrowingSequence, 10⁴: TestPow10) as zxcvbn computes it, with JavaScript's Math.pow in V8
// (Node): the nearest double to 10ⁿ but for the powers in v8Pow10, one bit
// away. Go's math.Pow is further off (from 10³³), and a bit decides the
// tie between two readings of equal guesses.
func pow10(n int) float64 {
	if p := pow10s.Get(); n < len(p) {
		return p[n]
	}
	return math.Inf(1)
}

// pow10s are 10⁰ to 10³⁰⁸ as Node's Math.pow gives them.
var pow10s = lazy.Value[[]float64]{New: func() []float64 {
	// v8Pow10 are the powers of 10 that Math.pow gives one bit away from
	// the nearest double (node -e 'Math.pow(10, n)', Node 20).
	v8Pow10 := map[int]string{26: "9.999999999999999e+25", 29: "1.0000000000000001e+29",
		34: "1.0000000000000001e+34", 36: "9.999999999999999e+35", 39: "1.0000000000000001e+39",
		42: "9.999999999999999e+41", 49: "1.0000000000000001e+49", 58: "1.0000000000000001e+58",
		61: "1.0000000000000001e+61", 70: "9.999999999999999e+69", 95: "9.999999999999999e+94",
		96: "9.999999999999999e+95", 111: "1.0000000000000001e+111", 126: "1.0000000000000001e+126",
		136: "9.999999999999999e+135", 142: "9.999999999999999e+141", 165: "1.0000000000000001e+165",
		166: "1.0000000000000001e+166", 169: "1.0000000000000001e+169", 187: "1.0000000000000001e+187",
		191: "9.999999999999999e+190", 210: "1.0000000000000001e+210", 215: "1.0000000000000001e+215",
		218: "9.999999999999999e+217", 225: "1.0000000000000001e+225", 232: "9.999999999999999e+231",
		242: "9.999999999999999e+241", 244: "9.999999999999999e+243", 260: "9.999999999999999e+259",
		273: "1.0000000000000001e+273", 274: "1.0000000000000001e+274", 275: "1.0000000000000001e+275",
		279: "9.999999999999999e+278", 284: "9.999999999999999e+283", 290: "9.999999999999999e+289",
		294: "9.999999999999999e+293"}
	out := make([]float64, 309)
	for n := range out {
		s, ok := v8Pow10[n]
		if !ok {
			s = "1e" + strconv.Itoa(n)
		}
		out[n], _ = strconv.ParseFloat(s, 64)
	}
	return out
}}

// update offers m, or a bruteforce match over password[i..j] when m is
// nil, as the last of a sequence of length l.
func (s *search) update(m *Match, i, j, l int) {
	k := j
	var pi float64
	if m != nil {
		pi = estimateGuesses(m, s.password)
	} else {
		pi = s.brute[j-i+1]
	}
	if l > 1 {
		pi *= s.at(i-1, l-1).pi
	}
	g := s.factorial[l] * pi
	if !s.excludeAdditive {
		g += s.growth[l]
	}
	for _, cl := range s.lens[k] {
		if cl <= l && s.at(k, cl).g <= g {
			return
		}
	}
	c := s.at(k, l)
	if c.m == 0 && !c.brute {
		// Keep lens[k] ascending: the search tries shorter sequences first.
		ls := append(s.lens[k], l)
		for x := len(ls) - 1; x > 0 && ls[x-1] > ls[x]; x-- {
			ls[x-1], ls[x] = ls[x], ls[x-1]
		}
		s.lens[k] = ls
	}
	if m == nil {
		*c = cell{brute: true, i: int32(i), pi: pi, g: g}
		return
	}
	s.kept = append(s.kept, m)
	*c = cell{m: int32(len(s.kept)), pi: pi, g: g}
}

// bruteforceUpdate offers the bruteforce matches that end at k: from the
// start, or after any sequence that does not end in one already.
func (s *search) bruteforceUpdate(k int) {
	s.update(nil, 0, k, 1)
	for i := 1; i <= k; i++ {
		for _, l := range s.lens[i-1] {
			if s.at(i-1, l).brute {
				continue // never two bruteforce matches in a row
			}
			s.update(nil, i, k, l+1)
		}
	}
}

// unwind reads the best sequence from the end: the sequence length with
// the fewest guesses (the shorter one on a tie, as zxcvbn; trustelem
// takes the longer), then back through the matches.
func (s *search) unwind() []*Match {
	k := s.n - 1
	l, g := -1, math.Inf(1)
	for _, cl := range s.lens[k] {
		if cg := s.at(k, cl).g; cg < g {
			l, g = cl, cg
		}
	}
	var seq []*Match
	for k >= 0 && l >= 0 {
		c := s.at(k, l)
		l--
		var m *Match
		switch {
		case c.brute:
			i := int(c.i)
			m = &Match{Pattern: "bruteforce", Token: s.password[i : k+1], I: i, J: k, Guesses: s.brute[k-i+1]}
		case c.m != 0:
			m = s.kept[c.m-1]
		default:
			continue
		}
		seq = append(seq, m)
		k = m.I - 1
	}
	slices.Reverse(seq)
	return seq
}
