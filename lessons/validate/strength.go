package validate

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"aula/internal/lazy"
	"aula/lessons/internal/fastzx"
)

// Password strength, as the original zxcvbn (Dropbox, 4.4.2) measures it:
// how many guesses an attacker who knows common passwords, words, names,
// dates and keyboard patterns needs. The port is trustelem/zxcvbn, checked
// against the original's scores in strength_test.go; fastzx runs its
// matching and scoring fast enough for every key, with the same results.
//
// On top of zxcvbn, Aula gives it the learner's own name and a list of
// Spanish words (common passwords, names, football clubs, months, cities)
// as "user inputs", and turns what zxcvbn found into advice in plain words.
//
// Then two rules zxcvbn does not know. NIST SP 800-63B-4 (3.1.1.2) asks for
// at least 15 characters when a password is the only thing that lets you
// in: shorter is never more than fair. And words that go together ("mesa
// silla puerta ventana", strength_themes.txt) are guessed from short themed
// lists: 3 or more of one theme are never more than fair either.
//
// The verdict and the advice never contradict each other: any advice that
// says what makes the password guessable (everything but "add another
// word") keeps the level at fair or below.

// Level is a password's strength, 0 (very weak) to 4 (very strong): the
// zxcvbn score.
type Level int

// The levels.
const (
	VeryWeak Level = iota
	Weak
	Fair
	Strong
	VeryStrong
)

// levelIDs name the levels in lesson files (goal: strong).
var levelIDs = []string{"very-weak", "weak", "fair", "strong", "very-strong"}

// ID is the level's name in lesson files and for the catalog.
func (l Level) ID() string {
	if l < VeryWeak || l > VeryStrong {
		return levelIDs[0]
	}
	return levelIDs[l]
}

// LevelByID returns the level named id ("strong").
func LevelByID(id string) (Level, bool) {
	for i, s := range levelIDs {
		if s == id {
			return Level(i), true
		}
	}
	return VeryWeak, false
}

// Advice ids: what to change, most important first. They are stored as
// mistake ids (never the password), so they are stable.
const (
	AdviceEmpty      = "empty"       // nothing typed
	AdviceOnlySpaces = "only_spaces" // only spaces
	AdviceHasName    = "has_name"    // the learner's name
	AdviceCommon     = "common"      // one of the most used passwords, and weak
	AdviceHasCommon  = "has_common"  // one of them inside a longer one: EstaEsMiContraseña
	AdviceKnownWord  = "known_word"  // a name, a football club, a month, a dictionary word
	AdviceHasDate    = "has_date"    // a year or a date
	AdviceSequence   = "sequence"    // 1234, abcd, qwerty
	AdviceRepeat     = "repeat"      // aaaa, 1212
	AdviceLeet       = "leet"        // P@ssw0rd: symbols for look-alike letters
	AdviceTooShort   = "too_short"   // fewer than MinPasswordLen characters
	AdviceRelated    = "related"     // 3 or more words of one theme: mesa silla puerta
	AdviceAddWord    = "add_word"    // not very strong yet: another word helps most
)

// AdviceIDs lists every advice id in order of importance.
func AdviceIDs() []string {
	return []string{AdviceEmpty, AdviceOnlySpaces, AdviceHasName, AdviceCommon, AdviceHasCommon, AdviceKnownWord,
		AdviceHasDate, AdviceSequence, AdviceRepeat, AdviceLeet, AdviceTooShort, AdviceRelated, AdviceAddWord}
}

// MaxPasswordLen is the longest password judged, in characters. NIST SP
// 800-63B asks to accept at least 64; a longer paste is judged on its
// first 64 characters, so the meter never stalls.
const MaxPasswordLen = 64

// MinPasswordLen is the shortest password NIST SP 800-63B-4 (August 2025,
// section 3.1.1.2) accepts when the password is the only factor: 15
// characters. It allows 8 only when a second factor is always asked too;
// Aula teaches the rule that holds everywhere.
const MinPasswordLen = 15

// Strength is the verdict on a password: a level and what to change.
type Strength struct {
	Level  Level
	Advice []string // advice ids, most important first; none when nothing to say
}

//go:embed strength_es.txt
var spanishWordsFile string

//go:embed strength_themes.txt
var themesFile string

// themes maps a word, folded (no accents, lowercase), to the themes it
// belongs to: "silla" → [casa]. Built on first use, never at start (folding
// each word allocated 3 MB in the package's start-up).
var themes = lazy.Value[map[string][]string]{New: func() map[string][]string {
	out := map[string][]string{}
	theme := ""
	for _, line := range strings.Split(themesFile, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			theme = line[1 : len(line)-1]
			continue
		}
		for _, w := range strings.Fields(line) {
			w = Fold(strings.ToLower(w))
			if !slices.Contains(out[w], theme) {
				out[w] = append(out[w], theme)
			}
		}
	}
	return out
}}

