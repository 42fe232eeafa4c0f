package player

import (
	"errors"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"aula/certificate"
	"aula/store"
	"aula/tui/access"
	"aula/tui/ui"
)

// The certificate on the summary: when the lesson just finished was the
// last one left of an itinerary, the learner's certificate is saved
// (certificate.Folder: an "Aula" folder in Documents) and the summary
// says where, with a USB stick hint.

// certificateMsg says what became of the certificates of the itineraries
// that the lesson finished: the files saved, and whether one failed.
type certificateMsg struct {
	lesson string
	paths  []string
	failed bool
}

// issueCertificates saves the certificate of each itinerary of the
// lesson that is now finished, once the lesson's end is committed.
func (p *Player) issueCertificates() tea.Cmd {
	c := p.c
	if c.Store == nil || c.Learner == nil || c.Rec == nil {
		return nil
	}
	its := certificate.ItinerariesOf(c.Lessons, p.Lesson.ID)
	if len(its) == 0 {
		return nil
	}
	learner, cat, lesson := *c.Learner, c.Lessons, p.Lesson.ID
	return c.Rec.ReadAfterWrites(func(st *store.Store) tea.Msg {
		msg := certificateMsg{lesson: lesson}
		var saved ui.SavedMsg
		for _, id := range its {
			cert, err := certificate.Issue(st, cat, learner, id)
			if errors.Is(err, certificate.ErrNotFinished) {
				continue
			}
			var path string
			if err == nil {
				path, err = cert.Save(certificate.Folder(filepath.Dir(st.Path())))
			}
			if err != nil {
				msg.failed = true
				continue
			}
			msg.paths = append(msg.paths, path)
			e, err := recordIssued(st, learner.ID, id, certificate.Ref(cert.Code), cert.Key)
			if err != nil {
				saved.Err = err
			} else if e != nil {
				saved.Events = append(saved.Events, *e)
			}
		}
		if len(msg.paths) == 0 && !msg.failed {
			return nil
		}
		if len(saved.Events) == 0 && saved.Err == nil {
			return msg
		}
		// The outcome goes to the class like any other (SavedMsg kicks it).
		return tea.BatchMsg{ui.Send(saved), ui.Send(msg)}
	})
}

// recordIssued records that the learner was issued the certificate of
// itinerary with reference ref, signed with key (certificate.PublicKeyText:
// the class's hub checks the certificate with it): once per certificate (a
// lesson of the itinerary done again issues the same one again; nil, nil
// then).
func recordIssued(st *store.Store, learner uint64, itinerary, ref, key string) (*store.Event, error) {
	evs, err := st.Events(learner)
	if err != nil {
		return nil, err
	}
	for _, e := range evs {
		if e.Kind == store.CertificateIssued && e.Itinerary == itinerary && e.Certificate == ref {
			return nil, nil
		}
	}
	e, err := st.Record(store.Event{Learner: learner, Kind: store.CertificateIssued, Itinerary: itinerary, Certificate: ref, CentreKey: key})
	if err != nil {
		return nil, err
	}
	return &e, nil
}

// takeCertificate keeps what a certificateMsg for this lesson says.
func (p *Player) takeCertificate(msg tea.Msg) bool {
	m, ok := msg.(certificateMsg)
	if ok && m.lesson == p.Lesson.ID {
		p.cert = &m
	}
	return ok
}

// certificateLines are the summary's lines about the certificate, if any.
func (p *Player) certificateLines() []string {
	if p.cert == nil {
		return nil
	}
	st, cat := p.c.Styles, p.c.Cat
	wrap := ui.Wrapper(p.c.TextWidth())
	var out []string
	for _, path := range p.cert.paths {
		out = append(out, st.Good.Render("★ "+cat.T("cert_ready_title")),
			wrap.Render(cat.T("cert_ready_where", "Path", path)))
	}
	if len(p.cert.paths) > 0 {
		out = append(out, wrap.Render(cat.T("cert_ready_usb")))
	}
	if p.cert.failed {
		out = append(out, wrap.Render(cat.T("cert_ready_failed")))
	}
	return append(out, "")
}

// certificateNews says the same in accessible mode.
func (p *Player) certificateNews() []access.Note {
	if p.cert == nil {
		return nil
	}
	cat := p.c.Cat
	var out []access.Note
	for _, path := range p.cert.paths {
		out = append(out, access.Note{ID: "certificate:" + path, Text: cat.T("cert_ready_title") + ". " +
			cat.T("cert_ready_where", "Path", path) + " " + cat.T("cert_ready_usb")})
	}
	if p.cert.failed {
		out = append(out, access.Note{ID: "certificate-failed", Text: cat.T("cert_ready_failed")})
	}
	return out
}
