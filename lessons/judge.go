package lessons

import "gopkg.in/yaml.v3"

// Answer is what a learner gives to a step: TextAnswer for type steps,
// ChoiceAnswer for choose steps, OrderAnswer for order steps, FormAnswer
// for form steps, nil for read.
type Answer any

// TextAnswer is free text typed by the learner. It is judged and forgotten:
// never stored.
type TextAnswer string

// ChoiceAnswer holds the ids of the options the learner marked.
type ChoiceAnswer []string

// OrderAnswer holds item ids in the order the learner put them.
type OrderAnswer []string

// Reason names a generic verdict for which the lesson has no words of its
// own; the user interface says it in the learner's language.
type Reason string

// Generic reasons.
const (
	ReasonNone     Reason = ""
	ReasonEmpty    Reason = "empty"     // nothing was typed
	ReasonNoChoice Reason = "no_choice" // nothing was marked
	ReasonWrong    Reason = "wrong"     // wrong, and the lesson says nothing about this answer
	ReasonMissing  Reason = "missing"   // right so far, but a right option is missing
	ReasonOrder    Reason = "order"     // Param is out of place
	ReasonInvalid  Reason = "invalid"   // an answer of the wrong shape: a bug, said kindly
	ReasonRight    Reason = "right"     // right, and the lesson says nothing more
	ReasonField    Reason = "field"     // a form field (Param: its label) is not valid yet
)

// Verdict is the judgement of one answer.
type Verdict struct {
	Correct  bool
	Feedback string // the lesson's own words about this answer, when it has some
	Reason   Reason // what to say when Feedback is empty
	Param    string // a word for the generic message (the item out of place)
	Mistake  string // stable id of the mistake: stored and shown to trainers, never the typed text
}

// Exercise is the part of a step that depends on its kind. Adding a kind is
// one type that implements Exercise, registered in kinds, and one component
// in the user interface.
type Exercise interface {
	// Judge decides about an answer. It is pure and fast.
	Judge(a Answer) Verdict
	// check adds problems with the exercise's own data; n is its YAML node.
	check(p *problems, s *Step, n *yaml.Node)
	// shape lists what must be equal in every language (ids, right answers).
	shape() []string
}

// kinds maps a step kind to a constructor of its exercise.
var kinds = map[string]func() Exercise{
	"read":   func() Exercise { return &Read{} },
	"choose": func() Exercise { return &Choose{} },
	"type":   func() Exercise { return &Type{} },
	"order":  func() Exercise { return &Order{} },
	"form":   func() Exercise { return &Form{} },
}

// Kinds returns the names of the known step kinds.
func Kinds() []string {
	return []string{"read", "choose", "type", "order", "form"}
}

// Judge judges an answer to a step.
func (s *Step) Judge(a Answer) Verdict {
	if s.Exercise == nil {
		return Verdict{Reason: ReasonInvalid}
	}
	v := s.Exercise.Judge(a)
	if v.Correct && v.Feedback == "" {
		v.Feedback = s.Success
		if v.Feedback == "" {
			v.Reason = ReasonRight
		}
	}
	return v
}

// NeedsAnswer says whether the step is judged (false for read steps).
func (s *Step) NeedsAnswer() bool {
	_, read := s.Exercise.(*Read)
	return !read
}

// Read is an information card: nothing to judge.
type Read struct{}

// Judge always accepts: reading is enough.
func (*Read) Judge(Answer) Verdict { return Verdict{Correct: true} }

func (*Read) check(*problems, *Step, *yaml.Node) {}
func (*Read) shape() []string                    { return nil }
