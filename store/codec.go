package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	"go.etcd.io/bbolt"
)

// Bucket and key names; see the layout in store.go.
var (
	bucketMeta     = []byte("meta")
	bucketLearners = []byte("learners")
	bucketEvents   = []byte("events")
	bucketProgress = []byte("progress")
	bucketOutbox   = []byte("outbox")
	bucketDevices  = []byte("devices")
	bucketIngested = []byte("ingested")
	bucketRemote   = []byte("remote")

	keySchemaVersion = []byte("schema_version")
	keyDeviceID      = []byte("device_id")
	keyClass         = []byte("class")
	keyHubID         = []byte("hub_id")
	keyTrainerKey    = []byte("trainer_key_hash")
	keySettings      = []byte("settings")
	keyTrainerPIN    = []byte("trainer_pin_hash")
)

// The one place values are encoded and decoded.

// put stores v as JSON under key.
func put(b *bbolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encoding %T: %w", v, err)
	}
	return b.Put(key, data)
}

// get reads the JSON value under key into v, reporting whether it was there.
// Decoding copies everything out of bbolt's memory, so v stays valid after
// the transaction ends.
func get(b *bbolt.Bucket, key []byte, v any) (bool, error) {
	data := b.Get(key)
	if data == nil {
		return false, nil
	}
	return true, decode(data, v)
}

// decode reads one stored JSON value (for values met through a cursor).
func decode(data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("decoding a stored %T: %w", v, err)
	}
	return nil
}

// u64 is the 8-byte big-endian form of n, so keys sort as numbers do.
func u64(n uint64) []byte {
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), n)
}

// key2 is the composite key learner(8B)+seq(8B) of the events bucket.
func key2(learner, seq uint64) []byte {
	return binary.BigEndian.AppendUint64(u64(learner), seq)
}

// progressKey is learner(8B)+lessonID.
func progressKey(learner uint64, lesson string) []byte {
	return append(u64(learner), lesson...)
}
