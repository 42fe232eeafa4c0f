package judge

import (
	"maps"
	"slices"
	"strings"
)

// Rule is what every rule of a practice application (the browser, the
// file manager, the phone, the mailbox) has: an id, a check among the
// kind's checks, the check's values, and the feedback that explains a
// miss. A kind's rule embeds it (yaml ",inline") and adds its own fields.
type Rule struct {
	ID       string   `yaml:"id"`
	Check    string   `yaml:"check"`
	Values   []string `yaml:"values"`
	Feedback string   `yaml:"feedback"`
	// Wrong has words of their own for a mistake about one thing: a file
	// or a download not asked for, by its id (Miss). The kind's checker
	// says which checks take it.
	Wrong map[string]string `yaml:"wrong"`
}

// Miss is the verdict for a mistake against the rule. The mistake is the
// rule's id, or "<rule id>:<id>" for a mistake about one thing, which has
// the words Wrong gives that thing when it has some, else the rule's
// feedback.
func (r *Rule) Miss(mistake string) Verdict {
	fb := r.Feedback
	if _, id, ok := strings.Cut(mistake, ":"); ok && r.Wrong[id] != "" {
		fb = r.Wrong[id]
	}
	return Verdict{Feedback: fb, Reason: ReasonWrong, Mistake: mistake}
}

// Outcome is what one rule makes of an answer: met, or the miss (mistake,
// as Miss takes it) and whether the learner's last action is what broke
// the rule (now).
func (r *Rule) Outcome(met bool, mistake string, now bool) Outcome {
	if met {
		return Outcome{Met: true}
	}
	return Outcome{Now: now, Verdict: r.Miss(mistake)}
}

// Shape is the rule's part of a step's shape (Exercise.Shape): its id,
// check, values and the ids Wrong has words for.
func (r *Rule) Shape() string {
	return "rule " + r.ID + " " + r.Check + " " + strings.Join(r.Values, ",") +
		" wrong=" + strings.Join(slices.Sorted(maps.Keys(r.Wrong)), ",")
}

// Outcome is what one rule makes of an answer.
type Outcome struct {
	Met bool // the rule is met
	// Now says that the learner's last action broke the rule: while the
	// learner acts, only that is said.
	Now     bool
	Verdict Verdict // what to say when the rule is not met
}

// Walk judges an answer by rules in their order, as every practice
// application does. When the learner asks for a check (acting false), the
// first rule not met is said. While the learner acts, the first rule that
// the last action broke is said at once; a rule not met that the action
// did not break leaves the task under way (ReasonPending: nothing is
// said). Every rule met: right.
func Walk[R any](rules []R, acting bool, eval func(R) Outcome) Verdict {
	pending := false
	for _, r := range rules {
		o := eval(r)
		switch {
		case o.Met:
			continue
		case acting && !o.Now:
			pending = true
			continue
		}
		return o.Verdict
	}
	if pending {
		return Verdict{Reason: ReasonPending}
	}
	return Verdict{Correct: true}
}
