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
// consecutive nodes, sorted by the character that leads to them. The
// columns are strings of little-endian numbers, so that the dictionaries'
// trie is read in place from the binary (dict.bin), never copied to the
// heap: the pages the search touches are the only memory it takes.
type trie struct {
	first string // 4 bytes per node: the node's first child
	kids  string // 2 bytes per node: how many children it has
	char  string // 1 byte per node: the character that leads to the node
	value string // 4 bytes per node: the index of the word that ends here, or -1
}

func u16(s string, i int) int32 { return int32(s[2*i]) | int32(s[2*i+1])<<8 }

func u32(s string, i int) int32 {
	return int32(uint32(s[4*i]) | uint32(s[4*i+1])<<8 | uint32(s[4*i+2])<<16 | uint32(s[4*i+3])<<24)
}

func put16(b []byte, v int32) []byte { return append(b, byte(v), byte(v>>8)) }

func put32(b []byte, v int32) []byte { return append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24)) }

// valueOf is the value of node: the index of the word that ends there, or -1.
func (t *trie) valueOf(node int32) int32 { return u32(t.value, int(node)) }

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
	b := &trieBuilder{
		first: make([]int32, 0, nodes),
		kids:  make([]uint16, 0, nodes),
		char:  make([]byte, 0, nodes),
		value: make([]int32, 0, nodes),
	}
	b.add(0) // the root
	b.build(0, words, 0, 0)
	var first, kids, value []byte
	first = make([]byte, 0, 4*nodes)
	kids = make([]byte, 0, 2*nodes)
	value = make([]byte, 0, 4*nodes)
	for n := range b.char {
		first, kids, value = put32(first, b.first[n]), put16(kids, int32(b.kids[n])), put32(value, b.value[n])
	}
	return &trie{first: string(first), kids: string(kids), char: string(b.char), value: string(value)}
}

// trieBuilder holds the columns of a trie while it is built.
type trieBuilder struct {
	first []int32
	kids  []uint16
	char  []byte
	value []int32
}

func (t *trieBuilder) add(c byte) int32 {
	t.first = append(t.first, 0)
	t.kids = append(t.kids, 0)
	t.char = append(t.char, c)
	t.value = append(t.value, -1)
	return int32(len(t.char) - 1)
}

// build gives node the words (sorted, distinct; their first depth
// characters lead to node); base is the index of words[0] in the list.
func (t *trieBuilder) build(node int32, words []string, depth, base int) {
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
	first := u32(t.first, int(node))
	end := first + u16(t.kids, int(node))
	lo, hi := first, end
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		if t.char[m] < c {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < end && t.char[lo] == c {
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