// relatedWords reports whether 3 or more different words of the password
// belong to one theme (plurals in -s and -es count as the word).
func relatedWords(password string) bool {
	count := map[string]int{}
	seen := map[string]bool{}
	themes := themes.Get()
	for _, w := range strings.FieldsFunc(Fold(strings.ToLower(password)), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if seen[w] {
			continue
		}
		seen[w] = true
		ts := themes[w]
		if ts == nil && strings.HasSuffix(w, "s") {
			ts = themes[strings.TrimSuffix(w, "s")]
			if ts == nil && strings.HasSuffix(w, "es") {
				ts = themes[strings.TrimSuffix(w, "es")]
			}
		}
		for _, t := range ts {
			count[t]++
			if count[t] >= 3 {
				return true
			}
		}
	}
	return false
}

// What a user input is, for the advice.
const (
	inputWord     = iota // a Spanish word: a name, a club, a month…
	inputPassword        // a common Spanish password by itself
	inputYear            // a year from 1940 to 2039
)

// spanishInputs are the words of strength_es.txt in order, each also
// without accents (maría and maria), then the years; the map says what
// each one is (spanishInputs). Read on first use (the password step warms it in the
// background), never at start.
var spanishLists = lazy.Value[spanishList]{New: func() spanishList {
	var out []string
	kind := map[string]int{}
	add := func(w string, k int) {
		if _, seen := kind[w]; w != "" && !seen {
			kind[w] = k
			out = append(out, w)
		}
	}
	section := inputWord
	for _, line := range strings.Split(spanishWordsFile, "\n") {
		w := strings.ToLower(strings.TrimSpace(line))
		switch {
		case w == "" || strings.HasPrefix(w, "#"):
			continue
		case w == "[passwords]":
			section = inputPassword
			continue
		case w == "[words]":
			section = inputWord
			continue
		}
		add(w, section)
		add(Fold(w), section)
		add(strings.ReplaceAll(Fold(w), " ", ""), section)
	}
	for y := 1940; y < 2040; y++ {
		add(strconv.Itoa(y), inputYear)
	}
	return spanishList{out, kind}
}}

// spanishList is what spanishLists holds.
type spanishList struct {
	words []string
	kind  map[string]int
}

// spanishInputs returns the Spanish inputs and what each one is.
func spanishInputs() ([]string, map[string]int) {
	l := spanishLists.Get()
	return l.words, l.kind
}

// spanishKind says what a Spanish input is (inputWord when it is none).
func spanishKind(w string) int {
	_, kind := spanishInputs()
	return kind[w]
}

// spanishZX are the Spanish inputs, ranked once for zxcvbn, on first use.
var spanishZX = lazy.Value[*fastzx.Inputs]{New: func() *fastzx.Inputs {
	words, _ := spanishInputs()
	return fastzx.NewInputs(words)
}}

// WarmStrength reads zxcvbn's dictionaries and the Spanish inputs now, so
// that the first key on a password step is as quick as the others. Safe to
// call more than once, from any goroutine.
func WarmStrength() {
	fastzx.Warm()
	spanishZX.Get()
	themes.Get()
}

// SpanishWords returns the Spanish words given to zxcvbn, most common first.
func SpanishWords() []string {
	var out []string
	words, kind := spanishInputs()
	for _, w := range words {
		if kind[w] != inputYear {
			out = append(out, w)
		}
	}
	return out
}

