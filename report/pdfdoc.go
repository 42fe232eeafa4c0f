package report

import (
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"aula/internal/pdffont"
)

// doc is a portrait A4 page of text, as the learner's record and the
// session report print it: a title, headings and paragraphs in the font
// that prints every letter of a name.
type doc struct {
	*fpdf.Fpdf
	textW float64 // the width of a paragraph, in mm
}

// newDoc starts a document called title, made (and dated) at made.
func newDoc(title string, made time.Time) *doc {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdffont.Add(pdf)
	pdf.SetTitle(title, true)
	pdf.SetCreator("Aula", true)
	pdf.SetCreationDate(made)
	pdf.SetModificationDate(made)
	pdf.SetMargins(18, 16, 18)
	pdf.SetAutoPageBreak(true, 16)
	pdf.AddPage()
	pageW, _ := pdf.GetPageSize()
	return &doc{Fpdf: pdf, textW: pageW - 36}
}

// line writes a paragraph of text at size points in style ("" or "B").
func (d *doc) line(size float64, style, text string) {
	d.SetFont(pdffont.Family, style, size)
	d.MultiCell(d.textW, size*0.5, text, "", "L", false)
}

// title writes the document's title, large and in colour.
func (d *doc) title(text string) {
	d.SetTextColor(40, 80, 120)
	d.line(20, "B", text)
	d.SetTextColor(0, 0, 0)
}

// heading writes a section's heading.
func (d *doc) heading(text string) {
	d.Ln(4)
	d.SetTextColor(40, 80, 120)
	d.line(13, "B", text)
	d.SetTextColor(0, 0, 0)
	d.Ln(1)
}

// output writes the PDF to w; what names it in an error ("the session
// report").
func (d *doc) output(w io.Writer, what string) error {
	if err := d.Error(); err != nil {
		return fmt.Errorf("making %s: %w", what, err)
	}
	return d.Output(w)
}
