package form

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	formjudge "aula/lessons/kinds/form"
)

// drawReview draws the review page: every answer, page by page, each page
// with a "change" link, then Back and Submit.
func (e *FormExercise) drawReview(cv *canvas, w int) {
	st, cat := e.c.Styles, e.c.Cat
	for _, ln := range wrapLines(cat.T("form_review_intro"), w) {
		cv.add(-1, ln)
	}
	ts := e.Targets()
	for i, pg := range e.form.Pages {
		cv.add(-1, "")
		on := e.Focus == i
		link := "[ " + cat.T("form_btn_change") + " ]"
		if on {
			link = st.ButtonOn.Render(link)
		}
		title := st.Title.Render(pg.Title)
		gap := max(w-lipgloss.Width(title)-lipgloss.Width(link)-2, 1)
		cv.add(i, e.c.Zones.Mark(ts[i].Zone(e.Step.ID), title+strings.Repeat(" ", gap)+pointer(on)+link))
		for _, f := range pg.Fields {
			e.reviewField(cv, i, f, w)
		}
	}
	cv.add(-1, "")
	e.drawButtons(cv, len(e.form.Pages), w)
}

// reviewField adds the rows of one field (or a group's items) as part of
// target owner (its page's Change link), so they scroll into view with it.
func (e *FormExercise) reviewField(cv *canvas, owner int, f *formjudge.Field, w int) {
	st, cat := e.c.Styles, e.c.Cat
	if f.Kind == "check" {
		// A ticked box reads as the sentence itself.
		mark := "[x] "
		if e.Fields[f.ID].Value != "yes" {
			mark = "[ ] "
		}
		for i, ln := range wrapLines(f.Label, max(w-6, 8)) {
			p := "      "
			if i == 0 {
				p = "  " + mark
			}
			cv.add(owner, p+ln)
		}
		return
	}
	if f.Kind != "group" {
		v := e.fieldValueText(e.Fields[f.ID])
		if v == "" {
			v = st.Dim.Render(cat.T("form_review_empty"))
		}
		e.reviewRow(cv, owner, f.Label, v, w)
		return
	}
	g := e.Groups[f.ID]
	if len(g.Serials) == 0 {
		e.reviewRow(cv, owner, f.Label, st.Dim.Render(cat.T("form_group_none")), w)
		return
	}
	for n, serial := range g.Serials {
		var parts []string
		for _, sf := range f.Fields {
			if v := e.fieldValueText(e.Fields[ItemKey(f.ID, serial, sf.ID)]); v != "" {
				parts = append(parts, v)
			}
		}
		e.reviewRow(cv, owner, f.Item+" "+strconv.Itoa(n+1), strings.Join(parts, " · "), w)
	}
}

// reviewRow is "Label: value", wrapped under itself.
func (e *FormExercise) reviewRow(cv *canvas, owner int, label, value string, w int) {
	for i, ln := range wrapLines(e.c.Styles.Dim.Render(label+":")+" "+value, max(w-4, 8)) {
		p := "    "
		if i == 0 {
			p = "  "
		}
		cv.add(owner, p+ln)
	}
}
