package chat

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"aula/lessons/judge"
)

const fixture = `
chats:
  - id: unknown
    name: "+34 600 000 000"
    messages:
      - text: Hi mum, I've changed my number.
        time: "10:02"
      - text: Can you pay this for me? Here is the link.
        link: {id: pay-link, url: "https://pagos-rapidos.example/p"}
    replies:
      - id: who
        text: Who is this?
      - id: how-much
        text: How much do you need?
    typing: true
    call: Nobody answers.
  - id: son
    name: Dani
    number: "600 000 001"
    known: true
    messages:
      - text: See you Sunday!
        me: true
    call: Dani answers. He has not changed his number.
  - id: bank
    name: Banco Ejemplo
    app: bank
    request:
      text: Do you confirm this payment of 480 €?
      confirm: Confirm
      refuse: Reject
rules:
  - id: no-money
    check: not-replied
    values: [how-much]
    feedback: You offered money to a number you do not know.
  - id: no-link
    check: no-link
    values: [pay-link]
    feedback: That link was the scam.
  - id: no-callback
    check: not-called
    values: [unknown]
    feedback: Calling back the new number only reaches the scammer.
  - id: keep-son
    check: not-blocked
    values: [son]
    feedback: Dani is your real son. Do not block him.
  - id: no-pay
    check: not-confirmed
    values: [bank]
    feedback: You did not make that payment. Never confirm it.
  - id: call-son
    check: called
    values: [son]
    feedback: Call Dani on the number you always use.
  - id: block
    check: blocked
    values: [unknown]
    feedback: Block and report the unknown number.
  - id: refuse
    check: refused
    values: [bank]
    feedback: Reject the payment you did not make.
`

func load(t testing.TB, src string) (*Chat, []judge.Problem) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	x := &Chat{}
	if err := doc.Content[0].Decode(x); err != nil {
		t.Fatal(err)
	}
	p := &judge.Problems{File: "t.yaml"}
	x.Check(p, "s", doc.Content[0])
	return x, p.List
}

func TestFixtureIsCleanAndSolvable(t *testing.T) {
	x, probs := load(t, fixture)
	if len(probs) > 0 {
		t.Fatalf("problems in a good step: %v", probs)
	}
	if x.Conversation("unknown").App != AppChat {
		t.Error("app should default to chat")
	}
	if v := x.Judge(x.Solution()); !v.Correct {
		t.Errorf("the solution is judged %+v", v)
	}
}

// Every mistake is said when it is made, with its own words and id.
func TestEachWrongMoveHasItsFeedback(t *testing.T) {
	x, _ := load(t, fixture)
	cases := []struct {
		last    Action
		mistake string
	}{
		{Action{Kind: ActReply, Chat: "unknown", ID: "how-much"}, "no-money"},
		{Action{Kind: ActLink, Chat: "unknown", ID: "pay-link"}, "no-link"},
		{Action{Kind: ActCall, Chat: "unknown"}, "no-callback"},
		{Action{Kind: ActBlock, Chat: "son"}, "keep-son"},
		{Action{Kind: ActConfirm, Chat: "bank"}, "no-pay"},
	}
	for _, c := range cases {
		last := c.last
		v := x.Judge(Answer{Opened: []string{last.Chat}, Last: &last})
		want := ""
		for _, r := range x.Rules {
			if r.ID == c.mistake {
				want = r.Feedback
			}
		}
		if v.Correct || v.Mistake != c.mistake || v.Feedback != want || !v.Counts() {
			t.Errorf("%+v: got %+v, want mistake %q with %q", last, v, c.mistake, want)
		}
	}
}

