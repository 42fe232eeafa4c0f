package form

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
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

var NewFormLines = exercise.LineAdapter(func(c *ui.Common, e *FormExercise) exercise.LineExercise {
	return &FormLines{c: c, E: e}
})

func (l *FormLines) w(id string) string { return access.Word(l.c, id) }

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
func (l *FormLines) ErrorText(f *lessons.Field, rule string) string {
	if f.Errors[rule] == "" {
		if s := l.c.Cat.T("line_form_err_" + rule); s != "line_form_err_"+rule {
			return s
		}
	}
	return l.E.ErrorText(f, rule)
}

// sms says the message on the simulated phone.
func (l *FormLines) sms(f *lessons.Field) []string {
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

// command handles a line that is not a field's value.
func (l *FormLines) command(text string) []string {
	cat := l.c.Cat
	e := l.E
	cmd, arg := access.FirstWord(text)
	is := func(id string) bool { return access.IsWord(l.c, cmd, id) }
	review := e.Page >= e.reviewPage()
	switch {
	case strings.TrimSpace(text) == "":
		return []string{l.Prompt()}
	case is("line_cmd_card") && arg == "":
		return l.card()
	case (is("line_cmd_next") || is("line_cmd_form_next")) && arg == "", is("line_cmd_submit") && arg == "":
		if review || l.nextTarget().Kind == TSubmit {
			return l.act(Target{Kind: TSubmit})
		}
		if is("line_cmd_submit") {
			return []string{cat.T("line_form_submit_later", "Next", l.w("line_cmd_form_next"))}
		}
		return l.act(l.nextTarget())
	case is("line_cmd_form_back") && arg == "", access.IsWord(l.c, text, "line_cmd_back"):
		if e.Page == 0 {
			if e.WantsEsc() {
				// As Esc: the form asks before the answers typed are lost.
				e.escape()
				return l.dialogLines()
			}
			return []string{cat.T("line_form_first_page")}
		}
		e.goBack()
		return l.page()
	case is("line_cmd_change"):
		if !review {
			return []string{cat.T("line_form_change_on_review")}
		}
		i, ok := access.Number(arg, len(e.form.Pages))
		if !ok {
			return []string{access.NotNumber(l.c, arg, len(e.form.Pages))}
		}
		l.Press(Target{Kind: tChange, N: i - 1})
		return l.page()
	}
	if review {
		return []string{cat.T("line_not_understood", "Text", access.Clip(text, 40), "Help", l.w("line_cmd_help"))}
	}
	switch {
	case is("line_cmd_add"):
		return l.add(arg)
	case is("line_cmd_remove"):
		return l.remove(arg)
	case is("line_cmd_new_code"):
		for _, fs := range l.fields() {
			if fs.F.Kind == "code" {
				l.Press(Target{Kind: tNewCode, Key: fs.key})
				return l.sms(fs.F)
			}
		}
		return []string{cat.T("line_form_no_code")}
	case is("line_cmd_file"):
		fs := l.only("file")
		if fs == nil {
			return []string{cat.T("line_form_file_which")}
		}
		l.sel = fs.key
		if _, ok := access.Number(arg, len(e.form.Files)); ok {
			out, _ := l.value(arg)
			return out
		}
		return l.ask(fs)
	case is("line_cmd_yes") && arg == "", is("line_cmd_no") && arg == "":
		if fs := l.only("check"); fs != nil {
			l.sel = fs.key
			out, _ := l.value(text)
			return out
		}
	}
	fields := l.fields()
	if i, ok := access.Number(text, len(fields)); ok {
		fs := fields[i-1]
		l.sel = fs.key
		e.FocusOn(fs.key)
		return l.ask(fs)
	}
	if _, err := strconv.Atoi(strings.TrimSpace(text)); err == nil {
		return []string{l.c.Cat.T("line_form_no_such_field", "Text", access.Clip(text, 20), "Max", len(fields))}
	}
	return []string{cat.T("line_not_understood", "Text", access.Clip(text, 40), "Help", l.w("line_cmd_help"))}
}

// only is the page's one field of a kind (the consent, the upload), or nil
// when there is none or more than one.
func (l *FormLines) only(kind string) *fieldState {
	var found *fieldState
	for _, fs := range l.fields() {
		if fs.F.Kind == kind {
			if found != nil {
				return nil
			}
			found = fs
		}
	}
	return found
}

// act presses Next or Submit and says what came of it: the form's error
// summary, the next page, or nothing (the player checks a submitted form).
func (l *FormLines) act(t Target) []string {
	e := l.E
	before := e.Page
	e.summary = false
	l.Press(t)
	if e.pending {
		return nil
	}
	var out []string
	if e.Page != before {
		out = l.page()
	}
	if e.summary {
		out = append(out, l.errors()...)
	}
	return out
}

// errors is the form's error summary: each error with its field.
func (l *FormLines) errors() []string {
	var items []string
	for i, fs := range l.fields() {
		if fs.Err != "" {
			items = append(items, fmt.Sprintf("%d. %s: %s", i+1, strings.TrimSuffix(fs.F.Label, "."), l.ErrorText(fs.F, fs.Err)))
		}
	}
	if len(items) == 0 {
		return nil
	}
	return append([]string{l.c.Cat.T("form_errors_title", "Count", len(items))}, items...)
}

// ask says what field fs takes: its options, files or days numbered.
func (l *FormLines) ask(fs *fieldState) []string {
	cat := l.c.Cat
	f := fs.F
	var out []string
	if !f.IsText() {
		// A typed field's prompt says its label and value.
		out = append(out, labelSentence(f.Label)+" "+access.Sentence(l.valueText(fs)))
	}
	if f.Help != "" {
		out = append(out, f.Help)
	}
	switch f.Kind {
	case "select", "radio":
		out = append(out, access.Numbered(optionTexts(f, cat.T("form_option_full")))...)
	case "file":
		var names []string
		for _, file := range l.E.form.Files {
			names = append(names, file.Name+", "+sizeText(cat, file.KB)+". "+file.Text)
		}
		out = append(out, cat.T("form_picker_folder"))
		out = append(out, access.Numbered(names)...)
	case "day":
		var days []string
		for _, d := range l.days(f) {
			state := cat.T("form_day_free")
			switch f.DayRule(d, l.c.Now()) {
			case "day_full":
				state = cat.T("form_day_full")
			case "day_closed":
				state = cat.T("form_day_closed")
			}
			days = append(days, longDate(l.c, d)+": "+state)
		}
		out = append(out, access.Numbered(days)...)
	case "code":
		out = append(out, l.sms(f)...)
	}
	return out
}

// days are the days a calendar offers, from tomorrow.
func (l *FormLines) days(f *lessons.Field) []time.Time {
	now := l.c.Now()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	out := make([]time.Time, 0, max(f.Days, 0))
	for i := 1; i <= f.Days && i <= 366; i++ {
		out = append(out, today.AddDate(0, 0, i))
	}
	return out
}

// value gives the chosen field the line, through the form's own input or
// methods. ok is false when the line is not a value for it (a command):
// the field is let go and the line handled as a command.
func (l *FormLines) value(text string) ([]string, bool) {
	cat := l.c.Cat
	e := l.E
	fs := e.Fields[l.sel]
	if fs == nil {
		l.sel = ""
		return nil, false
	}
	f := fs.F
	t := strings.TrimSpace(text)
	pick := func(n int) (int, bool) {
		if t == "" {
			l.sel = ""
			return 0, false
		}
		_, arg := access.FirstWord(t)
		if i, ok := access.Number(t, n); ok {
			return i - 1, true
		}
		if i, ok := access.Number(arg, n); ok && f.Kind == "file" && access.IsWord(l.c, strings.Fields(t)[0], "line_cmd_file") {
			return i - 1, true
		}
		return 0, false
	}
	switch f.Kind {
	case "text", "date", "code":
		l.sel = ""
		if t == "" {
			return []string{cat.T("line_form_kept")}, true
		}
		if access.IsWord(l.c, t, "line_cmd_clear") {
			fs.Input.SetValue("")
			e.changed(fs)
			return []string{cat.T("line_form_cleared")}, true
		}
		fs.Input.SetValue(access.ClipRunes(t, fs.Input.CharLimit))
		e.changed(fs)
	case "select", "radio":
		i, ok := pick(len(f.Options))
		if !ok {
			if t == "" {
				return []string{cat.T("line_form_kept")}, true
			}
			if _, err := strconv.Atoi(t); err == nil {
				return []string{access.NotNumber(l.c, t, len(f.Options))}, true
			}
			l.sel = ""
			return nil, false
		}
		if f.Kind == "select" {
			e.openPopup(popSelect, fs.key, i)
			e.pick(fs, i)
		} else {
			l.Press(Target{Kind: tOption, Key: fs.key, N: i})
		}
	case "file":
		i, ok := pick(len(e.form.Files))
		if !ok {
			if t == "" {
				return []string{cat.T("line_form_kept")}, true
			}
			if _, err := strconv.Atoi(t); err == nil {
				return []string{access.NotNumber(l.c, t, len(e.form.Files))}, true
			}
			if w, arg := access.FirstWord(t); access.IsWord(l.c, w, "line_cmd_file") {
				return []string{access.NotNumber(l.c, arg, len(e.form.Files))}, true
			}
			l.sel = ""
			return nil, false
		}
		e.openPopup(popPicker, fs.key, i)
		e.pick(fs, i)
	case "day":
		days := l.days(f)
		i, ok := pick(len(days))
		if !ok {
			if t == "" {
				return []string{cat.T("line_form_kept")}, true
			}
			if _, err := strconv.Atoi(t); err == nil {
				return []string{access.NotNumber(l.c, t, len(days))}, true
			}
			l.sel = ""
			return nil, false
		}
		fs.day = days[i]
		e.pickDay(fs)
	case "check":
		yes, no := access.IsWord(l.c, t, "line_cmd_yes"), access.IsWord(l.c, t, "line_cmd_no")
		if !yes && !no {
			if t == "" {
				l.sel = ""
				return []string{cat.T("line_form_kept")}, true
			}
			l.sel = ""
			return nil, false
		}
		if yes != (fs.Value == "yes") {
			e.FocusOn(fs.key)
			e.activate(Target{Kind: TField, Key: fs.key}, false) // as Space: tick or untick
		}
	default:
		l.sel = ""
		return nil, false
	}
	l.sel = ""
	out := []string{labelSentence(f.Label) + " " + access.Sentence(l.valueText(fs))}
	if fs.Err != "" {
		out = append(out, cat.T("line_form_error", "Text", l.ErrorText(f, fs.Err)))
	}
	return out, true
}

// groups are the repeating groups of the page.
func (l *FormLines) groups() []*groupState {
	var out []*groupState
	for _, f := range l.E.form.Pages[l.E.Page].Fields {
		if g := l.E.Groups[f.ID]; g != nil && f.Kind == "group" {
			out = append(out, g)
		}
	}
	return out
}

// add adds an item to the page's group (the first with room), as its Add
// button does, and asks for its first field.
func (l *FormLines) add(string) []string {
	cat := l.c.Cat
	gs := l.groups()
	if len(gs) == 0 {
		return []string{cat.T("line_form_no_group")}
	}
	for _, g := range gs {
		if len(g.Serials) < g.f.MaxItem {
			l.Press(Target{Kind: TAdd, Key: g.f.ID})
			out := []string{cat.T("line_form_added", "Item", g.f.Item, "N", len(g.Serials))}
			return append(out, l.page()...)
		}
	}
	return []string{cat.T("line_form_group_full", "Max", gs[0].f.MaxItem)}
}

// remove takes item n (as said: "Persona 2") out of the page's group.
func (l *FormLines) remove(arg string) []string {
	cat := l.c.Cat
	gs := l.groups()
	if len(gs) == 0 {
		return []string{cat.T("line_form_no_group")}
	}
	for _, g := range gs {
		if i, ok := access.Number(arg, len(g.Serials)); ok {
			item := g.f.Item
			l.Press(Target{Kind: TRemove, Key: g.f.ID, N: g.Serials[i-1]})
			out := []string{cat.T("line_form_removed", "Item", item, "N", i)}
			return append(out, l.page()...)
		}
	}
	if len(gs[0].Serials) == 0 {
		return []string{cat.T("form_group_none")}
	}
	return []string{cat.T("line_form_which_item", "Word", l.w("line_cmd_remove"), "Count", len(gs[0].Serials))}
}

// dialogLines says the form's own dialog (leave, losing what was typed?).
func (l *FormLines) dialogLines() []string {
	d := l.E.dlg
	if d == nil {
		return nil
	}
	var labels []string
	for _, b := range d.Buttons {
		labels = append(labels, b.Label)
	}
	return append([]string{d.Title, d.Text}, access.Numbered(labels)...)
}

// dialog answers the form's dialog by the number of a button.
func (l *FormLines) dialog(text string) []string {
	d := l.E.dlg
	i, ok := access.Number(text, len(d.Buttons))
	if !ok {
		return []string{access.NotNumber(l.c, text, len(d.Buttons))}
	}
	cmd, closed := d.Press(i - 1)
	if closed {
		l.E.dlg = nil
	}
	l.cmd = cmd
	if cmd == nil {
		return []string{l.Prompt()}
	}
	return nil
}
