package store

import (
	"aula/store/internal/pinhash"
	"errors"
	"strings"

	"go.etcd.io/bbolt"
)

// What the person preparing the laptop chose (aula setup), and the trainer
// PIN that guards leaving a kiosk. Both live in the meta bucket:
//
//	meta  settings -> Settings JSON
//	      trainer_pin_hash -> bcrypt hash (the PIN itself is never stored)

// Trainer PIN length: a PIN is typed on a learner's laptop in front of
// others, so it is short; digits only, so it works on every keyboard.
const (
	MinTrainerPIN = 4
	MaxTrainerPIN = 8
)

// trainerPINCost is bcrypt's work factor for the trainer PIN: slower than a
// learner's (whose PIN only keeps classmates apart), since it guards the
// way out of a kiosk. About a quarter of a second on an old laptop.
var trainerPINCost = pinhash.DefaultCost + 1

var (
	// ErrBadTrainerPIN is returned for a trainer PIN that is not 4 to 8 digits.
	ErrBadTrainerPIN = errors.New("the trainer PIN must be 4 to 8 digits")
	// ErrNoTrainerPIN is returned by CheckTrainerPIN when none is set.
	ErrNoTrainerPIN = errors.New("no trainer PIN is set on this laptop")
)

// Settings are how the laptop was set up. The zero value is a plain
// (not kiosk) laptop in the language of the system, in no class.
type Settings struct {
	Lang  string `json:"lang,omitempty"`  // "" means from the system
	Kiosk bool   `json:"kiosk,omitempty"` // leaving needs the trainer PIN
	Hub   string `json:"hub,omitempty"`   // the class hub to join, "" for none
}

// Settings reads the laptop's settings; the zero Settings when none were
// saved.
func (s *Store) Settings() (Settings, error) {
	var set Settings
	err := s.db.View(func(tx *bbolt.Tx) error {
		_, err := get(tx.Bucket(bucketMeta), keySettings, &set)
		return err
	})
	return set, err
}

// SaveSettings replaces the laptop's settings.
func (s *Store) SaveSettings(set Settings) error {
	return s.db.Update(func(tx *bbolt.Tx) error {
		return put(tx.Bucket(bucketMeta), keySettings, set)
	})
}

// ValidTrainerPIN reports whether pin can be a trainer PIN: 4 to 8 digits.
func ValidTrainerPIN(pin string) bool {
	return len(pin) >= MinTrainerPIN && len(pin) <= MaxTrainerPIN &&
		!strings.ContainsFunc(pin, func(r rune) bool { return r < '0' || r > '9' })
}

// HasTrainerPIN reports whether a trainer PIN is set.
func (s *Store) HasTrainerPIN() (bool, error) {
	var has bool
	err := s.db.View(func(tx *bbolt.Tx) error {
		has = len(tx.Bucket(bucketMeta).Get(keyTrainerPIN)) > 0
		return nil
	})
	return has, err
}

// SetTrainerPIN sets (or replaces) the trainer PIN: 4 to 8 digits,
// ErrBadTrainerPIN otherwise. Only its bcrypt hash is stored.
func (s *Store) SetTrainerPIN(pin string) error {
	if !ValidTrainerPIN(pin) {
		return ErrBadTrainerPIN
	}
	hash, err := pinhash.Make(pin, trainerPINCost)
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keyTrainerPIN, hash)
	})
}

// CheckTrainerPIN reports whether pin is the trainer PIN; ErrNoTrainerPIN
// when none is set. It takes as long as bcrypt takes: call it from a
// command, never from Update.
func (s *Store) CheckTrainerPIN(pin string) (bool, error) {
	var hash []byte
	if err := s.db.View(func(tx *bbolt.Tx) error {
		hash = append([]byte(nil), tx.Bucket(bucketMeta).Get(keyTrainerPIN)...)
		return nil
	}); err != nil {
		return false, err
	}
	if len(hash) == 0 {
		return false, ErrNoTrainerPIN
	}
	if !ValidTrainerPIN(pin) {
		return false, nil
	}
	return pinhash.Compare(hash, pin)
}
