package form

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	formjudge "aula/lessons/kinds/form"
	"aula/tui/access"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// FormLines says the simulated online form as lines. The page is said with
// its fields numbered; the learner types a field's number, then its value
// (a drop-down's option, a file or a day by number too), or a word: next,
// back, card, add, remove 2, change 1 (on the review), submit. Every value
// goes in through the form's own inputs and methods, so its rules, its
// error summary, its timers and its outcomes are the full screen's.
type FormLines struct {
	c   *ui.Common
	E   *FormExercise
	sel string  // the field whose value the next line gives, by key; "" for none
	cmd tea.Cmd // what a line asks the runner to do (leaving, from the form's dialog)
}

// NewFormLines makes the accessible-mode adapter of a form step.
func NewFormLines(c *ui.Common, _ *lessons.Step, ex exercise.Exercise) exercise.LineExercise {
	return exercise.AdaptLines(c, ex, func(c *ui.Common, e *FormExercise) exercise.LineExercise {
		return &FormLines{c: c, E: e}
	})
}

func (l *FormLines) w(id string) string { return access.Word(l.c, id) }

// Describe is said once when the step opens: the page and its fields.
func (l *FormLines) Describe() []string {
	cat := l.c.Cat
	fm := l.E.form
	out := []string{cat.T("line_form_site", "Practice", cat.T("form_practice"), "Site", strings.Join(nonEmpty(fm.Site, fm.Service), ", "))}
	if fm.Persona != nil {
		out = append(out, l.card()...)
	}
	return append(out, l.page()...)
}

// card is the persona card: the fictional data to copy.
func (l *FormLines) card() []string {
	p := l.E.form.Persona
	if p == nil {
		return []string{l.c.Cat.T("line_form_no_card")}
	}
	out := []string{access.Sentence(p.Title)}
	if p.Note != "" {
		out = append(out, p.Note)
	}
	for _, r := range p.Rows {
		out = append(out, r.Label+": "+r.Value)
	}
	return append(out, l.c.Cat.T("line_form_card_end", "Word", l.w("line_cmd_card")))
}

// page says what the form shows now: a page with its fields numbered, the
// review, the end of the session or the receipt.
func (l *FormLines) page() []string {
	e := l.E
	switch {
	case e.stage == stReceipt && e.receipt != nil:
		return l.receipt()
	case e.stage == stExpired:
		return l.expired()
	case e.Page >= e.reviewPage():
		return l.review()
	}
	cat := l.c.Cat
	pg := e.form.Pages[e.Page]
	out := []string{cat.T("form_page_of", "N", e.Page+1, "Total", len(e.form.Pages)) + ": " + access.Sentence(pg.Title)}
	if pg.Intro != "" {
		out = append(out, pg.Intro)
	}
	n := 0
	for _, f := range pg.Fields {
		if f.Kind != "group" {
			n++
			out = append(out, l.fieldLines(n, e.Fields[f.ID])...)
			continue
		}
		g := e.Groups[f.ID]
		out = append(out, access.Sentence(f.Label))
		if f.Help != "" {
			out = append(out, f.Help)
		}
		if len(g.Serials) == 0 {
			out = append(out, cat.T("form_group_none"))
		}
		for i, serial := range g.Serials {
			out = append(out, f.Item+" "+strconv.Itoa(i+1)+":")
			for _, sf := range f.Fields {
				n++
				out = append(out, l.fieldLines(n, e.Fields[ItemKey(f.ID, serial, sf.ID)])...)
			}
		}
		if len(g.Serials) < f.MaxItem || len(g.Serials) > 0 {
			out = append(out, cat.T("line_form_group_words", "Add", l.w("line_cmd_add"), "Remove", l.w("line_cmd_remove"),
				"Item", strings.ToLower(f.Item), "Max", f.MaxItem))
		}
	}
	return out
}

// fieldLines is field n in words: its label, "required", its value, its
// help and its error; a code field adds the SMS.
func (l *FormLines) fieldLines(n int, fs *fieldState) []string {
	cat := l.c.Cat
	f := fs.F
	parts := []string{fmt.Sprintf("%d. %s", n, labelSentence(f.Label))}
	if f.Required {
		parts = append(parts, access.Sentence(cat.T("line_form_required")))
	}
	parts = append(parts, access.Sentence(l.valueText(fs)))
	if f.Help != "" {
		parts = append(parts, access.Sentence(f.Help))
	}
	if fs.Err != "" {
		parts = append(parts, cat.T("line_form_error", "Text", l.ErrorText(f, fs.Err)))
	}
	out := []string{strings.Join(parts, " ")}
	if f.Kind == "code" {
		out = append(out, l.sms(f)...)
	}
	return out
}

// labelSentence is a label as a sentence of its own: "Nombre.",
// "Teléfono (opcional).".
func labelSentence(label string) string {
	label = strings.TrimSpace(label)
	if strings.HasSuffix(label, "?") || strings.HasSuffix(label, "!") || strings.HasSuffix(label, ".") {
		return label
	}
	return label + "."
}

