package inbox

import (
	"slices"
	"strings"
	"unicode/utf8"

	"aula/lessons/judge"
	"aula/lessons/validate"
)

// outcome is what one rule finds.
type outcome struct {
	ok      bool
	pending bool   // not done yet; nothing wrong so far
	about   string // the message or link a mistake is about
	v       judge.Verdict
}

var met = outcome{ok: true}

func (r *MailRule) fail(mistake string) outcome {
	return outcome{v: r.Miss(mistake)}
}

// notYet is the rule not met yet, with nothing wrong so far.
func (r *MailRule) notYet() outcome {
	o := r.fail(r.ID)
	o.pending = true
	return o
}

// eval judges the answer against the rule: first the checks about what
// was done in the mailbox, then those about the last email sent.
func (r *MailRule) eval(x *Inbox, a *Answer) outcome {
	if o, ok := r.evalMailbox(x, a); ok {
		return o
	}
	m := a.lastDelivered()
	if m == nil {
		o := r.notYet()
		if r.Check != "sent" {
			o.v.Feedback, o.v.Reason = "", judge.ReasonNotSent
		}
		return o
	}
	return r.evalSent(x, m)
}

// evalMailbox judges the checks about the mailbox (opened, inspected,
// no-link, removed, kept); ok is false for the other checks.
func (r *MailRule) evalMailbox(x *Inbox, a *Answer) (o outcome, ok bool) {
	switch r.Check {
	case "opened":
		for _, id := range r.Values {
			if slices.Contains(a.Opened, id) {
				return met, true
			}
		}
		return r.notYet(), true
	case "inspected":
		if !containsAll(a.Inspected, r.Values) {
			return r.notYet(), true
		}
		return met, true
	case "no-link":
		// Opening a page is judged when it happens.
		if l := a.Last; l != nil && l.Kind == ActFollow && slices.Contains(r.Values, l.Link) {
			o := r.fail(r.ID)
			o.about = l.Link
			return o, true
		}
		return met, true
	case "removed":
		for _, id := range r.Values {
			if !a.removed(id) {
				return r.notYet(), true
			}
		}
		return met, true
	case "kept":
		for _, id := range r.Values {
			if a.removed(id) {
				o := r.fail(r.ID + ":" + id)
				if m := x.Mail(id); m != nil && m.About != "" {
					o.v.Feedback = m.About
				}
				o.about = id
				return o, true
			}
		}
		return met, true
	}
	return outcome{}, false
}

// containsAll says whether list has every one of want.
func containsAll(list, want []string) bool {
	for _, id := range want {
		if !slices.Contains(list, id) {
			return false
		}
	}
	return true
}

// evalSent judges the checks about the last email that went out, m.
func (r *MailRule) evalSent(x *Inbox, m *SentMail) outcome {
	switch r.Check {
	case "sent":
		return met
	case "new":
		if m.Kind == SendNew {
			return met
		}
	case "reply", "forward":
		return r.evalAnswered(x, m)
	case "to":
		return r.addresses(m.To)
	case "cc":
		return r.addresses(m.Cc)
	case "subject":
		s := strings.TrimSpace(m.Subject)
		if s != "" && (len(r.Values) == 0 || mentionsAny(s, r.Values)) {
			return met
		}
	case "body":
		if mentionsAny(m.Body, r.Values) {
			return met
		}
	case "attachment":
		return r.evalAttachments(x, m)
	default:
		return outcome{v: judge.Verdict{Reason: judge.ReasonInvalid}}
	}
	return r.fail(r.ID)
}

// evalAnswered judges a reply or forward check: the right message answered.
func (r *MailRule) evalAnswered(x *Inbox, m *SentMail) outcome {
	switch {
	case m.Kind != r.Check:
		return r.fail(r.ID)
	case slices.Contains(r.Values, m.Of):
		return met
	}
	subject := m.Subject
	if orig := x.Mail(m.Of); orig != nil {
		subject = orig.Subject
	}
	return outcome{v: judge.Verdict{Reason: judge.ReasonOtherMessage, Param: shorten(subject), Mistake: r.ID + ":other"}}
}

// evalAttachments judges an attachment check: these documents, no others.
func (r *MailRule) evalAttachments(x *Inbox, m *SentMail) outcome {
	for _, id := range m.Attachments {
		if !slices.Contains(r.Values, id) {
			name := id
			if d := x.Document(id); d != nil {
				name = d.Name
			}
			return outcome{v: judge.Verdict{Feedback: r.Wrong[id], Reason: judge.ReasonWrongDoc, Param: name, Mistake: r.ID + ":" + id}}
		}
	}
	if !containsAll(m.Attachments, r.Values) {
		return r.fail(r.ID)
	}
	return met
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

// Solution is the sample answer (judge.Solvable).
func (x *Inbox) Solution() judge.Answer { return x.Sample() }
