package store

import (
	"bytes"
	"fmt"

	"go.etcd.io/bbolt"
)

// This file is what a hub's trainer can do to the laptops of the class:
// see whether a device id is known, forget a laptop (its token stops
// working at once), count, and find the trainer key again.

// keyTrainerKeyKept holds the trainer key itself, so that aula hub
// --show-key and the dashboard's help can show it at any start. It is no
// more secret than the rest of the hub's data file (owner-only), which
// already holds every learner's progress.
var keyTrainerKeyKept = []byte("trainer_key")

// HasDevice reports whether the hub knows device id: joined, or forgotten
// by the trainer (a forgotten laptop joins again only if the trainer lets
// it in).
func (s *Store) HasDevice(id string) (bool, error) {
	found := false
	err := s.db.View(func(tx *bbolt.Tx) error {
		found = tx.Bucket(bucketDevices).Get([]byte(id)) != nil
		return nil
	})
	return found, err
}

// Devices lists the laptops that joined this hub, forgotten ones included.
func (s *Store) Devices() ([]Device, error) {
	var out []Device
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketDevices).ForEach(func(_, v []byte) error {
			var d Device
			if err := decode(v, &d); err != nil {
				return err
			}
			out = append(out, d)
			return nil
		})
	})
	return out, err
}

// ForgetDevice revokes a laptop's token: its pushes, presence and polls
// are refused from now on. Its learners and their events stay.
func (s *Store) ForgetDevice(id string) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketDevices)
		var d Device
		found, err := get(b, []byte(id), &d)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("laptop %s: %w", id, ErrNotFound)
		}
		d.TokenHash, d.Forgotten = nil, s.now()
		return put(b, []byte(id), d)
	})
	if err == nil {
		s.devices.Delete(id)
	}
	return err
}

// RemoteLearnerCount is how many learners of device the hub holds.
func (s *Store) RemoteLearnerCount(device string) (int, error) {
	n := 0
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketRemote).Cursor()
		p := []byte(device)
		for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && len(k) == len(p)+8; k, _ = c.Next() {
			n++
		}
		return nil
	})
	return n, err
}

// KeptTrainerKey is the hub's trainer key, for showing it again; "" when
// the key was made by an Aula that kept only its hash (make a new one).
func (s *Store) KeptTrainerKey() (string, error) {
	var key string
	err := s.db.View(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if v := meta.Get(keyTrainerKeyKept); v != nil && meta.Get(keyTrainerKey) != nil &&
			bytes.Equal(meta.Get(keyTrainerKey), hashToken(string(v))) {
			key = string(v)
		}
		return nil
	})
	return key, err
}

// DeviceCount is how many laptops the hub knows.
func (s *Store) DeviceCount() (int, error) {
	n := 0
	err := s.db.View(func(tx *bbolt.Tx) error {
		n = tx.Bucket(bucketDevices).Stats().KeyN
		return nil
	})
	return n, err
}