// nameInputs turns a learner's name into user inputs: each part of it, with
// and without accents, first (they are the first thing an attacker tries).
func nameInputs(name string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(strings.ToLower(NFC(name)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if utf8.RuneCountInString(part) < 3 { // "de", "la": too short to mean the name
			continue
		}
		out = append(out, part)
		if f := Fold(part); f != part {
			out = append(out, f)
		}
	}
	return out
}

// yearPattern finds a year from 1900 to 2099: zxcvbn 4.4.2 only knows
// years up to 2019 as "recent".
var yearPattern = lazy.Regexp{Expr: `(19|20)\d\d`}

// Truncate keeps the first MaxPasswordLen characters of s.
func Truncate(s string) string {
	n := 0
	for i := range s {
		if n == MaxPasswordLen {
			return s[:i]
		}
		n++
	}
	return s
}

// PasswordStrength judges a practice password. name is the learner's name
// (may be empty). It is pure: nothing is kept or written.
func PasswordStrength(password, name string) Strength {
	password = Truncate(password)
	if password == "" {
		return Strength{Level: VeryWeak, Advice: []string{AdviceEmpty}}
	}
	if strings.TrimSpace(password) == "" {
		return Strength{Level: VeryWeak, Advice: []string{AdviceOnlySpaces}}
	}
	names := nameInputs(name)
	// zxcvbn sees the password without accents: "ñandú" as "nandu". The
	// port counts bytes, not characters, and misses repeats of letters
	// that take 2 bytes ("ññññ"); without accents it counts like the
	// original, which counts characters. The Spanish words are given
	// with and without accents, so they are still found.
	plain := stripAccents(password)
	res := fastzx.Strength(plain, fastzx.Then(names, spanishZX.Get()))
	st := Strength{Level: Level(clampLevel(res.Score))}
	zxLevel := st.Level // zxcvbn's own verdict, before Aula's rules

	found := map[string]bool{}
	chars := []rune(plain) // fastzx's indices count these
	for _, m := range res.Sequence {
		if m.Pattern == "repeat" && !wholeRepeat(m, chars) {
			continue
		}
		for _, a := range adviceFor(m, names, len(password)) {
			found[a] = true
		}
	}
	// The name anywhere in the password, whatever zxcvbn's best reading of
	// it ("luciaLucia" is read as a repeat, whose pieces are not listed).
	lower := strings.ToLower(stripAccents(password))
	for _, n := range names {
		if strings.Contains(lower, n) {
			found[AdviceHasName] = true
		}
	}
	if yearPattern.Get().MatchString(password) {
		found[AdviceHasDate] = true
	}
	// Characters as a person sees them: 👨‍👩‍👧 is one, not five.
	if uniseg.GraphemeClusterCount(password) < MinPasswordLen {
		found[AdviceTooShort] = true
	}
	if relatedWords(password) {
		found[AdviceRelated] = true
	}
	if found[AdviceCommon] && zxLevel > Weak {
		// "Guessed in seconds" is true of "Barcelona2024", not of
		// "EstaEsMiContraseña": there the common password is inside.
		delete(found, AdviceCommon)
		found[AdviceHasCommon] = true
	}
	if st.Level > Fair && guessable(found) {
		// zxcvbn rates "3Lucia1980" strong (three pieces make many
		// combinations), "EstaEsMiContraseña" very strong and "sol luna
		// mar" too. Whoever knows the learner tries their name first, a
		// common password inside is still tried early, short is short:
		// the bar never says strong next to advice that says otherwise.
		st.Level = Fair
	}
	if st.Level < VeryStrong {
		found[AdviceAddWord] = true
	}
	if zxLevel >= Strong {
		// Words are what a strong passphrase is made of: no need to warn.
		delete(found, AdviceKnownWord)
	}
	for _, id := range AdviceIDs() {
		if found[id] {
			st.Advice = append(st.Advice, id)
		}
	}
	return st
}

func clampLevel(score int) int { return max(0, min(score, int(VeryStrong))) }

// GuessableAdvice are the advice ids whose words say the password is easy
// to guess ("the first thing tried", "too short"): with any of them, the
// level is never above fair. The others (a known word, a repeat, add a
// word) say how to do better, not that it is weak.
var GuessableAdvice = []string{AdviceHasName, AdviceCommon, AdviceHasCommon, AdviceHasDate, AdviceSequence, AdviceLeet, AdviceTooShort, AdviceRelated}

func guessable(found map[string]bool) bool {
	for _, id := range GuessableAdvice {
		if found[id] {
			return true
		}
	}
	return false
}

// adviceFor says what a piece of the password found by zxcvbn teaches.
// names are the user inputs that come from the learner's name.
func adviceFor(m *fastzx.Match, names []string, length int) []string {
	var out []string
	switch m.Pattern {
	case "dictionary":
		switch {
		case slices.Contains(names, m.MatchedWord):
			out = append(out, AdviceHasName)
		case m.DictionaryName == "user_inputs" && spanishKind(m.MatchedWord) == inputYear:
			out = append(out, AdviceHasDate)
		case (m.DictionaryName == "passwords" || spanishKind(m.MatchedWord) == inputPassword && m.DictionaryName == "user_inputs") &&
			(m.J-m.I+1)*2 >= length:
			// Most of the password is a common password by itself.
			out = append(out, AdviceCommon)
		default:
			out = append(out, AdviceKnownWord)
		}
		if m.L33t {
			out = append(out, AdviceLeet)
		}
	case "spatial", "sequence":
		out = append(out, AdviceSequence)
	case "repeat":
		out = append(out, AdviceRepeat)
		for _, b := range m.BaseMatches { // what is repeated may be a name
			out = append(out, adviceFor(b, names, length)...)
		}
	case "date", "regex":
		out = append(out, AdviceHasDate)
	}
	return out
}

// wholeRepeat says whether a repeat zxcvbn found in chars repeats whole
// characters as a person sees them. fastzx sees every character outside
// ASCII as the same placeholder, so two different emoji, or the parts of
// one ("👍🏽", "👨‍👩‍👧"), looked like "aaa".
func wholeRepeat(m *fastzx.Match, chars []rune) bool {
	if m.I < 0 || m.J >= len(chars) || m.I > m.J {
		return false
	}
	tok := chars[m.I : m.J+1]
	for n := 1; n <= len(tok)/2; n++ {
		if len(tok)%n == 0 && periodic(tok, n) {
			whole := uniseg.GraphemeClusterCount(string(tok[:n]))
			return uniseg.GraphemeClusterCount(string(tok)) == len(tok)/n*whole
		}
	}
	return false
}

// periodic says whether s is its first n characters repeated (letters
// compared without case).
func periodic(s []rune, n int) bool {
	for i := n; i < len(s); i++ {
		if unicode.ToLower(s[i]) != unicode.ToLower(s[i-n]) {
			return false
		}
	}
	return true
}
