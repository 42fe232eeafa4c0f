package form

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/i18n"
	formjudge "aula/lessons/kinds/form"
	"aula/lessons/validate"
	"aula/tui/kinds/files"
	"aula/tui/ui"
)

// fieldState is one field of the form on screen, with its answer.
type fieldState struct {
	F       *formjudge.Field
	key     string
	Input   textinput.Model // text, date and code fields
	Value   string          // the others: an option id, "yes", a file id, a day (2006-01-02)
	initial string          // the value the page opened with, restored by a timeout
	Err     string          // the rule shown next to the field; "" for none
	day     time.Time       // the calendar's cursor
}

// formCharLimit bounds what a field holds: enough to say "too long", not so
// much that a 10,000-character paste fills the memory or the screen.
func formCharLimit(f *formjudge.Field) int { return min(max(f.MaxLen()*2, f.MaxLen()+20), 300) }

func (e *FormExercise) newField(f *formjudge.Field, k, value string) *fieldState {
	fs := &fieldState{F: f, key: k, initial: value}
	if f.IsText() {
		in := textinput.New()
		in.Prompt = ""
		in.Cursor.SetMode(cursor.CursorStatic) // no blinking: no timers
		in.CharLimit = formCharLimit(f)
		if f.Kind == "date" {
			in.Placeholder = e.c.Cat.T("form_date_placeholder")
		}
		in.SetValue(value)
		in.Blur()
		fs.Input = in
	} else {
		fs.Value = value
	}
	if f.Kind == "day" {
		fs.day = firstFreeDay(f, e.c.Now())
		if d, err := time.Parse("2006-01-02", value); err == nil {
			fs.day = d
		}
	}
	return fs
}

// Val is the field's answer.
func (fs *fieldState) Val() string {
	if fs.F.IsText() {
		return fs.Input.Value()
	}
	return fs.Value
}

// reset puts back the value the form opened with.
func (fs *fieldState) reset() {
	if fs.F.IsText() {
		fs.Input.SetValue(fs.initial)
	} else {
		fs.Value = fs.initial
	}
	fs.Err = ""
}

// typeKey gives a key to a text field; it reports whether the text changed.
func (fs *fieldState) typeKey(msg tea.KeyMsg) bool {
	if msg.Type == tea.KeyRunes {
		// Pasted tabs and newlines become spaces: a field is one line.
		msg.Runes = []rune(strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, string(msg.Runes)))
	}
	before := fs.Input.Value()
	fs.Input, _ = fs.Input.Update(msg) // no command: the cursor does not blink
	return fs.Input.Value() != before
}

func (fs *fieldState) optionIndex() int {
	for i, o := range fs.F.Options {
		if o.ID == fs.Value {
			return i
		}
	}
	return -1
}

// optionStarting is the first option after option from whose words start
// with prefix, ignoring capitals and accents, or -1.
func (fs *fieldState) optionStarting(prefix string, from int) int {
	p := validate.Fold(prefix)
	if p == "" {
		return -1
	}
	// After the option at from, going round: the same letter again goes
	// to the next option with it (b, b: Badajoz, then Barcelona).
	n := len(fs.F.Options)
	for k := 1; k <= n; k++ {
		i := ((from+k)%n + n) % n
		if strings.HasPrefix(validate.Fold(fs.F.Options[i].Text), p) {
			return i
		}
	}
	// The same letter typed quickly can arrive in one message ("mmm"):
	// each one goes on once, as if they had come one by one.
	if r := []rune(p); len(r) > 1 && strings.Count(p, string(r[0])) == len(r) {
		at := from
		for range r {
			if at = fs.optionStarting(string(r[0]), at); at < 0 {
				return -1
			}
		}
		return at
	}
	return -1
}

// fieldLayout is how wide the parts of a field row are.
type fieldLayout struct {
	width   int  // the whole row
	label   int  // the label column
	input   int  // the input box, brackets included
	stacked bool // label above the box, on narrow screens
}

// newFieldLayout lays out rows w columns wide whose longest label is
// longest columns: the label column fits it when there is room.
func newFieldLayout(w, longest int) fieldLayout {
	l := fieldLayout{width: w, label: ui.Clamp(longest+1, 14, max(min(34, w*2/5), 14))}
	if w < 60 {
		l.stacked = true
		l.input = ui.Clamp(w-4, 8, 44)
		return l
	}
	l.input = ui.Clamp(w-l.label-3, 10, 44)
	return l
}

// label is a field's label with its required mark.
func (e *FormExercise) label(f *formjudge.Field) string {
	if f.Required {
		return f.Label + " *"
	}
	return f.Label
}

