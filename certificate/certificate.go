// Package certificate issues a learner's certificate of achievement for a
// finished itinerary: a PDF with the learner's name as they wrote it, the
// itinerary and its lessons, the EU DigComp 2.2 competences it covers, the
// date, the centre and the trainer, and a verification code signed with
// the centre's Ed25519 key (code.go; docs/certificates.md says what the
// signature proves and what it does not).
package certificate

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/adrg/xdg"

	"aula/lessons"
	"aula/store"
)

// Certificate is everything printed on one.
type Certificate struct {
	Content                     // what the code certifies
	Lang           string       // the certificate's language
	ItineraryTitle string       // in Lang
	Lessons        []string     // the lessons' titles, in the itinerary's order
	Competences    []Competence // DigComp 2.2, named in Lang
	Trainer        string       // the trainer's name, "" when setup has none
	Code           string       // the verification code
	KeyID          string       // which centre key signed it
	Key            string       // that key, as a certificate_issued event carries it (PublicKeyText)
}

var (
	// ErrNoItinerary says the catalog has no itinerary with that id.
	ErrNoItinerary = errors.New("no such itinerary")
	// ErrNotFinished says the learner has lessons of the itinerary still to finish.
	ErrNotFinished = errors.New("the itinerary is not finished yet")
)

// Itinerary finds the itinerary with id in cat.
func Itinerary(cat *lessons.Catalog, id string) (*lessons.Itinerary, bool) {
	for _, it := range cat.Itineraries {
		if it.ID == id {
			return it, true
		}
	}
	return nil, false
}

// Issue makes learner's certificate for the itinerary with id, in cat's
// language, signed with the centre's key (made now if this laptop has
// none yet). Its date is the day the last of its lessons was finished, in
// local time, so a certificate issued again is the same certificate.
// ErrNoItinerary and ErrNotFinished say why there is none.
func Issue(st *store.Store, cat *lessons.Catalog, learner store.Learner, id string) (*Certificate, error) {
	it, ok := Itinerary(cat, id)
	if !ok {
		return nil, ErrNoItinerary
	}
	prog, err := st.Progress(learner.ID)
	if err != nil {
		return nil, err
	}
	var last time.Time
	var titles []string
	for _, lid := range it.LessonIDs {
		p, ok := prog[lid]
		if !ok || p.Status != store.Done {
			return nil, ErrNotFinished
		}
		done := p.Completed
		if done.IsZero() {
			done = p.LastActivity
		}
		if done.After(last) {
			last = done
		}
		title := lid
		if l, ok := cat.Lesson(lid); ok {
			title = l.Title
		}
		titles = append(titles, title)
	}
	centre, err := st.Centre()
	if err != nil {
		return nil, err
	}
	key, err := st.CentreKey()
	if err != nil {
		return nil, err
	}
	c := &Certificate{
		Content:        Content{Learner: learner.Name, Itinerary: it.ID, Day: last.Local(), Centre: centre.Name},
		Lang:           cat.Lang,
		ItineraryTitle: it.Title,
		Lessons:        titles,
		Competences:    Competences(it.ID, cat.Lang),
		Trainer:        centre.Trainer,
		KeyID:          KeyID(key.Public().(ed25519.PublicKey)),
		Key:            PublicKeyText(key.Public().(ed25519.PublicKey)),
	}
	if c.Code, err = Sign(key, c.Content); err != nil {
		return nil, err
	}
	return c, nil
}

// ItinerariesOf are the ids of the itineraries that list lesson.
func ItinerariesOf(cat *lessons.Catalog, lesson string) []string {
	var out []string
	for _, it := range cat.Itineraries {
		for _, id := range it.LessonIDs {
			if id == lesson {
				out = append(out, it.ID)
				break
			}
		}
	}
	return out
}

// Folder is where the kiosk saves certificates: with the user's own data
// folder (no --data), an "Aula" folder in their Documents, where a person
// finds it; with a data folder of its own (--data: a USB stick, a test),
// or without Documents, a "certificates" folder beside the data.
func Folder(dataDir string) string {
	own := filepath.Clean(dataDir) == filepath.Join(xdg.DataHome, "aula")
	if d := xdg.UserDirs.Documents; own && d != "" {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return filepath.Join(d, "Aula")
		}
	}
	return filepath.Join(dataDir, "certificates")
}

// FileName is the certificate's file name: the itinerary and the learner's
// name, with only letters, digits and dashes (it must travel on a USB
// stick to any system).
func (c *Certificate) FileName() string {
	clean := func(s string) string {
		s = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return '-'
		}, s)
		for strings.Contains(s, "--") {
			s = strings.ReplaceAll(s, "--", "-")
		}
		return strings.Trim(s, "-")
	}
	name := clean(c.Learner)
	if len(name) > 60 {
		name = strings.TrimRightFunc(string([]rune(name)[:30]), func(r rune) bool { return r == '-' })
	}
	return fmt.Sprintf("aula-%s-%s.pdf", clean(c.Itinerary), name)
}

// Save writes the certificate's PDF into folder (made if missing) and
// returns its path.
func (c *Certificate) Save(folder string) (string, error) {
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(folder, c.FileName())
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	if err := c.WritePDF(f); err != nil {
		f.Close()
		os.Remove(path)
		return "", err
	}
	return path, f.Close()
}
