package form

import (
	"fmt"
	"strings"
	"time"

	"aula/lessons/judge"
	"aula/lessons/validate"

	"gopkg.in/yaml.v3"
)

// maxFieldID keeps "<field id>.<rule id>" within the length of a stored id.
const maxFieldID = 40

// Check checks the form's own data: pages, fields, files, persona and
// receipt, and that the form can be solved.
func (fm *Form) Check(p *judge.Problems, step string, n *yaml.Node) {
	if len(fm.Pages) == 0 {
		p.Add(n, "step %q: a form needs at least 1 page", step)
		return
	}
	if fm.Submit == "" {
		p.Add(n, "step %q: a form needs the words of its submit button (submit)", step)
	}
	if fm.Timeout < 0 || (fm.Timeout > 0 && fm.Timeout < 20*time.Second) {
		p.Add(judge.Or(judge.Child(n, "timeout"), n), "step %q: a timeout must be at least 20s", step)
	}
	if r := fm.Receipt; r == nil || r.Title == "" {
		p.Add(n, "step %q: a form needs a receipt with a title", step)
	}
	fm.checkPersona(p, step, n)
	fm.checkFiles(p, step, n)
	fm.checkPages(p, step, n)
	fm.checkSolvable(p, step, n)
}

// checkFiles checks the practice documents of the file picker.
func (fm *Form) checkFiles(p *judge.Problems, step string, n *yaml.Node) {
	fileIDs := map[string]bool{}
	for i, f := range fm.Files {
		fn := judge.Item(judge.Child(n, "files"), i)
		if f == nil {
			fm.Files[i] = &PracticeFile{}
			f = fm.Files[i]
		}
		p.UnknownKeys(fn, f)
		switch {
		case !judge.IDPattern.Get().MatchString(f.ID):
			p.Add(judge.Or(fn, n), "step %q: file %d needs an id of lowercase letters, digits and dashes", step, i+1)
		case fileIDs[f.ID]:
			p.Add(judge.Or(fn, n), "step %q: file id %q is used twice", step, f.ID)
		}
		fileIDs[f.ID] = true
		if f.Name == "" || f.KB <= 0 {
			p.Add(judge.Or(fn, n), "step %q: file %q needs a name and a size in kb", step, f.ID)
		}
	}
}

// checkPages checks every page and its fields.
func (fm *Form) checkPages(p *judge.Problems, step string, n *yaml.Node) {
	ids := map[string]bool{}
	pagesNode := judge.Child(n, "pages")
	for i, pg := range fm.Pages {
		pn := judge.Or(judge.Item(pagesNode, i), n)
		if pg == nil {
			fm.Pages[i] = &Page{}
			pg = fm.Pages[i]
		}
		p.UnknownKeys(pn, pg)
		if !judge.IDPattern.Get().MatchString(pg.ID) {
			p.Add(pn, "step %q: page %d needs an id of lowercase letters, digits and dashes", step, i+1)
		}
		if pg.Title == "" {
			p.Add(pn, "step %q: page %q has no title", step, pg.ID)
		}
		if len(pg.Fields) == 0 {
			p.Add(pn, "step %q: page %q has no fields", step, pg.ID)
		}
		fieldsNode := judge.Child(pn, "fields")
		for j, f := range pg.Fields {
			fn := judge.Or(judge.Item(fieldsNode, j), pn)
			if f == nil {
				pg.Fields[j] = &Field{}
				f = pg.Fields[j]
			}
			fm.checkField(p, step, f, fn, ids, false)
		}
	}
}

// checkSolvable makes sure the form can be done: with every expected
// value it is right (when nothing else is wrong), and its receipt shows
// fields it has.
func (fm *Form) checkSolvable(p *judge.Problems, step string, n *yaml.Node) {
	if len(p.List) == 0 {
		// The form can be solved: its expected values fit together.
		if v := fm.Judge(fm.SampleAnswer(time.Now())); !v.Correct {
			p.Add(n, "step %q: the form cannot be solved: with every expected value, it says %s %s", step, v.Reason, v.Mistake)
		}
	}
	if r := fm.Receipt; r != nil {
		for _, id := range r.Show {
			if f := fm.Field(id); f == nil || f.Kind == "group" {
				p.Add(judge.Or(judge.Child(n, "receipt"), n), "step %q: the receipt shows %q, which is not a field of this form", step, id)
			}
		}
	}
}

