package form

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"gopkg.in/yaml.v3"

	"aula/lessons/judge"
	"aula/lessons/validate"
)

// Form is a simulated online form: a wizard of pages with fields, a review
// page, a submit button and a receipt. Everything comes from the lesson
// file, so trainers can write other forms (housing aid, school grants)
// without code. The learner copies a fictional practice persona, shown
// beside the form.
type Form struct {
	Site    string          `yaml:"site"`    // the web site shown on top: "sede.seg-social.gob.es"
	Service string          `yaml:"service"` // the procedure: "Ingreso Mínimo Vital"
	Persona *Persona        `yaml:"persona"`
	Files   []*PracticeFile `yaml:"files"` // the practice documents the file picker shows
	Pages   []*Page         `yaml:"pages"`
	Review  *bool           `yaml:"review"` // a review page before submitting (default true)
	Submit  string          `yaml:"submit"` // the submit button's words
	Receipt *Receipt        `yaml:"receipt"`
	Timeout time.Duration   `yaml:"timeout"` // the session ends after this long without a key; 0: never
}

// Persona is the practice persona card: fictional data to copy.
type Persona struct {
	Title string        `yaml:"title"`
	Note  string        `yaml:"note"`
	Rows  []*PersonaRow `yaml:"rows"`
}

// PersonaRow is one line of the persona card.
type PersonaRow struct {
	Label string `yaml:"label"`
	Value string `yaml:"value"`
}

// PracticeFile is a document in the simulated file picker.
type PracticeFile struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"` // the file name: DNI_Lucia.pdf
	Text string `yaml:"text"` // what it is, in words
	KB   int    `yaml:"kb"`   // its size in kilobytes
}

// Type is the file's extension in lowercase ("pdf").
func (f *PracticeFile) Type() string {
	i := strings.LastIndexByte(f.Name, '.')
	if i < 0 {
		return ""
	}
	return strings.ToLower(f.Name[i+1:])
}

// Receipt is what the form shows once it is submitted right.
type Receipt struct {
	Title     string   `yaml:"title"`
	Text      string   `yaml:"text"`
	Reference string   `yaml:"reference"` // prefix of the reference number; empty: no number
	Label     string   `yaml:"label"`     // what the number is called, if not "reference number"
	Show      []string `yaml:"show"`      // ids of fields whose answer the receipt repeats
}

// Page is one page of the wizard.
type Page struct {
	ID     string   `yaml:"id"`
	Title  string   `yaml:"title"`
	Intro  string   `yaml:"intro"`
	Next   string   `yaml:"next"` // the words of its Next button, if not the usual ones
	Fields []*Field `yaml:"fields"`
}

// Field kinds.
var fieldKinds = []string{"text", "date", "select", "radio", "check", "group", "file", "code", "day"}

// Validators a text field may use.
var validators = []string{"", "name", "dni", "nie", "dni_nie", "iban", "postcode", "phone", "mobile", "email"}

// Field is one question of a form.
type Field struct {
	ID       string            `yaml:"id"`
	Kind     string            `yaml:"kind"`
	Label    string            `yaml:"label"`
	Help     string            `yaml:"help"`
	Required bool              `yaml:"required"`
	Validate string            `yaml:"validate"` // text: name, dni, nie, dni_nie, iban, postcode, phone, email
	Max      int               `yaml:"max"`      // text: the longest value, in characters
	When     string            `yaml:"when"`     // date: past or future
	Options  []*FieldOption    `yaml:"options"`  // select, radio
	Value    string            `yaml:"value"`    // filled in already (it may be wrong, to be fixed)
	Expect   string            `yaml:"expect"`   // the persona's value: anything else is a mistake
	Wrong    string            `yaml:"wrong"`    // said when the value is valid but not the expected one
	Errors   map[string]string `yaml:"errors"`   // the lesson's own words for a rule, by rule id

	// group: a repeating group of sub-fields (household members)
	Fields  []*Field            `yaml:"fields"`
	Item    string              `yaml:"item"`      // the name of one item: "Persona"
	MaxItem int                 `yaml:"max_items"` // at most this many items
	Items   []map[string]string `yaml:"items"`     // items filled in already
	Expects []map[string]string `yaml:"expects"`   // the expected items, in order

	// file
	Accept []string `yaml:"accept"` // file types accepted: pdf, jpg
	MaxKB  int      `yaml:"max_kb"`

	// code: a one-time code sent by "SMS"
	Length  int           `yaml:"length"`
	Expires time.Duration `yaml:"expires"`
	Sender  string        `yaml:"sender"`

	// day: a calendar of the next days
	Days   int      `yaml:"days"`   // days from tomorrow that can be chosen
	Closed []string `yaml:"closed"` // weekdays without service: mon … sun
	Full   []int    `yaml:"full"`   // days (counted from today) with no appointment left
}

