// Package chat is the judge of chat steps: a practice phone messaging app
// (chats and SMS together) with known contacts, unknown numbers, messages
// with links, requests for codes or money, and the notifications of an
// approval app (the bank app's payment confirmation, Cl@ve Móvil's
// sign-in): a request with details the learner compares with what they
// started, and approves or refuses. Rules in the lesson file say what the learner must do
// (call the number they always use, block and report, refuse a payment)
// and which moves are mistakes (answering the scammer, opening the link,
// confirming a payment), each with its own feedback. Only outcomes are
// judged: a reply the learner types is never kept, only that one was
// typed.
package chat

import (
	"slices"

	"aula/internal/lazy"
	"aula/lessons/judge"
)

// Chat is a practice phone: its conversations and the rules that judge
// what the learner does in it.
type Chat struct {
	Chats []*Conversation `yaml:"chats"`
	Rules []*Rule         `yaml:"rules"`
}

// Conversation is one chat, SMS thread or app notification in the list.
type Conversation struct {
	ID       string     `yaml:"id"`
	Name     string     `yaml:"name"`   // a saved contact's name, or the number or sender as the phone shows it
	Number   string     `yaml:"number"` // the number, shown under the name of a saved contact
	Known    bool       `yaml:"known"`  // a saved contact; else an unknown number
	App      string     `yaml:"app"`    // chat (the default), sms, bank or auth (an approval app such as Cl@ve Móvil)
	Notify   bool       `yaml:"notify"` // it arrives as a notification on top of the phone
	Messages []*Message `yaml:"messages"`
	Replies  []*Reply   `yaml:"replies"` // the replies offered
	Typing   bool       `yaml:"typing"`  // the learner may also type a short reply (never kept)
	Call     string     `yaml:"call"`    // what happens when the learner calls the number they always use; "" no call
	Request  *Request   `yaml:"request"` // a bank or approval app's request to confirm a payment or a sign-in
}

// Message is one message of a conversation.
type Message struct {
	Me    bool   `yaml:"me"`    // sent by the learner's phone (earlier); else received
	Time  string `yaml:"time"`  // as the phone shows it: 10:42, ayer
	Text  string `yaml:"text"`  // the words
	Voice string `yaml:"voice"` // a voice note's length (0:12), instead of words
	Link  *Link  `yaml:"link"`  // a link under the words
}

// Link is a link in a message: its id and the address it shows.
type Link struct {
	ID  string `yaml:"id"`
	URL string `yaml:"url"`
}

// Reply is a reply the app offers in a conversation.
type Reply struct {
	ID   string `yaml:"id"`
	Text string `yaml:"text"`
}

// Request is a payment or a sign-in an app asks the learner to confirm.
type Request struct {
	Text    string    `yaml:"text"`    // ¿Confirmas este pago de 480 € en …?
	Details []*Detail `yaml:"details"` // what to compare with what the learner started: amount, payee, code
	Confirm string    `yaml:"confirm"` // the confirm button's words
	Refuse  string    `yaml:"refuse"`  // the refuse button's words
}

// Detail is one line of a request's card: Importe: 480,00 €.
type Detail struct {
	Label string `yaml:"label"`
	Value string `yaml:"value"`
}

// Apps a conversation can come from.
const (
	AppChat = "chat"
	AppSMS  = "sms"
	AppBank = "bank"
	AppAuth = "auth" // an approval app: Cl@ve Móvil, a bank's sign-in confirmation
)

// Typed is the reply id of a reply the learner typed: what was typed is
// never kept.
const Typed = "typed"

// Actions in the phone, as Action.Kind.
const (
	ActOpen    = "open"    // opened a conversation
	ActReply   = "reply"   // sent a reply (ID: the reply, or Typed)
	ActCall    = "call"    // called the number they always use
	ActBlock   = "block"   // blocked and reported, or unblocked
	ActDelete  = "delete"  // deleted a conversation, or took it back
	ActLink    = "link"    // opened a link (ID: the link)
	ActConfirm = "confirm" // confirmed a request
	ActRefuse  = "refuse"  // refused a request
)