func (fm *Form) checkPersona(p *judge.Problems, step string, n *yaml.Node) {
	pe := fm.Persona
	if pe == nil {
		return
	}
	pn := judge.Child(n, "persona")
	p.UnknownKeys(pn, pe)
	if pe.Title == "" || len(pe.Rows) == 0 {
		p.Add(judge.Or(pn, n), "step %q: the persona card needs a title and rows", step)
	}
	for i, r := range pe.Rows {
		rn := judge.Or(judge.Item(judge.Child(pn, "rows"), i), n)
		if r == nil || r.Label == "" || r.Value == "" {
			p.Add(rn, "step %q: persona row %d needs a label and a value", step, i+1)
			if r == nil {
				pe.Rows[i] = &PersonaRow{}
			}
			continue
		}
		p.UnknownKeys(rn, r)
	}
}

// checkField checks one field (of a page, or of a group when inGroup);
// ids holds the field ids seen so far in the form.
func (fm *Form) checkField(p *judge.Problems, step string, f *Field, n *yaml.Node, ids map[string]bool, inGroup bool) {
	p.UnknownKeys(n, f)
	what := p.Sprintf("step %q field %q", step, f.ID)
	switch {
	case !judge.IDPattern.Get().MatchString(f.ID) || len(f.ID) > maxFieldID:
		p.Add(judge.Or(judge.Child(n, "id"), n), "step %q: field id %q should be up to %d lowercase letters, digits and dashes", step, f.ID, maxFieldID)
	case ids[f.ID]:
		p.Add(judge.Or(judge.Child(n, "id"), n), "%s: the id is used twice in this form", what)
	}
	ids[f.ID] = true
	if !contains(fieldKinds, f.Kind) {
		p.Add(judge.Or(judge.Child(n, "kind"), n), "%s: kind %q is not one of %s", what, f.Kind, strings.Join(fieldKinds, ", "))
		return
	}
	checkFieldWords(p, f, n, what)
	if f.Kind == "group" {
		fm.checkGroup(p, step, f, n, ids, inGroup, what)
		return
	}
	fm.checkFieldKind(p, f, n, what)
	// An expected value must be one the form accepts.
	if f.Expect != "" && f.Kind != "code" && f.Kind != "day" {
		a := &Answer{Values: map[string]string{f.ID: f.Expect}, Now: time.Now()}
		if rule := fm.CheckField(f, f.ID, a); rule != "" {
			p.Add(n, "%s expects %q, which the form itself refuses (%s)", what, f.Expect, rule)
		}
	}
}

// checkFieldWords checks what every field has, whatever its kind: a
// label, a known validator, known rules in errors, words for a wrong value.
func checkFieldWords(p *judge.Problems, f *Field, n *yaml.Node, what string) {
	if f.Label == "" {
		p.Add(n, "%s has no label", what)
	}
	if !contains(validators, f.Validate) || (f.Validate != "" && f.Kind != "text") {
		p.Add(judge.Or(judge.Child(n, "validate"), n), "%s: validate %q is not one of %s (text fields only)", what, f.Validate, strings.Join(validators[1:], ", "))
	}
	for rule := range f.Errors {
		if !contains(validate.FormRules(), rule) {
			p.Add(judge.Or(judge.Child(n, "errors"), n), "%s: errors has %q, which is not a rule (%s…)", what, rule, strings.Join(validate.FormRules()[:4], ", "))
		}
	}
	if f.Expect != "" && f.Wrong == "" {
		p.Add(n, "%s expects a value, so it needs wrong: words for a different one", what)
	}
}

// checkFieldKind checks the data of each kind of field but groups.
func (fm *Form) checkFieldKind(p *judge.Problems, f *Field, n *yaml.Node, what string) {
	switch f.Kind {
	case "date":
		if f.When != validate.WhenAny && f.When != validate.WhenPast && f.When != validate.WhenFuture {
			p.Add(judge.Or(judge.Child(n, "when"), n), "%s: when is %q, not past or future", what, f.When)
		}
	case "select", "radio":
		fm.checkOptions(p, f, n, what)
	case "check":
		if f.Expect != "" && f.Expect != "yes" {
			p.Add(n, "%s: a check box can only expect yes", what)
		}
	case "file":
		if len(fm.Files) == 0 {
			p.Add(n, "%s: a file field needs the form's files (the practice documents)", what)
		}
		if f.Expect != "" && fm.File(f.Expect) == nil {
			p.Add(n, "%s expects file %q, which is not in files", what, f.Expect)
		}
	case "code":
		if f.Length < 3 || f.Length > 8 || f.Expires <= 0 || f.Sender == "" {
			p.Add(n, "%s: a code needs a length from 3 to 8, expires (like 10m) and a sender", what)
		}
	case "day":
		checkDay(p, f, n, what)
	}
}

// checkDay checks a calendar: how many days ahead, which weekdays closed.
func checkDay(p *judge.Problems, f *Field, n *yaml.Node, what string) {
	if f.Days < 1 || f.Days > 60 {
		p.Add(n, "%s: days should be from 1 to 60", what)
	}
	for _, d := range f.Closed {
		if !contains(weekdayIDs, d) {
			p.Add(judge.Or(judge.Child(n, "closed"), n), "%s: closed has %q, not one of %s", what, d, strings.Join(weekdayIDs, ", "))
		}
	}
}

