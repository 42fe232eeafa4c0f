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

// glossaryTerms are the words F7 explains on the screen now: those
// underlined in a step's instruction.
func (m *Model) glossaryTerms() []*lessons.Term {
	if g, ok := m.scr.(ui.Glossed); ok {
		return g.GlossaryTerms()
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
	indent := lipgloss.NewStyle().PaddingLeft(2)
	lines := []string{st.Title.Render(cat.T("glossary_title")), "", ui.Wrap(cat.T("glossary_text"), w), ""}
	for _, t := range g.terms {
		lines = append(lines, st.Title.Render(st.Glossary.Render(t.Word())), indent.Render(ui.Wrap(t.Text, max(w-4, 1))))
		if g.c.Large {
			lines = append(lines, "")
		}
	}
	lines = append(lines, "", st.Dim.Render(ui.Wrap(cat.T("glossary_close"), w)))
	return lipgloss.NewStyle().MaxHeight(height).Render(strings.Join(lines, "\n"))
}
