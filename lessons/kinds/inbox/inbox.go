package inbox

import (
	"net/mail"
	"slices"
	"strings"

	"aula/internal/lazy"
	"aula/lessons/judge"
	"aula/lessons/validate"
)

// Inbox is a practice mailbox: the persona's address, the messages in its
// folders, the documents the learner can attach, and the rules that judge
// what the learner does in it. What the learner writes is judged and
// forgotten; only the id of the rule that failed is stored.
type Inbox struct {
	Me        string      `yaml:"me"`   // the practice persona's address
	Name      string      `yaml:"name"` // the persona's name, shown with the address
	Messages  []*Mail     `yaml:"messages"`
	Documents []*Document `yaml:"documents"`
	Rules     []*MailRule `yaml:"rules"`
}

// Mail is one message of the practice mailbox.
type Mail struct {
	ID          string   `yaml:"id"`
	Folder      string   `yaml:"folder"` // inbox (the default), sent or trash
	From        string   `yaml:"from"`   // "Name <address>" or an address
	To          string   `yaml:"to"`     // default: the persona
	Cc          string   `yaml:"cc"`
	Date        string   `yaml:"date"` // as the list shows it: "2 mar", "9:41"
	Subject     string   `yaml:"subject"`
	Body        string   `yaml:"body"` // [[link-id]] shows a link
	Unread      bool     `yaml:"unread"`
	Attachments []string `yaml:"attachments"` // file names that come with it
	Links       []*Link  `yaml:"links"`
	About       string   `yaml:"about"` // why it is genuine or not: said when the learner sorts it wrong
}

// Link is a link in a message: the words it shows and where it really goes.
type Link struct {
	ID   string `yaml:"id"`
	Text string `yaml:"text"`
	URL  string `yaml:"url"`
}

// Document is a practice file the learner can attach.
type Document struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"` // the file name: certificado_empadronamiento.pdf
	Size string `yaml:"size"` // as the file picker shows it: 85 KB
}

// MailRule is one thing the task asks. Rules are checked in file order and
// the first one not met decides what the learner is told.
type MailRule struct {
	// Wrong: for attachment checks, what to say when this document (by
	// id) is attached instead.
	judge.Rule `yaml:",inline"`
}

// Mail folders.
const (
	FolderInbox = "inbox"
	FolderSent  = "sent"
	FolderTrash = "trash"
)

// Kinds of email the learner sends.
const (
	SendNew     = "new"
	SendReply   = "reply"
	SendForward = "forward"
)

// Actions in the mailbox, as MailAction.Kind.
const (
	ActOpen    = "open"    // opened a message
	ActInspect = "inspect" // looked where a link really goes
	ActFollow  = "follow"  // opened the page of a link
	ActSend    = "send"    // pressed Send (sent, or refused for a bad address)
	ActDelete  = "delete"  // moved a message to the trash
	ActRestore = "restore" // took a message back out of the trash
	ActReport  = "report"  // marked a message as suspicious, or unmarked it
)

// Answer is what the learner has done in the mailbox. It lives in
// memory only: the judge turns it into a rule id.
type Answer struct {
	Opened    []string   // messages opened
	Inspected []string   // links whose real address was looked at
	Sent      []SentMail // emails sent, in order; the last one is judged
	Deleted   []string   // messages in the trash now
	Reported  []string   // messages marked as suspicious now
	// Last is the action that asked for this check. Nil means the learner
	// asked to check: then anything not done yet is said. After an action,
	// only a mistake made by that action is said, and a task under way is
	// met with silence (judge.ReasonPending).
	Last *MailAction
}

// SentMail is an email the learner wrote, as typed.
type SentMail struct {
	Kind        string // SendNew, SendReply or SendForward
	Of          string // the message answered or forwarded
	To, Cc      string
	Subject     string
	Body        string
	Attachments []string // document ids
	// Refused: the app did not send it, because To is empty or an address
	// cannot be used. Nothing was lost: the draft is still open.
	Refused bool
}

// MailAction is one thing the learner did.
type MailAction struct {
	Kind string // one of the Act… constants
	Msg  string // the message it was done to
	Link string // the link, for ActInspect and ActFollow
}

func (a *Answer) empty() bool {
	return len(a.Opened)+len(a.Inspected)+len(a.Sent)+len(a.Deleted)+len(a.Reported) == 0
}

// lastSent is the last email the learner tried to send, or nil.
func (a *Answer) lastSent() *SentMail {
	if len(a.Sent) == 0 {
		return nil
	}
	return &a.Sent[len(a.Sent)-1]
}

// lastDelivered is the last email that went out, or nil.
func (a *Answer) lastDelivered() *SentMail {
	for i := len(a.Sent) - 1; i >= 0; i-- {
		if !a.Sent[i].Refused {
			return &a.Sent[i]
		}
	}
	return nil
}

