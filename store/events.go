package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.etcd.io/bbolt"
)

// EventKind says what a learner did.
type EventKind string

// The kinds of event.
const (
	LessonStarted EventKind = "lesson_started"
	Answered      EventKind = "answer"
	HintShown     EventKind = "hint"
	StepDone      EventKind = "step_done" // read step finished, or moved on after the worked example
	LessonDone    EventKind = "lesson_done"
	HelpAsked     EventKind = "help_asked"     // the learner called the trainer
	HelpCancelled EventKind = "help_cancelled" // the learner no longer needs help
	// PageReached says how far into a multi-page practice form the learner
	// got (Page: the first page not yet passed; 0 when they left it on
	// purpose). Only the page, never what was typed on it: Aula offers to
	// take them back there after a crash. It stays on this laptop (never in
	// the outbox): it is for resuming, not for the trainer.
	PageReached EventKind = "page_reached"
	// CertificateIssued says the kiosk issued the learner a certificate of
	// an itinerary (Itinerary) with Certificate, the certificate's
	// reference (certificate.Ref: a short hash of its code). Never the
	// name or the code itself, which holds the name. It travels to the hub
	// and the region's LRS like any outcome; hubs of an older Aula do not
	// know it, and the kiosk keeps it for them (classroom.Syncer).
	CertificateIssued EventKind = "certificate_issued"
	// NamesConsent is the learner's answer (Consent) when the centre asks
	// to send their name to the region with their results (docs/xapi.md):
	// only a yes or a no, the last one counts. It travels to the hub,
	// which puts the name in its statements only after a yes.
	NamesConsent EventKind = "names_consent"
)

// CentreKeyLen is the length of the public key in a certificate_issued
// event: an Ed25519 public key (32 bytes) in base32, without padding.
const CentreKeyLen = 52

// CertificateRefLen is the length of a certificate's reference in a
// certificate_issued event: lowercase hex digits.
const CertificateRefLen = 16

// localOnly kinds never go to the outbox.
func (k EventKind) localOnly() bool { return k == PageReached }

// lessonless kinds may happen outside a lesson (calling the trainer from
// the home screen, a certificate) and do not count as a lesson's progress.
func (k EventKind) lessonless() bool {
	return k == HelpAsked || k == HelpCancelled || k == CertificateIssued || k == NamesConsent
}

func (k EventKind) known() bool {
	switch k {
	case LessonStarted, Answered, HintShown, StepDone, LessonDone, HelpAsked, HelpCancelled, PageReached, CertificateIssued, NamesConsent:
		return true
	}
	return false
}

// Event is one thing a learner did. It never carries what the learner typed:
// only ids from the lesson file and outcomes.
type Event struct {
	ID          string        `json:"id"`  // 32 random hex characters, set by Record (older files: DeviceID + ":" + Seq)
	Seq         uint64        `json:"seq"` // set by Record (events bucket NextSequence): the order on this laptop, not an identity
	Learner     uint64        `json:"learner"`
	Kind        EventKind     `json:"kind"`
	Lesson      string        `json:"lesson"`
	Step        string        `json:"step,omitempty"`
	StepIndex   int           `json:"step_index"`
	Steps       int           `json:"steps"` // total steps in the lesson
	Attempt     int           `json:"attempt,omitempty"`
	Correct     bool          `json:"correct,omitempty"`
	Mistake     string        `json:"mistake,omitempty"`     // stable id of the mistake from the lesson file
	How         string        `json:"how,omitempty"`         // for step_done: "read" | "example"
	Score       *int          `json:"score,omitempty"`       // password steps: strength 0–4 of the practice password (never the password)
	Advice      []string      `json:"advice,omitempty"`      // password steps: ids of the advice that applied
	Page        int           `json:"page,omitempty"`        // page_reached: the form page reached (0-based)
	Itinerary   string        `json:"itinerary,omitempty"`   // certificate_issued: the itinerary's id
	Certificate string        `json:"certificate,omitempty"` // certificate_issued: the certificate's reference (CertificateRefLen hex digits)
	CentreKey   string        `json:"centre_key,omitempty"`  // certificate_issued: the public key that signed it (CentreKeyLen base32 letters), for the hub to check it
	Consent     bool          `json:"consent,omitempty"`     // names_consent: yes, the name may go to the region
	Elapsed     time.Duration `json:"elapsed"`               // active time since the learner's previous action in this lesson
	At          time.Time     `json:"at"`                    // set by Record from Options.Now when zero
}

