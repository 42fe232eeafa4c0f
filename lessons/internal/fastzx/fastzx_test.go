package fastzx

import (
	"flag"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/trustelem/zxcvbn"
	"github.com/trustelem/zxcvbn/frequency"
)

// inputs are the user inputs of the tests (testdata/gen/gen.js has them too).
var inputs = []string{"lucía", "lucia", "prueba", "barcelona", "enero", "1975", "tren", "nube"}

// trustelem's port departs from zxcvbn 4.4.2 in three places, which
// fastzx follows zxcvbn in (TestSameAsZxcvbn checks them on zxcvbn's own
// outputs): its dates take a day or month of 0, it loses some readings of
// the look-alikes, and it looks at what a repeat repeats without the user
// inputs. Elsewhere it is zxcvbn, and a second check on any text: the
// comparisons below keep to passwords those three cannot touch (no digits,
// no look-alikes, no user inputs).
func trustelemSafe(p string) bool {
	return !strings.ContainsAny(p, "0123456789!$%(+<@[{|")
}

// same reports whether fastzx and trustelem agree on password (with no
// user inputs).
//
// trustelem is not always deterministic: it walks its dictionaries in Go's
// random map order, and on rare passwords the order of equal-length
// matches changes which sequences its search keeps, so two runs give two
// guess counts. fastzx walks them in a fixed order and must give one of
// trustelem's answers.
func same(t *testing.T, password string) {
	t.Helper()
	got := Strength(password, nil)
	equal := func(g float64) bool { return math.Abs(got.Guesses-g) <= 1e-9*math.Max(1, g) }
	var seen []float64
	for range 60 {
		want := zxcvbn.PasswordStrength(password, nil)
		if equal(want.Guesses) && got.Score == want.Score {
			return
		}
		if !slices.Contains(seen, want.Guesses) {
			seen = append(seen, want.Guesses)
		}
	}
	t.Errorf("%q: fastzx %g guesses (score %d), trustelem in 60 runs: %g", password, got.Guesses, got.Score, seen)
}

// TestSameAsTrustelemRandom compares on passwords made of the pieces
// zxcvbn looks for, up to 64 characters, where trustelem is zxcvbn.
func TestSameAsTrustelemRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2026))
	pieces := []string{"password", "lucia", "tren", "nube", "qwerty", "asdf", "abc", "Z", "x", " ", "-", ".", "_",
		"aa", "dragon", "Barcelona", "monkey", "zxcv", "drowssap", "ENERO", "poiuy", "mnbvc", "ZYX", "trentren"}
	n := 1500
	if testing.Short() {
		n = 200
	}
	for range n {
		var b strings.Builder
		for b.Len() < 64 && r.IntN(8) != 0 {
			if r.IntN(3) == 0 {
				b.WriteByte(byte(' ' + r.IntN(95)))
			} else {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
		}
		p := b.String()
		if len(p) > 64 {
			p = p[:64]
		}
		if trustelemSafe(p) {
			same(t, p)
		}
	}
}

// FuzzStrength: on any text of printable ASCII up to 64 characters, the
// verdict is whole (the sequence covers the password, in order, and the
// score is the guesses'), and where trustelem is zxcvbn (trustelemSafe)
// it gives trustelem's guesses. (Not with control characters, which no
// password field lets through: trustelem's regular expressions treat a
// line break apart, "1010\n" is a date to them.)
func FuzzStrength(f *testing.F) {
	for _, s := range []string{"Maria1975", "p@55w0rd", "abcabc", "19/07/1975", "qwerty123", "nube tren", "0803"} {
		f.Add(s)
	}
	in := NewInputs(inputs)
	f.Fuzz(func(t *testing.T, p string) {
		if len(p) > 64 || strings.ContainsFunc(p, func(r rune) bool { return r < ' ' || r > '~' }) {
			return
		}
		for _, res := range []Result{Strength(p, nil), Strength(p, in)} {
			next := 0
			for _, m := range res.Sequence {
				if m.I != next || m.J < m.I || m.Token != p[m.I:m.J+1] {
					t.Fatalf("%q: match %s %d-%d %q after %d", p, m.Pattern, m.I, m.J, m.Token, next)
				}
				next = m.J + 1
			}
			if next != len(p) || res.Guesses < 1 || math.IsInf(res.Guesses, 0) || res.Score != guessesToScore(res.Guesses) {
				t.Fatalf("%q: sequence ends at %d, %g guesses, score %d", p, next, res.Guesses, res.Score)
			}
		}
		if trustelemSafe(p) {
			same(t, p)
		}
	})
}

