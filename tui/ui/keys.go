package ui

import (
	"github.com/charmbracelet/bubbles/key"

	"aula/i18n"
)

// KeyMap holds every key binding, with help text in the learner's language.
// Screens show the subset that applies to them.
type KeyMap struct {
	Up, Down   key.Binding
	Move       key.Binding // ↑ and ↓ together, for the help line
	Left       key.Binding
	Right      key.Binding
	Enter      key.Binding
	Check      key.Binding // Enter, described as "check the answer"
	Next       key.Binding // Enter, described as "go on"
	Mark       key.Binding // Space: mark an option
	Grab       key.Binding // Space: pick up or put down an item
	Tab        key.Binding
	Back       key.Binding
	Help       key.Binding // F1 works everywhere
	HelpQ      key.Binding // ? works when not typing
	Hint       key.Binding
	Quit       key.Binding // q on the home and sign-in screens
	ForceQuit  key.Binding // Ctrl+C anywhere asks to leave
	ShowSecret key.Binding
	// CallTrainer raises or lowers the hand, on every screen, in a class.
	CallTrainer key.Binding
	// ReadAloud (F6) says the screen through the computer's speech.
	ReadAloud key.Binding
	// Glossary (F7) explains the underlined words of the screen.
	Glossary key.Binding
	// PageUp, PageDown, First and Last move by a page or to an end of
	// what scrolls; screens that show them give them help of their own.
	PageUp, PageDown, First, Last key.Binding
}

// newKeyMap builds the key map with help text from cat.
func newKeyMap(cat *i18n.Catalog) *KeyMap {
	return &KeyMap{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", cat.T("key_up"))),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", cat.T("key_down"))),
		Move:        key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑↓", cat.T("key_move"))),
		Left:        key.NewBinding(key.WithKeys("left"), key.WithHelp("←", cat.T("key_left"))),
		Right:       key.NewBinding(key.WithKeys("right"), key.WithHelp("→", cat.T("key_right"))),
		Enter:       key.NewBinding(key.WithKeys("enter"), key.WithHelp(cat.T("keyname_enter"), cat.T("key_choose"))),
		Check:       key.NewBinding(key.WithKeys("enter"), key.WithHelp(cat.T("keyname_enter"), cat.T("key_check"))),
		Next:        key.NewBinding(key.WithKeys("enter"), key.WithHelp(cat.T("keyname_enter"), cat.T("key_next"))),
		Mark:        key.NewBinding(key.WithKeys(" "), key.WithHelp(cat.T("keyname_space"), cat.T("key_mark"))),
		Grab:        key.NewBinding(key.WithKeys(" "), key.WithHelp(cat.T("keyname_space"), cat.T("key_grab"))),
		Tab:         key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("Tab", cat.T("key_tab"))),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", cat.T("key_back"))),
		Help:        key.NewBinding(key.WithKeys("f1"), key.WithHelp("F1", cat.T("key_help"))),
		HelpQ:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", cat.T("key_help"))),
		Hint:        key.NewBinding(key.WithKeys("f2"), key.WithHelp("F2", cat.T("key_hint"))),
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", cat.T("key_quit"))),
		ForceQuit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("Ctrl+C", cat.T("key_quit"))),
		ShowSecret:  key.NewBinding(key.WithKeys("f3"), key.WithHelp("F3", cat.T("key_show_pin"))),
		CallTrainer: key.NewBinding(key.WithKeys("f4"), key.WithHelp("F4", cat.T("key_hand_up"))),
		ReadAloud:   key.NewBinding(key.WithKeys("f6"), key.WithHelp("F6", cat.T("key_read_aloud"))),
		Glossary:    key.NewBinding(key.WithKeys("f7"), key.WithHelp("F7", cat.T("key_glossary"))),
		PageUp:      key.NewBinding(key.WithKeys("pgup")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown")),
		First:       key.NewBinding(key.WithKeys("home")),
		Last:        key.NewBinding(key.WithKeys("end")),
	}
}
