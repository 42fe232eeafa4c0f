package lessons

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"aula/internal/lazy"
	"aula/lessons/judge"

	"gopkg.in/yaml.v3"
)

// StepAccess is a step's wording for accessible mode, where the learner
// types commands instead of pressing keys: "escribe enlace 1" where the
// screen says "pulsa 1". Each part left empty is said as on screen.
//
//	access:
//	  text: Abre el correo y escribe enlace 1 para ver adónde lleva.
//	  hint: …
//	  example: …
//	  feedback:
//	    mirar: Todavía no has mirado adónde lleva el enlace. Escribe enlace 1.
//
// Feedback gives the words for what is said about an answer (a rule's,
// an option's or a field's feedback, wrong or about; the step's missing,
// wrong or success), by the id written next to that text in the step (a
// map's key for a map of texts, the field's name at the step's top).
type StepAccess struct {
	Text     string            `yaml:"text"`
	Hint     string            `yaml:"hint"`
	Example  string            `yaml:"example"`
	Feedback map[string]string `yaml:"feedback"`
}

// feedbackKeys are the fields, in a step of any kind, whose text is said
// about an answer.
var feedbackKeys = []string{"feedback", "wrong", "missing", "about", "success"}

// stepTopKeys are a step's own texts, checked as text, hint and example,
// and its accessible wording: not feedback.
var stepTopKeys = []string{"access", "text", "hint", "example", "title"}

// saidText is a text said about an answer, where it is in the file, and the
// id its accessible wording goes by (see StepAccess).
type saidText struct {
	id, text string
	line     int
}

// feedbackTexts collects the texts said about an answer in step node n,
// whatever its kind.
func feedbackTexts(n *yaml.Node) []saidText {
	var out []saidText
	var walk func(n *yaml.Node, top bool)
	walk = func(n *yaml.Node, top bool) {
		switch n.Kind {
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, false)
			}
		case yaml.MappingNode:
			id := ""
			if c := judge.Child(n, "id"); c != nil && !top {
				id = c.Value
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i].Value, n.Content[i+1]
				switch {
				case top && slices.Contains(stepTopKeys, k):
				case slices.Contains(feedbackKeys, k) && v.Kind == yaml.ScalarNode:
					out = append(out, saidText{id: or(id, k), text: strings.TrimSpace(v.Value), line: v.Line})
				case slices.Contains(feedbackKeys, k) && v.Kind == yaml.MappingNode:
					for j := 0; j+1 < len(v.Content); j += 2 {
						out = append(out, saidText{id: v.Content[j].Value, text: strings.TrimSpace(v.Content[j+1].Value), line: v.Content[j+1].Line})
					}
				default:
					walk(v, false)
				}
			}
		}
	}
	walk(n, true)
	return out
}

// LineFeedback is text, said about an answer to the step, as accessible
// mode says it: its access: feedback: wording when it has one.
func (s *Step) LineFeedback(text string) string {
	t := strings.TrimSpace(text)
	for _, f := range s.said {
		if f.text == t {
			if a := s.Access.Feedback[f.id]; a != "" {
				return a
			}
		}
	}
	return text
}

// checkAccessFeedback reports an accessible wording for feedback that
// names no text of the step.
func checkAccessFeedback(p *fileProblems, n *yaml.Node, s *Step) {
	for id := range s.Access.Feedback {
		if !slices.ContainsFunc(s.said, func(f saidText) bool { return f.id == id }) {
			p.Add(judge.Or(judge.Child(judge.Child(n, "access"), "feedback"), n),
				"step %q: access: feedback: %q is not the id of a feedback, wrong, missing, about or success text of this step", s.ID, id)
		}
	}
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
// flechas", "↑ ↓"), or names it as the one to use ("con la tecla A",
// "with the B key"). Enter is fine: accessible mode ends every line with
// it. A letter pressed with Shift or AltGr is typing, and the look of a key
// ("la flecha ←") is not a command: neither is warned about. Compiled when
// first used (aula lessons check), not at each start of the kiosk.
var namedKey = lazy.Value[map[string]*regexp.Regexp]{New: func() map[string]*regexp.Regexp {
	return map[string]*regexp.Regexp{
		"es": regexp.MustCompile(`(?:(?i:\bpuls(?:a|ar|ando|e))\s+(?:(?i:la\s+tecla\s+))?(?:[A-ZÑ0-9]\b|F\d+\b|(?i:tab\b|esc\b|av\s?pág|re\s?pág|el\s+número))|[↑↓]\s*(?:y\s+)?[↑↓]|(?i:\bcon\s+las\s+flechas\b)|(?i:\bcon\s+la\s+tecla)\s+(?:[A-ZÑ0-9]|F\d+)\b)`),
		"en": regexp.MustCompile(`(?:(?i:\bpress(?:ing)?)\s+(?:(?i:the\s+)(?:key\s+)?)?(?:[A-Z0-9]\b|F\d+\b|(?i:tab\b|esc\b|page\s?(?:up|down)|the\s+number))|[↑↓]\s*(?:and\s+)?[↑↓]|(?i:\bwith\s+the\s+arrows?(?:\s+keys)?\b)|(?i:\bwith\s+the)\s+(?:[A-Z0-9]|F\d+)\s+(?i:key)\b)`),
	}
}}

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
		re := namedKey.Get()[lang]
		for _, l := range lib.catalogs[lang].Lessons {
			for _, s := range l.Steps() {
				out = append(out, namedKeysIn(l.File, s, re, lib.say)...)
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

func namedKeysIn(file string, s *Step, re *regexp.Regexp, say judge.Say) []Problem {
	var out []Problem
	for _, part := range []struct{ name, text, access string }{
		{"text", s.Text, s.Access.Text}, {"hint", s.Hint, s.Access.Hint}, {"example", s.Example, s.Access.Example},
	} {
		found := findKeyIn(re, part.text)
		if found == "" || part.access != "" {
			continue
		}
		out = append(out, Problem{File: file, Line: s.line, Msg: say.Sprintf(
			"step %q: the %s names a key (%q) that accessible mode cannot press; add access: %s: with the words to type instead",
			s.ID, part.name, strings.TrimSpace(found), part.name)})
	}
	for _, f := range s.said {
		found := findKeyIn(re, f.text)
		if found == "" || s.Access.Feedback[f.id] != "" {
			continue
		}
		out = append(out, Problem{File: file, Line: f.line, Msg: say.Sprintf(
			"step %q: the text said about an answer (%s) names a key (%q) that accessible mode cannot press; add access: feedback: %s: with the words to type instead",
			s.ID, f.id, strings.TrimSpace(found), f.id)})
	}
	return out
}

// findKeyIn is findKey with re, or with every language's when re is nil.
func findKeyIn(re *regexp.Regexp, text string) string {
	if re != nil {
		return findKey(re, text)
	}
	return findKey(namedKey.Get()["es"], text) + findKey(namedKey.Get()["en"], text)
}
