package chat

import (
	"strings"
	"testing"
)

// An approval app's notifications: the learner started the sign-in with
// code 4821; another sign-in with another code, and a payment they never
// started, arrive too.
const approveFixture = `
chats:
  - id: clave-4821
    name: Cl@ve Móvil
    app: auth
    notify: true
    request:
      text: Do you want to sign in to the Social Security office?
      details:
        - {label: Code, value: "4821"}
        - {label: Site, value: Social Security electronic office}
      confirm: Approve
      refuse: Refuse
  - id: clave-7730
    name: Cl@ve Móvil
    app: auth
    notify: true
    request:
      text: Do you want to sign in to the Tax Agency?
      details:
        - {label: Code, value: "7730"}
      confirm: Approve
      refuse: Refuse
  - id: pago
    name: Banco Ejemplo
    app: bank
    notify: true
    request:
      text: Confirm a payment of 480.00 € to TIENDA-ONLINE
      confirm: Confirm
      refuse: Reject
rules:
  - id: refused-mine
    check: not-refused
    values: [clave-4821]
    feedback: That request was yours. The code 4821 matches the web page.
  - id: approved-other
    check: not-confirmed
    values: [clave-7730]
    feedback: The code is 7730, not 4821. You did not start that one.
  - id: paid
    check: not-confirmed
    values: [pago]
    feedback: You did not start a payment. Never confirm it.
  - id: approve
    check: confirmed
    values: [clave-4821]
    feedback: Approve the request with the code the web page shows, 4821.
  - id: refuse-other
    check: refused
    values: [clave-7730, pago]
    feedback: Refuse the requests you did not start.
`

func TestApprovalRules(t *testing.T) {
	x, probs := load(t, approveFixture)
	if len(probs) > 0 {
		t.Fatalf("problems in a good step: %v", probs)
	}
	if v := x.Judge(x.Solution()); !v.Correct {
		t.Fatalf("the solution is judged %+v", v)
	}
	feedback := func(id string) string {
		for _, r := range x.Rules {
			if r.ID == id {
				return r.Feedback
			}
		}
		return ""
	}
	cases := []struct {
		name    string
		a       Answer
		correct bool
		mistake string
	}{
		{"refused their own sign-in", Answer{Refused: []string{"clave-4821"}, Last: &Action{Kind: ActRefuse, Chat: "clave-4821"}}, false, "refused-mine"},
		{"approved another code", Answer{Confirmed: []string{"clave-7730"}, Last: &Action{Kind: ActConfirm, Chat: "clave-7730"}}, false, "approved-other"},
		{"confirmed a payment never started", Answer{Confirmed: []string{"pago"}, Last: &Action{Kind: ActConfirm, Chat: "pago"}}, false, "paid"},
		{"approved theirs, more to do", Answer{Confirmed: []string{"clave-4821"}, Last: &Action{Kind: ActConfirm, Chat: "clave-4821"}}, false, ""},
		{"checked with only theirs approved", Answer{Confirmed: []string{"clave-4821"}}, false, "refuse-other"},
		{"checked with the others refused only", Answer{Refused: []string{"clave-7730", "pago"}}, false, "approve"},
		{"all done by the last refusal", Answer{Confirmed: []string{"clave-4821"}, Refused: []string{"clave-7730", "pago"}, Last: &Action{Kind: ActRefuse, Chat: "pago"}}, true, ""},
	}
	for _, c := range cases {
		v := x.Judge(c.a)
		if v.Correct != c.correct || v.Mistake != c.mistake {
			t.Errorf("%s: got %+v, want correct=%t mistake %q", c.name, v, c.correct, c.mistake)
			continue
		}
		if c.mistake != "" && (v.Feedback != feedback(c.mistake) || !v.Counts()) {
			t.Errorf("%s: feedback %q counts=%t, want %q", c.name, v.Feedback, v.Counts(), feedback(c.mistake))
		}
	}
	s := strings.Join(x.Shape(), "\n")
	for _, want := range []string{"chat clave-4821 app=auth", "notify=true", "details clave-4821 2", "rule approve confirmed clave-4821"} {
		if !strings.Contains(s, want) {
			t.Errorf("shape lacks %q:\n%s", want, s)
		}
	}
}