// FieldOption is one choice of a drop-down or radio buttons.
type FieldOption struct {
	ID   string `yaml:"id"`
	Text string `yaml:"text"`
	Full bool   `yaml:"full"` // shown but not available (a time already taken)
}

// IsText says whether the field is typed into.
func (f *Field) IsText() bool { return f.Kind == "text" || f.Kind == "date" || f.Kind == "code" }

// MaxLen is the longest value the field accepts.
func (f *Field) MaxLen() int {
	switch {
	case f.Max > 0:
		return f.Max
	case f.Kind == "code":
		return max(f.Length, 1)
	case f.Kind == "date":
		return 10
	}
	return 100
}

// Option returns the option with an id.
func (f *Field) Option(id string) *FieldOption {
	for _, o := range f.Options {
		if o.ID == id {
			return o
		}
	}
	return nil
}

// File returns the practice file with an id.
func (fm *Form) File(id string) *PracticeFile {
	for _, f := range fm.Files {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// HasReview says whether a review page comes before submitting.
func (fm *Form) HasReview() bool { return fm.Review == nil || *fm.Review }

// Field returns a top-level field by id.
func (fm *Form) Field(id string) *Field {
	for _, p := range fm.Pages {
		for _, f := range p.Fields {
			if f.ID == id {
				return f
			}
		}
	}
	return nil
}

// SentCode is a one-time code the simulated phone received.
type SentCode struct {
	Code    string
	Expires time.Time
}

// Answer is what the learner filled in: values by path ("dni",
// "household.0.name"; "yes" for a ticked box, an option id, a file id, a
// day as 2006-01-02), the number of items of each group, the clock and the
// codes sent. It is judged and forgotten: never stored.
type Answer struct {
	Values map[string]string
	Items  map[string]int
	Now    time.Time
	Codes  map[string]SentCode
}

// ItemPath is the path of sub-field sub of item i of a group.
func ItemPath(group string, i int, sub string) string {
	return group + "." + strconv.Itoa(i) + "." + sub
}

// FieldProblem is a field whose value breaks a rule.
type FieldProblem struct {
	Field *Field
	Path  string
	Rule  string
}

// CheckPage validates page i: the problems in the order of the fields.
func (fm *Form) CheckPage(i int, a *Answer) []FieldProblem {
	if i < 0 || i >= len(fm.Pages) {
		return nil
	}
	var out []FieldProblem
	for _, f := range fm.Pages[i].Fields {
		if f.Kind == "group" {
			for n := 0; n < a.Items[f.ID]; n++ {
				for _, sub := range f.Fields {
					path := ItemPath(f.ID, n, sub.ID)
					if rule := fm.CheckField(sub, path, a); rule != "" {
						out = append(out, FieldProblem{Field: sub, Path: path, Rule: rule})
					}
				}
			}
			continue
		}
		if rule := fm.CheckField(f, f.ID, a); rule != "" {
			out = append(out, FieldProblem{Field: f, Path: f.ID, Rule: rule})
		}
	}
	return out
}

// CheckField validates one field's value (found at path in the answer):
// the rule broken, or "".
func (fm *Form) CheckField(f *Field, path string, a *Answer) string {
	v := a.Values[path]
	empty := strings.TrimSpace(v) == ""
	if empty {
		if !f.Required {
			return ""
		}
		switch f.Kind {
		case "select", "radio":
			return validate.RuleChoose
		case "check":
			return validate.RuleCheck
		case "file":
			return validate.RuleFile
		case "day":
			return validate.RuleDay
		}
		return validate.RuleRequired
	}
	switch f.Kind {
	case "text":
		if len([]rune(v)) > f.MaxLen() {
			return validate.RuleTooLong
		}
		_, rule := checkText(f.Validate, v)
		return rule
	case "date":
		_, rule := validate.CheckDate(v, a.Now, f.When)
		return rule
	case "select", "radio":
		o := f.Option(v)
		switch {
		case o == nil:
			return validate.RuleChoose
		case o.Full:
			return validate.RuleOptionFull
		}
	case "file":
		file := fm.File(v)
		switch {
		case file == nil:
			return validate.RuleFile
		case len(f.Accept) > 0 && !contains(f.Accept, file.Type()):
			return validate.RuleFileType
		case f.MaxKB > 0 && file.KB > f.MaxKB:
			return validate.RuleFileSize
		}
	case "code":
		return checkCode(f, v, a.Codes[path], a.Now)
	case "day":
		d, err := time.Parse("2006-01-02", v)
		if err != nil {
			return validate.RuleDay
		}
		return f.DayRule(d, a.Now)
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkText runs a text validator.
func checkText(kind, v string) (string, string) {
	switch kind {
	case "name":
		return validate.CheckName(v)
	case "dni":
		return validate.CheckDNI(v)
	case "nie":
		return validate.CheckNIE(v)
	case "dni_nie":
		return validate.CheckDNIorNIE(v)
	case "iban":
		return validate.CheckIBAN(v)
	case "postcode":
		return validate.CheckPostcode(v)
	case "phone":
		return validate.CheckPhone(v)
	case "mobile":
		return validate.CheckMobile(v)
	case "email":
		return validate.CheckEmail(v)
	}
	return validate.CheckText(v)
}

// checkCode compares a typed code with the one sent, if it is still valid.
func checkCode(f *Field, v string, sent SentCode, now time.Time) string {
	typed := validate.Squeeze(v, " \u00a0-")
	switch {
	case len(typed) != f.Length || !isCodeText(typed):
		return validate.RuleCodeFormat
	case sent.Code == "":
		return validate.RuleCodeNone
	case !now.Before(sent.Expires):
		return validate.RuleCodeExpired
	case typed != sent.Code:
		return validate.RuleCodeWrong
	}
	return ""
}

func isCodeText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

// Weekday ids used by day fields.
var weekdayIDs = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// DayRule says whether day d can be chosen, seen from now: "" when it has
// free appointments, validate.RuleDayClosed when there is no service that day (a
// day past, too far ahead or a weekday off), validate.RuleDayFull when it is fully
// booked.
func (f *Field) DayRule(d, now time.Time) string {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	d = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	offset := int(d.Sub(today).Hours() / 24)
	switch {
	case offset < 1 || offset > f.Days:
		return validate.RuleDayClosed
	case contains(f.Closed, weekdayIDs[d.Weekday()]):
		return validate.RuleDayClosed
	}
	for _, n := range f.Full {
		if n == offset {
			return validate.RuleDayFull
		}
	}
	return ""
}

// Canon is a value in the form used to compare it with the expected one:
// "12.345.678-z" and "12345678Z" are the same DNI.
func (f *Field) Canon(v string) string {
	switch f.Kind {
	case "text":
		if f.Validate == "" {
			// An address: the same letters and numbers, whatever the
			// commas, dots, capitals and accents.
			return strings.Map(func(r rune) rune {
				if unicode.IsLetter(r) && r != 'º' && r != 'ª' || unicode.IsDigit(r) {
					return r
				}
				return -1
			}, validate.Fold(v))
		}
		if c, rule := checkText(f.Validate, v); rule == "" {
			return c
		}
		return validate.Fold(v)
	case "date":
		// The range does not matter to compare two dates.
		if c, rule := validate.CheckDate(v, time.Time{}, validate.WhenAny); rule == "" {
			return c
		}
	}
	return strings.TrimSpace(v)
}

// Judge checks a filled-in form: every field valid (the wizard makes sure
// of that), then every expected value, in page order.
func (fm *Form) Judge(a judge.Answer) judge.Verdict {
	fa, ok := a.(Answer)
	if !ok {
		return judge.Verdict{Reason: judge.ReasonInvalid}
	}
	for i := range fm.Pages {
		if ps := fm.CheckPage(i, &fa); len(ps) > 0 {
			p := ps[0]
			return judge.Verdict{Reason: judge.ReasonField, Param: p.Field.Label, Mistake: p.Field.ID + "." + p.Rule}
		}
	}
	for _, p := range fm.Pages {
		for _, f := range p.Fields {
			if v := fm.judgeField(f, &fa); v != nil {
				return *v
			}
		}
	}
	return judge.Verdict{Correct: true}
}

// judgeField compares a field (or a group's items) with what is expected.
func (fm *Form) judgeField(f *Field, a *Answer) *judge.Verdict {
	mismatch := func(f *Field) *judge.Verdict {
		return &judge.Verdict{Feedback: f.Wrong, Reason: judge.ReasonWrong, Mistake: f.ID + ".mismatch"}
	}
	if f.Kind != "group" {
		if f.Expect != "" && f.Canon(a.Values[f.ID]) != f.Canon(f.Expect) {
			return mismatch(f)
		}
		return nil
	}
	if f.Expects == nil {
		return nil
	}
	if a.Items[f.ID] != len(f.Expects) {
		return &judge.Verdict{Feedback: f.Wrong, Reason: judge.ReasonWrong, Mistake: f.ID + ".items"}
	}
	for i, want := range f.Expects {
		for _, sub := range f.Fields {
			exp, ok := want[sub.ID]
			if ok && sub.Canon(a.Values[ItemPath(f.ID, i, sub.ID)]) != sub.Canon(exp) {
				return mismatch(sub)
			}
		}
	}
	return nil
}

// SampleAnswer is a right answer to the form, seen from now: the expected
// values, and a valid value in every other required field. Loading checks
// that every form can be solved with it; tests use it to fill forms.
func (fm *Form) SampleAnswer(now time.Time) Answer {
	a := Answer{Values: map[string]string{}, Items: map[string]int{}, Now: now, Codes: map[string]SentCode{}}
	for _, p := range fm.Pages {
		for _, f := range p.Fields {
			if f.Kind != "group" {
				fm.sampleValue(f, f.ID, f.Expect, &a)
				continue
			}
			a.Items[f.ID] = len(f.Expects)
			for i, it := range f.Expects {
				for _, sub := range f.Fields {
					fm.sampleValue(sub, ItemPath(f.ID, i, sub.ID), it[sub.ID], &a)
				}
			}
		}
	}
	return a
}

// sampleValue puts a right value for field f at path.
func (fm *Form) sampleValue(f *Field, path, expect string, a *Answer) {
	if expect != "" {
		a.Values[path] = expect
		return
	}
	if !f.Required {
		return
	}
	var v string
	switch f.Kind {
	case "text":
		v = map[string]string{"name": "Ana", "dni": "12345678Z", "nie": "X1234567L", "dni_nie": "12345678Z",
			"iban": "ES9121000418450200051332", "postcode": "28001", "phone": "600000000",
			"email": "lucia.prueba@correo.example", "": "Calle"}[f.Validate]
	case "date":
		v = "01/01/2000"
		if f.When == validate.WhenFuture {
			v = a.Now.AddDate(1, 0, 0).Format("02/01/2006")
		}
	case "select", "radio":
		for _, o := range f.Options {
			if !o.Full {
				v = o.ID
				break
			}
		}
	case "check":
		v = "yes"
	case "file":
		for _, file := range fm.Files {
			if (len(f.Accept) == 0 || contains(f.Accept, file.Type())) && (f.MaxKB == 0 || file.KB <= f.MaxKB) {
				v = file.ID
				break
			}
		}
	case "code":
		v = strings.Repeat("A", f.Length)
		a.Codes[path] = SentCode{Code: v, Expires: a.Now.Add(f.Expires)}
	case "day":
		today := time.Date(a.Now.Year(), a.Now.Month(), a.Now.Day(), 0, 0, 0, 0, time.UTC)
		for i := 1; i <= f.Days; i++ {
			if d := today.AddDate(0, 0, i); f.DayRule(d, a.Now) == "" {
				v = d.Format("2006-01-02")
				break
			}
		}
	}
	a.Values[path] = v
}

// maxFieldID keeps "<field id>.<rule id>" within the length of a stored id.
const maxFieldID = 40

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
	fileIDs := map[string]bool{}
	for i, f := range fm.Files {
		fn := judge.Item(judge.Child(n, "files"), i)
		if f == nil {
			fm.Files[i] = &PracticeFile{}
			f = fm.Files[i]
		}
		p.UnknownKeys(fn, f)
		switch {
		case !judge.IDPattern.MatchString(f.ID):
			p.Add(judge.Or(fn, n), "step %q: file %d needs an id of lowercase letters, digits and dashes", step, i+1)
		case fileIDs[f.ID]:
			p.Add(judge.Or(fn, n), "step %q: file id %q is used twice", step, f.ID)
		}
		fileIDs[f.ID] = true
		if f.Name == "" || f.KB <= 0 {
			p.Add(judge.Or(fn, n), "step %q: file %q needs a name and a size in kb", step, f.ID)
		}
	}
	ids := map[string]bool{}
	pagesNode := judge.Child(n, "pages")
	for i, pg := range fm.Pages {
		pn := judge.Or(judge.Item(pagesNode, i), n)
		if pg == nil {
			fm.Pages[i] = &Page{}
			pg = fm.Pages[i]
		}
		p.UnknownKeys(pn, pg)
		if !judge.IDPattern.MatchString(pg.ID) {
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

func (fm *Form) checkField(p *judge.Problems, step string, f *Field, n *yaml.Node, ids map[string]bool, inGroup bool) {
	p.UnknownKeys(n, f)
	what := fmt.Sprintf("step %q field %q", step, f.ID)
	switch {
	case !judge.IDPattern.MatchString(f.ID) || len(f.ID) > maxFieldID:
		p.Add(judge.Or(judge.Child(n, "id"), n), "step %q: field id %q should be up to %d lowercase letters, digits and dashes", step, f.ID, maxFieldID)
	case ids[f.ID]:
		p.Add(judge.Or(judge.Child(n, "id"), n), "%s: the id is used twice in this form", what)
	}
	ids[f.ID] = true
	if !contains(fieldKinds, f.Kind) {
		p.Add(judge.Or(judge.Child(n, "kind"), n), "%s: kind %q is not one of %s", what, f.Kind, strings.Join(fieldKinds, ", "))
		return
	}
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
		if f.Days < 1 || f.Days > 60 {
			p.Add(n, "%s: days should be from 1 to 60", what)
		}
		for _, d := range f.Closed {
			if !contains(weekdayIDs, d) {
				p.Add(judge.Or(judge.Child(n, "closed"), n), "%s: closed has %q, not one of %s", what, d, strings.Join(weekdayIDs, ", "))
			}
		}
	case "group":
		fm.checkGroup(p, step, f, n, ids, inGroup, what)
	}
	// An expected value must be one the form accepts.
	if f.Expect != "" && f.Kind != "group" && f.Kind != "code" && f.Kind != "day" {
		a := &Answer{Values: map[string]string{f.ID: f.Expect}, Now: time.Now()}
		if rule := fm.CheckField(f, f.ID, a); rule != "" {
			p.Add(n, "%s expects %q, which the form itself refuses (%s)", what, f.Expect, rule)
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
		case !judge.IDPattern.MatchString(o.ID):
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
