package store

import (
	"strings"
	"testing"
)

// A hub finds the certificate_issued events with a reference, whoever's
// they are, with the learner each is for; other events and references
// are not found.
func TestIssuedCertificatesByReference(t *testing.T) {
	s := openTemp(t)
	ana := mustAdd(t, s, "Ana", "")
	luis := mustAdd(t, s, "Luis", "")
	key := strings.Repeat("A", CentreKeyLen)
	for _, e := range []Event{
		{Learner: ana.ID, Kind: CertificateIssued, Itinerary: "correo", Certificate: "0123456789abcdef", CentreKey: key},
		{Learner: luis.ID, Kind: CertificateIssued, Itinerary: "correo", Certificate: "fedcba9876543210", CentreKey: key},
		{Learner: luis.ID, Kind: LessonDone, Lesson: "teclado", Step: "final", Steps: 1},
	} {
		if _, err := s.Record(e); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.IssuedCertificates("fedcba9876543210")
	if err != nil || len(got) != 1 || got[0].Learner.Name != "Luis" || got[0].Event.CentreKey != key || got[0].Event.Itinerary != "correo" {
		t.Fatalf("IssuedCertificates: %+v, %v; want Luis's", got, err)
	}
	if got, err := s.IssuedCertificates("0000000000000000"); err != nil || len(got) != 0 {
		t.Errorf("an unknown reference found %+v, %v", got, err)
	}
}
