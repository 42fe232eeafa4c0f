package screens

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/store"
	"aula/tui/ui"
)

// LessonList lists the lessons of an itinerary, or all lessons, each with
// its state in words: done, at step N, or new.
type LessonList struct {
	c         *ui.Common
	itinerary *lessons.Itinerary // nil: all lessons
	lessons   []*lessons.Lesson
	progress  map[string]store.Progress
	cursor    int
	scroll    ui.Scroll // the rows' window when they don't all fit
}

// NewLessonList makes the list of the lessons of one itinerary.
func NewLessonList(c *ui.Common, itineraryID string) *LessonList {
	ll := &LessonList{c: c}
	for _, it := range c.Lessons.Itineraries {
		if it.ID == itineraryID {
			ll.itinerary = it
		}
	}
	if ll.itinerary != nil {
		for _, id := range ll.itinerary.LessonIDs {
			if l, ok := c.Lessons.Lesson(id); ok {
				ll.lessons = append(ll.lessons, l)
			}
		}
	} else {
		ll.lessons = c.Lessons.AllLessons()
	}
	return ll
}

// Title names the screen at its top.
func (ll *LessonList) Title() string {
	if ll.itinerary != nil {
		return ll.itinerary.Title
	}
	return ll.c.Cat.T("all_lessons_heading")
}

// Typing says whether a text field has the keyboard, so letters are text, not commands.
func (ll *LessonList) Typing() bool { return false }

// HelpText explains the screen in the help overlay.
func (ll *LessonList) HelpText() string { return ll.c.Cat.T("help_list") }

// Keys lists the bindings the screen adds to the help.
func (ll *LessonList) Keys() []key.Binding {
	k := ll.c.Keys
	return []key.Binding{k.Move, k.Enter, k.Back}
}

// Update handles keys and clicks meant for the screen.
func (ll *LessonList) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case ui.ProgressMsg:
		ll.progress = msg.Progress
		// Start on the first lesson not yet done.
		for i, l := range ll.lessons {
			if ll.progress[l.ID].Status != store.Done {
				ll.cursor = i
				break
			}
		}
	case tea.KeyMsg:
		if len(ll.lessons) == 0 {
			return nil
		}
		k := ll.c.Keys
		switch {
		case key.Matches(msg, k.Up):
			ll.cursor = (ll.cursor - 1 + len(ll.lessons)) % len(ll.lessons)
		case key.Matches(msg, k.Down):
			ll.cursor = (ll.cursor + 1) % len(ll.lessons)
		case key.Matches(msg, k.Enter):
			return ui.Send(ui.OpenLessonMsg{ID: ll.lessons[ll.cursor].ID})
		}
	case tea.MouseMsg:
		if ui.IsClick(msg) {
			for i, l := range ll.lessons {
				if ll.c.Zones.Get(fmt.Sprintf("lesson-%d", i)).InBounds(msg) {
					ll.cursor = i
					return ui.Send(ui.OpenLessonMsg{ID: l.ID})
				}
			}
		}
	}
	return nil
}

// state says where the learner is in lesson l, in words.
func (ll *LessonList) state(l *lessons.Lesson) string {
	cat := ll.c.Cat
	p, ok := ll.progress[l.ID]
	switch {
	case !ok || p.Status == store.NotStarted:
		return cat.T("state_new")
	case p.Status == store.Done:
		return "✔ " + cat.T("state_done")
	}
	return cat.T("state_at_step", "N", p.Step+1, "Total", len(l.Steps()))
}

// View draws the screen.
func (ll *LessonList) View() string {
	c, st := ll.c, ll.c.Styles
	w := c.TextWidth()
	var head []string
	if ll.itinerary != nil {
		head = append(head, st.Title.Render(ll.itinerary.Title))
		if ll.itinerary.Description != "" {
			head = append(head, ui.Wrap(ll.itinerary.Description, w))
		}
	} else {
		head = append(head, st.Title.Render(c.Cat.T("all_lessons_heading")))
	}
	head = append(head, "")
	states := make([]string, len(ll.lessons))
	stateW := 0
	for i, l := range ll.lessons {
		states[i] = ll.state(l)
		stateW = max(stateW, lipgloss.Width(states[i]))
	}
	numW := len(fmt.Sprint(len(ll.lessons)))
	titleW := ui.Clamp(w-stateW-numW-6, 10, 50)
	var rows []string
	for i, l := range ll.lessons {
		pointer := "  "
		if i == ll.cursor {
			pointer = "▶ "
		}
		row := fmt.Sprintf("%s%*d. ", pointer, numW, i+1) + ui.PadRight(ui.Truncate(l.Title, titleW), titleW) + "  " + states[i]
		row = lipgloss.NewStyle().MaxWidth(w).Render(row)
		if i == ll.cursor {
			row = st.Cursor.Render(row)
		}
		if c.Large && i > 0 {
			row = "\n" + row
		}
		rows = append(rows, c.Zones.Mark(fmt.Sprintf("lesson-%d", i), row))
	}
	var pg ui.Page
	pg.Fixed(head...)
	for i, row := range rows {
		from := pg.Len()
		pg.Add(row)
		if i == ll.cursor {
			pg.Select(from)
		}
	}
	return pg.ShowMarked(c, &ll.scroll, c.Height)
}