// valueText is what a field holds now, in words.
func (l *FormLines) valueText(fs *fieldState) string {
	cat := l.c.Cat
	if fs.F.Kind == "check" {
		if fs.Value == "yes" {
			return cat.T("line_form_ticked")
		}
		return cat.T("line_form_unticked")
	}
	if v := l.E.fieldValueText(fs); v != "" {
		return cat.T("line_form_value", "Value", access.Clip(v, 80))
	}
	return cat.T("line_form_empty")
}

// ErrorText is the form's words for a rule, or, where those speak of
// keys, the same in words for typing.
func (l *FormLines) ErrorText(f *formjudge.Field, rule string) string {
	if f.Errors[rule] == "" {
		if s := l.c.Cat.T("line_form_err_" + rule); s != "line_form_err_"+rule {
			return s
		}
	}
	return l.E.ErrorText(f, rule)
}

// sms says the message on the simulated phone.
func (l *FormLines) sms(f *formjudge.Field) []string {
	cat := l.c.Cat
	sent, ok := l.E.Codes[f.ID]
	if !ok {
		return []string{cat.T("form_sms_waiting")}
	}
	out := []string{cat.T("form_sms_title") + ": " + f.Sender + ": " +
		cat.T("form_sms_text", "Label", f.Label, "Code", sent.Code, "Time", sent.Expires.Format("15:04"))}
	now := l.c.Now()
	if !now.Before(sent.Expires) {
		return append(out, cat.T("form_sms_expired")+" "+cat.T("line_form_new_code", "Word", l.w("line_cmd_new_code")))
	}
	return append(out, cat.T("form_sms_left", "Left", clockText(sent.Expires.Sub(now)))+". "+
		cat.T("line_form_new_code", "Word", l.w("line_cmd_new_code")))
}

// review says every answer, page by page, each page numbered for "change".
func (l *FormLines) review() []string {
	cat := l.c.Cat
	e := l.E
	out := []string{access.Sentence(cat.T("form_review_title")), cat.T("line_form_review_intro", "Change", l.w("line_cmd_change"))}
	for i, pg := range e.form.Pages {
		out = append(out, fmt.Sprintf("%d. %s", i+1, access.Sentence(pg.Title)))
		for _, f := range pg.Fields {
			switch f.Kind {
			case "check":
				out = append(out, labelSentence(f.Label)+" "+access.Sentence(l.valueText(e.Fields[f.ID])))
			case "group":
				g := e.Groups[f.ID]
				if len(g.Serials) == 0 {
					out = append(out, f.Label+": "+cat.T("form_group_none"))
				}
				for n, serial := range g.Serials {
					var parts []string
					for _, sf := range f.Fields {
						if v := e.fieldValueText(e.Fields[ItemKey(f.ID, serial, sf.ID)]); v != "" {
							parts = append(parts, v)
						}
					}
					out = append(out, f.Item+" "+strconv.Itoa(n+1)+": "+strings.Join(parts, ", "))
				}
			default:
				v := e.fieldValueText(e.Fields[f.ID])
				if v == "" {
					v = cat.T("form_review_empty")
				}
				out = append(out, f.Label+": "+v)
			}
		}
	}
	return out
}

// expired is the end of the session in words.
func (l *FormLines) expired() []string {
	cat := l.c.Cat
	e := l.E
	out := []string{access.Sentence(cat.T("form_timeout_title")), cat.T("form_timeout_text", "Minutes", max(int(e.form.Timeout/time.Minute), 1))}
	if e.lostPage != "" {
		out = append(out, cat.T("form_timeout_lost", "Page", e.lostPage))
	}
	return append(out, cat.T("form_timeout_kept"))
}

// receipt is the proof of submission in words.
func (l *FormLines) receipt() []string {
	cat := l.c.Cat
	r, rc := l.E.receipt, l.E.form.Receipt
	out := []string{access.Sentence(rc.Title)}
	if r.reference != "" {
		label := rc.Label
		if label == "" {
			label = cat.T("form_receipt_ref")
		}
		out = append(out, label+": "+r.reference)
	}
	out = append(out, cat.T("form_receipt_date")+": "+r.at.Format("02/01/2006 15:04"))
	for _, s := range r.shown {
		out = append(out, s[0]+": "+s[1])
	}
	if len(r.docs) > 0 {
		out = append(out, cat.T("form_receipt_docs")+": "+strings.Join(r.docs, ", "))
	}
	if rc.Text != "" {
		out = append(out, rc.Text)
	}
	return out
}

// fields are the fields of the page, in the order they are numbered.
func (l *FormLines) fields() []*fieldState { return l.E.PageFieldsInOrder() }

