package browser

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	browserjudge "aula/lessons/kinds/browser"
)

// The bookmarks bar, under the address bar: the lesson's bookmarks and
// the pages the learner saves there. Tab goes through the bar first, then
// the page, as a browser's toolbar comes before its page.

func markZone(i int) string { return fmt.Sprintf("browser-mark-%d", i) }

// Bar is the bookmarks bar: the step's bookmarks, then the pages saved.
func (e *BrowserExercise) Bar() []*browserjudge.Block {
	if len(e.Ans.Saved) == 0 {
		return e.X.Bookmarks
	}
	bar := slices.Clone(e.X.Bookmarks)
	for _, id := range e.Ans.Saved {
		if p := e.X.Page(id); p != nil {
			bar = append(bar, &browserjudge.Block{Link: p.Title, To: id, ID: "saved-" + id})
		}
	}
	return bar
}

// HasBar says whether the browser shows a bookmarks bar: the step has
// bookmarks, or asks for a page to be saved, or one was.
func (e *BrowserExercise) HasBar() bool {
	if len(e.X.Bookmarks) > 0 || len(e.Ans.Saved) > 0 {
		return true
	}
	return slices.ContainsFunc(e.X.Rules, func(r *browserjudge.Rule) bool { return r.Check == "bookmarked" })
}

// Save adds the page shown to the bookmarks (once) and asks to check.
func (e *BrowserExercise) Save() {
	p := e.Page()
	if p == nil {
		return
	}
	if !slices.Contains(e.Ans.Saved, p.ID) {
		e.Ans.Saved = append(e.Ans.Saved, p.ID)
	}
	e.note = e.c.Cat.T("browser_saved", "Title", p.Title)
	e.did(browserjudge.ActBookmark, p.ID)
}

// LookAtBar looks where every bookmark goes at once, as hearing the bar
// read out in accessible mode does.
func (e *BrowserExercise) LookAtBar() {
	bar := e.Bar()
	for _, b := range bar {
		if !slices.Contains(e.Ans.Inspected, b.ID) {
			e.Ans.Inspected = append(e.Ans.Inspected, b.ID)
		}
	}
	if len(bar) > 0 {
		e.did(browserjudge.ActInspect, bar[len(bar)-1].ID)
	}
}

// lookup is the link, button, download or bookmark with id, saved ones
// included.
func (e *BrowserExercise) lookup(id string) *browserjudge.Block {
	if id == "" {
		return nil
	}
	if b, _ := e.X.Block(id); b != nil {
		return b
	}
	for _, b := range e.Bar() {
		if b.ID == id {
			return b
		}
	}
	return nil
}

// clickMark: a click on a bookmark not focused focuses it and shows where
// it goes; on the focused one it opens it.
func (e *BrowserExercise) clickMark(i int) {
	if e.Mark == i {
		e.Press()
		return
	}
	e.Mark, e.Focus = i, -1
	e.Inspect()
}

// barLine is the bookmarks bar in one line of at most w cells: each
// bookmark's words cut to a short label, as browsers do, and the button
// that saves the page shown at the end. Bookmarks that do not fit give
// way to "…"; the focused one always shows.
func (e *BrowserExercise) barLine(w int) string {
	st := e.c.Styles
	head := e.c.Cat.T("browser_bookmarks")
	save := ""
	if !e.done {
		save = "[☆ " + e.keys.Save.Help().Key + " " + e.c.Cat.T("browser_save_button") + "]"
	}
	room := w - lipgloss.Width(head) - lipgloss.Width(save) - 3
	parts := []string{st.Dim.Render(head)}
	for i, b := range e.Bar() {
		label := "[" + ansi.Truncate(b.Link, barLabel, "…") + "]"
		if i == e.Mark {
			label = "▶" + label
		}
		if lipgloss.Width(label)+1 > room && i != e.Mark {
			parts = append(parts, st.Dim.Render("…"))
			room -= 2
			continue
		}
		room -= lipgloss.Width(label) + 1
		s := st.Link.Render(label)
		if i == e.Mark {
			s = st.Cursor.Render(label)
		}
		parts = append(parts, e.c.Zones.Mark(markZone(i), s))
	}
	if save != "" {
		parts = append(parts, e.c.Zones.Mark("browser-save", st.HelpKey.Render(save)))
	}
	return lipgloss.NewStyle().MaxWidth(w).Render(strings.Join(parts, " "))
}

// barLabel is the most cells a bookmark's words take in the bar.
const barLabel = 22
