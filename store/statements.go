package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// A hub that reports to a Learning Record Store (package xapi) keeps, in
// its own file (buckets made on first use):
//
//	xapi_outbox  seq(8B) -> Statement JSON: statements not yet accepted by
//	             the LRS, written in the same transaction as the events
//	             they come from (Ingest), deleted once the LRS took them
//	xapi_aside   seq(8B) -> AsideStatement JSON: statements the LRS
//	             refused (4xx), with its reason; never sent again by
//	             themselves, never dropped
//	xapi_actors  learner(8B) -> 32 hex characters: the learner's random,
//	             stable pseudonym, the only name a statement carries
//	xapi_counts  "pending", "aside" -> 8B: how many each of the first two
//	             holds, kept in the transactions that change them (so the
//	             hub's status never walks a long outbox)
var (
	bucketStatements = []byte("xapi_outbox")
	bucketAside      = []byte("xapi_aside")
	bucketActors     = []byte("xapi_actors")
	bucketCounts     = []byte("xapi_counts")

	keyPending = []byte("pending")
	keyAside   = []byte("aside")
)

// addCount changes one of the counts of xapi_counts by delta.
func addCount(tx *bbolt.Tx, key []byte, delta int) error {
	if delta == 0 {
		return nil
	}
	b, err := tx.CreateBucketIfNotExists(bucketCounts)
	if err != nil {
		return err
	}
	var n uint64
	if v := b.Get(key); len(v) == 8 {
		n = binary.BigEndian.Uint64(v)
	}
	n = uint64(max(int64(n)+int64(delta), 0))
	return b.Put(key, u64(n))
}

// count reads one of the counts of xapi_counts.
func count(tx *bbolt.Tx, key []byte) int {
	if b := tx.Bucket(bucketCounts); b != nil {
		if v := b.Get(key); len(v) == 8 {
			return int(binary.BigEndian.Uint64(v))
		}
	}
	return 0
}

// Statement is one statement for a Learning Record Store: its id and its
// JSON, exactly the bytes sent (a resend is the same statement).
type Statement struct {
	ID   string          `json:"id"`
	Body json.RawMessage `json:"body"`
}

// StatementInput is what a StatementMaker knows of one event.
type StatementInput struct {
	Event  Event  // as stored on this file: Learner is this file's id for the learner
	Device string // the laptop the event came from
	Actor  string // the learner's pseudonym (random, stable, never the name)
	// Name is the learner's name, given only when the learner said yes to
	// sending it to the region (names_consent) before this event; the
	// maker puts it in a statement only if the centre sends names
	// (xapi.Mapper.Names). Empty otherwise.
	Name string
	// Done says whether the learner had finished a lesson before this
	// event (so an itinerary is reported finished once).
	Done func(lesson string) bool
}

// StatementMaker turns one event into the statements that report it
// (none for an event a Learning Record Store does not need). It must be a
// pure function of its input: the same event makes the same statements.
type StatementMaker func(StatementInput) ([]Statement, error)

// statementHook is the maker Ingest uses, if any, and a signal of news.
type statementHook struct {
	make StatementMaker
	news chan struct{}
}

// SetStatements makes Ingest write, for every event it stores, the
// statements f makes into the statement outbox, in the same transaction
// (nil stops it). Call it before the hub serves.
func (s *Store) SetStatements(f StatementMaker) {
	if f == nil {
		s.stmts.Store(nil)
		return
	}
	s.stmts.Store(&statementHook{make: f, news: make(chan struct{}, 1)})
}

// StatementNews is signalled (without blocking anyone) after Ingest adds
// statements to the outbox; nil when SetStatements was not called.
func (s *Store) StatementNews() <-chan struct{} {
	if h := s.stmts.Load(); h != nil {
		return h.news
	}
	return nil
}

// signal tells the sender (StatementNews) that a transaction that
// committed (err nil) made statements; h may be nil.
func (h *statementHook) signal(made int, err error) {
	if h == nil || err != nil || made == 0 {
		return
	}
	select {
	case h.news <- struct{}{}:
	default:
	}
}

// addStatements runs the maker for one event being stored in tx; without
// a maker (h nil) it does nothing.
func (s *Store) addStatements(tx *bbolt.Tx, h *statementHook, device string, e Event, pj *projector) (int, error) {
	if h == nil {
		return 0, nil
	}
	actor, err := pseudonym(tx, e.Learner)
	if err != nil {
		return 0, err
	}
	name, err := consentedName(tx, e.Learner)
	if err != nil {
		return 0, err
	}
	sts, err := h.make(StatementInput{Event: e, Device: device, Actor: actor, Name: name, Done: func(lesson string) bool {
		return pj.done(e.Learner, lesson)
	}})
	if err != nil {
		return 0, err
	}
	b, err := tx.CreateBucketIfNotExists(bucketStatements)
	if err != nil {
		return 0, err
	}
	for _, st := range sts {
		seq, err := b.NextSequence()
		if err != nil {
			return 0, err
		}
		if err := put(b, u64(seq), st); err != nil {
			return 0, err
		}
	}
	return len(sts), addCount(tx, keyPending, len(sts))
}

// consentedName is the learner's name if their last answer to the
// centre's question was yes, else "".
func consentedName(tx *bbolt.Tx, id uint64) (string, error) {
	if _, yes := consentIn(tx, id); !yes {
		return "", nil
	}
	l, err := learner(tx, id)
	if err != nil {
		return "", err
	}
	return l.Name, nil
}

// done says whether a learner's lesson is finished as far as the
// projection knows, this transaction's events included.
func (pj *projector) done(learner uint64, lesson string) bool {
	pk := string(progressKey(learner, lesson))
	if p, ok := pj.cache[pk]; ok {
		return p.Status == Done
	}
	var p Progress
	if ok, err := get(pj.tx.Bucket(bucketProgress), []byte(pk), &p); err != nil || !ok {
		return false
	}
	return p.Status == Done
}

