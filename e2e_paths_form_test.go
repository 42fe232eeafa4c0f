package main

import (
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"aula/i18n"
	"aula/lessons/kinds/form"
)

// formByKeys fills a form with the keys, page by page, with the values of
// the judge's own SampleAnswer: Tab until the focus (▶) is on the field,
// then text typed, a drop-down opened with Enter and its option picked
// with the arrows, a radio option gone to with Tab and ticked with Space,
// a file picked in the picker with the arrows; then Next, and at the end
// Submit (after the review, when the form has one).
func formByKeys(t *testing.T, tm *tmuxServer, name, lang string, fm *form.Form) {
	t.Helper()
	cat := i18n.New(lang)
	fw := formE2EWords[lang]
	a := fm.SampleAnswer(time.Now())
	for pi, pg := range fm.Pages {
		tm.waitFor(name, fmt.Sprintf(fw.page, pi+1, len(fm.Pages)))
		for _, f := range pg.Fields {
			v := a.Values[f.ID]
			if f.Kind == "group" {
				t.Fatalf("form: no keys for a group (%s)", f.ID)
			}
			if v == "" && f.Kind != "check" {
				continue
			}
			label := []rune(f.Label)
			at := regexp.MustCompile(`^▶ ` + regexp.QuoteMeta(string(label[:min(len(label), 12)])))
			switch f.Kind {
			case "text", "date", "code":
				tabTo(t, tm, name, f.Label, at)
				if d, err := time.Parse("2006-01-02", v); err == nil {
					v = d.Format("02/01/2006")
				}
				tm.keys(name, "C-u")
				tm.typeText(name, v)
				tm.waitFor(name, v)
			case "select":
				tabTo(t, tm, name, f.Label, at)
				o := f.Options[slices.IndexFunc(f.Options, func(o *form.FieldOption) bool { return o.ID == v })]
				tm.keys(name, "Enter")
				arrowTo(t, tm, name, o.Text, regexp.MustCompile(`^▶ `+regexp.QuoteMeta(o.Text)))
				tm.keys(name, "Enter")
				tm.waitFor(name, o.Text)
			case "radio":
				o := f.Options[slices.IndexFunc(f.Options, func(o *form.FieldOption) bool { return o.ID == v })]
				tabTo(t, tm, name, o.Text, regexp.MustCompile(`^▶ \( \) `+regexp.QuoteMeta(o.Text)))
				tm.keys(name, "Space")
				tm.waitFor(name, "(•) "+o.Text)
			case "file":
				tabTo(t, tm, name, f.Label, at)
				p := fm.Files[slices.IndexFunc(fm.Files, func(p *form.PracticeFile) bool { return p.ID == v })]
				tm.keys(name, "Enter")
				arrowTo(t, tm, name, p.Name, regexp.MustCompile(`^▶ `+regexp.QuoteMeta(p.Name)+` `))
				tm.keys(name, "Enter")
				tm.waitFor(name, p.Name+" · ")
			case "check":
				if v == "yes" {
					tabTo(t, tm, name, f.Label, at)
					tm.keys(name, "Space")
				}
			default:
				t.Fatalf("form: no keys for a %s field (%s)", f.Kind, f.ID)
			}
		}
		if pi < len(fm.Pages)-1 || fm.HasReview() {
			next := cat.T("form_btn_next")
			tabTo(t, tm, name, next, buttonRe(next))
			tm.keys(name, "Enter")
		}
	}
	if fm.HasReview() {
		tm.waitFor(name, fw.review)
	}
	tabTo(t, tm, name, fm.Submit, buttonRe(fm.Submit))
	tm.keys(name, "Enter")
}
