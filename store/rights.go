package store

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.etcd.io/bbolt"
)

// A learner's data belongs to the learner: rename, merge two profiles of
// one person, read everything kept about one learner (for an export), and
// erase a learner. Buckets (made on first use):
//
//	erase_out  token -> "" : erasures of this laptop's learners that the
//	           class hub has not confirmed yet (ErasuresToSend)
//	erased     token -> "" : on a hub, learners erased here; a push that
//	           still carries them is confirmed and dropped. The trainer's
//	           erasure holds device(16) + id(8B) until that laptop
//	           confirms it with its own request (PendingErasures)
//	meta       scrub -> "1" : something was erased; the file is rewritten
//	           (compacted) when it is closed or next opened, because bbolt
//	           keeps freed pages, with their old bytes, inside the file
//
// A token (ErasureToken) is a hash of the laptop's device id and the
// learner's id on that laptop: it names the learner to the hub without
// keeping the id or the name anywhere after the erasure.
var (
	bucketEraseOut = []byte("erase_out")
	bucketErased   = []byte("erased")
	keyScrub       = []byte("scrub")
)

// ErrRemoteLearner is returned for a change that only the laptop where the
// learner studies can make (rename or merge a hub's copy).
var ErrRemoteLearner = errors.New("this learner studies on another laptop: do it there")

// ErrSameLearner is returned by MergeLearners for a learner merged into
// themselves.
var ErrSameLearner = errors.New("these are the same learner")

// ErasureToken names learner id of the laptop device to a hub, without the
// id: 32 hex characters.
func ErasureToken(device string, id uint64) string {
	h := sha256.Sum256(binary.BigEndian.AppendUint64([]byte("aula-erase\x00"+device+"\x00"), id))
	return hex.EncodeToString(h[:16])
}

// RenameLearner gives a learner of this laptop a new name (checked and
// unique, as in AddLearner). The hub gets the new name with the next push.
func (s *Store) RenameLearner(id uint64, name string) error {
	name, err := cleanName(name)
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bbolt.Tx) error {
		l, err := learner(tx, id)
		if err != nil {
			return err
		}
		if l.Remote() {
			return ErrRemoteLearner
		}
		if taken, err := nameTaken(tx, name, id); err != nil || taken {
			return cmp.Or(err, ErrNameTaken)
		}
		l.Name = name
		return put(tx.Bucket(bucketLearners), u64(id), l)
	})
}

// nameTaken says whether another learner of this laptop than except has name.
func nameTaken(tx *bbolt.Tx, name string, except uint64) (bool, error) {
	taken := false
	err := tx.Bucket(bucketLearners).ForEach(func(_, v []byte) error {
		var o Learner
		if err := decode(v, &o); err != nil {
			return err
		}
		taken = taken || (!o.Remote() && o.ID != except && strings.EqualFold(o.Name, name))
		return nil
	})
	return taken, err
}

// MergeLearners joins learner from into learner into, both of this laptop
// (one person with two profiles): every event of from moves to into with
// its id and time, into's progress is built again from all its events in
// the order they happened here, and from is erased (ErasureToken, so the
// hub drops its copy). The moved events go to the outbox again: the hub
// then holds each one once, under into. It returns how many events moved.
func (s *Store) MergeLearners(from, into uint64) (int, error) {
	if from == into {
		return 0, ErrSameLearner
	}
	moved := 0
	err := s.db.Update(func(tx *bbolt.Tx) error {
		moved = 0
		a, err := learner(tx, from)
		if err != nil {
			return err
		}
		b, err := learner(tx, into)
		if err != nil {
			return err
		}
		if a.Remote() || b.Remote() {
			return ErrRemoteLearner
		}
		events, outbox := tx.Bucket(bucketEvents), tx.Bucket(bucketOutbox)
		for _, ke := range eventsOf(tx, from) {
			e := ke.e
			e.Learner = into
			key := key2(into, e.Seq)
			if err := put(events, key, e); err != nil {
				return err
			}
			if err := events.Delete(ke.key); err != nil {
				return err
			}
			if !e.Kind.localOnly() {
				if err := outbox.Put(u64(e.Seq), key); err != nil {
					return err
				}
			}
			moved++
		}
		if err := deletePrefix(tx.Bucket(bucketProgress), u64(from)); err != nil {
			return err
		}
		if err := s.reproject(tx, into); err != nil {
			return err
		}
		return s.forget(tx, a, true)
	})
	return moved, err
}

