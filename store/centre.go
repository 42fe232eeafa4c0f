package store

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"strings"

	"go.etcd.io/bbolt"
)

// The centre: its name and its trainer's (aula setup), printed on the
// certificates, and the centre's key, which signs them. They live in the
// meta bucket beside the trainer PIN and the hub's trainer key, never in a
// learner's record:
//
//	meta  centre -> Centre JSON
//	      centre_key -> Ed25519 seed (32 bytes); made at setup or at the
//	                    first certificate; signs certificates
//
// The key is no more secret than the rest of the data file (owner-only),
// as for the hub's trainer key: whoever can read the file can sign.

var (
	keyCentre    = []byte("centre")
	keyCentreKey = []byte("centre_key")
)

// MaxCentreName is the longest centre or trainer name, in bytes.
const MaxCentreName = 120

// Centre is who issues certificates on this laptop.
type Centre struct {
	Name    string `json:"name,omitempty"`    // "Centro Cívico La Almozara"
	Trainer string `json:"trainer,omitempty"` // the trainer's name as they wrote it
	// RetainMonths erases learners with no activity for that many months,
	// at each start and on the hub (ApplyRetention); 0 keeps them.
	RetainMonths int `json:"retain_months,omitempty"`
	// ClassRetain is the class hub's retention, as this laptop last heard
	// it (nil: none heard); it is the one applied while the laptop is in
	// a class (Retention).
	ClassRetain *int `json:"class_retain,omitempty"`
}

// Retention is the months of inactivity after which learners are erased
// (0: never): the class hub's while inClass and heard, else this laptop's.
func (c Centre) Retention(inClass bool) int {
	if inClass && c.ClassRetain != nil {
		return *c.ClassRetain
	}
	return c.RetainMonths
}

// inClass says whether this laptop is in a class.
func (s *Store) inClass() bool {
	_, err := s.Class()
	return err == nil
}

// Centre reads the centre's names; the zero Centre when none were saved.
func (s *Store) Centre() (Centre, error) {
	var c Centre
	err := s.db.View(func(tx *bbolt.Tx) error {
		_, err := get(tx.Bucket(bucketMeta), keyCentre, &c)
		return err
	})
	return c, err
}

// SaveCentre replaces the centre's names (trimmed; at most MaxCentreName
// bytes each).
func (s *Store) SaveCentre(c Centre) error {
	c.Name, c.Trainer = strings.TrimSpace(c.Name), strings.TrimSpace(c.Trainer)
	if len(c.Name) > MaxCentreName || len(c.Trainer) > MaxCentreName {
		return fmt.Errorf("a centre or trainer name is at most %d characters", MaxCentreName)
	}
	return s.db.Update(func(tx *bbolt.Tx) error {
		return put(tx.Bucket(bucketMeta), keyCentre, c)
	})
}

// CentreKey is the centre's signing key, made the first time it is asked
// for.
func (s *Store) CentreKey() (ed25519.PrivateKey, error) {
	var seed []byte
	err := s.db.Update(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if v := meta.Get(keyCentreKey); len(v) == ed25519.SeedSize {
			seed = append([]byte(nil), v...)
			return nil
		}
		seed = make([]byte, ed25519.SeedSize)
		if _, err := rand.Read(seed); err != nil {
			return err
		}
		return meta.Put(keyCentreKey, seed)
	})
	if err != nil {
		return nil, err
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

// MadeCentreKey is the centre's signing key if one was made (at setup or
// at a first certificate); nil otherwise. It never makes one.
func (s *Store) MadeCentreKey() (ed25519.PrivateKey, error) {
	var seed []byte
	err := s.db.View(func(tx *bbolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keyCentreKey); len(v) == ed25519.SeedSize {
			seed = append([]byte(nil), v...)
		}
		return nil
	})
	if err != nil || seed == nil {
		return nil, err
	}
	return ed25519.NewKeyFromSeed(seed), nil
}
