package validate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normal form C, so that an "á" typed as one
// character and one typed as "a" plus an accent compare equal.
func NFC(s string) string { return norm.NFC.String(s) }

// Normalise lowercases s and folds runs of spaces into one.
func Normalise(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(NFC(s))), " ")
}

// Fold is Normalise without accents: "Lucía" and "lucia" fold alike.
func Fold(s string) string {
	return Normalise(stripAccents(s))
}

// stripAccents removes accents and keeps everything else as it is:
// "Ñandú Pérez" becomes "Nandu Perez". Text without accents (plain ASCII,
// most of what is checked) is given back as it is: the chain of
// transformers allocates its buffers at each call.
func stripAccents(s string) string {
	if isASCII(s) {
		return s
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// isASCII says whether s has only ASCII characters.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// WordRune says whether r is part of a word (a letter or a digit), for
// matching whole words.
func WordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
