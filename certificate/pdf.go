package certificate

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"aula/i18n"
	"aula/internal/pdffont"
)

const (
	font      = pdffont.Family
	codeLines = 9 // groups of the code per printed line
)

// WritePDF writes the certificate as a one-page A4 PDF (landscape).
func (c *Certificate) WritePDF(w io.Writer) error {
	cat := i18n.New(c.Lang)
	pdf := fpdf.New("L", "mm", "A4", "")
	pdffont.Add(pdf)
	pdf.SetTitle(cat.T("cert_title")+": "+c.Learner, true)
	pdf.SetAuthor(firstNonEmpty(c.Centre, "Aula"), true)
	pdf.SetCreator("Aula", true)
	pdf.SetCreationDate(c.Day)
	pdf.SetModificationDate(c.Day)
	pdf.SetMargins(22, 18, 22)
	pdf.SetAutoPageBreak(false, 10)
	pdf.AddPage()

	pageW, pageH := pdf.GetPageSize()
	textW := pageW - 44
	// A double frame.
	pdf.SetDrawColor(40, 80, 120)
	pdf.SetLineWidth(1.2)
	pdf.Rect(8, 8, pageW-16, pageH-16, "D")
	pdf.SetLineWidth(0.3)
	pdf.Rect(11, 11, pageW-22, pageH-22, "D")

	centre := firstNonEmpty(c.Centre, cat.T("cert_centre_unnamed"))
	center := func(size float64, style, text string, h float64) {
		pdf.SetFont(font, style, size)
		pdf.MultiCell(textW, h, text, "", "C", false)
	}
	pdf.SetY(20)
	pdf.SetTextColor(40, 80, 120)
	center(26, "B", cat.T("cert_title"), 12)
	pdf.SetTextColor(0, 0, 0)
	pdf.Ln(3)
	center(13, "", cat.T("cert_certifies", "Centre", centre), 7)
	pdf.Ln(2)
	center(24, "B", c.Learner, 11)
	pdf.Ln(2)
	center(13, "", cat.T("cert_completed", "Title", c.ItineraryTitle), 7)
	center(11, "", strings.Join(c.Lessons, " · "), 6)
	pdf.Ln(4)

	pdf.SetFont(font, "B", 11)
	pdf.MultiCell(textW, 6, cat.T("cert_competences"), "", "L", false)
	pdf.SetFont(font, "", 10.5)
	if len(c.Competences) == 0 {
		pdf.MultiCell(textW, 5.5, cat.T("cert_no_competences"), "", "L", false)
	}
	for _, k := range c.Competences {
		pdf.MultiCell(textW, 5.5, "• "+cat.T("cert_competence", "Number", k.Number, "Name", k.Name, "Area", k.Area, "AreaName", k.AreaName), "", "L", false)
	}
	pdf.Ln(4)

	pdf.SetFont(font, "", 11)
	pdf.MultiCell(textW, 6, cat.T("cert_date", "Date", longDate(cat, c)), "", "L", false)
	pdf.MultiCell(textW, 6, cat.T("cert_centre", "Name", centre), "", "L", false)
	if c.Trainer != "" {
		pdf.MultiCell(textW, 6, cat.T("cert_trainer", "Name", c.Trainer), "", "L", false)
	}

	c.writeCode(pdf, cat, textW, pageH)

	if err := pdf.Error(); err != nil {
		return fmt.Errorf("making the certificate: %w", err)
	}
	return pdf.Output(w)
}

// writeCode writes the verification code at the foot of the page, a few
// groups per line, and how to check it.
func (c *Certificate) writeCode(pdf *fpdf.Fpdf, cat *i18n.Catalog, textW, pageH float64) {
	groups := strings.Split(c.Code, "-")
	var lines []string
	for i := 0; i < len(groups); i += codeLines {
		lines = append(lines, strings.Join(groups[i:min(i+codeLines, len(groups))], "-"))
	}
	top := pageH - 20 - 4.5*float64(len(lines)+2)
	if y := pdf.GetY() + 3; y > top {
		top = y
	}
	pdf.SetY(top)
	pdf.SetFont(font, "B", 9.5)
	pdf.MultiCell(textW, 4.5, cat.T("cert_code"), "", "L", false)
	pdf.SetFont(font, "", 9.5)
	for i, l := range lines {
		if i < len(lines)-1 {
			l += "-"
		}
		pdf.MultiCell(textW, 4.5, l, "", "L", false)
	}
	pdf.SetFont(font, "", 8.5)
	pdf.MultiCell(textW, 4.5, cat.T("cert_verify_how", "KeyID", c.KeyID), "", "L", false)
}

// longDate is the certificate's day written out: "5 de diciembre de 2026".
func longDate(cat *i18n.Catalog, c *Certificate) string {
	months := strings.Fields(cat.T("form_months"))
	month := strconv.Itoa(int(c.Day.Month()))
	if m := int(c.Day.Month()); m-1 < len(months) {
		month = months[m-1]
	}
	return cat.T("cert_long_date", "Day", c.Day.Day(), "Month", month, "Year", c.Day.Year())
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
