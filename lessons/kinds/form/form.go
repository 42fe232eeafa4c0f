package form

import (
	"strings"
	"time"
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
