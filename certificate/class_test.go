package certificate

import (
	"crypto/ed25519"
	"errors"
	"testing"
	"time"

	"aula/store"
)

// A hub's check of a kiosk's certificate: genuine with the key its
// certificate_issued event carries; with another key, for another
// itinerary or without a key, not; a code no event names is not recorded.
func TestVerifyIssuedWithTheKiosksKey(t *testing.T) {
	pub, key, _ := ed25519.GenerateKey(nil)
	other, _, _ := ed25519.GenerateKey(nil)
	c := Content{Learner: "Begoña Núñez", Itinerary: "primeros-pasos", Day: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC), Centre: "La Almozara"}
	code, err := Sign(key, c)
	if err != nil {
		t.Fatal(err)
	}
	rec := func(itinerary string, k ed25519.PublicKey) Issued {
		e := store.Event{Kind: store.CertificateIssued, Itinerary: itinerary, Certificate: Ref(code)}
		if k != nil {
			e.CentreKey = PublicKeyText(k)
		}
		return Issued{Event: e, Learner: store.Learner{Name: "Begoña Núñez"}}
	}
	got, by, err := VerifyIssued(code, []Issued{rec("primeros-pasos", other), rec("primeros-pasos", pub)})
	if err != nil || by == nil || by.Event.CentreKey != PublicKeyText(pub) || got.Learner != c.Learner || !got.Day.Equal(c.Day) {
		t.Fatalf("genuine: %+v by %+v, %v", got, by, err)
	}
	for name, tc := range map[string]struct {
		issued []Issued
		want   error
	}{
		"another key":       {[]Issued{rec("primeros-pasos", other)}, ErrNotGenuine},
		"another itinerary": {[]Issued{rec("correo-electronico", pub)}, ErrNotGenuine},
		"no key":            {[]Issued{rec("primeros-pasos", nil)}, ErrNotRecorded},
		"nothing recorded":  {nil, ErrNotRecorded},
	} {
		if _, by, err := VerifyIssued(code, tc.issued); !errors.Is(err, tc.want) || by != nil {
			t.Errorf("%s: %v (by %+v), want %v", name, err, by, tc.want)
		}
	}
	if _, _, err := VerifyIssued("AAAA", nil); !errors.Is(err, ErrUnreadable) {
		t.Errorf("a short code: %v", err)
	}
}