func TestApprovalCheckProblems(t *testing.T) {
	head := "chats:\n  - id: a\n    name: A\n    app: auth\n"
	cases := []struct{ src, want, line string }{
		{head + "    messages: [{text: hi}]\nrules:\n  - {id: r, check: opened, values: [a], feedback: Open.}\n",
			"an auth app needs a request", "t.yaml:2:"},
		{head + "    request:\n      text: Sign in?\n      confirm: Yes\n      refuse: No\n      details:\n        - {label: Code}\nrules:\n  - {id: r, check: confirmed, values: [a], feedback: Yes.}\n",
			"request detail 1 needs label and value", "t.yaml:10:"},
		{head + "    request:\n      text: Sign in?\n      confirm: Yes\n      refuse: No\n      details:\n        - {label: Code, value: \"1\", colour: red}\nrules:\n  - {id: r, check: confirmed, values: [a], feedback: Yes.}\n",
			`unknown field "colour"`, "t.yaml:10:"},
		{head + "    request: {text: \"Sign in\", confirm: \"Yes\", refuse: \"No\"}\nrules:\n  - {id: r, check: confirmed, values: [a], feedback: Yes.}\n  - {id: s, check: not-confirmed, values: [a], feedback: No.}\n",
			`request "a" is to be both confirmed and refused`, "t.yaml:8:"},
		{head + "    request: {text: \"Sign in\", confirm: \"Yes\", refuse: \"No\"}\nrules:\n  - {id: r, check: not-refused, values: [a], feedback: Yours.}\n  - {id: s, check: refused, values: [a], feedback: No.}\n",
			`request "a" is to be both confirmed and refused`, "t.yaml:8:"},
		{"chats:\n  - id: a\n    name: A\n    messages: [{text: hi}]\nrules:\n  - {id: r, check: confirmed, values: [a], feedback: Yes.}\n",
			`there is no chat with a request "a"`, "t.yaml:6:"},
	}
	for _, c := range cases {
		_, probs := load(t, c.src)
		found := false
		for _, p := range probs {
			if strings.Contains(p.String(), c.want) && strings.HasPrefix(p.String(), c.line) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: want a problem at %s with %q, got %v", c.src, c.line, c.want, probs)
		}
	}
}

// FuzzApprove: no single action finishes the approval task, and the
// judge never panics on any request id or action.
func FuzzApprove(f *testing.F) {
	f.Add("clave-4821", 0, true)
	f.Add("pago", 1, false)
	f.Fuzz(func(t *testing.T, chat string, kind int, approve bool) {
		x, _ := load(t, approveFixture)
		kinds := []string{ActConfirm, ActRefuse, ActOpen}
		k := kinds[((kind%len(kinds))+len(kinds))%len(kinds)]
		a := Answer{Last: &Action{Kind: k, Chat: chat}}
		if approve {
			a.Confirmed = []string{chat}
		} else {
			a.Refused = []string{chat}
		}
		if v := x.Judge(a); v.Correct {
			t.Errorf("one action cannot finish the task: %+v", a)
		}
	})
}

// Deleting a scam's messages (the evidence) is a mistake said at once;
// taking them back is not.
func TestDeletingEvidence(t *testing.T) {
	x, probs := load(t, fixture+`  - id: keep
    check: not-deleted
    values: [unknown]
    feedback: Keep the messages to report the scam.
`)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	v := x.Judge(Answer{Deleted: []string{"unknown"}, Last: &Action{Kind: ActDelete, Chat: "unknown"}})
	if v.Mistake != "keep" || v.Feedback != "Keep the messages to report the scam." {
		t.Errorf("deleting the evidence: %+v", v)
	}
	if v := x.Judge(Answer{Last: &Action{Kind: ActDelete, Chat: "unknown"}}); v.Mistake == "keep" {
		t.Errorf("taking it back is no mistake: %+v", v)
	}
	if v := x.Judge(Answer{Deleted: []string{"son"}, Last: &Action{Kind: ActDelete, Chat: "son"}}); v.Mistake == "keep" {
		t.Errorf("deleting another chat: %+v", v)
	}
}
