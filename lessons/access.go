package lessons

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// StepAccess is a step's wording for accessible mode, where the learner
// types commands instead of pressing keys: "escribe enlace 1" where the
// screen says "pulsa 1". Each part left empty is said as on screen.
//
//	access:
//	  text: Abre el correo y escribe enlace 1 para ver adónde lleva.
//	  hint: …
//	  example: …
type StepAccess struct {
	Text    string `yaml:"text"`
	Hint    string `yaml:"hint"`
	Example string `yaml:"example"`
}

// LineText is the instruction as accessible mode says it.
func (s *Step) LineText() string { return or(s.Access.Text, s.Text) }

// LineHint is the hint as accessible mode says it.
func (s *Step) LineHint() string { return or(s.Access.Hint, s.Hint) }

// LineExample is the worked example as accessible mode says it.
func (s *Step) LineExample() string { return or(s.Access.Example, s.Example) }

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// namedKey finds, per language, a text that tells the learner to press a
// key that accessible mode has no use for: a letter or a number as a
// command ("pulsa S", "pulsa 1", "pulsa el número del enlace"), an F key,
// Tab, Esc or the page keys, or that moves with the arrows ("con las
// flechas", "↑ ↓"). Enter is fine: accessible mode ends every line with
// it. A letter pressed with Shift or AltGr is typing, and the look of a key
// ("la flecha ←") is not a command: neither is warned about.
var namedKey = map[string]*regexp.Regexp{
	"es": regexp.MustCompile(`(?:(?i:\bpuls(?:a|ar|ando|e))\s+(?:(?i:la\s+tecla\s+))?(?:[A-ZÑ0-9]\b|F\d+\b|(?i:tab\b|esc\b|av\s?pág|re\s?pág|el\s+número))|[↑↓]\s*(?:y\s+)?[↑↓]|(?i:\bcon\s+las\s+flechas\b))`),
	"en": regexp.MustCompile(`(?:(?i:\bpress(?:ing)?)\s+(?:(?i:the\s+)(?:key\s+)?)?(?:[A-Z0-9]\b|F\d+\b|(?i:tab\b|esc\b|page\s?(?:up|down)|the\s+number))|[↑↓]\s*(?:and\s+)?[↑↓]|(?i:\bwith\s+the\s+arrows?(?:\s+keys)?\b))`),
}

// typing says whether the key found at text[i:j] is pressed to type (with
// Shift or AltGr just before it, or "1 vez", "once") rather than as a
// command.
func typing(text string, i, j int) bool {
	before := strings.ToLower(text[max(0, i-16):i])
	after := strings.ToLower(text[j:min(len(text), j+6)])
	for _, w := range []string{"mayús", "shift", "altgr"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return strings.HasPrefix(after, " vez") || strings.HasPrefix(after, " time")
}

// findKey returns the first key named as a command in text, or "".
func findKey(re *regexp.Regexp, text string) string {
	for _, loc := range re.FindAllStringIndex(text, -1) {
		if !typing(text, loc[0], loc[1]) {
			return text[loc[0]:loc[1]]
		}
	}
	return ""
}

// NamedKeys returns a warning for every step, in every language, whose
// instruction, hint or worked example names a key that accessible mode
// cannot press, with no wording of its own for accessible mode (access:
// in the step). Warnings, not problems: the lesson still loads.
func NamedKeys(lib *Library) []Problem {
	var out []Problem
	for _, lang := range lib.Langs() {
		re := namedKey[lang]
		for _, l := range lib.catalogs[lang].Lessons {
			for _, s := range l.Steps {
				out = append(out, namedKeysIn(l.File, s, re)...)
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

func namedKeysIn(file string, s *Step, re *regexp.Regexp) []Problem {
	var out []Problem
	for _, part := range []struct{ name, text, access string }{
		{"text", s.Text, s.Access.Text}, {"hint", s.Hint, s.Access.Hint}, {"example", s.Example, s.Access.Example},
	} {
		var found string
		if re != nil {
			found = findKey(re, part.text)
		} else {
			found = findKey(namedKey["es"], part.text) + findKey(namedKey["en"], part.text)
		}
		if found == "" || part.access != "" {
			continue
		}
		out = append(out, Problem{File: file, Line: s.line, Msg: fmt.Sprintf(
			"step %q: the %s names a key (%q) that accessible mode cannot press; add access: %s: with the words to type instead",
			s.ID, part.name, strings.TrimSpace(found), part.name)})
	}
	return out
}
