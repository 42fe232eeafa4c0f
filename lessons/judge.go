package lessons

import (
	"gopkg.in/yaml.v3"

	"aula/lessons/judge"
	"aula/lessons/kinds/browser"
	"aula/lessons/kinds/chat"
	"aula/lessons/kinds/files"
	"aula/lessons/kinds/form"
	"aula/lessons/kinds/inbox"
)

// TextAnswer is free text typed by the learner. It is judged and forgotten:
// never stored.
type TextAnswer string

// ChoiceAnswer holds the ids of the options the learner marked.
type ChoiceAnswer []string

// OrderAnswer holds item ids in the order the learner put them.
type OrderAnswer []string

// kind is a step kind's judge: its name in lesson files and the
// constructor of its exercise.
type kind struct {
	name string
	new  func() Exercise
}

// kinds is the one list of step kinds lessons can judge; Kinds and the
// loader derive from it. A kind's judge lives in its own package under
// lessons/kinds/ (form, inbox; the small built-in kinds are still files of
// this package) and is listed here, once. The terminal interface registers
// each kind's screens under the same name (package aula/tui/kinds), and a
// test there fails when one side lacks a kind.
var kinds = []kind{
	{"read", func() Exercise { return &Read{} }},
	{"choose", func() Exercise { return &Choose{} }},
	{"type", func() Exercise { return &Type{} }},
	{"order", func() Exercise { return &Order{} }},
	{"password", func() Exercise { return &Password{} }},
	{"code", func() Exercise { return &Code{} }},
	{"scenario", func() Exercise { return &Scenario{} }},
	{"phrase", func() Exercise { return &Passphrase{} }},
	{"inbox", func() Exercise { return &inbox.Inbox{} }},
	{"form", func() Exercise { return &form.Form{} }},
	{"browser", func() Exercise { return &browser.Browser{} }},
	{"chat", func() Exercise { return &chat.Chat{} }},
	// files: the practice file manager (issue 16, itinerary archivos-documentos)
	{"files", func() Exercise { return &files.Files{} }},
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

// Check has nothing to check: a read step has no data of its own.
func (*Read) Check(*judge.Problems, string, *yaml.Node) {}

// Shape is empty: nothing to compare between languages.
func (*Read) Shape() []string { return nil }
