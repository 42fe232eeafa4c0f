// Package access holds accessible mode's primitives: frames of plain
// lines, and how numbers and text typed as lines are read.
package access

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"aula/i18n"
	"aula/internal/lazy"
	"aula/lessons/validate"
	"aula/tui/ui"
)

// Fold is a typed word as it is compared: trimmed, lowercase, no accents.
func Fold(s string) string { return validate.Fold(strings.TrimSpace(s)) }

// IsWord says whether text is one of the words of command id.
func IsWord(c *ui.Common, text, id string) bool {
	t := Fold(text)
	if t == "" {
		return false
	}
	for _, cat := range []interface{ T(string, ...any) string }{c.Cat, englishWords.Get()} {
		for _, w := range strings.Split(cat.T(id), "|") {
			if Fold(w) == t {
				return true
			}
		}
	}
	return false
}

// FirstWord splits a typed command into its word and the rest ("abrir 2").
func FirstWord(text string) (string, string) {
	text = strings.TrimSpace(text)
	word, rest, _ := strings.Cut(text, " ")
	return word, strings.TrimSpace(rest)
}

// NotNumber says that text is not the number of an option.
func NotNumber(c *ui.Common, text string, n int) string {
	if strings.TrimSpace(text) == "" {
		return c.Cat.T("line_type_number")
	}
	return c.Cat.T("line_no_such_option", "Text", Clip(text, 40), "Max", n)
}

// Clip shortens what the learner typed to be said back.
func Clip(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

// ClipRunes cuts s to at most n runes.
func ClipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

// Frame is a screen as plain lines.
type Frame struct {
	Key    string   // which screen this is: a new key prints it whole
	Lines  []string // title, instruction, options numbered: read in order
	News   []Note   // what is said on the screen, each thing once
	Prompt string   // what to type now
	Secret bool     // what is typed now is a PIN or a practice password: not shown
}

// Note is something said on a screen: a verdict, a hint, a message.
type Note struct {
	ID     string // said once per id on a screen
	Text   string
	Sticky bool // said again after every line typed while it holds
	First  bool // on a new screen, said before the screen itself
}

// Result is what a typed line did.
type Result struct {
	Say    []string // said at once
	Cmd    tea.Cmd
	Repeat bool // print the whole screen again
}

// Screen is a screen that can be said as lines.
type Screen interface {
	LineView() Frame
	LineInput(text string) Result
}

// Words lists the words a screen understands besides its options, for
// the help.
type Words interface{ LineCommands() []string }

// Raw says whether every line goes to the screen as typed, with no
// command words (the body of an email being written).
type Raw interface{ LineRaw() bool }

// Say is a lineResult that only says something.
func Say(lines ...string) Result { return Result{Say: lines} }

// Command words: the catalog lists each command's words, separated by |.
// The learner's language and English both work.
var englishWords = lazy.Value[*i18n.Catalog]{New: func() *i18n.Catalog { return i18n.New("en") }}

// Word is the first of a command's words, to show the learner.
func Word(c *ui.Common, id string) string {
	w, _, _ := strings.Cut(c.Cat.T(id), "|")
	return w
}

// Hinter is a screen where the word "hint" means something (a lesson).
type Hinter interface{ LineHint() Result }
