package store

import (
	"bytes"

	"go.etcd.io/bbolt"
)

// Issued is a certificate_issued event this data file holds, with the
// learner it is recorded for: on a hub, a kiosk of the class sent it.
type Issued struct {
	Event   Event
	Learner Learner
}

// IssuedCertificates are the certificate_issued events with reference ref
// (certificate.Ref), of any learner: how a hub finds the certificate a
// kiosk of its class made, and the key that kiosk signed it with.
func (s *Store) IssuedCertificates(ref string) ([]Issued, error) {
	var out []Issued
	err := s.db.View(func(tx *bbolt.Tx) error {
		learners := tx.Bucket(bucketLearners)
		return tx.Bucket(bucketEvents).ForEach(func(_, v []byte) error {
			if !bytes.Contains(v, []byte(ref)) {
				return nil // most events: read no further
			}
			var e Event
			if err := decode(v, &e); err != nil {
				return err
			}
			if e.Kind != CertificateIssued || e.Certificate != ref {
				return nil
			}
			var l Learner
			if _, err := get(learners, u64(e.Learner), &l); err != nil {
				return err
			}
			out = append(out, Issued{Event: e, Learner: l})
			return nil
		})
	})
	return out, err
}
