package main

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"time"

	"aula/certificate"
	"aula/i18n"
	"aula/lessons"
	"aula/report"
	"aula/store"
	"aula/tui/dashboard"
)

// dashPapers makes the dashboard's files (dashboard.Papers) from the hub's
// data file, with the code of aula certificate, aula report --format pdf
// and aula learners export, into the folder where the kiosk saves
// certificates (certificate.Folder).
type dashPapers struct {
	st   *store.Store
	dir  string // the data folder
	lc   *lessons.Catalog
	lang string
}

func (p dashPapers) folder() string { return certificate.Folder(p.dir) }

// Certificates saves a certificate of each itinerary the learner finished.
func (p dashPapers) Certificates(id uint64) ([]string, error) {
	l, err := p.st.Learner(id)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, it := range p.lc.Itineraries {
		c, err := certificate.Issue(p.st, p.lc, l, it.ID)
		if errors.Is(err, certificate.ErrNotFinished) {
			continue
		}
		if err != nil {
			return paths, err
		}
		path := filepath.Join(p.folder(), c.FileName())
		if err := writeCertificate(c, path); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	if len(paths) == 0 {
		return nil, dashboard.ErrNothingFinished
	}
	return paths, nil
}

// SessionReport saves the report of at's day (local time) as a PDF.
func (p dashPapers) SessionReport(at time.Time) (string, error) {
	y, m, d := at.Local().Date()
	start := time.Date(y, m, d, 0, 0, 0, 0, time.Local)
	s, err := report.BuildSession(p.st, p.lc, start, start.AddDate(0, 0, 1))
	if err != nil {
		return "", err
	}
	s.Made = time.Now()
	path := filepath.Join(p.folder(), "aula-session-"+start.Format(time.DateOnly)+".pdf")
	return path, writeFileWith(path, 0o600, func(w io.Writer) error { return s.WritePDF(w, p.lang, time.Local) })
}

// Export saves what Aula keeps about the learner as JSON and PDF,
// owner-only (one person's data).
func (p dashPapers) Export(id uint64) ([]string, error) {
	l, err := p.st.Learner(id)
	if err != nil {
		return nil, err
	}
	base := fileNameFor(l.Name, "record", "-"+time.Now().Format(time.DateOnly))
	var paths []string
	for _, format := range []string{"json", "pdf"} {
		write, err := recordWriter(p.st, id, p.lang, p.lc, format)
		if err != nil {
			return paths, err
		}
		path := filepath.Join(p.folder(), base+"."+format)
		if err := writeFileWith(path, 0o600, write); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// Erased removes the files saved here for a learner just erased: their
// certificates and the exports of their data.
func (p dashPapers) Erased(name string) int {
	return removeLearnerFiles(p.folder(), name, p.lc)
}

// dashVerify is the dashboard's Verify (dashboard.Config) over check: the
// hub's data file, or a hub elsewhere. The answer is in the trainer's
// words, as aula certificate verify says it.
func dashVerify(check func(ctx context.Context, code string) (certificate.Verdict, error), cat *i18n.Catalog) func(context.Context, string) (dashboard.VerifyAnswer, error) {
	title := itineraryTitle(cat.Lang())
	return func(ctx context.Context, code string) (dashboard.VerifyAnswer, error) {
		v, err := check(ctx, code)
		if err != nil {
			return dashboard.VerifyAnswer{}, err
		}
		return dashboard.VerifyAnswer{Genuine: v.Genuine(), Lines: v.Lines(cat, title)}, nil
	}
}

// dashRetention is the dashboard's Retention over the hub's data file,
// with the code of aula learners retention.
type dashRetention struct {
	st     *store.Store
	papers dashboard.Papers // the files of the learners erased go too
}

// Due is who the centre's retention would erase now.
func (r dashRetention) Due() (int, string, []string, error) {
	c, err := r.st.Centre()
	if err != nil {
		return 0, "", nil, err
	}
	_, inClass := r.st.Class()
	months := c.Retention(inClass == nil)
	if months == 0 {
		return 0, "", nil, nil
	}
	day, ls, err := retentionDue(r.st, months)
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i] = l.Name
	}
	return months, day, names, err
}

// Apply erases them, as the hub does once a day.
func (r dashRetention) Apply() ([]string, error) {
	gone, err := r.st.ApplyRetention()
	names := make([]string, len(gone))
	for i, er := range gone {
		names[i] = er.Name
		if r.papers != nil {
			r.papers.Erased(er.Name)
		}
	}
	return names, err
}
