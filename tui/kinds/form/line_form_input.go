package form

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	filesjudge "aula/lessons/kinds/files"
	formjudge "aula/lessons/kinds/form"
	"aula/tui/access"
	"aula/tui/ui"
)

// command handles a line that is not a field's value.
func (l *FormLines) command(text string) []string {
	cat := l.c.Cat
	e := l.E
	if strings.TrimSpace(text) == "" {
		return []string{l.Prompt()}
	}
	if out, ok := l.moveCommand(text); ok {
		return out
	}
	if e.Page >= e.reviewPage() {
		return []string{cat.T("line_not_understood", "Text", access.Clip(text, 40), "Help", l.w("line_cmd_help"))}
	}
	if out, ok := l.pageCommand(text); ok {
		return out
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

// moveCommand handles the words that go from page to page (next, back,
// change, submit) and the persona's card; false when text is none of them.
func (l *FormLines) moveCommand(text string) ([]string, bool) {
	cat := l.c.Cat
	e := l.E
	cmd, arg := access.FirstWord(text)
	is := func(id string) bool { return access.IsWord(l.c, cmd, id) }
	review := e.Page >= e.reviewPage()
	switch {
	case is("line_cmd_card") && arg == "":
		return l.card(), true
	case (is("line_cmd_next") || is("line_cmd_form_next")) && arg == "", is("line_cmd_submit") && arg == "":
		if review || l.nextTarget().Kind == TSubmit {
			return l.act(Target{Kind: TSubmit}), true
		}
		if is("line_cmd_submit") {
			return []string{cat.T("line_form_submit_later", "Next", l.w("line_cmd_form_next"))}, true
		}
		return l.act(l.nextTarget()), true
	case is("line_cmd_form_back") && arg == "", access.IsWord(l.c, text, "line_cmd_back"):
		return l.back(), true
	case is("line_cmd_change"):
		if !review {
			return []string{cat.T("line_form_change_on_review")}, true
		}
		i, ok := access.Number(arg, len(e.form.Pages))
		if !ok {
			return []string{access.NotNumber(l.c, arg, len(e.form.Pages))}, true
		}
		l.Press(Target{Kind: tChange, N: i - 1})
		return l.page(), true
	}
	return nil, false
}

// back goes to the page before; on the first page it asks before leaving,
// as Esc does, once answers are typed.
func (l *FormLines) back() []string {
	e := l.E
	if e.Page == 0 {
		if e.WantsEsc() {
			// As Esc: the form asks before the answers typed are lost.
			e.escape()
			return l.dialogLines()
		}
		return []string{l.c.Cat.T("line_form_first_page")}
	}
	e.goBack()
	return l.page()
}

// pageCommand handles the words that act on the page (add or remove a
// person, a new code, a file, yes or no); false when text is none of them.
func (l *FormLines) pageCommand(text string) ([]string, bool) {
	cat := l.c.Cat
	cmd, arg := access.FirstWord(text)
	is := func(id string) bool { return access.IsWord(l.c, cmd, id) }
	switch {
	case is("line_cmd_add"):
		return l.add(arg), true
	case is("line_cmd_remove"):
		return l.remove(arg), true
	case is("line_cmd_new_code"):
		for _, fs := range l.fields() {
			if fs.F.Kind == "code" {
				l.Press(Target{Kind: tNewCode, Key: fs.key})
				return l.sms(fs.F), true
			}
		}
		return []string{cat.T("line_form_no_code")}, true
	case is("line_cmd_file"):
		return l.fileCommand(arg), true
	case is("line_cmd_yes") && arg == "", is("line_cmd_no") && arg == "":
		if fs := l.only("check"); fs != nil {
			l.sel = fs.key
			out, _ := l.value(text)
			return out, true
		}
	}
	return nil, false
}

// fileCommand is "archivo N": the page's upload gets file N.
func (l *FormLines) fileCommand(arg string) []string {
	fs := l.only("file")
	if fs == nil {
		return []string{l.c.Cat.T("line_form_file_which")}
	}
	l.sel = fs.key
	if _, ok := access.Number(arg, len(l.E.form.Files)); ok {
		out, _ := l.value(arg)
		return out
	}
	return l.ask(fs)
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
			case "day_holiday":
				state = cat.T("form_day_holiday")
			}
			days = append(days, ui.LongDate(l.c, d)+": "+state)
		}
		out = append(out, access.Numbered(days)...)
	case "code":
		out = append(out, l.sms(f)...)
	}
	return out
}