// inputRank is the rank of w among the inputs, found as the matcher finds it.
func inputRank(in *Inputs, w string) (int, bool) {
	Warm()
	for _, m := range dictionaryMatch(nil, w, w, newSearcher(in)) {
		if m.DictionaryName == "user_inputs" && m.I == 0 && m.J == len(w)-1 {
			return m.Rank, true
		}
	}
	return 0, false
}

func TestThen(t *testing.T) {
	rest := NewInputs([]string{"barcelona", "lucia", "enero"})
	in := Then([]string{"lucia", "prueba"}, rest)
	for w, want := range map[string]int{"lucia": 1, "prueba": 2, "barcelona": 3, "enero": 5} {
		if got, ok := inputRank(in, w); !ok || got != want {
			t.Errorf("rank of %q = %d, %v; want %d", w, got, ok, want)
		}
	}
	if _, ok := inputRank(in, "madrid"); ok {
		t.Error("madrid is not an input")
	}
}

func TestASCII(t *testing.T) {
	if got := ASCII("ñandú 😀!"); got != "\x1aand\x1a \x1a!" {
		t.Errorf("ASCII = %q", got)
	}
	if got := Strength(strings.Repeat("😀", 40), nil); got.Score > 1 {
		t.Errorf("40 emoji in a row are a repeat, score %d", got.Score)
	}
}

// BenchmarkLoadDictionaries is the one-off cost of Warm: reading dict.bin's
// header.
func BenchmarkLoadDictionaries(b *testing.B) {
	for b.Loop() {
		loadDictionaries()
	}
}

var update = flag.Bool("update", false, "write dict.bin again from trustelem's word lists")

// TestDictBlob: dict.bin is what trustelem's word lists compile to (go
// generate writes it again), and reads back as the same dictionaries.
func TestDictBlob(t *testing.T) {
	want := buildDict(frequency.FrequencyLists)
	if *update {
		if err := os.WriteFile("dict.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if dictBlob != string(want) {
		t.Fatal("dict.bin is out of date: run go generate ./lessons/internal/fastzx/")
	}
	names := slices.Sorted(maps.Keys(frequency.FrequencyLists))
	if !slices.Equal(names, dictNames) {
		t.Errorf("trustelem's lists are %v, dict.bin numbers %v", names, dictNames)
	}
	// Every word of every list is found whole, with its rank in its list.
	Warm()
	s := newSearcher(nil)
	for d, name := range dictNames {
		ranks := map[string]int{}
		for i, w := range frequency.FrequencyLists[name] {
			ranks[strings.ToLower(w)] = i + 1 // a word listed twice keeps its last rank
		}
		for w, rank := range ranks {
			found := false
			for _, m := range dictionaryMatch(nil, w, w, s) {
				if m.I == 0 && m.J == len(w)-1 && m.DictionaryName == dictNames[d] {
					found = m.Rank == rank
				}
			}
			if !found {
				t.Fatalf("%s: %q is not found with rank %d", name, w, rank)
			}
		}
	}
	if _, _, _, _, err := readDict(dictBlob[:len(dictBlob)-1]); err == nil {
		t.Error("a cut dict.bin is read without complaint")
	}
}

// TestTrieEveryByte: a node may have 256 children (the count is kept less
// one, in a byte), and every word is found with its own value.
func TestTrieEveryByte(t *testing.T) {
	var words []string
	for c := range 256 {
		words = append(words, string([]byte{byte(c)}), string([]byte{byte(c), 'x'}))
	}
	slices.Sort(words)
	tr, order := newTrie(words)
	found := map[string]bool{}
	for _, w := range words {
		n := int32(0)
		for i := 0; i < len(w) && n >= 0; i++ {
			n = tr.next(n, w[i])
		}
		if n < 0 || tr.valueOf(n) < 0 || words[order[tr.valueOf(n)]] != w {
			t.Fatalf("%q is not found as itself", w)
		}
		found[w] = true
	}
	if n := tr.next(tr.next(0, 'a'), 'y'); n >= 0 {
		t.Error(`"ay" is found, but it is no word`)
	}
	if len(found) != 512 {
		t.Errorf("%d words found, want 512", len(found))
	}
}