// maxScore is the highest password strength (zxcvbn's score); maxAdvice
// bounds the advice ids of one answer.
const (
	maxScore  = 4
	maxAdvice = 16
)

// maxIDLen bounds the ids an event carries (lesson, step, mistake).
const maxIDLen = 64

// checkID accepts what looks like an id from a lesson file: short, with no
// spaces or control characters. It is a guard against free text (what a
// learner typed) ending up in the log by mistake.
func checkID(field, id string) error {
	if len(id) > maxIDLen || !utf8.ValidString(id) ||
		strings.ContainsFunc(id, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		// Do not echo the value: it may be what the learner typed.
		return fmt.Errorf("%w: the %s does not look like an id from a lesson file", ErrBadEvent, field)
	}
	return nil
}

func validEvent(e Event) error {
	if err := validFields(e); err != nil {
		return err
	}
	for _, a := range e.Advice {
		if err := checkID("advice", a); err != nil {
			return err
		}
	}
	for _, f := range [...]struct{ name, id string }{{"lesson", e.Lesson}, {"step", e.Step}, {"mistake", e.Mistake}, {"itinerary", e.Itinerary}} {
		if err := checkID(f.name, f.id); err != nil {
			return err
		}
	}
	return nil
}

// validFields checks the kind and the fields that depend on it.
func validFields(e Event) error {
	for _, valid := range []func(Event) error{validPage, validCertificate, validConsent} { // the fields of one kind
		if err := valid(e); err != nil {
			return err
		}
	}
	switch {
	case !e.Kind.known():
		return fmt.Errorf("%w: unknown kind %q", ErrBadEvent, e.Kind)
	case e.Lesson == "" && !e.Kind.lessonless():
		return fmt.Errorf("%w: no lesson", ErrBadEvent)
	case e.Step == "" && (e.Kind == Answered || e.Kind == StepDone || e.Kind == PageReached):
		return fmt.Errorf("%w: %s needs a step id", ErrBadEvent, e.Kind)
	case e.StepIndex < 0 || e.Steps < 0 || e.Attempt < 0:
		return fmt.Errorf("%w: negative step index, steps or attempt", ErrBadEvent)
	case e.How != "" && e.How != "read" && e.How != "example":
		return fmt.Errorf("%w: how is %q, not read or example", ErrBadEvent, e.How)
	case e.Score != nil && (*e.Score < 0 || *e.Score > maxScore):
		return fmt.Errorf("%w: score %d is not from 0 to %d", ErrBadEvent, *e.Score, maxScore)
	case len(e.Advice) > maxAdvice:
		return fmt.Errorf("%w: %d advice ids, at most %d", ErrBadEvent, len(e.Advice), maxAdvice)
	}
	return nil
}

// validConsent checks a names_consent event: a yes or a no, about no
// lesson; no other kind has a consent.
func validConsent(e Event) error {
	switch {
	case e.Consent && e.Kind != NamesConsent:
		return fmt.Errorf("%w: a consent only in %s", ErrBadEvent, NamesConsent)
	case e.Kind == NamesConsent && (e.Lesson != "" || e.Step != ""):
		return fmt.Errorf("%w: %s has no lesson or step", ErrBadEvent, e.Kind)
	}
	return nil
}

