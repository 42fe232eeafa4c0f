package dashboard

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/tui/ui"
)

// inputDialog asks for one line of text (a message for the kiosks). Enter
// sends it, Esc closes the dialog without sending.
type inputDialog struct {
	c       *ui.Common
	title   string
	text    string
	okLabel string
	input   textinput.Model
	ok      func(string) tea.Msg
	err     string
}

func newInputDialog(c *ui.Common, title, text, value, okLabel string, ok func(string) tea.Msg) *inputDialog {
	in := textinput.New()
	in.Prompt = "› "
	in.CharLimit = dashMaxMessage
	in.Cursor.SetMode(cursor.CursorStatic)
	in.SetValue(value)
	in.CursorEnd()
	in.Focus()
	return &inputDialog{c: c, title: title, text: text, okLabel: okLabel, input: in, ok: ok}
}

func (d *inputDialog) submit() (tea.Cmd, bool) {
	v := strings.TrimSpace(clean(d.input.Value()))
	if v == "" {
		d.err = d.c.Cat.T("dmsg_empty")
		return nil, false
	}
	return ui.Send(d.ok(v)), true
}

func (d *inputDialog) Update(msg tea.Msg) (tea.Cmd, bool) {
	k := d.c.Keys
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Enter):
			return d.submit()
		case key.Matches(msg, k.Back), key.Matches(msg, k.ForceQuit):
			return nil, true
		}
		d.err = ""
		var cmd tea.Cmd
		d.input, cmd = d.input.Update(msg)
		return cmd, false
	case tea.MouseMsg:
		if ui.IsClick(msg) {
			switch {
			case d.c.Zones.Get("din-ok").InBounds(msg):
				return d.submit()
			case d.c.Zones.Get("din-cancel").InBounds(msg):
				return nil, true
			}
		}
	}
	return nil, false
}

func (d *inputDialog) Keys() []key.Binding {
	k := d.c.Keys
	return []key.Binding{
		// Enter does what the dialog's button says: "Enter verify", not "send".
		key.NewBinding(key.WithKeys("enter"), key.WithHelp(d.c.Cat.T("keyname_enter"), lowerFirst(d.okLabel))),
		k.Back,
	}
}

func (d *inputDialog) View(width, height int) string {
	st, cat := d.c.Styles, d.c.Cat
	inner := ui.Clamp(width-8, 10, 64)
	d.input.Width = max(inner-6, 4)
	parts := []string{
		st.Title.Render(d.title), "",
		lipgloss.NewStyle().Width(inner).Render(ui.Wrap(d.text, inner)), "",
		st.Input.Width(inner - 2).Render(d.input.View()),
	}
	if d.err != "" {
		parts = append(parts, st.Bad.Render("! ")+d.err)
	}
	parts = append(parts, "",
		d.c.Zones.Mark("din-ok", st.ButtonOn.Render("▶ [ "+d.okLabel+" ]")),
		d.c.Zones.Mark("din-cancel", "  [ "+cat.T("dbtn_cancel")+" ]"))
	box := st.Dialog.Padding(0, 1).Render(strings.Join(parts, "\n"))
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, box)
}

// lessonPicker lists every lesson; Enter or a click sends, Esc closes.
type lessonPicker struct {
	c       *ui.Common
	title   string
	lessons []*lessons.Lesson
	cursor  int
	pick    func(*lessons.Lesson) tea.Msg
	scroll  ui.Scroll
}

func newLessonPicker(c *ui.Common, title string, pick func(*lessons.Lesson) tea.Msg) *lessonPicker {
	return &lessonPicker{c: c, title: title, lessons: c.Lessons.AllLessons(), pick: pick}
}

func (p *lessonPicker) choose(i int) (tea.Cmd, bool) {
	if i < 0 || i >= len(p.lessons) {
		return nil, false
	}
	return ui.Send(p.pick(p.lessons[i])), true
}