// reproject builds a learner's progress again from their events.
func (s *Store) reproject(tx *bbolt.Tx, id uint64) error {
	if err := deletePrefix(tx.Bucket(bucketProgress), u64(id)); err != nil {
		return err
	}
	pj := projector{tx: tx}
	for _, ke := range eventsOf(tx, id) {
		if err := pj.apply(ke.e); err != nil {
			return err
		}
	}
	return pj.flush()
}

type keyedEvent struct {
	key []byte
	e   Event
}

// eventsOf reads a learner's events with their keys, in the order stored
// here; an event that does not decode is skipped (erasing must not stop at it).
func eventsOf(tx *bbolt.Tx, id uint64) []keyedEvent {
	var out []keyedEvent
	prefix := u64(id)
	c := tx.Bucket(bucketEvents).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var e Event
		_ = decode(v, &e)
		out = append(out, keyedEvent{bytes.Clone(k), e})
	}
	return out
}

// deletePrefix deletes every key of b that starts with prefix.
func deletePrefix(b *bbolt.Bucket, prefix []byte) error {
	var keys [][]byte
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// Erasure says what EraseLearner removed.
type Erasure struct {
	Name   string // as it was
	Events int
}

// EraseLearner removes a learner and everything kept about them from this
// file: the record, the events (and their place in the outbox), the
// progress and, on a hub, the pseudonym that linked their statements for
// the region to them (statements already sent stay with the region, with
// nobody to link them to). A learner of this laptop is also queued for
// the class hub (ErasuresToSend); a hub's copy of another laptop's learner
// is remembered by token only, so a late push of theirs is dropped. The
// freed space of the file is rewritten when the file is closed (Close), so
// the bytes leave the disk then; backups made before keep the learner until
// they rotate out (BackupGenerations more backups).
func (s *Store) EraseLearner(id uint64) (Erasure, error) { return s.erase(id, true) }

// erase is EraseLearner; without tombstone a hub's copy of another
// laptop's learner goes without a trace, and comes back if that laptop
// pushes again (the retention, which is not a request to erase).
func (s *Store) erase(id uint64, tombstone bool) (Erasure, error) {
	var er Erasure
	err := s.db.Update(func(tx *bbolt.Tx) error {
		l, err := learner(tx, id)
		if err != nil {
			return err
		}
		er = Erasure{Name: l.Name, Events: len(eventsOf(tx, id))}
		return s.forget(tx, l, tombstone)
	})
	if err == nil {
		s.remotes.Range(func(k, v any) bool {
			if v.(Learner).ID == id {
				s.remotes.Delete(k)
			}
			return true
		})
	}
	return er, err
}

// forget erases learner l inside tx (EraseLearner).
func (s *Store) forget(tx *bbolt.Tx, l Learner, tombstone bool) error {
	events, outbox := tx.Bucket(bucketEvents), tx.Bucket(bucketOutbox)
	seen := tx.Bucket(bucketEventIDs)
	for _, ke := range eventsOf(tx, l.ID) {
		if v := outbox.Get(u64(ke.e.Seq)); v != nil && bytes.Equal(v, ke.key) {
			if err := outbox.Delete(u64(ke.e.Seq)); err != nil {
				return err
			}
		}
		if l.Remote() && ke.e.ID != "" {
			// The hub's record that it holds this event: a kiosk that
			// merged this learner into another sends it again, under them.
			if err := seen.Delete([]byte(ke.e.ID)); err != nil {
				return err
			}
		}
		if err := events.Delete(ke.key); err != nil {
			return err
		}
	}
	if err := deletePrefix(tx.Bucket(bucketProgress), u64(l.ID)); err != nil {
		return err
	}
	if b := tx.Bucket(bucketActors); b != nil {
		if err := b.Delete(u64(l.ID)); err != nil {
			return err
		}
	}
	if err := tx.Bucket(bucketLearners).Delete(u64(l.ID)); err != nil {
		return err
	}
	if err := s.queueErasure(tx, l, tombstone); err != nil {
		return err
	}
	return tx.Bucket(bucketMeta).Put(keyScrub, []byte("1"))
}

// queueErasure remembers, by token, an erasure the hub must hear of
// (this laptop's learner, when it is in a class) or must hold to (a hub's
// copy of a kiosk's learner).
func (s *Store) queueErasure(tx *bbolt.Tx, l Learner, tombstone bool) error {
	if l.Remote() {
		if err := tx.Bucket(bucketRemote).Delete(binary.BigEndian.AppendUint64([]byte(l.Device), l.RemoteID)); err != nil {
			return err
		}
		if !tombstone {
			return nil
		}
		b, err := tx.CreateBucketIfNotExists(bucketErased)
		if err != nil || b.Get([]byte(ErasureToken(l.Device, l.RemoteID))) != nil {
			return err // kept as it is: the trainer's erasure may wait for the laptop
		}
		return b.Put([]byte(ErasureToken(l.Device, l.RemoteID)), nil)
	}
	if tx.Bucket(bucketMeta).Get(keyClass) == nil {
		return nil
	}
	b, err := tx.CreateBucketIfNotExists(bucketEraseOut)
	if err != nil {
		return err
	}
	return b.Put([]byte(ErasureToken(s.deviceID, l.ID)), nil)
}

// ErasuresToSend are the tokens of this laptop's erased learners that the
// class hub has not confirmed.
func (s *Store) ErasuresToSend() ([]string, error) {
	var out []string
	err := s.db.View(func(tx *bbolt.Tx) error {
		if b := tx.Bucket(bucketEraseOut); b != nil {
			return b.ForEach(func(k, _ []byte) error {
				out = append(out, string(k))
				return nil
			})
		}
		return nil
	})
	return out, err
}

// ErasuresSent forgets the tokens the hub confirmed.
func (s *Store) ErasuresSent(tokens []string) error {
	return s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketEraseOut)
		if b == nil {
			return nil
		}
		for _, t := range tokens {
			if err := b.Delete([]byte(t)); err != nil {
				return err
			}
		}
		return nil
	})
}