// Rule is one thing the task asks, or one move that is a mistake. Rules
// are checked in file order and the first one not met decides what the
// learner is told.
type Rule struct {
	judge.Rule `yaml:",inline"` // no wrong: a chat rule's mistake has the rule's words
}

// checkKinds are the checks a rule can make, with what their values name.
// Goals are met once done; mistakes are said when they are made (and
// counted as a miss), and the task can still be finished after them.
var checkKinds = lazy.Value[map[string]string]{New: func() map[string]string {
	return map[string]string{
		"opened":        "chats",   // goal: one of these conversations was opened
		"replied":       "replies", // goal: one of these replies was sent (a conversation: any reply there)
		"called":        "chats",   // goal: the number of one of these contacts was called
		"blocked":       "chats",   // goal: each of these is blocked and reported
		"deleted":       "chats",   // goal: each of these is deleted
		"refused":       "bank",    // goal: each of these payment requests was refused
		"confirmed":     "bank",    // goal: each of these requests (the one the learner started) was confirmed
		"not-replied":   "replies", // mistake: sending one of these replies (a conversation: any reply there)
		"not-called":    "chats",   // mistake: calling one of these
		"not-blocked":   "chats",   // mistake: blocking one of these (a real contact)
		"no-link":       "links",   // mistake: opening one of these links
		"not-confirmed": "bank",    // mistake: confirming one of these payments
		"not-refused":   "bank",    // mistake: refusing one of these requests (the learner's own)
		"not-deleted":   "chats",   // mistake: deleting one of these (a scam's messages kept as evidence)
	}
}}

// IsMistake says whether a check is about a move that is a mistake.
func IsMistake(check string) bool {
	switch check {
	case "not-replied", "not-called", "not-blocked", "no-link", "not-confirmed", "not-refused", "not-deleted":
		return true
	}
	return false
}

// Answer is what the learner did in the phone. It lives in memory only:
// the judge turns it into a rule id. A typed reply is kept as Typed, never
// as its words.
type Answer struct {
	Opened    []string
	Replies   []Sent   // replies sent, in order
	Called    []string // conversations whose known number was called
	Blocked   []string // conversations blocked now
	Deleted   []string // conversations deleted now
	Links     []string // links opened
	Confirmed []string // payment requests confirmed
	Refused   []string // payment requests refused
	// Last is the action that asked for this check. Nil means the learner
	// asked to check: then anything not done yet is said. After an action
	// only a mistake made by that action is said, and a task under way is
	// met with silence (judge.ReasonPending).
	Last *Action
}

// Sent is a reply sent in a conversation.
type Sent struct {
	Chat  string
	Reply string // a reply id, or Typed
}

// Action is one thing the learner did.
type Action struct {
	Kind string // one of the Act… constants
	Chat string // the conversation
	ID   string // the reply or link
}

