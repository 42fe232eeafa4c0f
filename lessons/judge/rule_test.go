package judge

import (
	"fmt"
	"testing"
)

func TestRuleMissSaysTheWordsForThatThing(t *testing.T) {
	r := &Rule{ID: "adjunta", Feedback: "Adjunta el justificante.", Wrong: map[string]string{"foto": "Esa es la foto de la playa."}}
	for _, c := range []struct{ mistake, feedback string }{
		{"adjunta", "Adjunta el justificante."},
		{"adjunta:foto", "Esa es la foto de la playa."},
		{"adjunta:otro", "Adjunta el justificante."}, // no words of its own: the rule's
	} {
		v := r.Miss(c.mistake)
		if v.Feedback != c.feedback || v.Reason != ReasonWrong || v.Mistake != c.mistake || v.Correct {
			t.Errorf("Miss(%q) = %+v, want feedback %q", c.mistake, v, c.feedback)
		}
	}
	if o := r.Outcome(true, "adjunta", true); !o.Met || o.Now || o.Verdict.Reason != ReasonNone {
		t.Errorf("a met rule's outcome = %+v", o)
	}
}

func TestWalk(t *testing.T) {
	// Each rule is "met", "broken now" (by the last action) or "not yet".
	rule := func(id, state string) *Rule { return &Rule{ID: id, Check: state, Feedback: "say " + id} }
	eval := func(r *Rule) Outcome { return r.Outcome(r.Check == "met", r.ID, r.Check == "now") }
	for _, c := range []struct {
		rules  []*Rule
		acting bool
		want   string
	}{
		{nil, false, "right"},
		{[]*Rule{rule("a", "met"), rule("b", "met")}, true, "right"},
		{[]*Rule{rule("a", "met"), rule("b", "met")}, false, "right"},
		// Asked: the first rule not met, whatever the last action.
		{[]*Rule{rule("a", "met"), rule("b", "later"), rule("c", "now")}, false, "say b"},
		// Acting: only what the last action broke; the rest waits.
		{[]*Rule{rule("a", "later"), rule("b", "now")}, true, "say b"},
		{[]*Rule{rule("a", "later"), rule("b", "met")}, true, "pending"},
		{[]*Rule{rule("a", "now"), rule("b", "now")}, true, "say a"},
	} {
		v := Walk(c.rules, c.acting, eval)
		got := v.Feedback
		switch {
		case v.Correct:
			got = "right"
		case v.Reason == ReasonPending:
			got = "pending"
		}
		if got != c.want {
			t.Errorf("Walk(%v, acting %t) = %q (%+v), want %q", states(c.rules), c.acting, got, v, c.want)
		}
	}
}

func states(rs []*Rule) string {
	s := ""
	for _, r := range rs {
		s += fmt.Sprintf("%s:%s ", r.ID, r.Check)
	}
	return s
}
