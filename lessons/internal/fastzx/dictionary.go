// The dictionary matchers: the words of zxcvbn's lists and of the user
// inputs, as written and reversed.

package fastzx

import "strings"

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
func (s *searcher) emit(ms []*Match, state []int32, i, j int, token, word string) []*Match {
	if n := state[0]; n >= 0 {
		if v := dict.valueOf(n); v >= 0 {
			for l := u32(listed, int(v)); l < u32(listed, int(v)+1); l++ {
				ms = append(ms, &Match{Pattern: "dictionary", I: i, J: j, Token: token,
					MatchedWord: word, Rank: int(u32(listRank, int(l))), DictionaryName: dictNames[listDict[l]]})
			}
		}
	}
	for k := 1; k < len(state); k++ {
		if n := state[k]; n >= 0 {
			if v := s.tries[k].valueOf(n); v >= 0 {
				ms = append(ms, &Match{Pattern: "dictionary", I: i, J: j, Token: token,
					MatchedWord: word, Rank: s.offsets[k] + s.ranks[k][v], DictionaryName: "user_inputs"})
				break
			}
		}
	}
	return ms
}

// dictionaryMatch adds the dictionary words in lower (password lowercase).
func dictionaryMatch(ms []*Match, password, lower string, s *searcher) []*Match {
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

func reverseDictionaryMatch(ms []*Match, password string, s *searcher) []*Match {
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
