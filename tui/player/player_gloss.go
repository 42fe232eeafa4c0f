package player

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/tui/ui"
)

// glossed is a step's instruction with its glossary words marked, worked
// out once per step and theme.
type glossed struct {
	done    bool
	terms   []*lessons.Term
	styles  *ui.Styles
	text    string
	width   int    // the width wrapped was wrapped to
	wrapped string // text wrapped: kept between frames, it only changes with the width or the theme
}

// Terms are the glossary's words in the step's title and instruction.
func (p *Player) Terms() []*lessons.Term {
	if !p.gloss.done {
		s := p.Step()
		p.gloss = glossed{done: true, terms: p.c.Lessons.TermsIn(s.Title + "\n" + s.Text)}
	}
	return p.gloss.terms
}

// instruction is the step's text with the glossary's words underlined.
func (p *Player) instruction() string {
	p.Terms()
	if p.gloss.styles != p.c.Styles {
		p.gloss.styles, p.gloss.text = p.c.Styles, MarkTerms(p.c.Lessons, p.Step().Text, p.c.Styles.Glossary)
		p.gloss.wrapped = ""
	}
	return p.gloss.text
}

// wrappedInstruction is the instruction with its words marked, wrapped to
// w cells; worked out again only when the width or the theme changes.
func (p *Player) wrappedInstruction(w int) string {
	text := p.instruction()
	if p.gloss.width != w || p.gloss.wrapped == "" {
		p.gloss.width, p.gloss.wrapped = w, ui.Wrap(text, w)
	}
	return p.gloss.wrapped
}

// MarkTerms draws the glossary's words of text in style.
func MarkTerms(cat *lessons.Catalog, text string, style lipgloss.Style) string {
	found := cat.FindTerms(text)
	if len(found) == 0 {
		return text
	}
	var b strings.Builder
	at := 0
	for _, m := range found {
		b.WriteString(text[at:m.Start])
		// A word over a line break is marked line by line.
		for i, part := range strings.Split(text[m.Start:m.End], "\n") {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(style.Render(part))
		}
		at = m.End
	}
	b.WriteString(text[at:])
	return b.String()
}

// termWords lists the terms' words: "contraseña, enlace".
func termWords(terms []*lessons.Term) string {
	var words []string
	for _, t := range terms {
		words = append(words, t.Word())
	}
	return strings.Join(words, ", ")
}
