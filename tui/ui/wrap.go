package ui

import (
	"aula/internal/lazy"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// bullet is the start of a list item: spaces, a mark, a space.
var bullet = lazy.Regexp{Expr: `^ *([-•·*–]|\d{1,2}[.)]) +`}

// Wrap is the one way Aula wraps text to w cells. It breaks only at
// spaces, never inside a word, so an address, a domain or an email
// (seg-social-ayudas.com) stays whole (lipgloss also breaks at hyphens);
// a mark that stands after a word (the required "*", "?", "!") stays with
// it; a list item ("• ", "- ", "1. ") hangs under its first word. Only a
// word wider than the whole line is cut. Lines are not padded.
func Wrap(text string, w int) string {
	w = max(w, 1)
	if !strings.Contains(text, "\n") && lipgloss.Width(text) <= w {
		return text
	}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrapPara(para, w)...)
	}
	return strings.Join(out, "\n")
}

// WrapLines is Wrap as a list of lines.
func WrapLines(text string, w int) []string {
	return strings.Split(Wrap(text, w), "\n")
}

func wrapPara(para string, w int) []string {
	if lipgloss.Width(para) <= w {
		return []string{para}
	}
	prefix := bullet.Get().FindString(para)
	if lipgloss.Width(prefix)*2 > w {
		prefix = "" // no room to hang under it
	}
	if prefix == "" {
		prefix = para[:len(para)-len(strings.TrimLeft(para, " "))]
	}
	hang := strings.Repeat(" ", lipgloss.Width(prefix))
	words := glue(strings.Fields(para[len(prefix):]))

	var lines []string
	line, lw := prefix, lipgloss.Width(prefix)
	empty := true // nothing but the prefix or the hang on the line yet
	for _, word := range words {
		ww := lipgloss.Width(word)
		switch {
		case !empty && lw+1+ww <= w:
			line += " " + word
			lw += 1 + ww
			continue
		case empty && lw+ww <= w:
			line += word
			lw += ww
			empty = false
			continue
		}
		if !empty {
			lines = append(lines, line)
			line, lw = hang, len(hang)
		}
		if lw+ww <= w {
			line, lw, empty = line+word, lw+ww, false
			continue
		}
		// Wider than a whole line: cut it, the last piece goes on.
		pieces := strings.Split(ansi.Hardwrap(word, max(w-lw, 1), false), "\n")
		for _, p := range pieces[:len(pieces)-1] {
			lines = append(lines, line+p)
			line, lw = hang, len(hang)
		}
		last := pieces[len(pieces)-1]
		line, lw, empty = line+last, lw+lipgloss.Width(last), false
	}
	return append(lines, line)
}

// glue joins to the word before it a mark that must not start a line:
// the required "*", and the ? ! : ; » of a sentence written apart.
func glue(words []string) []string {
	out := words[:0:0]
	for _, word := range words {
		if len(out) > 0 && isTrailingMark(ansi.Strip(word)) {
			out[len(out)-1] += " " + word
			continue
		}
		out = append(out, word)
	}
	return out
}

func isTrailingMark(s string) bool {
	switch s {
	case "*", "?", "!", ":", ";", "»", "…":
		return true
	}
	return false
}

// Wrapper wraps text to its width with Wrap; it stands where a lipgloss
// style with only a width was used to wrap (which breaks at hyphens).
type Wrapper int

// Render wraps text to the Wrapper's width.
func (w Wrapper) Render(text string) string { return Wrap(text, int(w)) }
