package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/store"
	"aula/tui/access"
	"aula/tui/player"
	"aula/tui/ui"
)

// A library read again while the kiosk runs (ui.LessonsMsg): a trainer's
// folder saved under aula lessons preview, or the lessons the class's hub
// published.

// reloadState is what the root keeps about the library's reads.
type reloadState struct {
	seq uint64 // the newest read put in place
	// The lesson the preview shows, and where in it: kept while the
	// problems show, to open it there again once they are fixed.
	lesson, step string
	idx          int
}

// lessonsChanged puts a newer library in place and, in the preview,
// opens the lesson on screen again at the same step, or shows the folder's
// problems in its place.
func (m *Model) lessonsChanged(msg ui.LessonsMsg) tea.Cmd {
	if msg.Seq <= m.reload.seq || msg.Library == nil {
		return nil // an older read that ended late
	}
	m.reload.seq = msg.Seq
	m.cfg.Library = msg.Library
	m.c.Lessons = msg.Library.Catalog(m.c.Cat.Lang())
	if !msg.Reopen {
		// The home lists the itineraries: drawn again with the new ones.
		if pl, ok := m.scr.(ui.Placed); ok && pl.Where().Screen == "home" {
			return m.goHome()
		}
		return nil
	}
	if m.reload.lesson == "" {
		m.reload.lesson = m.cfg.StartLesson
	}
	if pl, ok := m.scr.(ui.Placed); ok {
		if w := pl.Where(); w.Lesson != "" {
			m.reload.lesson, m.reload.step, m.reload.idx = w.Lesson, w.Step, w.StepIndex
		}
	}
	if len(msg.Problems) > 0 {
		m.overlay = &problemsOverlay{c: m.c, problems: msg.Problems}
		return nil
	}
	if _, ok := m.overlay.(*problemsOverlay); ok {
		m.overlay = nil
	}
	if m.c.Learner == nil || m.reload.lesson == "" {
		return nil // the lesson opens after sign-in, from the new library
	}
	l, ok := m.c.Lessons.Lesson(m.reload.lesson)
	if !ok {
		m.status = m.c.Cat.T("no_such_lesson", "ID", m.reload.lesson)
		return nil
	}
	idx := l.StepIndex(m.reload.step)
	if idx < 0 {
		idx = min(m.reload.idx, len(l.Steps())-1)
	}
	p := player.NewPlayer(m.c, l, m.nextLesson(l.ID), store.Progress{Step: idx})
	m.show(p)
	return p.Init()
}

// problemsOverlay shows a folder's problems, file:line and what is wrong,
// in place of the step, until a save puts them right. Ctrl+C leaves the
// preview.
type problemsOverlay struct {
	c        *ui.Common
	problems []lessons.Problem
}

// Update takes every key: the step under it is not the one on disk.
func (o *problemsOverlay) Update(msg tea.Msg) (tea.Cmd, bool) {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, o.c.Keys.ForceQuit) {
		return ui.Send(ui.QuitMsg{}), false
	}
	return nil, false
}

// View lists the problems, as many as fit, and how many more there are.
func (o *problemsOverlay) View(w, h int) string {
	st, cat := o.c.Styles, o.c.Cat
	width := min(w, ui.MaxTextWidth)
	box := lipgloss.NewStyle().Width(width)
	head := box.Render(st.Bad.Render("! ") + cat.T("preview_problems", "Count", len(o.problems)))
	foot := box.Render(cat.T("preview_problems_fix"))
	lines := []string{head, ""}
	room := h - lipgloss.Height(head) - lipgloss.Height(foot) - 3
	for i, p := range o.problems {
		item := box.Render(p.String())
		if lipgloss.Height(item) > room {
			lines = append(lines, cat.T("preview_problems_more", "Count", len(o.problems)-i))
			break
		}
		room -= lipgloss.Height(item)
		lines = append(lines, item)
	}
	return strings.Join(append(lines, "", foot), "\n")
}

// frame says the problems as lines (accessible mode), every one of them.
func (o *problemsOverlay) frame() access.Frame {
	lines := []string{o.c.Cat.T("preview_problems", "Count", len(o.problems))}
	for _, p := range o.problems {
		lines = append(lines, p.String())
	}
	lines = append(lines, o.c.Cat.T("preview_problems_fix"))
	return access.Frame{Key: "problems:" + strings.Join(lines, "\n"), Lines: lines}
}

// Keys are the way out.
func (o *problemsOverlay) Keys() []key.Binding { return []key.Binding{o.c.Keys.ForceQuit} }

// String names the overlay in the debug log.
func (o *problemsOverlay) String() string { return fmt.Sprintf("problems(%d)", len(o.problems)) }