// Conversation returns the conversation with id, or nil.
func (x *Chat) Conversation(id string) *Conversation {
	for _, c := range x.Chats {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// Judge checks what the learner did against the rules.
func (x *Chat) Judge(a judge.Answer) judge.Verdict {
	ans, ok := a.(Answer)
	if !ok {
		return judge.Verdict{Reason: judge.ReasonInvalid}
	}
	if ans.Last == nil && ans.empty() {
		return judge.Verdict{Reason: judge.ReasonNothing}
	}
	return judge.Walk(x.Rules, ans.Last != nil, func(r *Rule) judge.Outcome {
		if IsMistake(r.Check) {
			return r.Outcome(!r.madeBy(ans.Last, &ans), r.ID, true)
		}
		return r.Outcome(r.met(&ans), r.ID, false)
	})
}

func (a *Answer) empty() bool {
	return len(a.Opened)+len(a.Replies)+len(a.Called)+len(a.Blocked)+len(a.Deleted)+
		len(a.Links)+len(a.Confirmed)+len(a.Refused) == 0
}

// madeBy says whether the action is the mistake the rule is about.
func (r *Rule) madeBy(last *Action, a *Answer) bool {
	if last == nil {
		return false
	}
	in := func(id string) bool { return slices.Contains(r.Values, id) }
	switch r.Check {
	case "not-replied":
		return last.Kind == ActReply && (in(last.ID) || in(last.Chat))
	case "not-called":
		return last.Kind == ActCall && in(last.Chat)
	case "not-blocked":
		return last.Kind == ActBlock && in(last.Chat)
	case "no-link":
		return last.Kind == ActLink && in(last.ID)
	case "not-confirmed":
		return last.Kind == ActConfirm && in(last.Chat)
	case "not-refused":
		return last.Kind == ActRefuse && in(last.Chat)
	case "not-deleted":
		return last.Kind == ActDelete && in(last.Chat) && slices.Contains(a.Deleted, last.Chat)
	}
	return false
}

// met says whether a goal rule is met.
func (r *Rule) met(a *Answer) bool {
	some := func(done []string) bool {
		return slices.ContainsFunc(r.Values, func(v string) bool { return slices.Contains(done, v) })
	}
	all := func(done []string) bool {
		for _, v := range r.Values {
			if !slices.Contains(done, v) {
				return false
			}
		}
		return true
	}
	switch r.Check {
	case "opened":
		return some(a.Opened)
	case "replied":
		return slices.ContainsFunc(a.Replies, func(s Sent) bool {
			return slices.Contains(r.Values, s.Reply) || slices.Contains(r.Values, s.Chat)
		})
	case "called":
		return some(a.Called)
	case "blocked":
		return all(a.Blocked)
	case "deleted":
		return all(a.Deleted)
	case "refused":
		return all(a.Refused)
	case "confirmed":
		return all(a.Confirmed)
	}
	return false
}

// Solution is a right answer (judge.Solvable): each goal done the first
// way the rules allow.
func (x *Chat) Solution() judge.Answer {
	var a Answer
	for _, r := range x.Rules {
		if len(r.Values) == 0 {
			continue
		}
		switch r.Check {
		case "opened":
			a.Opened = append(a.Opened, r.Values[0])
		case "replied":
			a.Replies = append(a.Replies, x.sentFor(r.Values[0]))
		case "called":
			a.Called = append(a.Called, r.Values[0])
		case "blocked":
			a.Blocked = append(a.Blocked, r.Values...)
		case "deleted":
			a.Deleted = append(a.Deleted, r.Values...)
		case "refused":
			a.Refused = append(a.Refused, r.Values...)
		case "confirmed":
			a.Confirmed = append(a.Confirmed, r.Values...)
		}
	}
	return a
}

// sentFor is the reply id sends: a reply of a conversation, or the first
// reply offered in conversation id (or a typed one).
func (x *Chat) sentFor(id string) Sent {
	for _, c := range x.Chats {
		if c.ID == id {
			if len(c.Replies) > 0 {
				return Sent{Chat: c.ID, Reply: c.Replies[0].ID}
			}
			return Sent{Chat: c.ID, Reply: Typed}
		}
		for _, rp := range c.Replies {
			if rp.ID == id {
				return Sent{Chat: c.ID, Reply: id}
			}
		}
	}
	return Sent{Reply: id}
}

// Wanted says whether a rule asks the learner to confirm request id (it
// is the one they started): the screen keeps its buttons after a refusal,
// as the site asks again, so that the learner can still approve it.
func (x *Chat) Wanted(id string) bool {
	for _, r := range x.Rules {
		if (r.Check == "confirmed" || r.Check == "not-refused") && slices.Contains(r.Values, id) {
			return true
		}
	}
	return false
}
