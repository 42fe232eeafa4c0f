package tui

import "github.com/charmbracelet/lipgloss"

// Layout constants, in one place.
const (
	// MinWidth and MinHeight are the smallest terminal the app draws in;
	// below them it asks for a bigger window.
	MinWidth  = 50
	MinHeight = 14
	// maxTextWidth keeps lines short enough to read comfortably on a
	// large terminal.
	maxTextWidth = 76
	headerHeight = 2 // title line and a blank line
	footerHeight = 2 // status line and the keys line
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
	BarFull     string // progress bar colour (an ANSI number)
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
	}
}
