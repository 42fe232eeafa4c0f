// Package judge is the contract between the lesson loader and the judge of
// each step kind: what a kind's exercise must do (Exercise), what it is
// given (an Answer) and returns (a Verdict), and how it reports problems
// in its own lesson data (Problems, with file:line).
//
// It sits below package lessons so that a kind's judge can live in a
// package of its own (aula/lessons/kinds/<kind>) that imports judge and
// validate, never lessons; lessons imports the kind packages and lists
// them once (lessons/kinds.go).
package judge

import "gopkg.in/yaml.v3"

// Exercise is the part of a step that depends on its kind: the step's
// YAML fields of that kind are decoded into it (yaml struct tags), then
// checked, and it judges answers.
type Exercise interface {
	// Judge decides about an answer. It is pure and fast: it runs on
	// every check the learner asks for, and some kinds on every key.
	Judge(a Answer) Verdict
	// Check adds to p the problems with the exercise's own data, each at
	// its line: step is the step's id (for messages: `step "x": …`) and n
	// the step's YAML node. It may fill in defaults. It runs once, at
	// load time.
	Check(p *Problems, step string, n *yaml.Node)
	// Shape lists what must be equal in every language (ids, right
	// answers, numbers), so that a translation can be compared with the
	// reference: the loader reports a translation whose shape differs.
	Shape() []string
}

// Solvable is an Exercise that can give a right answer to itself. Every
// kind in a package of its own implements it: the tests judge each
// built-in step with its solution (TestBuiltInLessonsAreSolvable), and a
// kind may use it at load time to make sure a step can be done.
type Solvable interface {
	// Solution is a right answer, seen from now.
	Solution() Answer
}
