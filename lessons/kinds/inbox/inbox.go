package inbox

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

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
	ID       string            `yaml:"id"`
	Check    string            `yaml:"check"`
	Values   []string          `yaml:"values"`
	Feedback string            `yaml:"feedback"`
	Wrong    map[string]string `yaml:"wrong"` // attachment: what to say when this document (by id) is attached instead
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
var checkKinds = map[string]string{
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

func checkNames() string {
	var names []string
	for k := range checkKinds {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

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
	pending := false
	for _, r := range x.Rules {
		o := r.eval(x, &ans)
		switch {
		case o.ok:
			continue
		case !auto:
			return o.v
		case o.pending || !r.concerns(ans.Last, o.about):
			pending = true
			continue
		}
		return o.v
	}
	if pending {
		return judge.Verdict{Reason: judge.ReasonPending}
	}
	return judge.Verdict{Correct: true}
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

type outcome struct {
	ok      bool
	pending bool   // not done yet; nothing wrong so far
	about   string // the message or link a mistake is about
	v       judge.Verdict
}

func (r *MailRule) fail(mistake string) outcome {
	return outcome{v: judge.Verdict{Feedback: r.Feedback, Reason: judge.ReasonWrong, Mistake: mistake}}
}

func (r *MailRule) eval(x *Inbox, a *Answer) outcome {
	switch r.Check {
	case "opened":
		for _, id := range r.Values {
			if slices.Contains(a.Opened, id) {
				return outcome{ok: true}
			}
		}
		o := r.fail(r.ID)
		o.pending = true
		return o
	case "inspected":
		for _, id := range r.Values {
			if !slices.Contains(a.Inspected, id) {
				o := r.fail(r.ID)
				o.pending = true
				return o
			}
		}
		return outcome{ok: true}
	case "no-link":
		// Opening a page is judged when it happens.
		if l := a.Last; l != nil && l.Kind == ActFollow && slices.Contains(r.Values, l.Link) {
			o := r.fail(r.ID)
			o.about = l.Link
			return o
		}
		return outcome{ok: true}
	case "removed":
		for _, id := range r.Values {
			if !a.removed(id) {
				o := r.fail(r.ID)
				o.pending = true
				return o
			}
		}
		return outcome{ok: true}
	case "kept":
		for _, id := range r.Values {
			if a.removed(id) {
				o := r.fail(r.ID + ":" + id)
				if m := x.Mail(id); m != nil && m.About != "" {
					o.v.Feedback = m.About
				}
				o.about = id
				return o
			}
		}
		return outcome{ok: true}
	}

	// The other checks are about the last email sent.
	m := a.lastDelivered()
	if m == nil {
		o := r.fail(r.ID)
		o.pending = true
		if r.Check != "sent" {
			o.v.Feedback, o.v.Reason = "", judge.ReasonNotSent
		}
		return o
	}
	switch r.Check {
	case "sent":
		return outcome{ok: true}
	case "new":
		if m.Kind == SendNew {
			return outcome{ok: true}
		}
		return r.fail(r.ID)
	case "reply", "forward":
		if m.Kind == r.Check && slices.Contains(r.Values, m.Of) {
			return outcome{ok: true}
		}
		if m.Kind == r.Check {
			subject := m.Subject
			if orig := x.Mail(m.Of); orig != nil {
				subject = orig.Subject
			}
			return outcome{v: judge.Verdict{Reason: judge.ReasonOtherMessage, Param: shorten(subject), Mistake: r.ID + ":other"}}
		}
		return r.fail(r.ID)
	case "to", "cc":
		field := m.To
		if r.Check == "cc" {
			field = m.Cc
		}
		return r.addresses(field)
	case "subject":
		s := strings.TrimSpace(m.Subject)
		if s != "" && (len(r.Values) == 0 || mentionsAny(s, r.Values)) {
			return outcome{ok: true}
		}
		return r.fail(r.ID)
	case "body":
		if mentionsAny(m.Body, r.Values) {
			return outcome{ok: true}
		}
		return r.fail(r.ID)
	case "attachment":
		for _, id := range m.Attachments {
			if !slices.Contains(r.Values, id) {
				name := id
				if d := x.Document(id); d != nil {
					name = d.Name
				}
				return outcome{v: judge.Verdict{Feedback: r.Wrong[id], Reason: judge.ReasonWrongDoc, Param: name, Mistake: r.ID + ":" + id}}
			}
		}
		for _, id := range r.Values {
			if !slices.Contains(m.Attachments, id) {
				return r.fail(r.ID)
			}
		}
		return outcome{ok: true}
	}
	return outcome{v: judge.Verdict{Reason: judge.ReasonInvalid}}
}

// addresses judges a To or Cc field against the expected addresses: usable
// addresses first, then the right person, then the slips worth naming.
func (r *MailRule) addresses(field string) outcome {
	list := validate.Recipients(field)
	if len(list) == 0 {
		return r.fail(r.ID)
	}
	for _, addr := range list {
		if p, _ := validate.CheckAddress(addr); p.Syntax() {
			return outcome{v: judge.Verdict{Reason: judge.AddressReason(p), Param: shorten(addr), Mistake: r.Check + ":" + string(p)}}
		}
	}
	for _, addr := range list {
		for _, want := range r.Values {
			if validate.SameAddress(addr, want) {
				return outcome{ok: true}
			}
		}
	}
	for _, addr := range list {
		if p, fix := validate.CheckAddress(addr); p == validate.AddressTypo {
			return outcome{v: judge.Verdict{Reason: judge.AddressReason(validate.AddressTypo), Param: shorten(fix), Mistake: r.ID + ":typo"}}
		}
	}
	for _, addr := range list {
		for _, want := range r.Values {
			if validate.NearAddress(addr, want) {
				return outcome{v: judge.Verdict{Reason: judge.ReasonAddressNear, Param: shorten(addr), Mistake: r.ID + ":near"}}
			}
		}
	}
	return r.fail(r.ID)
}

// concerns says whether a mistake found by this rule was made by the last
// action (about is the message or link the mistake is about).
func (r *MailRule) concerns(last *MailAction, about string) bool {
	switch r.Check {
	case "kept":
		return (last.Kind == ActDelete || last.Kind == ActReport) && last.Msg == about
	case "no-link":
		return last.Kind == ActFollow && last.Link == about
	case "opened", "inspected", "removed":
		return false
	}
	return last.Kind == ActSend
}

// mentionsAny says whether text mentions one of the phrases, as whole words,
// ignoring capitals, accents and extra spaces.
func mentionsAny(text string, phrases []string) bool {
	if len(text) > MaxBodyLen {
		text = text[:MaxBodyLen]
	}
	t := validate.Fold(text)
	for _, p := range phrases {
		f := validate.Fold(p)
		if f == "" {
			continue
		}
		for from := 0; from < len(t); {
			i := strings.Index(t[from:], f)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(f)
			before, _ := utf8.DecodeLastRuneInString(t[:start])
			after, _ := utf8.DecodeRuneInString(t[end:])
			if (start == 0 || !validate.WordRune(before)) && (end == len(t) || !validate.WordRune(after)) {
				return true
			}
			_, size := utf8.DecodeRuneInString(t[start:])
			from = start + size
		}
	}
	return false
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
var LinkRef = regexp.MustCompile(`\[\[([a-z0-9]+(?:-[a-z0-9]+)*)\]\]`)

// Host is the name of the computer the link really goes to
// (www.seg-social.es), lowercased; "" if the address has none.
func (l *Link) Host() string {
	u, err := url.Parse(strings.TrimSpace(l.URL))
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// secondLevel are the labels that come before a country ending in
// registered names: gob.es, com.es, co.uk…
var secondLevel = map[string]bool{"com": true, "org": true, "gob": true, "nom": true, "edu": true, "co": true,
	"ac": true, "gov": true, "net": true}

// Domain is the part of a host that says who owns the page: the last two
// labels (seg-social.es), or three after a second-level label (madrid.org.es).
// It is what to look at before opening a link: www.seg-social.es.ayuda.com
// belongs to ayuda.com.
func Domain(host string) string {
	labels := strings.Split(strings.Trim(host, "."), ".")
	n := 2
	if len(labels) >= 3 && len(labels[len(labels)-1]) == 2 && secondLevel[labels[len(labels)-2]] {
		n = 3
	}
	if len(labels) <= n {
		return strings.Join(labels, ".")
	}
	return strings.Join(labels[len(labels)-n:], ".")
}

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

// Sample is an answer that meets every rule: the solution, for tests and
// for checking that the lesson can be done.
func (x *Inbox) Sample() Answer {
	var a Answer
	var m *SentMail
	mail := func() *SentMail {
		if m == nil {
			m = &SentMail{Kind: SendNew, Subject: "—"}
		}
		return m
	}
	for _, r := range x.Rules {
		switch r.Check {
		case "opened":
			a.Opened = append(a.Opened, r.Values[0])
		case "inspected":
			a.Inspected = append(a.Inspected, r.Values...)
		case "removed":
			a.Reported = append(a.Reported, r.Values...)
		case "sent":
			mail()
		case "new":
			mail().Kind = SendNew
		case "reply", "forward":
			mail().Kind, m.Of = r.Check, r.Values[0]
		case "to":
			mail().To = r.Values[0]
		case "cc":
			mail().Cc = r.Values[0]
		case "subject":
			if len(r.Values) > 0 {
				mail().Subject = r.Values[0]
			}
		case "body":
			mail().Body += " " + r.Values[0]
		case "attachment":
			mail().Attachments = slices.Clone(r.Values)
		}
	}
	if m != nil {
		if m.To == "" {
			m.To = x.Me
		}
		a.Sent = []SentMail{*m}
	}
	return a
}

func (x *Inbox) Check(p *judge.Problems, step string, n *yaml.Node) {
	if x.Me == "" {
		p.Add(n, "step %q: an inbox step needs me: the practice persona's address", step)
	} else if !validate.ValidEmail(x.Me) {
		p.Add(judge.Or(judge.Child(n, "me"), n), "step %q: me %q is not a valid email address", step, x.Me)
	}
	msgs, links, docs := map[string]*Mail{}, map[string]bool{}, map[string]bool{}
	mn := judge.Child(n, "messages")
	if len(x.Messages) == 0 {
		p.Add(n, "step %q: an inbox step needs messages", step)
	}
	for i, m := range x.Messages {
		if m == nil { // an empty "- " in the list: report it below, never panic on it
			m = &Mail{}
			x.Messages[i] = m
		}
		m.Body = strings.TrimSpace(m.Body)
		m.About = strings.TrimSpace(m.About)
		node := judge.Or(judge.Item(mn, i), n)
		p.UnknownKeys(node, m)
		x.checkMail(p, step, node, m, msgs, links)
	}
	dn := judge.Child(n, "documents")
	for i, d := range x.Documents {
		if d == nil {
			d = &Document{}
			x.Documents[i] = d
		}
		node := judge.Or(judge.Item(dn, i), n)
		p.UnknownKeys(node, d)
		checkID(p, node, step, "document", d.ID, docs)
		if d.Name == "" {
			p.Add(node, "step %q: document %q has no name", step, d.ID)
		}
	}
	rn := judge.Child(n, "rules")
	if len(x.Rules) == 0 {
		p.Add(n, "step %q: an inbox step needs rules that say what to do", step)
	}
	ruleIDs := map[string]bool{"to": true, "cc": true, "nothing": true} // reserved: address and reminder mistakes
	removed := map[string]bool{}
	for i, r := range x.Rules {
		if r == nil {
			r = &MailRule{}
			x.Rules[i] = r
		}
		node := judge.Or(judge.Item(rn, i), n)
		p.UnknownKeys(node, r)
		what := fmt.Sprintf("step %q rule %d", step, i+1)
		if r.ID == "to" || r.ID == "cc" || r.ID == "nothing" {
			p.Add(judge.Or(judge.Child(node, "id"), node), "%s: id %q is reserved; choose another", what, r.ID)
		} else {
			checkID(p, node, step, "rule", r.ID, ruleIDs)
		}
		if r.Feedback == "" {
			p.Add(node, "%s (%s) needs feedback that explains what is missing or wrong", what, r.ID)
		}
		values, known := checkKinds[r.Check]
		if !known {
			p.Add(judge.Or(judge.Child(node, "check"), node), "%s: check %q is not one of %s", what, r.Check, checkNames())
			continue
		}
		vn := judge.Child(node, "values")
		switch {
		case values == "" && len(r.Values) > 0:
			p.Add(vn, "%s: check %q takes no values", what, r.Check)
		case values != "" && values != "words?" && len(r.Values) == 0:
			p.Add(node, "%s: check %q needs values (%s)", what, r.Check, values)
		}
		for j, v := range r.Values {
			vnode := judge.Or(judge.Item(vn, j), node)
			switch values {
			case "messages":
				if msgs[v] == nil {
					p.Add(vnode, "%s: there is no message %q", what, v)
				}
			case "links":
				if !links[v] {
					p.Add(vnode, "%s: there is no link %q", what, v)
				}
			case "documents":
				if !docs[v] {
					p.Add(vnode, "%s: there is no document %q", what, v)
				}
			case "addresses":
				if !validate.ValidEmail(v) {
					p.Add(vnode, "%s: %q is not a valid email address", what, v)
				}
			}
			switch r.Check {
			case "removed":
				removed[v] = true
			case "kept":
				if removed[v] {
					p.Add(vnode, "%s: message %q cannot be both removed and kept", what, v)
				}
			}
		}
		if len(r.Wrong) > 0 && r.Check != "attachment" {
			p.Add(judge.Child(node, "wrong"), "%s: wrong is only for attachment checks", what)
		}
		for id, text := range r.Wrong {
			if !docs[id] || slices.Contains(r.Values, id) || strings.TrimSpace(text) == "" {
				p.Add(judge.Child(node, "wrong"), "%s: wrong %q should be a document not asked for, with words about it", what, id)
			}
		}
	}
}

func (x *Inbox) checkMail(p *judge.Problems, step string, node *yaml.Node, m *Mail, msgs map[string]*Mail, links map[string]bool) {
	ids := map[string]bool{}
	for id := range msgs {
		ids[id] = true
	}
	checkID(p, node, step, "message", m.ID, ids)
	msgs[m.ID] = m
	switch m.Folder {
	case "":
		m.Folder = FolderInbox
	case FolderInbox, FolderSent, FolderTrash:
	default:
		p.Add(judge.Or(judge.Child(node, "folder"), node), "step %q: message %q: folder %q is not inbox, sent or trash", step, m.ID, m.Folder)
	}
	if _, err := mail.ParseAddress(m.From); err != nil {
		p.Add(judge.Or(judge.Child(node, "from"), node), "step %q: message %q: from %q should be an address or Name <address>", step, m.ID, m.From)
	}
	for _, f := range [...]struct{ name, value string }{{"to", m.To}, {"cc", m.Cc}} {
		if f.value != "" {
			if _, err := mail.ParseAddressList(f.value); err != nil {
				p.Add(judge.Or(judge.Child(node, f.name), node), "step %q: message %q: %s %q should be addresses separated by commas", step, m.ID, f.name, f.value)
			}
		}
	}
	if m.Subject == "" || m.Body == "" || m.Date == "" {
		p.Add(node, "step %q: message %q needs a date, a subject and a body", step, m.ID)
	}
	ln := judge.Child(node, "links")
	for i, l := range m.Links {
		if l == nil {
			l = &Link{}
			m.Links[i] = l
		}
		lnode := judge.Or(judge.Item(ln, i), node)
		p.UnknownKeys(lnode, l)
		checkID(p, lnode, step, "link", l.ID, links)
		if l.Text == "" || l.Host() == "" {
			p.Add(lnode, "step %q: link %q needs text and a url with a web address (https://…)", step, l.ID)
		}
		if !strings.Contains(m.Body, "[["+l.ID+"]]") {
			p.Add(lnode, "step %q: link %q is not in the body of message %q: write [[%s]] where it goes", step, l.ID, m.ID, l.ID)
		}
	}
	for _, ref := range LinkRef.FindAllStringSubmatch(m.Body, -1) {
		if m.Link(ref[1]) == nil {
			p.Add(judge.Or(judge.Child(node, "body"), node), "step %q: message %q shows [[%s]], but has no link with that id", step, m.ID, ref[1])
		}
	}
}

// checkID reports a missing, badly written, too long or repeated id, and
// adds it to seen.
func checkID(p *judge.Problems, n *yaml.Node, step, what, id string, seen map[string]bool) {
	node := judge.Or(judge.Child(n, "id"), n)
	switch {
	case !judge.IDPattern.MatchString(id):
		p.Add(node, "step %q: %s id %q should be lowercase letters, digits and dashes", step, what, id)
	case len(id) > 30:
		p.Add(node, "step %q: %s id %q is longer than 30 characters", step, what, id)
	case seen[id]:
		p.Add(node, "step %q: %s id %q is used twice", step, what, id)
	}
	seen[id] = true
}

func (x *Inbox) Shape() []string {
	out := []string{"me " + x.Me}
	for _, m := range x.Messages {
		s := "message " + m.ID + " in " + m.Folder
		for _, l := range m.Links {
			s += " link " + l.ID + " " + l.URL
		}
		out = append(out, s)
	}
	for _, d := range x.Documents {
		out = append(out, "document "+d.ID+" "+d.Name)
	}
	for _, r := range x.Rules {
		s := "rule " + r.ID + " " + r.Check
		if v := checkKinds[r.Check]; v != "words" && v != "words?" {
			s += " " + strings.Join(r.Values, ",")
		}
		var wrong []string
		for id := range r.Wrong {
			wrong = append(wrong, id)
		}
		sort.Strings(wrong)
		out = append(out, s+" "+strings.Join(wrong, ","))
	}
	return out
}
