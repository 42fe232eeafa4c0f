package lessons

import (
	"fmt"
	"strings"

	"aula/lessons/judge"
	"aula/lessons/validate"

	"gopkg.in/yaml.v3"
)

// Passphrase is a guided builder: the learner makes a passphrase by
// picking words from the lesson's list, and sees it grow stronger. Some
// words are traps (a name, a football club, a year), each with feedback
// that says why.
type Passphrase struct {
	Words    []*Word `yaml:"words"`
	MinWords int     `yaml:"min_words"` // at least this many words: 3 to 6
	Goal     string  `yaml:"goal"`      // the strength to reach

	goal validate.Level
}

// Word is one word to pick.
type Word struct {
	ID       string `yaml:"id"`
	Text     string `yaml:"text"`
	Feedback string `yaml:"feedback"` // only for a trap: why not this word
}

// PassphraseAnswer holds the ids of the words picked, in order.
type PassphraseAnswer []string

// Reasons of passphrase steps; the user interface has the words.
const (
	ReasonFewWords    Reason = "few_words"     // Param: how many more are needed
	ReasonRepeated    Reason = "repeated"      // Param: the word repeated
	MistakeFewWords          = "too_few_words" // the mistake id of ReasonFewWords
	MistakeRepeated          = "repeated_word" // of ReasonRepeated
	mistakeTrapPrefix        = "word-"         // + the trap word's id
)

// GoalLevel is the strength the phrase must reach.
func (p *Passphrase) GoalLevel() validate.Level { return p.goal }

// WordByID returns a word by id.
func (p *Passphrase) WordByID(id string) *Word {
	for _, w := range p.Words {
		if w.ID == id {
			return w
		}
	}
	return nil
}

// Phrase is the passphrase the words make: separated by spaces.
func (p *Passphrase) Phrase(ids []string) string {
	var parts []string
	for _, id := range ids {
		if w := p.WordByID(id); w != nil {
			parts = append(parts, w.Text)
		}
	}
	return strings.Join(parts, " ")
}

// Judge checks traps first, then repeats, then the number of words, then
// the strength.
func (p *Passphrase) Judge(a Answer) Verdict {
	ids, ok := a.(PassphraseAnswer)
	if !ok {
		return Verdict{Reason: ReasonInvalid}
	}
	if len(ids) == 0 {
		return Verdict{Reason: ReasonNoChoice, Mistake: "none"}
	}
	seen := map[string]bool{}
	for _, id := range ids {
		w := p.WordByID(id)
		if w == nil {
			return Verdict{Reason: ReasonInvalid}
		}
		if w.Feedback != "" {
			return Verdict{Feedback: w.Feedback, Reason: ReasonWrong, Mistake: mistakeTrapPrefix + w.ID}
		}
		if seen[id] {
			return Verdict{Reason: ReasonRepeated, Param: w.Text, Mistake: MistakeRepeated}
		}
		seen[id] = true
	}
	st := validate.PasswordStrength(p.Phrase(ids), "")
	v := Verdict{Strength: &st}
	switch {
	case len(ids) < p.MinWords:
		v.Reason, v.Param, v.Mistake = ReasonFewWords, fmt.Sprint(p.MinWords-len(ids)), MistakeFewWords
	case st.Level < p.goal:
		v.Reason, v.Param, v.Mistake = ReasonWeak, st.Level.ID(), st.Level.ID()
	default:
		v.Correct = true
	}
	return v
}

// Check reports problems with the step's own passphrase data, each at its line.
func (p *Passphrase) Check(pr *judge.Problems, step string, n *yaml.Node) {
	p.goal = checkGoal(pr, step, n, p.Goal)
	if p.MinWords < 3 || p.MinWords > 6 {
		pr.Add(judge.Or(judge.Child(n, "min_words"), n), "step %q: min_words should be 3 to 6, not %d", step, p.MinWords)
	}
	wn := judge.Child(n, "words")
	for i, w := range p.Words {
		if w == nil {
			p.Words[i] = &Word{}
		}
	}
	good := 0
	ids := map[string]bool{}
	for i, w := range p.Words {
		in := judge.Or(judge.Item(wn, i), n)
		pr.UnknownKeys(in, w)
		switch {
		case w.ID == "":
			pr.Add(in, "step %q: word %d has no id", step, i+1)
		case ids[w.ID]:
			pr.Add(in, "step %q: word id %q is used twice", step, w.ID)
		}
		ids[w.ID] = true
		if w.Text == "" || strings.ContainsAny(w.Text, " \t") {
			pr.Add(in, "step %q: word %q should be one word", step, w.ID)
		}
		if w.Feedback == "" {
			good++
		}
	}
	if good < p.MinWords+2 {
		pr.Add(judge.Or(wn, n), "step %q: %d words without feedback; give at least min_words + 2 to choose from", step, good)
	}
}

// Shape lists what must be the same in every language.
func (p *Passphrase) Shape() []string {
	out := []string{fmt.Sprintf("goal=%s min=%d", p.Goal, p.MinWords)}
	for _, w := range p.Words {
		out = append(out, fmt.Sprintf("word %s trap=%v", w.ID, w.Feedback != ""))
	}
	return out
}
