package certificate

import (
	"crypto/ed25519"
	"errors"

	"aula/store"
)

// A hub checks the certificates its kiosks made (docs/certificates.md):
// each kiosk signs with its own centre key, and records that it issued a
// certificate in a certificate_issued event that carries the certificate's
// reference (Ref) and that key. The event reaches the hub under the
// kiosk's device token, like every result: so the key is the key of a
// laptop that joined this class with the session code. The hub finds the
// events with the code's reference and checks the code's signature with
// the key each one carries.

// ErrNotRecorded says that no kiosk of the class recorded a certificate
// with this code: made elsewhere, or changed (a changed name or date is
// another code, with another reference), or made before kiosks sent their
// key.
var ErrNotRecorded = errors.New("no laptop of this class recorded a certificate with this code")

// PublicKeyText is pub as a certificate_issued event carries it
// (store.CentreKeyLen letters, no dashes).
func PublicKeyText(pub ed25519.PublicKey) string { return b32.Get().EncodeToString(pub) }

// Issued is a certificate_issued event a data file holds, with the learner
// it is recorded for: on a hub, a kiosk of the class sent it.
type Issued struct {
	Event   store.Event
	Learner store.Learner
}

// IssuedIn are the certificate_issued events of st with code's reference,
// of any learner: on a hub, the certificates the class's kiosks recorded.
func IssuedIn(st *store.Store, code string) ([]Issued, error) {
	ref := Ref(code)
	all, err := st.AllProgress() // every learner, the class's laptops' too
	if err != nil {
		return nil, err
	}
	var out []Issued
	for _, lp := range all {
		l := lp.Learner
		evs, err := st.Events(l.ID)
		if err != nil {
			return nil, err
		}
		for _, e := range evs {
			if e.Kind == store.CertificateIssued && e.Certificate == ref {
				out = append(out, Issued{Event: e, Learner: l})
			}
		}
	}
	return out, nil
}

// VerifyIssued checks code against the certificates recorded in issued
// (IssuedIn): genuine when one of them carries
// a key that signed exactly this code, for the same itinerary. It returns
// what the code says, and the record that proved it; ErrUnreadable,
// ErrNotRecorded or ErrNotGenuine otherwise.
func VerifyIssued(code string, issued []Issued) (Content, *Issued, error) {
	c, ok := Read(code)
	if !ok {
		return Content{}, nil, ErrUnreadable
	}
	ref, found := Ref(code), false
	for i := range issued {
		e := issued[i].Event
		if e.Kind != store.CertificateIssued || e.Certificate != ref || e.CentreKey == "" {
			continue
		}
		found = true
		pub, err := DecodePublicKey(e.CentreKey)
		if err != nil {
			continue
		}
		if got, err := Verify(pub, code); err == nil && got.Itinerary == e.Itinerary {
			return got, &issued[i], nil
		}
	}
	if !found {
		return c, nil, ErrNotRecorded
	}
	return c, nil, ErrNotGenuine
}
