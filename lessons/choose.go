package lessons

import (
	"fmt"

	"aula/lessons/judge"

	"gopkg.in/yaml.v3"
)

// Choose is a single or multiple choice question with feedback per option.
type Choose struct {
	Multiple bool      `yaml:"multiple"`
	Options  []*Option `yaml:"options"`
	Missing  string    `yaml:"missing"`
}

// Option is one answer to choose from.
type Option struct {
	ID       string `yaml:"id"`
	Text     string `yaml:"text"`
	Correct  bool   `yaml:"correct"`
	Feedback string `yaml:"feedback"`
}

// Shown returns the options in the order to show them: mixed, but the same
// every time for the same seed, so the right answer is not always first.
func (c *Choose) Shown(seed string) []*Option {
	out := make([]*Option, len(c.Options))
	for i, j := range mix(len(c.Options), seed) {
		out[i] = c.Options[j]
	}
	return out
}

// Judge checks the marked options.
func (c *Choose) Judge(a Answer) Verdict {
	picked, ok := a.(ChoiceAnswer)
	if !ok {
		return Verdict{Reason: ReasonInvalid}
	}
	if len(picked) == 0 {
		return Verdict{Reason: ReasonNoChoice, Mistake: "none"}
	}
	marked := map[string]bool{}
	for _, id := range picked {
		marked[id] = true
	}
	var firstRight *Option
	missing := false
	for _, o := range c.Options {
		switch {
		case marked[o.ID] && !o.Correct:
			return Verdict{Feedback: o.Feedback, Reason: ReasonWrong, Mistake: o.ID}
		case o.Correct && marked[o.ID] && firstRight == nil:
			firstRight = o
		case o.Correct && !marked[o.ID]:
			missing = true
		}
	}
	if firstRight == nil {
		return Verdict{Reason: ReasonInvalid}
	}
	if missing {
		return Verdict{Feedback: c.Missing, Reason: ReasonMissing, Mistake: "missing"}
	}
	v := Verdict{Correct: true}
	if !c.Multiple {
		v.Feedback = firstRight.Feedback
	}
	return v
}

// Check reports problems with the step's own choose data, each at its line.
func (c *Choose) Check(p *judge.Problems, step string, n *yaml.Node) {
	optsNode := judge.Child(n, "options")
	for i, o := range c.Options {
		if o == nil { // an empty "- " in the list: report it below, never panic on it
			c.Options[i] = &Option{}
		}
	}
	if len(c.Options) < 2 {
		p.Add(n, "step %q: a choose step needs at least 2 options", step)
		return
	}
	right := 0
	ids := map[string]bool{}
	for i, o := range c.Options {
		on := judge.Item(optsNode, i)
		p.UnknownKeys(on, o)
		switch {
		case o.ID == "":
			p.Add(on, "step %q: option %d has no id", step, i+1)
		case ids[o.ID]:
			p.Add(judge.Child(on, "id"), "step %q: option id %q is used twice", step, o.ID)
		}
		ids[o.ID] = true
		if o.Text == "" {
			p.Add(on, "step %q: option %q has no text", step, o.ID)
		}
		if o.Correct {
			right++
		} else if o.Feedback == "" {
			p.Add(on, "step %q: wrong option %q needs feedback that explains the mistake", step, o.ID)
		}
	}
	switch {
	case right == 0:
		p.Add(optsNode, "step %q: no option is marked correct: true", step)
	case right > 1 && !c.Multiple:
		p.Add(optsNode, "step %q: %d options are correct; add multiple: true or mark only one", step, right)
	}
}

// Shape lists what must be the same in every language.
func (c *Choose) Shape() []string {
	out := []string{fmt.Sprintf("multiple=%v", c.Multiple)}
	for _, o := range c.Options {
		out = append(out, fmt.Sprintf("option %s correct=%v", o.ID, o.Correct))
	}
	return out
}
