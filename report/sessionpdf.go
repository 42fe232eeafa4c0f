package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"aula/i18n"
	"aula/internal/pdffont"
)

// WritePDF writes the session report in lang, times in loc (the trainer's
// local time, its zone stated), as an A4 PDF.
func (s *Session) WritePDF(w io.Writer, lang string, loc *time.Location) error {
	cat := i18n.New(lang)
	d := newDoc(cat.T("srep_title"), s.Made)
	line, heading := d.line, d.heading
	d.title(cat.T("srep_title"))
	line(12, "", s.rangeText(cat, loc))
	if s.Centre != "" || s.Trainer != "" {
		line(11, "", strings.Trim(s.Centre+" · "+cat.T("srep_trainer", "Name", s.Trainer), " ·"))
	}
	made := s.Made.In(loc)
	zone, _ := made.Zone()
	line(9, "", cat.T("srep_made", "When", made.Format("2006-01-02 15:04"), "Zone", zone))

	heading(cat.T("srep_came", "Count", len(s.Came)))
	s.writeCame(d, cat)
	if len(s.Absent) > 0 {
		d.Ln(2)
		line(10.5, "", cat.T("srep_absent", "Count", len(s.Absent), "Names", strings.Join(s.Absent, ", ")))
	}

	heading(cat.T("srep_help", "Count", len(s.Help)))
	if len(s.Help) == 0 {
		line(10.5, "", cat.T("srep_no_help"))
	}
	for _, h := range s.Help {
		at := h.At.In(loc).Format("15:04")
		if h.Open {
			line(10.5, "", "• "+cat.T("srep_help_open", "At", at, "Name", h.Learner))
		} else {
			line(10.5, "", "• "+cat.T("srep_help_line", "At", at, "Name", h.Learner, "Waited", duration(h.Waited)))
		}
	}

	heading(cat.T("srep_struggles"))
	if len(s.Struggles) == 0 {
		line(10.5, "", cat.T("srep_no_struggles"))
	}
	for _, st := range s.Struggles {
		line(10.5, "", "• "+cat.T("srep_struggle_line", "Lesson", st.Lesson, "Step", st.Step,
			"Misses", cat.T("srep_misses", "Count", st.Misses), "From", cat.T("srep_from_learners", "Count", st.Learners)))
	}
	d.Ln(4)
	line(8.5, "", cat.T("srep_privacy"))
	return d.output(w, "the session report")
}

// writeCame writes the table of who came: name (and laptop), time on task,
// lessons started and finished, itineraries completed.
func (s *Session) writeCame(d *doc, cat *i18n.Catalog) {
	pdf, textW, line := d.Fpdf, d.textW, d.line
	if len(s.Came) == 0 {
		line(10.5, "", cat.T("srep_none_came"))
		return
	}
	widths := []float64{50, 18, 18, 18, textW - 104} // the numbers are short: room for the itineraries' header
	header := []string{cat.T("srep_col_name"), cat.T("srep_col_time"), cat.T("srep_col_started"), cat.T("srep_col_finished"), cat.T("srep_col_itineraries")}
	pdf.SetFont(pdffont.Family, "B", 9.5)
	for i, h := range header {
		pdf.CellFormat(widths[i], 6, fit(pdf, h, widths[i]), "B", 0, "L", false, 0, "")
	}
	pdf.Ln(-1)
	pdf.SetFont(pdffont.Family, "", 9.5)
	for _, a := range s.Came {
		name := a.Name
		if a.Laptop != "" {
			name += " (" + a.Laptop + ")"
		}
		its := strings.Join(a.Itineraries, ", ")
		if its == "" {
			its = "—"
		}
		cells := []string{name, duration(a.TimeOnTask), fmt.Sprint(a.Started), fmt.Sprint(a.Finished), its}
		for i, c := range cells {
			pdf.CellFormat(widths[i], 6, fit(pdf, c, widths[i]), "", 0, "L", false, 0, "")
		}
		pdf.Ln(-1)
	}
}

// rangeText says the days the report covers.
func (s *Session) rangeText(cat *i18n.Catalog, loc *time.Location) string {
	from := s.From.In(loc).Format(time.DateOnly)
	switch {
	case s.From.IsZero() && s.To.IsZero():
		return cat.T("srep_all")
	case s.To.IsZero():
		return cat.T("srep_since", "From", from)
	}
	last := s.To.In(loc).AddDate(0, 0, -1).Format(time.DateOnly)
	switch {
	case s.From.IsZero():
		return cat.T("srep_until", "To", last)
	case from == last:
		return cat.T("srep_day", "Day", from)
	}
	return cat.T("srep_range", "From", from, "To", last)
}

// duration is a time on task or a wait: "1 h 05 min", "12 min", "40 s".
func duration(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d >= time.Hour:
		return fmt.Sprintf("%d h %02d min", int(d.Hours()), int(d.Minutes())%60)
	case d >= time.Minute:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	}
	return fmt.Sprintf("%d s", int(d.Seconds()))
}

// fit shortens text with "…" until it fits width mm in the current font.
func fit(pdf *fpdf.Fpdf, text string, width float64) string {
	if pdf.GetStringWidth(text) <= width-1 {
		return text
	}
	r := []rune(text)
	for len(r) > 1 && pdf.GetStringWidth(string(r)+"…") > width-1 {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
