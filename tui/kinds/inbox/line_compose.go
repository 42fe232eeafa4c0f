package inbox

// The compose form in accessible mode: writing an email one box at a
// time (To, Cc, Subject, then the message, ended by an empty line).

import (
	"strings"

	inboxjudge "aula/lessons/kinds/inbox"
	"aula/tui/access"
)

// startForm starts going through the boxes of a new email.
func (l *inboxLines) startForm() []string {
	cat := l.c.Cat
	f := l.e.Form
	l.stage, l.body, l.sure, l.back = stageTo, nil, false, false
	title := cat.T("inbox_compose_new")
	if f.orig != nil {
		title = cat.T("inbox_compose_"+f.kind, "Subject", f.orig.subject)
	}
	if f.kind == inboxjudge.SendReply {
		l.stage = stageBody // To and Subject are filled in, as on the full screen
		return []string{title, cat.T("inbox_to") + " " + f.Inputs[FieldTo].Value(), cat.T("inbox_subject") + " " + f.Inputs[FieldSubject].Value()}
	}
	return []string{title}
}

func (l *inboxLines) composeLine(text string) []string {
	if l.sure {
		l.sure = false
		if i, ok := access.Number(text, 2); ok && i == 2 {
			l.e.closeCompose()
			return nil
		}
		return []string{l.c.Cat.T("line_inbox_keep_writing")}
	}
	if l.stage != stageBody && access.IsWord(l.c, text, "line_cmd_back") {
		return l.discard()
	}
	if l.stage != stageReady {
		return l.boxLine(text)
	}
	return l.draftCommand(text)
}

// boxLine takes text for the box being asked for.
func (l *inboxLines) boxLine(text string) []string {
	f := l.e.Form
	set := func(field int, v string) {
		if v = strings.TrimSpace(v); v != "" {
			f.Inputs[field].SetValue(v)
			if f.bad == field {
				f.bad = -1
			}
		}
	}
	switch l.stage {
	case stageTo:
		set(FieldTo, text)
		return l.nextBox(stageCc)
	case stageCc:
		set(FieldCc, text)
		return l.nextBox(stageSubject)
	case stageSubject:
		set(FieldSubject, text)
		return l.nextBox(stageBody)
	}
	if strings.TrimSpace(text) != "" {
		l.body = append(l.body, text)
		return nil
	}
	if len(l.body) > 0 {
		f.Body.SetValue(strings.Join(l.body, "\n"))
		f.full = f.Body.Length() >= BodyLimit
	}
	l.body = nil
	out := l.nextBox(stageReady)
	if f.full {
		out = append(out, l.c.Cat.T("inbox_body_full", "Max", BodyLimit))
	}
	return out
}

// nextBox goes on to the next box after one, or back to the summary when
// the box was asked for from there (or an address was refused).
func (l *inboxLines) nextBox(stage composeStage) []string {
	if l.back || stage == stageReady {
		l.back, l.stage = false, stageReady
		return l.summary()
	}
	l.stage = stage
	return nil
}

// draftCommand handles a command about the draft: send, attach, change a
// box, discard.
func (l *inboxLines) draftCommand(text string) []string {
	cat := l.c.Cat
	e := l.e
	f := e.Form
	cmd, arg := access.FirstWord(text)
	is := func(id string) bool { return access.IsWord(l.c, cmd, id) }
	switch {
	case is("line_cmd_send"):
		l.send()
	case is("line_cmd_attach"):
		i, ok := access.Number(arg, len(e.Ex.Documents))
		if !ok {
			return l.documents()
		}
		e.pick(e.Ex.Documents[i-1].ID)
	case is("line_cmd_to"):
		l.stage, l.back = stageTo, true
	case is("line_cmd_cc"):
		l.stage, l.back = stageCc, true
	case is("line_cmd_subject"):
		l.stage, l.back = stageSubject, true
	case is("line_cmd_body"):
		l.stage, l.back = stageBody, true
		f.Body.SetValue("")
		return []string{cat.T("line_inbox_body_again")}
	case is("line_cmd_discard"), access.IsWord(l.c, text, "line_cmd_back"):
		return l.discard()
	case strings.TrimSpace(text) == "":
		return l.summary()
	default:
		return []string{cat.T("line_not_understood", "Text", access.Clip(text, 40), "Help", l.w("line_cmd_help"))}
	}
	return nil
}

// send sends the draft; when an address is refused, the box to mend is
// asked for first, then back to the summary.
func (l *inboxLines) send() {
	f := l.e.Form
	l.e.send()
	if l.e.Form != nil {
		l.stage, l.back = stageTo, true
		if f.bad == FieldCc {
			l.stage = stageCc
		}
	}
}

// discard closes an empty form, and asks before throwing a draft away.
func (l *inboxLines) discard() []string {
	if !l.e.Form.dirty() && len(l.body) == 0 {
		l.e.closeCompose()
		return []string{l.c.Cat.T("line_inbox_back_to_mail")}
	}
	l.sure = true
	cat := l.c.Cat
	return append([]string{cat.T("inbox_discard_title"), cat.T("inbox_discard_text")},
		access.Numbered([]string{cat.T("inbox_keep_writing"), cat.T("inbox_discard")})...)
}
