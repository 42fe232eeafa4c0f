package screens

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/store"
	"aula/tui/ui"
)

// The rows of the settings screen, in order (rows: those shown).
const (
	setTheme = iota
	setLarge
	setAccessible
	setSpeak
	setNames // only when the class's centre asks (ui.Common.Names)
	setBack
)

// rows are the rows shown, in order.
func (s *Settings) rows() []int {
	r := []int{setTheme, setLarge, setAccessible, setSpeak}
	if s.c.Names {
		r = append(r, setNames)
	}
	return append(r, setBack)
}

// row is the row the cursor is on.
func (s *Settings) row() int {
	r := s.rows()
	return r[ui.Clamp(s.cursor, 0, len(r)-1)]
}

// Settings lets a learner choose how Aula looks and sounds: the theme, the
// large layout, accessible mode (plain text for a screen reader) and
// reading each step aloud. A change shows at once and is kept in the
// learner's record.
type Settings struct {
	c      *ui.Common
	prefs  store.Prefs
	cursor int
	scroll ui.Scroll // the rows' window when they don't all fit
}

// Messages of the settings screen to the root.
type (
	// PrefsChangedMsg asks the root to show and keep new preferences.
	PrefsChangedMsg struct{ Prefs store.Prefs }
	// PrefsSavedMsg says whether they were kept.
	PrefsSavedMsg struct{ Err error }
	// SwitchModeMsg asks to leave the full screen for accessible mode, or
	// the other way round.
	SwitchModeMsg struct{ Accessible bool }
)

// NewSettings makes the settings screen for the learner signed in.
func NewSettings(c *ui.Common) *Settings {
	s := &Settings{c: c}
	if c.Learner != nil {
		s.prefs = c.Learner.Prefs
	}
	return s
}

// Title names the screen at its top.
func (s *Settings) Title() string { return s.c.Cat.T("settings_title") }

// Typing says whether a text field has the keyboard, so letters are text, not commands.
func (s *Settings) Typing() bool { return false }

// HelpText explains the screen in the help overlay.
func (s *Settings) HelpText() string { return s.c.Cat.T("help_settings") }

// Keys lists the bindings the screen adds to the help.
func (s *Settings) Keys() []key.Binding {
	k := s.c.Keys
	return []key.Binding{k.Move, s.changeKey(), k.Back}
}

func (s *Settings) changeKey() key.Binding {
	return key.NewBinding(key.WithKeys("enter", " ", "left", "right"), key.WithHelp(s.c.Cat.T("keyname_enter"), s.c.Cat.T("key_change")))
}

// Update handles keys and clicks meant for the screen.
func (s *Settings) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		k := s.c.Keys
		n := len(s.rows())
		switch {
		case key.Matches(msg, k.Up):
			s.cursor = (s.cursor - 1 + n) % n
		case key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
			s.cursor = (s.cursor + 1) % n
		case msg.Type == tea.KeyLeft:
			return s.change(s.row(), -1)
		case key.Matches(msg, s.changeKey()):
			return s.change(s.row(), 1)
		}
	case tea.MouseMsg:
		if ui.IsClick(msg) {
			for i, id := range s.rows() {
				if s.c.Zones.Get(fmt.Sprintf("set-%d", i)).InBounds(msg) {
					s.cursor = i
					return s.change(id, 1)
				}
			}
		}
	}
	return nil
}

// change moves the setting of row id on (dir 1) or back (dir -1).
func (s *Settings) change(id, dir int) tea.Cmd {
	p := s.prefs
	switch id {
	case setTheme:
		at := slices.Index(ui.Themes, p.Theme)
		p.Theme = ui.Themes[(max(at, 0)+dir+len(ui.Themes))%len(ui.Themes)]
	case setLarge:
		p.Large = !p.Large
	case setAccessible:
		// Changing modes changes the whole app: the root asks first.
		return ui.Send(SwitchModeMsg{Accessible: !s.c.Lines})
	case setSpeak:
		p.Speak = !p.Speak
	case setNames:
		return ui.Send(ui.NamesAnswerMsg{Yes: !s.c.NamesYes}) // an event, not a preference
	case setBack:
		return ui.Send(ui.GoHomeMsg{})
	}
	s.prefs = p
	return ui.Send(PrefsChangedMsg{Prefs: p})
}

