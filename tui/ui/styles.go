package ui

import "github.com/charmbracelet/lipgloss"

// Layout constants, in one place.
const (
	// MinWidth and MinHeight are the smallest terminal the app draws in;
	// below them it asks for a bigger window.
	MinWidth  = 50
	MinHeight = 14
	// MaxTextWidth keeps lines short enough to read comfortably on a
	// large terminal.
	MaxTextWidth = 76
	HeaderHeight = 2 // title line and a blank line
	FooterHeight = 2 // status line and the keys line
)

// Styles are every look the app uses, built once from the theme.
// Meaning never rests on colour alone: each state also has a symbol or a word.
type Styles struct {
	App         lipgloss.Style
	Header      lipgloss.Style
	HeaderDim   lipgloss.Style
	Title       lipgloss.Style
	Text        lipgloss.Style
	Dim         lipgloss.Style
	Cursor      lipgloss.Style // the focused row
	Selected    lipgloss.Style // marked options
	Good        lipgloss.Style // right answers, done lessons
	Bad         lipgloss.Style // mistakes
	Warn        lipgloss.Style // needs a look soon (a learner stuck)
	Hint        lipgloss.Style
	Example     lipgloss.Style
	Box         lipgloss.Style // feedback panels
	Button      lipgloss.Style
	ButtonOn    lipgloss.Style
	Dialog      lipgloss.Style
	Status      lipgloss.Style
	Input       lipgloss.Style
	FieldCursor lipgloss.Style // the cursor in a field the app draws itself
	Progress    lipgloss.Style
	HelpKey     lipgloss.Style
	HelpDesc    lipgloss.Style
	HelpSep     lipgloss.Style
	BarFull     string         // progress bar colour (an ANSI number; "" for none)
	BarEmpty    string         // colour of the empty part of a progress bar
	Glossary    lipgloss.Style // a word the glossary explains (F7): never colour alone
	Link        lipgloss.Style // a link in an email: underlined, never colour alone
	// PadX is the room left and right of the whole screen.
	PadX int
}

// Theme names, as a learner's preferences keep them. The empty name is the
// default theme.
const (
	ThemeDefault      = ""
	ThemeHighContrast = "high-contrast"
	ThemeCalm         = "calm"
)

// Themes lists the themes in the order the settings screen offers them.
var Themes = []string{ThemeDefault, ThemeHighContrast, ThemeCalm}

// ThemeStyles builds the styles of the named theme; an unknown name gets
// the default theme.
func ThemeStyles(name string) *Styles {
	switch name {
	case ThemeHighContrast:
		return HighContrastStyles()
	case ThemeCalm:
		return CalmStyles()
	}
	return DefaultStyles()
}

// DefaultStyles is the default theme, in the 16 ANSI colours so that it
// looks the same on old consoles; lipgloss drops colour under NO_COLOR.
func DefaultStyles() *Styles {
	accent := lipgloss.AdaptiveColor{Light: "4", Dark: "12"}
	good := lipgloss.AdaptiveColor{Light: "2", Dark: "10"}
	bad := lipgloss.AdaptiveColor{Light: "1", Dark: "9"}
	hint := lipgloss.AdaptiveColor{Light: "5", Dark: "13"}
	warn := lipgloss.AdaptiveColor{Light: "3", Dark: "11"}
	dim := lipgloss.AdaptiveColor{Light: "8", Dark: "7"}
	return &Styles{
		App:         lipgloss.NewStyle().Padding(0, 1),
		Header:      lipgloss.NewStyle().Bold(true).Foreground(accent),
		HeaderDim:   lipgloss.NewStyle().Foreground(dim),
		Title:       lipgloss.NewStyle().Bold(true),
		Text:        lipgloss.NewStyle(),
		Dim:         lipgloss.NewStyle().Foreground(dim),
		Cursor:      lipgloss.NewStyle().Bold(true).Foreground(accent),
		Selected:    lipgloss.NewStyle().Bold(true),
		Good:        lipgloss.NewStyle().Foreground(good).Bold(true),
		Bad:         lipgloss.NewStyle().Foreground(bad).Bold(true),
		Warn:        lipgloss.NewStyle().Foreground(warn).Bold(true),
		Hint:        lipgloss.NewStyle().Foreground(hint),
		Example:     lipgloss.NewStyle().Italic(true),
		Box:         lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1),
		Button:      lipgloss.NewStyle(),
		ButtonOn:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		Dialog:      lipgloss.NewStyle().Border(lipgloss.DoubleBorder()).BorderForeground(accent).Padding(1, 2),
		Status:      lipgloss.NewStyle().Foreground(dim),
		Input:       lipgloss.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(accent).Padding(0, 1),
		FieldCursor: lipgloss.NewStyle().Reverse(true),
		Progress:    lipgloss.NewStyle().Foreground(good),
		HelpKey:     lipgloss.NewStyle().Bold(true),
		HelpDesc:    lipgloss.NewStyle().Foreground(dim),
		HelpSep:     lipgloss.NewStyle().Foreground(dim),
		BarFull:     "2",
		BarEmpty:    "8",
		Glossary:    lipgloss.NewStyle().Underline(true),
		Link:        lipgloss.NewStyle().Underline(true).Foreground(accent),
		PadX:        1,
	}
}