func (a *Answer) removed(id string) bool {
	return slices.Contains(a.Deleted, id) || slices.Contains(a.Reported, id)
}

// checkKinds are the checks a rule can make, with what its values are.
var checkKinds = lazy.Value[map[string]string]{New: func() map[string]string {
	return map[string]string{
		"opened":     "messages",  // one of these messages was opened
		"inspected":  "links",     // the learner looked where each of these links goes
		"no-link":    "links",     // the learner did not open the page of these links
		"sent":       "",          // an email was sent
		"new":        "",          // the last email is a new one, not a reply or a forward
		"reply":      "messages",  // the last email answers one of these
		"forward":    "messages",  // the last email forwards one of these
		"to":         "addresses", // the last email goes to one of these
		"cc":         "addresses", // the last email has one of these in Cc
		"subject":    "words?",    // the last email has a subject (that says one of these)
		"body":       "words",     // the last email says one of these
		"attachment": "documents", // the last email carries these documents, and no others
		"removed":    "messages",  // each of these was deleted or marked as suspicious
		"kept":       "messages",  // none of these was deleted or marked as suspicious
	}
}}

// MaxBodyLen is the most of an email body the judge reads.
const MaxBodyLen = 20000

// Judge checks what the learner did against the rules.
func (x *Inbox) Judge(a judge.Answer) judge.Verdict {
	ans, ok := a.(Answer)
	if !ok {
		return judge.Verdict{Reason: judge.ReasonInvalid}
	}
	auto := ans.Last != nil
	if !auto && ans.empty() {
		return judge.Verdict{Reason: judge.ReasonNothing, Mistake: "nothing"}
	}
	// An address the app refused comes first: nothing was sent.
	if m := ans.lastSent(); m != nil && m.Refused && (!auto || ans.Last.Kind == ActSend) {
		return refused(m)
	}
	return judge.Walk(x.Rules, auto, func(r *MailRule) judge.Outcome {
		o := r.eval(x, &ans)
		// While the learner acts, a rule not met is said only when the last
		// action is what it is about.
		now := auto && !o.ok && !o.pending && r.concerns(ans.Last, o.about)
		return judge.Outcome{Met: o.ok, Now: now, Verdict: o.v}
	})
}

// FirstBadRecipient finds what stops an email from going out: To is empty,
// or an address in To or Cc cannot be used. It returns the field ("to" or
// "cc"), the address as typed and the problem, or validate.AddressOK.
func FirstBadRecipient(to, cc string) (field, addr string, p validate.AddressProblem) {
	if len(validate.Recipients(to)) == 0 {
		return "to", "", validate.AddressEmpty
	}
	for _, f := range [...]struct{ name, value string }{{"to", to}, {"cc", cc}} {
		for _, a := range validate.Recipients(f.value) {
			if p, _ := validate.CheckAddress(a); p.Syntax() {
				return f.name, a, p
			}
		}
	}
	return "", "", validate.AddressOK
}

func refused(m *SentMail) judge.Verdict {
	field, addr, p := FirstBadRecipient(m.To, m.Cc)
	if p == validate.AddressOK {
		return judge.Verdict{Reason: judge.ReasonInvalid}
	}
	return judge.Verdict{Reason: judge.AddressReason(p), Param: shorten(addr), Mistake: field + ":" + string(p)}
}

// shorten keeps what is shown of a typed address to a readable length.
func shorten(s string) string {
	r := []rune(s)
	if len(r) <= 60 {
		return s
	}
	return string(r[:59]) + "…"
}

// Mail returns the message with id, or nil.
func (x *Inbox) Mail(id string) *Mail {
	for _, m := range x.Messages {
		if m.ID == id {
			return m
		}
	}
	return nil
}

// Document returns the document with id, or nil.
func (x *Inbox) Document(id string) *Document {
	for _, d := range x.Documents {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// Link returns the link with id in message m, or nil.
func (m *Mail) Link(id string) *Link {
	for _, l := range m.Links {
		if l.ID == id {
			return l
		}
	}
	return nil
}

// LinkRef finds where a message body shows a link: [[link-id]].
var LinkRef = lazy.Regexp{Expr: `\[\[([a-z0-9]+(?:-[a-z0-9]+)*)\]\]`}

// Host is the name of the computer the link really goes to
// (www.seg-social.es), lowercased; "" if the address has none.
func (l *Link) Host() string { return validate.Host(l.URL) }

// Address is the address part of a From, To or Cc line.
func Address(s string) string {
	if a, err := mail.ParseAddress(s); err == nil {
		return a.Address
	}
	return strings.TrimSpace(s)
}

// DisplayName is the name part of a From line, or the address when there is none.
func DisplayName(s string) string {
	if a, err := mail.ParseAddress(s); err == nil {
		if a.Name != "" {
			return a.Name
		}
		return a.Address
	}
	return strings.TrimSpace(s)
}
