package form

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"aula/lessons/judge"
	"aula/lessons/validate"
)

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
	if strings.TrimSpace(v) == "" {
		if !f.Required {
			return ""
		}
		return emptyRule(f)
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
		return optionRule(f.Option(v))
	case "file":
		return fm.fileRule(f, v)
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

// emptyRule is the rule a required field left empty breaks: each kind
// says it in its own words (choose one, tick it, attach one…).
func emptyRule(f *Field) string {
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

// optionRule says whether the chosen option can be chosen.
func optionRule(o *FieldOption) string {
	switch {
	case o == nil:
		return validate.RuleChoose
	case o.Full:
		return validate.RuleOptionFull
	}
	return ""
}

// fileRule says whether the practice file with id can go in field f.
func (fm *Form) fileRule(f *Field, id string) string {
	file := fm.File(id)
	switch {
	case file == nil:
		return validate.RuleFile
	case len(f.Accept) > 0 && !contains(f.Accept, file.Type()):
		return validate.RuleFileType
	case f.MaxKB > 0 && file.KB > f.MaxKB:
		return validate.RuleFileSize
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
// free appointments, validate.RuleDayClosed when there is no service that
// day (a day past, too far ahead or a weekday off), validate.RuleDayHoliday
// on a national holiday in Spain, validate.RuleDayFull when it is fully
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
	case Holiday(d):
		return validate.RuleDayHoliday
	}
	for _, n := range f.Full {
		if n == offset {
			return validate.RuleDayFull
		}
	}
	return ""
}

// holidays are the national holidays of Spain that fall on the same date
// every year: no public office gives appointments on them. (Good Friday
// moves with Easter, and each region adds days of its own: a lesson closes
// those with full.)
var holidays = [...][2]int{{1, 1}, {1, 6}, {5, 1}, {8, 15}, {10, 12}, {11, 1}, {12, 6}, {12, 8}, {12, 25}}

// Holiday says whether d is a fixed national holiday in Spain
// (Christmas Day, New Year's Day…).
func Holiday(d time.Time) bool { return slices.Contains(holidays[:], [2]int{int(d.Month()), d.Day()}) }

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

// Solution is the sample answer, seen from now (judge.Solvable).
func (fm *Form) Solution() judge.Answer { return fm.SampleAnswer(time.Now()) }
