package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	zone "github.com/lrstanley/bubblezone"

	"aula/i18n"
	"aula/lessons"
	"aula/store"
)

// Common is the context every screen shares: sizes, styles, words, data.
type Common struct {
	Width, Height int // the content area: the terminal minus header and footer

	Styles  *Styles
	Cat     *i18n.Catalog
	Lessons *lessons.Catalog
	Store   *store.Store
	Keys    *KeyMap
	Help    help.Model
	Zones   *zone.Manager
	Rec     *Recorder

	Learner *store.Learner // nil until sign-in
	Now     func() time.Time
	// Tick schedules a timer message (tea.Tick, or a fake in tests).
	Tick    func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	InClass bool // the kiosk can join a class: home offers it
	// Names: the class's centre sends to the region the names of the
	// learners who agree; NamesYes is the signed-in learner's answer
	// (tui/names.go). The settings screen shows the answer only then.
	Names, NamesYes bool
	// Large is the large layout: a blank line between options, wider
	// margins and buttons, for learners with low vision or a tremor.
	Large bool
	// Lines is set in accessible mode: screens are said as plain lines of
	// text, not drawn.
	Lines bool
	// Kiosk is set on the learner's side (not the trainer's dashboard):
	// read aloud and the glossary work on every screen.
	Kiosk bool
	// Masked is set while the screen is drawn for the trainer's copy
	// (help at a distance): typed text draws as dots (masked.go).
	Masked bool

	foot footCache // the footer's keys, drawn once per theme
}

// NewCommon builds the context shared by the kiosk and the dashboard: the
// theme's styles, the words of lang, the keys and the help line.
func NewCommon(lang string, lib *lessons.Library, now func() time.Time) *Common {
	cat := i18n.New(lang)
	c := &Common{
		Styles:  DefaultStyles(),
		Cat:     cat,
		Lessons: &lessons.Catalog{Lessons: map[string]*lessons.Lesson{}},
		Keys:    newKeyMap(cat),
		Help:    help.New(),
		Zones:   zone.New(),
		Now:     now,
	}
	if lib != nil {
		if l := lib.Catalog(cat.Lang()); l != nil {
			c.Lessons = l
		}
	}
	c.Help.ShortSeparator = " · "
	c.setStyles(c.Styles)
	return c
}

// setStyles puts st on every screen, the help line included.
func (c *Common) setStyles(st *Styles) {
	c.Styles = st
	c.Help.Styles.ShortKey = st.HelpKey
	c.Help.Styles.ShortDesc = st.HelpDesc
	c.Help.Styles.ShortSeparator = st.HelpSep
	c.Help.Styles.FullKey = st.HelpKey
	c.Help.Styles.FullDesc = st.HelpDesc
}

// LargePadX is the margin left and right of the screen in the large layout.
const LargePadX = 3

// ApplyPrefs shows the app as a learner likes it: the theme and the
// layout. The zero Prefs is the default look.
func (c *Common) ApplyPrefs(p store.Prefs) {
	st := ThemeStyles(p.Theme)
	if p.Large {
		st.PadX = LargePadX
		st.App = st.App.Padding(0, LargePadX)
	}
	c.Large = p.Large
	c.setStyles(st)
}

// Gap is what goes between the options of a list: nothing, or a blank
// line in the large layout.
func (c *Common) Gap() string {
	if c.Large {
		return "\n\n"
	}
	return "\n"
}

// KeyHelp lists the bindings with their words for a help screen, once
// each, with F1 and Ctrl+C (which work everywhere) at the end.
func (c *Common) KeyHelp(keys []key.Binding) []string {
	var out []string
	seen := map[string]bool{}
	global := []key.Binding{c.Keys.Help, c.Keys.ForceQuit}
	if c.Kiosk {
		// On every learner screen: read aloud and the glossary.
		global = []key.Binding{c.Keys.ReadAloud, c.Keys.Glossary, c.Keys.Help, c.Keys.ForceQuit}
	}
	for _, k := range append(append([]key.Binding{}, keys...), global...) {
		hk := k.Help()
		if seen[hk.Key+hk.Desc] {
			continue
		}
		seen[hk.Key+hk.Desc] = true
		out = append(out, c.Styles.HelpKey.Render(hk.Key)+"  "+hk.Desc)
	}
	return out
}

// TextWidth is the width for running text: the content width, but never so
// wide that lines get hard to follow.
func (c *Common) TextWidth() int {
	return Clamp(c.Width, 1, MaxTextWidth)
}

// Clamp keeps v between lo and hi.
func Clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
