package ui

import (
	"github.com/charmbracelet/bubbles/progress"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

func IsClick(m tea.MouseMsg) bool {
	return m.Action == tea.MouseActionRelease && m.Button == tea.MouseButtonLeft
}

// Button draws a clickable button; the default one (Enter) stands out.
func Button(c *Common, id, label string, isDefault bool) string {
	st := c.Styles.Button
	if isDefault {
		st = c.Styles.ButtonOn
	}
	if c.Large {
		// A wider target for a shaky hand.
		return c.Zones.Mark(id, st.Render("[   "+label+"   ]"))
	}
	return c.Zones.Mark(id, st.Render("[ "+label+" ]"))
}

// ProgressBar draws done out of total; it always comes with words beside it.
func ProgressBar(c *Common, done, total, width int) string {
	bar := progress.New(progress.WithSolidFill(c.Styles.BarFull), progress.WithoutPercentage(), progress.WithWidth(width))
	bar.EmptyColor = c.Styles.BarEmpty
	pct := 0.0
	if total > 0 {
		pct = float64(done) / float64(total)
	}
	return bar.ViewAs(pct)
}

// Truncate shortens s to n cells with an ellipsis.
func Truncate(s string, n int) string {
	if lipgloss.Width(s) <= n {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && lipgloss.Width(string(r))+1 > n {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
