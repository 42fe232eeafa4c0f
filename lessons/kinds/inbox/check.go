package inbox

import (
	"net/mail"
	"slices"
	"sort"
	"strings"

	"aula/lessons/judge"
	"aula/lessons/validate"

	"gopkg.in/yaml.v3"
)

// known is what a mailbox's rules may name: its messages, links and
// documents, and the messages a rule asks to remove.
type known struct {
	msgs           map[string]*Mail
	links, docs    map[string]bool
	removed, rules map[string]bool
}

// Check checks the mailbox's own data: the persona's address, the
// messages and their links, the documents, and rules that name only what
// the mailbox has.
func (x *Inbox) Check(p *judge.Problems, step string, n *yaml.Node) {
	if x.Me == "" {
		p.Add(n, "step %q: an inbox step needs me: the practice persona's address", step)
	} else if !validate.ValidEmail(x.Me) {
		p.Add(judge.Or(judge.Child(n, "me"), n), "step %q: me %q is not a valid email address", step, x.Me)
	}
	k := &known{msgs: map[string]*Mail{}, links: map[string]bool{}, docs: map[string]bool{}, removed: map[string]bool{},
		rules: map[string]bool{"to": true, "cc": true, "nothing": true}} // reserved: address and reminder mistakes
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
		x.checkMail(p, step, node, m, k.msgs, k.links)
	}
	dn := judge.Child(n, "documents")
	for i, d := range x.Documents {
		if d == nil {
			d = &Document{}
			x.Documents[i] = d
		}
		node := judge.Or(judge.Item(dn, i), n)
		p.UnknownKeys(node, d)
		p.CheckID(node, step, "document", d.ID, k.docs)
		if d.Name == "" {
			p.Add(node, "step %q: document %q has no name", step, d.ID)
		}
	}
	rn := judge.Child(n, "rules")
	if len(x.Rules) == 0 {
		p.Add(n, "step %q: an inbox step needs rules that say what to do", step)
	}
	for i, r := range x.Rules {
		if r == nil {
			r = &MailRule{}
			x.Rules[i] = r
		}
		r.check(p, step, i, judge.Or(judge.Item(rn, i), n), k)
	}
}

// check checks rule number i (from 0) at node against what the mailbox has.
func (r *MailRule) check(p *judge.Problems, step string, i int, node *yaml.Node, k *known) {
	p.UnknownKeys(node, r)
	what := p.Sprintf("step %q rule %d", step, i+1)
	if r.ID == "to" || r.ID == "cc" || r.ID == "nothing" {
		p.Add(judge.Or(judge.Child(node, "id"), node), "%s: id %q is reserved; choose another", what, r.ID)
	} else {
		p.CheckID(node, step, "rule", r.ID, k.rules)
	}
	values, vn, ok := p.CheckRule(node, what, r.ID, r.Feedback, r.Check, len(r.Values), checkKinds.Get())
	if !ok {
		return
	}
	for j, v := range r.Values {
		r.checkValue(p, what, values, v, judge.Or(judge.Item(vn, j), node), k)
	}
	if len(r.Wrong) > 0 && r.Check != "attachment" {
		p.Add(judge.Child(node, "wrong"), "%s: wrong is only for attachment checks", what)
	}
	for id, text := range r.Wrong {
		if !k.docs[id] || slices.Contains(r.Values, id) || strings.TrimSpace(text) == "" {
			p.Add(judge.Child(node, "wrong"), "%s: wrong %q should be a document not asked for, with words about it", what, id)
		}
	}
}

// checkValue checks one of the rule's values, of the kind values names.
func (r *MailRule) checkValue(p *judge.Problems, what, values, v string, vnode *yaml.Node, k *known) {
	switch values {
	case "messages":
		if k.msgs[v] == nil {
			p.Add(vnode, "%s: there is no message %q", what, v)
		}
	case "links":
		if !k.links[v] {
			p.Add(vnode, "%s: there is no link %q", what, v)
		}
	case "documents":
		if !k.docs[v] {
			p.Add(vnode, "%s: there is no document %q", what, v)
		}
	case "addresses":
		if !validate.ValidEmail(v) {
			p.Add(vnode, "%s: %q is not a valid email address", what, v)
		}
	}
	switch r.Check {
	case "removed":
		k.removed[v] = true
	case "kept":
		if k.removed[v] {
			p.Add(vnode, "%s: message %q cannot be both removed and kept", what, v)
		}
	}
}

func (x *Inbox) checkMail(p *judge.Problems, step string, node *yaml.Node, m *Mail, msgs map[string]*Mail, links map[string]bool) {
	ids := map[string]bool{}
	for id := range msgs {
		ids[id] = true
	}
	p.CheckID(node, step, "message", m.ID, ids)
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
		p.CheckID(lnode, step, "link", l.ID, links)
		if l.Text == "" || l.Host() == "" {
			p.Add(lnode, "step %q: link %q needs text and a url with a web address (https://…)", step, l.ID)
		}
		if !strings.Contains(m.Body, "[["+l.ID+"]]") {
			p.Add(lnode, "step %q: link %q is not in the body of message %q: write [[%s]] where it goes", step, l.ID, m.ID, l.ID)
		}
	}
	for _, ref := range LinkRef.Get().FindAllStringSubmatch(m.Body, -1) {
		if m.Link(ref[1]) == nil {
			p.Add(judge.Or(judge.Child(node, "body"), node), "step %q: message %q shows [[%s]], but has no link with that id", step, m.ID, ref[1])
		}
	}
}

// Shape lists what must be the same in every language.
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
		if v := checkKinds.Get()[r.Check]; v != "words" && v != "words?" {
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