// themeName is a theme in the learner's words.
func themeName(c *ui.Common, theme string) string {
	switch theme {
	case ui.ThemeHighContrast:
		return c.Cat.T("theme_high_contrast")
	case ui.ThemeCalm:
		return c.Cat.T("theme_calm")
	}
	return c.Cat.T("theme_default")
}

// yesNo says a setting that is on or off.
func yesNo(c *ui.Common, on bool) string {
	if on {
		return c.Cat.T("setting_on")
	}
	return c.Cat.T("setting_off")
}

// settingRows are each setting's name, value and what it does, in words.
func (s *Settings) settingRows() [][3]string {
	c, cat := s.c, s.c.Cat
	rows := [][3]string{
		{cat.T("setting_theme"), themeName(c, s.prefs.Theme), cat.T("setting_theme_text")},
		{cat.T("setting_large"), yesNo(c, s.prefs.Large), cat.T("setting_large_text")},
		{cat.T("setting_accessible"), yesNo(c, s.prefs.Accessible || c.Lines), cat.T("setting_accessible_text")},
		{cat.T("setting_speak"), yesNo(c, s.prefs.Speak), cat.T("setting_speak_text")},
	}
	if c.Names {
		rows = append(rows, [3]string{cat.T("setting_names"), yesNo(c, c.NamesYes), cat.T("setting_names_text")})
	}
	return rows
}

// View draws the screen.
func (s *Settings) View() string {
	c, st, cat := s.c, s.c.Styles, s.c.Cat
	w := c.TextWidth()
	wrap := ui.Wrapper(w)
	var pg ui.Page
	pg.Add(st.Title.Render(cat.T("settings_title")), wrap.Render(cat.T("settings_text")), "")
	rows := s.settingRows()
	lw := 0
	for _, r := range rows {
		lw = max(lw, lipgloss.Width(r[0]))
	}
	for i, r := range rows {
		pointer := "  "
		if i == s.cursor {
			pointer = "▶ "
		}
		line := pointer + r[0] + ":" + strings.Repeat(" ", lw-lipgloss.Width(r[0])+1) + st.Title.Render(r[1])
		if i == 0 { // the theme
			line += st.Dim.Render("  ‹ ›")
		}
		line = lipgloss.NewStyle().MaxWidth(w).Render(line)
		if i == s.cursor {
			line = st.Cursor.Render(line)
		}
		text := st.Dim.Render(lipgloss.NewStyle().PaddingLeft(4).Render(ui.Wrap(r[2], max(w-8, 1))))
		if c.Large && i > 0 {
			pg.Add("")
		}
		from := pg.Len()
		if i == 0 {
			from = 0 // the first row brings the title back into view
		}
		pg.Add(c.Zones.Mark(fmt.Sprintf("set-%d", i), line+"\n"+text))
		if i == s.cursor {
			pg.Select(from)
		}
	}
	pg.Add("")
	onBack := s.row() == setBack
	back := ui.Button(c, fmt.Sprintf("set-%d", len(s.rows())-1), cat.T("btn_home"), onBack)
	if onBack {
		back = "▶ " + back
	} else {
		back = "  " + back
	}
	pg.Add(back)
	if onBack {
		pg.Select(pg.Len() - 1)
	}
	return pg.ShowMarked(c, &s.scroll, c.Height)
}

// SwitchNowMsg is the answer "yes, switch" to the question of askSwitch.
type SwitchNowMsg struct{ Accessible bool }

// SavePrefs stores the preferences p of learner id, answering with a PrefsSavedMsg.
func SavePrefs(st *store.Store, id uint64, p store.Prefs) tea.Cmd {
	return func() tea.Msg { return PrefsSavedMsg{Err: st.SetPrefs(id, p)} }
}
