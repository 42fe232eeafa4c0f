// Package screens holds the kiosk's screens other than the player:
// sign-in, home, lesson list, settings and joining a class.
package screens

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/store"
	"aula/tui/ui"
)

// homeRow is one thing to choose on the home screen.
type homeRow struct {
	lesson    string // continue with this lesson
	itinerary string // open this itinerary
	all       bool   // open the list of all lessons
	join      bool   // join the trainer's class
	settings  bool   // open the settings
}

// Home is the first screen after sign-in: continue where you left off, the
// itineraries with their progress, and all lessons.
type Home struct {
	c        *ui.Common
	progress map[string]store.Progress
	loaded   bool
	rows     []homeRow
	cursor   int
	scroll   ui.Scroll // the rows' window when they don't all fit
}

// NewHome makes the home screen.
func NewHome(c *ui.Common) *Home { return &Home{c: c} }

// Title names the screen at its top.
func (h *Home) Title() string { return h.c.Cat.T("home_title") }

// Typing says whether a text field has the keyboard, so letters are text, not commands.
func (h *Home) Typing() bool { return false }

// HelpText explains the screen in the help overlay.
func (h *Home) HelpText() string { return h.c.Cat.T("help_home") }

// Keys lists the bindings the screen adds to the help.
func (h *Home) Keys() []key.Binding {
	k := h.c.Keys
	return []key.Binding{k.Move, k.Enter, k.Quit}
}

// continueLesson picks the lesson to go on with: the one touched last that
// is not finished, else the first lesson not yet done.
func continueLesson(cat *lessons.Catalog, prog map[string]store.Progress) (*lessons.Lesson, bool) {
	var best *lessons.Lesson
	var bestP store.Progress
	for _, l := range cat.AllLessons() {
		p, ok := prog[l.ID]
		if ok && p.Status == store.InProgress && (best == nil || p.LastActivity.After(bestP.LastActivity)) {
			best, bestP = l, p
		}
	}
	if best != nil {
		return best, true
	}
	for _, l := range cat.AllLessons() {
		if prog[l.ID].Status != store.Done {
			return l, false
		}
	}
	return nil, false
}

// newLessonLabel names the row of a lesson not started: "Start here" only
// before any lesson is done; after that it is the next lesson.
func (h *Home) newLessonLabel() string {
	for _, p := range h.progress {
		if p.Status == store.Done {
			return h.c.Cat.T("next_up")
		}
	}
	return h.c.Cat.T("start_here")
}

func (h *Home) build() {
	h.rows = nil
	if l, _ := continueLesson(h.c.Lessons, h.progress); l != nil {
		h.rows = append(h.rows, homeRow{lesson: l.ID})
	}
	for _, it := range h.c.Lessons.Itineraries {
		h.rows = append(h.rows, homeRow{itinerary: it.ID})
	}
	h.rows = append(h.rows, homeRow{all: true})
	h.rows = append(h.rows, homeRow{settings: true})
	if h.c.InClass {
		h.rows = append(h.rows, homeRow{join: true}) // last: the way up from the top
	}
	h.cursor = ui.Clamp(h.cursor, 0, len(h.rows)-1)
}

// Update handles keys and clicks meant for the screen.
func (h *Home) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case ui.ProgressMsg:
		h.progress, h.loaded = msg.Progress, true
		h.build()
		return nil
	case tea.KeyMsg:
		if len(h.rows) == 0 {
			return nil
		}
		k := h.c.Keys
		switch {
		case key.Matches(msg, k.Up):
			h.cursor = (h.cursor - 1 + len(h.rows)) % len(h.rows)
		case key.Matches(msg, k.Down):
			h.cursor = (h.cursor + 1) % len(h.rows)
		case key.Matches(msg, k.Enter):
			return h.open(h.rows[h.cursor])
		}
	case tea.MouseMsg:
		if ui.IsClick(msg) {
			for i, r := range h.rows {
				if h.c.Zones.Get(fmt.Sprintf("home-%d", i)).InBounds(msg) {
					h.cursor = i
					return h.open(r)
				}
			}
		}
	}
	return nil
}

