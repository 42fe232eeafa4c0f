package store

import (
	"aula/store/internal/pinhash"
	"aula/store/plainname"
	"cmp"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"go.etcd.io/bbolt"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// maxNameRunes is the longest name a learner can have.
const maxNameRunes = 30

// Learner is a person who uses this machine.
type Learner struct {
	ID      uint64    `json:"id"`
	Name    string    `json:"name"`
	PINHash []byte    `json:"pin_hash,omitempty"` // bcrypt; the PIN itself is never stored
	Created time.Time `json:"created"`

	// On a classroom hub, learners of other laptops: the laptop's device
	// id and the learner's id there. Empty and 0 for this laptop's own.
	Device   string `json:"device,omitempty"`
	RemoteID uint64 `json:"remote_id,omitempty"`

	// Prefs are how the learner likes the screen; absent means the defaults.
	Prefs Prefs `json:"prefs,omitzero"`

	// PINLock counts wrong PINs and holds the pause after too many, so
	// that restarting Aula does not lift it. Absent: none. An older Aula
	// ignores it.
	PINLock PINLock `json:"pin_lock,omitzero"`
}

// PINLock is how sign-in with a PIN is going: wrong PINs typed in a row
// and, after MaxPINTries of them, until when the learner must wait.
type PINLock struct {
	Wrong int       `json:"wrong,omitempty"`
	Until time.Time `json:"until,omitzero"`
}

// MaxPINTries is how many wrong PINs in a row lock a learner's name.
const MaxPINTries = 3

// PINLockFor is how long the lock lasts unless the trainer removes the
// PIN first. 15 minutes: short enough for a learner who mistyped to try
// again in the same class after a break, long enough that guessing a
// 4-digit PIN (3 tries every 15 minutes, 288 a day) takes weeks.
const PINLockFor = 15 * time.Minute

// Locked says whether the learner must wait at now before trying a PIN.
func (l Learner) Locked(now time.Time) bool { return now.Before(l.PINLock.Until) }

// Prefs are a learner's settings for seeing, hearing and reading the app.
// The zero value is the default look. The store keeps them as they are
// given; the user interface knows what the theme names mean.
type Prefs struct {
	Theme      string `json:"theme,omitempty"`      // "" (default), or a theme name of the user interface
	Large      bool   `json:"large,omitempty"`      // more space between options, larger targets
	Accessible bool   `json:"accessible,omitempty"` // plain linear text for a screen reader
	Speak      bool   `json:"speak,omitempty"`      // read each new step aloud without a key
}

// maxThemeLen is the longest theme name a learner record keeps.
const maxThemeLen = 20

// Remote reports whether the learner studies on another laptop (a hub's
// copy of a kiosk's learner).
func (l Learner) Remote() bool { return l.Device != "" }

// HasPIN reports whether the learner protects their name with a PIN.
func (l Learner) HasPIN() bool { return len(l.PINHash) > 0 }

// cleanName trims the name, drops what makes its width uncertain
// (plainname.Of), puts it in NFC form and checks it.
func cleanName(name string) (string, error) {
	if !utf8.ValidString(name) {
		return "", ErrBadName
	}
	name = norm.NFC.String(strings.TrimSpace(plainname.Of(name)))
	if name == "" || utf8.RuneCountInString(name) > maxNameRunes {
		return "", ErrBadName
	}
	if strings.ContainsFunc(name, unicode.IsControl) {
		return "", ErrBadName
	}
	return name, nil
}

// hashPIN checks that pin is "" or 4 digits and hashes it. "" gives nil.
// It is slow on purpose, so call it outside any transaction.
func hashPIN(pin string) ([]byte, error) {
	if pin == "" {
		return nil, nil
	}
	if !pinhash.Valid(pin) {
		return nil, ErrBadPIN
	}
	return pinhash.Make(pin, pinhash.DefaultCost)
}

// AddLearner adds a learner. pin is "" for none, or exactly 4 digits
// (ErrBadPIN otherwise); it is stored only as a bcrypt hash. The name is
// trimmed; it must be new (ErrNameTaken, compared without case) and valid
// (ErrBadName).
func (s *Store) AddLearner(name, pin string) (Learner, error) {
	name, err := cleanName(name)
	if err != nil {
		return Learner{}, err
	}
	hash, err := hashPIN(pin)
	if err != nil {
		return Learner{}, err
	}
	l := Learner{Name: name, PINHash: hash, Created: s.now()}
	err = s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketLearners)
		err := b.ForEach(func(_, v []byte) error {
			var other Learner
			if err := decode(v, &other); err != nil {
				return err
			}
			if !other.Remote() && strings.EqualFold(other.Name, name) {
				return ErrNameTaken
			}
			return nil
		})
		if err != nil {
			return err
		}
		if l.ID, err = newLearnerID(b); err != nil {
			return err
		}
		return put(b, u64(l.ID), l)
	})
	if err != nil {
		return Learner{}, err
	}
	return l, nil
}

// newLearnerID picks a random id for a learner of this laptop, from 2^32 to
// 2^53 (exact in any JSON reader), free in b. A counter would start again
// in a data file restored from its backup, or go on in step on two laptops
// copied from one folder, and the class hub, which knows a learner by
// laptop and id, would take two people for one. A hub's copies of other
// laptops' learners keep counter ids, below 2^32.
func newLearnerID(b *bbolt.Bucket) (uint64, error) {
	for {
		var r [8]byte
		if _, err := rand.Read(r[:]); err != nil {
			return 0, err
		}
		id := 1<<32 + binary.BigEndian.Uint64(r[:])%(1<<53-1<<32)
		if b.Get(u64(id)) == nil {
			return id, nil
		}
	}
}

