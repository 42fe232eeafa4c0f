// Package tui is the learner kiosk: a root model that routes between screens
// (sign-in, home, lesson lists, the lesson player) and one component per
// exercise kind. Update and View do no I/O: disk work runs in commands.
package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"aula/tui/ui"
)

// View draws the frame: header, the screen (or an overlay), status and keys.
func (m *Model) View() string { return m.c.Zones.Scan(m.frame()) }

// frame is the view before the mouse zones are read: the copy a trainer
// sees is drawn from it too (share.go).
func (m *Model) frame() string {
	if m.width == 0 {
		return ""
	}
	if m.hidden() {
		return m.tooSmall()
	}
	body, keys := m.body()
	return m.pointed(m.c.Styles.App.Render(m.header() + "\n\n" + body + "\n" + m.footer(keys)))
}

// header is the top line: Aula, the screen's title and the learner's name;
// while the screen is shared, the banner that says so (share.go).
func (m *Model) header() string {
	if b := m.shareBanner(); b != "" {
		return b
	}
	st, w := m.c.Styles, m.c.Width
	left := st.Header.Render("Aula") + st.HeaderDim.Render(" · "+m.scr.Title())
	right := ""
	if m.c.Learner != nil {
		right = st.HeaderDim.Render(m.c.Learner.Name)
	}
	return lipgloss.NewStyle().MaxWidth(w).Render(left + strings.Repeat(" ", max(w-lipgloss.Width(left)-lipgloss.Width(right), 1)) + right)
}

// body is what is on top (the trainer's pause, an overlay, or the screen
// under the notice) in the content area, and the keys it shows.
func (m *Model) body() (string, []key.Binding) {
	st, w := m.c.Styles, m.c.Width
	var body string
	var keys []key.Binding
	switch {
	case m.class.paused != nil:
		body = m.pauseView(w, m.c.Height)
	case m.overlay != nil:
		body = m.overlay.View(w, m.c.Height)
		if h, ok := m.overlay.(interface{ Keys() []key.Binding }); ok {
			keys = h.Keys()
		}
	default:
		body = m.scr.View()
		keys = m.scr.Keys()
		if m.notice != "" {
			note := ui.Wrap(st.Bad.Render("! ")+m.notice, m.c.TextWidth())
			body = note + "\n\n" + body
		}
	}
	// On a wide terminal the reading column sits in the middle. Overlays
	// centre themselves in the whole width already.
	if pad := (w - ui.MaxTextWidth) / 2; pad > 10 && m.overlay == nil && m.class.paused == nil && !fullWidth(m.scr) {
		body = lipgloss.NewStyle().PaddingLeft(pad).Render(body)
	}
	return lipgloss.NewStyle().Width(w).Height(m.c.Height).MaxHeight(m.c.Height).MaxWidth(w).Render(body), keys
}

// footer is the status line (saved, the class, the raised hand) and the
// help line with keys.
func (m *Model) footer(keys []key.Binding) string {
	st, w := m.c.Styles, m.c.Width
	status := m.status
	if m.saveErr {
		status = st.Bad.Render("! " + status)
	} else if status != "" {
		status = st.Status.Render(status)
	}
	if cs := m.classStatus(); cs != "" {
		status = strings.TrimSpace(status + "  " + cs)
	}
	status = lipgloss.NewStyle().MaxWidth(w).Render(status)
	// F1 comes first on every screen: it is the way out of any doubt; in a
	// class, calling the trainer comes next.
	first := []key.Binding{m.c.Keys.Help}
	if _, trainers := m.scr.(ui.ForTrainer); m.cfg.Class != nil && !trainers {
		first = append(first, m.handKey())
	}
	if m.share.id != "" {
		first = append(first, m.stopShareKey()) // share.go
	}
	keys = append(first, keys...)
	if m.class.paused != nil {
		keys = nil // no key works until the trainer resumes
	}
	if len(keys) > 0 {
		// The glossary (when the screen has underlined words) and read
		// aloud come last; the keys line keeps the glossary always.
		if g, ok := m.scr.(ui.Glossed); ok && m.overlay == nil && len(g.GlossaryTerms()) > 0 {
			keys = append(keys, m.c.Keys.Glossary)
		}
		keys = append(keys, m.c.Keys.ReadAloud)
	}
	return status + "\n" + ui.KeysLine(m.c, keys, w)
}

// tooSmall asks for a bigger window, in whatever room there is: the size
// Aula needs and how to get it when that fits, fewer words when it does not.
func (m *Model) tooSmall() string {
	if m.width < 2 || m.height < 1 {
		return ""
	}
	cat := m.c.Cat
	box := lipgloss.NewStyle().Width(m.width)
	msgs := []string{
		cat.T("too_small", "W", ui.MinWidth, "H", ui.MinHeight, "NowW", m.width, "NowH", m.height),
		cat.T("too_small_short"),
		cat.T("too_small_tiny"),
	}
	for _, msg := range msgs {
		if out := box.Render(msg); lipgloss.Height(out) <= m.height && lipgloss.Width(out) <= m.width {
			return out
		}
	}
	return box.MaxWidth(m.width).MaxHeight(m.height).Render(msgs[len(msgs)-1])
}

// hidden says whether the screen is hidden behind the too-small message.
func (m *Model) hidden() bool {
	return m.width < ui.MinWidth || m.height < ui.MinHeight
}

// fullWidth says whether the screen wants the whole width (a mail app)
// rather than a centred reading column.
func fullWidth(s ui.Screen) bool {
	f, ok := s.(ui.FullWidth)
	return ok && f.FullWidth()
}
