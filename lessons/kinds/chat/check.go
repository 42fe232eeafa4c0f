package chat

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"aula/lessons/judge"
	"aula/lessons/validate"
)

// known is what the rules may name, by what each value is.
type known struct {
	ids   map[string]bool // every id of the step: conversations, replies, links
	chats map[string]bool
	reply map[string]bool // replies, and conversations one can reply in
	links map[string]bool
	bank  map[string]bool // conversations with a request
	calls map[string]bool // conversations with a call
	rules map[string]bool
}

// Check checks the phone's own data, each problem at its line:
// conversations with ids and names, messages with words, links with full
// addresses, requests with their buttons, and rules that name only what the
// phone has. Ids are unique across conversations, replies and links.
func (x *Chat) Check(p *judge.Problems, step string, n *yaml.Node) {
	k := &known{ids: map[string]bool{}, chats: map[string]bool{}, reply: map[string]bool{}, links: map[string]bool{},
		bank: map[string]bool{}, calls: map[string]bool{}, rules: map[string]bool{}}
	cn := judge.Child(n, "chats")
	if len(x.Chats) == 0 {
		p.Add(n, "step %q: a chat step needs chats", step)
	}
	for i, c := range x.Chats {
		if c == nil {
			c = &Conversation{}
			x.Chats[i] = c
		}
		c.check(p, step, judge.Or(judge.Item(cn, i), n), k)
	}
	rn := judge.Child(n, "rules")
	goals := 0
	for i, r := range x.Rules {
		if r == nil {
			r = &Rule{}
			x.Rules[i] = r
		}
		r.check(p, step, i, judge.Or(judge.Item(rn, i), n), k)
		if !IsMistake(r.Check) {
			goals++
		}
	}
	if goals == 0 {
		p.Add(judge.Or(rn, n), "step %q: a chat step needs at least one rule that says what to do (opened, replied, called, blocked, deleted, confirmed or refused)", step)
	}
	x.checkContradictions(p, step, rn, n)
}

// checkContradictions reports a request that one rule asks to confirm and
// another to refuse (or calls confirming it a mistake): no learner could
// do both.
func (x *Chat) checkContradictions(p *judge.Problems, step string, rn, n *yaml.Node) {
	want := map[string]string{} // request id → "confirm" or "refuse"
	for i, r := range x.Rules {
		var side string
		switch r.Check {
		case "confirmed", "not-refused":
			side = "confirm"
		case "refused", "not-confirmed":
			side = "refuse"
		default:
			continue
		}
		for _, v := range r.Values {
			if other, ok := want[v]; ok && other != side {
				p.Add(judge.Or(judge.Item(rn, i), n), "step %q rule %d: request %q is to be both confirmed and refused", step, i+1, v)
			}
			want[v] = side
		}
	}
}

func (c *Conversation) check(p *judge.Problems, step string, node *yaml.Node, k *known) {
	p.UnknownKeys(node, c)
	p.CheckID(node, step, "chat", c.ID, k.ids)
	k.chats[c.ID] = true
	if strings.TrimSpace(c.Name) == "" {
		p.Add(node, "step %q: chat %q needs a name (a contact's name, or the number)", step, c.ID)
	}
	switch c.App {
	case "":
		c.App = AppChat
	case AppChat, AppSMS, AppBank, AppAuth:
	default:
		p.Add(judge.Or(judge.Child(node, "app"), node), "step %q: chat %q: app should be chat, sms, bank or auth, not %q", step, c.ID, c.App)
	}
	if c.App == AppAuth && c.Request == nil {
		p.Add(node, "step %q: chat %q: an auth app needs a request to approve or refuse", step, c.ID)
	}
	if len(c.Messages) == 0 && c.Request == nil {
		p.Add(node, "step %q: chat %q needs messages or a request", step, c.ID)
	}
	c.checkMessages(p, step, node, k)
	c.checkReplies(p, step, node, k)
	if len(c.Replies) > 0 || c.Typing {
		k.reply[c.ID] = true
	}
	if c.Call != "" {
		k.calls[c.ID] = true
	}
	if q := c.Request; q != nil {
		qn := judge.Or(judge.Child(node, "request"), node)
		p.UnknownKeys(qn, q)
		if q.Text == "" || q.Confirm == "" || q.Refuse == "" {
			p.Add(qn, "step %q: chat %q: a request needs text, confirm and refuse", step, c.ID)
		}
		dn := judge.Child(qn, "details")
		for j, d := range q.Details {
			dnode := judge.Or(judge.Item(dn, j), qn)
			if d == nil {
				d = &Detail{}
				q.Details[j] = d
			}
			p.UnknownKeys(dnode, d)
			if strings.TrimSpace(d.Label) == "" || strings.TrimSpace(d.Value) == "" {
				p.Add(dnode, "step %q: chat %q: request detail %d needs label and value (Importe: 480,00 €)", step, c.ID, j+1)
			}
		}
		k.bank[c.ID] = true
	}
}