// Learners lists the learners of this laptop (not those a hub knows from
// other laptops), sorted by name without regard to case (and with accented
// letters next to their plain ones: Álvaro before Bruno).
func (s *Store) Learners() ([]Learner, error) {
	var ls []Learner
	err := s.db.View(func(tx *bbolt.Tx) (err error) {
		ls, err = learners(tx)
		return err
	})
	return slices.DeleteFunc(ls, Learner.Remote), err
}

// learners reads and sorts all learners inside tx, remote ones included.
// collators sort names as Spanish does (á with a, ñ after n), whatever the
// case. A collator is not safe for concurrent use and costs 5 kB to make:
// each list takes one from the pool, made when none is free.
var collators = sync.Pool{New: func() any { return collate.New(language.Spanish, collate.IgnoreCase) }}

func learners(tx *bbolt.Tx) ([]Learner, error) {
	var ls []Learner
	err := tx.Bucket(bucketLearners).ForEach(func(_, v []byte) error {
		var l Learner
		if err := decode(v, &l); err != nil {
			return err
		}
		ls = append(ls, l)
		return nil
	})
	if err != nil {
		return nil, err
	}
	col := collators.Get().(*collate.Collator)
	defer collators.Put(col)
	slices.SortStableFunc(ls, func(a, b Learner) int {
		if c := col.CompareString(a.Name, b.Name); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return ls, nil
}

// Learner returns one learner, or ErrNotFound.
func (s *Store) Learner(id uint64) (Learner, error) {
	var l Learner
	err := s.db.View(func(tx *bbolt.Tx) (err error) {
		l, err = learner(tx, id)
		return err
	})
	return l, err
}

func learner(tx *bbolt.Tx, id uint64) (Learner, error) {
	var l Learner
	ok, err := get(tx.Bucket(bucketLearners), u64(id), &l)
	if err != nil {
		return Learner{}, err
	}
	if !ok {
		return Learner{}, fmt.Errorf("learner %d: %w", id, ErrNotFound)
	}
	return l, nil
}

// CheckPIN reports whether pin is the learner's PIN. A learner without a
// PIN has nothing to check, so any pin passes. ErrNotFound when there is no
// such learner.
func (s *Store) CheckPIN(id uint64, pin string) (bool, error) {
	l, err := s.Learner(id)
	if err != nil {
		return false, err
	}
	if !l.HasPIN() {
		return true, nil
	}
	if !pinhash.Valid(pin) {
		return false, nil
	}
	return pinhash.Compare(l.PINHash, pin)
}

// PINTry is the outcome of TryPIN.
type PINTry struct {
	OK    bool      // the PIN is right (or the learner has none)
	Left  int       // wrong: tries left before the lock
	Until time.Time // locked until then (now or before): no PIN was compared
}

// TryPIN checks pin as a sign-in does at now: it counts a wrong PIN with
// the learner, locks them for PINLockFor after MaxPINTries in a row, and
// while locked compares nothing. A right PIN clears the count; so does
// SetPIN (the trainer changing or removing it). ErrNotFound when there is
// no such learner.
func (s *Store) TryPIN(id uint64, pin string, now time.Time) (PINTry, error) {
	l, err := s.Learner(id)
	if err != nil {
		return PINTry{}, err
	}
	if !l.HasPIN() {
		return PINTry{OK: true}, nil
	}
	if l.Locked(now) {
		return PINTry{Until: l.PINLock.Until}, nil
	}
	ok := false
	if pinhash.Valid(pin) {
		// Compared outside the transaction: bcrypt is slow on purpose.
		if ok, err = pinhash.Compare(l.PINHash, pin); err != nil {
			return PINTry{}, err
		}
	}
	var res PINTry
	err = s.db.Update(func(tx *bbolt.Tx) error {
		l, err := learner(tx, id)
		if err != nil {
			return err
		}
		lock := l.PINLock
		if !lock.Until.IsZero() && !now.Before(lock.Until) {
			lock = PINLock{} // the pause is over: a fresh count
		}
		switch {
		case ok:
			lock = PINLock{}
			res.OK = true
		case lock.Wrong+1 >= MaxPINTries:
			lock = PINLock{Until: now.Add(PINLockFor)}
			res.Until = lock.Until
		default:
			lock.Wrong++
			res.Left = MaxPINTries - lock.Wrong
		}
		if lock == l.PINLock {
			return nil
		}
		l.PINLock = lock
		return put(tx.Bucket(bucketLearners), u64(id), l)
	})
	return res, err
}

// SetPIN sets a new PIN (4 digits, ErrBadPIN otherwise) or, with "",
// removes it.
func (s *Store) SetPIN(id uint64, pin string) error {
	hash, err := hashPIN(pin)
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bbolt.Tx) error {
		l, err := learner(tx, id)
		if err != nil {
			return err
		}
		l.PINHash = hash
		l.PINLock = PINLock{} // a new PIN (or none) lifts the lock
		return put(tx.Bucket(bucketLearners), u64(id), l)
	})
}

// SetPrefs replaces a learner's preferences. A theme name is lowercase
// letters and dashes, at most 20 (ErrBadPrefs otherwise); ErrNotFound when
// there is no such learner.
func (s *Store) SetPrefs(id uint64, p Prefs) error {
	if len(p.Theme) > maxThemeLen || strings.ContainsFunc(p.Theme, func(r rune) bool { return (r < 'a' || r > 'z') && r != '-' }) {
		return ErrBadPrefs
	}
	return s.db.Update(func(tx *bbolt.Tx) error {
		l, err := learner(tx, id)
		if err != nil {
			return err
		}
		l.Prefs = p
		return put(tx.Bucket(bucketLearners), u64(id), l)
	})
}
