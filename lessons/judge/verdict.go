package judge

import (
	"strings"

	"aula/lessons/validate"
)

// Answer is what a learner gives to a step; each kind says which type it
// takes (lessons.TextAnswer for type steps, form.Answer for forms, nil
// for read steps) and answers any other with ReasonInvalid.
type Answer any

// Reason names a generic verdict for which the lesson has no words of its
// own; the user interface says it in the learner's language (the message
// "reason_<reason>" of i18n/messages.*.yaml). A kind may declare reasons
// of its own, typed Reason, in its package.
type Reason string

// Generic reasons.
const (
	ReasonNone      Reason = ""
	ReasonEmpty     Reason = "empty"      // nothing was typed
	ReasonNoChoice  Reason = "no_choice"  // nothing was marked
	ReasonNoConfirm Reason = "no_confirm" // a second box (confirm the password) is empty: a reminder, not a miss
	ReasonWrong     Reason = "wrong"      // wrong, and the lesson says nothing about this answer
	ReasonMissing   Reason = "missing"    // right so far, but a right option is missing
	ReasonOrder     Reason = "order"      // Param is out of place
	ReasonInvalid   Reason = "invalid"    // an answer of the wrong shape: a bug, said kindly
	ReasonRight     Reason = "right"      // right, and the lesson says nothing more
	ReasonField     Reason = "field"      // a form field (Param: its label) is not valid yet

	// Inbox steps.
	ReasonNothing      Reason = "nothing"       // nothing done in the mailbox yet
	ReasonPending      Reason = "pending"       // a task under way, nothing wrong so far: say nothing
	ReasonNotSent      Reason = "mail_not_sent" // the email has not been sent yet
	ReasonOtherMessage Reason = "mail_other"    // Param is the subject of the wrong email answered or forwarded
	ReasonWrongDoc     Reason = "mail_wrong_doc"
	ReasonAddressNear  Reason = "address_near" // Param is the address typed, a letter or two away
	// The address problems of validate.CheckAddress are reasons too:
	// "address_" and the problem with "_" for "-" (address_no_at); Param
	// is the address.
)

// AddressReason is the reason that says what is wrong with an address.
func AddressReason(p validate.AddressProblem) Reason {
	return Reason("address_" + strings.ReplaceAll(string(p), "-", "_"))
}

// Verdict is the judgement of one answer.
type Verdict struct {
	Correct  bool
	Feedback string             // the lesson's own words about this answer, when it has some
	Reason   Reason             // what to say when Feedback is empty
	Param    string             // a word for the generic message (the item out of place)
	Mistake  string             // stable id of the mistake: stored and shown to trainers, never the typed text
	Strength *validate.Strength // password steps: the level and the advice that applied, stored as outcomes
}

// Counts says whether the verdict is an attempt that counts: right, or a
// miss. Reminders that nothing was given yet, the silence of a task under
// way, and a form with a field not valid yet (the form blocks it, as a real
// one does) are not attempts.
func (v Verdict) Counts() bool {
	switch v.Reason {
	case ReasonEmpty, ReasonNoChoice, ReasonNoConfirm, ReasonNothing, ReasonPending, AddressReason(validate.AddressEmpty), ReasonField:
		return false
	}
	return true
}
