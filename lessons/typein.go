package lessons

import (
	"regexp"
	"slices"
	"strings"

	"aula/lessons/judge"
	"aula/lessons/validate"

	"gopkg.in/yaml.v3"
)

// Type asks for free text, judged by rules.
type Type struct {
	Label    string  `yaml:"label"`
	Answer   *Rule   `yaml:"answer"`
	Mistakes []*Rule `yaml:"mistakes"`
	Wrong    string  `yaml:"wrong"`
}

// Rule recognises a kind of answer. For mistakes it names the mistake and
// says what is wrong with it.
type Rule struct {
	ID       string   `yaml:"id"`
	Match    string   `yaml:"match"`
	Values   []string `yaml:"values"`
	Feedback string   `yaml:"feedback"`

	patterns []*regexp.Regexp
}

// Match kinds of a Rule.
var matchKinds = []string{"exact", "normalised", "folded", "contains", "pattern", "email", "address"}

// MaxAnswerLen is the longest answer judged; longer text is judged on its
// first MaxAnswerLen bytes, so a huge paste cannot freeze the screen.
const MaxAnswerLen = 4096

// Judge checks the text against the answer rule, then the mistake rules.
func (t *Type) Judge(a Answer) Verdict {
	text, ok := a.(TextAnswer)
	if !ok {
		return Verdict{Reason: ReasonInvalid}
	}
	s := string(text)
	if len(s) > MaxAnswerLen {
		s = s[:MaxAnswerLen]
	}
	s = strings.TrimSpace(validate.NFC(s))
	if s == "" {
		return Verdict{Reason: ReasonEmpty, Mistake: "empty"}
	}
	if t.Answer != nil && t.Answer.matches(s) {
		return Verdict{Correct: true, Feedback: t.Answer.Feedback}
	}
	for _, m := range t.Mistakes {
		if m.matches(s) {
			return Verdict{Feedback: m.Feedback, Reason: ReasonWrong, Mistake: m.ID}
		}
	}
	return Verdict{Feedback: t.Wrong, Reason: ReasonWrong, Mistake: "wrong"}
}

// matches reports whether s (trimmed, NFC) fits the rule.
func (r *Rule) matches(s string) bool {
	switch r.Match {
	case "email":
		return validate.ValidEmail(s)
	case "address":
		// What validate.CheckAddress finds wrong is one of the values (no-at, typo…).
		p, _ := validate.CheckAddress(s)
		for _, v := range r.Values {
			if p != validate.AddressOK && string(p) == v {
				return true
			}
		}
		return false
	case "pattern":
		for _, re := range r.patterns {
			if re.MatchString(s) {
				return true
			}
		}
		return false
	}
	for _, v := range r.Values {
		switch r.Match {
		case "exact":
			if s == validate.NFC(v) {
				return true
			}
		case "normalised":
			if validate.Normalise(s) == validate.Normalise(v) {
				return true
			}
		case "folded":
			if validate.Fold(s) == validate.Fold(v) {
				return true
			}
		case "contains":
			if strings.Contains(validate.Normalise(s), validate.Normalise(v)) {
				return true
			}
		}
	}
	return false
}

// compile checks a rule and prepares its patterns.
func (r *Rule) compile(p *judge.Problems, n *yaml.Node, what string) {
	p.UnknownKeys(n, r)
	known := false
	for _, k := range matchKinds {
		known = known || r.Match == k
	}
	if !known {
		p.Add(judge.Or(judge.Child(n, "match"), n), "%s: match %q is not one of %s", what, r.Match, strings.Join(matchKinds, ", "))
		return
	}
	if r.Match != "email" && len(r.Values) == 0 {
		p.Add(n, "%s: match %q needs values", what, r.Match)
	}
	if r.Match == "address" {
		for i, v := range r.Values {
			if !slices.Contains(validate.AddressProblems, validate.AddressProblem(v)) {
				p.Add(judge.Or(judge.Item(judge.Child(n, "values"), i), n), "%s: %q is not an address problem; use one of %s", what, v, problemNames())
			}
		}
	}
	r.patterns = nil
	if r.Match == "pattern" {
		for i, v := range r.Values {
			re, err := regexp.Compile(v)
			if err != nil {
				p.Add(judge.Or(judge.Item(judge.Child(n, "values"), i), n), "%s: pattern %q does not work: %v", what, v, err)
				continue
			}
			r.patterns = append(r.patterns, re)
		}
	}
}

// Check reports problems with the step's own type data, each at its line.
func (t *Type) Check(p *judge.Problems, step string, n *yaml.Node) {
	if t.Answer == nil {
		p.Add(n, "step %q: a type step needs an answer rule", step)
	} else {
		t.Answer.compile(p, judge.Child(n, "answer"), p.Sprintf("step %q answer", step))
	}
	ids := map[string]bool{}
	mn := judge.Child(n, "mistakes")
	for i, m := range t.Mistakes {
		if m == nil { // an empty "- " in the list: report it below, never panic on it
			m = &Rule{}
			t.Mistakes[i] = m
		}
		rn := judge.Or(judge.Item(mn, i), n)
		what := p.Sprintf("step %q mistake %d", step, i+1)
		m.compile(p, rn, what)
		switch {
		case m.ID == "":
			p.Add(rn, "%s has no id", what)
		case ids[m.ID] || m.ID == "wrong" || m.ID == "empty":
			p.Add(rn, "%s: id %q is used twice or reserved", what, m.ID)
		}
		ids[m.ID] = true
		if m.Feedback == "" {
			p.Add(rn, "%s (%s) needs feedback that explains the mistake", what, m.ID)
		}
	}
}

// Shape lists what must be the same in every language.
func (t *Type) Shape() []string {
	out := []string{}
	if t.Answer != nil {
		out = append(out, "answer "+t.Answer.Match)
	}
	for _, m := range t.Mistakes {
		out = append(out, "mistake "+m.ID)
	}
	return out
}

func problemNames() string {
	var names []string
	for _, p := range validate.AddressProblems {
		names = append(names, string(p))
	}
	return strings.Join(names, ", ")
}
