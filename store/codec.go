package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"

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
	bucketEventIDs = []byte("event_ids")

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

// eventIDLen is the length of an event id made by Record: 128 random bits
// in hex. Random ids stay unique when a data file is restored from a backup
// or copied to another laptop, where a counter would start again.
const eventIDLen = 32

// newEventID makes a random event id (crypto/rand).
func newEventID() (string, error) {
	var b [eventIDLen / 2]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return hex.EncodeToString(b[:]), nil
}

// checkEventID accepts the ids a kiosk of device may send: a random id
// (32 lowercase hex characters) or, from an older Aula, device + ":" + seq.
func checkEventID(device string, e Event) error {
	if isRandomID(e.ID) || (e.Seq != 0 && e.ID == device+":"+strconv.FormatUint(e.Seq, 10)) {
		return nil
	}
	return fmt.Errorf("%w: the event id is neither random nor this device's", ErrBadEvent)
}

func isRandomID(id string) bool {
	if len(id) != eventIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// eventHash is the fingerprint of an event as its kiosk sent it: device,
// the kiosk's own learner id and every field, the time as an instant (its
// zone does not count). Two events with one id and one hash are the same
// event sent twice; one id with two hashes is a collision. Each field goes
// in with its length or a fixed size, so no two events share an encoding.
// A field added to Event must be added here (a test counts them). Hubs
// keep these hashes (event_ids): changing the encoding of a field that
// exists needs a migration that hashes the stored events again.
func eventHash(device string, e Event) []byte {
	b := make([]byte, 0, 256)
	str := func(s string) {
		b = binary.BigEndian.AppendUint32(b, uint32(len(s)))
		b = append(b, s...)
	}
	num := func(n int64) { b = binary.BigEndian.AppendUint64(b, uint64(n)) }
	flag := func(ok bool) {
		if ok {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	}
	str(device)
	str(e.ID)
	num(int64(e.Seq))
	num(int64(e.Learner))
	str(string(e.Kind))
	str(e.Lesson)
	str(e.Step)
	num(int64(e.StepIndex))
	num(int64(e.Steps))
	num(int64(e.Attempt))
	flag(e.Correct)
	str(e.Mistake)
	str(e.How)
	flag(e.Score != nil)
	if e.Score != nil {
		num(int64(*e.Score))
	}
	num(int64(len(e.Advice)))
	for _, a := range e.Advice {
		str(a)
	}
	if e.Page != 0 {
		// Only when set, so events from before it hash as they did.
		str("page")
		num(int64(e.Page))
	}
	if e.Kind == CertificateIssued {
		// Likewise.
		str(e.Itinerary)
		str(e.Certificate)
		if e.CentreKey != "" { // only when set, so older certificates hash as they did
			str("centre_key")
			str(e.CentreKey)
		}
	}
	if e.Kind == NamesConsent {
		flag(e.Consent)
	}
	num(int64(e.Elapsed))
	num(e.At.Unix())
	num(int64(e.At.Nanosecond()))
	h := sha256.Sum256(b)
	return h[:]
}
