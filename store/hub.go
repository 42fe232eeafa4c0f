package store

import (
	"bytes"
	"cmp"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// This file is the classroom side of the store: what a kiosk keeps about
// the class it joined, and what a hub keeps about the laptops that joined it.

// Class is the classroom hub a kiosk joined: where it is and the token it
// gave this laptop. The token is a credential of this laptop, so it is kept
// as it is (the hub keeps only its hash).
type Class struct {
	URL    string    `json:"url"`
	Token  string    `json:"token"`
	Joined time.Time `json:"joined"`
	// Pin is the fingerprint of the hub's own certificate, proved by the
	// session code at join: the kiosk talks to no other. "" for a hub with
	// a certificate from a public authority, or plain HTTP.
	Pin string `json:"pin,omitempty"`
}

// Class returns the class this laptop joined, or ErrNotFound.
func (s *Store) Class() (Class, error) {
	var c Class
	err := s.db.View(func(tx *bbolt.Tx) error {
		ok, err := get(tx.Bucket(bucketMeta), keyClass, &c)
		if err == nil && !ok {
			err = fmt.Errorf("class: %w", ErrNotFound)
		}
		return err
	})
	return c, err
}

// SetClass remembers the class this laptop joined; a zero Class forgets it.
func (s *Store) SetClass(c Class) error {
	return s.db.Update(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if c.URL == "" {
			return meta.Delete(keyClass)
		}
		return put(meta, keyClass, c)
	})
}

// NewToken returns a random secret (32 bytes, hex) for a device or a trainer.
func NewToken() string {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported systems
	}
	return hex.EncodeToString(b[:])
}

func hashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// Device is a laptop that joined this hub.
type Device struct {
	ID        string    `json:"id"`
	TokenHash []byte    `json:"token_hash"` // sha256 of the token: tokens are random, so a fast hash is enough
	Joined    time.Time `json:"joined"`
	Forgotten time.Time `json:"forgotten,omitzero"` // the trainer forgot this laptop: no token works
}

// ErrBadToken is returned when a token matches no device (or not the trainer).
var ErrBadToken = errors.New("unknown or wrong token")

// HubID is this data file's id as a classroom hub, made the first time it is
// asked for. Kiosks use it to notice that they talk to another hub.
func (s *Store) HubID() (string, error) {
	var id string
	err := s.db.Update(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if v := meta.Get(keyHubID); v != nil {
			id = string(v)
			return nil
		}
		var b [8]byte
		if _, err := rand.Read(b[:]); err != nil {
			return err
		}
		id = hex.EncodeToString(b[:])
		return meta.Put(keyHubID, []byte(id))
	})
	return id, err
}

// TrainerKey makes the hub's trainer key the first time and returns it with
// fresh=true; afterwards it returns "", false (KeptTrainerKey shows it
// again).
func (s *Store) TrainerKey() (key string, fresh bool, err error) {
	err = s.db.Update(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta.Get(keyTrainerKey) != nil {
			return nil
		}
		key, fresh = NewToken(), true
		if err := meta.Put(keyTrainerKeyKept, []byte(key)); err != nil {
			return err
		}
		return meta.Put(keyTrainerKey, hashToken(key))
	})
	return key, fresh, err
}

// CheckTrainerKey says whether key is this hub's trainer key.
func (s *Store) CheckTrainerKey(key string) bool {
	ok := false
	_ = s.db.View(func(tx *bbolt.Tx) error {
		want := tx.Bucket(bucketMeta).Get(keyTrainerKey)
		ok = want != nil && subtle.ConstantTimeCompare(want, hashToken(key)) == 1
		return nil
	})
	return ok
}

// AddDevice lets a laptop in: it stores the device with the hash of a new
// token and returns the token. A device that joins again gets a new token
// and the old one stops working.
func (s *Store) AddDevice(id string) (string, error) {
	if err := checkDeviceID(id); err != nil {
		return "", err
	}
	token := NewToken()
	hash := hashToken(token)
	err := s.db.Update(func(tx *bbolt.Tx) error {
		return put(tx.Bucket(bucketDevices), []byte(id), Device{ID: id, TokenHash: hash, Joined: s.now()})
	})
	if err != nil {
		return "", err
	}
	s.devices.Store(id, hash)
	return token, nil
}

