package yesno

import (
	"testing"

	"aula/lessons/judge"
)

func TestJudge(t *testing.T) {
	y := &YesNo{Statement: "A bank never asks for your PIN by email.", Answer: "yes", Wrong: "A bank never does."}
	tests := []struct {
		a       judge.Answer
		correct bool
		reason  judge.Reason
	}{
		{Answer("yes"), true, ""},
		{Answer("no"), false, judge.ReasonWrong},
		{Answer(""), false, judge.ReasonNoChoice},
		{"yes", false, judge.ReasonInvalid},
	}
	for _, tt := range tests {
		v := y.Judge(tt.a)
		if v.Correct != tt.correct || v.Reason != tt.reason {
			t.Errorf("Judge(%#v) = %+v, want correct %v reason %q", tt.a, v, tt.correct, tt.reason)
		}
	}
	p := &judge.Problems{File: "f.yaml"}
	(&YesNo{Answer: "maybe"}).Check(p, "s", nil)
	if len(p.List) != 2 {
		t.Errorf("answer maybe and no wrong: %v", p.List)
	}
}