// pointer marks the focused row: the mark does not rest on colour.
func pointer(focused bool) string {
	if focused {
		return "▶ "
	}
	return "  "
}

// boxed draws text in an input box of width w (brackets included).
func boxed(text string, w int) string {
	inner := max(w-2, 1)
	text = lipgloss.NewStyle().MaxWidth(inner).Render(text)
	return "[" + text + strings.Repeat(" ", max(inner-lipgloss.Width(text), 0)) + "]"
}

// row draws a label and a box on one line, or stacked on a narrow screen.
func (e *FormExercise) row(cv *canvas, ti int, l fieldLayout, indent, label, box string, focused bool) {
	st := e.c.Styles
	lw := l.label
	if l.stacked {
		for i, ln := range wrapLines(label, max(l.width-2-len(indent), 8)) {
			p := "  "
			if i == 0 {
				p = pointer(focused)
			}
			cv.add(ti, indent+p+styleIf(focused, st.Cursor, ln))
		}
		cv.add(ti, indent+"  "+box)
		return
	}
	lines := wrapLines(label, max(lw, 8))
	for i, ln := range lines {
		p, right := "  ", ""
		if i == 0 {
			p, right = pointer(focused), " "+box
		}
		pad := strings.Repeat(" ", max(lw-lipgloss.Width(ln), 0))
		cv.add(ti, indent+p+styleIf(focused, st.Cursor, ln)+pad+right)
	}
}

func styleIf(on bool, s lipgloss.Style, text string) string {
	if on {
		return s.Render(text)
	}
	return text
}

// drawField draws field fs (target ti; its options and buttons follow in
// the targets list) into cv. at is the focused target.
func (e *FormExercise) drawField(cv *canvas, fs *fieldState, ti *int, at int, l fieldLayout, indent string) {
	cat := e.c.Cat
	f := fs.F
	focused := *ti == at
	switch f.Kind {
	case "text", "date", "code":
		fs.Input.Width = max(l.input-3, 1)
		e.row(cv, *ti, l, indent, e.label(f), boxed(e.c.InputView(fs.Input), l.input), focused)
		if f.Kind == "code" {
			for _, ln := range e.smsPanel(f, l.width-len(indent)-4) {
				cv.add(*ti, indent+"    "+ln)
			}
		}
	case "select":
		if e.drawSelect(cv, fs, *ti, l, indent, focused) {
			return
		}
	case "check":
		e.drawCheck(cv, fs, *ti, l, indent, focused)
	case "radio":
		e.drawRadio(cv, fs, ti, at, l, indent)
		return
	case "file":
		text := "[ " + cat.T("form_btn_attach") + " ]"
		if file := e.form.File(fs.Value); file != nil {
			text = file.Name + " · " + sizeText(cat, file.KB)
		}
		e.row(cv, *ti, l, indent, e.label(f), text, focused)
	case "day":
		e.drawDay(cv, fs, *ti, l, indent, focused)
	}
	e.drawHelpAndError(cv, fs, *ti, l, indent, focused)
}

// drawSelect draws a drop-down, and its list when open (then with its help
// and error above the list: it reports true, all is drawn).
func (e *FormExercise) drawSelect(cv *canvas, fs *fieldState, ti int, l fieldLayout, indent string, focused bool) bool {
	st, cat, f := e.c.Styles, e.c.Cat, fs.F
	text := st.Dim.Render(cat.T("form_select_placeholder"))
	if o := f.Option(fs.Value); o != nil {
		text = o.Text
	}
	inner := l.input - 4
	text = lipgloss.NewStyle().MaxWidth(inner).Render(text)
	text += strings.Repeat(" ", max(inner-lipgloss.Width(text), 0)) + " ▾"
	e.row(cv, ti, l, indent, e.label(f), boxed(text, l.input), focused)
	if e.popup != popSelect || e.popupKey != fs.key {
		return false
	}
	e.drawHelpAndError(cv, fs, ti, l, indent, focused)
	e.drawList(cv, ti, indent+"    ", optionTexts(f, cat.T("form_option_full")), l.width-len(indent)-4)
	return true
}

// drawCheck draws a check box and its label.
func (e *FormExercise) drawCheck(cv *canvas, fs *fieldState, ti int, l fieldLayout, indent string, focused bool) {
	box := "[ ] "
	if fs.Value == "yes" {
		box = "[x] "
	}
	lines := wrapLines(e.label(fs.F), max(l.width-len(indent)-6, 8))
	for i, ln := range lines {
		p := "      "
		if i == 0 {
			p = pointer(focused) + box
		}
		cv.add(ti, indent+p+styleIf(focused, e.c.Styles.Cursor, ln))
	}
}