// HighContrastStyles is the theme for learners who see poorly: no dim or
// coloured text at all (the terminal's own foreground on its own
// background is the strongest contrast it has, light or dark), bold words,
// inverse video for where the learner is, and thick borders.
func HighContrastStyles() *Styles {
	bold := lipgloss.NewStyle().Bold(true)
	inverse := lipgloss.NewStyle().Bold(true).Reverse(true)
	return &Styles{
		App:         lipgloss.NewStyle().Padding(0, 1),
		Header:      inverse,
		HeaderDim:   bold,
		Title:       bold,
		Text:        lipgloss.NewStyle(),
		Dim:         lipgloss.NewStyle(),
		Cursor:      inverse,
		Selected:    bold,
		Good:        bold,
		Bad:         bold,
		Warn:        bold,
		Hint:        bold,
		Example:     bold,
		Box:         lipgloss.NewStyle().Border(lipgloss.ThickBorder()).Padding(0, 1),
		Button:      bold,
		ButtonOn:    inverse,
		Dialog:      lipgloss.NewStyle().Border(lipgloss.ThickBorder()).Padding(1, 2),
		Status:      bold,
		Input:       lipgloss.NewStyle().Border(lipgloss.ThickBorder()).Padding(0, 1),
		FieldCursor: lipgloss.NewStyle().Reverse(true),
		Progress:    bold,
		HelpKey:     inverse,
		HelpDesc:    lipgloss.NewStyle(),
		HelpSep:     lipgloss.NewStyle(),
		BarFull:     "",
		BarEmpty:    "",
		Glossary:    lipgloss.NewStyle().Underline(true).Bold(true),
		Link:        lipgloss.NewStyle().Underline(true).Bold(true),
		PadX:        1,
	}
}

// CalmStyles is a quiet theme with little colour: one soft accent for
// where the learner is, no red or green (the words and symbols say right
// and wrong), plain borders.
func CalmStyles() *Styles {
	accent := lipgloss.AdaptiveColor{Light: "6", Dark: "6"}
	dim := lipgloss.AdaptiveColor{Light: "8", Dark: "7"}
	return &Styles{
		App:         lipgloss.NewStyle().Padding(0, 1),
		Header:      lipgloss.NewStyle().Foreground(accent),
		HeaderDim:   lipgloss.NewStyle().Foreground(dim),
		Title:       lipgloss.NewStyle().Bold(true),
		Text:        lipgloss.NewStyle(),
		Dim:         lipgloss.NewStyle().Foreground(dim),
		Cursor:      lipgloss.NewStyle().Foreground(accent),
		Selected:    lipgloss.NewStyle().Bold(true),
		Good:        lipgloss.NewStyle().Bold(true),
		Bad:         lipgloss.NewStyle().Bold(true),
		Warn:        lipgloss.NewStyle().Bold(true),
		Hint:        lipgloss.NewStyle(),
		Example:     lipgloss.NewStyle(),
		Box:         lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(dim).Padding(0, 1),
		Button:      lipgloss.NewStyle(),
		ButtonOn:    lipgloss.NewStyle().Bold(true),
		Dialog:      lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(dim).Padding(1, 2),
		Status:      lipgloss.NewStyle().Foreground(dim),
		Input:       lipgloss.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(dim).Padding(0, 1),
		FieldCursor: lipgloss.NewStyle().Reverse(true),
		Progress:    lipgloss.NewStyle(),
		HelpKey:     lipgloss.NewStyle().Bold(true),
		HelpDesc:    lipgloss.NewStyle().Foreground(dim),
		HelpSep:     lipgloss.NewStyle().Foreground(dim),
		BarFull:     "6",
		BarEmpty:    "8",
		Glossary:    lipgloss.NewStyle().Underline(true),
		Link:        lipgloss.NewStyle().Underline(true).Foreground(accent),
		PadX:        1,
	}
}