// EraseFromDevice is a hub erasing, at device's request, that laptop's
// learners named by tokens (ErasureToken). Only device's own learners can
// match: a token made with another laptop's id names nobody here. Every
// token is remembered, so a push that still carries the learner is
// dropped. It returns how many learners were erased.
func (s *Store) EraseFromDevice(device string, tokens []string) (int, error) {
	return s.eraseFrom(device, tokens, nil)
}

// EraseForTrainer is the trainer's erasure, on a hub, of learner id of
// laptop device (as EraseFromDevice), which then waits in this file for
// that laptop (PendingErasures), across restarts of the hub, until the
// laptop's own erasure request confirms it.
func (s *Store) EraseForTrainer(device string, id uint64) error {
	_, err := s.eraseFrom(device, []string{ErasureToken(device, id)}, binary.BigEndian.AppendUint64([]byte(device), id))
	return err
}

// PendingErasures are the ids, on laptop device, of the learners the
// trainer erased that the laptop has not confirmed.
func (s *Store) PendingErasures(device string) ([]uint64, error) {
	var out []uint64
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketErased)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			if len(v) == len(device)+8 && bytes.HasPrefix(v, []byte(device)) {
				out = append(out, binary.BigEndian.Uint64(v[len(device):]))
			}
			return nil
		})
	})
	return out, err
}