func (fm *Form) checkOptions(p *judge.Problems, f *Field, n *yaml.Node, what string) {
	if len(f.Options) < 2 {
		p.Add(n, "%s needs at least 2 options", what)
		return
	}
	seen := map[string]bool{}
	free := 0
	for i, o := range f.Options {
		on := judge.Or(judge.Item(judge.Child(n, "options"), i), n)
		if o == nil {
			f.Options[i] = &FieldOption{}
			o = f.Options[i]
		}
		p.UnknownKeys(on, o)
		switch {
		case !judge.IDPattern.Get().MatchString(o.ID):
			p.Add(on, "%s: option %d needs an id of lowercase letters, digits and dashes", what, i+1)
		case seen[o.ID]:
			p.Add(on, "%s: option id %q is used twice", what, o.ID)
		}
		seen[o.ID] = true
		if o.Text == "" {
			p.Add(on, "%s: option %q has no text", what, o.ID)
		}
		if !o.Full {
			free++
		}
	}
	if free == 0 {
		p.Add(n, "%s: every option is full; leave at least 1 free", what)
	}
	if f.Expect != "" && f.Option(f.Expect) == nil {
		p.Add(n, "%s expects option %q, which it does not have", what, f.Expect)
	}
}

func (fm *Form) checkGroup(p *judge.Problems, step string, f *Field, n *yaml.Node, ids map[string]bool, inGroup bool, what string) {
	if inGroup {
		p.Add(n, "%s: a group cannot hold another group", what)
		return
	}
	if len(f.Fields) == 0 || f.Item == "" || f.MaxItem < 1 || f.MaxItem > 9 {
		p.Add(n, "%s: a group needs fields, item (the name of one) and max_items from 1 to 9", what)
	}
	if f.Required {
		p.Add(n, "%s: a group cannot be required; its fields can", what)
	}
	if len(f.Items) > f.MaxItem || len(f.Expects) > f.MaxItem {
		p.Add(n, "%s: more items than max_items", what)
	}
	if f.Expects != nil && f.Wrong == "" {
		p.Add(n, "%s expects items, so it needs wrong: words for a different number of them", what)
	}
	sub := map[string]bool{}
	for i, sf := range f.Fields {
		sn := judge.Or(judge.Item(judge.Child(n, "fields"), i), n)
		if sf == nil {
			f.Fields[i] = &Field{}
			sf = f.Fields[i]
		}
		fm.checkField(p, step, sf, sn, ids, true)
		sub[sf.ID] = true
		if sf.Kind == "file" || sf.Kind == "code" || sf.Kind == "day" {
			p.Add(sn, "%s: a group holds text, date, select, radio and check fields only", what)
		}
	}
	for _, list := range [][]map[string]string{f.Items, f.Expects} {
		for _, it := range list {
			for k := range it {
				if !sub[k] {
					p.Add(n, "%s: an item has %q, which is not one of its fields", what, k)
				}
			}
		}
	}
}

// Shape lists what must be the same in every language.
func (fm *Form) Shape() []string {
	out := []string{fmt.Sprintf("review=%v timeout=%v", fm.HasReview(), fm.Timeout)}
	for _, f := range fm.Files {
		out = append(out, fmt.Sprintf("file %s %s %d", f.ID, f.Type(), f.KB))
	}
	if fm.Receipt != nil {
		out = append(out, "receipt "+fm.Receipt.Reference+" "+strings.Join(fm.Receipt.Show, ","))
	}
	var field func(f *Field)
	field = func(f *Field) {
		out = append(out, fmt.Sprintf("field %s %s %s req=%v max=%d when=%s expect=%s value=%s accept=%v kb=%d len=%d exp=%v days=%d closed=%v full=%v items=%d",
			f.ID, f.Kind, f.Validate, f.Required, f.Max, f.When, f.Canon(f.Expect), f.Value, f.Accept, f.MaxKB, f.Length, f.Expires, f.Days, f.Closed, f.Full, f.MaxItem))
		for _, o := range f.Options {
			out = append(out, fmt.Sprintf("option %s full=%v", o.ID, o.Full))
		}
		for _, it := range append(append([]map[string]string{}, f.Items...), f.Expects...) {
			out = append(out, fmt.Sprintf("item %v", it))
		}
		for _, sf := range f.Fields {
			field(sf)
		}
	}
	for _, pg := range fm.Pages {
		out = append(out, "page "+pg.ID)
		for _, f := range pg.Fields {
			field(f)
		}
	}
	return out
}
