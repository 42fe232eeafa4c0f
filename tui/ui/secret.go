package ui

import (
	"strings"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// SecretField is a one-line field for a practice password. Unlike
// bubbles/textinput it owns the only slice that holds the characters, with
// a fixed capacity that is never outgrown, so wipe can overwrite them: the
// password is not left behind in an old array when the field grows.
type SecretField struct {
	Runes []rune
	pos   int  // cursor, 0..len(runes)
	Cut   bool // the last paste did not fit
	Shown bool // F3: show the characters instead of dots
}

// NewSecretField makes an empty secret field that holds up to limit runes.
func NewSecretField(limit int) SecretField {
	return SecretField{Runes: make([]rune, 0, limit)}
}

// limit is how many characters fit.
func (f *SecretField) limit() int { return cap(f.Runes) }

// Len is how many characters are in the field.
func (f *SecretField) Len() int { return len(f.Runes) }

// Value returns the text. The string is a copy that Go may keep in memory
// until it is reused; see wipe.
func (f *SecretField) Value() string { return string(f.Runes) }

// Update handles typing and editing keys; it reports whether the text
// changed.
func (f *SecretField) Update(k tea.KeyMsg) bool {
	switch k.Type {
	case tea.KeyRunes, tea.KeySpace:
		return f.Insert(k.Runes)
	case tea.KeyBackspace:
		if f.pos > 0 {
			f.remove(f.pos - 1)
			f.pos--
			return true
		}
	case tea.KeyDelete:
		if f.pos < len(f.Runes) {
			f.remove(f.pos)
			return true
		}
	case tea.KeyLeft:
		f.pos = max(f.pos-1, 0)
	case tea.KeyRight:
		f.pos = min(f.pos+1, len(f.Runes))
	case tea.KeyHome, tea.KeyCtrlA:
		f.pos = 0
	case tea.KeyEnd, tea.KeyCtrlE:
		f.pos = len(f.Runes)
	case tea.KeyCtrlU:
		f.Wipe()
		return true
	}
	return false
}

// Insert puts rs at the cursor. Control characters (a pasted tab or line
// break) are left out: the field is one line. What does not fit is left
// out too, and said.
func (f *SecretField) Insert(rs []rune) bool {
	f.Cut = false
	changed := false
	for _, r := range rs {
		if unicode.IsControl(r) {
			continue
		}
		if len(f.Runes) == f.limit() {
			f.Cut = true
			break
		}
		f.Runes = f.Runes[:len(f.Runes)+1] // within the capacity: same array
		copy(f.Runes[f.pos+1:], f.Runes[f.pos:])
		f.Runes[f.pos] = r
		f.pos++
		changed = true
	}
	return changed
}

func (f *SecretField) remove(i int) {
	copy(f.Runes[i:], f.Runes[i+1:])
	f.Runes[len(f.Runes)-1] = 0
	f.Runes = f.Runes[:len(f.Runes)-1]
	f.Cut = false
}

// Wipe overwrites every character the field ever held and empties it.
func (f *SecretField) Wipe() {
	all := f.Runes[:cap(f.Runes)]
	for i := range all {
		all[i] = 0
	}
	f.Runes = f.Runes[:0]
	f.pos = 0
	f.Cut = false
}

// View draws the text (dots unless shown) in width columns, scrolled so
// the cursor is visible; focused draws the cursor.
func (f *SecretField) View(width int, focused bool, cursor lipgloss.Style) string {
	width = max(width, 1)
	cells := make([]string, 0, len(f.Runes)+1)
	for _, r := range f.Runes {
		switch {
		case !f.Shown:
			cells = append(cells, "•")
		case r < 0x80:
			cells = append(cells, string(r))
		case lipgloss.Width(string(r)) == 0 || len(cells) > 0 && joins(cells[len(cells)-1], string(r)):
			// A joining mark, or a character that makes one with the one
			// before (a skin tone after 👍): drawn apart so the cursor stays
			// true and every terminal gives the line the same width (tmux
			// draws 👍🏽 in 4 cells, others in 2).
			cells = append(cells, "·")
		default:
			cells = append(cells, string(r))
		}
	}
	cells = append(cells, " ") // where the next character goes
	// Scroll: keep the cursor in view, counting wide characters as 2.
	start := 0
	for w := cellsWidth(cells[start : f.pos+1]); w > width && start < f.pos; w = cellsWidth(cells[start : f.pos+1]) {
		start++
	}
	var b strings.Builder
	used := 0
	for i := start; i < len(cells); i++ {
		cw := lipgloss.Width(cells[i])
		if used+cw > width {
			break
		}
		used += cw
		if focused && i == f.pos {
			b.WriteString(cursor.Render(cells[i]))
		} else {
			b.WriteString(cells[i])
		}
	}
	return b.String() + strings.Repeat(" ", width-used)
}

// joins says whether b makes one character with a before it, as a
// terminal that knows grapheme clusters draws them.
func joins(a, b string) bool {
	return lipgloss.Width(a+b) != lipgloss.Width(a)+lipgloss.Width(b)
}

func cellsWidth(cells []string) int {
	w := 0
	for _, c := range cells {
		w += lipgloss.Width(c)
	}
	return w
}