// Prompt says what to type now.
func (l *FormLines) Prompt() string {
	cat := l.c.Cat
	e := l.E
	switch {
	case e.done:
		return cat.T("line_press_enter")
	case e.dlg != nil:
		return cat.T("line_type_number")
	case e.stage == stExpired:
		return cat.T("line_form_sign_in", "Word", l.w("line_cmd_next"))
	case e.Page >= e.reviewPage():
		return cat.T("line_form_review_prompt", "Change", l.w("line_cmd_change"), "Submit", l.w("line_cmd_submit"))
	}
	if fs := e.Fields[l.sel]; fs != nil {
		switch fs.F.Kind {
		case "select", "radio":
			return cat.T("line_form_ask_option")
		case "check":
			return cat.T("line_form_ask_check", "Yes", l.w("line_cmd_yes"), "No", l.w("line_cmd_no"))
		case "file":
			return cat.T("line_form_ask_file")
		case "day":
			return cat.T("line_form_ask_day")
		}
		if v := fs.Input.Value(); v != "" {
			return cat.T("line_form_ask_keep", "Label", fs.F.Label, "Value", v, "Clear", l.w("line_cmd_clear"))
		}
		return cat.T("line_form_ask_text", "Label", fs.F.Label)
	}
	if l.nextTarget().Kind == TSubmit {
		return cat.T("line_form_prompt_submit", "Next", l.w("line_cmd_submit"))
	}
	if e.Back {
		return cat.T("line_form_prompt_review", "Next", l.w("line_cmd_form_next"))
	}
	return cat.T("line_form_prompt", "Next", l.w("line_cmd_form_next"))
}

// LineCommands are the words the form understands.
func (l *FormLines) LineCommands() []string {
	cat := l.c.Cat
	if l.E.Page >= l.E.reviewPage() {
		return []string{cat.T("line_form_words_review", "Change", l.w("line_cmd_change"), "Submit", l.w("line_cmd_submit"),
			"Back", l.w("line_cmd_form_back"), "Card", l.w("line_cmd_card"))}
	}
	return []string{cat.T("line_form_words", "Next", l.w("line_cmd_form_next"), "Back", l.w("line_cmd_form_back"),
		"Card", l.w("line_cmd_card"), "Add", l.w("line_cmd_add"), "Remove", l.w("line_cmd_remove"),
		"File", l.w("line_cmd_file"), "Code", l.w("line_cmd_new_code"), "Submit", l.w("line_cmd_submit"))}
}

// LineCmd keeps the form's timer running after a line (the session and
// the SMS code count on c.Tick, as on the full screen).
func (l *FormLines) LineCmd() tea.Cmd {
	cmd := l.cmd
	l.cmd = nil
	return tea.Batch(cmd, l.E.ensureTick())
}

// LineNews says what changes on its own: the warning before the session
// ends, its end, an SMS code that expired, and the receipt.
func (l *FormLines) LineNews() []access.Note {
	e := l.E
	cat := l.c.Cat
	now := l.c.Now()
	var out []access.Note
	stamp := strconv.FormatInt(e.lastInput.UnixNano(), 10)
	switch {
	case e.stage == stReceipt && e.receipt != nil:
		out = append(out, access.Note{ID: "form-receipt", Text: strings.Join(l.receipt(), "\n")})
	case e.done:
	case e.stage == stExpired:
		out = append(out, access.Note{ID: "form-expired:" + stamp, Text: strings.Join(l.expired(), "\n")})
	default:
		if left, ok := e.warningLeft(now); ok {
			out = append(out, access.Note{ID: "form-warning:" + stamp, Text: cat.T("line_form_warning", "Left", clockText(left))})
		}
		if e.Page < e.reviewPage() {
			for _, f := range e.form.Pages[e.Page].Fields {
				if sent, ok := e.Codes[f.ID]; ok && f.Kind == "code" && !now.Before(sent.Expires) {
					out = append(out, access.Note{ID: "form-code:" + sent.Code, Text: cat.T("form_sms_expired") + " " +
						cat.T("line_form_new_code", "Word", l.w("line_cmd_new_code"))})
				}
			}
		}
	}
	return out
}

// Spoken adds the page to what F6 reads.
func (l *FormLines) Spoken() string { return strings.Join(l.page(), "\n") }

// nextTarget is the page's Next (or Submit) button.
func (l *FormLines) nextTarget() Target {
	for _, t := range l.E.Targets() {
		if t.Kind == TNext || t.Kind == TSubmit {
			return t
		}
	}
	return Target{Kind: TNext}
}

// Press presses the target that matches t, with the focus on it, as Enter
// would.
func (l *FormLines) Press(t Target) {
	e := l.E
	for i, o := range e.Targets() {
		if o == t {
			e.Focus = i
			e.focusField()
			e.activate(o, true)
			return
		}
	}
}

// Line takes one typed line: a value, a field number or a command.
func (l *FormLines) Line(text string) ([]string, bool) {
	e := l.E
	if e.done || e.stage == stReceipt {
		return nil, false
	}
	now := l.c.Now()
	if e.checkTimeout(now) {
		// The line that finds the session ended only says that it ended.
		l.sel = ""
		return nil, false
	}
	if e.stage == stExpired {
		l.sel = ""
		e.signInAgain()
		return l.page(), false
	}
	e.lastInput = now
	e.showTop = false
	e.popup = popNone
	if e.dlg != nil {
		return l.dialog(text), false
	}
	if l.sel != "" {
		if out, ok := l.value(text); ok {
			return out, false
		}
	}
	return l.command(text), false
}
