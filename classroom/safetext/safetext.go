// Package safetext makes text that came from another machine safe to put
// on a terminal (a learner's name, a trainer's message, a shared screen's
// rows, a published lesson file).
package safetext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Text makes a text that came from another machine safe to put on a
// terminal: escape sequences (CSI, OSC, …) are removed whole, and so is
// every other control character, every bidirectional override, embedding
// and isolate (which would reorder the columns of the dashboard), and
// invisible format characters other than the joiner that emoji need.
// Invalid UTF-8 becomes U+FFFD. Line breaks and tabs become one space, and
// the result has at most max bytes (cut at a character boundary; max <= 0
// means no limit). A learner's name or a trainer's message reaches a
// screen only through it.
func Text(s string, max int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.ContainsFunc(s, unicode.IsControl) {
		s = ansi.Strip(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029':
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		case !Keep(r):
			continue
		}
		space = r == ' '
		if max > 0 && b.Len()+utf8.RuneLen(r) > max {
			break
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// Keep says whether r may reach a terminal.
func Keep(r rune) bool {
	switch {
	case r == utf8.RuneError:
		return true // shown as a replacement mark, harmless
	case unicode.IsControl(r): // C0, DEL, C1
		return false
	case r >= '\u202a' && r <= '\u202e', // LRE RLE PDF LRO RLO
		r >= '\u2066' && r <= '\u2069',                  // LRI RLI FSI PDI
		r == '\u200e' || r == '\u200f' || r == '\u061c', // LRM RLM ALM
		r == '\u200b' || r == '\u200c' || r == '\ufeff', // zero width space, non-joiner, BOM
		r >= '\u2060' && r <= '\u2064',                  // word joiner, invisible operators
		r >= '\U000e0000' && r <= '\U000e007f',          // tag characters
		r >= '\ufff9' && r <= '\ufffb',                  // interlinear annotations
		unicode.Is(unicode.Co, r),                       // private use
		unicode.Is(unicode.Cs, r):                       // surrogates (cannot be valid, but)
		return false
	}
	return true
}

// Is reports whether s is already what Text makes of it.
func Is(s string, max int) bool { return Text(s, max) == s }

// Line is Text for one row of a shared screen (share.go): the
// same characters are removed, but spaces are kept where they are (a tab
// is one space) and nothing is trimmed, so the columns stay true.
func Line(s string, max int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.ContainsFunc(s, unicode.IsControl) {
		s = ansi.Strip(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			r = ' '
		case !Keep(r):
			continue
		}
		if max > 0 && b.Len()+utf8.RuneLen(r) > max {
			break
		}
		b.WriteRune(r)
	}
	return b.String()
}
