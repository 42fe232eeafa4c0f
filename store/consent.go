package store

import (
	"go.etcd.io/bbolt"
)

// bucketConsent holds each learner's last answer to the centre's question
// about sending their name to the region (names_consent events): learner
// id → "y" or "n". No key: never asked.
var bucketConsent = []byte("names_consent")

// putConsent keeps a learner's answer, in the transaction that stores its
// event.
func putConsent(tx *bbolt.Tx, learner uint64, yes bool) error {
	b, err := tx.CreateBucketIfNotExists(bucketConsent)
	if err != nil {
		return err
	}
	v := []byte("n")
	if yes {
		v = []byte("y")
	}
	return b.Put(u64(learner), v)
}

// consentIn is a learner's last answer as tx sees it: answered is false
// when they were never asked.
func consentIn(tx *bbolt.Tx, learner uint64) (answered, yes bool) {
	b := tx.Bucket(bucketConsent)
	if b == nil {
		return false, false
	}
	v := b.Get(u64(learner))
	return v != nil, string(v) == "y"
}

// NamesConsent is the learner's last answer to the centre's question
// about sending their name to the region: answered is false when they
// were never asked (the kiosk asks then).
func (s *Store) NamesConsent(learner uint64) (answered, yes bool, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		answered, yes = consentIn(tx, learner)
		return nil
	})
	return answered, yes, err
}
