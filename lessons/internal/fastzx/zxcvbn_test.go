package fastzx

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/trustelem/zxcvbn/scoring"
)

// reference is one line of the table the original zxcvbn 4.4.2 made.
type reference struct {
	inputs   int // 0: none; 1: the test's inputs
	password string
	guesses  float64
	sequence string
}

// readReference reads testdata/zxcvbn-4.4.2.tsv.gz and its reference
// year. testdata/gen/gen.js made it with the npm package zxcvbn@4.4.2
// (Node 20); to make it again, byte for byte:
//
//	cd lessons/internal/fastzx/testdata/gen && npm ci && node gen.js | gzip -9n > ../zxcvbn-4.4.2.tsv.gz
func readReference(t *testing.T) (year int, refs []reference) {
	t.Helper()
	f, err := os.Open("testdata/zxcvbn-4.4.2.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(z)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "# zxcvbn 4.4.2 (npm), reference year "); ok {
			year, _ = strconv.Atoi(rest[:4])
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("bad line in the table: %q", line)
		}
		in, err1 := strconv.Atoi(f[0])
		g, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad line in the table: %q", line)
		}
		refs = append(refs, reference{in, f[1], g, f[3]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if year == 0 || len(refs) < 10000 {
		t.Fatalf("the table has no reference year or too few lines (%d)", len(refs))
	}
	return year, refs
}

// sequenceOf writes a sequence as gen.js does.
func sequenceOf(seq []*Match) string {
	letter := map[string]string{"dictionary": "w", "spatial": "s", "repeat": "r", "sequence": "q", "regex": "x",
		"date": "d", "bruteforce": "b"}
	var parts []string
	for _, m := range seq {
		p := letter[m.Pattern]
		if m.Reversed {
			p += "R"
		}
		if m.L33t {
			p += "L"
		}
		parts = append(parts, fmt.Sprintf("%s%d-%d", p, m.I, m.J))
	}
	return strings.Join(parts, ",")
}

// TestSameAsZxcvbn compares fastzx with the original zxcvbn 4.4.2 on the
// table it made: every string of 4 digits, samples of 5 to 8, dates with
// separators (zeros and impossible days included), the cases known to be
// tricky, words of zxcvbn's lists changed as people change them, and
// random mixes of the pieces zxcvbn looks for; with no user inputs and
// with the inputs of this package's tests.
//
// That is what fastzx reproduces: zxcvbn's own matchers, dictionaries and
// scoring. The Spanish words the meter adds (lessons/strength.go) are given
// to fastzx as user inputs, which zxcvbn treats as one more dictionary
// like any other, so they need no table of their own; the table is
// printable ASCII, as fastzx works on ASCII (Strength maps the rest to one
// placeholder, and the meter takes the accents off first). The sequence of
// matches chosen must be the same, and the guesses to 9 digits: trustelem's
// formulas (spatial ones, for instance) round a last bit differently now
// and then, on 6 of the passwords here.
func TestSameAsZxcvbn(t *testing.T) {
	year, refs := readReference(t)
	was := referenceYear()
	refYear.Store(int64(year))
	t.Cleanup(func() { refYear.Store(int64(was)) })
	inputSets := []*Inputs{nil, NewInputs(inputs)}
	bad := 0
	for _, r := range refs {
		got := Strength(r.password, inputSets[r.inputs])
		seq := sequenceOf(got.Sequence)
		if math.Abs(got.Guesses-r.guesses) <= 1e-9*math.Max(1, r.guesses) && seq == r.sequence {
			continue
		}
		if bad++; bad <= 30 {
			t.Errorf("inputs %d, %q: fastzx %g guesses (%s), zxcvbn %g (%s)", r.inputs, r.password,
				got.Guesses, seq, r.guesses, r.sequence)
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d passwords differ from zxcvbn 4.4.2", bad, len(refs))
	}
}

// TestPow10: the search's powers are of 10, and pow10 gives them as
// Node's Math.pow does: one bit from the nearest double at 10²⁶, exact
// below.
func TestPow10(t *testing.T) {
	if bruteforceCardinality != 10 || minGuessesBeforeGrowingSequence != 10000 ||
		scoring.BruteforceCardinality != 10 || scoring.MinGuessesBeforeGrowingSequence != 10000 {
		t.Fatal("zxcvbn's constants changed: the search takes powers of 10 no more")
	}
	for n, want := range map[int]float64{0: 1, 1: 10, 22: 1e22, 25: 1e25, 26: math.Nextafter(1e26, 0),
		29: math.Nextafter(1e29, math.Inf(1)), 64: 1e64, 308: 1e308} {
		if got := pow10(n); got != want {
			t.Errorf("pow10(%d) = %v, want %v", n, got, want)
		}
	}
	if !math.IsInf(pow10(309), 1) {
		t.Error("pow10(309) is not +Inf")
	}
}
