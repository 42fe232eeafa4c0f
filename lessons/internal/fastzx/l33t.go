// The look-alike matcher: words written with look-alike characters
// ("p@55w0rd").

package fastzx

import (
	"aula/internal/lazy"
	"slices"
	"sort"
	"strings"
	"sync"
)

// l33tTable is zxcvbn's table of look-alikes: each letter and the
// characters written for it.
var l33tTable = lazy.Value[map[string][]string]{New: func() map[string][]string {
	return map[string][]string{
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
}}

// l33tFound is a look-alike match and the first reading that finds it.
type l33tFound struct {
	reading int
	m       *Match
}

// l33tMatch adds the words found through the readings of the look-alikes
// (each substitution zxcvbn enumerates), as trustelem does: for each
// reading, each word of 2 characters or more that holds a changed
// character, listed once however many readings find it. Rather than search
// the password again for each reading, the readings are walked together
// and part only where they read a character differently.
func l33tMatch(ms []*Match, password, lower string, s *searcher) []*Match {
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
	if l33tCache.m == nil {
		l33tCache.m = map[string][]map[byte]byte{}
	}
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
var l33tCache struct {
	sync.Mutex
	m map[string][]map[byte]byte // made on first use
}

// relevantL33tSubtable keeps the substitutions whose look-alike is in the
// password.
func relevantL33tSubtable(password string) map[string][]string {
	var has [128]bool
	for i := 0; i < len(password); i++ {
		has[password[i]&0x7f] = true
	}
	out := map[string][]string{}
	for letter, alikes := range l33tTable.Get() {
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
