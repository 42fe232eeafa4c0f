package lessons

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"aula/lessons/judge"
	"aula/lessons/validate"

	"golang.org/x/text/unicode/norm"
)

// GlossaryFile is the name of the glossary in a language's folder.
const GlossaryFile = "glossary.yaml"

// Term is a word the glossary explains in easy words: "contraseña",
// "adjunto", "IBAN". Its words are the forms it takes in lesson texts
// (contraseña, contraseñas), the first one being how it is listed. Words
// are found whole, without regard to capitals or accents.
type Term struct {
	ID    string   `yaml:"id"`    // the same in every language
	Words []string `yaml:"words"` // the forms found in texts; the first is the headword
	Text  string   `yaml:"text"`  // what it means, in one to three short sentences
	// Facts are the numbers Text states, by the keys of the language's
	// facts.yaml (the Cl@ve PIN's characters): aula lessons check warns
	// when a lesson or facts.yaml says otherwise, as for lessons.
	Facts map[string]string `yaml:"facts"`

	file  string
	line  int
	runes [][]rune // each word, folded
}

// Word is the term as it is listed.
func (t *Term) Word() string { return t.Words[0] }

// TermMatch is where a term appears in a text: bytes [Start, End).
type TermMatch struct {
	Start, End int
	Term       *Term
}

// Glossary returns the terms of the catalog's language, sorted by word.
func (c *Catalog) Glossary() []*Term { return c.glossary }

// FindTerms finds the glossary's words in text, in order, without
// overlaps (the longest word wins where two start together).
func (c *Catalog) FindTerms(text string) []TermMatch {
	if len(c.glossary) == 0 || text == "" {
		return nil
	}
	folded, offsets := foldRunes(text)
	var found []TermMatch
	for _, t := range c.glossary {
		for _, w := range t.runes {
			for i := 0; i+len(w) <= len(folded); i++ {
				if !runesAt(folded, i, w) || (i > 0 && validate.WordRune(folded[i-1])) || (i+len(w) < len(folded) && validate.WordRune(folded[i+len(w)])) {
					continue
				}
				found = append(found, TermMatch{Start: offsets[i], End: offsets[i+len(w)], Term: t})
			}
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].Start != found[j].Start {
			return found[i].Start < found[j].Start
		}
		return found[i].End > found[j].End
	})
	out := found[:0]
	end := 0
	for _, m := range found {
		if m.Start >= end {
			out = append(out, m)
			end = m.End
		}
	}
	return out
}

// TermsIn lists the terms found in text, once each, in the order they
// first appear.
func (c *Catalog) TermsIn(text string) []*Term {
	var out []*Term
	seen := map[*Term]bool{}
	for _, m := range c.FindTerms(text) {
		if !seen[m.Term] {
			seen[m.Term] = true
			out = append(out, m.Term)
		}
	}
	return out
}

func runesAt(s []rune, i int, w []rune) bool {
	for j, r := range w {
		if s[i+j] != r {
			return false
		}
	}
	return true
}

// foldRunes lowercases text and takes the accents off, one rune for one
// rune, and says where each rune starts in text (and where text ends).
func foldRunes(text string) ([]rune, []int) {
	runes := make([]rune, 0, len(text))
	offsets := make([]int, 0, len(text)+1)
	for i, r := range text {
		runes = append(runes, foldRune(r))
		offsets = append(offsets, i)
	}
	return runes, append(offsets, len(text))
}

// foldRune is r lowercase and without its accent: Á and á are a, Ñ is n.
func foldRune(r rune) rune {
	r = unicode.ToLower(r)
	if r < utf8.RuneSelf {
		return r
	}
	var buf [16]byte
	d := norm.NFD.Append(buf[:0], []byte(string(r))...)
	base, _ := utf8.DecodeRune(d)
	return base
}

// parseGlossary reads a glossary file.
func parseGlossary(p *fileProblems, data []byte) []*Term {
	root := parseDoc(p, data)
	if root == nil {
		return nil
	}
	var file struct {
		Glossary []*Term `yaml:"glossary"`
	}
	p.UnknownKeys(root, &file)
	if err := root.Decode(&file); err != nil {
		p.Add(root, "cannot read the glossary: %v", err)
		return nil
	}
	seq := judge.Child(root, "glossary")
	ids := map[string]bool{}
	words := map[string]string{} // folded word -> term id
	var out []*Term
	for i, t := range file.Glossary {
		n := judge.Or(judge.Item(seq, i), root)
		if t == nil {
			p.Add(n, "glossary entry %d is empty", i+1)
			continue
		}
		p.UnknownKeys(n, t)
		t.file, t.line = p.File, n.Line
		t.Text = strings.TrimSpace(t.Text)
		bad := false
		switch {
		case !judge.IDPattern.Get().MatchString(t.ID):
			p.Add(judge.Or(judge.Child(n, "id"), n), "glossary id %q should be lowercase letters, digits and dashes", t.ID)
			bad = true
		case ids[t.ID]:
			p.Add(judge.Or(judge.Child(n, "id"), n), "glossary id %q is used twice", t.ID)
			bad = true
		}
		ids[t.ID] = true
		if len(t.Words) == 0 {
			p.Add(n, "glossary entry %q has no words", t.ID)
			bad = true
		}
		if t.Text == "" {
			p.Add(n, "glossary entry %q has no text that explains it", t.ID)
			bad = true
		}
		for j, w := range t.Words {
			wn := judge.Or(judge.Item(judge.Child(n, "words"), j), n)
			f, _ := foldRunes(strings.TrimSpace(w))
			key := string(f)
			switch {
			case key == "":
				p.Add(wn, "glossary entry %q: word %d is empty", t.ID, j+1)
				bad = true
				continue
			case words[key] != "":
				p.Add(wn, "glossary word %q is in %q already", w, words[key])
				bad = true
				continue
			}
			words[key] = t.ID
			t.runes = append(t.runes, f)
		}
		if !bad {
			out = append(out, t)
		}
	}
	return out
}

// sortGlossary puts the terms in the order a reader looks for them.
func sortGlossary(terms []*Term) {
	sort.SliceStable(terms, func(i, j int) bool {
		a, _ := foldRunes(terms[i].Word())
		b, _ := foldRunes(terms[j].Word())
		return string(a) < string(b)
	})
}

// glossaryCheck makes sure every language explains the same terms.
func glossaryCheck(lib *Library) []Problem {
	var out []Problem
	ref := lib.catalogs[DefaultLanguage]
	has := func(c *Catalog, id string) bool {
		for _, t := range c.glossary {
			if t.ID == id {
				return true
			}
		}
		return false
	}
	for _, lang := range lib.Langs() {
		cat := lib.catalogs[lang]
		if lang == DefaultLanguage {
			continue
		}
		for _, t := range ref.glossary {
			if !has(cat, t.ID) {
				out = append(out, Problem{File: t.file, Line: t.line, Msg: lib.say.Sprintf("glossary term %q has no %q version", t.ID, lang)})
			}
		}
		for _, t := range cat.glossary {
			if !has(ref, t.ID) {
				out = append(out, Problem{File: t.file, Line: t.line, Msg: lib.say.Sprintf("glossary term %q has no %q version", t.ID, DefaultLanguage)})
			}
		}
	}
	return out
}
