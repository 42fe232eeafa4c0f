package fastzx

import (
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// The dictionaries are compiled once, when the code changes, into dict.bin:
// their trie and the place of each word in each list, as columns of
// little-endian numbers. The binary embeds it and the search reads it in
// place: nothing is built at start or when a password step opens, and the
// pages of it that no search touches are never read from disk.
// TestDictBlob checks that dict.bin is what trustelem's word lists give.
//
//go:generate go test -run TestDictBlob -update
//go:embed dict.bin
var dictBlob string

// dictNames are zxcvbn's dictionaries (trustelem's frequency lists), in
// the order dict.bin numbers them.
var dictNames = []string{"english_wikipedia", "female_names", "male_names", "passwords", "surnames", "us_tv_and_film"}

const dictMagic = "FZX2"

var (
	// dict finds the words of every dictionary, lowercase. The word of
	// value v is listed in places listed[v] to listed[v+1]-1 of listDict
	// (which dictionary, a byte: its index in dictNames) and listRank (its
	// rank there, 4 bytes), in the order of dictNames.
	dict     *trie
	listed   string
	listDict string
	listRank string
)

var load sync.Once

// Warm reads the dictionaries' header now; the words stay in the binary.
// Safe to call more than once, from any goroutine.
func Warm() { load.Do(loadDictionaries) }

func loadDictionaries() {
	var err error
	dict, listed, listDict, listRank, err = readDict(dictBlob)
	if err != nil {
		panic(err) // dict.bin is made by TestDictBlob and checked by it
	}
}

// buildDict compiles the frequency lists into the form of dict.bin.
func buildDict(lists map[string][]string) []byte {
	// Every (word, dictionary, rank), sorted by word.
	type entry struct {
		w    string
		dict uint8
		rank int32
	}
	var entries []entry
	for d, name := range dictNames {
		for i, w := range lists[name] {
			entries = append(entries, entry{strings.ToLower(w), uint8(d), int32(i + 1)})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := strings.Compare(a.w, b.w); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.dict, b.dict), cmp.Compare(a.rank, b.rank))
	})
	var sorted []string
	var listedN []int32
	var kept []entry
	for k, e := range entries {
		switch {
		case k == 0 || e.w != entries[k-1].w:
			sorted = append(sorted, e.w)
			listedN = append(listedN, int32(len(kept)))
		case e.dict == entries[k-1].dict:
			// A word listed twice keeps its last rank, as in trustelem.
			kept = kept[:len(kept)-1]
		}
		kept = append(kept, e)
	}
	listedN = append(listedN, int32(len(kept)))
	t, order := newTrie(sorted)

	// The words' places, in the order of their values.
	var listed []int32
	var places []entry
	for _, i := range order {
		listed = append(listed, int32(len(places)))
		places = append(places, kept[listedN[i]:listedN[i+1]]...)
	}
	listed = append(listed, int32(len(places)))

	nodes := len(t.char)
	out := []byte(dictMagic)
	out = put32(out, int32(nodes))
	out = put32(out, int32(len(sorted)))
	out = put32(out, int32(len(places)))
	out = append(out, t.char...)
	out = append(out, t.kids...)
	out = append(out, t.first...)
	out = append(out, t.ends...)
	out = append(out, t.before...)
	for _, n := range listed {
		out = put32(out, n)
	}
	for _, e := range places {
		out = append(out, e.dict)
	}
	for _, e := range places {
		out = put32(out, e.rank)
	}
	return out
}

// readDict reads a compiled dictionary in place: the columns are slices of
// blob.
func readDict(blob string) (t *trie, listed, listDict, listRank string, err error) {
	const head = len(dictMagic) + 12
	if len(blob) < head || blob[:len(dictMagic)] != dictMagic {
		return nil, "", "", "", fmt.Errorf("fastzx: dict.bin is not a compiled dictionary")
	}
	nodes, words, places := int(u32(blob[4:], 0)), int(u32(blob[4:], 1)), int(u32(blob[4:], 2))
	blocks := (nodes + 63) / 64
	if len(blob) != head+5*nodes+12*blocks+4*(words+1)+5*places {
		return nil, "", "", "", fmt.Errorf("fastzx: dict.bin has the wrong size")
	}
	rest := blob[head:]
	cut := func(n int) string {
		s := rest[:n]
		rest = rest[n:]
		return s
	}
	t = &trie{char: cut(nodes), kids: cut(nodes), first: cut(3 * nodes), ends: cut(8 * blocks), before: cut(4 * blocks)}
	return t, cut(4 * (words + 1)), cut(places), cut(4 * places), nil
}