// validCertificate checks the itinerary and reference of a
// certificate_issued event; no other kind has them.
func validCertificate(e Event) error {
	if e.Kind != CertificateIssued {
		if e.Itinerary != "" || e.Certificate != "" || e.CentreKey != "" {
			return fmt.Errorf("%w: an itinerary and a certificate only in %s", ErrBadEvent, CertificateIssued)
		}
		return nil
	}
	switch {
	case e.Itinerary == "":
		return fmt.Errorf("%w: %s needs an itinerary id", ErrBadEvent, e.Kind)
	case len(e.Certificate) != CertificateRefLen || strings.ContainsFunc(e.Certificate, func(r rune) bool {
		return (r < '0' || r > '9') && (r < 'a' || r > 'f')
	}):
		return fmt.Errorf("%w: the certificate's reference must be %d lowercase hex digits", ErrBadEvent, CertificateRefLen)
	case e.CentreKey != "" && (len(e.CentreKey) != CentreKeyLen || strings.ContainsFunc(e.CentreKey, func(r rune) bool {
		return (r < 'A' || r > 'Z') && (r < '2' || r > '7')
	})):
		return fmt.Errorf("%w: the centre key must be %d base32 letters", ErrBadEvent, CentreKeyLen)
	case e.Lesson != "" || e.Step != "":
		return fmt.Errorf("%w: %s has no lesson or step", ErrBadEvent, e.Kind)
	}
	return nil
}

// validPage checks the page of a page_reached event; no other kind has one.
func validPage(e Event) error {
	switch {
	case e.Page < 0:
		return fmt.Errorf("%w: negative page", ErrBadEvent)
	case e.Page != 0 && e.Kind != PageReached:
		return fmt.Errorf("%w: a page only in %s", ErrBadEvent, PageReached)
	}
	return nil
}

// Record stores one event and everything that follows from it in a single
// transaction: it gives the event its Seq, ID and (when zero) At, appends it
// to the learner's log, updates the lesson's progress and adds the event to
// the outbox. When Record returns nil the event is on disk. It returns the
// stored event. A finished lesson also starts a backup (BackupLater).
//
// The learner must exist (ErrNotFound); the kind must be known, the lesson
// set and, for answers and step_done, the step (ErrBadEvent). A negative
// Elapsed is stored as 0.
func (s *Store) Record(e Event) (Event, error) {
	if err := validEvent(e); err != nil {
		return Event{}, err
	}
	if e.At.IsZero() {
		e.At = s.now()
	}
	e.Elapsed = max(e.Elapsed, 0)
	err := s.db.Update(func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketLearners).Get(u64(e.Learner)) == nil {
			return fmt.Errorf("learner %d: %w", e.Learner, ErrNotFound)
		}

		events := tx.Bucket(bucketEvents)
		seq, err := events.NextSequence()
		if err != nil {
			return err
		}
		e.Seq = seq
		if e.ID, err = newEventID(); err != nil {
			return err
		}
		key := key2(e.Learner, seq)
		if err := put(events, key, e); err != nil {
			return err
		}

		if err := project(tx, e); err != nil {
			return err
		}
		if e.Kind.localOnly() {
			return nil
		}
		return tx.Bucket(bucketOutbox).Put(u64(seq), key)
	})
	if err != nil {
		return Event{}, err
	}
	if e.Kind == LessonDone {
		s.BackupLater() // a lesson's work is never only in one file
	}
	return e, nil
}

// project updates the learner's progress with e, inside tx.
func project(tx *bbolt.Tx, e Event) error {
	p := projector{tx: tx}
	if err := p.apply(e); err != nil {
		return err
	}
	return p.flush()
}

// projector applies many events to the progress projection in one
// transaction, reading and writing each progress record once (a hub
// ingesting a batch of one learner's answers).
type projector struct {
	tx    *bbolt.Tx
	cache map[string]*Progress // by progress key
	order []string
}