// Each goal not met is said when the learner asks to check, in rule
// order; after an action under way, nothing is said.
func TestEachGoalIsSaidWhenMissing(t *testing.T) {
	x, _ := load(t, fixture)
	full := x.Solution().(Answer)
	if v := x.Judge(Answer{}); v.Reason != judge.ReasonNothing || v.Counts() {
		t.Errorf("nothing done: %+v", v)
	}
	cases := []struct {
		name    string
		drop    func(a *Answer)
		mistake string
	}{
		{"no call", func(a *Answer) { a.Called = nil }, "call-son"},
		{"called the stranger", func(a *Answer) { a.Called = []string{"unknown"} }, "call-son"},
		{"not blocked", func(a *Answer) { a.Blocked = nil }, "block"},
		{"not refused", func(a *Answer) { a.Refused = nil }, "refuse"},
	}
	for _, c := range cases {
		a := full
		c.drop(&a)
		if v := x.Judge(a); v.Correct || v.Mistake != c.mistake || !strings.Contains(v.Feedback, " ") {
			t.Errorf("%s: %+v, want %q", c.name, v, c.mistake)
		}
		a.Last = &Action{Kind: ActOpen, Chat: "son"}
		if v := x.Judge(a); v.Reason != judge.ReasonPending || v.Counts() {
			t.Errorf("%s after opening a chat: %+v, want silence", c.name, v)
		}
	}
	// The last goal done by an action finishes the task at once.
	a := full
	a.Last = &Action{Kind: ActRefuse, Chat: "bank"}
	if v := x.Judge(a); !v.Correct {
		t.Errorf("all done: %+v", v)
	}
	// A harmless reply is no mistake.
	a.Last = &Action{Kind: ActReply, Chat: "unknown", ID: "who"}
	if v := x.Judge(a); !v.Correct {
		t.Errorf("asking who it is: %+v", v)
	}
	if v := x.Judge("nonsense"); v.Reason != judge.ReasonInvalid {
		t.Errorf("another answer type: %+v", v)
	}
}

// A rule on a conversation covers every reply there, typed ones too.
func TestRulesOnAConversationCoverTypedReplies(t *testing.T) {
	x, _ := load(t, strings.Replace(fixture, "values: [how-much]", "values: [unknown]", 1))
	v := x.Judge(Answer{Replies: []Sent{{Chat: "unknown", Reply: Typed}}, Last: &Action{Kind: ActReply, Chat: "unknown", ID: Typed}})
	if v.Mistake != "no-money" {
		t.Errorf("a typed reply to the stranger: %+v", v)
	}
	y, _ := load(t, fixture+`  - id: answer
    check: replied
    values: [son]
    feedback: Write to Dani.
`)
	if y.Rules[len(y.Rules)-1].met(&Answer{Replies: []Sent{{Chat: "son", Reply: Typed}}}) != true {
		t.Error("a typed reply to Dani should meet replied [son]")
	}
}

