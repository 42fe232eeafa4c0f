// Package yesno is the judge of yesno steps: a statement the learner
// says is true or false.
package yesno

import (
	"gopkg.in/yaml.v3"

	"aula/lessons/judge"
)

// YesNo is a statement that is true or not. Its YAML fields are the step's.
type YesNo struct {
	Statement string `yaml:"statement"`
	Answer    string `yaml:"answer"` // yes or no
	Wrong     string `yaml:"wrong"`  // said when the learner answers the other
}

// Answer is the learner's answer: "yes" or "no".
type Answer string

// Judge decides about an answer: pure and fast.
func (y *YesNo) Judge(a judge.Answer) judge.Verdict {
	ans, ok := a.(Answer)
	switch {
	case !ok:
		return judge.Verdict{Reason: judge.ReasonInvalid}
	case ans == "":
		return judge.Verdict{Reason: judge.ReasonNoChoice}
	case string(ans) != y.Answer:
		return judge.Verdict{Feedback: y.Wrong, Reason: judge.ReasonWrong, Mistake: "other"}
	}
	return judge.Verdict{Correct: true}
}

// Check reports problems with the step's own data, each at its line.
func (y *YesNo) Check(p *judge.Problems, step string, n *yaml.Node) {
	if y.Answer != "yes" && y.Answer != "no" {
		p.Add(judge.Or(judge.Child(n, "answer"), n), "step %q: answer should be yes or no, not %q", step, y.Answer)
	}
	if y.Wrong == "" {
		p.Add(n, "step %q: a yesno step needs wrong: words for the other answer", step)
	}
}

// Shape is what must be the same in every language: the right answer.
func (y *YesNo) Shape() []string { return []string{"answer " + y.Answer} }

// Solution is the right answer (judge.Solvable): the tests judge every
// built-in step with it.
func (y *YesNo) Solution() judge.Answer { return Answer(y.Answer) }