// days are the days a calendar offers, from tomorrow.
func (l *FormLines) days(f *formjudge.Field) []time.Time {
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
	e := l.E
	fs := e.Fields[l.sel]
	if fs == nil {
		l.sel = ""
		return nil, false
	}
	f := fs.F
	t := strings.TrimSpace(text)
	var out []string
	var done bool
	switch f.Kind {
	case "text", "date", "code":
		out, done = l.setText(fs, t)
	case "select", "radio":
		out, done = l.setOption(fs, t)
	case "file":
		out, done = l.setFile(fs, t)
	case "day":
		days := l.days(f)
		i, ok := l.number(f, t, len(days))
		if !ok {
			return l.notNumber(f, t, len(days))
		}
		fs.day = days[i]
		e.pickDay(fs)
		done = true
	case "check":
		out, done = l.setCheck(fs, t)
	default:
		l.sel = ""
		return nil, false
	}
	if out != nil || !done {
		return out, done
	}
	l.sel = ""
	out = []string{labelSentence(f.Label) + " " + access.Sentence(l.valueText(fs))}
	if fs.Err != "" {
		out = append(out, l.c.Cat.T("line_form_error", "Text", l.ErrorText(f, fs.Err)))
	}
	return out, true
}

// number is the choice t names among n (from 0): "2", or "archivo 2" for
// a file.
func (l *FormLines) number(f *formjudge.Field, t string, n int) (int, bool) {
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

// notNumber answers t that names none of n choices: kept when empty, a
// number out of range said so, anything else left to the commands.
func (l *FormLines) notNumber(f *formjudge.Field, t string, n int) ([]string, bool) {
	if t == "" {
		return []string{l.c.Cat.T("line_form_kept")}, true
	}
	if _, err := strconv.Atoi(t); err == nil {
		return []string{access.NotNumber(l.c, t, n)}, true
	}
	if w, arg := access.FirstWord(t); f.Kind == "file" && access.IsWord(l.c, w, "line_cmd_file") {
		return []string{access.NotNumber(l.c, arg, n)}, true
	}
	l.sel = ""
	return nil, false
}

// setText types t into a text field ("" keeps it, the word for clear
// empties it). A nil answer with true means: say the new value.
func (l *FormLines) setText(fs *fieldState, t string) ([]string, bool) {
	cat := l.c.Cat
	l.sel = ""
	if t == "" {
		return []string{cat.T("line_form_kept")}, true
	}
	if access.IsWord(l.c, t, "line_cmd_clear") {
		fs.Input.SetValue("")
		l.E.changed(fs)
		return []string{cat.T("line_form_cleared")}, true
	}
	fs.Input.SetValue(access.ClipRunes(t, fs.Input.CharLimit))
	l.E.changed(fs)
	return nil, true
}

// setOption chooses option t of a drop-down or radio buttons.
func (l *FormLines) setOption(fs *fieldState, t string) ([]string, bool) {
	i, ok := l.number(fs.F, t, len(fs.F.Options))
	if !ok {
		return l.notNumber(fs.F, t, len(fs.F.Options))
	}
	if fs.F.Kind == "select" {
		l.E.openPopup(popSelect, fs.key, i)
		l.E.pick(fs, i)
	} else {
		l.Press(Target{Kind: tOption, Key: fs.key, N: i})
	}
	return nil, true
}

// setFile attaches file t to an upload field.
func (l *FormLines) setFile(fs *fieldState, t string) ([]string, bool) {
	i, ok := l.number(fs.F, t, len(l.E.form.Files))
	if !ok {
		return l.notNumber(fs.F, t, len(l.E.form.Files))
	}
	// The picker chooses, as on the screen: a file over the field's
	// limit is refused in its words, and the field keeps what it had.
	l.E.openPicker(fs)
	l.E.picker.Choose(l.E.form.Files[i].ID)
	if ev := l.E.picker.TakeEvent(); ev == nil || ev.Kind != filesjudge.ActChoose {
		l.E.popup = popNone
		l.sel = ""
		return []string{l.E.picker.Note}, true
	}
	l.E.pick(fs, i)
	return nil, true
}

// setCheck ticks or unticks a check box for yes or no.
func (l *FormLines) setCheck(fs *fieldState, t string) ([]string, bool) {
	yes, no := access.IsWord(l.c, t, "line_cmd_yes"), access.IsWord(l.c, t, "line_cmd_no")
	if !yes && !no {
		l.sel = ""
		if t == "" {
			return []string{l.c.Cat.T("line_form_kept")}, true
		}
		return nil, false
	}
	if yes != (fs.Value == "yes") {
		l.E.FocusOn(fs.key)
		l.E.activate(Target{Kind: TField, Key: fs.key}, false) // as Space: tick or untick
	}
	return nil, true
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
