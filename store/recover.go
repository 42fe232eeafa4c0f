package store

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"go.etcd.io/bbolt"
)

// After a restore, what the class hub holds of this laptop's work fills the
// gap between the copy and the damage: the hub lists a device's events
// (DeviceEvents) and the kiosk takes back those it lacks (TakeBack).

// DeviceEvents is for a hub: the events it holds from device's learners,
// made at or after since, as the kiosk sent them (Learner is the kiosk's
// own id), at most limit of them after the cursor after ("" for the
// start). next is the cursor for the following page, "" when there is no
// more. A bad cursor is ErrBadEvent.
func (s *Store) DeviceEvents(device string, since time.Time, after string, limit int) (evs []Event, next string, err error) {
	if err := checkDeviceID(device); err != nil {
		return nil, "", err
	}
	var from []byte
	if after != "" {
		if from, err = hex.DecodeString(after); err != nil || len(from) != 16 {
			return nil, "", fmt.Errorf("%w: a bad cursor", ErrBadEvent)
		}
	}
	limit = max(limit, 1)
	err = s.db.View(func(tx *bbolt.Tx) error {
		// The hub's learners of this device, in the order of their ids.
		var hubIDs []uint64
		remoteOf := map[uint64]uint64{}
		c := tx.Bucket(bucketRemote).Cursor()
		prefix := []byte(device)
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if len(k) != len(prefix)+8 || len(v) != 8 {
				continue
			}
			hid := binary.BigEndian.Uint64(v)
			hubIDs = append(hubIDs, hid)
			remoteOf[hid] = binary.BigEndian.Uint64(k[len(prefix):])
		}
		slices.Sort(hubIDs)
		var last []byte // the key of the last event taken
		ec := tx.Bucket(bucketEvents).Cursor()
		for _, hid := range hubIDs {
			lp := u64(hid)
			k, v := ec.Seek(lp)
			if from != nil {
				if hid < binary.BigEndian.Uint64(from) {
					continue
				}
				if hid == binary.BigEndian.Uint64(from) {
					k, v = ec.Seek(from)
					if k != nil && bytes.Equal(k, from) {
						k, v = ec.Next()
					}
				}
			}
			for ; k != nil && bytes.HasPrefix(k, lp); k, v = ec.Next() {
				if len(evs) == limit {
					next = hex.EncodeToString(last)
					return nil
				}
				var e Event
				if err := decode(v, &e); err != nil {
					return err
				}
				if e.At.Before(since) {
					continue
				}
				e.Learner = remoteOf[hid]
				evs, last = append(evs, e), bytes.Clone(k)
			}
		}
		return nil
	})
	return evs, next, err
}

// TakeBack adds to this laptop's log the events the class hub sent back
// that the log lacks (by id), for learners this laptop has, and projects
// them into the progress. They do not go to the outbox: the hub has them.
// It returns how many were added.
func (s *Store) TakeBack(evs []Event) (int, error) {
	added := 0
	err := s.db.Update(func(tx *bbolt.Tx) error {
		added = 0
		lb, eb := tx.Bucket(bucketLearners), tx.Bucket(bucketEvents)
		have := map[string]bool{}
		if err := eb.ForEach(func(_, v []byte) error {
			var e Event
			if err := decode(v, &e); err != nil {
				return err
			}
			have[e.ID] = true
			return nil
		}); err != nil {
			return err
		}
		for _, e := range evs {
			if have[e.ID] || validEvent(e) != nil || checkEventID(s.deviceID, e) != nil {
				continue
			}
			var l Learner
			if ok, err := get(lb, u64(e.Learner), &l); err != nil || !ok || l.Remote() {
				continue // not a learner of this laptop (any more)
			}
			seq, err := eb.NextSequence()
			if err != nil {
				return err
			}
			if isRandomID(e.ID) {
				e.Seq = seq // its place in this log; an old id (device:seq) keeps the number it names
			}
			key := key2(e.Learner, seq)
			if err := put(eb, key, e); err != nil {
				return err
			}
			if err := project(tx, e); err != nil {
				return err
			}
			have[e.ID] = true
			added++
		}
		return nil
	})
	return added, err
}
