package certificate

import (
	"crypto/ed25519"
	"errors"
	"time"

	"aula/i18n"
	"aula/store"
)

// What a check of a code found (Verdict.Status).
const (
	StatusGenuine     = "genuine"       // signed by this computer's centre key
	StatusClass       = "genuine_class" // signed by a laptop of the class, which recorded it
	StatusNotGenuine  = "not_genuine"   // readable, not signed by this centre's key, or changed
	StatusNotRecorded = "not_recorded"  // on a hub: no laptop of the class recorded it
	StatusUnreadable  = "unreadable"    // mistyped or cut short: it says nothing
	StatusNoKey       = "no_key"        // this data file has no centre key and no class: nothing to check with
)

// Verdict is what checking a code found: its status and what the code
// says (nothing when unreadable). It travels as JSON from the hub to the
// dashboard and to aula certificate verify.
type Verdict struct {
	Status    string `json:"status"`
	Learner   string `json:"learner,omitempty"`
	Itinerary string `json:"itinerary,omitempty"`
	Day       string `json:"day,omitempty"` // YYYY-MM-DD
	Centre    string `json:"centre,omitempty"`
	// RecordedFor and RecordedOn are, for StatusClass, the learner the
	// kiosk recorded the certificate for and the day it did.
	RecordedFor string `json:"recorded_for,omitempty"`
	RecordedOn  string `json:"recorded_on,omitempty"`
}

// Genuine reports whether the code was found genuine.
func (v Verdict) Genuine() bool { return v.Status == StatusGenuine || v.Status == StatusClass }

// verdictOf is the verdict of a check that gave content c and err.
func verdictOf(c Content, err error, genuine string) Verdict {
	v := Verdict{Status: genuine}
	switch {
	case errors.Is(err, ErrUnreadable):
		return Verdict{Status: StatusUnreadable}
	case errors.Is(err, ErrNotRecorded):
		v.Status = StatusNotRecorded
	case err != nil:
		v.Status = StatusNotGenuine
	}
	v.Learner, v.Itinerary, v.Centre = c.Learner, c.Itinerary, c.Centre
	if !c.Day.IsZero() {
		v.Day = c.Day.Format(time.DateOnly)
	}
	return v
}

// CheckWithKey checks code against the public key pub alone.
func CheckWithKey(pub ed25519.PublicKey, code string) Verdict {
	c, err := Verify(pub, code)
	return verdictOf(c, err, StatusGenuine)
}

// Check checks code with what st knows: its own centre key, then, on a
// hub, the certificates the kiosks of its class recorded with their own
// keys (VerifyIssued).
func Check(st *store.Store, code string) (Verdict, error) {
	key, err := st.MadeCentreKey()
	if err != nil {
		return Verdict{}, err
	}
	issued, err := IssuedIn(st, code)
	if err != nil {
		return Verdict{}, err
	}
	laptops, err := st.DeviceCount() // a hub's: the laptops that joined its class
	if err != nil {
		return Verdict{}, err
	}
	var mine Verdict
	if key != nil {
		mine = CheckWithKey(key.Public().(ed25519.PublicKey), code)
		if mine.Genuine() || mine.Status == StatusUnreadable {
			return mine, nil
		}
	}
	c, rec, err := VerifyIssued(code, issued)
	if key == nil && laptops == 0 && errors.Is(err, ErrNotRecorded) {
		return Verdict{Status: StatusNoKey}, nil
	}
	if key != nil && err != nil {
		return mine, nil // what this computer's key says
	}
	v := verdictOf(c, err, StatusClass)
	if rec != nil {
		v.RecordedFor, v.RecordedOn = rec.Learner.Name, rec.Event.At.Local().Format(time.DateOnly)
	}
	return v, nil
}

// Lines are v in the trainer's words: GENUINE, NOT GENUINE or CANNOT BE
// READ, what the code says (the itinerary named by title, which gives
// the title of an itinerary id, or the id when it knows none) and what
// the signature does not prove.
func (v Verdict) Lines(cat *i18n.Catalog, title func(id string) string) []string {
	var out []string
	switch v.Status {
	case StatusUnreadable:
		return []string{cat.T("cert_unreadable")}
	case StatusNoKey:
		return []string{cat.T("cert_no_key_here")}
	case StatusNotRecorded:
		out = append(out, cat.T("cert_not_genuine_class"), cat.T("cert_not_genuine_claims"))
	case StatusNotGenuine:
		out = append(out, cat.T("cert_not_genuine"), cat.T("cert_not_genuine_claims"))
	case StatusClass:
		out = append(out, cat.T("cert_genuine_class", "Name", v.RecordedFor, "Date", v.RecordedOn))
	default:
		out = append(out, cat.T("cert_genuine"))
	}
	it := v.Itinerary
	if title != nil {
		it = title(v.Itinerary)
	}
	centre := v.Centre
	if centre == "" {
		centre = cat.T("cert_centre_unnamed")
	}
	out = append(out,
		cat.T("cert_says_learner", "Name", v.Learner),
		cat.T("cert_says_itinerary", "Title", it),
		cat.T("cert_says_date", "Date", v.Day),
		cat.T("cert_says_centre", "Name", centre))
	if !v.Genuine() {
		return out
	}
	out = append(out, cat.T("cert_verify_limits"))
	if v.Status == StatusClass {
		out = append(out, cat.T("cert_verify_class_limits"))
	}
	return out
}
