package form

import (
	"fmt"
	"hash/fnv"
	"strings"
	"time"
)

// receipt is the proof of submission ("justificante"): a reference number,
// the date and time, the documents sent and the answers the lesson wants
// repeated. It is drawn on screen only; "saving" it is part of the
// practice and writes nothing.
type receipt struct {
	reference string
	at        time.Time
	docs      []string
	shown     [][2]string // label and answer
	saved     bool
}

func (e *FormExercise) newReceipt() *receipt {
	now := e.c.Now()
	r := &receipt{at: now}
	if prefix := e.form.Receipt.Reference; prefix != "" {
		h := fnv.New32a()
		fmt.Fprintf(h, "%s/%d", e.Step.ID, now.UnixNano())
		r.reference = fmt.Sprintf("%s-%d-%06d", prefix, now.Year(), h.Sum32()%1000000)
	}
	for _, pg := range e.form.Pages {
		for _, f := range pg.Fields {
			if f.Kind == "file" {
				if file := e.form.File(e.Fields[f.ID].Value); file != nil {
					r.docs = append(r.docs, file.Name)
				}
			}
		}
	}
	for _, id := range e.form.Receipt.Show {
		if fs := e.Fields[id]; fs != nil {
			r.shown = append(r.shown, [2]string{fs.F.Label, e.fieldValueText(fs)})
		}
	}
	return r
}

// fileName is the name the saved receipt would have.
func (r *receipt) fileName() string {
	name := "justificante"
	if r.reference != "" {
		name += "-" + r.reference
	}
	return name + ".pdf"
}

func (e *FormExercise) viewReceipt(w int) []string {
	st, cat := e.c.Styles, e.c.Cat
	r, rc := e.receipt, e.form.Receipt
	lines := append(e.siteLines(w), st.Good.Render("✔ "+rc.Title), "")
	add := func(s string) { lines = append(lines, wrapLines(s, w)...) }
	row := func(label, value string) {
		lines = append(lines, wrapLines(st.Dim.Render(label+":")+" "+value, w)...)
	}
	if r.reference != "" {
		label := rc.Label
		if label == "" {
			label = cat.T("form_receipt_ref")
		}
		row(label, st.Title.Render(r.reference))
	}
	row(cat.T("form_receipt_date"), r.at.Format("02/01/2006 15:04"))
	for _, s := range r.shown {
		row(s[0], e.c.Typed(s[1])) // dots in the trainer's copy
	}
	if len(r.docs) > 0 {
		row(cat.T("form_receipt_docs"), strings.Join(r.docs, ", "))
	}
	// The download comes before the words about it, so that it is on
	// screen even when the receipt is taller than the screen.
	if r.reference != "" {
		lines = append(lines, "")
		if r.saved {
			lines = append(lines, wrapLines(st.Good.Render("✔ ")+cat.T("form_receipt_saved", "File", r.fileName()), w)...)
		} else {
			lines = append(lines, e.c.Zones.Mark("form-save", st.ButtonOn.Render("[ "+cat.T("form_receipt_save")+" ]")+" "+st.Dim.Render(cat.T("form_receipt_save_key"))))
		}
	}
	if rc.Text != "" {
		lines = append(lines, "")
		add(rc.Text)
	}
	return lines
}