// drawRadio draws radio buttons, one target per option (ti ends on the
// last), with the field's help and error above them.
func (e *FormExercise) drawRadio(cv *canvas, fs *fieldState, ti *int, at int, l fieldLayout, indent string) {
	st, cat, f := e.c.Styles, e.c.Cat, fs.F
	for _, ln := range wrapLines(e.label(f), max(l.width-len(indent)-2, 8)) {
		cv.add(-1, indent+"  "+ln)
	}
	e.drawHelpAndError(cv, fs, -1, l, indent, e.radioFocused(fs, at, *ti))
	for i, o := range f.Options {
		mark := "( ) "
		if fs.Value == o.ID {
			mark = "(•) "
		}
		text := o.Text
		if o.Full {
			text += " " + st.Dim.Render(cat.T("form_option_full"))
		}
		on := *ti == at
		cv.add(*ti, indent+"    "+pointer(on)+mark+styleIf(on, st.Cursor, text))
		if i < len(f.Options)-1 {
			*ti++
		}
	}
}

// drawDay draws a calendar, keeping the cursor's row on screen.
func (e *FormExercise) drawDay(cv *canvas, fs *fieldState, ti int, l fieldLayout, indent string, focused bool) {
	for _, ln := range wrapLines(e.label(fs.F), max(l.width-len(indent)-2, 8)) {
		cv.add(ti, indent+pointer(focused)+styleIf(focused, e.c.Styles.Cursor, ln))
	}
	cal, row := e.calendar(fs, focused)
	for i, ln := range cal {
		if i == row {
			cv.keep = len(cv.lines)
		}
		cv.add(ti, indent+"  "+ln)
	}
}

// radioFocused says whether the focus is on one of radio field fs's options,
// which start at target first.
func (e *FormExercise) radioFocused(fs *fieldState, at, first int) bool {
	return at >= first && at < first+len(fs.F.Options)
}

// drawHelpAndError adds the help of a focused field and the error of a
// field that has one.
func (e *FormExercise) drawHelpAndError(cv *canvas, fs *fieldState, ti int, l fieldLayout, indent string, focused bool) {
	st := e.c.Styles
	if focused && fs.F.Help != "" && fs.F.Kind != "radio" || focused && fs.F.Kind == "radio" && ti < 0 && fs.F.Help != "" {
		for _, ln := range wrapLines(fs.F.Help, max(l.width-len(indent)-4, 8)) {
			cv.add(ti, indent+"    "+st.Dim.Render(ln))
		}
	}
	if fs.Err != "" && (fs.F.Kind != "radio" || ti < 0) {
		for i, ln := range wrapLines(e.ErrorText(fs.F, fs.Err), max(l.width-len(indent)-6, 8)) {
			p := "      "
			if i == 0 {
				p = "    " + st.Bad.Render("✗") + " "
			}
			cv.add(ti, indent+p+ln)
		}
	}
}

// drawList draws a drop-down's options or the file picker's files, with
// the highlighted one marked, at most 8 at a time.
func (e *FormExercise) drawList(cv *canvas, ti int, indent string, items []string, w int) {
	st := e.c.Styles
	const shown = 8
	first := ui.Clamp(e.pickAt-shown/2, 0, max(len(items)-shown, 0))
	last := min(first+shown, len(items))
	if first > 0 {
		cv.add(ti, indent+"  "+st.Dim.Render("↑ …"))
	}
	for i := first; i < last; i++ {
		text := lipgloss.NewStyle().MaxWidth(max(w-2, 4)).Render(items[i])
		if i == e.pickAt {
			cv.add(ti, indent+st.Cursor.Render("▶ "+text))
		} else {
			cv.add(ti, indent+"  "+text)
		}
	}
	if last < len(items) {
		cv.add(ti, indent+"  "+st.Dim.Render("↓ …"))
	}
}

func optionTexts(f *formjudge.Field, full string) []string {
	out := make([]string, len(f.Options))
	for i, o := range f.Options {
		out[i] = o.Text
		if o.Full {
			out[i] += " " + full
		}
	}
	return out
}

// sizeText says a file's size: 240 KB, 12,5 MB (as the file picker does).
func sizeText(cat *i18n.Catalog, kb int) string { return files.SizeText(cat, kb) }

// wrapLines wraps s at word boundaries to lines of at most w columns.
func wrapLines(s string, w int) []string {
	if lipgloss.Width(s) <= w && !strings.Contains(s, "\n") {
		return []string{s}
	}
	return ui.WrapLines(s, w)
}