// eraseFrom is EraseFromDevice; each token holds pending (nil: confirmed).
func (s *Store) eraseFrom(device string, tokens []string, pending []byte) (int, error) {
	if err := checkDeviceID(device); err != nil {
		return 0, err
	}
	want := map[string]bool{}
	for _, t := range tokens {
		if _, err := hex.DecodeString(t); err != nil || len(t) != 32 {
			return 0, fmt.Errorf("%w: an erasure token has 32 hex characters", ErrBadEvent)
		}
		want[t] = true
	}
	var ids []uint64
	err := s.db.Update(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketRemote).Cursor()
		prefix := []byte(device)
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if len(k) == len(prefix)+8 && want[ErasureToken(device, binary.BigEndian.Uint64(k[len(prefix):]))] {
				ids = append(ids, binary.BigEndian.Uint64(v))
			}
		}
		b, err := tx.CreateBucketIfNotExists(bucketErased)
		if err != nil {
			return err
		}
		for t := range want {
			if old := b.Get([]byte(t)); pending == nil && old != nil && !bytes.HasPrefix(old, []byte(device)) {
				continue // kept: only the laptop it waits for confirms it
			}
			if err := b.Put([]byte(t), pending); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		if _, err := s.EraseLearner(id); err != nil && !errors.Is(err, ErrNotFound) {
			return 0, err
		}
	}
	return len(ids), nil
}

// erasedOn says, inside tx, whether device's learner id was erased here.
func erasedOn(tx *bbolt.Tx, device string, id uint64) bool {
	b := tx.Bucket(bucketErased)
	return b != nil && b.Get([]byte(ErasureToken(device, id))) != nil
}

// Record is everything this file keeps about one learner: what an export
// holds. Never what they typed as practice: Aula does not keep it.
type Record struct {
	Learner  Learner
	Progress []Progress
	Events   []Event
}

// LearnerRecord reads a learner's record, progress and events in one
// transaction.
func (s *Store) LearnerRecord(id uint64) (Record, error) {
	var r Record
	err := s.db.View(func(tx *bbolt.Tx) error {
		l, err := learner(tx, id)
		if err != nil {
			return err
		}
		r.Learner = l
		if r.Progress, err = progressOf(tx, id); err != nil {
			return err
		}
		for _, ke := range eventsOf(tx, id) {
			r.Events = append(r.Events, ke.e)
		}
		return nil
	})
	return r, err
}

// Inactive lists the learners (of this laptop and, on a hub, of the
// class) whose last event, or their creation when they have none, is
// before cutoff: who a retention of that age would erase.
func (s *Store) Inactive(cutoff time.Time) ([]Learner, error) {
	var out []Learner
	err := s.db.View(func(tx *bbolt.Tx) error {
		ls, err := learners(tx)
		if err != nil {
			return err
		}
		for _, l := range ls {
			last := l.Created
			if evs := eventsOf(tx, l.ID); len(evs) > 0 {
				last = slices.MaxFunc(evs, func(a, b keyedEvent) int { return a.e.At.Compare(b.e.At) }).e.At
			}
			if last.Before(cutoff) {
				out = append(out, l)
			}
		}
		return nil
	})
	return out, err
}

// RetentionCutoff is the time before which a learner's last activity makes
// them go under a retention of months (0: none, the zero time).
func RetentionCutoff(now time.Time, months int) time.Time {
	if months <= 0 {
		return time.Time{}
	}
	return now.AddDate(0, -months, 0)
}

// ApplyRetention erases the learners with no activity for the centre's
// retention (Centre.RetainMonths; none when 0) and returns who went. A
// hub's copy of a kiosk's learner goes without a tombstone: the laptop may
// have been away with the learner working, and its next push brings them
// back rather than have the hub tell it to erase them.
func (s *Store) ApplyRetention() ([]Erasure, error) {
	c, err := s.Centre()
	months := c.Retention(s.inClass())
	if err != nil || months <= 0 {
		return nil, err
	}
	ls, err := s.Inactive(RetentionCutoff(s.now(), months))
	if err != nil {
		return nil, err
	}
	var out []Erasure
	for _, l := range ls {
		er, err := s.erase(l.ID, false)
		if err != nil {
			return out, err
		}
		out = append(out, er)
	}
	return out, nil
}

// scrubPending says whether something was erased since the file was last
// rewritten.
func (s *Store) scrubPending() bool {
	pending := false
	_ = s.db.View(func(tx *bbolt.Tx) error {
		pending = tx.Bucket(bucketMeta).Get(keyScrub) != nil
		return nil
	})
	return pending
}
