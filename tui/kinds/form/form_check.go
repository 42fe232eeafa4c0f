package form

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	formjudge "aula/lessons/kinds/form"
	"aula/lessons/validate"
)

// next is the Next button: it checks the page and goes on only when the
// page is valid. Otherwise every error shows next to its field and in a
// summary at the top, and the focus goes to the first one.
func (e *FormExercise) next() tea.Cmd {
	problems := e.CheckPage(e.Page)
	if len(problems) > 0 {
		e.summary, e.showTop = true, true
		e.scroll.Home()
		e.FocusOn(problems[0].key)
		e.outcomes(problems)
		return nil
	}
	e.pageDone[e.Page] = true
	switch {
	case e.Back || e.Page == len(e.form.Pages)-1:
		from, changed := e.Page, e.Back
		e.Back = false
		if e.form.HasReview() {
			e.EnterPage(e.reviewPage())
			if changed {
				e.Focus = from // back on the review at the part just changed
			}
			return nil
		}
		return e.submit()
	default:
		e.arrive(e.Page + 1)
	}
	return nil
}

// submit checks every page; if one is not valid (a code expired while the
// learner was on the review) it shows that page with its errors, else the
// player takes the answer to judge (TakeCheck).
func (e *FormExercise) submit() tea.Cmd {
	for i := range e.form.Pages {
		if problems := e.CheckPage(i); len(problems) > 0 {
			e.Back = e.form.HasReview()
			e.EnterPage(i)
			e.CheckPage(i)
			e.summary, e.showTop = true, true
			e.FocusOn(problems[0].key)
			e.outcomes(problems)
			return nil
		}
	}
	e.pending = true
	return nil
}

// shownProblem is a field problem with the key of the field on screen.
type shownProblem struct {
	key  string
	path string
	f    *formjudge.Field
	rule string
}

// CheckPage validates page i and shows the result next to every field.
func (e *FormExercise) CheckPage(i int) []shownProblem {
	a, keys := e.answer()
	var out []shownProblem
	bad := map[string]string{}
	for _, p := range e.form.CheckPage(i, &a) {
		k := keys[p.Path]
		bad[k] = p.Rule
		out = append(out, shownProblem{key: k, path: p.Path, f: p.Field, rule: p.Rule})
	}
	if i == e.Page {
		for _, fs := range e.PageFieldsInOrder() {
			fs.Err = bad[fs.key]
		}
	}
	return out
}

// revalidate checks the fields that show an error again: fixed ones lose
// it, others get their new rule. Fields without an error stay quiet until
// the next Next.
func (e *FormExercise) revalidate() {
	if e.Page >= e.reviewPage() {
		return
	}
	a, keys := e.answer()
	bad := map[string]string{}
	for _, p := range e.form.CheckPage(e.Page, &a) {
		bad[keys[p.Path]] = p.Rule
	}
	for _, fs := range e.PageFieldsInOrder() {
		if fs.Err != "" {
			fs.Err = bad[fs.key]
		}
	}
}

// outcomes turns problems into mistake ids ("dni.dni_letter") for the
// player to record (TakeOutcomes), each once until it changes.
func (e *FormExercise) outcomes(problems []shownProblem) {
	for _, p := range problems {
		if e.recorded[p.path] == p.rule {
			continue
		}
		e.recorded[p.path] = p.rule
		e.found = append(e.found, p.f.ID+"."+p.rule)
	}
}

// ErrorText says what is wrong with a field and how to fix it: the
// lesson's own words for that rule, or the app's.
func (e *FormExercise) ErrorText(f *formjudge.Field, rule string) string {
	if s := f.Errors[rule]; s != "" {
		return s
	}
	cat := e.c.Cat
	switch rule {
	case validate.RuleTooLong:
		return cat.T("form_err_too_long", "Max", f.MaxLen())
	case validate.RuleCodeFormat:
		return cat.T("form_err_code_format", "Length", f.Length)
	case validate.RuleFileType:
		types := make([]string, len(f.Accept))
		for i, a := range f.Accept {
			types[i] = strings.ToUpper(a) // PDF or JPG: the "or" in the learner's words
		}
		return cat.T("form_err_file_type", "Types", strings.Join(types, " "+cat.T("form_or")+" "))
	case validate.RuleFileSize:
		return cat.T("form_err_file_size", "Max", sizeText(cat, f.MaxKB))
	}
	return cat.T("form_err_" + rule)
}