func (h *Home) open(r homeRow) tea.Cmd {
	switch {
	case r.lesson != "":
		return ui.Send(ui.OpenLessonMsg{ID: r.lesson})
	case r.itinerary != "":
		return ui.Send(ui.OpenListMsg{Itinerary: r.itinerary})
	case r.join:
		return ui.Send(ui.OpenJoinMsg{})
	case r.settings:
		return ui.Send(ui.OpenSettingsMsg{})
	}
	return ui.Send(ui.OpenListMsg{})
}

// View draws the screen.
func (h *Home) View() string {
	c, st, cat := h.c, h.c.Styles, h.c.Cat
	w := c.TextWidth()
	if !h.loaded {
		return cat.T("loading")
	}
	var pg ui.Page
	pg.Add(st.Title.Render(cat.T("hello", "Name", c.Learner.Name)), "")
	afterRow := -1 // pg.Len() just after the last row
	for i, r := range h.rows {
		rowStart := pg.Len() // with its heading, if it has one
		var block []string
		switch {
		case r.lesson != "":
			l, _ := c.Lessons.Lesson(r.lesson)
			_, started := continueLesson(c.Lessons, h.progress)
			label := h.newLessonLabel()
			detail := l.Title
			if started {
				p := h.progress[l.ID]
				label = cat.T("continue")
				detail = cat.T("lesson_at_step", "Title", l.Title, "N", p.Step+1, "Total", len(l.Steps()))
			}
			block = []string{label, "    " + detail}
		case r.itinerary != "":
			if i == 0 || h.rows[i-1].itinerary == "" {
				pg.Add(st.Dim.Render(cat.T("itineraries")))
			}
			block = []string{h.itineraryLine(r.itinerary, w)}
		case r.join:
			pg.Add("", st.Dim.Render(cat.T("home_join_heading")))
			block = []string{cat.T("home_join")}
		case r.settings:
			pg.Add("")
			block = []string{cat.T("home_settings")}
		default:
			pg.Add("", st.Dim.Render(cat.T("all_lessons_heading")))
			block = []string{cat.T("all_lessons", "Count", len(c.Lessons.Lessons))}
		}
		pointer := "  "
		if i == h.cursor {
			pointer = "▶ "
		}
		block[0] = pointer + block[0]
		for j := 1; j < len(block); j++ {
			block[j] = "  " + block[j]
		}
		text := lipgloss.NewStyle().MaxWidth(w).Render(strings.Join(block, "\n"))
		if i == h.cursor {
			text = st.Cursor.Render(text)
		}
		if c.Large && i > 0 && pg.Len() == afterRow {
			pg.Add("") // no heading in between: room between the rows
		}
		pg.Add(c.Zones.Mark(fmt.Sprintf("home-%d", i), text))
		if i == h.cursor {
			if i == 0 {
				rowStart = 0 // the first row brings the greeting back into view
			}
			pg.Select(rowStart)
		}
		if r.lesson != "" {
			pg.Add("")
		}
		afterRow = pg.Len()
	}
	return pg.ShowMarked(c, &h.scroll, c.Height)
}

// itineraryLine is an itinerary's title, a progress bar and the count in words.
func (h *Home) itineraryLine(id string, w int) string {
	c := h.c
	var it *lessons.Itinerary
	for _, x := range c.Lessons.Itineraries {
		if x.ID == id {
			it = x
		}
	}
	if it == nil {
		return id
	}
	done := 0
	for _, lid := range it.LessonIDs {
		if h.progress[lid].Status == store.Done {
			done++
		}
	}
	total := len(it.LessonIDs)
	words := c.Cat.T("lessons_done", "Done", done, "Count", total)
	if done == total && total > 0 {
		words = "✔ " + c.Cat.T("itinerary_done")
	}
	barW := ui.Clamp(w-2-28-1-2-lipgloss.Width(words), 6, 20) // pointer, title, bar, words
	return ui.PadRight(ui.Truncate(it.Title, 28), 28) + " " + ui.ProgressBar(c, done, total, barW) + "  " + words
}