// pseudonym is the learner's random, stable name for statements, made
// the first time it is needed.
func pseudonym(tx *bbolt.Tx, learner uint64) (string, error) {
	b, err := tx.CreateBucketIfNotExists(bucketActors)
	if err != nil {
		return "", err
	}
	if v := b.Get(u64(learner)); v != nil {
		return string(v), nil
	}
	id, err := newEventID() // 128 random bits, as hex
	if err != nil {
		return "", err
	}
	return id, b.Put(u64(learner), []byte(id))
}

// PendingStatement is a statement in the outbox.
type PendingStatement struct {
	Seq uint64
	Statement
}

// PendingStatements returns up to limit statements of the outbox, oldest
// first (limit <= 0: all).
func (s *Store) PendingStatements(limit int) ([]PendingStatement, error) {
	var out []PendingStatement
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketStatements)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.First(); k != nil && (limit <= 0 || len(out) < limit); k, v = c.Next() {
			var st Statement
			if err := decode(v, &st); err != nil {
				return err
			}
			out = append(out, PendingStatement{Seq: binary.BigEndian.Uint64(k), Statement: st})
		}
		return nil
	})
	return out, err
}

// StatementsSent removes from the outbox the statements the LRS took.
func (s *Store) StatementsSent(seqs []uint64) error {
	if len(seqs) == 0 {
		return nil
	}
	return s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketStatements)
		if b == nil {
			return nil
		}
		gone := 0
		for _, seq := range seqs {
			if b.Get(u64(seq)) == nil {
				continue
			}
			if err := b.Delete(u64(seq)); err != nil {
				return err
			}
			gone++
		}
		return addCount(tx, keyPending, -gone)
	})
}

// AsideStatement is a statement the LRS refused, kept with the reason.
type AsideStatement struct {
	Seq       uint64    `json:"-"`
	Statement Statement `json:"statement"`
	Status    int       `json:"status"` // the LRS's HTTP status
	Reason    string    `json:"reason"` // what the LRS said, cut short
	At        time.Time `json:"at"`
}

// maxReason bounds the reason kept for a refused statement.
const maxReason = 500

// SetStatementAside moves a statement from the outbox to the refused ones,
// with the LRS's status and reason.
func (s *Store) SetStatementAside(seq uint64, status int, reason string) error {
	if len(reason) > maxReason {
		reason = reason[:maxReason]
	}
	return s.db.Update(func(tx *bbolt.Tx) error {
		out := tx.Bucket(bucketStatements)
		if out == nil {
			return fmt.Errorf("statement %d: %w", seq, ErrNotFound)
		}
		var st Statement
		ok, err := get(out, u64(seq), &st)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("statement %d: %w", seq, ErrNotFound)
		}
		aside, err := tx.CreateBucketIfNotExists(bucketAside)
		if err != nil {
			return err
		}
		if err := put(aside, u64(seq), AsideStatement{Statement: st, Status: status, Reason: reason, At: s.now()}); err != nil {
			return err
		}
		if err := errors.Join(addCount(tx, keyPending, -1), addCount(tx, keyAside, 1)); err != nil {
			return err
		}
		return out.Delete(u64(seq))
	})
}

// AsideStatements returns the statements the LRS refused, oldest first.
func (s *Store) AsideStatements() ([]AsideStatement, error) {
	var out []AsideStatement
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketAside)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var a AsideStatement
			if err := decode(v, &a); err != nil {
				return err
			}
			a.Seq = binary.BigEndian.Uint64(k)
			out = append(out, a)
			return nil
		})
	})
	return out, err
}

// StatementCounts says how many statements wait to be sent and how many
// the LRS refused.
func (s *Store) StatementCounts() (pending, aside int, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		pending, aside = count(tx, keyPending), count(tx, keyAside)
		return nil
	})
	return pending, aside, err
}

// ReplayStatements makes again, with f, the statements of every event in
// this file whose time is in [from, to), learner by learner in the order
// they were stored: the same statements Ingest put in the outbox (for a
// centre without internet, whose coordinator imports a file). Learners
// without a pseudonym get one.
func (s *Store) ReplayStatements(f StatementMaker, from, to time.Time) ([]Statement, error) {
	var out []Statement
	err := s.db.Update(func(tx *bbolt.Tx) error {
		out = out[:0]
		ls := tx.Bucket(bucketLearners)
		events := tx.Bucket(bucketEvents)
		return ls.ForEach(func(k, v []byte) error {
			var l Learner
			if err := decode(v, &l); err != nil {
				return err
			}
			actor, err := pseudonym(tx, l.ID)
			if err != nil {
				return err
			}
			device := l.Device
			if device == "" {
				device = s.deviceID
			}
			done := map[string]bool{}
			name := "" // the name, after a yes (as Ingest gives it)
			c := events.Cursor()
			for ek, ev := c.Seek(k); ek != nil && bytes.HasPrefix(ek, k); ek, ev = c.Next() {
				var e Event
				if err := decode(ev, &e); err != nil {
					return err
				}
				if !e.At.Before(from) && e.At.Before(to) {
					sts, err := f(StatementInput{Event: e, Device: device, Actor: actor, Name: name, Done: func(lesson string) bool { return done[lesson] }})
					if err != nil {
						return err
					}
					out = append(out, sts...)
				}
				if e.Kind == LessonDone {
					done[e.Lesson] = true
				}
				if e.Kind == NamesConsent {
					name = ""
					if e.Consent {
						name = l.Name
					}
				}
			}
			return nil
		})
	})
	return out, err
}