// valueSet is what a kind of value must be one of, and how a problem names it.
type valueSet struct {
	set  func(k *known) map[string]bool
	name string
}

// valueKind is what each kind of value must be, and how a problem names it.
func valueKind(values string) (vk valueSet) {
	switch values {
	case "chats":
		vk.set, vk.name = func(k *known) map[string]bool { return k.chats }, "chat"
	case "replies":
		vk.set, vk.name = func(k *known) map[string]bool { return k.reply }, "reply (or chat with replies)"
	case "links":
		vk.set, vk.name = func(k *known) map[string]bool { return k.links }, "link"
	case "bank":
		vk.set, vk.name = func(k *known) map[string]bool { return k.bank }, "chat with a request"
	}
	return vk
}

// check checks rule number i (from 0) at node against what the phone has.
func (r *Rule) check(p *judge.Problems, step string, i int, node *yaml.Node, k *known) {
	p.UnknownKeys(node, r)
	if len(r.Wrong) > 0 { // judge.Rule has it; a chat rule does not
		p.Add(judge.Child(node, "wrong"), "unknown field %q", "wrong")
	}
	what := p.Sprintf("step %q rule %d", step, i+1)
	p.CheckID(node, step, "rule", r.ID, k.rules)
	values, vn, ok := p.CheckRule(node, what, r.ID, r.Feedback, r.Check, len(r.Values), checkKinds.Get())
	if !ok {
		return
	}
	vk := valueKind(values)
	set := vk.set(k)
	if r.Check == "called" || r.Check == "not-called" {
		set = k.calls
	}
	for j, v := range r.Values {
		if !set[v] {
			name := vk.name
			if r.Check == "called" || r.Check == "not-called" {
				name = "chat with call"
			}
			p.Add(judge.Or(judge.Item(vn, j), node), "%s: there is no %s %q", what, name, v)
		}
	}
}

// Shape is what must be the same in every language: the conversations,
// their links, replies, calls and requests, and the rules.
func (x *Chat) Shape() []string {
	var out []string
	for _, c := range x.Chats {
		out = append(out, fmt.Sprintf("chat %s app=%s known=%t typing=%t call=%t request=%t messages=%d notify=%t",
			c.ID, c.App, c.Known, c.Typing, c.Call != "", c.Request != nil, len(c.Messages), c.Notify))
		if c.Request != nil && len(c.Request.Details) > 0 {
			out = append(out, fmt.Sprintf("details %s %d", c.ID, len(c.Request.Details)))
		}
		for _, m := range c.Messages {
			if m.Link != nil {
				out = append(out, "link "+m.Link.ID+" "+m.Link.URL)
			}
		}
		for _, r := range c.Replies {
			out = append(out, "reply "+r.ID)
		}
	}
	for _, r := range x.Rules {
		out = append(out, r.Shape())
	}
	return out
}

// checkMessages checks the conversation's messages and their links.
func (c *Conversation) checkMessages(p *judge.Problems, step string, node *yaml.Node, k *known) {
	mn := judge.Child(node, "messages")
	for j, m := range c.Messages {
		mnode := judge.Or(judge.Item(mn, j), node)
		if m == nil {
			p.Add(mnode, "step %q: chat %q message %d is empty", step, c.ID, j+1)
			c.Messages[j] = &Message{}
			continue
		}
		p.UnknownKeys(mnode, m)
		if (m.Text == "") == (m.Voice == "") {
			p.Add(mnode, "step %q: chat %q message %d needs text or voice (the length of a voice note), one of them", step, c.ID, j+1)
		}
		if m.Link != nil {
			ln := judge.Or(judge.Child(mnode, "link"), mnode)
			p.UnknownKeys(ln, m.Link)
			p.CheckID(ln, step, "link", m.Link.ID, k.ids)
			k.links[m.Link.ID] = true
			if h := validate.Host(m.Link.URL); h == "" || !strings.Contains(h, ".") {
				p.Add(ln, "step %q: link %q needs url: a full address such as https://banco-ejemplo.example/", step, m.Link.ID)
			}
		}
	}
}

// checkReplies checks the replies offered.
func (c *Conversation) checkReplies(p *judge.Problems, step string, node *yaml.Node, k *known) {
	rn := judge.Child(node, "replies")
	for j, r := range c.Replies {
		rnode := judge.Or(judge.Item(rn, j), node)
		if r == nil {
			r = &Reply{}
			c.Replies[j] = r
		}
		p.UnknownKeys(rnode, r)
		p.CheckID(rnode, step, "reply", r.ID, k.ids)
		k.reply[r.ID] = true
		if strings.TrimSpace(r.Text) == "" {
			p.Add(rnode, "step %q: reply %q needs text", step, r.ID)
		}
	}
}
