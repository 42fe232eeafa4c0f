package tui

import (
	"strings"
	"sync"

	tea "github.com/charmbracelet/bubbletea"

	"aula/i18n"
	"aula/lessons"
	"aula/tui/ui"
)

// fold is a typed word as it is compared: trimmed, lowercase, no accents.
func fold(s string) string { return lessons.Fold(strings.TrimSpace(s)) }

// isWord says whether text is one of the words of command id.
func isWord(c *ui.Common, text, id string) bool {
	t := fold(text)
	if t == "" {
		return false
	}
	for _, cat := range []interface{ T(string, ...any) string }{c.Cat, englishWords()} {
		for _, w := range strings.Split(cat.T(id), "|") {
			if fold(w) == t {
				return true
			}
		}
	}
	return false
}

// firstWord splits a typed command into its word and the rest ("abrir 2").
func firstWord(text string) (string, string) {
	text = strings.TrimSpace(text)
	word, rest, _ := strings.Cut(text, " ")
	return word, strings.TrimSpace(rest)
}

// notNumber says that text is not the number of an option.
func notNumber(c *ui.Common, text string, n int) string {
	if strings.TrimSpace(text) == "" {
		return c.Cat.T("line_type_number")
	}
	return c.Cat.T("line_no_such_option", "Text", clip(text, 40), "Max", n)
}

// clip shortens what the learner typed to be said back.
func clip(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

// lineFrame is a screen as plain lines.
type lineFrame struct {
	key    string     // which screen this is: a new key prints it whole
	lines  []string   // title, instruction, options numbered: read in order
	news   []lineNote // what is said on the screen, each thing once
	prompt string     // what to type now
	secret bool       // what is typed now is a PIN or a practice password: not shown
}

// lineNote is something said on a screen: a verdict, a hint, a message.
type lineNote struct {
	id     string // said once per id on a screen
	text   string
	sticky bool // said again after every line typed while it holds
	first  bool // on a new screen, said before the screen itself
}

// lineResult is what a typed line did.
type lineResult struct {
	say    []string // said at once
	cmd    tea.Cmd
	repeat bool // print the whole screen again
}

// lineScreen is a screen that can be said as lines.
type lineScreen interface {
	lineView() lineFrame
	lineInput(text string) lineResult
}

// lineWords lists the words a screen understands besides its options, for
// the help.
type lineWords interface{ lineCommands() []string }

// lineRaw says whether every line goes to the screen as typed, with no
// command words (the body of an email being written).
type lineRaw interface{ lineRaw() bool }

// say is a lineResult that only says something.
func say(lines ...string) lineResult { return lineResult{say: lines} }

// Command words: the catalog lists each command's words, separated by |.
// The learner's language and English both work.
var englishWords = sync.OnceValue(func() *i18n.Catalog { return i18n.New("en") })

// word is the first of a command's words, to show the learner.
func word(c *ui.Common, id string) string {
	w, _, _ := strings.Cut(c.Cat.T(id), "|")
	return w
}
