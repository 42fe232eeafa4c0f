package form

import (
	"strconv"
	"strings"
	"time"

	filesjudge "aula/lessons/kinds/files"
	"aula/lessons/validate"
	"aula/tui/kinds/files"
	"aula/tui/ui"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Panels of the form: the practice persona card, the file picker and the
// calendar of a day field.

// SplitLines splits s into its lines.
func SplitLines(s string) []string { return strings.Split(s, "\n") }

// personaCard draws the persona card in w columns and at most h lines:
// fictional data to copy. When the boxed card is too tall it loses its box,
// then its note, so that every detail stays on screen as long as possible.
func (e *FormExercise) personaCard(w, h int) []string {
	p := e.form.Persona
	if p == nil {
		return nil
	}
	st := e.c.Styles
	var lines []string
	for _, level := range []int{0, 1, 2} {
		boxed, note := level == 0, level < 2 && p.Note != ""
		inner := max(w, 10)
		if boxed {
			inner = max(w-4, 10)
		}
		var b strings.Builder
		b.WriteString(st.Title.Render(p.Title))
		if note {
			b.WriteString("\n" + st.Dim.Render(ui.Wrap(p.Note, inner)))
		}
		for _, r := range p.Rows {
			b.WriteString("\n" + ui.Wrap(st.Dim.Render(r.Label+":")+" "+r.Value, inner))
		}
		if boxed {
			lines = SplitLines(st.Box.Width(w - 2).Render(b.String()))
		} else {
			lines = SplitLines(b.String())
		}
		if len(lines) <= h {
			break
		}
	}
	return lines
}

// viewPicker is the file picker (the files kind's, the one picker of
// Aula) in h lines.
func (e *FormExercise) viewPicker(w, h int) []string {
	if e.picker == nil {
		return nil
	}
	return SplitLines(e.picker.View(w, max(h, 6)))
}

// openPicker opens the file picker for field fs, on the file it holds.
func (e *FormExercise) openPicker(fs *fieldState) {
	cat := e.c.Cat
	const folder = "documentos"
	items := make([]*files.Item, len(e.form.Files))
	for i, f := range e.form.Files {
		items[i] = &files.Item{ID: f.ID, Name: f.Name, Folder: folder, KB: f.KB, Preview: f.Text, About: f.Text}
	}
	title := cat.T("form_picker_title")
	if fs.F.Label != "" {
		title += ": " + fs.F.Label
	}
	var marked []string
	if fs.Value != "" {
		marked = []string{fs.Value}
	}
	e.picker = files.NewPicker(e.c, title, []*files.Place{{ID: folder, Name: cat.T("files_picker_folder")}}, items, fs.Value, marked)
	e.picker.SetHelp(cat.T("files_picker_help"))
	e.picker.SetLimit(fs.F.MaxKB, fs.F.Errors[validate.RuleFileSize])
	e.openPopup(popPicker, fs.key, max(e.fileIndex(fs.Value), 0))
}

// pickerMsg hands a key or a click to the picker: a file chosen goes in
// the field; Cancel closes the picker.
func (e *FormExercise) pickerMsg(fs *fieldState, msg tea.Msg) {
	e.picker.Update(msg)
	ev := e.picker.TakeEvent()
	switch {
	case ev == nil:
	case ev.Kind == files.EvCancel:
		e.popup = popNone
		e.FocusOn(fs.key)
	case ev.Kind == filesjudge.ActChoose:
		if i := e.fileIndex(ev.ID); i >= 0 {
			e.pick(fs, i)
		}
	}
}

// firstFreeDay is the first day from tomorrow that can be chosen, or
// tomorrow.
func firstFreeDay(f interface {
	DayRule(d, now time.Time) string
}, now time.Time) time.Time {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	for i := 1; i <= 62; i++ {
		d := today.AddDate(0, 0, i)
		if f.DayRule(d, now) == "" {
			return d
		}
	}
	return today.AddDate(0, 0, 1)
}

// dayKey moves the calendar's cursor: ← → a day, ↑ ↓ a week. At the edge
// of the days that can be chosen, ↑ and ↓ leave the calendar. It reports
// whether it used the key.
func (e *FormExercise) dayKey(fs *fieldState, msg tea.KeyMsg) (tea.Cmd, bool) {
	now := e.c.Now()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	first, last := today.AddDate(0, 0, 1), today.AddDate(0, 0, fs.F.Days)
	step := 0
	switch msg.Type {
	case tea.KeyLeft:
		step = -1
	case tea.KeyRight:
		step = 1
	case tea.KeyUp:
		step = -7
	case tea.KeyDown:
		step = 7
	default:
		return nil, false
	}
	d := fs.day.AddDate(0, 0, step)
	if d.Before(first) || d.After(last) {
		if step == 1 || step == -1 {
			return nil, true // stay at the edge
		}
		return nil, false // ↑ ↓ leave the calendar
	}
	fs.day = d
	return nil, true
}

// pickDay chooses the day under the calendar's cursor; a day without
// appointments gets its message at once.
func (e *FormExercise) pickDay(fs *fieldState) {
	fs.Value = fs.day.Format("2006-01-02")
	e.touched = true
	fs.Err = fs.F.DayRule(fs.day, e.c.Now())
}

// calendar draws the month of the cursor: days that can be chosen show
// their number, the others a × after it; the cursor is in brackets and the
// chosen day in parentheses. A line says the day in words. It also returns
// the line of the cursor's week.
func (e *FormExercise) calendar(fs *fieldState, focused bool) ([]string, int) {
	st, cat := e.c.Styles, e.c.Cat
	now := e.c.Now()
	month := time.Date(fs.day.Year(), fs.day.Month(), 1, 0, 0, 0, 0, time.UTC)
	months := strings.Fields(cat.T("form_months"))
	title := month.Format("01/2006")
	if len(months) == 12 {
		title = months[month.Month()-1] + " " + strconv.Itoa(month.Year())
	}
	lines := []string{"  " + st.Title.Render(title)}
	var head strings.Builder
	for _, d := range strings.Fields(cat.T("form_weekdays_short")) {
		head.WriteString(" " + padLeft(d, 3) + " ")
	}
	lines = append(lines, st.Dim.Render(head.String()))
	chosen := fs.Value
	offset := (int(month.Weekday()) + 6) % 7 // Monday first
	var row strings.Builder
	cursorRow := 0
	row.WriteString(strings.Repeat("     ", offset))
	days := month.AddDate(0, 1, -1).Day()
	for day := 1; day <= days; day++ {
		d := month.AddDate(0, 0, day-1)
		num := padLeft(strconv.Itoa(day), 2)
		free := fs.F.DayRule(d, now) == ""
		cell := " " + num + " "
		if !free {
			cell = " " + num + "×"
		}
		switch {
		case focused && d.Equal(fs.day):
			cell = st.Cursor.Render("[" + num + "]")
		case d.Format("2006-01-02") == chosen:
			cell = "(" + num + ")"
		case !free:
			cell = st.Dim.Render(cell)
		}
		row.WriteString(" " + cell)
		if d.Equal(fs.day) {
			cursorRow = len(lines)
		}
		if d.Weekday() == time.Sunday || day == days {
			lines = append(lines, row.String())
			row.Reset()
		}
	}
	if focused {
		state := cat.T("form_day_free")
		switch fs.F.DayRule(fs.day, now) {
		case "day_full":
			state = cat.T("form_day_full")
		case "day_closed":
			state = cat.T("form_day_closed")
		case "day_holiday":
			state = cat.T("form_day_holiday")
		}
		lines = append(lines, "  "+ui.LongDate(e.c, fs.day)+": "+state)
	}
	if d, err := time.Parse("2006-01-02", chosen); err == nil {
		lines = append(lines, "  "+st.Title.Render(cat.T("form_day_chosen", "Day", ui.LongDate(e.c, d))))
	}
	return lines, cursorRow
}

func padLeft(s string, n int) string {
	return strings.Repeat(" ", max(n-lipgloss.Width(s), 0)) + s
}

// openPopup opens panel p over the page for field k, on line at.
func (e *FormExercise) openPopup(p popup, k string, at int) {
	e.popup, e.popupKey, e.pickAt = p, k, at
}

// popupKeys handles keys in a drop-down list or the file picker.
func (e *FormExercise) popupKeys(msg tea.KeyMsg) tea.Cmd {
	fs := e.Fields[e.popupKey]
	if fs == nil {
		e.popup = popNone
		return nil
	}
	if e.popup == popPicker {
		if e.picker == nil {
			e.openPicker(fs)
		}
		e.pickerMsg(fs, msg)
		return nil
	}
	n := len(fs.F.Options)
	k := e.c.Keys
	switch {
	case msg.Type == tea.KeyUp || msg.Type == tea.KeyShiftTab:
		e.pickAt = (e.pickAt - 1 + n) % n
	case msg.Type == tea.KeyDown || msg.Type == tea.KeyTab:
		e.pickAt = (e.pickAt + 1) % n
	case key.Matches(msg, k.Enter), key.Matches(msg, e.keys.Mark):
		e.pick(fs, e.pickAt)
	case msg.Type == tea.KeyRunes && e.popup == popSelect:
		if i := fs.optionStarting(string(msg.Runes), e.pickAt); i >= 0 {
			e.pickAt = i
		}
	}
	return nil
}

// pick chooses line i of the open popup for field fs.
func (e *FormExercise) pick(fs *fieldState, i int) {
	if e.popup == popPicker {
		fs.Value = e.form.Files[i].ID
	} else {
		fs.Value = fs.F.Options[i].ID
	}
	e.popup = popNone
	e.changed(fs)
	// As on a web page, the focus stays on the drop-down (or the file
	// box) just chosen in; Tab goes on to the next field in the order
	// they are drawn.
	e.FocusOn(fs.key)
}

func (e *FormExercise) fileIndex(id string) int {
	for i, f := range e.form.Files {
		if f.ID == id {
			return i
		}
	}
	return -1
}
