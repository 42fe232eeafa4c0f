package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/tui/ui"
)

// The glossary: words of a step's instruction that the lesson content's
// glossary explains are underlined (never marked by colour alone), and F7
// (or "glosario" in accessible mode) explains them in easy words.

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

// terms are the glossary's words in the step's title and instruction.
func (p *player) terms() []*lessons.Term {
	if !p.gloss.done {
		s := p.step()
		p.gloss = glossed{done: true, terms: p.c.Lessons.TermsIn(s.Title + "\n" + s.Text)}
	}
	return p.gloss.terms
}

// instruction is the step's text with the glossary's words underlined.
func (p *player) instruction() string {
	p.terms()
	if p.gloss.styles != p.c.Styles {
		p.gloss.styles, p.gloss.text = p.c.Styles, markTerms(p.c.Lessons, p.step().Text, p.c.Styles.Glossary)
		p.gloss.wrapped = ""
	}
	return p.gloss.text
}

// wrappedInstruction is the instruction with its words marked, wrapped to
// w cells; worked out again only when the width or the theme changes.
func (p *player) wrappedInstruction(w int) string {
	text := p.instruction()
	if p.gloss.width != w || p.gloss.wrapped == "" {
		p.gloss.width, p.gloss.wrapped = w, lipgloss.NewStyle().Width(w).Render(text)
	}
	return p.gloss.wrapped
}

// markTerms draws the glossary's words of text in style.
func markTerms(cat *lessons.Catalog, text string, style lipgloss.Style) string {
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

// glossaryTerms are the words F7 explains on the screen now: those
// underlined in a step's instruction.
func (m *Model) glossaryTerms() []*lessons.Term {
	if p, ok := m.scr.(*player); ok && !p.finished {
		return p.terms()
	}
	return nil
}

// openGlossary shows what the screen's underlined words mean.
func (m *Model) openGlossary() tea.Cmd {
	terms := m.glossaryTerms()
	if len(terms) == 0 {
		m.status = m.c.Cat.T("glossary_none")
		return nil
	}
	m.overlay = &glossaryOverlay{c: m.c, terms: terms}
	return nil
}

// glossaryLines are the terms and what they mean, for accessible mode.
func glossaryLines(c *ui.Common, terms []*lessons.Term) []string {
	if len(terms) == 0 {
		return []string{c.Cat.T("glossary_none")}
	}
	out := []string{c.Cat.T("glossary_title") + "."}
	for _, t := range terms {
		out = append(out, t.Word()+": "+t.Text)
	}
	return out
}

// termWords lists the terms' words: "contraseña, enlace".
func termWords(terms []*lessons.Term) string {
	var words []string
	for _, t := range terms {
		words = append(words, t.Word())
	}
	return strings.Join(words, ", ")
}

// glossaryOverlay explains the underlined words. Esc, F7 or Enter close it.
type glossaryOverlay struct {
	c     *ui.Common
	terms []*lessons.Term
}

func (g *glossaryOverlay) Update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, false
	}
	keys := g.c.Keys
	return nil, key.Matches(k, keys.Back) || key.Matches(k, keys.Glossary) || key.Matches(k, keys.Enter) ||
		key.Matches(k, keys.ForceQuit) || key.Matches(k, keys.Help)
}

func (g *glossaryOverlay) Keys() []key.Binding { return []key.Binding{g.c.Keys.Back} }

func (g *glossaryOverlay) View(width, height int) string {
	st, cat := g.c.Styles, g.c.Cat
	w := g.c.TextWidth()
	wrap := lipgloss.NewStyle().Width(max(w-2, 1)).PaddingLeft(2)
	lines := []string{st.Title.Render(cat.T("glossary_title")), "", lipgloss.NewStyle().Width(w).Render(cat.T("glossary_text")), ""}
	for _, t := range g.terms {
		lines = append(lines, st.Title.Render(st.Glossary.Render(t.Word())), wrap.Render(t.Text))
		if g.c.Large {
			lines = append(lines, "")
		}
	}
	lines = append(lines, "", st.Dim.Render(lipgloss.NewStyle().Width(w).Render(cat.T("glossary_close"))))
	return lipgloss.NewStyle().MaxHeight(height).Render(strings.Join(lines, "\n"))
}