func TestCheckProblems(t *testing.T) {
	cases := []struct{ src, want string }{
		{"chats: []\nrules: []\n", "needs chats"},
		{"chats:\n  - id: a\n    name: A\n    messages: [{text: hi}]\n", "at least one rule that says what to do"},
		{"chats:\n  - id: a\n    messages: [{text: hi}]\n", `chat "a" needs a name`},
		{"chats:\n  - id: a\n    name: A\n    app: fax\n    messages: [{text: hi}]\n", "app should be chat, sms, bank or auth"},
		{"chats:\n  - id: a\n    name: A\n", "needs messages or a request"},
		{"chats:\n  - id: a\n    name: A\n    messages: [{text: hi, voice: \"0:10\"}]\n", "needs text or voice"},
		{"chats:\n  - id: a\n    name: A\n    messages: [{text: hi, link: {id: l, url: nada}}]\n", `link "l" needs url`},
		{"chats:\n  - id: a\n    name: A\n    messages: [{text: hi, link: {id: a, url: \"https://x.example\"}}]\n", `id "a" is used twice`},
		{"chats:\n  - id: a\n    name: A\n    request: {text: Pay}\n", "a request needs text, confirm and refuse"},
		{"chats:\n  - id: a\n    name: A\n    messages: [{text: hi}]\nrules:\n  - {id: r, check: called, values: [a], feedback: Call.}\n", `there is no chat with call "a"`},
		{"chats:\n  - id: a\n    name: A\n    messages: [{text: hi}]\nrules:\n  - {id: r, check: refused, values: [a], feedback: No.}\n", `there is no chat with a request "a"`},
		{"chats:\n  - id: a\n    name: A\n    messages: [{text: hi}]\nrules:\n  - {id: r, check: phoned, values: [a], feedback: No.}\n", `check "phoned" is not one of`},
		{"chats:\n  - id: a\n    name: A\n    messages: [{text: hi}]\nrules:\n  - {id: r, check: opened, values: [a]}\n", "needs feedback"},
		{"chats:\n  - id: a\n    name: A\n    messages: [{text: hi}]\nrules:\n  - {id: r, check: opened, feedback: Open.}\n", "needs values"},
		{"chats:\n  - id: a\n    name: A\n    messages: [{text: hi}]\n    colour: red\nrules:\n  - {id: r, check: opened, values: [a], feedback: Open.}\n", `unknown field "colour"`},
		// The browser's and the files' rules take wrong; a chat rule does not.
		{"chats:\n  - id: a\n    name: A\n    messages: [{text: hi}]\nrules:\n  - {id: r, check: opened, values: [a], feedback: Open., wrong: {b: No.}}\n", `unknown field "wrong"`},
	}
	for _, c := range cases {
		_, probs := load(t, c.src)
		found := false
		for _, p := range probs {
			if strings.Contains(p.String(), c.want) && strings.HasPrefix(p.String(), "t.yaml:") {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: want a problem with %q, got %v", c.src, c.want, probs)
		}
	}
}

func TestShapeNamesWhatLanguagesShare(t *testing.T) {
	x, _ := load(t, fixture)
	s := strings.Join(x.Shape(), "\n")
	for _, want := range []string{"chat unknown app=chat known=false typing=true call=true", "link pay-link https://pagos-rapidos.example/p",
		"reply how-much", "rule refuse refused bank"} {
		if !strings.Contains(s, want) {
			t.Errorf("shape lacks %q:\n%s", want, s)
		}
	}
}

func FuzzJudge(f *testing.F) {
	f.Add("unknown", "how-much", 1)
	f.Add("bank", "", 4)
	f.Fuzz(func(t *testing.T, chat, id string, kind int) {
		x, _ := load(t, fixture)
		kinds := []string{ActOpen, ActReply, ActCall, ActBlock, ActConfirm, ActRefuse, ActLink, ActDelete}
		last := &Action{Kind: kinds[((kind%len(kinds))+len(kinds))%len(kinds)], Chat: chat, ID: id}
		v := x.Judge(Answer{Opened: []string{chat}, Last: last})
		if v.Correct {
			t.Errorf("one action cannot finish the task: %+v", last)
		}
	})
}

// FuzzCheck: any YAML a trainer writes is checked without a panic, and a
// step that checks clean can be solved.
func FuzzCheck(f *testing.F) {
	f.Add(fixture)
	f.Add("chats:\n  - id: a\n    name: A\n    request: {text: x}\nrules:\n  - {id: r, check: refused, values: [a], feedback: No.}\n")
	f.Add("chats: [~]\nrules: [~]\n")
	f.Add(approveFixture)
	f.Fuzz(func(t *testing.T, src string) {
		var doc yaml.Node
		if yaml.Unmarshal([]byte(src), &doc) != nil || len(doc.Content) == 0 {
			return
		}
		x := &Chat{}
		if doc.Content[0].Decode(x) != nil {
			return
		}
		p := &judge.Problems{File: "t.yaml"}
		x.Check(p, "s", doc.Content[0])
		if len(p.List) == 0 {
			if v := x.Judge(x.Solution()); !v.Correct {
				t.Errorf("a clean step is not solved by its solution: %+v\n%s", v, src)
			}
		}
	})
}

// Shape never meets a nil message, even in a step with problems.
func TestEmptyMessageIsReportedAndSafe(t *testing.T) {
	x, probs := load(t, "chats:\n  - id: a\n    name: A\n    messages: [~]\nrules:\n  - {id: r, check: opened, values: [a], feedback: Open.}\n")
	if len(probs) == 0 || !strings.Contains(probs[0].String(), "message 1 is empty") {
		t.Errorf("problems %v", probs)
	}
	if len(x.Shape()) == 0 {
		t.Error("no shape")
	}
}