func (pj *projector) apply(e Event) error {
	if e.Kind == NamesConsent {
		return putConsent(pj.tx, e.Learner, e.Consent)
	}
	if e.Kind.lessonless() {
		return nil
	}
	pk := string(progressKey(e.Learner, e.Lesson))
	p, ok := pj.cache[pk]
	if !ok {
		p = &Progress{Learner: e.Learner, Lesson: e.Lesson, Status: NotStarted}
		if _, err := get(pj.tx.Bucket(bucketProgress), []byte(pk), p); err != nil {
			return err
		}
		if pj.cache == nil {
			pj.cache = map[string]*Progress{}
		}
		pj.cache[pk] = p
		pj.order = append(pj.order, pk)
	}
	p.apply(e)
	return nil
}

// flush writes the progress records that changed.
func (pj *projector) flush() error {
	b := pj.tx.Bucket(bucketProgress)
	for _, pk := range pj.order {
		if err := put(b, []byte(pk), pj.cache[pk]); err != nil {
			return err
		}
	}
	return nil
}

// Events returns a learner's events in the order they happened (none, and
// no error, for a learner without events).
func (s *Store) Events(learner uint64) ([]Event, error) {
	var evs []Event
	err := s.db.View(func(tx *bbolt.Tx) error {
		prefix := u64(learner)
		c := tx.Bucket(bucketEvents).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			var e Event
			if err := decode(v, &e); err != nil {
				return err
			}
			evs = append(evs, e)
		}
		return nil
	})
	return evs, err
}

// Outbox returns up to limit events not yet delivered to the classroom,
// oldest first. limit <= 0 means all of them.
func (s *Store) Outbox(limit int) ([]Event, error) {
	var evs []Event
	err := s.db.View(func(tx *bbolt.Tx) error {
		events := tx.Bucket(bucketEvents)
		c := tx.Bucket(bucketOutbox).Cursor()
		for k, v := c.First(); k != nil && (limit <= 0 || len(evs) < limit); k, v = c.Next() {
			var e Event
			ok, err := get(events, v, &e)
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("outbox entry %d: event: %w", binary.BigEndian.Uint64(k), ErrNotFound)
			}
			evs = append(evs, e)
		}
		return nil
	})
	return evs, err
}

// AckOutbox removes from the outbox the events with these ids, once the
// classroom hub has confirmed each of them. Ids that are not in the outbox
// are ignored. The events themselves stay.
func (s *Store) AckOutbox(ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	return s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketOutbox)
		events := tx.Bucket(bucketEvents)
		var done [][]byte
		c := b.Cursor()
		// The confirmed events are the oldest in the outbox (the batch was
		// its head): stop once all of them are found.
		for k, v := c.First(); k != nil && len(done) < len(want); k, v = c.Next() {
			var e Event
			if _, err := get(events, v, &e); err != nil {
				return err
			}
			if want[e.ID] {
				done = append(done, bytes.Clone(k))
			}
		}
		for _, k := range done {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
}

// Reissue gives the outbox event with id a new random id, keeping
// everything else, and returns the new id. The kiosk does this when the hub
// refuses an event because it already holds a different event with the same
// id (an id made by an older Aula, in a data file restored from a backup or
// copied to another laptop): with its new id the event is sent again and
// both are kept. An id not in the outbox is ErrNotFound.
func (s *Store) Reissue(id string) (string, error) {
	var fresh string
	err := s.db.Update(func(tx *bbolt.Tx) error {
		events := tx.Bucket(bucketEvents)
		c := tx.Bucket(bucketOutbox).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			var e Event
			if _, err := get(events, v, &e); err != nil {
				return err
			}
			if e.ID != id {
				continue
			}
			var err error
			if e.ID, err = newEventID(); err != nil {
				return err
			}
			fresh = e.ID
			return put(events, v, e)
		}
		return fmt.Errorf("outbox event %q: %w", id, ErrNotFound)
	})
	return fresh, err
}
