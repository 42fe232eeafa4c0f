package fastzx

import (
	"math/bits"
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
// heap, and small, so that few pages of it are read: 5 bytes a node and 12
// bytes for every 64 nodes.
type trie struct {
	char  string // 1 byte per node: the character that leads to the node
	kids  string // 1 byte per node: how many children it has, less one
	first string // 3 bytes per node: its first child; 0 (the root) for none
	ends  string // 1 bit per node, 8 bytes per 64: a word ends at the node
	// before holds, in 4 bytes per 64 nodes, how many words end at nodes
	// numbered below the 64: a word's value is how many words end at
	// nodes numbered below its own.
	before string
}

func u24(s string, i int) int32 { return int32(s[3*i]) | int32(s[3*i+1])<<8 | int32(s[3*i+2])<<16 }

func u32(s string, i int) int32 {
	return int32(uint32(s[4*i]) | uint32(s[4*i+1])<<8 | uint32(s[4*i+2])<<16 | uint32(s[4*i+3])<<24)
}

func u64(s string, i int) uint64 {
	return uint64(uint32(u32(s, 2*i))) | uint64(uint32(u32(s, 2*i+1)))<<32
}

func put24(b []byte, v int32) []byte { return append(b, byte(v), byte(v>>8), byte(v>>16)) }

func put32(b []byte, v int32) []byte { return append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24)) }

// maxNodes is the most nodes a trie can have (first takes 3 bytes).
const maxNodes = 1 << 24

// valueOf is the value of the word that ends at node, or -1.
func (t *trie) valueOf(node int32) int32 {
	block, bit := int(node)/64, uint(node)%64
	word := u64(t.ends, block)
	if word&(1<<bit) == 0 {
		return -1
	}
	return u32(t.before, block) + int32(bits.OnesCount64(word&(1<<bit-1)))
}

// newTrie builds the trie of words, which must be sorted and distinct.
// The word of value v is words[order[v]].
func newTrie(words []string) (t *trie, order []int32) {
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
	if nodes > maxNodes {
		panic("fastzx: too many words for a trie")
	}
	b := &trieBuilder{
		first: make([]int32, 0, nodes),
		kids:  make([]int, 0, nodes),
		char:  make([]byte, 0, nodes),
		value: make([]int32, 0, nodes),
	}
	b.add(0) // the root
	b.build(0, words, 0, 0)
	kids := make([]byte, nodes)
	first := make([]byte, 0, 3*nodes)
	blocks := (nodes + 63) / 64
	ends := make([]byte, 0, 8*blocks)
	before := make([]byte, 0, 4*blocks)
	order = make([]int32, 0, len(words))
	for n := range b.char {
		if b.kids[n] > 0 {
			kids[n] = byte(b.kids[n] - 1)
		}
		first = put24(first, b.first[n])
	}
	for block := range blocks {
		before = put32(before, int32(len(order)))
		var word uint64
		for n := block * 64; n < min(nodes, block*64+64); n++ {
			if b.value[n] >= 0 {
				word |= 1 << (n % 64)
				order = append(order, b.value[n])
			}
		}
		ends = put32(put32(ends, int32(uint32(word))), int32(uint32(word>>32)))
	}
	return &trie{char: string(b.char), kids: string(kids), first: string(first), ends: string(ends), before: string(before)}, order
}

// trieBuilder holds the columns of a trie while it is built.
type trieBuilder struct {
	first []int32
	kids  []int
	char  []byte
	value []int32 // the index in words of the word that ends at the node, or -1
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
	t.kids[node] = len(groups)
	for _, g := range groups {
		t.add(words[g.from][depth])
	}
	for k, g := range groups {
		t.build(t.first[node]+int32(k), words[g.from:g.to], depth+1, base+g.from)
	}
}

// next is the child of node reached by c, or -1.
func (t *trie) next(node int32, c byte) int32 {
	first := u24(t.first, int(node))
	if first == 0 {
		return -1
	}
	end := first + int32(t.kids[node]) + 1
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
