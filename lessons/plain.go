package lessons

import (
	"aula/internal/lazy"
	"aula/lessons/judge"
	"sort"
	"strings"
	"unicode"
)

// Plain language: an instruction (the text of a step) stays short, so
// that people who read with difficulty can follow it. These are the limits
// aula lessons check warns about (warnings, not problems: the lesson still
// loads). They follow easy-read guidance: one idea per sentence, short
// sentences, not too many of them on one screen, lists for lists.
//
// How sentences are counted (see countSentences):
//   - a sentence ends with . ! ? or …, or at the end of a line;
//   - a list counts as one sentence, whatever its length: lines that start
//     with "1." or "2)", a dash or a bullet, or, after a line that ends in
//     a colon, lines like "Asunto: de qué va el correo.";
//   - a quotation on a line of its own («…», "…", '…'), such as the text
//     of a message the learner looks at, counts as one sentence;
//   - every sentence, list items and quotations included, is checked for
//     length.
const (
	// MaxSentences is the most sentences an instruction should have.
	MaxSentences = 6
	// MaxSentenceWords is the most words a sentence should have.
	MaxSentenceWords = 20
)

// Sentences splits text into sentences. A sentence ends at . ! ? or …
// followed by the end of the text, a line break, or a space and what starts
// a new sentence (a capital letter, a digit, ¿, ¡ or an opening quote); so
// "p. ej. esto" or an address like lucia.prueba@correo.example do not end
// one. A line break ends a sentence too (a list item is a sentence).
// Closing quotes and brackets after the mark stay with the sentence.
func Sentences(text string) []string {
	var out []string
	rs := []rune(text)
	start := 0
	flush := func(end int) {
		if s := strings.TrimSpace(string(rs[start:end])); s != "" {
			out = append(out, s)
		}
		start = end
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\n' {
			flush(i)
			continue
		}
		if !strings.ContainsRune(".!?…", r) {
			continue
		}
		if r == '.' && listMarker(rs[start:i]) {
			continue // "1. Abre el correo": the number of a list item
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune(".!?…»\"”’')]", rs[j]) {
			j++
		}
		switch {
		case j == len(rs) || rs[j] == '\n':
			flush(j)
			i = j - 1
		case unicode.IsSpace(rs[j]):
			k := j
			for k < len(rs) && rs[k] == ' ' {
				k++
			}
			if k < len(rs) && startsSentence(rs[k]) {
				flush(j)
				i = j - 1
			}
		}
	}
	flush(len(rs))
	return out
}

// listMarker reports whether what comes before a dot is a list number.
func listMarker(before []rune) bool {
	s := strings.TrimSpace(string(before))
	return s != "" && len(s) <= 2 && strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("¿¡«\"“'‘(", r)
}

// countSentences splits an instruction into its sentences and counts them
// as the rules above say: a list or a quotation on its own line is one.
func countSentences(text string) (sentences []string, count int) {
	inList, afterColon := false, false
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			inList, afterColon = false, false
			continue
		}
		ss := Sentences(line)
		sentences = append(sentences, ss...)
		switch {
		case listItem(line, afterColon || inList):
			if !inList {
				count++
			}
			inList = true
		case quotation(line):
			count++
			inList = false
		default:
			count += len(ss)
			inList = false
		}
		afterColon = strings.HasSuffix(line, ":")
	}
	return sentences, count
}

var (
	listMark  = lazy.Regexp{Expr: `^(\d{1,2}[.)]|[-•·*–])\s`}
	listLabel = lazy.Regexp{Expr: `^[\p{L}@][\p{L}@ ]{0,23}:\s`}
)

// listItem reports whether line is an item of a list; a "Label: text"
// line only counts when a list is expected (after a colon, or another item).
func listItem(line string, expected bool) bool {
	return listMark.Get().MatchString(line) || (expected && listLabel.Get().MatchString(line))
}

// quotation reports whether line is all one quotation.
func quotation(line string) bool {
	line = strings.TrimRight(line, ".")
	rs := []rune(line)
	if len(rs) < 2 {
		return false
	}
	open, close := rs[0], rs[len(rs)-1]
	pairs := map[rune]rune{'«': '»', '“': '”', '"': '"', '\'': '\'', '‘': '’'}
	return pairs[open] == close
}

// words counts the words of a sentence: runs of characters with at least
// one letter or digit (a lone dash or emoji is not a word).
func words(sentence string) int {
	n := 0
	for _, f := range strings.Fields(sentence) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// PlainLanguage returns a warning for every instruction in lib, in every
// language, that has more than MaxSentences sentences or a sentence of more
// than MaxSentenceWords words.
func PlainLanguage(lib *Library) []Problem {
	var out []Problem
	for _, lang := range lib.Langs() {
		cat := lib.catalogs[lang]
		for _, l := range cat.Lessons {
			for _, s := range l.Steps() {
				out = append(out, plainStep(l.File, s, lib.say)...)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}

func plainStep(file string, s *Step, say judge.Say) []Problem {
	var out []Problem
	ss, n := countSentences(s.Text)
	if n > MaxSentences {
		out = append(out, Problem{File: file, Line: s.line, Msg: say.Sprintf("step %q: the instruction has %d sentences; keep it to %d at most (easy-read: one idea per sentence, few per screen)", s.ID, n, MaxSentences)})
	}
	for _, sentence := range ss {
		if n := words(sentence); n > MaxSentenceWords {
			out = append(out, Problem{File: file, Line: s.line, Msg: say.Sprintf("step %q: a sentence of %d words; keep sentences to %d words at most: %q", s.ID, n, MaxSentenceWords, sentence)})
		}
	}
	return out
}
