package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/progress"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// IsClick says whether m is a left-button click (its release).
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
	// The bar takes lipgloss's colour profile, which honours NO_COLOR;
	// its own default (termenv.ColorProfile) does not.
	bar := progress.New(progress.WithSolidFill(c.Styles.BarFull), progress.WithoutPercentage(), progress.WithWidth(width),
		progress.WithColorProfile(lipgloss.ColorProfile()))
	bar.EmptyColor = c.Styles.BarEmpty
	pct := 0.0
	if total > 0 {
		pct = float64(done) / float64(total)
	}
	return bar.ViewAs(pct)
}

// Truncate shortens s to n cells with an ellipsis, cutting between
// characters as a person sees them (👨‍👩‍👧 whole or not at all).
func Truncate(s string, n int) string {
	if lipgloss.Width(s) <= n {
		return s
	}
	return ansi.Truncate(s, max(n, 1), "…")
}

// Box fits lines into exactly h lines of at most w cells: lines after
// the h-th are left out, longer ones cut, missing ones added empty.
func Box(lines []string, w, h int) []string {
	if len(lines) > h {
		lines = lines[:h]
	}
	cut := lipgloss.NewStyle().MaxWidth(w)
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = cut.Render(l)
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines
}

// PadRight pads s with spaces to n cells (fmt's %-*s counts code points,
// not cells).
func PadRight(s string, n int) string {
	return s + strings.Repeat(" ", max(n-lipgloss.Width(s), 0))
}

// LongDate says a day in words: "jueves, 5 de marzo de 2026".
func LongDate(c *Common, d time.Time) string {
	months := strings.Fields(c.Cat.T("form_months"))
	days := strings.Fields(c.Cat.T("form_weekdays"))
	if len(months) != 12 || len(days) != 7 {
		return d.Format("02/01/2006")
	}
	return c.Cat.T("form_long_date", "Weekday", days[(int(d.Weekday())+6)%7], "Day", d.Day(),
		"Month", months[d.Month()-1], "Year", d.Year())
}

// WriteOptionRow writes one numbered row of a list a learner answers in (the
// options of a choose step, the items of an order step): prefix, then the
// text wrapped beside it, highlighted where the cursor is, clickable under
// zone, with the layout's gap above every row but the first.
func WriteOptionRow(b *strings.Builder, c *Common, zone, prefix, text string, width int, first, selected bool) {
	body := Wrap(text, max(width-lipgloss.Width(prefix), 1))
	row := lipgloss.JoinHorizontal(lipgloss.Top, prefix, body)
	if selected {
		row = c.Styles.Cursor.Render(row)
	}
	if !first {
		b.WriteString(c.Gap())
	}
	b.WriteString(c.Zones.Mark(zone, row))
}
