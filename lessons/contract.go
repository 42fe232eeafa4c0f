package lessons

import "aula/lessons/judge"

// The judging contract lives in package aula/lessons/judge, below this
// one, so that a kind's judge can live in a package of its own. These are
// its words under this package's name too, so that the user interface and
// the tests import lessons alone (as os names io/fs's types).
type (
	// Answer is what a learner gives to a step (judge.Answer).
	Answer = judge.Answer
	// Verdict is the judgement of one answer (judge.Verdict).
	Verdict = judge.Verdict
	// Reason names a generic verdict (judge.Reason).
	Reason = judge.Reason
	// Exercise is the part of a step that depends on its kind (judge.Exercise).
	Exercise = judge.Exercise
	// Problem is something wrong in a lesson file (judge.Problem).
	Problem = judge.Problem
)

// The generic reasons (see judge.Reason).
const (
	ReasonNone         = judge.ReasonNone
	ReasonEmpty        = judge.ReasonEmpty
	ReasonNoChoice     = judge.ReasonNoChoice
	ReasonNoConfirm    = judge.ReasonNoConfirm
	ReasonWrong        = judge.ReasonWrong
	ReasonMissing      = judge.ReasonMissing
	ReasonOrder        = judge.ReasonOrder
	ReasonInvalid      = judge.ReasonInvalid
	ReasonRight        = judge.ReasonRight
	ReasonField        = judge.ReasonField
	ReasonNothing      = judge.ReasonNothing
	ReasonPending      = judge.ReasonPending
	ReasonNotSent      = judge.ReasonNotSent
	ReasonOtherMessage = judge.ReasonOtherMessage
	ReasonWrongDoc     = judge.ReasonWrongDoc
	ReasonAddressNear  = judge.ReasonAddressNear
)
