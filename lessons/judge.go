package lessons

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// Answer is what a learner gives to a step: TextAnswer for type steps,
// ChoiceAnswer for choose steps, OrderAnswer for order steps, InboxAnswer for
// inbox steps, FormAnswer for form steps, nil for read.
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

	// Inbox steps.
	ReasonNothing      Reason = "nothing"       // nothing done in the mailbox yet
	ReasonPending      Reason = "pending"       // a task under way, nothing wrong so far: say nothing
	ReasonNotSent      Reason = "mail_not_sent" // the email has not been sent yet
	ReasonOtherMessage Reason = "mail_other"    // Param is the subject of the wrong email answered or forwarded
	ReasonWrongDoc     Reason = "mail_wrong_doc"
	ReasonAddressNear  Reason = "address_near" // Param is the address typed, a letter or two away
	// The address problems of CheckAddress are reasons too: "address_" and
	// the problem with "_" for "-" (address_no_at); Param is the address.
)

// AddressReason is the reason that says what is wrong with an address.
func AddressReason(p AddressProblem) Reason {
	return Reason("address_" + strings.ReplaceAll(string(p), "-", "_"))
}

// Counts says whether the verdict is an attempt that counts: right, or a
// miss. Reminders that nothing was given yet, the silence of a task under
// way, and a form with a field not valid yet (the form blocks it, as a real
// one does) are not attempts.
func (v Verdict) Counts() bool {
	switch v.Reason {
	case ReasonEmpty, ReasonNoChoice, ReasonNoConfirm, ReasonNothing, ReasonPending, AddressReason(AddressEmpty), ReasonField:
		return false
	}
	return true
}

// Verdict is the judgement of one answer.
type Verdict struct {
	Correct  bool
	Feedback string    // the lesson's own words about this answer, when it has some
	Reason   Reason    // what to say when Feedback is empty
	Param    string    // a word for the generic message (the item out of place)
	Mistake  string    // stable id of the mistake: stored and shown to trainers, never the typed text
	Strength *Strength // password steps: the level and the advice that applied, stored as outcomes
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

// kind is a step kind's judge: its name in lesson files and the
// constructor of its exercise.
type kind struct {
	name string
	new  func() Exercise
}

// kinds is the one list of step kinds lessons can judge; Kinds and the
// loader derive from it. The terminal interface registers each kind's
// screens under the same name (package aula/tui/kinds), and a test there
// fails when one side lacks a kind.
var kinds = []kind{
	{"read", func() Exercise { return &Read{} }},
	{"choose", func() Exercise { return &Choose{} }},
	{"type", func() Exercise { return &Type{} }},
	{"order", func() Exercise { return &Order{} }},
	{"password", func() Exercise { return &Password{} }},
	{"code", func() Exercise { return &Code{} }},
	{"scenario", func() Exercise { return &Scenario{} }},
	{"phrase", func() Exercise { return &Passphrase{} }},
	{"inbox", func() Exercise { return &Inbox{} }},
	{"form", func() Exercise { return &Form{} }},
}

// Kinds returns the names of the known step kinds.
func Kinds() []string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.name
	}
	return names
}

// newExercise makes the exercise of a step of kind name; ok is false for
// a kind nobody registered.
func newExercise(name string) (ex Exercise, ok bool) {
	for _, k := range kinds {
		if k.name == name {
			return k.new(), true
		}
	}
	return nil, false
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
