package report

import (
	"encoding/json"
	"io"
	"time"

	"aula/i18n"
	"aula/store"
)

// Record is one learner's record as a learner takes it away ("what do you
// keep about me?"): everything Aula keeps about them, and nothing else.
// There is no practice text in it because Aula never keeps any. Its JSON
// form is documented in docs/privacy.md; fields are added, never renamed.
type Record struct {
	Exported time.Time        `json:"exported"`
	Name     string           `json:"name"`
	Created  time.Time        `json:"created"`
	HasPIN   bool             `json:"has_pin"` // the PIN itself is never kept, only a hash, which is not exported
	Laptop   string           `json:"laptop,omitempty"`
	Settings store.Prefs      `json:"settings"`
	Progress []store.Progress `json:"progress"`
	Events   []store.Event    `json:"events"`
	Never    string           `json:"never_kept"` // what Aula does not keep, in words
}

// NewRecord builds the export of r, made at now, in lang.
func NewRecord(r store.Record, lang string, now time.Time) Record {
	l := r.Learner
	return Record{
		Exported: now, Name: l.Name, Created: l.Created, HasPIN: l.HasPIN(), Laptop: laptop(l.Device),
		Settings: l.Prefs, Progress: nonNil(r.Progress), Events: nonNil(r.Events),
		Never: i18n.New(lang).T("rec_never"),
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// WriteJSON writes the record as indented JSON.
func (r Record) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WritePDF writes the record as an A4 PDF in lang, times in loc; title
// gives a lesson's title from its id ("" when unknown: the id is shown).
func (r Record) WritePDF(w io.Writer, lang string, loc *time.Location, title func(string) string) error {
	cat := i18n.New(lang)
	d := newDoc(cat.T("rec_title", "Name", r.Name), r.Exported)
	line, heading := d.line, d.heading
	when := func(t time.Time) string { return t.In(loc).Format("2006-01-02 15:04") }
	named := func(id string) string {
		if t := title(id); t != "" {
			return t
		}
		return id
	}

	d.title(cat.T("rec_title", "Name", r.Name))
	zone, _ := r.Exported.In(loc).Zone()
	line(9, "", cat.T("srep_made", "When", when(r.Exported), "Zone", zone))

	heading(cat.T("rec_about"))
	line(10.5, "", cat.T("rec_name", "Name", r.Name))
	line(10.5, "", cat.T("rec_created", "When", when(r.Created)))
	pin := cat.T("rec_pin_no")
	if r.HasPIN {
		pin = cat.T("rec_pin_yes")
	}
	line(10.5, "", pin)
	s := r.Settings
	line(10.5, "", cat.T("rec_settings", "Theme", cmpOr(s.Theme, "-"), "Large", yesNo(cat, s.Large), "Accessible", yesNo(cat, s.Accessible), "Speak", yesNo(cat, s.Speak)))

	heading(cat.T("rec_progress", "Count", len(r.Progress)))
	for _, p := range r.Progress {
		line(10.5, "", "• "+cat.T("rec_progress_line", "Lesson", named(p.Lesson), "Done", p.StepsDone(), "Steps", p.Steps, "Status", cat.T("rec_status_"+string(p.Status)), "Time", duration(p.TimeSpent)))
	}

	heading(cat.T("rec_events", "Count", len(r.Events)))
	for _, e := range r.Events {
		text := when(e.At) + "  " + cat.T("rec_kind_"+string(e.Kind))
		if e.Lesson != "" {
			text += " · " + named(e.Lesson)
		}
		if e.Step != "" {
			text += " · " + e.Step
		}
		if e.Kind == store.Answered {
			text += " · " + yesNoRight(cat, e.Correct)
		}
		line(9, "", text)
	}
	d.Ln(4)
	line(9, "", r.Never)
	return d.output(w, "the learner's record")
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func yesNo(cat *i18n.Catalog, b bool) string {
	if b {
		return cat.T("rec_yes")
	}
	return cat.T("rec_no")
}

func yesNoRight(cat *i18n.Catalog, b bool) string {
	if b {
		return cat.T("rec_right")
	}
	return cat.T("rec_wrong")
}
