package fastzx

import (
	"slices"
	"sort"
)

// trie holds a sorted list of words so that a search can walk a password
// one character at a time and stop as soon as no word starts with what it
// has read: most places in a password start no word longer than 2 letters,
// and the words are found without hashing a single substring.
//
// Nodes are numbered from the root, 0; the children of a node are
// consecutive nodes, sorted by the character that leads to them.
type trie struct {
	first []int32  // the node's first child
	kids  []uint16 // how many children it has
	char  []byte   // the character that leads to the node
	value []int32  // the index of the word that ends here, or -1
}

// newTrie builds the trie of words, which must be sorted and distinct.
// The value of a word is its index in words.
func newTrie(words []string) *trie {
	// As many nodes as distinct prefixes: made at their size at once.
	nodes := 1
	for i, w := range words {
		common := 0
		if i > 0 {
			for common < len(w) && common < len(words[i-1]) && w[common] == words[i-1][common] {
				common++
			}
		}
		nodes += len(w) - common
	}
	t := &trie{
		first: make([]int32, 0, nodes),
		kids:  make([]uint16, 0, nodes),
		char:  make([]byte, 0, nodes),
		value: make([]int32, 0, nodes),
	}
	t.add(0) // the root
	t.build(0, words, 0, 0)
	return t
}

func (t *trie) add(c byte) int32 {
	t.first = append(t.first, 0)
	t.kids = append(t.kids, 0)
	t.char = append(t.char, c)
	t.value = append(t.value, -1)
	return int32(len(t.char) - 1)
}

// build gives node the words (sorted, distinct; their first depth
// characters lead to node); base is the index of words[0] in the list.
func (t *trie) build(node int32, words []string, depth, base int) {
	if len(words) > 0 && len(words[0]) == depth {
		t.value[node] = int32(base)
		words, base = words[1:], base+1
	}
	// One child per character at depth, made together so they are
	// consecutive, then filled one after the other.
	type group struct{ from, to int }
	var groups []group
	for i := 0; i < len(words); {
		j := i + 1
		for j < len(words) && words[j][depth] == words[i][depth] {
			j++
		}
		groups = append(groups, group{i, j})
		i = j
	}
	if len(groups) == 0 {
		return
	}
	t.first[node] = int32(len(t.char))
	t.kids[node] = uint16(len(groups))
	for _, g := range groups {
		t.add(words[g.from][depth])
	}
	for k, g := range groups {
		t.build(t.first[node]+int32(k), words[g.from:g.to], depth+1, base+g.from)
	}
}

// next is the child of node reached by c, or -1.
func (t *trie) next(node int32, c byte) int32 {
	lo, hi := t.first[node], t.first[node]+int32(t.kids[node])
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		if t.char[m] < c {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < t.first[node]+int32(t.kids[node]) && t.char[lo] == c {
		return lo
	}
	return -1
}

// sortedKeys lists the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return slices.Compact(keys)
}
