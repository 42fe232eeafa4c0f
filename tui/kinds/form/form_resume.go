package form

import "aula/tui/exercise"

// The form after a crash (issue 19, item 2). What the learner types in a
// practice form is never stored, so a crash empties it; the player stores
// only the page reached (Reached) and offers to go back there (ResumeAt)
// with the lesson's fictional practice data filled in.

var _ exercise.Resumer = (*FormExercise)(nil)

// Reached is the first page not passed yet with a valid Next; the number
// of pages when all were (the review).
func (e *FormExercise) Reached() int {
	for i, ok := range e.pageDone {
		if !ok {
			return i
		}
	}
	return len(e.pageDone)
}

// Pages is how many pages the form has, the review not counted.
func (e *FormExercise) Pages() int { return len(e.form.Pages) }

// ResumeAt fills the pages before page with what the lesson expects (the
// persona's data, fictional) and shows page; it stops earlier at a page
// that those data do not make valid (a one-time code sent by "SMS" cannot
// be filled in again: a new one is sent).
func (e *FormExercise) ResumeAt(page int) {
	page = min(max(page, 0), len(e.form.Pages))
	for i := range page {
		e.fillExpected(i)
		a, _ := e.answer()
		if len(e.form.CheckPage(i, &a)) > 0 {
			page = i
			break
		}
		e.pageDone[i] = true
	}
	e.touched = true
	e.arrive(page)
}

// fillExpected puts the lesson's expected answers in page i's fields.
func (e *FormExercise) fillExpected(i int) {
	for _, f := range e.form.Pages[i].Fields {
		switch {
		case f.Kind == "group":
			if len(f.Expects) == 0 {
				continue
			}
			g := e.Groups[f.ID]
			for _, serial := range append([]int(nil), g.Serials...) {
				e.removeItem(g, serial)
			}
			for _, it := range f.Expects {
				e.addItem(g, it)
			}
		case f.Kind == "check":
			if f.Required {
				e.Fields[f.ID].Value = "yes"
			}
		case f.Expect != "":
			fs := e.Fields[f.ID]
			if f.IsText() {
				fs.Input.SetValue(f.Expect)
			} else {
				fs.Value = f.Expect
			}
		}
	}
}