func (p *lessonPicker) Update(msg tea.Msg) (tea.Cmd, bool) {
	k := p.c.Keys
	n := len(p.lessons)
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Back), key.Matches(msg, k.ForceQuit):
			return nil, true
		case key.Matches(msg, k.Up), msg.Type == tea.KeyShiftTab:
			// The lessons, then the cancel button: every button is reached
			// with the keys.
			p.cursor = (p.cursor - 1 + n + 1) % (n + 1)
		case key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
			p.cursor = (p.cursor + 1) % (n + 1)
		case key.Matches(msg, k.Enter):
			if p.cursor == n {
				return nil, true // cancel
			}
			return p.choose(p.cursor)
		}
	case tea.MouseMsg:
		if !ui.IsClick(msg) {
			return nil, false
		}
		for i := range p.lessons {
			if p.c.Zones.Get(fmt.Sprintf("dpick-%d", i)).InBounds(msg) {
				p.cursor = i
				return p.choose(i)
			}
		}
		if p.c.Zones.Get("dpick-cancel").InBounds(msg) {
			return nil, true
		}
	}
	return nil, false
}

func (p *lessonPicker) Keys() []key.Binding {
	k := p.c.Keys
	return []key.Binding{k.Move,
		key.NewBinding(key.WithKeys("enter"), key.WithHelp(p.c.Cat.T("keyname_enter"), p.c.Cat.T("dkey_send"))),
		k.Back}
}

func (p *lessonPicker) View(width, height int) string {
	st, cat := p.c.Styles, p.c.Cat
	inner := ui.Clamp(width-8, 10, 64)
	var rows []string
	for i, l := range p.lessons {
		label := ui.Truncate(l.Title, inner-2)
		row := "  " + label
		if i == p.cursor {
			row = st.Cursor.Render("▶ " + label)
		}
		rows = append(rows, p.c.Zones.Mark(fmt.Sprintf("dpick-%d", i), row))
	}
	if len(rows) == 0 {
		rows = []string{cat.T("dlesson_none")}
	}
	// The box has a border and a title, a blank line and a cancel button.
	room := max(height-6, 1)
	rows = p.scroll.KeepWindow(rows, p.cursor, p.cursor, room)
	parts := append([]string{st.Title.Render(ui.Truncate(p.title, inner)), ""}, rows...)
	cancel := "  [ " + cat.T("dbtn_cancel") + " ]"
	if p.cursor == len(p.lessons) {
		cancel = st.Cursor.Render("▶ [ " + cat.T("dbtn_cancel") + " ]")
	}
	parts = append(parts, "", p.c.Zones.Mark("dpick-cancel", cancel))
	box := st.Dialog.Padding(0, 1).Width(inner + 4).Render(strings.Join(parts, "\n"))
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, box)
}

// dashHelp is the dashboard's help: the view explained and its keys, in
// two columns when the keys would not fit in one. It covers the screen.
type dashHelp struct{ *ui.HelpOverlay }

func (h dashHelp) View(width, height int) string {
	st, cat := h.C.Styles, h.C.Cat
	w := min(width, ui.MaxTextWidth+20)
	wrap := ui.Wrapper(w)
	items := h.C.KeyHelp(h.Bindings)
	head := []string{st.Title.Render(cat.T("help_title")), ""}
	head = append(head, strings.Split(wrap.Render(h.Text), "\n")...)
	head = append(head, "", st.Title.Render(cat.T("help_keys")))
	tail := []string{wrap.Render(cat.T("help_mouse")), st.Dim.Render(wrap.Render(cat.T("help_close")))}
	rows := items
	if len(head)+len(items)+len(tail) > height && w >= 60 {
		half := (len(items) + 1) / 2
		colW := w/2 - 2
		rows = nil
		for i := 0; i < half; i++ {
			left := "  " + items[i]
			line := left + strings.Repeat(" ", max(colW-lipgloss.Width(left), 1))
			if i+half < len(items) {
				line += "  " + items[i+half]
			}
			rows = append(rows, line)
		}
	} else {
		for i := range rows {
			rows[i] = "  " + rows[i]
		}
	}
	body := strings.Join(append(append(head, rows...), tail[0]), "\n")
	return h.Fit(body, tail[1], width, height) // scrolls when taller than the screen
}

// lowerFirst is s with its first letter small: a button's label as the
// keys line says it ("Verify" → "Enter verify").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
