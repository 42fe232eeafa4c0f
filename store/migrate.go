package store

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"

	"go.etcd.io/bbolt"
)

// migrations bring the schema up to date. migrations[i] takes a file at
// schema version i to version i+1; the current version is len(migrations).
// Never change a migration once it has shipped: add a new one, add a
// fixture test for it, and update the layout in store.go.
var migrations = []func(*bbolt.Tx) error{
	migrate0to1,
	migrate1to2,
	migrate2to3,
}

// migrate0to1 creates the buckets and the device id.
func migrate0to1(tx *bbolt.Tx) error {
	for _, name := range [][]byte{bucketMeta, bucketLearners, bucketEvents, bucketProgress, bucketOutbox} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("creating bucket %s: %w", name, err)
		}
	}
	meta := tx.Bucket(bucketMeta)
	if meta.Get(keyDeviceID) != nil {
		return nil
	}
	var id [8]byte
	if _, err := rand.Read(id[:]); err != nil {
		return err
	}
	return meta.Put(keyDeviceID, []byte(hex.EncodeToString(id[:])))
}

// migrate1to2 adds the classroom hub's buckets.
func migrate1to2(tx *bbolt.Tx) error {
	for _, name := range [][]byte{bucketDevices, bucketIngested, bucketRemote} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("creating bucket %s: %w", name, err)
		}
	}
	return nil
}

// migrate2to3 moves a hub's record of what it ingested from device+seq
// (which a restored or copied kiosk reuses) to the event's id with a hash of
// its content, so that a hub tells a retried event from a different one
// with the same id. The hash is made from the hub's copy of each event of
// another laptop's learner, as that laptop sent it.
func migrate2to3(tx *bbolt.Tx) error {
	ids, err := tx.CreateBucketIfNotExists(bucketEventIDs)
	if err != nil {
		return fmt.Errorf("creating bucket %s: %w", bucketEventIDs, err)
	}
	learners := tx.Bucket(bucketLearners)
	remote := map[uint64]Learner{}
	if err := learners.ForEach(func(k, v []byte) error {
		var l Learner
		if err := decode(v, &l); err != nil {
			return err
		}
		if l.Remote() {
			remote[l.ID] = l
		}
		return nil
	}); err != nil {
		return err
	}
	if err := tx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
		var e Event
		if err := decode(v, &e); err != nil {
			return err
		}
		l, ok := remote[e.Learner]
		if !ok {
			return nil // this laptop's own learner
		}
		e.Learner = l.RemoteID
		return ids.Put([]byte(e.ID), eventHash(l.Device, e))
	}); err != nil {
		return err
	}
	if tx.Bucket(bucketIngested) == nil {
		return nil
	}
	return tx.DeleteBucket(bucketIngested)
}

// schemaVersion reads meta/schema_version; a file without it is version 0.
func schemaVersion(tx *bbolt.Tx) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0, nil
	}
	raw := meta.Get(keySchemaVersion)
	if raw == nil {
		return 0, nil
	}
	v, err := strconv.Atoi(string(raw))
	if err != nil || v < 0 {
		return 0, &damageError{fmt.Errorf("bad schema version %q", raw)}
	}
	return v, nil
}

// migrate runs the pending migrations, all in one Update. When the file
// already held data (existed), it is first copied to
// aula.db.pre-migration-v<N>, N being its version before migrating.
func (s *Store) migrate(existed bool) error {
	var from int
	if err := s.db.View(func(tx *bbolt.Tx) (err error) {
		from, err = schemaVersion(tx)
		return err
	}); err != nil {
		return err
	}
	to := len(migrations)
	switch {
	case from > to:
		return fmt.Errorf("%w: its schema is version %d and this Aula knows up to %d; update Aula", ErrTooNew, from, to)
	case from == to:
		return nil
	}

	if existed {
		dst := s.path + preMigrationSuffix + strconv.Itoa(from)
		if err := s.db.View(func(tx *bbolt.Tx) error {
			return writeAtomic(dst, func(w io.Writer) error {
				_, err := tx.WriteTo(w)
				return err
			})
		}); err != nil {
			return fmt.Errorf("copying the data file before migrating: %w", err)
		}
	}

	return s.db.Update(func(tx *bbolt.Tx) error {
		for v := from; v < to; v++ {
			if err := migrations[v](tx); err != nil {
				return fmt.Errorf("migrating the data file from schema %d to %d: %w", v, v+1, err)
			}
			if err := tx.Bucket(bucketMeta).Put(keySchemaVersion, []byte(strconv.Itoa(v+1))); err != nil {
				return err
			}
		}
		return nil
	})
}