// CheckDevice returns nil when token is device id's current token, and
// ErrBadToken otherwise.
func (s *Store) CheckDevice(id, token string) error {
	want, ok := s.devices.Load(id)
	if !ok {
		err := s.db.View(func(tx *bbolt.Tx) error {
			var d Device
			found, err := get(tx.Bucket(bucketDevices), []byte(id), &d)
			if err != nil || !found {
				return cmp.Or(err, ErrBadToken)
			}
			want = d.TokenHash
			return nil
		})
		if err != nil {
			return err
		}
		s.devices.Store(id, want)
	}
	if subtle.ConstantTimeCompare(want.([]byte), hashToken(token)) != 1 {
		return ErrBadToken
	}
	return nil
}

func checkDeviceID(id string) error {
	if len(id) != 16 {
		return fmt.Errorf("%w: a device id has 16 hex characters", ErrBadEvent)
	}
	if _, err := hex.DecodeString(id); err != nil {
		return fmt.Errorf("%w: a device id has 16 hex characters", ErrBadEvent)
	}
	return nil
}

// RemoteLearner is a kiosk's learner as the kiosk tells the hub about them.
type RemoteLearner struct {
	ID   uint64 `json:"id"`
	Name string `json:"name"`
}

// IngestResult says what Ingest did with a batch, event by event.
type IngestResult struct {
	Stored     int // new events
	Duplicates int // events the hub already had, the same in every field (a retried batch)
	// Confirmed lists the ids of the events the hub now holds: stored, or
	// held already as they are. Only these may leave the kiosk's outbox.
	Confirmed []string
	// Collisions lists the ids the hub already holds for a different event
	// (same id, other content). Those events were not stored; the kiosk
	// gives each a new id (Reissue) and sends it again, so both are kept.
	Collisions []string
	// Erased lists the batch's learners (their ids on the kiosk) that were
	// erased here: their events are confirmed and dropped, and the kiosk
	// erases them too (rights.go).
	Erased []uint64
}

// Ingest stores a batch of events from a kiosk, exactly once: an event
// whose id the hub holds with the same content (a hash of every field, see
// eventHash) is a duplicate and skipped; one whose id the hub holds with
// other content is a collision, reported and not stored. Learners are
// matched by (device, id) and their names kept up to date; each event is
// re-keyed to the hub's learner id, keeps its original ID, and updates the
// progress as on the kiosk. Event ids must be random ids or this device's
// old-style ids, and events must name a learner of the batch, or nothing is
// stored (ErrBadEvent). Ingest uses bbolt's Batch, so concurrent calls from
// many kiosks share one disk commit; it must be idempotent, and is.
func (s *Store) Ingest(device string, learners []RemoteLearner, events []Event) (IngestResult, error) {
	if err := checkDeviceID(device); err != nil {
		return IngestResult{}, err
	}
	names := map[uint64]string{}
	for _, l := range learners {
		name, err := cleanName(l.Name)
		if err != nil {
			return IngestResult{}, fmt.Errorf("%w: learner %d: %w", ErrBadEvent, l.ID, err)
		}
		names[l.ID] = name
	}
	for i, e := range events {
		if err := validEvent(e); err != nil {
			return IngestResult{}, fmt.Errorf("event %d: %w", i, err)
		}
		if err := checkEventID(device, e); err != nil {
			return IngestResult{}, fmt.Errorf("event %d: %w", i, err)
		}
		if _, ok := names[e.Learner]; !ok {
			return IngestResult{}, fmt.Errorf("%w: event %d names learner %d, who is not in the batch", ErrBadEvent, i, e.Learner)
		}
	}
	hashes := make([][]byte, len(events))
	for i, e := range events {
		e.Elapsed = max(e.Elapsed, 0)
		hashes[i] = eventHash(device, e)
	}
	var res IngestResult
	hook := s.stmts.Load()
	made := 0
	err := s.db.Batch(func(tx *bbolt.Tx) error {
		res, made = IngestResult{}, 0 // Batch may run this function again
		hubIDs, err := s.batchLearners(tx, device, names, &res)
		if err != nil {
			return err
		}
		seen := tx.Bucket(bucketEventIDs)
		log := tx.Bucket(bucketEvents)
		proj := projector{tx: tx}
		for i, e := range events {
			if _, kept := hubIDs[e.Learner]; !kept {
				res.Confirmed = append(res.Confirmed, e.ID)
				continue
			}
			if held := seen.Get([]byte(e.ID)); held != nil {
				if bytes.Equal(held, hashes[i]) {
					res.Duplicates++
					res.Confirmed = append(res.Confirmed, e.ID)
				} else {
					res.Collisions = append(res.Collisions, e.ID)
				}
				continue
			}
			if err := seen.Put([]byte(e.ID), hashes[i]); err != nil {
				return err
			}
			e.Learner = hubIDs[e.Learner]
			e.Elapsed = max(e.Elapsed, 0)
			seq, err := log.NextSequence()
			if err != nil {
				return err
			}
			if err := put(log, key2(e.Learner, seq), e); err != nil {
				return err
			}
			n, err := s.addStatements(tx, hook, device, e, &proj) // for a Learning Record Store (statements.go)
			if err != nil {
				return err
			}
			made += n
			if err := proj.apply(e); err != nil {
				return err
			}
			res.Stored++
			res.Confirmed = append(res.Confirmed, e.ID)
		}
		return proj.flush()
	})
	hook.signal(made, err)
	return res, err
}

// batchLearners maps a batch's learners to the hub's ids, adding the new
// ones; learners erased here are left out and listed in res.Erased.
func (s *Store) batchLearners(tx *bbolt.Tx, device string, names map[uint64]string, res *IngestResult) (map[uint64]uint64, error) {
	hubIDs := map[uint64]uint64{}
	for id, name := range names {
		if erasedOn(tx, device, id) { // rights.go: confirmed, never kept
			res.Erased = append(res.Erased, id)
			continue
		}
		hid, err := s.remoteLearner(tx, device, id, name)
		if err != nil {
			return nil, err
		}
		hubIDs[id] = hid
	}
	return hubIDs, nil
}

// remoteLearner returns the hub's id for a kiosk's learner, adding the
// learner the first time and keeping the name up to date.
func (s *Store) remoteLearner(tx *bbolt.Tx, device string, id uint64, name string) (uint64, error) {
	remote := tx.Bucket(bucketRemote)
	rk := binary.BigEndian.AppendUint64([]byte(device), id)
	ls := tx.Bucket(bucketLearners)
	if v := remote.Get(rk); v != nil {
		hid := binary.BigEndian.Uint64(v)
		var l Learner
		if _, err := get(ls, v, &l); err != nil {
			return 0, err
		}
		if l.Name != name {
			l.Name = name
			if err := put(ls, v, l); err != nil {
				return 0, err
			}
			s.remotes.Delete(remoteKey(device, id)) // read again after the commit
		}
		return hid, nil
	}
	hid, err := ls.NextSequence()
	if err != nil {
		return 0, err
	}
	l := Learner{ID: hid, Name: name, Created: s.now(), Device: device, RemoteID: id}
	if err := put(ls, u64(hid), l); err != nil {
		return 0, err
	}
	return hid, remote.Put(rk, u64(hid))
}

func remoteKey(device string, id uint64) string { return device + "/" + fmt.Sprint(id) }

// HubLearner returns the hub's learner for a kiosk's learner, or ErrNotFound.
func (s *Store) HubLearner(device string, id uint64) (Learner, error) {
	if l, ok := s.remotes.Load(remoteKey(device, id)); ok {
		return l.(Learner), nil
	}
	var l Learner
	err := s.db.View(func(tx *bbolt.Tx) error {
		v := tx.Bucket(bucketRemote).Get(binary.BigEndian.AppendUint64([]byte(device), id))
		if v == nil {
			return fmt.Errorf("learner %s/%d: %w", device, id, ErrNotFound)
		}
		var err error
		l, err = learner(tx, binary.BigEndian.Uint64(v))
		return err
	})
	if err == nil {
		s.remotes.Store(remoteKey(device, id), l)
	}
	return l, err
}

// isIngested is for tests: whether the hub holds an event with this id.
func (s *Store) isIngested(id string) bool {
	found := false
	_ = s.db.View(func(tx *bbolt.Tx) error {
		found = tx.Bucket(bucketEventIDs).Get([]byte(id)) != nil
		return nil
	})
	return found
}

// ForgetTrainerKey drops the trainer key, so that TrainerKey makes a new
// one (the old one stops working).
func (s *Store) ForgetTrainerKey() error {
	return s.db.Update(func(tx *bbolt.Tx) error {
		if err := tx.Bucket(bucketMeta).Delete(keyTrainerKeyKept); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Delete(keyTrainerKey)
	})
}
